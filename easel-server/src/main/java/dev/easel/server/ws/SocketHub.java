package dev.easel.server.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.server.events.QueueCount;
import dev.easel.server.wire.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of connected sockets and the one ordered stream every server message goes
 * through. Each method holds the hub's monitor only while it enqueues into sockets' bounded
 * queues, so producers never wait on the network, and all messages keep one total order.
 * Callers that must make a state change and its announcement one step synchronise on the hub.
 */
public final class SocketHub {
    /** The client feature flag that asks for {@code remaining_time} messages (Easel's own; ComfyUI has none). */
    public static final String REMAINING_TIME_FLAG = "supports_remaining_time";
    private final Map<String, ClientSocket> sockets = new LinkedHashMap<>();
    private final Optional<String> instanceId;
    private Optional<LiveView> live = Optional.empty();
    /** The newest queue length broadcast, which a new connection is greeted with. */
    private QueueCount queue = new QueueCount(0, 0);

    /** A hub whose {@code status} messages carry no instance id. */
    public SocketHub() {
        this.instanceId = Optional.empty();
    }

    /** A hub whose {@code status} messages name this server start, so clients can tell a restart from a dropped connection. */
    public SocketHub(String instanceId) {
        this.instanceId = Optional.of(instanceId);
    }

    /**
     * Registers a new connection (closing an older one with the same sid, which would otherwise
     * stay open and silent) and queues its greeting: {@code status} with the sid and the newest
     * queue length broadcast, then, if this client's prompt is running,
     * where the run stands: {@code executing} for its node, its latest {@code progress_state}
     * and its latest preview.
     */
    public synchronized void connect(ClientSocket socket) {
        ClientSocket previous = sockets.put(socket.sid(), socket);
        if (previous != null && previous != socket) previous.replaced();
        ObjectNode data = statusData(queue.remaining());
        data.put("sid", socket.sid());
        socket.offer(text("status", data));
        live.filter(view -> view.clientId().equals(socket.sid()))
                .ifPresent(view -> view.snapshot().forEach(socket::offer));
    }

    /** Forgets a socket, unless its sid already belongs to a newer connection. */
    public synchronized void disconnect(ClientSocket socket) {
        sockets.remove(socket.sid(), socket);
    }

    public synchronized Optional<ClientSocket> socket(String sid) {
        return Optional.ofNullable(sockets.get(sid));
    }

    public synchronized List<ClientSocket> sockets() {
        return List.copyOf(sockets.values());
    }

    public synchronized void broadcast(Frame frame) {
        // A copy: a socket that overflows unregisters itself from inside offer().
        List.copyOf(sockets.values()).forEach(s -> s.offer(frame));
    }

    /** To one client, silently dropped when it is not connected. */
    public synchronized void send(String sid, Frame frame) {
        ClientSocket socket = sockets.get(sid);
        if (socket != null) socket.offer(frame);
    }

    /** ComfyUI's {@code send_sync} with a possibly null sid: no client means everyone. */
    public synchronized void sendOrBroadcast(Optional<String> sid, Frame frame) {
        sid.ifPresentOrElse(id -> send(id, frame), () -> broadcast(frame));
    }

    /**
     * The same, building the frame only if some socket would get it: a {@code progress_state}
     * of a huge prompt lists every node, and nobody listening must not cost its writing.
     */
    public synchronized void sendOrBroadcast(Optional<String> sid, java.util.function.Supplier<Frame> frame) {
        boolean anyone = sid.map(sockets::containsKey).orElse(!sockets.isEmpty());
        if (anyone) sendOrBroadcast(sid, frame.get());
    }

    /** A reply to one socket (feature flags), ordered with everything else. */
    public synchronized void reply(ClientSocket socket, Frame frame) {
        socket.offer(frame);
    }

    /**
     * {@code status} to everyone, unless a newer count already went out: counts are read by
     * their publishers, never here, so this lock is never held across a store call.
     */
    public synchronized void broadcastStatus(QueueCount count) {
        if (!count.isNewerThan(queue)) return;
        queue = count;
        broadcast(text("status", statusData(count.remaining())));
    }

    /** The run whose client is told where it stands on reconnecting; one at a time. */
    synchronized void watch(LiveView view) {
        live = Optional.of(view);
    }

    synchronized void unwatch(LiveView view) {
        if (live.filter(view::equals).isPresent()) live = Optional.empty();
    }

    /** Whether this client asked for Easel's {@code remaining_time} messages in its feature flags. */
    public synchronized boolean wantsRemainingTime(String sid) {
        ClientSocket socket = sockets.get(sid);
        return socket != null && socket.hasFlag(REMAINING_TIME_FLAG);
    }

    public synchronized boolean wantsPreviewMetadata(String sid) {
        ClientSocket socket = sockets.get(sid);
        return socket != null && socket.wantsPreviewMetadata();
    }

    public static Frame.Text text(String type, JsonNode data) {
        ObjectNode message = Json.object();
        message.put("type", type);
        message.set("data", data);
        return new Frame.Text(Json.write(message));
    }

    private ObjectNode statusData(int queueRemaining) {
        ObjectNode data = Json.object();
        data.putObject("status").putObject("exec_info").put("queue_remaining", queueRemaining);
        instanceId.ifPresent(id -> data.put("instance_id", id));
        return data;
    }
}
