package dev.easel.server.ws;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One connected client: a bounded outbound queue drained by exactly one writer (a virtual
 * thread). Producers only call {@link #offer}, which never blocks: under pressure queued previews
 * give way to the newest one, and a client that stays stuck is closed with 1001 rather than
 * allowed to hold memory or stall the worker.
 */
public final class ClientSocket {
    private static final Logger LOG = LoggerFactory.getLogger(ClientSocket.class);
    public static final int GOING_AWAY = 1001;

    private final String sid;
    private final FrameSink sink;
    private final SocketLimits limits;
    private final Consumer<ClientSocket> onClosed;
    private final Object lock = new Object();
    /** Wakes the writer; a j.u.c. wait lets its virtual thread unmount (Object.wait pins it on JDK 21). */
    private final Semaphore ready = new Semaphore(0);
    private final ArrayDeque<Frame> queue = new ArrayDeque<>();
    private long queuedBytes;
    private long inFlightBytes;
    private long droppedPreviews;
    private boolean open = true;
    private volatile JsonNode clientFlags;
    private boolean negotiationDone;
    private volatile Heartbeat heartbeat;

    public ClientSocket(String sid, FrameSink sink, SocketLimits limits, Consumer<ClientSocket> onClosed) {
        this.sid = sid;
        this.sink = sink;
        this.limits = limits;
        this.onClosed = onClosed;
    }

    public String sid() {
        return sid;
    }

    public void start() {
        Thread.ofVirtual().name("ws-writer-" + sid).start(this::drain);
    }

    /** Starts pinging every {@code limits.pingInterval()}, if heartbeats are on, closing the socket if the peer falls silent. */
    public void startHeartbeat(HeartbeatClock clock) {
        startBeating(clock, true);
    }

    /** The same pings for a transport whose peer cannot answer them: they only keep the connection busy. */
    public void startKeepAlive(HeartbeatClock clock) {
        startBeating(clock, false);
    }

    private void startBeating(HeartbeatClock clock, boolean expectsAnswers) {
        if (!limits.heartbeats()) return;
        Heartbeat beat = new Heartbeat(this, clock, limits.pingInterval(), limits.pingTimeout(), expectsAnswers);
        heartbeat = beat;
        beat.start();
    }

    /** The client answered a ping or sent a message: it is alive. */
    public void heard() {
        Heartbeat beat = heartbeat;
        if (beat != null) beat.heard();
    }

    /** A ping goes out at once, beside the queue: control frames never wait behind previews. */
    void ping() {
        sink.ping().exceptionally(failed -> null);
    }

    /** Queues a frame; returns false when it was dropped or the socket is closed. */
    public boolean offer(Frame frame) {
        String overflow;
        synchronized (lock) {
            if (!open) return false;
            if (frame.isPreview() && queuedBytes + inFlightBytes + frame.size() > limits.softBytes()) {
                dropQueuedPreviews();
            }
            // an idle socket always takes one frame, however large: size alone is not slowness
            boolean idle = queue.isEmpty() && inFlightBytes == 0;
            if (idle || queuedBytes + inFlightBytes + frame.size() <= limits.hardBytes()) {
                queue.addLast(frame);
                queuedBytes += frame.size();
                ready.release();
                return true;
            }
            if (frame.isPreview()) {
                droppedPreviews++;
                return false;
            }
            overflow = "outbound queue over " + limits.hardBytes() + " bytes";
        }
        closeTooSlow(overflow);
        return false;
    }

    private void dropQueuedPreviews() {
        var it = queue.iterator();
        while (it.hasNext()) {
            Frame queued = it.next();
            if (queued.isPreview()) {
                it.remove();
                queuedBytes -= queued.size();
                droppedPreviews++;
            }
        }
    }

    /** Bytes waiting or being written; bounded by the hard limit plus one frame. */
    public long pendingBytes() {
        synchronized (lock) {
            return queuedBytes + inFlightBytes;
        }
    }

    public long droppedPreviews() {
        synchronized (lock) {
            return droppedPreviews;
        }
    }

    public boolean isOpen() {
        synchronized (lock) {
            return open;
        }
    }

    /** The flags from this client's {@code feature_flags} message, if it sent one. */
    public Optional<JsonNode> clientFlags() {
        return Optional.ofNullable(clientFlags);
    }

    /** Whether the client negotiated type-4 previews (strictly the JSON boolean true). */
    public boolean wantsPreviewMetadata() {
        return hasFlag("supports_preview_metadata");
    }

    /** Whether the client's feature flags set this one to the JSON boolean true. */
    public boolean hasFlag(String name) {
        JsonNode flags = clientFlags;
        return flags != null && flags.path(name).isBoolean() && flags.get(name).booleanValue();
    }

    /**
     * Records the first parsed JSON text frame; returns true if it was a feature-flag offer
     * that should be answered. Later frames never reopen the negotiation.
     */
    public boolean acceptFirstMessage(JsonNode message) {
        synchronized (lock) {
            if (negotiationDone) return false;
            negotiationDone = true;
        }
        if ("feature_flags".equals(message.path("type").asText()) && message.path("data").isObject()) {
            clientFlags = message.get("data");
            return true;
        }
        return false;
    }

    /** The connection ended (client closed or failed); drops what was queued. */
    public void closed() {
        if (markClosed()) onClosed.accept(this);
    }

    /** Flips to closed exactly once; true for the caller that did it. */
    private boolean markClosed() {
        synchronized (lock) {
            if (!open) return false;
            open = false;
            queue.clear();
            queuedBytes = 0;
            ready.release();
            return true;
        }
    }

    private void drain() {
        while (true) {
            Frame frame;
            try {
                ready.acquire();
            } catch (InterruptedException e) {
                return;
            }
            synchronized (lock) {
                if (!open) return;
                frame = queue.pollFirst();
                if (frame == null) continue; // its preview was dropped after the wake-up
                queuedBytes -= frame.size();
                inFlightBytes = frame.size();
            }
            try {
                sink.send(frame).get(limits.writeTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException stuck) {
                closeTooSlow("a write took longer than " + limits.writeTimeout());
                return;
            } catch (InterruptedException e) {
                return;
            } catch (Exception failed) {
                closed();
                return;
            } finally {
                synchronized (lock) {
                    inFlightBytes = 0;
                }
            }
        }
    }

    private void closeTooSlow(String reason) {
        if (!markClosed()) return;
        LOG.warn("closing WebSocket {} with 1001: client too slow ({})", sid, reason);
        onClosed.accept(this);
        sendClose(GOING_AWAY, "client too slow");
    }

    /** No answer to a ping within {@code timeout}: the peer or the path to it is gone. */
    void closeSilent(Duration timeout, Duration silent) {
        if (!markClosed()) return;
        LOG.warn("closing WebSocket {} with 1001: no answer to a ping within {} ms; silent for {} ms",
                sid, timeout.toMillis(), silent.toMillis());
        onClosed.accept(this);
        sendClose(GOING_AWAY, "no answer to ping");
    }

    /**
     * A newer connection took this client id: this one would never hear anything again, so it
     * is closed (1000) rather than left open and silent.
     */
    public void replaced() {
        if (!markClosed()) return;
        LOG.info("closing WebSocket {}: a new connection uses its client id", sid);
        sendClose(1000, "replaced by a new connection with the same client id");
    }

    private void sendClose(int code, String reason) {
        Thread.ofVirtual().start(() -> {
            try {
                sink.close(code, reason).get(2, TimeUnit.SECONDS);
            } catch (Exception closeFrameStuck) {
                sink.abort();
            }
        });
    }
}
