package dev.easel.server.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.server.wire.Json;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** {@code /ws}: session ids, the greeting, feature-flag negotiation, cleanup on close. */
public final class WsEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(WsEndpoint.class);

    private final SocketHub hub;
    private final ObjectNode serverFlags;
    private final SocketLimits limits;
    private final Map<String, ClientSocket> byConnection = new ConcurrentHashMap<>();

    public WsEndpoint(SocketHub hub, ObjectNode serverFlags, SocketLimits limits) {
        this.hub = hub;
        this.serverFlags = serverFlags;
        this.limits = limits;
    }

    public void configure(WsConfig ws) {
        ws.onConnect(this::connected);
        ws.onMessage(ctx -> received(ctx, ctx.message()));
        ws.onClose(ctx -> ended(ctx));
        ws.onError(ctx -> ended(ctx));
    }

    private void connected(WsContext ctx) {
        String requested = QueryText.param(ctx.queryString(), "clientId").orElse("");
        String sid = !requested.isEmpty() ? requested : UUID.randomUUID().toString().replace("-", "");
        ClientSocket socket = new ClientSocket(sid, new JettyFrameSink(ctx.session), limits, hub::disconnect);
        byConnection.put(ctx.sessionId(), socket);
        hub.connect(socket);
        socket.start();
    }

    private void received(WsContext ctx, String text) {
        ClientSocket socket = byConnection.get(ctx.sessionId());
        if (socket == null) return;
        JsonNode message;
        try {
            message = Json.parse(text);
        } catch (JsonProcessingException malformed) {
            LOG.info("ignoring a WebSocket message from {} that is not JSON", socket.sid());
            return;
        }
        if (socket.acceptFirstMessage(message)) {
            hub.reply(socket, SocketHub.text("feature_flags", serverFlags));
        }
    }

    private void ended(WsContext ctx) {
        ClientSocket socket = byConnection.remove(ctx.sessionId());
        if (socket != null) socket.closed();
    }
}
