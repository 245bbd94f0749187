package dev.easel.testingnodes.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.testkit.WsRecorder;
import dev.easel.testkit.WsRecorder.Message;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A client that talks to the server as ComfyUI's test harness does: one socket (the test kit's
 * recorder) with a client id, prompts posted as form-typed JSON, each run awaited until
 * {@code executing {node: null}}.
 */
final class ComfyClient implements AutoCloseable {
    private static final Duration RUN_LIMIT = Duration.ofSeconds(120);

    private final URI base;
    private final String clientId = UUID.randomUUID().toString();
    private final HttpClient http = HttpClient.newHttpClient();
    private final WsRecorder socket;

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
        this.socket = WsRecorder.connect(port, "clientId=" + clientId);
        awaitMessage(m -> m.path("type").asText().equals("status"));
    }

    /** The text messages received so far, in order. */
    private List<JsonNode> received() {
        return socket.received().stream().filter(Message.Text.class::isInstance).map(m -> ((Message.Text) m).json()).toList();
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
        return (int) received().stream().filter(m -> m.path("type").asText().equals(type)).count();
    }

    /** Waits for the {@code n}-th message of a type (counting from the first ever received). */
    void awaitCount(String type, int n) {
        int[] seen = {0};
        awaitMessage(m -> m.path("type").asText().equals(type) && ++seen[0] >= n);
    }

    /** Every message this client received so far about one prompt. */
    List<JsonNode> messagesAbout(String promptId) {
        return received().stream().filter(m -> m.path("data").path("prompt_id").asText().equals(promptId)).toList();
    }

    /** The first text message ever received that matches, waiting for it if it has not come yet. */
    JsonNode awaitMessage(Predicate<JsonNode> wanted) {
        return ((Message.Text) socket.first(m -> m instanceof Message.Text t && wanted.test(t.json()), RUN_LIMIT)).json();
    }

    @Override
    public void close() {
        socket.closeGracefully();
    }
}
