package dev.easel.server.http;

import io.javalin.http.Handler;

/**
 * Wraps a handler so that an {@link Error} (out of memory, stack overflow) reaches the one
 * exception mapping as an exception, with the request it belongs to, instead of Javalin's
 * bare error path.
 */
public final class Guarded {
    private Guarded() {
    }

    public static Handler handler(Handler inner) {
        return ctx -> {
            try {
                inner.handle(ctx);
            } catch (Error error) {
                throw new UnexpectedError(error);
            }
        };
    }

    /** An {@link Error} thrown by a handler, carried to {@link ErrorMapping}. */
    public static final class UnexpectedError extends RuntimeException {
        UnexpectedError(Error cause) {
            super(cause.toString(), cause, false, false);
        }
    }
}
