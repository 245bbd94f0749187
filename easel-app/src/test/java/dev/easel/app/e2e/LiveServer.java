package dev.easel.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.app.cli.EaselCommand;
import dev.easel.engine.cache.CachePolicy;
import dev.easel.engine.node.NodeRegistry;
import dev.easel.engine.node.PackEnvironment;
import dev.easel.nodes.CoreNodePack;
import dev.easel.server.EaselServer;
import dev.easel.server.ServerConfig;
import dev.easel.server.ServerFolders;
import picocli.CommandLine;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A real Easel server on a free port (the core nodes only, or as {@code easel} starts it), and a plain HTTP client for it. */
final class LiveServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final EaselServer server;
    final ServerConfig config;
    final HttpClient http = HttpClient.newHttpClient();

    LiveServer(Path base, CachePolicy cache) {
        this(coreOnly(ServerConfig.defaults(base).withPort(0).withCache(cache)));
    }

    private LiveServer(EaselCommand.Startup startup) {
        this.config = startup.config();
        this.server = EaselServer.start(config, startup.registry());
    }

    /**
     * The server {@code easel} starts, on a free port, with these flags after
     * {@code --base-directory base}: the same folders, demo model and node packs.
     */
    static LiveServer app(Path base, String... flags) {
        return app(base, 0, flags);
    }

    /** The same on a given port (0: a free one), e.g. to start again where a closed server was. */
    static LiveServer app(Path base, int port, String... flags) {
        CommandLine commandLine = EaselCommand.commandLine();
        List<String> args = new ArrayList<>(List.of("--base-directory", base.toString(), "--port", String.valueOf(port)));
        args.addAll(List.of(flags));
        commandLine.parseArgs(args.toArray(String[]::new));
        EaselCommand command = commandLine.getCommand();
        return new LiveServer(command.prepare());
    }

    private static EaselCommand.Startup coreOnly(ServerConfig config) {
        ServerFolders folders = config.folders();
        PackEnvironment env = new PackEnvironment(folders.base(), folders.output(), folders.input(), folders.temp(),
                false, "none", 512, Map.of());
        return new EaselCommand.Startup(config, NodeRegistry.builder().addPack(new CoreNodePack(), env).build(), Duration.ZERO);
    }

    int port() {
        return server.port();
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
