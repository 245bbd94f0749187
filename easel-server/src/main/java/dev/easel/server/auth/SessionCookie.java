package dev.easel.server.auth;

import dev.easel.server.http.RequestGuard;
import io.javalin.http.Context;

import java.util.Optional;
import java.util.Set;

/**
 * Signing a browser in once, for pages that cannot send a token themselves (ComfyUI's frontend
 * under {@code --front-end-root}): opening {@code /?token=TOKEN} with a valid token answers with
 * this cookie and a redirect to the same page without the token, so the token leaves the address
 * bar and the history. The browser then sends the cookie with every request of that page: its
 * scripts, {@code fetch}es, images and its WebSocket.
 *
 * <p>The cookie is the token itself, kept only by the browser: {@code HttpOnly} (no script reads
 * it), {@code SameSite=Strict} (no other site's page sends it), without {@code Max-Age} (gone when
 * the browser closes) and without {@code Path}, so that behind a reverse proxy under a sub-path it
 * stays with that sub-path. A request may sign in with it only when the browser says that the
 * request comes from this origin or from the person: in its fetch metadata ({@code Sec-Fetch-Site}
 * {@code same-origin}, or {@code none} for an address typed or bookmarked), or, where it sends no
 * fetch metadata (Chromium's WebSocket handshakes, older browsers), with an {@code Origin} naming
 * the host the request was sent to. A page of a sibling site (same site, another origin), which
 * {@code SameSite} does not stop, cannot act with it, nor can a request that says neither; those
 * send the token as before.
 */
public final class SessionCookie {
    public static final String NAME = "easel_token";
    private static final String ATTRIBUTES = "; HttpOnly; SameSite=Strict";
    private static final Set<String> OWN_REQUESTS = Set.of("same-origin", "none");

    private SessionCookie() {
    }

    /** The cookie's token, when the request carries it and comes from this origin or from the person. */
    static Optional<String> presented(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        boolean own = site != null ? OWN_REQUESTS.contains(site)
                : RequestGuard.originIsHost(ctx.header("Origin"), ctx.header("Host"));
        if (!own) return Optional.empty();
        return Optional.ofNullable(ctx.cookie(NAME)).filter(token -> !token.isEmpty());
    }

    /** The {@code Set-Cookie} value that signs this browser in with {@code token}. */
    public static String signIn(String token) {
        return NAME + "=" + token + ATTRIBUTES;
    }

    /** The {@code Set-Cookie} value that makes the browser forget the cookie. */
    static String forget() {
        return NAME + "=; Max-Age=0" + ATTRIBUTES;
    }
}
