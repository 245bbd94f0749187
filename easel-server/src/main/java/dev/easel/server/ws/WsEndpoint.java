package dev.easel.server.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.server.auth.Identity;
import dev.easel.server.wire.Json;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /ws}: session ids, the greeting, feature-flag negotiation, heartbeats, cleanup on close.
 * A socket acts for the identity of its upgrade request; a client id that belongs to another
 * user is refused before the upgrade (403).
 */
public final class WsEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(WsEndpoint.class);

    private final SocketHub hub;
    private final ObjectNode serverFlags;
    private final SocketLimits limits;
    private final HeartbeatClock clock;
    private final JobWatch watch;
    private final Map<Session, ClientSocket> byConnection = new ConcurrentHashMap<>();
    private volatile PongRelay pongs;

    public WsEndpoint(SocketHub hub, ObjectNode serverFlags, SocketLimits limits, HeartbeatClock clock, JobWatch watch) {
        this.hub = hub;
        this.serverFlags = serverFlags;
        this.limits = limits;
        this.clock = clock;
        this.watch = watch;
    }

    /** Lets pongs reach this endpoint's sockets; once per server, before it starts. */
    public void observePongs(JavalinConfig cfg) {
        pongs = PongRelay.install(cfg, session -> {
            ClientSocket socket = byConnection.get(session);
            if (socket != null) socket.heard();
        });
    }

    public void configure(WsConfig ws) {
        ws.onConnect(this::connected);
        ws.onMessage(ctx -> received(ctx, ctx.message()));
        ws.onClose(ctx -> ended(ctx));
        ws.onError(ctx -> ended(ctx));
    }

    /** Runs before the upgrade, after authentication: the requested client id must be free or the caller's own. */
    public void beforeUpgrade(Context ctx) {
        QueryText.param(ctx.queryString(), "clientId").filter(id -> !id.isEmpty())
                .ifPresent(requested -> hub.requireClientId(requested, Identity.of(ctx)));
    }

    private void connected(WsContext ctx) {
        String requested = QueryText.param(ctx.queryString(), "clientId").orElse("");
        Identity identity = identity(ctx);
        String sid = !requested.isEmpty() ? requested : SocketHub.newSid();
        if (requested.isEmpty()) hub.claimClientId(sid, identity);
        ClientSocket socket = new ClientSocket(sid, new JettyFrameSink(ctx.session), limits, hub::disconnect);
        byConnection.put(ctx.session, socket);
        hub.connect(socket, identity);
        socket.start();
        if (pongs != null && pongs.observes(ctx.session)) {
            socket.startHeartbeat(clock);
        } else {
            socket.startKeepAlive(clock);
        }
    }

    private void received(WsContext ctx, String text) {
        ClientSocket socket = byConnection.get(ctx.session);
        if (socket == null) return;
        socket.heard();
        JsonNode message;
        try {
            message = Json.parse(text);
        } catch (JsonProcessingException malformed) {
            LOG.info("ignoring a WebSocket message from {} that is not JSON", socket.sid());
            return;
        }
        if (socket.acceptFirstMessage(message)) {
            hub.reply(socket, SocketHub.text("feature_flags", serverFlags));
        } else if (JobWatch.TYPE.equals(message.path("type").asText())) {
            watch.request(socket, identity(ctx), message.path("data"));
        }
    }

    /** Who the upgrade request was authenticated as. */
    private static Identity identity(WsContext ctx) {
        return Optional.ofNullable(ctx.<Identity>attribute(Identity.ATTRIBUTE)).orElse(Identity.OPEN);
    }

    private void ended(WsContext ctx) {
        ClientSocket socket = byConnection.remove(ctx.session);
        if (socket != null) socket.closed();
    }
}
