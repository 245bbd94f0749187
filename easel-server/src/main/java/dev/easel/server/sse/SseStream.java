package dev.easel.server.sse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * One open {@code text/event-stream} response. Written by its client's single writer; the
 * request's own thread waits in {@link #awaitEnd} until the stream is replaced, fails or the
 * client is closed. Events at or below the highest id written are skipped, so a replay and the
 * live events that race it never repeat one.
 */
public final class SseStream {
    private final OutputStream out;
    private final CountDownLatch ended = new CountDownLatch(1);
    private long lastWritten;

    public SseStream(OutputStream out) {
        this.out = out;
    }

    void write(SseEvent event) throws IOException {
        if (event.id() <= lastWritten) return;
        writeRaw(event.text());
        lastWritten = event.id();
    }

    /** A comment line: keeps proxies from seeing the stream idle, and finds a client that left. */
    void comment(String text) throws IOException {
        writeRaw(": " + text + "\n\n");
    }

    private void writeRaw(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    void end() {
        ended.countDown();
    }

    boolean hasEnded() {
        return ended.getCount() == 0;
    }

    public void awaitEnd() throws InterruptedException {
        ended.await();
    }
}
