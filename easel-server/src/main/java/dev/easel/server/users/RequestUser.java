package dev.easel.server.users;

import dev.easel.server.auth.Identity;
import io.javalin.http.Context;

import java.util.Optional;

/**
 * Who a request acts for: the one place every route asks. With {@code --auth} the user of the
 * request's token ({@link Identity}); the {@code comfy-user} header is then ignored. Otherwise
 * ComfyUI's rule: without {@code --multi-user} always {@code default}; with it the
 * {@code comfy-user} header (absent means {@code default}), which must name a user of
 * {@code users.json} that is not a system user, and which nothing proves.
 */
public interface RequestUser {
    String HEADER = "comfy-user";

    /** The request's user id, or empty when the request names no valid user. */
    Optional<String> of(Context ctx);

    /** The user the token check recorded for the request, or the user an admin names ({@link Identity#subject}). */
    static RequestUser identity() {
        return ctx -> Optional.of(Identity.subject(ctx));
    }

    static RequestUser comfyHeader(UserRegistry users) {
        return ctx -> {
            String id = users.multiUser() ? Optional.ofNullable(ctx.header(HEADER)).orElse(UserRegistry.DEFAULT_USER)
                    : UserRegistry.DEFAULT_USER;
            return users.isUser(id) ? Optional.of(id) : Optional.empty();
        };
    }
}
