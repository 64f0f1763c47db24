package vn.dossierpost.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Blobs as objects of one S3 bucket under the keys {@code ab/cd/<sha256>} (the filesystem store's
 * paths), so several nodes share them. Uploads are staged on local disk as with the filesystem store
 * ({@link BlobStaging}); {@link #place} then sends the staged file with its MD5 (Content-MD5), so
 * the server refuses bytes that changed on the way.
 *
 * <p>Nothing is held whole in memory: an upload is read from the staged file by the SDK in chunks as
 * it signs and sends them, and downloads, ranges and fixity checks stream the object's body. An object
 * store has no rename: a PUT replaces the object whole or not at all, which gives the same guarantee
 * as the filesystem store's rename.
 *
 * <p>Credentials come from the SDK's default chain (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY,
 * then profiles and instance roles), never from config.yml.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {
    private static final Pattern KEY = Pattern.compile("^[0-9a-f]{2}/[0-9a-f]{2}/([0-9a-f]{64})$");
    private static final HexFormat HEX = HexFormat.of();

    /** Where the bucket is: {@code endpoint} null means AWS itself, in {@code region}. */
    public record Settings(
            URI endpoint,
            String bucket,
            String region,
            boolean pathStyle,
            Duration connectTimeout,
            Duration readTimeout) {}

    private final S3Client s3;
    private final String bucket;
    private final String location;
    private final BlobStaging staging;
    private final S3Failures failures;

    S3BlobStore(S3Client s3, String bucket, String location, BlobStaging staging) {
        this.s3 = s3;
        this.bucket = bucket;
        this.location = location;
        this.staging = staging;
        this.failures = new S3Failures(bucket, location);
    }

    /** A store on the bucket of {@code settings}, staging under {@code stagingDir}; does not contact the server. */
    public static S3BlobStore open(Settings settings, Path stagingDir) throws IOException {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .forcePathStyle(settings.pathStyle())
                // The Content-MD5 sent with each upload is the check; the SDK's own CRC32 trailers are
                // not understood by every S3-compatible server.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(settings.connectTimeout())
                        .socketTimeout(settings.readTimeout()));
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        String location = "s3://" + settings.bucket()
                + (settings.endpoint() != null ? " at " + settings.endpoint() : " in " + settings.region());
        return new S3BlobStore(builder.build(), settings.bucket(), location, new BlobStaging(stagingDir));
    }

    /** The object key of a blob; refuses anything but a SHA-256 in lower-case hex. */
    static String keyOf(String sha256) {
        String key = sha256 == null || sha256.length() != 64
                ? ""
                : sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a SHA-256 in lower-case hex: " + sha256);
        }
        return key;
    }

    public Path stagingDirectory() {
        return staging.directory();
    }

    @Override
    public StagedBlob stage(InputStream content, long maxBytes) throws IOException {
        return staging.stage(content, maxBytes);
    }

    @Override
    public Placement place(StagedBlob blob) throws IOException {
        Placement placement = Placement.NEW;
        if (size(blob.sha256()).isPresent()) {
            if (verify(blob.sha256()).ok()) {
                staging.discard(blob);
                return Placement.DUPLICATE;
            }
            placement = Placement.REPAIRED; // the upload below replaces the damaged object
        }
        String checksum = md5(blob.localFile());
        try {
            s3.putObject(
                    r -> r.bucket(bucket)
                            .key(keyOf(blob.sha256()))
                            .contentLength(blob.size())
                            .contentType("application/octet-stream")
                            .contentMD5(checksum),
                    RequestBody.fromFile(blob.localFile()));
        } catch (SdkException e) {
            throw failures.of("store blob " + blob.sha256(), e);
        }
        staging.discard(blob);
        return placement;
    }

    @Override
    public void discard(StagedBlob blob) {
        staging.discard(blob);
    }

    @Override
    public void remove(String sha256) throws IOException {
        try {
            s3.deleteObject(r -> r.bucket(bucket).key(keyOf(sha256)));
        } catch (SdkException e) {
            throw failures.of("delete blob " + sha256, e);
        }
    }

    @Override
    public OptionalLong size(String sha256) throws IOException {
        try {
            return OptionalLong.of(
                    s3.headObject(r -> r.bucket(bucket).key(keyOf(sha256))).contentLength());
        } catch (NoSuchKeyException e) {
            return OptionalLong.empty();
        } catch (S3Exception e) {
            if (S3Failures.isMissingObject(e)) {
                return OptionalLong.empty();
            }
            throw failures.of("look up blob " + sha256, e);
        } catch (SdkException e) {
            throw failures.of("look up blob " + sha256, e);
        }
    }

    @Override
    public Fixity verify(String sha256) throws IOException {
        MessageDigest digest = FileSystemBlobStore.sha256();
        long size = 0;
        try (ResponseInputStream<GetObjectResponse> body = open(sha256, null)) {
            byte[] buffer = new byte[BlobStaging.BUFFER];
            int n;
            while ((n = body.read(buffer)) >= 0) {
                digest.update(buffer, 0, n);
                size += n;
            }
        } catch (MissingObject e) {
            return Fixity.missing(sha256);
        } catch (SdkException e) {
            throw failures.of("read blob " + sha256, e);
        }
        String actual = HEX.formatHex(digest.digest());
        return actual.equals(sha256) ? Fixity.ok(sha256, size) : Fixity.corrupted(sha256, actual, size);
    }

    @Override
    public void copy(String sha256, long offset, long length, OutputStream out) throws IOException {
        if (length <= 0) {
            return;
        }
        String range = "bytes=" + offset + "-" + (offset + length - 1);
        try (ResponseInputStream<GetObjectResponse> body = open(sha256, range)) {
            byte[] buffer = new byte[(int) Math.min(BlobStaging.BUFFER, length)];
            long left = length;
            while (left > 0) {
                int n = body.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException("blob " + sha256 + " ended " + left + " bytes before the end of " + range);
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        } catch (MissingObject e) {
            throw new IOException("blob " + sha256 + " is not in " + location, e);
        } catch (SdkException e) {
            throw failures.of("read blob " + sha256, e);
        }
    }

    @Override
    public void forEachBlob(Consumer<String> action) throws IOException {
        try {
            for (S3Object o : s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents()) {
                var m = KEY.matcher(o.key());
                if (m.matches() && o.key().equals(keyOf(m.group(1)))) {
                    action.accept(m.group(1));
                }
            }
        } catch (SdkException e) {
            throw failures.of("list the blobs", e);
        }
    }

    @Override
    public int sweepStaging(Duration olderThan) throws IOException {
        return staging.sweep(olderThan);
    }

    @Override
    public int countStaleStaging(Duration olderThan) throws IOException {
        return staging.countStale(olderThan);
    }

    @Override
    public String location() {
        return location;
    }

    /** Asks for the bucket (HEAD), waiting at most a few seconds, and the staging folder. */
    @Override
    public void checkReachable() throws BlobStoreUnavailableException {
        try {
            s3.headBucket(r -> r.bucket(bucket).overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(10))));
        } catch (SdkException e) {
            throw failures.of("reach the bucket", e);
        }
        if (!Files.isDirectory(staging.directory()) || !Files.isWritable(staging.directory())) {
            throw new BlobStoreUnavailableException(
                    "the staging folder for uploads is not a writable folder",
                    staging.directory().toString(),
                    null);
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    /**
     * The staged file's MD5 in base64, for Content-MD5: every S3-compatible server checks it (S3Proxy,
     * for one, refuses the newer x-amz-checksum-sha256), so bytes changed on the way are refused.
     */
    private static String md5(Path file) throws IOException {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BlobStaging.BUFFER];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                md5.update(buffer, 0, n);
            }
        }
        return Base64.getEncoder().encodeToString(md5.digest());
    }

    /** The object's body, or its byte {@code range}; {@link MissingObject} when there is no such object. */
    private ResponseInputStream<GetObjectResponse> open(String sha256, String range) throws MissingObject {
        GetObjectRequest.Builder request =
                GetObjectRequest.builder().bucket(bucket).key(keyOf(sha256));
        if (range != null) {
            request.range(range);
        }
        try {
            return s3.getObject(request.build());
        } catch (NoSuchKeyException e) {
            throw new MissingObject();
        } catch (S3Exception e) {
            if (S3Failures.isMissingObject(e)) {
                throw new MissingObject();
            }
            throw e;
        }
    }

    /** No object under the key (the bucket itself is there). */
    private static final class MissingObject extends IOException {}
}
