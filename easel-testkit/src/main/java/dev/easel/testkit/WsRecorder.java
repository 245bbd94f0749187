package dev.easel.testkit;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real WebSocket client (a {@link WsClient}) that records every message in arrival order. Reading can be paused
 * to play a client that stops reading. It answers each server ping it reads with a pong (the
 * JDK client does so as it reads), so a paused recorder also plays a peer whose pongs never come.
 */
public final class WsRecorder implements AutoCloseable {
    private static final long WAIT_SECONDS = 20;
    /** The code a client reports for a connection that ended without a close frame. */
    public static final int ABNORMAL_CLOSURE = 1006;

    public sealed interface Message {
        record Text(JsonNode json) implements Message {
            public String type() {
                return json.path("type").asText();
            }

            public JsonNode data() {
                return json.path("data");
            }
        }

        record Binary(byte[] bytes) implements Message {
            public int eventType() {
                return ByteBuffer.wrap(bytes).getInt(0);
            }
        }

        record Closed(int code, String reason) implements Message {}
    }

    private final Inbox<Message> inbox = new Inbox<>("WebSocket message");
    private final AtomicInteger pings = new AtomicInteger();
    private final WsClient socket;

    private WsRecorder(URI uri, boolean startPaused, String... headers) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Recorder recorder = new Recorder();
        this.socket = (startPaused ? WsClient.openPaused(http, uri, recorder) : WsClient.open(http, uri, recorder, headers))
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static URI local(int port, String path, String query) {
        return URI.create("ws://127.0.0.1:" + port + path + (query.isEmpty() ? "" : "?" + query));
    }

    public static WsRecorder connect(int port, String query) throws Exception {
        return connect(port, "/ws", query);
    }

    public static WsRecorder connect(int port, String path, String query) throws Exception {
        return new WsRecorder(local(port, path, query), false);
    }

    /** Connects to {@code /ws}, asking with the given headers (name, value, ...), as a browser sends its cookies. */
    public static WsRecorder connectWithHeaders(int port, String query, String... headers) throws Exception {
        return new WsRecorder(local(port, "/ws", query), false, headers);
    }

    /** Connects and reads only the first frame, then stops reading (and so answering pings). */
    public static WsRecorder connectPaused(int port, String query) throws Exception {
        return new WsRecorder(local(port, "/ws", query), true);
    }

    public void send(String text) {
        socket.send(text);
    }

    /** The next message, or an assertion failure after a generous wait. */
    public Message next() {
        return inbox.next(Duration.ofSeconds(WAIT_SECONDS));
    }

    public Message.Text nextText() {
        Message message = next();
        if (message instanceof Message.Text text) return text;
        throw new AssertionError("expected a text frame, got " + message);
    }

    /** Every message up to and including the first that matches. */
    public List<Message> until(Predicate<Message> last) {
        List<Message> collected = new ArrayList<>();
        while (true) {
            Message message = next();
            collected.add(message);
            if (last.test(message)) return collected;
        }
    }

    /** Messages up to and including the end of a prompt ({@code executing} with node null). */
    public List<Message> untilPromptEnd() {
        return until(m -> m instanceof Message.Text t && t.type().equals("executing") && t.data().path("node").isNull()
                && t.data().has("prompt_id"));
    }

    /** Messages up to and including the end of one prompt. */
    public List<Message> untilPromptEnd(String promptId) {
        return until(promptEnd(promptId));
    }

    /** The {@code executing} message with node null that ends this prompt. */
    public static Predicate<Message> promptEnd(String promptId) {
        return m -> m instanceof Message.Text t && t.type().equals("executing") && t.data().path("node").isNull()
                && t.data().path("prompt_id").asText().equals(promptId);
    }

    /**
     * Every message so far, in arrival order: those already read and those waiting, which count
     * as read from now on.
     */
    public List<Message> received() {
        return inbox.received();
    }

    /**
     * The first message ever received that matches, read or not; waits up to {@code limit} for
     * one if none has come yet. Messages read while waiting count as read.
     */
    public Message first(Predicate<Message> wanted, Duration limit) {
        for (Message m : received()) if (wanted.test(m)) return m;
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Message message = left > 0 ? inbox.poll(Duration.ofNanos(left)) : null;
            if (message == null) {
                throw new AssertionError("no such WebSocket message within " + limit + "; seen: " + inbox.describeRead());
            }
            if (wanted.test(message)) return message;
        }
    }

    public Message.Text awaitType(String type) {
        return (Message.Text) until(m -> m instanceof Message.Text t && t.type().equals(type)).getLast();
    }

    public static List<String> types(List<Message> messages) {
        List<String> types = new ArrayList<>();
        for (Message m : messages) {
            switch (m) {
                case Message.Text t -> types.add(t.type());
                case Message.Binary b -> types.add("binary:" + b.eventType());
                case Message.Closed c -> types.add("closed:" + c.code());
            }
        }
        return types;
    }

    /** Pings read (and so answered) so far. */
    public int pingsAnswered() {
        return pings.get();
    }

    public void resume() {
        socket.resume();
    }

    @Override
    public void close() {
        socket.abort();
    }

    public void closeGracefully() {
        socket.sendClose("bye");
    }

    /** Records what the client reads; the client reassembles fragments and holds back reading while paused. */
    private final class Recorder implements WsClient.Handler {
        @Override
        public void onText(String message, long receivedNanos) {
            inbox.add(new Message.Text(Http.json(message)));
        }

        @Override
        public void onBinary(byte[] message, long receivedNanos) {
            inbox.add(new Message.Binary(message));
        }

        @Override
        public void onPing() {
            pings.incrementAndGet();
        }

        @Override
        public void onClose(int code, String reason) {
            inbox.add(new Message.Closed(code, reason));
        }

        /** The connection broke without a close frame read: recorded as browsers report it, 1006. */
        @Override
        public void onError(Throwable error) {
            inbox.add(new Message.Closed(ABNORMAL_CLOSURE, String.valueOf(error)));
        }
    }
}
