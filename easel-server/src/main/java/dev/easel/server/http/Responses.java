package dev.easel.server.http;

import dev.easel.server.wire.Json;
import io.javalin.http.Context;

/** Writing JSON the way ComfyUI's {@code web.json_response} does. */
public final class Responses {
    public static final String JSON = "application/json; charset=utf-8";

    private Responses() {
    }

    public static void json(Context ctx, Object body) {
        ctx.contentType(JSON).result(Json.bytes(body));
    }

    public static void json(Context ctx, int status, Object body) {
        ctx.status(status);
        json(ctx, body);
    }

    /** aiohttp's {@code web.Response(text=...)}: UTF-8 plain text. */
    public static void text(Context ctx, String text) {
        ctx.contentType("text/plain; charset=utf-8").result(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** aiohttp's bare {@code web.Response()}: 200 with an empty body. */
    public static void ok(Context ctx) {
        ctx.status(200).result(new byte[0]);
    }
}
