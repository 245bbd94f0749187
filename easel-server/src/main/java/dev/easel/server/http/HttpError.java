package dev.easel.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.server.wire.Json;

import java.util.Optional;

/**
 * An HTTP answer other than success, thrown by a handler and turned into a response in one
 * place ({@link ErrorMapping}). The body is JSON, or empty like aiohttp's bare responses.
 */
public final class HttpError extends RuntimeException {
    private final int status;
    private final Optional<JsonNode> body;

    private HttpError(int status, Optional<JsonNode> body, String message) {
        super(message, null, false, false);
        this.status = status;
        this.body = body;
    }

    public static HttpError empty(int status) {
        return new HttpError(status, Optional.empty(), "HTTP " + status);
    }

    public static HttpError json(int status, JsonNode body) {
        return new HttpError(status, Optional.of(body), "HTTP " + status + " " + body);
    }

    /** The jobs/history style {@code {"error": "message"}}. */
    public static HttpError message(int status, String message) {
        return json(status, Json.object().put("error", message));
    }

    public static HttpError badRequest(String message) {
        return message(400, message);
    }

    public int status() {
        return status;
    }

    public Optional<JsonNode> body() {
        return body;
    }
}
