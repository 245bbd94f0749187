package dev.easel.server.users;

import io.javalin.http.Context;

import java.util.Optional;

/**
 * Who a request acts for: the one place every route asks. ComfyUI's rule is the only one so far:
 * without {@code --multi-user} always {@code default}; with it the {@code comfy-user} header
 * (absent means {@code default}), which must name a user of {@code users.json} that is not a
 * system user. Nothing proves the header; authentication, when it comes, replaces this rule here.
 */
public interface RequestUser {
    String HEADER = "comfy-user";

    /** The request's user id, or empty when the request names no valid user. */
    Optional<String> of(Context ctx);

    static RequestUser comfyHeader(UserRegistry users) {
        return ctx -> {
            String id = users.multiUser() ? Optional.ofNullable(ctx.header(HEADER)).orElse(UserRegistry.DEFAULT_USER)
                    : UserRegistry.DEFAULT_USER;
            return users.isUser(id) ? Optional.of(id) : Optional.empty();
        };
    }
}
