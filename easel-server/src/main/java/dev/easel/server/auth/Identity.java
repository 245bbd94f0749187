package dev.easel.server.auth;

import dev.easel.server.http.HttpError;
import dev.easel.server.wire.PromptErrors;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * Who a request or a socket acts for. With authentication off every caller is {@link #OPEN}, as
 * in ComfyUI: one trusted user who sees and manages everything. With {@code --auth} the token's
 * user, with its role; an admin sees and manages everyone's jobs, a user only their own.
 */
public record Identity(String user, Role role) {
    private static final Logger LOG = LoggerFactory.getLogger(Identity.class);
    /** The query parameter with which an admin names whose files, user data and settings a request is about. */
    public static final String USER_PARAMETER = "user";
    /** The request attribute under which the authentication check leaves the caller. */
    public static final String ATTRIBUTE = "easel.identity";
    /** The caller when authentication is off. */
    public static final Identity OPEN = new Identity("default", Role.ADMIN);

    /** A caller's role; a route that declares roles (see {@link RoleCheck}) admits only callers with one of them. */
    public enum Role implements RouteRole { ADMIN, USER }

    public Identity {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(role, "role");
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Whether this caller may see and manage what {@code owner} made. */
    public boolean sees(String owner) {
        return isAdmin() || user.equals(owner);
    }

    /** The caller of a request: what the authentication check recorded, or {@link #OPEN} when it is off. */
    public static Identity of(Context ctx) {
        Identity identity = ctx.attribute(ATTRIBUTE);
        return identity != null ? identity : OPEN;
    }

    /**
     * The user whose files, user data and settings a request is about: its caller, or with
     * {@code user=NAME} that user. Only an admin may name another user: anyone else gets 403, and
     * a name no user could have is a 400.
     */
    public static String subject(Context ctx) {
        Identity caller = of(ctx);
        String named = ctx.queryParam(USER_PARAMETER);
        if (named == null || named.equals(caller.user())) return caller.user();
        if (!caller.isAdmin()) {
            LOG.info("{} {} refused: {} asked for what belongs to another user", ctx.method(), ctx.path(), caller.user());
            throw HttpError.json(403, PromptErrors.simple("forbidden", "only an admin may reach another user's files and data",
                    "The token's user " + caller.user() + " named the user " + named));
        }
        try {
            Account.checkName(named);
        } catch (IllegalArgumentException notAName) {
            throw HttpError.badRequest(notAName.getMessage());
        }
        return named;
    }
}
