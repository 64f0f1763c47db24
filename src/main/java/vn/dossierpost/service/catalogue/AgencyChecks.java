package vn.dossierpost.service.catalogue;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.dossierpost.api.AgencyRequest;
import vn.dossierpost.api.FieldProblem;
import vn.dossierpost.db.AgencyDAO.AgencySettings;
import vn.dossierpost.domain.AgencyChannel;
import vn.dossierpost.domain.Channel;
import vn.dossierpost.domain.ChannelPolicy;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.Shapes;

/**
 * The rules on an agency as it will be once saved: required fields, the catalogue, and where it may
 * be reached — an https URL (plain http only to the hosts of {@code handover.allowPlainHttp}), never a
 * link-local or metadata address, local folders under {@code handover.fileDropRoots} and used by one
 * agency only, an SFTP server whose host key is pinned. Every problem is reported at once, by field.
 */
public final class AgencyChecks {
    private static final String UNSAFE_IN_FOLDERS = "'?', '#', '%', '{{', '}}' or '${'";

    private final ChannelPolicy policy;
    private final SftpHostKeys hostKeys;

    public AgencyChecks(ChannelPolicy policy, SftpHostKeys hostKeys) {
        this.policy = policy;
        this.hostKeys = hostKeys;
    }

    /**
     * @param others   every agency as stored (the one checked is skipped), for the folders in use
     * @param problems those found already (the request's shape); the answer holds them too
     * @throws Problem 422 with every problem, when there is one
     */
    public void check(AgencySettings s, List<AgencyChannel> others, ReferenceData ref, List<FieldProblem> problems) {
        required(s.name(), "name", "the agency's name", problems);
        required(s.address(), "address", "the agency's address", problems);
        if (s.provinceCode() == null || ref.province(s.provinceCode()).isEmpty()) {
            problems.add(new FieldProblem("provinceCode", "must be one of the 34 province codes, e.g. 01 for Hà Nội"));
        }
        var commune =
                s.communeCode() == null ? null : ref.commune(s.communeCode()).orElse(null);
        if (commune == null) {
            problems.add(new FieldProblem("communeCode", "must be a commune code (5 digits) from the catalogue"));
        } else if (!commune.provinceCode().equals(s.provinceCode())) {
            problems.add(new FieldProblem(
                    "communeCode", "commune " + s.communeCode() + " is not in province " + s.provinceCode()));
        }
        if (s.channel() == Channel.HTTP && s.baseUrl() != null) {
            policy.baseUrlProblem(s.baseUrl()).ifPresent(m -> problems.add(new FieldProblem("baseUrl", m)));
        }
        // any agency may have an inbox folder (event files); a file-drop agency also gets its acknowledgements there
        folder(s.inboxDir(), "inboxDir", problems);
        notShared(s, others, problems);
        if (s.channel() == Channel.FILE_DROP) {
            folder(s.outboxDir(), "outboxDir", problems);
            if (s.outboxDir() != null && Objects.equals(s.outboxDir(), s.inboxDir())) {
                problems.add(
                        new FieldProblem("inboxDir", "must differ from outboxDir (packages out, acknowledgements in)"));
            }
        }
        if (s.channel() == Channel.SFTP) {
            sftp(s, problems);
        }
        if (!problems.isEmpty()) {
            throw Problem.invalid(Shapes.inOrder(AgencyRequest.class, problems));
        }
    }

    private void sftp(AgencySettings s, List<FieldProblem> problems) {
        if (s.outboxDir() != null && !endpointSafe(s.outboxDir())) {
            problems.add(new FieldProblem(
                    "outboxDir", "cannot contain " + UNSAFE_IN_FOLDERS + " (they would be read as endpoint syntax)"));
        }
        if (s.sftpPassword() != null
                && (s.sftpPassword().contains("{{")
                        || (s.sftpPassword().contains(")&") && s.sftpPassword().contains("}&")))) {
            problems.add(new FieldProblem(
                    "sftpPassword",
                    "cannot contain '{{', nor both ')&' and '}&' (they would be read as "
                            + "endpoint syntax); ask the agency for another password"));
        }
        boolean portOk = s.sftpPort() == null || (s.sftpPort() >= 1 && s.sftpPort() <= 65535);
        if (!portOk) {
            problems.add(new FieldProblem("sftpPort", "must be a TCP port (1 to 65535)"));
        }
        if (s.sftpHost() != null) {
            if (!s.sftpHost().matches("[A-Za-z0-9.:\\-\\[\\]]+")) {
                problems.add(new FieldProblem("sftpHost", "must be a host name or IP address"));
            } else {
                var where = policy.hostProblem(s.sftpHost());
                where.ifPresent(m -> problems.add(new FieldProblem("sftpHost", m)));
                if (where.isEmpty() && portOk) {
                    hostKeys.problem(s.sftpHost(), s.sftpPort())
                            .ifPresent(m -> problems.add(new FieldProblem("sftpHost", m)));
                }
            }
        }
        if (s.sftpUsername() != null && !s.sftpUsername().matches("[A-Za-z0-9._\\-]+")) {
            problems.add(new FieldProblem("sftpUsername", "may hold letters, digits, '.', '_' and '-' only"));
        }
    }

    private static void required(String value, String field, String what, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required: " + what));
        }
    }

    private void folder(String value, String field, List<FieldProblem> problems) {
        if (value == null) {
            return;
        }
        var problem = policy.folderProblem(value);
        if (problem.isPresent()) {
            problems.add(new FieldProblem(field, problem.get()));
        } else if (!endpointSafe(value)) {
            problems.add(new FieldProblem(
                    field, "cannot contain " + UNSAFE_IN_FOLDERS + " (they would be read as endpoint syntax)"));
        }
    }

    /**
     * A folder is the path of a Camel endpoint URI: '?' starts its options, '#' and '%' are URI syntax,
     * and {{..}} and ${..} are placeholders and expressions. Such a folder would save but never get a route.
     */
    private static boolean endpointSafe(String folder) {
        return !(folder.contains("?")
                || folder.contains("#")
                || folder.contains("%")
                || folder.contains("{{")
                || folder.contains("}}")
                || folder.contains("${"));
    }

    /**
     * A local folder serves one agency: two consumers cannot share an inbox (the second route would
     * never start), and an agency must not see another's packages in its outbox.
     */
    private static void notShared(AgencySettings s, List<AgencyChannel> others, List<FieldProblem> problems) {
        Map<Path, String> used = new HashMap<>();
        for (AgencyChannel other : others) {
            if (other.code().equals(s.code())) {
                continue;
            }
            if (other.channel() == Channel.FILE_DROP) {
                usedBy(other.outboxDir(), other.code() + " (its outboxDir)", used);
            }
            usedBy(other.inboxDir(), other.code() + " (its inboxDir)", used);
        }
        if (s.channel() == Channel.FILE_DROP) {
            shared(s.outboxDir(), "outboxDir", used, problems);
        }
        shared(s.inboxDir(), "inboxDir", used, problems);
    }

    private static void usedBy(String folder, String by, Map<Path, String> used) {
        Path p = normalized(folder);
        if (p != null) {
            used.putIfAbsent(p, by);
        }
    }

    private static void shared(String folder, String field, Map<Path, String> used, List<FieldProblem> problems) {
        Path p = normalized(folder);
        if (p != null && used.containsKey(p)) {
            problems.add(new FieldProblem(
                    field,
                    "folder " + folder + " is already used by agency " + used.get(p)
                            + "; each folder serves one agency"));
        }
    }

    private static Path normalized(String folder) {
        if (folder == null || folder.isBlank()) {
            return null;
        }
        try {
            return Path.of(folder).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
