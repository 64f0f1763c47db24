package vn.dossierpost.integration;

import java.time.Duration;

/**
 * The camel-mail endpoint URI for the applicant's e-mail, made from the SMTP settings (the route reads
 * it as {@code {{notifications.mailEndpoint}}}). {@code tls} is implicit TLS ({@code smtps:}),
 * {@code startTls} requires STARTTLS on a plain connection; camel-mail hands {@code mail.*} options to
 * Jakarta Mail. Credentials go in RAW(...) so that characters such as {@code &} or {@code +} survive.
 * {@code connectionTimeout} bounds connecting, reading and writing alike.
 */
public final class MailEndpoint {
    private MailEndpoint() {}

    public static String uri(
            String host,
            int port,
            boolean tls,
            boolean startTls,
            String username,
            String password,
            String from,
            Duration timeout) {
        StringBuilder uri = new StringBuilder(tls ? "smtps://" : "smtp://")
                .append(host)
                .append(':')
                .append(port)
                .append("?from=")
                .append(raw(from))
                .append("&connectionTimeout=")
                .append(timeout.toMillis());
        if (username != null && !username.isEmpty()) {
            uri.append("&username=")
                    .append(raw(username))
                    .append("&password=")
                    .append(raw(password == null ? "" : password));
        }
        if (startTls) {
            uri.append("&mail.smtp.starttls.enable=true&mail.smtp.starttls.required=true");
        }
        return uri.toString();
    }

    /** RAW(...) ends at the first ')': a value holding one uses the RAW{...} form instead. */
    private static String raw(String value) {
        return value.contains(")") ? "RAW{" + value + "}" : "RAW(" + value + ")";
    }
}
