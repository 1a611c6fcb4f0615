package dev.quire.llm.internal;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import okhttp3.Dns;

/**
 * Names that plain http is allowed for because of what they are called ({@code localhost}, {@code *.localhost},
 * {@code *.local}) are still resolved by DNS, and a resolver may answer them with a public address. This keeps
 * only the addresses such a name may really mean (loopback, link-local, private) and refuses the name when none
 * is left, before any connection is made, so neither the key nor the story leaves the local network in the clear.
 */
final class LocalNames implements Dns {

    private final Dns delegate;

    LocalNames(Dns delegate) {
        this.delegate = delegate;
    }

    /** Thrown when a name trusted as local resolves only to addresses outside this computer and its network. */
    static final class NotLocal extends UnknownHostException {
        final String host;
        final String addresses;

        NotLocal(String host, String addresses) {
            super(host + " resolves to " + addresses + ", which is not on this computer or the local network");
            this.host = host;
            this.addresses = addresses;
        }
    }

    static boolean trustedByName(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h.equals("localhost") || h.endsWith(".localhost") || h.endsWith(".local");
    }

    /** Loopback, link-local, or private (10/8, 172.16/12, 192.168/16, fc00::/7). */
    static boolean local(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()) {
            return true;
        }
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> all = delegate.lookup(hostname);
        if (!trustedByName(hostname)) {
            return all;
        }
        List<InetAddress> local = all.stream().filter(LocalNames::local).toList();
        if (local.isEmpty()) {
            throw new NotLocal(hostname, all.stream().map(InetAddress::getHostAddress).toList().toString());
        }
        return local;
    }

    /** Whether {@code e}, or what caused it, is this refusal. */
    static NotLocal find(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NotLocal n) {
                return n;
            }
            for (Throwable s : t.getSuppressed()) {
                if (s instanceof NotLocal n) {
                    return n;
                }
            }
        }
        return null;
    }
}
