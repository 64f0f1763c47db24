package vn.dossierpost.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code bench-upload --url http://127.0.0.1:8080 --username U --password P --concurrency 4 --count 200 --size-mb 5
 * --dir ./data/files}: takes in dossiers, then uploads one generated scan-like PDF (a page with an
 * uncompressed grey image; every upload's bytes differ, so none is deduplicated) to each, and prints
 * upload throughput in MB/s with latency percentiles. In the same run it measures the raw write rate
 * of the disk under {@code --dir} (which should be the service's dataDir/files): the same number of
 * files of the same size written in 1 MB blocks and each flushed with fsync, one after the other like
 * {@code dd conv=fsync}, before and after the uploads; and prints the ratio of the two. A warm-up of
 * about 500 MB of uploads (at least 10% of the count) comes first and is not measured.
 */
public class UploadBenchmarkCommand extends Command {
    private static final String BOUNDARY = "dossierpost-bench-8a1f03c9";
    /** A multipart body of one PDF scan is PDF_PART_HEAD, the PDF, PDF_PART_TAIL, sent as PDF_PART_TYPE. */
    static final String PDF_PART_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    static final byte[] PDF_PART_HEAD = ("--" + BOUNDARY
                    + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ban-quet.pdf\"\r\n"
                    + "Content-Type: application/pdf\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    static final byte[] PDF_PART_TAIL = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);

    public UploadBenchmarkCommand() {
        super(
                "bench-upload",
                "Measure scan upload throughput against a running service, next to the disk's raw write rate");
    }

    @Override
    public void configure(Subparser subparser) {
        LoadRun.addServiceArguments(subparser, 4, 200);
        subparser.addArgument("--size-mb").dest("sizeMb").type(Integer.class).setDefault(5);
        subparser
                .addArgument("--dir")
                .setDefault("./data/files")
                .help("a directory on the service's disk: its dataDir/files");
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace ns) throws Exception {
        String base = LoadRun.baseUrl(ns);
        int concurrency = ns.getInt("concurrency");
        int count = ns.getInt("count");
        int sizeMb = ns.getInt("sizeMb");
        Path dir = Path.of(ns.getString("dir"));
        if (concurrency < 1 || concurrency > 256 || count < 1 || count > 1_000_000 || sizeMb < 1 || sizeMb > 1000) {
            throw new IllegalArgumentException("--concurrency 1..256, --count 1..1000000, --size-mb 1..1000");
        }
        String auth = LoadRun.basicAuth(ns);
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> template =
                IntakeBenchmarkCommand.templates(client, json, base, auth).get(0);
        @SuppressWarnings("unchecked")
        String component = (String)
                ((List<Map<String, Object>>) template.get("components")).get(0).get("code");
        byte[] pdf = scanLikePdf(sizeMb * 1_000_000);
        // Warm-up (not measured): until the JIT has compiled the hashing and the multipart scan, a
        // freshly started service is far slower; about 500 MB of uploads gets it there.
        int warmup = Math.max(2 * concurrency, Math.max(count / 10, 500 / sizeMb));
        System.out.printf(
                Locale.ROOT,
                "bench-upload: %s, %d uploads of %.1f MB (+%d warm-up), concurrency %d, raw disk test in %s%n",
                base,
                count,
                pdf.length / 1e6,
                warmup,
                concurrency,
                dir.toAbsolutePath());

        List<String> codes = intake(client, json, base, auth, template, count + warmup, concurrency);
        double rawBefore = rawWriteRate(dir, pdf, count);
        upload(base, auth, codes.subList(0, warmup), component, pdf, concurrency);
        LoadRun.Result r = upload(base, auth, codes.subList(warmup, codes.size()), component, pdf, concurrency);
        double rawAfter = rawWriteRate(dir, pdf, count);
        System.out.printf(
                Locale.ROOT,
                "uploads %d, failures %d, elapsed %.2f s, %.1f uploads/s, %.1f MB/s%n",
                r.count(),
                r.failures(),
                r.seconds(),
                r.count() / r.seconds(),
                (double) pdf.length * r.count() / 1e6 / r.seconds());
        r.printLatencies(System.out);
        double raw = (rawBefore + rawAfter) / 2;
        double upload = (double) pdf.length * r.count() / 1e6 / r.seconds();
        System.out.printf(
                Locale.ROOT,
                "raw disk write with fsync per file: %.1f MB/s before, %.1f MB/s after (mean %.1f)%n",
                rawBefore,
                rawAfter,
                raw);
        System.out.printf(
                Locale.ROOT,
                "upload throughput %.1f MB/s = %.0f%% of the raw disk write rate%n",
                upload,
                100 * upload / raw);
    }

    /** Takes in one dossier per upload (not timed); returns their codes. */
    private static List<String> intake(
            HttpClient client,
            ObjectMapper json,
            String base,
            String auth,
            Map<String, Object> template,
            int n,
            int concurrency)
            throws Exception {
        String[] codes = new String[n];
        LoadRun.parallel(
                n, concurrency, i -> codes[i] = IntakeBenchmarkCommand.takeIn(client, json, base, auth, template));
        return List.of(codes);
    }

    private static LoadRun.Result upload(
            String base, String auth, List<String> codes, String component, byte[] pdf, int concurrency)
            throws Exception {
        ThreadLocal<byte[]> copies = ThreadLocal.withInitial(pdf::clone);
        return LoadRun.measure(codes.size(), concurrency, i -> {
            byte[] body = copies.get();
            unique(body, i);
            return LoadRun.send(
                    "PUT",
                    base + "/api/dossiers/" + codes.get(i) + "/components/" + component + "/files",
                    auth,
                    PDF_PART_TYPE,
                    300_000,
                    201,
                    PDF_PART_HEAD,
                    body,
                    PDF_PART_TAIL);
        });
    }

    /**
     * Writes {@code count} files of the PDF's size in 1 MB blocks, each flushed with fsync before it
     * is closed, one after the other; returns MB/s. The files are deleted afterwards.
     */
    static double rawWriteRate(Path dir, byte[] content, int count) throws IOException {
        Files.createDirectories(dir);
        Path file = Files.createTempFile(dir, "bench-raw-", ".bin");
        long start = System.nanoTime();
        try {
            ByteBuffer block = ByteBuffer.allocateDirect(1 << 20);
            for (int i = 0; i < count; i++) {
                try (FileChannel channel =
                        FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    unique(content, i);
                    for (int off = 0; off < content.length; off += block.capacity()) {
                        block.clear();
                        block.put(content, off, Math.min(block.capacity(), content.length - off))
                                .flip();
                        while (block.hasRemaining()) {
                            channel.write(block);
                        }
                    }
                    channel.force(true);
                }
                Files.delete(file);
                Files.createFile(file);
            }
            return (double) content.length * count / 1e6 / ((System.nanoTime() - start) / 1e9);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Makes this copy's bytes differ from every other upload's: a counter and a random value in the image data. */
    private static void unique(byte[] pdf, int i) {
        int at = pdf.length / 2;
        ByteBuffer.wrap(pdf, at, 16).putLong(i).putLong(System.nanoTime());
    }

    /**
     * A one-page PDF of about {@code size} bytes whose page is an uncompressed 8-bit grey image, as a
     * plain scanner writes it; the image is noise so nothing on the way can compress it.
     */
    static byte[] scanLikePdf(int size) throws IOException {
        int width = 2480; // A4 at 300 dpi
        int height = Math.max(1, (size - 1024) / width);
        byte[] pixels = new byte[width * height];
        new Random(42).nextBytes(pixels);
        ByteArrayOutputStream out = new ByteArrayOutputStream(pixels.length + 2048);
        List<Integer> offsets = new ArrayList<>();
        write(out, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        offsets.add(out.size());
        write(out, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        offsets.add(out.size());
        write(out, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
        offsets.add(out.size());
        write(
                out,
                "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> "
                        + "/Contents 5 0 R >>\nendobj\n");
        offsets.add(out.size());
        write(
                out,
                "4 0 obj\n<< /Type /XObject /Subtype /Image /Width " + width + " /Height " + height
                        + " /ColorSpace /DeviceGray /BitsPerComponent 8 /Length " + pixels.length + " >>\nstream\n");
        out.write(pixels);
        write(out, "\nendstream\nendobj\n");
        String content = "q 595 0 0 842 0 0 cm /Im0 Do Q";
        offsets.add(out.size());
        write(out, "5 0 obj\n<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream\nendobj\n");
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (offsets.size() + 1) + "\n0000000000 65535 f \n");
        offsets.forEach(o -> table.append(String.format(Locale.ROOT, "%010d 00000 n \n", o)));
        table.append("trailer\n<< /Size ")
                .append(offsets.size() + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        write(out, table.toString());
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
