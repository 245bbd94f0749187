package dev.easel.server.testkit;

import dev.easel.testkit.Http;
import dev.easel.engine.node.NodeRegistry;
import dev.easel.server.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static dev.easel.testkit.Http.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test class that gets a fresh server for each test, under its own temporary directory. A
 * subclass's own {@code @BeforeEach} runs after the server started and its {@code @AfterEach}
 * before the server stops, so it can connect clients and release blocked runs in its own methods.
 */
public abstract class ServerTest {
    @TempDir
    protected Path dir;
    protected ServerFixture fx;

    /** The nodes the server offers; {@link TestNodes#registry()} unless a test needs others. */
    protected NodeRegistry registry() {
        return TestNodes.registry();
    }

    /** Changes to the defaults (free port, folders under {@link #dir}); none unless overridden. */
    protected ServerConfig configure(ServerConfig defaults) {
        return defaults;
    }

    @BeforeEach
    final void startServer() {
        fx = ServerFixture.start(dir, registry(), this::configure);
    }

    @AfterEach
    final void stopServer() {
        fx.close();
    }

    /** Queues {@code prompt} for {@code clientId} (none when null) and returns its prompt id, requiring a 200. */
    protected String submit(Map<String, Object> prompt, String clientId) {
        Map<String, Object> body = clientId == null ? map("prompt", prompt) : map("prompt", prompt, "client_id", clientId);
        Http.Response response = fx.http.postJson("/prompt", body);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json().path("prompt_id").asText();
    }
}
