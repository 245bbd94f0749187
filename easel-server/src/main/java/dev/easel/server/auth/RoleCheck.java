package dev.easel.server.auth;

import dev.easel.server.http.HttpError;
import dev.easel.server.wire.PromptErrors;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The roles a route declares where it is registered ({@code routes.get(path, handler, Role.ADMIN)}),
 * checked once before every matched route: a route that declares none is open to every caller,
 * one that declares some answers 403 to a caller without one of them. Without {@code --auth}
 * every caller is {@link Identity#OPEN}, an admin, so nothing changes; with it, the server-wide
 * internals (the whole log, the machine's folders) are for admins.
 */
public final class RoleCheck {
    private static final Logger LOG = LoggerFactory.getLogger(RoleCheck.class);

    private RoleCheck() {
    }

    /** For {@code beforeMatched}: lets the request through, or refuses it with 403 {@code forbidden}. */
    public static void require(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        Identity caller = Identity.of(ctx);
        if (roles.isEmpty() || roles.contains(caller.role())) return;
        String needed = roles.stream().map(r -> r.toString().toLowerCase(Locale.ROOT)).sorted().collect(Collectors.joining(" or "));
        String role = caller.role().name().toLowerCase(Locale.ROOT);
        LOG.warn("403 {} {} from {}: user {} has the role {}, the route is for {}", ctx.method(), ctx.path(), ctx.ip(),
                caller.user(), role, needed);
        throw HttpError.json(403, PromptErrors.simple("forbidden", ctx.method() + " " + ctx.path() + " is for " + needed + " only",
                "The token's user " + caller.user() + " has the role " + role));
    }
}
