package dev.easel.server.auth;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;

import java.util.Objects;

/**
 * Who a request or a socket acts for. With authentication off every caller is {@link #OPEN}, as
 * in ComfyUI: one trusted user who sees and manages everything. With {@code --auth} the token's
 * user, with its role; an admin sees and manages everyone's jobs, a user only their own.
 */
public record Identity(String user, Role role) {
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
}
