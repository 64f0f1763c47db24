package vn.dossierpost.service.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The applicant's messages as data ({@code notifications/templates.yml}, or a file named in the
 * config): Vietnamese wording changes with the forms of the decrees, so it is edited there, not here.
 * A placeholder that names no known fact fails at start-up, not when a message is due. At rendering,
 * a line whose fact is missing is left out rather than sent with a hole in it.
 */
public final class NotificationTemplates {
    /** The facts a template may name; {@link Notifications} supplies the dossier's own, callers the rest. */
    public static final Set<String> FACTS = Set.of(
            "dossierCode",
            "s10Number",
            "procedureName",
            "agencyName",
            "officeName",
            "applicantName",
            "trackingUrl",
            "appointmentDate",
            "receiptNumber",
            "reason",
            "missingItems",
            "newAppointmentDate",
            "resultReference",
            "returnS10Number",
            "officeAddress",
            "heldUntil",
            "nextAttemptFrom",
            "amountDue",
            "complaintNumber",
            "answerDue",
            "answer",
            "ratingUrl",
            "bookingCode",
            "pickupWindow");

    public static final String BUILT_IN = "notifications/templates.yml";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    /** One message, rendered: the e-mail's subject and body, and the SMS text (still with diacritics). */
    public record Rendered(String subject, String email, String sms) {}

    /** The file's shape. */
    record File(Email email, Map<NotificationKind, Kind> kinds) {}

    record Email(String header, String footer) {}

    record Kind(String subject, String email, String sms) {}

    private final Email email;
    private final Map<NotificationKind, Kind> kinds;
    private final ZoneId zone;

    private NotificationTemplates(File file, ZoneId zone) {
        this.email = file.email() == null ? new Email("", "") : file.email();
        this.kinds = new EnumMap<>(NotificationKind.class);
        this.kinds.putAll(file.kinds() == null ? Map.of() : file.kinds());
        this.zone = zone;
        List<String> problems = new ArrayList<>();
        for (NotificationKind k : NotificationKind.values()) {
            Kind t = kinds.get(k);
            if (t == null || blank(t.subject()) || blank(t.email()) || blank(t.sms())) {
                problems.add(k + ": subject, email and sms are all needed");
            }
        }
        List<String> texts = new ArrayList<>(List.of(nullToEmpty(email.header()), nullToEmpty(email.footer())));
        kinds.values()
                .forEach(t ->
                        texts.addAll(List.of(nullToEmpty(t.subject()), nullToEmpty(t.email()), nullToEmpty(t.sms()))));
        for (String text : texts) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                if (!FACTS.contains(m.group(1))) {
                    problems.add("unknown placeholder {" + m.group(1) + "}; known: "
                            + FACTS.stream().sorted().toList());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("notification templates: " + String.join("; ", problems));
        }
    }

    /** The templates from {@code path}, or the built-in ones when it is null or blank. */
    public static NotificationTemplates load(String path, ZoneId zone) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try {
            if (path == null || path.isBlank()) {
                try (InputStream in =
                        NotificationTemplates.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
                    if (in == null) {
                        throw new IllegalStateException(BUILT_IN + " is not on the class path");
                    }
                    return new NotificationTemplates(yaml.readValue(in, File.class), zone);
                }
            }
            try (InputStream in = Files.newInputStream(Path.of(path))) {
                return new NotificationTemplates(yaml.readValue(in, File.class), zone);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "notification templates " + (path == null ? BUILT_IN : path) + " are not readable", e);
        }
    }

    public Rendered render(NotificationKind kind, Map<String, ?> facts) {
        Kind t = kinds.get(kind);
        String subject = String.join(" ", fill(t.subject(), facts));
        // header, message and footer as paragraphs, a blank line between them
        List<String> body = new ArrayList<>();
        for (List<String> part :
                List.of(fill(email.header(), facts), fill(t.email(), facts), fill(email.footer(), facts))) {
            if (!part.isEmpty()) {
                if (!body.isEmpty()) {
                    body.add("");
                }
                body.addAll(part);
            }
        }
        return new Rendered(subject, String.join("\n", body) + "\n", String.join(" ", fill(t.sms(), facts)));
    }

    /** The template's lines with their facts filled in, leaving out those that name a missing fact. */
    private List<String> fill(String template, Map<String, ?> facts) {
        List<String> lines = new ArrayList<>();
        if (template == null) {
            return lines;
        }
        for (String line : template.strip().split("\n", -1)) {
            StringBuilder out = new StringBuilder();
            Matcher m = PLACEHOLDER.matcher(line);
            boolean complete = true;
            while (m.find()) {
                String value = format(facts.get(m.group(1)));
                if (value.isEmpty()) {
                    complete = false;
                    break;
                }
                // "Lý do: {reason}." with a reason that ends in a full stop has one full stop, not two
                if (value.endsWith(".") && line.startsWith(".", m.end())) {
                    value = value.substring(0, value.length() - 1);
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            if (complete) {
                m.appendTail(out);
                lines.add(out.toString().stripTrailing());
            }
        }
        return lines;
    }

    private String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof LocalDate d) {
            return d.format(DAY);
        }
        if (value instanceof OffsetDateTime t) {
            return t.atZoneSameInstant(zone).format(DAY_TIME);
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(this::format).filter(s -> !s.isEmpty()).collect(Collectors.joining("; "));
        }
        String text = value.toString().strip();
        // a date passed as ISO text (from JSON) is shown the same way as a LocalDate
        if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return LocalDate.parse(text).format(DAY);
        }
        return text;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
