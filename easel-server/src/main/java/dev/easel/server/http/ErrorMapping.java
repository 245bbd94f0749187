package dev.easel.server.http;

import dev.easel.server.wire.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where exceptions become HTTP responses. */
public final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {
    }

    public static void install(RoutesConfig routes) {
        routes.exception(HttpError.class, ErrorMapping::answer);
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            // Javalin's own answers (404 for unknown paths, 413 from its body reader).
            if (e.getStatus() == 413) {
                answer(HttpError.empty(413), ctx);
            } else {
                answer(HttpError.message(e.getStatus(), e.getMessage()), ctx);
            }
        });
        routes.exception(Exception.class, (e, ctx) -> unexpected(e, ctx));
    }

    private static void answer(HttpError error, Context ctx) {
        ctx.status(error.status());
        error.body().ifPresentOrElse(body -> Responses.json(ctx, body), () -> ctx.result(new byte[0]));
    }

    private static void unexpected(Exception e, Context ctx) {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        Responses.json(ctx, 500, Json.object().put("error", "internal error: " + e));
    }
}
