package dev.easel.bench.generation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.easel.bench.client.PromptPoster;
import dev.easel.testkit.WsClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One socket client that posts prompts one at a time and keeps, for the prompt in flight, every
 * text message that names it and every binary frame, each with the {@link System#nanoTime()} of
 * its arrival. A prompt ends with its {@code executing} message for node null.
 */
final class PromptWatch implements WsClient.Handler, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A message that arrived while the prompt ran, at {@code at}. */
    sealed interface Arrival permits Event, Frame {
        long at();
    }

    /** A text message of the watched prompt. */
    record Event(String type, JsonNode data, long at) implements Arrival {
    }

    /** A binary frame received while the prompt ran. */
    record Frame(byte[] bytes, long at) implements Arrival {
        int type() {
            return bytes.length < 4 ? -1 : readInt(0);
        }

        int imageFormat() {
            return bytes.length < 8 ? -1 : readInt(4);
        }

        /** A type-1 JPEG preview: {@code [u32 1][u32 1][JPEG]}, the JPEG starting with its SOI marker. */
        boolean isJpegPreview() {
            return type() == 1 && imageFormat() == 1 && bytes.length > 10
                    && (bytes[8] & 0xff) == 0xff && (bytes[9] & 0xff) == 0xd8;
        }

        private int readInt(int at) {
            return ((bytes[at] & 0xff) << 24) | ((bytes[at + 1] & 0xff) << 16) | ((bytes[at + 2] & 0xff) << 8) | (bytes[at + 3] & 0xff);
        }
    }

    /** What one prompt sent, from just before its POST. */
    static final class Run {
        final String promptId;
        final long posted;
        private final List<Arrival> arrivals = new ArrayList<>();
        private final CountDownLatch done = new CountDownLatch(1);

        Run(String promptId, long posted) {
            this.promptId = promptId;
            this.posted = posted;
        }

        synchronized void text(String type, JsonNode data, long at) {
            if (!promptId.equals(data.path("prompt_id").asText())) return;
            arrivals.add(new Event(type, data, at));
            if (type.equals("executing") && data.has("node") && data.get("node").isNull()) done.countDown();
        }

        synchronized void binary(byte[] frame, long at) {
            if (done.getCount() > 0) arrivals.add(new Frame(frame, at));
        }

        /** The arrival of {@code executing} for node null. */
        synchronized long finished() {
            return arrivals.get(arrivals.size() - 1).at();
        }

        /** Text messages and frames in the order they arrived. */
        synchronized List<Arrival> arrivals() {
            return List.copyOf(arrivals);
        }

        synchronized List<Event> events(String type) {
            return arrivals.stream().filter(a -> a instanceof Event e && e.type().equals(type)).map(Event.class::cast).toList();
        }

        synchronized List<Frame> frames() {
            return arrivals.stream().filter(a -> a instanceof Frame).map(Frame.class::cast).toList();
        }

        /** The error the prompt ended with, if it did not succeed. */
        synchronized Optional<String> failure() {
            for (String type : List.of("execution_error", "execution_interrupted")) {
                List<Event> found = events(type);
                if (!found.isEmpty()) return Optional.of(type + ": " + found.get(0).data());
            }
            return events("execution_success").isEmpty() ? Optional.of("no execution_success") : Optional.empty();
        }
    }

    private final HttpClient http = PromptPoster.httpClient();
    private final CountDownLatch greeted = new CountDownLatch(1);
    private final PromptPoster poster;
    private final WsClient socket;
    private volatile Run current;

    private PromptWatch(URI server, String clientId) throws Exception {
        this.poster = new PromptPoster(http, server, clientId);
        this.socket = WsClient.connect(http, server, clientId, this);
        if (!greeted.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("no greeting status on the socket");
    }

    static PromptWatch connect(URI server) throws Exception {
        return new PromptWatch(server, UUID.randomUUID().toString().replace("-", ""));
    }

    /** Posts the prompt and waits until it has ended; fails if it did not succeed. */
    Run run(String promptJson, String extraDataJson, int timeoutSeconds) throws Exception {
        String promptId = UUID.randomUUID().toString();
        Run run = new Run(promptId, System.nanoTime());
        current = run;
        var response = poster.post(promptId, promptJson, extraDataJson).get(30, TimeUnit.SECONDS);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST /prompt answered " + response.statusCode() + ": " + response.body());
        }
        if (!run.done.await(timeoutSeconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the prompt did not finish within " + timeoutSeconds + " s");
        }
        current = null;
        Optional<String> failure = run.failure();
        if (failure.isPresent()) throw new IllegalStateException("the prompt failed: " + failure.get());
        return run;
    }

    @Override
    public void onText(String message, long receivedNanos) {
        JsonNode root;
        try {
            root = JSON.readTree(message);
        } catch (JsonProcessingException malformed) {
            throw new IllegalStateException("the server sent a text frame that is not JSON: " + message, malformed);
        }
        String type = root.path("type").asText();
        JsonNode data = root.path("data");
        if (type.equals("status") && data.has("sid")) greeted.countDown();
        Run run = current;
        if (run != null) run.text(type, data, receivedNanos);
    }

    @Override
    public void onBinary(byte[] frame, long receivedNanos) {
        Run run = current;
        if (run != null) run.binary(frame, receivedNanos);
    }

    @Override
    public void close() {
        socket.close();
    }
}
