package dev.easel.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real Server-Sent-Events client that records every event in arrival order, as
 * {@link WsRecorder} does for WebSockets. Easel's events turn back into the WebSocket messages
 * they carry ({@link Event#message}), so a test can compare the two transports message by message.
 */
public final class SseReader implements AutoCloseable {
    private static final long WAIT_SECONDS = 20;

    /** One dispatched event: its {@code id:}, its {@code event:} name ({@code message} by default) and its data lines. */
    public record Event(String id, String event, String data) {

        /** The WebSocket message this event carries: a text frame, or a binary frame rebuilt from its type and base64 bytes. */
        public WsRecorder.Message message() {
            if (!event.equals("binary")) return new WsRecorder.Message.Text(Http.json(data));
            var json = Http.json(data);
            byte[] payload = Base64.getDecoder().decode(json.path("data").asText());
            return new WsRecorder.Message.Binary(ByteBuffer.allocate(4 + payload.length)
                    .putInt((int) json.path("type").asLong()).put(payload).array());
        }
    }

    private final Inbox<Event> inbox = new Inbox<>("server-sent event");
    private final AtomicInteger comments = new AtomicInteger();
    private final HttpResponse<InputStream> response;
    private final Thread reader;

    private SseReader(URI uri, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        if (lastEventId != null) request.header("Last-Event-ID", lastEventId);
        response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        reader = Thread.ofVirtual().name("sse-reader").start(this::read);
    }

    /** Opens {@code /events} with this query ({@code clientId=...}). */
    public static SseReader connect(int port, String query) throws Exception {
        return connect(port, "/events", query);
    }

    public static SseReader connect(int port, String path, String query) throws Exception {
        return new SseReader(uri(port, path, query), null);
    }

    /** Reconnects to {@code /events} as a browser's EventSource does, naming the last event id it saw. */
    public static SseReader resume(int port, String query, String lastEventId) throws Exception {
        return new SseReader(uri(port, "/events", query), lastEventId);
    }

    private static URI uri(int port, String path, String query) {
        return URI.create("http://127.0.0.1:" + port + path + (query.isEmpty() ? "" : "?" + query));
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** Comment lines (heartbeats) read so far. */
    public int comments() {
        return comments.get();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String event = "message";
            StringBuilder data = new StringBuilder();
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) inbox.add(new Event(id, event, data.toString()));
                    event = "message";
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.incrementAndGet();
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> event = value;
                        case "data" -> data.append(data.isEmpty() ? "" : "\n").append(value);
                        default -> { }
                    }
                }
            }
        } catch (IOException closed) {
            // the stream ended: by close() or by the server
        }
    }

    /** The next event, or an assertion failure after a generous wait. */
    public Event next() {
        return inbox.next(Duration.ofSeconds(WAIT_SECONDS));
    }

    /** Every event up to and including the first whose message matches. */
    public List<Event> until(Predicate<WsRecorder.Message> last) {
        List<Event> collected = new ArrayList<>();
        while (true) {
            Event event = next();
            collected.add(event);
            if (last.test(event.message())) return collected;
        }
    }

    /** Events up to and including the {@code executing} with node null that ends this prompt. */
    public List<Event> untilPromptEnd(String promptId) {
        return until(WsRecorder.promptEnd(promptId));
    }

    public static List<WsRecorder.Message> messages(List<Event> events) {
        return events.stream().map(Event::message).toList();
    }

    /** Drops the connection, as a client that goes away does. */
    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // already closed
        }
        reader.interrupt();
    }
}
