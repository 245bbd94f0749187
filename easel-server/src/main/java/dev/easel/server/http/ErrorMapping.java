package dev.easel.server.http;

import dev.easel.server.wire.Json;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;

/**
 * The one place where exceptions become HTTP responses. Every {@link Throwable} a handler
 * throws ends here (errors through {@link Guarded}, or Javalin's error hook as a last resort):
 * mapped to a response with a message and logged once, with its cause. The log line names the
 * method and path only, never the query or the body, which may carry a client's secret.
 */
public final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
    private static final int SHOWN_FRAMES = 25;
    /** The largest refused body the server reads to its end rather than close the connection on it. */
    public static final long DRAINED_BYTES = 1024 * 1024;

    private ErrorMapping() {
    }

    public static void install(JavalinConfig cfg) {
        RoutesConfig routes = cfg.routes;
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
        cfg.router.javaLangErrorHandler((response, error) -> {
            LOG.error("a request failed with {}\n{}", error, frames(error));
            try {
                response.setStatus(500);
                response.setContentType(Responses.JSON);
                response.getOutputStream().write(Json.bytes(Json.object().put("error", "internal error: " + error)));
            } catch (Exception | Error unwritable) {
                // the connection is gone or memory is still short; the log line above stands
            }
        });
    }

    private static void answer(HttpError error, Context ctx) {
        ctx.status(error.status());
        if (error.status() == 413 && !drained(ctx)) ctx.header("Connection", "close");
        if (error.body().isPresent()) {
            Responses.json(ctx, error.body().get());
        } else if (error.text().isPresent()) {
            Responses.text(ctx, error.text().get());
        } else {
            ctx.result(new byte[0]);
        }
    }

    /**
     * Reads and drops what is left of a refused body of at most {@link #DRAINED_BYTES}, and says whether
     * it ended. A connection closed with a body still arriving is reset by TCP, and a reset can take the
     * answer with it before the client reads it; so a small body is read to its end and the connection
     * stays open. A larger body, or one the client holds back until told to send it ({@code Expect:
     * 100-continue}), is not read at all: the answer says {@code Connection: close} at once.
     */
    private static boolean drained(Context ctx) {
        if ("100-continue".equalsIgnoreCase(ctx.header("Expect")) || ctx.req().getContentLengthLong() > DRAINED_BYTES) {
            return false;
        }
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] dropped = new byte[16 * 1024];
            for (long read = 0; read <= DRAINED_BYTES; ) {
                int n = in.read(dropped);
                if (n < 0) return true;
                read += n;
            }
            return false;
        } catch (IOException | IllegalStateException unreadable) {
            return false;
        }
    }

    private static void unexpected(Exception e, Context ctx) {
        Throwable shown = e instanceof Guarded.UnexpectedError ? e.getCause() : e;
        if (shown instanceof StackOverflowError) {
            // a thousand identical frames say nothing; the top ones say where
            LOG.error("{} {} failed: {}\n{}", ctx.method(), ctx.path(), shown, frames(shown));
        } else {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), shown);
        }
        Responses.json(ctx, 500, Json.object().put("error", "internal error: " + shown));
    }

    private static String frames(Throwable t) {
        StringBuilder out = new StringBuilder();
        StackTraceElement[] trace = t.getStackTrace();
        for (int i = 0; i < Math.min(SHOWN_FRAMES, trace.length); i++) out.append("\tat ").append(trace[i]).append('\n');
        if (trace.length > SHOWN_FRAMES) out.append("\t... ").append(trace.length - SHOWN_FRAMES).append(" more");
        return out.toString();
    }
}
