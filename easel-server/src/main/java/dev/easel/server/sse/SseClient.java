package dev.easel.server.sse;

import dev.easel.server.ws.Frame;
import dev.easel.server.ws.FrameSink;
import dev.easel.server.ws.HeartbeatClock;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * The transport of one Server-Sent-Events client behind its {@link dev.easel.server.ws.ClientSocket}:
 * the socket's bounded queue and single writer stay as they are for WebSockets, and this sink
 * numbers each frame, keeps it in the replay buffer and writes it to whichever stream is attached.
 * Between streams frames only go to the buffer; a client that stays away past its retention is
 * forgotten. All stream writes run on one thread, in order.
 */
final class SseClient implements FrameSink {
    private final String sid;
    private final ReplayBuffer replay;
    private final HeartbeatClock clock;
    private final Duration retention;
    private final ExecutorService writes;
    private long nextId;
    private SseStream stream;   // touched only on the writes thread
    private volatile Runnable onExpired = () -> { };
    private volatile Runnable onEnded = () -> { };

    SseClient(String sid, long replayBytes, HeartbeatClock clock, Duration retention) {
        this.sid = sid;
        this.replay = new ReplayBuffer(replayBytes);
        this.clock = clock;
        this.retention = retention;
        this.writes = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("sse-writer-" + sid).factory());
    }

    /** What ends this client when it stays away too long (its socket closing). */
    void expireWith(Runnable expire) {
        onExpired = expire;
    }

    /** Runs once when this client ends, however it ends. */
    void whenEnded(Runnable ended) {
        onEnded = ended;
    }

    /** Attaches a stream, first writing what it missed since {@code lastSeen} (0: nothing to replay). */
    void attach(SseStream fresh, long lastSeen) {
        onWriter(() -> {
            if (stream != null) stream.end();
            stream = fresh;
            for (SseEvent missed : replay.after(lastSeen)) write(missed);
        });
    }

    @Override
    public synchronized CompletableFuture<Void> send(Frame frame) {
        SseEvent event = SseEvent.of(++nextId, frame);
        replay.add(event);
        return onWriter(() -> write(event));
    }

    @Override
    public CompletableFuture<Void> ping() {
        return onWriter(() -> {
            if (stream == null) return;
            try {
                stream.comment("ping");
            } catch (IOException gone) {
                detach();
            }
        });
    }

    @Override
    public CompletableFuture<Void> close(int code, String reason) {
        abort();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void abort() {
        onWriter(() -> {
            if (stream != null) stream.end();
            stream = null;
            onEnded.run();
        }).whenComplete((done, failed) -> writes.shutdown());
    }

    private void write(SseEvent event) {
        if (stream == null) return;
        try {
            stream.write(event);
        } catch (IOException gone) {
            detach();   // the event stays in the buffer for the reconnect
        }
    }

    private void detach() {
        SseStream left = stream;
        left.end();
        stream = null;
        clock.schedule(retention, () -> onWriter(() -> {
            if (stream == null) onExpired.run();
        }));
    }

    /** Runs on the writes thread; a write that fails only detaches, so the socket's writer never sees an error. */
    private CompletableFuture<Void> onWriter(Runnable task) {
        try {
            return CompletableFuture.runAsync(task, writes);
        } catch (RejectedExecutionException closed) {
            return CompletableFuture.completedFuture(null);
        }
    }

    @Override
    public String toString() {
        return "SSE client " + sid;
    }
}
