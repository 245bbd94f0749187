package dev.easel.testingnodes.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A client that talks to the server as ComfyUI's test harness does: one socket with a client
 * id, prompts posted as form-typed JSON, each run awaited until {@code executing {node: null}}.
 */
final class ComfyClient implements AutoCloseable {
    private static final Duration RUN_LIMIT = Duration.ofSeconds(120);

    private final URI base;
    private final String clientId = UUID.randomUUID().toString();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<JsonNode> received = new ArrayList<>();
    private final WebSocket socket;

    /** Thrown when the server answers a prompt with a status of 400 or more. */
    static final class Rejected extends RuntimeException {
        final int status;
        final JsonNode body;

        Rejected(int status, JsonNode body) {
            super("prompt rejected with " + status + ": " + body);
            this.status = status;
            this.body = body;
        }
    }

    ComfyClient(int port) throws Exception {
        this.base = URI.create("http://127.0.0.1:" + port);
        this.socket = http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws?clientId=" + clientId), new Collector())
                .get(30, TimeUnit.SECONDS);
        awaitMessage(m -> m.path("type").asText().equals("status"));
    }

    private final class Collector implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = TestGraph.JSON.readTree(partial.toString());
                    synchronized (received) {
                        received.add(message);
                        received.notifyAll();
                    }
                } catch (Exception malformed) {
                    throw new IllegalStateException("server sent a non-JSON text frame", malformed);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return TestGraph.JSON.readTree(response.body());
    }

    HttpResponse<byte[]> getBytes(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Queues a prompt and returns the server's answer ({@code prompt_id}, {@code node_errors}). */
    JsonNode queue(ObjectNode prompt, ObjectNode extra) throws Exception {
        ObjectNode body = TestGraph.JSON.createObjectNode();
        body.set("prompt", prompt);
        body.put("client_id", clientId);
        extra.properties().forEach(e -> body.set(e.getKey(), e.getValue()));
        HttpResponse<String> response = post("/prompt", body.toString());
        JsonNode answer = TestGraph.JSON.readTree(response.body());
        if (response.statusCode() >= 400) throw new Rejected(response.statusCode(), answer);
        return answer;
    }

    RunResult run(TestGraph graph) throws Exception {
        return run(graph.json(), TestGraph.JSON.createObjectNode());
    }

    RunResult run(ObjectNode prompt, ObjectNode extra) throws Exception {
        return finish(queue(prompt, extra));
    }

    /** Waits until the queued prompt ends ({@code executing {node: null}}) and collects what it did. */
    RunResult finish(JsonNode answer) throws Exception {
        String promptId = answer.path("prompt_id").asText();
        JsonNode end = awaitMessage(m -> m.path("type").asText().equals("executing")
                && m.path("data").path("node").isNull() && m.path("data").path("prompt_id").asText().equals(promptId));
        List<JsonNode> mine = new ArrayList<>();
        for (JsonNode m : messagesAbout(promptId)) {
            mine.add(m);
            if (m == end) break;
        }
        JsonNode history = get("/history/" + promptId).path(promptId);
        return new RunResult(promptId, answer, mine, history);
    }

    int count(String type) {
        synchronized (received) {
            return (int) received.stream().filter(m -> m.path("type").asText().equals(type)).count();
        }
    }

    /** Waits for the {@code n}-th message of a type (counting from the first ever received). */
    void awaitCount(String type, int n) throws InterruptedException {
        int[] seen = {0};
        awaitMessage(m -> m.path("type").asText().equals(type) && ++seen[0] >= n);
    }

    /** Every message this client received so far about one prompt. */
    List<JsonNode> messagesAbout(String promptId) {
        synchronized (received) {
            return received.stream().filter(m -> m.path("data").path("prompt_id").asText().equals(promptId)).toList();
        }
    }

    JsonNode awaitMessage(java.util.function.Predicate<JsonNode> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
        int seen = 0;
        synchronized (received) {
            while (true) {
                for (; seen < received.size(); seen++) {
                    if (wanted.test(received.get(seen))) return received.get(seen);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError("no such message within " + RUN_LIMIT + "; got " + received);
                received.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
}
