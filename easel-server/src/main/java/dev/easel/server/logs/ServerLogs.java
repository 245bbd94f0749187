package dev.easel.server.logs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.server.wire.Json;
import dev.easel.server.ws.Frame;
import dev.easel.server.ws.SocketHub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The log terminal of ComfyUI's front end ({@code /internal/logs}): the recent entries, and
 * {@code logs} WebSocket messages to the clients that subscribed, sent by one thread of its
 * own in batches, so logging never waits on a socket. A subscriber that has disconnected is
 * dropped at the next batch, and so is one whose socket's user is not an admin: the log names
 * every user's prompts and errors.
 */
public final class ServerLogs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerLogs.class);

    private final LogBuffer buffer = new LogBuffer();
    private final TerminalSize terminal = new TerminalSize();
    private final SocketHub hub;
    private final Set<String> subscribers = new LinkedHashSet<>();
    private final AutoCloseable tap;
    private final Thread sender;
    private volatile boolean open = true;

    private ServerLogs(SocketHub hub) {
        this.hub = hub;
        this.tap = attach(buffer);
        this.sender = Thread.ofVirtual().name("easel-log-sender").start(this::send);
    }

    /** Starts capturing the server's log output; {@link #close} stops. */
    public static ServerLogs start(SocketHub hub) {
        return new ServerLogs(hub);
    }

    private static AutoCloseable attach(LogBuffer buffer) {
        if (LoggerFactory.getILoggerFactory().getClass().getName().equals("ch.qos.logback.classic.LoggerContext")) {
            return LogbackTap.attach(buffer);
        }
        LOG.info("The logging backend is not Logback; /internal/logs stays empty");
        return () -> { };
    }

    public List<LogBuffer.Entry> recent() {
        return buffer.recent();
    }

    /** The terminal's size, reported always (and no longer news to subscribers). */
    public TerminalSize.Size size() {
        terminal.changed();
        return terminal.current();
    }

    public synchronized void subscribe(String sid, boolean enabled) {
        if (enabled) {
            subscribers.add(sid);
        } else {
            subscribers.remove(sid);
        }
    }

    /** {@code {"t": time, "m": message}}, the time as Python's {@code isoformat()} writes it. */
    public static ObjectNode entry(LogBuffer.Entry entry) {
        return Json.object().put("t", isoformat(entry.time())).put("m", entry.message());
    }

    /** Microseconds when there are any, none at all otherwise. */
    static String isoformat(java.time.LocalDateTime time) {
        int micros = time.getNano() / 1000;
        String seconds = time.withNano(0).format(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        return micros == 0 ? seconds : seconds + String.format(".%06d", micros);
    }

    private void send() {
        while (open) {
            List<LogBuffer.Entry> batch;
            try {
                batch = buffer.takeUnsent();
            } catch (InterruptedException stopping) {
                return;
            }
            if (!batch.isEmpty()) deliver(batch);
        }
    }

    private void deliver(List<LogBuffer.Entry> batch) {
        List<String> targets;
        synchronized (this) {
            if (subscribers.isEmpty()) return;
            subscribers.removeIf(sid -> hub.socket(sid).isEmpty());
            targets = List.copyOf(subscribers);
        }
        if (targets.isEmpty()) return;
        ObjectNode data = Json.object();
        ArrayNode entries = data.putArray("entries");
        batch.forEach(e -> entries.add(entry(e)));
        Optional<TerminalSize.Size> changed = terminal.changed();
        if (changed.isPresent()) {
            data.putObject("size").put("cols", changed.get().cols()).put("rows", changed.get().rows());
        } else {
            data.putNull("size");
        }
        var frame = SocketHub.text("logs", data);
        targets.forEach(sid -> sendTo(sid, frame));
    }

    /** The log is the whole server's: a client whose user is not an admin loses its subscription instead. */
    private void sendTo(String sid, Frame frame) {
        if (hub.sendToAdmin(sid, frame)) return;
        subscribe(sid, false);
        hub.identity(sid).ifPresent(user -> LOG.warn("stopped sending the log to client {}: its user {} is not an admin",
                sid, user.user()));
    }

    @Override
    public void close() {
        open = false;
        sender.interrupt();
        try {
            tap.close();
        } catch (Exception e) {
            LOG.warn("Could not detach the log buffer: {}", e.toString());
        }
    }
}
