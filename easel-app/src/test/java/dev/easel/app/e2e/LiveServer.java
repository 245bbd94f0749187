package dev.easel.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.engine.cache.CachePolicy;
import dev.easel.engine.node.NodeRegistry;
import dev.easel.engine.node.PackEnvironment;
import dev.easel.nodes.CoreNodePack;
import dev.easel.server.EaselServer;
import dev.easel.server.ServerConfig;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

/** A real Easel server with the core nodes on a free port, and a plain HTTP client for it. */
final class LiveServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final EaselServer server;
    final ServerConfig config;
    final HttpClient http = HttpClient.newHttpClient();

    LiveServer(Path base, CachePolicy cache) {
        this.config = ServerConfig.defaults(base).withPort(0).withCache(cache);
        PackEnvironment env = new PackEnvironment(base, config.outputDir(), config.inputDir(), config.tempDir(),
                false, "none", 512, Map.of());
        NodeRegistry registry = NodeRegistry.builder().addPack(new CoreNodePack(), env).build();
        this.server = EaselServer.start(config, registry);
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Queues a prompt for a client and returns its prompt id. */
    String queue(ObjectNode prompt, String clientId) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.set("prompt", prompt);
        body.put("client_id", clientId);
        HttpResponse<String> response = post("/prompt", body.toString());
        if (response.statusCode() != 200) throw new AssertionError("prompt rejected: " + response.body());
        return JSON.readTree(response.body()).get("prompt_id").asText();
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
