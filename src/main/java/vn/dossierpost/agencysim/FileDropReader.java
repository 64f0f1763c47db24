package vn.dossierpost.agencysim;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agency's side of the file-drop channel: watches the drop folder for {@code <handoverNo>.zip.ready}
 * (so a ZIP still being written, or a {@code .part}, is never touched), checks the ZIP
 * ({@link HandoverZip}), writes {@code <handoverNo>.ack.json} under a temporary name, renames it and
 * then writes its {@code .ready} holding the ack's signature (HMAC-SHA256 with the agency's secret,
 * which the service checks before applying it), in the service's inbox for this agency. A processed ZIP and its
 * .ready move to {@code processed/}; a refused one to {@code rejected/} next to {@code <name>.error.txt}.
 */
final class FileDropReader implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AgencySimulator.class);
    private static final String READY = ".ready";
    private static final String ZIP = ".zip";

    record AckReceipt(String dossierCode, String receiptNumber, String receivedAt) {}

    record Ack(String handoverNo, List<AckReceipt> receipts) {}

    private final Path dropDir;
    private final Path ackDir;
    private final Signatures signatures;
    private final ObjectMapper json;
    private final ReceiptLedger ledger;
    private final Counters counters;
    private final Faults faults;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "agency-sim-file-drop");
        t.setDaemon(true);
        return t;
    });

    FileDropReader(
            Path dropDir,
            Path ackDir,
            Signatures signatures,
            ObjectMapper json,
            ReceiptLedger ledger,
            Counters counters,
            Faults faults) {
        this.dropDir = dropDir;
        this.ackDir = ackDir;
        this.signatures = signatures;
        this.json = json;
        this.ledger = ledger;
        this.counters = counters;
        this.faults = faults;
    }

    void start(Duration interval) throws IOException {
        Files.createDirectories(dropDir);
        Files.createDirectories(ackDir);
        scheduler.scheduleWithFixedDelay(this::pollQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (Exception e) { // keep polling: the next round may succeed (a full disk, a folder gone for a while)
            log.error("agency-sim: reading the drop folder {} failed", dropDir, e);
        }
    }

    /** Takes every handover whose .ready file is there, in name order. */
    void poll() throws IOException {
        List<Path> ready = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dropDir, "*" + ZIP + READY)) {
            files.forEach(ready::add);
        }
        ready.sort(null);
        for (Path done : ready) {
            if (Files.isRegularFile(done)) {
                take(done);
            }
        }
    }

    private void take(Path ready) throws IOException {
        String zipName = ready.getFileName()
                .toString()
                .substring(0, ready.getFileName().toString().length() - READY.length());
        String handoverNo = zipName.substring(0, zipName.length() - ZIP.length());
        Path zip = dropDir.resolve(zipName);
        List<Manifest> dossiers;
        try {
            if (!Files.isRegularFile(zip)) {
                throw new Rejection(zipName + ": the .ready file is there but the ZIP is not");
            }
            dossiers = HandoverZip.verify(
                    zip, handoverNo, Files.readString(ready, StandardCharsets.UTF_8), signatures, json);
        } catch (Rejection r) {
            reject(ready, zip, zipName, r);
            return;
        }
        List<AckReceipt> receipts = new ArrayList<>();
        for (Manifest dossier : dossiers) {
            List<String> names =
                    dossier.files().stream().map(Manifest.DeclaredFile::name).toList();
            Receipt receipt = ledger.deliver(dossier, names).delivery().receipt();
            receipts.add(new AckReceipt(dossier.dossierCode(), receipt.receiptNumber(), receipt.receivedAt()));
        }
        byte[] ack = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(new Ack(handoverNo, receipts));
        writeAck(handoverNo, ack);
        if (faults.ackTwice()) {
            writeAck(handoverNo + "-2", ack);
        }
        moveInto(dropDir.resolve("processed"), ready, zip);
        counters.zipsProcessed.increment();
        counters.dossiersAcknowledged.add(receipts.size());
        log.info("agency-sim: acknowledged {} with {} receipts", zipName, receipts.size());
    }

    /**
     * The ack under a temporary name, renamed, then its signed done file (also written then renamed):
     * the reader never sees half an ack nor half a signature.
     */
    private void writeAck(String name, byte[] ack) throws IOException {
        writeThenRename(ackDir.resolve(name + ".ack.json"), ack);
        writeThenRename(
                ackDir.resolve(name + ".ack.json" + READY), signatures.sign(ack).getBytes(StandardCharsets.US_ASCII));
    }

    /** Whoever looks at the folder sees the whole file or none of it. */
    private static void writeThenRename(Path target, byte[] content) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".part");
        Files.write(temporary, content);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void reject(Path ready, Path zip, String zipName, Rejection why) throws IOException {
        Path rejected = dropDir.resolve("rejected");
        moveInto(rejected, ready, zip);
        byte[] reasons = (String.join("\n", why.problems()) + "\n").getBytes(StandardCharsets.UTF_8);
        writeThenRename(rejected.resolve(zipName + ".error.txt"), reasons);
        counters.zipsRejected.increment();
        log.warn("agency-sim: rejected {}: {}", zipName, why.getMessage());
    }

    /** The .ready first: once it is gone the handover is not taken again, even if moving the ZIP fails. */
    private static void moveInto(Path folder, Path ready, Path zip) throws IOException {
        Files.createDirectories(folder);
        Files.move(ready, folder.resolve(ready.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        if (Files.exists(zip)) {
            Files.move(zip, folder.resolve(zip.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
