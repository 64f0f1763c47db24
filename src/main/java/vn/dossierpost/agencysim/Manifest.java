package vn.dossierpost.agencysim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One per-dossier manifest as the agency reads it: the fields it relies on (codes, applicant, and
 * every file's path, size and SHA-256), and the check that the files which arrived are exactly the
 * ones listed. Shared by the HTTP channel (files = parts) and the file drop (files = ZIP entries).
 */
final class Manifest {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** A file the manifest promises. */
    record DeclaredFile(String path, String name, long size, String sha256) {}

    private final String dossierCode;
    private final String handoverNo;
    private final String applicantName;
    private final List<DeclaredFile> files;

    private Manifest(String dossierCode, String handoverNo, String applicantName, List<DeclaredFile> files) {
        this.dossierCode = dossierCode;
        this.handoverNo = handoverNo;
        this.applicantName = applicantName;
        this.files = List.copyOf(files);
    }

    /** Parses JSON bytes (UTF-8) into a tree; {@code what} names them in the rejection. */
    static JsonNode parseJson(ObjectMapper json, byte[] bytes, String what) throws Rejection {
        try {
            JsonNode node = json.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new Rejection(what + " is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new Rejection(what + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Rejection(what + " cannot be read: " + e.getMessage());
        }
    }

    /** Reads one dossier's manifest; {@code where} prefixes the problems (e.g. "manifest" or "dossiers[2]"). */
    static Manifest of(JsonNode node, String where) throws Rejection {
        List<String> problems = new ArrayList<>();
        String dossierCode = text(node, "dossierCode", where, problems);
        String handoverNo = text(node, "handoverNo", where, problems);
        JsonNode applicant = node.path("applicant");
        String applicantName =
                applicant.path("name").isTextual() ? applicant.path("name").asText() : null;
        List<DeclaredFile> files = new ArrayList<>();
        JsonNode components = node.get("components");
        if (components == null || !components.isArray()) {
            problems.add(where + ".components: missing or not an array");
        } else {
            for (int c = 0; c < components.size(); c++) {
                JsonNode list = components.get(c).path("files");
                for (int f = 0; f < list.size(); f++) {
                    declared(list.get(f), where + ".components[" + c + "].files[" + f + "]", problems)
                            .ifPresent(files::add);
                }
            }
        }
        Set<String> paths = new HashSet<>();
        for (DeclaredFile file : files) {
            if (!paths.add(file.path())) {
                problems.add(where + ": the file " + file.path() + " is listed twice");
            }
        }
        if (!problems.isEmpty()) {
            throw new Rejection(problems);
        }
        return new Manifest(dossierCode, handoverNo, applicantName, files);
    }

    private static Optional<DeclaredFile> declared(JsonNode file, String where, List<String> problems) {
        String path = text(file, "path", where, problems);
        JsonNode size = file.get("size");
        JsonNode sha256 = file.get("sha256");
        int before = problems.size();
        if (size == null || !size.canConvertToLong() || !size.isIntegralNumber() || size.asLong() < 0) {
            problems.add(where + ".size: missing or not a whole number of bytes");
        }
        if (sha256 == null
                || !sha256.isTextual()
                || !SHA256.matcher(sha256.asText()).matches()) {
            problems.add(where + ".sha256: missing or not 64 lowercase hex digits");
        }
        if (path == null || problems.size() > before) {
            return Optional.empty();
        }
        String name = file.path("name").isTextual() ? file.path("name").asText() : null;
        return Optional.of(new DeclaredFile(path, name, size.asLong(), sha256.asText()));
    }

    private static String text(JsonNode node, String field, String where, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            problems.add(where + "." + field + ": missing or empty");
            return null;
        }
        return value.asText();
    }

    /**
     * The problems with the listed files against what arrived (by path): missing, another size, another
     * SHA-256. {@code kind} is what carries a file: "part" or "entry".
     */
    List<String> compare(Map<String, FileDigest> arrived, String kind) {
        List<String> problems = new ArrayList<>();
        for (DeclaredFile file : files) {
            FileDigest got = arrived.get(file.path());
            if (got == null) {
                problems.add(
                        "file " + file.path() + ": listed in the manifest but no " + kind + " of that name arrived");
            } else if (got.size() != file.size()) {
                problems.add(
                        "file " + file.path() + ": " + got.size() + " bytes arrived, the manifest says " + file.size());
            } else if (!got.sha256().equals(file.sha256())) {
                problems.add("file " + file.path() + ": SHA-256 " + got.sha256() + " does not match the manifest's "
                        + file.sha256());
            }
        }
        return problems;
    }

    /** What arrived without being listed in any of the manifests, one problem each. */
    static List<String> unlisted(Collection<String> arrived, Collection<Manifest> manifests, String kind) {
        Set<String> listed = new HashSet<>();
        manifests.forEach(m -> m.files.forEach(f -> listed.add(f.path())));
        return arrived.stream()
                .filter(name -> !listed.contains(name))
                .sorted()
                .map(name -> kind + " " + name + ": not listed in the manifest")
                .toList();
    }

    /** The idempotency key the service must send with this dossier. */
    String key() {
        return dossierCode + "/" + handoverNo;
    }

    String dossierCode() {
        return dossierCode;
    }

    String handoverNo() {
        return handoverNo;
    }

    String applicantName() {
        return applicantName;
    }

    List<DeclaredFile> files() {
        return files;
    }
}
