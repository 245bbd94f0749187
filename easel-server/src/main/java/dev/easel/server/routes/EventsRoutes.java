package dev.easel.server.routes;

import dev.easel.server.auth.Identity;
import dev.easel.server.http.Api;
import dev.easel.server.http.HttpError;
import dev.easel.server.sse.SseClients;
import dev.easel.server.sse.SseStream;
import dev.easel.server.wire.Json;
import dev.easel.server.ws.SocketHub;
import io.javalin.http.Context;

import java.util.OptionalLong;

/**
 * {@code GET /events?clientId=}: what {@code /ws} sends that client, as Server-Sent Events, for
 * clients that cannot hold a WebSocket. A reconnect's {@code Last-Event-ID} resumes the client
 * where it left off (docs/PROTOCOL-EXTENSIONS.md).
 */
public final class EventsRoutes {
    private final SseClients clients;

    public EventsRoutes(SseClients clients) {
        this.clients = clients;
    }

    public void register(Api api) {
        api.get("/events", this::events);
    }

    private void events(Context ctx) throws Exception {
        String requested = ctx.queryParam("clientId");
        String sid = requested == null || requested.isEmpty() ? SocketHub.newSid() : requested;
        Identity caller = Identity.of(ctx);
        if (!clients.claim(sid, caller)) {
            throw HttpError.json(403, Json.object().put("error", "this clientId belongs to another user; connect with your own"));
        }
        ctx.status(200).contentType("text/event-stream; charset=utf-8")
                .header("Cache-Control", "no-cache").header("X-Accel-Buffering", "no");
        SseStream stream = new SseStream(ctx.res().getOutputStream());
        ctx.res().flushBuffer();
        clients.open(sid, caller, lastEventId(ctx.header("Last-Event-ID")), stream);
        stream.awaitEnd();
    }

    /** A number this server gave out, or nothing (a fresh start) for anything else. */
    private static OptionalLong lastEventId(String header) {
        if (header == null || !header.matches("\\d{1,18}")) return OptionalLong.empty();
        return OptionalLong.of(Long.parseLong(header));
    }
}
