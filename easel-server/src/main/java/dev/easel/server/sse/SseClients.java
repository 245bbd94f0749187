package dev.easel.server.sse;

import dev.easel.server.auth.Identity;
import dev.easel.server.ws.ClientSocket;
import dev.easel.server.ws.HeartbeatClock;
import dev.easel.server.ws.SocketHub;
import dev.easel.server.ws.SocketLimits;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Server-Sent-Events clients by sid. Each is a {@link ClientSocket} in the hub like a
 * WebSocket, so it is addressed by the same rules and greeted the same way. A stream that names
 * the last event it saw resumes its client where it left off; any other stream starts a new
 * client under its sid, replacing whatever connection held it.
 */
public final class SseClients {
    private static final Logger LOG = LoggerFactory.getLogger(SseClients.class);
    /** How long a client's events are kept for a reconnect after its stream broke. */
    public static final Duration RETENTION = Duration.ofSeconds(60);

    private final SocketHub hub;
    private final SocketLimits limits;
    private final HeartbeatClock clock;
    private final Map<String, Entry> clients = new ConcurrentHashMap<>();

    private record Entry(SseClient client, ClientSocket socket) {
    }

    public SseClients(SocketHub hub, SocketLimits limits, HeartbeatClock clock) {
        this.hub = hub;
        this.limits = limits;
        this.clock = clock;
    }

    /** Binds a client id to the caller's user, as a WebSocket upgrade does; false when it belongs to another user. */
    public boolean claim(String sid, Identity caller) {
        return hub.claimClientId(sid, caller);
    }

    /**
     * Attaches {@code stream} to the client {@code sid}, acting for {@code caller}; returns at once
     * (the stream is written from elsewhere).
     */
    public void open(String sid, Identity caller, OptionalLong lastSeen, SseStream stream) {
        Entry known = clients.get(sid);
        // only while this client still holds its sid: a WebSocket may have taken it since
        if (lastSeen.isPresent() && known != null && hub.socket(sid).filter(s -> s == known.socket() && s.isOpen()).isPresent()) {
            LOG.info("SSE client {} reconnected after event {}", sid, lastSeen.getAsLong());
            known.client().attach(stream, lastSeen.getAsLong());
            return;
        }
        SseClient client = new SseClient(sid, limits.softBytes(), clock, RETENTION);
        ClientSocket socket = new ClientSocket(sid, client, limits, closed -> {
            hub.disconnect(closed);
            client.abort();
        });
        Entry entry = new Entry(client, socket);
        client.expireWith(() -> {
            LOG.info("forgetting SSE client {}: it did not reconnect within {} s", sid, RETENTION.toSeconds());
            socket.closed();
        });
        client.whenEnded(() -> clients.remove(sid, entry));
        client.attach(stream, 0);
        clients.put(sid, entry);
        hub.connect(socket, caller);
        socket.start();
        socket.startKeepAlive(clock);
    }

    /** The server stops: every stream ends, so no request waits on one. */
    public void close() {
        clients.values().forEach(entry -> entry.client().abort());
    }
}
