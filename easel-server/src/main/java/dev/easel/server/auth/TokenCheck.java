package dev.easel.server.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.server.http.HttpError;
import dev.easel.server.wire.Json;
import dev.easel.server.wire.PromptErrors;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * {@code --auth}: every request names a user by its token, in {@code Authorization: Bearer TOKEN}
 * or, for what browsers cannot give a header (a WebSocket, an {@code <img>}), in
 * {@code ?token=TOKEN}, or, for a browser signed in once, in its {@link SessionCookie}. The token's
 * user is left in {@link Identity#ATTRIBUTE}; without a valid token the answer is 401, except for
 * the public paths (the page's own shell, which holds no
 * data, so that it can ask for a token). Refusals are logged with method, path and remote
 * address, never the token. Wrong tokens are counted per remote address ({@link Lockouts}); one
 * that presented too many is refused with 429 until the limit lets it through again.
 */
public final class TokenCheck {
    private static final Logger LOG = LoggerFactory.getLogger(TokenCheck.class);
    public static final String QUERY_PARAMETER = "token";
    private static final String BEARER = "bearer ";

    private final Accounts accounts;
    private final Predicate<String> publicPath;
    private final Lockouts lockouts;

    /**
     * @param publicPath which paths a {@code GET} or {@code HEAD} may read without a token
     * @param lockouts   the wrong tokens each remote address presented
     */
    public TokenCheck(Accounts accounts, Predicate<String> publicPath, Lockouts lockouts) {
        this.accounts = accounts;
        this.publicPath = publicPath;
        this.lockouts = lockouts;
    }

    /**
     * Records the caller, or refuses the request with 401 and {@code WWW-Authenticate: Bearer};
     * a request with a token from an address locked out for guessing gets 429 before its token is looked at.
     */
    public void admit(Context ctx) {
        Optional<String> sent = presented(ctx);
        Optional<String> cookie = sent.isPresent() ? Optional.empty() : SessionCookie.presented(ctx);
        Optional<String> token = sent.or(() -> cookie);
        if (token.isPresent()) refuseWhileLockedOut(ctx);
        Optional<Identity> caller = token.flatMap(accounts::authenticate);
        if (caller.isPresent()) {
            ctx.attribute(Identity.ATTRIBUTE, caller.get());
            return;
        }
        // a cookie that signs in no one (its user revoked) is forgotten, so the browser asks for a token again
        if (cookie.isPresent()) ctx.header("Set-Cookie", SessionCookie.forget());
        boolean read = ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD;
        if (read && publicPath.test(ctx.path())) return;
        if (token.isEmpty()) {
            LOG.info("401 {} {} from {}: no token", ctx.method(), ctx.path(), ctx.ip());
        } else {
            LOG.warn("401 {} {} from {}: a token that belongs to no user", ctx.method(), ctx.path(), ctx.ip());
            lockouts.failed(ctx.ip());
        }
        ctx.header("WWW-Authenticate", "Bearer");
        throw HttpError.json(401, body(token.isEmpty()
                ? "This server needs an API token: send Authorization: Bearer TOKEN, or ?token=TOKEN"
                : "The API token is not valid (mistyped, or revoked)"));
    }

    private void refuseWhileLockedOut(Context ctx) {
        OptionalLong seconds = lockouts.lockedFor(ctx.ip());
        if (seconds.isEmpty()) return;
        ctx.header("Retry-After", String.valueOf(seconds.getAsLong()));
        throw HttpError.json(429, PromptErrors.simple("too_many_failures", "Too many wrong API tokens from this address; "
                + "try again in " + seconds.getAsLong() + " s", "No token is checked for this address until then"));
    }

    /** The error shape of {@code POST /prompt}, so that clients which show {@code error.message} show this one. */
    static ObjectNode body(String message) {
        ObjectNode error = Json.object().put("type", "unauthorized").put("message", message).put("details", "");
        error.putObject("extra_info");
        ObjectNode body = Json.object();
        body.set("error", error);
        return body;
    }

    /** Whether the request named its user with {@code ?token=}, rather than a header or the browser's cookie. */
    public static boolean byQuery(Context ctx) {
        String query = ctx.queryParam(QUERY_PARAMETER);
        return query != null && presented(ctx).filter(query::equals).isPresent();
    }

    private static Optional<String> presented(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && header.length() > BEARER.length()
                && header.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return Optional.of(header.substring(BEARER.length()).strip()).filter(t -> !t.isEmpty());
        }
        return Optional.ofNullable(ctx.queryParam(QUERY_PARAMETER)).filter(t -> !t.isEmpty());
    }
}
