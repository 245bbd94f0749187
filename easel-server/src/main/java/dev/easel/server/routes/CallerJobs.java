package dev.easel.server.routes;

import dev.easel.server.auth.Identity;
import dev.easel.server.store.OwnerFilter;
import io.javalin.http.Context;

/** Whose jobs a request may see and manage: the caller's own, everyone's for an admin or while authentication is off. */
final class CallerJobs {

    private CallerJobs() {
    }

    static OwnerFilter of(Context ctx) {
        return OwnerFilter.visibleTo(Identity.of(ctx));
    }
}
