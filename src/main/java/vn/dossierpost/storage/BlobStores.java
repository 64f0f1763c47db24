package vn.dossierpost.storage;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.DossierpostConfiguration.Files;

/** The scan store that config.yml names ({@code files.store}), for the service and its commands alike. */
public final class BlobStores {
    private BlobStores() {}

    /** Opens the store; an S3 store is not contacted here (its health check and first use do that). */
    public static BlobStore open(DossierpostConfiguration config) throws IOException {
        Path files = Path.of(config.getDataDir()).resolve("files");
        Files settings = config.getFiles();
        if (settings.store == Files.Store.S3) {
            DossierpostConfiguration.S3 s3 = settings.s3;
            URI endpoint = s3.endpoint == null || s3.endpoint.isBlank() ? null : URI.create(s3.endpoint.trim());
            return S3BlobStore.open(
                    new S3BlobStore.Settings(
                            endpoint,
                            s3.bucket.trim(),
                            s3.region,
                            s3.pathStyle,
                            s3.connectTimeout.toJavaDuration(),
                            s3.readTimeout.toJavaDuration()),
                    files.resolve("tmp"));
        }
        return new FileSystemBlobStore(files);
    }
}
