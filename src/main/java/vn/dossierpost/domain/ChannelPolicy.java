package vn.dossierpost.domain;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where an administrator may point an agency (configuration {@code handover.*}): agency data (names,
 * ID numbers, scans) leaves over {@code https://} unless the host is listed in {@code allowPlainHttp};
 * no agency is reached on a link-local or cloud metadata address, where a service's own credentials
 * live; and an agency's local folders lie under one of the {@code fileDropRoots}, so that an agency
 * cannot be made to read or write anywhere else on the machine.
 *
 * @param allowPlainHttp hosts (lower case, IPv6 without brackets) an {@code http://} URL may name
 * @param fileDropRoots  absolute, normalised folders the agencies' local folders must lie under
 */
public record ChannelPolicy(Set<String> allowPlainHttp, List<Path> fileDropRoots) {

    /** Cloud metadata services by name (Google, AWS, Azure, OpenStack and others use these). */
    private static final Set<String> METADATA_NAMES = Set.of(
            "metadata",
            "metadata.google.internal",
            "metadata.goog",
            "instance-data",
            "instance-data.ec2.internal",
            "metadata.azure.com",
            "metadata.tencentyun.com",
            "metadata.platformequinix.com");

    /**
     * A last label that is a number (decimal, octal or hex): resolvers read such a host as an IPv4
     * address in one of its odd forms (2852039166, 0xa9fea9fe, 0251.0376.…), which hides what it is.
     */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("(0x[0-9a-f]*|[0-9]+)");

    private static final Pattern DOTTED_QUAD = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

    public ChannelPolicy {
        allowPlainHttp = allowPlainHttp.stream().map(ChannelPolicy::hostKey).collect(Collectors.toUnmodifiableSet());
        fileDropRoots =
                fileDropRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /** What is wrong with an agency's base URL, if anything. */
    public Optional<String> baseUrlProblem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || uri.getScheme() == null) {
            return Optional.of("must be an absolute https URL, e.g. https://motcua.example.gov.vn/api");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getUserInfo() != null) {
            return Optional.of("must not carry a user name or password (the agency's secret signs the requests)");
        }
        Optional<String> host = hostProblem(uri.getHost());
        if (host.isPresent()) {
            return host;
        }
        if ("https".equals(scheme)) {
            return Optional.empty();
        }
        if ("http".equals(scheme)) {
            return allowPlainHttp.contains(hostKey(uri.getHost()))
                    ? Optional.empty()
                    : Optional.of("must be an https URL: plain http would carry applicants' data in clear (host "
                            + uri.getHost() + " is not listed in handover.allowPlainHttp)");
        }
        return Optional.of("must be an absolute https URL, e.g. https://motcua.example.gov.vn/api");
    }

    /** What is wrong with a host an agency is reached at (its URL's or its SFTP server's), if anything. */
    public Optional<String> hostProblem(String host) {
        String h = hostKey(host);
        if (h.isEmpty()) {
            return Optional.of("must name a host");
        }
        String trimmed = h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
        if (METADATA_NAMES.contains(trimmed)) {
            return Optional.of("must not be a cloud metadata service (" + host + ")");
        }
        Optional<InetAddress> literal = literal(trimmed);
        if (literal.isEmpty()) {
            String[] labels = trimmed.split("\\.");
            if (h.contains(":")
                    || NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches()) {
                return Optional.of("must be a DNS name or an IP address written in full (" + host + ")");
            }
            return Optional.empty();
        }
        return forbidden(literal.get())
                ? Optional.of("must not be a link-local or cloud metadata address (" + host + ")")
                : Optional.empty();
    }

    /**
     * Whether an address is one no agency may be reached at: link-local (169.254.0.0/16, where cloud
     * metadata services answer, and fe80::/10) and the metadata addresses outside those ranges.
     */
    public static boolean forbidden(InetAddress address) {
        if (address.isLinkLocalAddress()) {
            return true;
        }
        String a = address.getHostAddress();
        return a.equals("100.100.100.200") // Alibaba Cloud
                || (address instanceof Inet6Address && a.equals("fd00:ec2:0:0:0:0:0:254")); // AWS over IPv6
    }

    /**
     * What is wrong with a local folder, if anything: it must be absolute, without '..', and strictly
     * under one of the roots (compared after normalising, so {@code /root/./x} is {@code /root/x}).
     */
    public Optional<String> folderProblem(String folder) {
        Path path;
        try {
            path = Path.of(folder);
        } catch (InvalidPathException e) {
            return Optional.of("is not a valid folder path: " + e.getReason());
        }
        if (!path.isAbsolute()) {
            return Optional.of("must be an absolute folder path");
        }
        for (Path part : path) {
            if (part.toString().equals("..")) {
                return Optional.of("must not contain '..'");
            }
        }
        Path normal = path.normalize();
        for (Path root : fileDropRoots) {
            if (normal.startsWith(root) && !normal.equals(root)) {
                return Optional.empty();
            }
        }
        return Optional.of(
                fileDropRoots.isEmpty()
                        ? "no agency folders are allowed: handover.fileDropRoots lists no folder"
                        : "must be a folder under "
                                + fileDropRoots.stream().map(Path::toString).collect(Collectors.joining(" or "))
                                + " (handover.fileDropRoots)");
    }

    /** The address an IP literal stands for (parsed, never looked up), or empty for a name. */
    private static Optional<InetAddress> literal(String host) {
        if (!DOTTED_QUAD.matcher(host).matches() && !host.contains(":")) {
            return Optional.empty();
        }
        try {
            // a literal (dotted quad or containing ':') is parsed by InetAddress, never resolved
            return Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** A host as compared: lower case, an IPv6 literal without its brackets. */
    private static String hostKey(String host) {
        String h = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }
}
