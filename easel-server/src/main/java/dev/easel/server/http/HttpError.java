package dev.easel.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.server.wire.Json;

import java.util.Optional;

/**
 * An HTTP answer other than success, thrown by a handler and turned into a response in one
 * place ({@link ErrorMapping}). The body is JSON, plain text, or empty like aiohttp's bare responses.
 */
public final class HttpError extends RuntimeException {
    private final int status;
    private final Optional<JsonNode> body;
    private final Optional<String> text;

    private HttpError(int status, Optional<JsonNode> body, Optional<String> text, String message) {
        super(message, null, false, false);
        this.status = status;
        this.body = body;
        this.text = text;
    }

    public static HttpError empty(int status) {
        return new HttpError(status, Optional.empty(), Optional.empty(), "HTTP " + status);
    }

    public static HttpError json(int status, JsonNode body) {
        return new HttpError(status, Optional.of(body), Optional.empty(), "HTTP " + status + " " + body);
    }

    /** aiohttp's {@code web.Response(status=..., text=...)}: a plain-text body. */
    public static HttpError text(int status, String text) {
        return new HttpError(status, Optional.empty(), Optional.of(text), "HTTP " + status + " " + text);
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

    public Optional<String> text() {
        return text;
    }
}
