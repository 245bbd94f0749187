package dev.easel.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.server.wire.Json;
import io.javalin.http.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads request bodies under the upload limit. The length header is checked up front by
 * {@link RequestGuard}; this counts the bytes actually streamed, which catches chunked bodies.
 */
public final class Bodies {
    private final long maxBytes;

    public Bodies(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public byte[] bytes(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) != -1; ) {
                total += n;
                if (total > maxBytes) throw HttpError.empty(413);
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body", e);
        }
    }

    public String text(Context ctx) {
        return new String(bytes(ctx), StandardCharsets.UTF_8);
    }

    /** The body as JSON whatever the Content-Type; empty when it is not valid JSON. */
    public Optional<JsonNode> json(Context ctx) {
        String text = text(ctx);
        try {
            return Optional.of(Json.parse(text));
        } catch (JsonProcessingException malformed) {
            return Optional.empty();
        }
    }

    /** Like {@link #json} but a malformed body is reported with the parser's reason. */
    public JsonNode jsonOrExplain(Context ctx, Function<String, HttpError> onError) {
        String text = text(ctx);
        try {
            return Json.parse(text);
        } catch (JsonProcessingException malformed) {
            throw onError.apply(malformed.getOriginalMessage());
        }
    }
}
