package vn.dossierpost.integration;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;
import vn.dossierpost.domain.ChannelPolicy;

/**
 * Name resolution for the calls to agencies that never yields a link-local or cloud metadata address
 * ({@link ChannelPolicy#forbidden}): the admin API checks the agency's URL when it is saved, but a DNS
 * name can be re-pointed afterwards, so the check is made again on every connection.
 */
final class NoMetadataDns implements Dns {
    private final Dns resolver;

    NoMetadataDns(Dns resolver) {
        this.resolver = resolver;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> allowed = resolver.lookup(hostname).stream()
                .filter(a -> !ChannelPolicy.forbidden(a))
                .toList();
        if (allowed.isEmpty()) {
            throw new UnknownHostException(
                    hostname + " resolves only to link-local or cloud metadata addresses: no agency is reached there");
        }
        return allowed;
    }
}
