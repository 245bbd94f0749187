package dev.easel.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A WebSocket client that keeps every frame in arrival order: JSON messages and binary frames. */
final class WsRecorder implements WebSocket.Listener, AutoCloseable {

    sealed interface Frame {}

    record Text(JsonNode json) implements Frame {
        String type() {
            return json.get("type").asText();
        }

        JsonNode data() {
            return json.get("data");
        }
    }

    record Binary(byte[] bytes) implements Frame {
        int eventType() {
            return ByteBuffer.wrap(bytes).getInt(0);
        }
    }

    private final LinkedBlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final List<Frame> seen = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();
    final WebSocket socket;

    WsRecorder(URI uri) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, this).join();
    }

    void send(String json) {
        socket.sendText(json, true).join();
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            frames.add(new Text(LiveServer.parse(text.toString())));
            text.setLength(0);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        binary.writeBytes(chunk);
        if (last) {
            frames.add(new Binary(binary.toByteArray()));
            binary = new java.io.ByteArrayOutputStream();
        }
        ws.request(1);
        return null;
    }

    /** The next frame; fails after 20 s. */
    Frame next() throws InterruptedException {
        Frame frame = frames.poll(20, TimeUnit.SECONDS);
        if (frame == null) throw new AssertionError("no frame within 20 s; seen so far: " + seen);
        seen.add(frame);
        return frame;
    }

    Text nextText() throws InterruptedException {
        Frame frame = next();
        if (frame instanceof Text t) return t;
        throw new AssertionError("expected a text frame, got " + frame);
    }

    /** Every frame up to and including the first that matches. */
    List<Frame> until(Predicate<Frame> last) throws InterruptedException {
        List<Frame> collected = new ArrayList<>();
        Frame frame;
        do {
            frame = next();
            collected.add(frame);
        } while (!last.test(frame));
        return collected;
    }

    static Predicate<Frame> finished(String promptId) {
        return f -> f instanceof Text t && t.type().equals("executing") && t.data().get("node").isNull()
                && t.data().path("prompt_id").asText().equals(promptId);
    }

    /** Frames that arrive within {@code millis} (none expected when checking isolation). */
    List<Frame> drain(long millis) throws InterruptedException {
        List<Frame> collected = new ArrayList<>();
        long end = System.currentTimeMillis() + millis;
        Frame frame;
        while ((frame = frames.poll(Math.max(1, end - System.currentTimeMillis()), TimeUnit.MILLISECONDS)) != null) {
            collected.add(frame);
        }
        return collected;
    }

    @Override
    public void close() {
        socket.abort();
    }
}
