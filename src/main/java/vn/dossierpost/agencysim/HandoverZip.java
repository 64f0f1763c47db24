package vn.dossierpost.agencysim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * One handover ZIP of the file-drop channel, checked as the agency would before acknowledging it:
 * the signature of {@code manifest.json} (from the .ready file), the handover number against the
 * file's name, and every listed file's size and SHA-256, read entry by entry without unpacking.
 */
final class HandoverZip {
    static final String MANIFEST = "manifest.json";
    private static final int MAX_MANIFEST = 16 * 1024 * 1024;

    private HandoverZip() {}

    /** The per-dossier manifests of a ZIP that passed every check. */
    static List<Manifest> verify(
            Path zip, String handoverNo, String signature, Signatures signatures, ObjectMapper json) throws Rejection {
        try (ZipFile file = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            ZipEntry entry = file.getEntry(MANIFEST);
            if (entry == null) {
                throw new Rejection(MANIFEST + ": not in the ZIP");
            }
            byte[] manifest;
            try (InputStream in = file.getInputStream(entry)) {
                manifest = in.readNBytes(MAX_MANIFEST + 1);
            }
            if (manifest.length > MAX_MANIFEST) {
                throw new Rejection(MANIFEST + ": larger than " + MAX_MANIFEST + " bytes");
            }
            if (!signatures.verify(manifest, signature)) {
                throw new Rejection("the .ready file's signature does not match the HMAC-SHA256 of " + MANIFEST
                        + " with the agency's secret");
            }
            JsonNode root = Manifest.parseJson(json, manifest, MANIFEST);
            AgencyContract.published().check(AgencyContract.DROP_MANIFEST, root, MANIFEST);
            List<Manifest> dossiers = dossiers(root, handoverNo);
            List<String> problems = new ArrayList<>();
            Map<String, FileDigest> entries = digests(file);
            dossiers.forEach(d -> problems.addAll(d.compare(entries, "entry")));
            problems.addAll(Manifest.unlisted(entries.keySet(), dossiers, "entry"));
            if (!problems.isEmpty()) {
                throw new Rejection(problems);
            }
            return dossiers;
        } catch (IOException e) { // not a ZIP, truncated, or an entry failing its CRC
            throw new Rejection("the ZIP cannot be read: " + e);
        }
    }

    private static List<Manifest> dossiers(JsonNode root, String handoverNo) throws Rejection {
        List<String> problems = new ArrayList<>();
        if (!handoverNo.equals(root.path("handoverNo").asText(null))) {
            problems.add(MANIFEST + ".handoverNo: '" + root.path("handoverNo").asText("") + "' but the file is "
                    + handoverNo + ".zip");
        }
        JsonNode list = root.path("dossiers");
        if (!list.isArray() || list.isEmpty()) {
            problems.add(MANIFEST + ".dossiers: missing or empty");
        }
        List<Manifest> dossiers = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = MANIFEST + ".dossiers[" + i + "]";
            try {
                Manifest dossier = Manifest.of(list.get(i), where);
                if (!dossier.handoverNo().equals(handoverNo)) {
                    problems.add(where + ".handoverNo: '" + dossier.handoverNo() + "' is not the ZIP's " + handoverNo);
                }
                dossiers.add(dossier);
            } catch (Rejection r) {
                problems.addAll(r.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new Rejection(problems);
        }
        return dossiers;
    }

    /** Size and SHA-256 of every file entry but the manifest (directory entries are not files). */
    private static Map<String, FileDigest> digests(ZipFile file) throws IOException {
        Map<String, FileDigest> digests = new HashMap<>();
        Enumeration<? extends ZipEntry> entries = file.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            if (entry.isDirectory() || entry.getName().equals(MANIFEST)) {
                continue;
            }
            try (InputStream in = file.getInputStream(entry)) {
                digests.put(entry.getName(), Signatures.digest(in));
            }
        }
        return digests;
    }
}
