package vn.dossierpost.http;

import com.google.common.net.InetAddresses;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.List;

/**
 * Which client a request comes from, for limits kept per client. The connection's address, unless
 * the connection comes from one of the configured proxies (addresses or CIDR ranges, config
 * {@code trustedProxies}): then X-Forwarded-For is read from the right, past the trusted proxies, and
 * the first address that is not one of them is the client. Everything left of it was written by the
 * client itself and may be made up, so it is never read. With no proxies configured the header is
 * ignored: anyone could otherwise pick a new client address for every request and never be limited.
 * Addresses are parsed as literals (Guava's InetAddresses), never looked up in DNS.
 */
public final class TrustedProxies {
    private final List<Range> ranges;

    /** @param entries addresses ({@code 10.0.0.5}, {@code ::1}) or CIDR ranges ({@code 10.0.0.0/8}) */
    public TrustedProxies(List<String> entries) {
        this.ranges = entries.stream().map(Range::parse).toList();
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    public String clientOf(HttpServletRequest request) {
        return clientOf(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
    }

    /** The client behind {@code peer} (the connection's address), given the X-Forwarded-For header (or null). */
    public String clientOf(String peer, String forwardedFor) {
        if (ranges.isEmpty() || forwardedFor == null || !trusted(peer)) {
            return peer;
        }
        String client = peer;
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!InetAddresses.isInetAddress(hop)) {
                // not written by a proxy of ours: the nearest trusted hop stands for the client
                return client;
            }
            client = hop;
            if (!trusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    private boolean trusted(String address) {
        if (address == null || !InetAddresses.isInetAddress(address)) {
            return false;
        }
        InetAddress a = InetAddresses.forString(address);
        return ranges.stream().anyMatch(r -> r.contains(a));
    }

    /** An address with the number of leading bits that must match (all of them for a single address). */
    private record Range(byte[] network, int bits) {
        static Range parse(String entry) {
            String[] parts = entry.strip().split("/", 2);
            if (!InetAddresses.isInetAddress(parts[0])) {
                throw new IllegalArgumentException("trustedProxies: not an IP address or CIDR range: " + entry);
            }
            byte[] network = InetAddresses.forString(parts[0]).getAddress();
            int bits = parts.length == 1 ? network.length * 8 : Integer.parseInt(parts[1]);
            if (bits < 0 || bits > network.length * 8) {
                throw new IllegalArgumentException("trustedProxies: prefix length out of range: " + entry);
            }
            return new Range(network, bits);
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((a[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
