package dev.easel.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads request bodies under the upload limit. The length header is checked up front by
 * {@link RequestGuard}; this counts the bytes actually streamed, which catches chunked bodies.
 * A body the client never finishes (hung up, or shorter than its {@code Content-Length}) is a
 * 400 with one log line. JSON is parsed with a nesting limit and no trailing data, as Python's
 * {@code json.loads} refuses {@code {} {}}.
 */
public final class Bodies {
    private static final Logger LOG = LoggerFactory.getLogger(Bodies.class);

    private final long maxBytes;
    private final ObjectMapper mapper;

    public Bodies(long maxBytes, int maxJsonDepth) {
        this.maxBytes = maxBytes;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxJsonDepth)
                        .maxStringLength((int) Math.min(Integer.MAX_VALUE, Math.max(maxBytes, 1))).build())
                .build();
        this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
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
        } catch (IOException aborted) {
            LOG.info("{} {}: the request body ended early ({})", ctx.method(), ctx.path(), aborted.toString());
            throw HttpError.message(400, "the request body ended before its declared length");
        }
    }

    public String text(Context ctx) {
        return new String(bytes(ctx), StandardCharsets.UTF_8);
    }

    /** The body as JSON whatever the Content-Type; empty when it is not valid JSON. */
    public Optional<JsonNode> json(Context ctx) {
        try {
            return Optional.of(parse(text(ctx)));
        } catch (JsonProcessingException malformed) {
            return Optional.empty();
        }
    }

    /** Like {@link #json} but a malformed body is reported with the parser's reason. */
    public JsonNode jsonOrExplain(Context ctx, Function<String, HttpError> onError) {
        try {
            return parse(text(ctx));
        } catch (JsonProcessingException malformed) {
            throw onError.apply(malformed.getOriginalMessage());
        }
    }

    private JsonNode parse(String text) throws JsonProcessingException {
        JsonNode node = mapper.readTree(text);
        if (node == null || node.isMissingNode()) throw new com.fasterxml.jackson.core.JsonParseException(null, "empty body");
        return node;
    }
}
