package dev.easel.server.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Which {@code Host} names a server listening on given addresses answers to (see {@link RequestGuard}). */
final class HostRule {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[\\w.]+)?");

    private final boolean everyInterface;
    private final Set<String> named;
    private final Set<InetAddress> addresses;
    private final Optional<String> machineName;

    HostRule(List<String> listen) {
        List<String> bound = listen.isEmpty() ? List.of("127.0.0.1") : listen;
        this.named = bound.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.addresses = bound.stream().map(HostRule::literal).flatMap(Optional::stream).collect(Collectors.toSet());
        this.everyInterface = addresses.stream().anyMatch(InetAddress::isAnyLocalAddress);
        this.machineName = everyInterface ? localName() : Optional.empty();
    }

    boolean allows(String host) {
        if (host.isEmpty()) return false;
        if (RequestGuard.isLoopback(host)) return true;
        String lower = host.toLowerCase(Locale.ROOT);
        if (named.contains(lower)) return true;
        Optional<InetAddress> ip = literal(host);
        if (ip.isPresent()) return everyInterface || addresses.contains(ip.get());
        return machineName.filter(lower::equals).isPresent();
    }

    /** An IP address written as one; never a DNS lookup. */
    static Optional<InetAddress> literal(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean v4 = IPV4.matcher(bare).matches();
        if (!v4 && !IPV6.matcher(bare).matches()) return Optional.empty();
        // an out-of-range dotted quad would otherwise be taken for a name and looked up
        if (v4 && java.util.Arrays.stream(bare.split("\\.")).anyMatch(octet -> Integer.parseInt(octet) > 255)) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(bare));
        } catch (UnknownHostException | SecurityException notAnAddress) {
            return Optional.empty();
        }
    }

    private static Optional<String> localName() {
        try {
            return Optional.of(InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT));
        } catch (UnknownHostException unnamed) {
            return Optional.empty();
        }
    }
}
