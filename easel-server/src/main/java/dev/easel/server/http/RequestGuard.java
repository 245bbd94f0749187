package dev.easel.server.http;

import dev.easel.server.auth.TokenCheck;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The request checks that run before routing: either CORS headers (with
 * {@code --enable-cors-header}) or the host and loopback origin checks, never both;
 * {@code OPTIONS} answered 200 without routing (CORS preflights carry no token); then, with
 * {@code --auth}, the {@link TokenCheck} for every other request and every WebSocket upgrade, so
 * that a route added later is covered without doing anything; declared bodies over the upload
 * limit refused with 413.
 *
 * <p>The host check stops DNS rebinding: a page on {@code evil.example} whose name is made to
 * resolve to this machine sends {@code Host: evil.example}, which names none of the addresses
 * the server listens on, so it is refused (403). Allowed are loopback names and addresses, the
 * listen addresses themselves, and, when listening on all interfaces ({@code 0.0.0.0} or
 * {@code ::}), any IP literal and this machine's own host name. Nothing is looked up in DNS.
 */
public final class RequestGuard {
    private final Optional<String> corsOrigin;
    private final long maxBodyBytes;
    private final HostRule hosts;
    private final Optional<TokenCheck> tokens;

    public RequestGuard(Optional<String> corsOrigin, long maxBodyBytes, List<String> listen, Optional<TokenCheck> tokens) {
        this.corsOrigin = corsOrigin;
        this.maxBodyBytes = maxBodyBytes;
        this.hosts = new HostRule(listen);
        this.tokens = tokens;
    }

    /** For HTTP requests: may end the request (OPTIONS) by skipping the remaining handlers. */
    public void before(Context ctx) {
        corsOrigin.ifPresentOrElse(origin -> addCorsHeaders(ctx, origin), () -> checkOrigin(ctx));
        if (ctx.method() == HandlerType.OPTIONS) {
            ctx.status(200).result(new byte[0]);
            ctx.skipRemainingHandlers();
            return;
        }
        tokens.ifPresent(check -> check.admit(ctx));
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBodyBytes) throw HttpError.empty(413);
    }

    /** For WebSocket upgrades, which go through the same origin rule and token check. */
    public void beforeUpgrade(Context ctx) {
        if (corsOrigin.isEmpty()) checkOrigin(ctx);
        tokens.ifPresent(check -> check.admit(ctx));
    }

    private static void addCorsHeaders(Context ctx, String origin) {
        ctx.header("Access-Control-Allow-Origin", origin);
        ctx.header("Access-Control-Allow-Methods", "POST, GET, DELETE, PUT, OPTIONS, PATCH");
        ctx.header("Access-Control-Allow-Headers", "Content-Type, Authorization");
        ctx.header("Access-Control-Allow-Credentials", "true");
    }

    private void checkOrigin(Context ctx) {
        if ("cross-site".equals(ctx.header("Sec-Fetch-Site"))) throw HttpError.empty(403);
        String host = ctx.header("Host");
        if (host != null && !hosts.allows(HostPort.parse(host).host())) throw HttpError.empty(403);
        String origin = ctx.header("Origin");
        if (host == null || origin == null) return;
        HostPort hostPart = HostPort.parse(host);
        if (!isLoopback(hostPart.host())) return;
        HostPort originPart = originHostPort(origin);
        boolean same = hostPart.port().isEmpty() || originPart.port().isEmpty()
                ? hostPart.host().equalsIgnoreCase(originPart.host())
                : hostPart.equalsIgnoreCase(originPart);
        if (!same) throw HttpError.empty(403);
    }

    /**
     * Whether an {@code Origin} names exactly the host and port of a {@code Host} header, whatever its scheme (a
     * TLS proxy in front changes that); {@code null}, an opaque origin or another port is not.
     */
    public static boolean originIsHost(String origin, String host) {
        return origin != null && host != null && HostPort.parse(host).equalsIgnoreCase(originHostPort(origin));
    }

    private static HostPort originHostPort(String origin) {
        try {
            URI uri = URI.create(origin.trim());
            String host = uri.getHost() == null ? "" : uri.getHost();
            return new HostPort(stripBrackets(host), uri.getPort() < 0 ? Optional.empty() : Optional.of(uri.getPort()));
        } catch (IllegalArgumentException malformed) {
            return new HostPort("", Optional.empty());
        }
    }

    /** Loopback by its spelling alone: {@code localhost}, {@code *.localhost} or a loopback literal. */
    static boolean isLoopback(String host) {
        if (host.isEmpty()) return false;
        String lower = host.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("localhost") || lower.endsWith(".localhost")) return true;
        return HostRule.literal(host).map(InetAddress::isLoopbackAddress).orElse(false);
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    record HostPort(String host, Optional<Integer> port) {
        static HostPort parse(String header) {
            String value = header.trim();
            if (value.startsWith("[")) {
                int close = value.indexOf(']');
                String host = value.substring(1, Math.max(1, close));
                String rest = close >= 0 ? value.substring(close + 1) : "";
                return new HostPort(host, rest.startsWith(":") ? port(rest.substring(1)) : Optional.empty());
            }
            int colon = value.lastIndexOf(':');
            if (colon < 0 || value.indexOf(':') != colon) return new HostPort(value, Optional.empty());
            return new HostPort(value.substring(0, colon), port(value.substring(colon + 1)));
        }

        private static Optional<Integer> port(String text) {
            try {
                return Optional.of(Integer.parseInt(text));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        boolean equalsIgnoreCase(HostPort other) {
            return host.equalsIgnoreCase(other.host) && port.equals(other.port);
        }
    }
}
