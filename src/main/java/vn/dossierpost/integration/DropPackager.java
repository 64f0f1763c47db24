package vn.dossierpost.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.FileConstants;
import vn.dossierpost.api.agency.DossierManifest;
import vn.dossierpost.api.agency.DropManifest;
import vn.dossierpost.service.handover.HandoverItem;
import vn.dossierpost.service.handover.HandoverWork;
import vn.dossierpost.storage.BlobStore;

/**
 * Builds a handover's drop package, {@code <handoverNo>.zip} (manifest.json, then every file at its
 * manifest path), in a staging folder on local disk; the route then hands it to the file or SFTP
 * endpoint, which writes it under a {@code .part} name and renames it. Each file is checked against
 * its SHA-256 on the way in: a damaged scan stops the package rather than reaching the agency.
 * Entries are not compressed: scans are JPEG, PNG or PDF already, and the package is written at disk
 * speed. For a local drop folder the staged file is renamed into place rather than copied again
 * (Camel's "local work path"). The SFTP producer ignores that header and streams the staged file to
 * the server; the staged copy is then deleted by {@link #discard} at the end of the attempt, as it is
 * for a local drop that found the package already in place.
 */
public final class DropPackager {
    /** Headers the route reads. */
    public static final String SIGNATURE = "DossierpostSignature";

    private final BlobStore store;
    private final ObjectMapper json;
    private final Path staging;

    public DropPackager(BlobStore store, ObjectMapper json, Path staging) throws IOException {
        this.store = store;
        this.json = json;
        this.staging = Files.createDirectories(staging);
    }

    /** Writes the package of {@code work} and sets the exchange's body to it, with its name and signature. */
    public void build(Exchange exchange) throws IOException {
        HandoverWork work = exchange.getMessage().getBody(HandoverWork.class);
        Path zip = staging.resolve(work.handoverNo() + ".zip");
        DropManifest manifest = new DropManifest(
                work.handoverNo(),
                work.agency().code(),
                work.createdAt(),
                work.items().stream().map(HandoverItem::parsed).toList());
        byte[] manifestBytes = json.writeValueAsBytes(manifest);
        try (FileChannel channel = FileChannel.open(
                        zip,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
                ZipOutputStream out = new ZipOutputStream(
                        new BufferedOutputStream(new Unclosed(Channels.newOutputStream(channel)), 1 << 16))) {
            out.setLevel(Deflater.NO_COMPRESSION);
            out.putNextEntry(new ZipEntry("manifest.json"));
            out.write(manifestBytes);
            out.closeEntry();
            for (HandoverItem item : work.items()) {
                for (DossierManifest.File f : item.parsed().files()) {
                    out.putNextEntry(new ZipEntry(f.path()));
                    copyChecked(f, out);
                    out.closeEntry();
                }
            }
            out.finish();
            out.flush();
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(zip);
            throw e;
        }
        exchange.getMessage().setBody(zip.toFile());
        exchange.getMessage().setHeader(Exchange.FILE_NAME, zip.getFileName().toString());
        exchange.getMessage().setHeader(FileConstants.FILE_LOCAL_WORK_PATH, zip.toFile());
        exchange.getMessage()
                .setHeader(
                        SIGNATURE, Signatures.sign(manifestBytes, work.agency().secret()));
    }

    /** Deletes what is left in staging for this handover (the endpoint found the package already delivered). */
    public void discard(HandoverWork work) throws IOException {
        Files.deleteIfExists(staging.resolve(work.handoverNo() + ".zip"));
    }

    private void copyChecked(DossierManifest.File f, OutputStream out) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        store.copy(f.sha256(), 0, f.size(), new DigestOutputStream(new Unclosed(out), sha256));
        String actual = HexFormat.of().formatHex(sha256.digest());
        if (!actual.equals(f.sha256())) {
            throw new IOException("stored file " + f.path() + " no longer matches its SHA-256 (" + actual
                    + " instead of " + f.sha256() + "); run the fixity check");
        }
    }

    /** Keeps the channel open when the ZIP stream is done with it, so it can be forced to disk. */
    private static final class Unclosed extends FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
