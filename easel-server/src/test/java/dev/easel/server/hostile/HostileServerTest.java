package dev.easel.server.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeRegistry;
import dev.easel.engine.node.PackEnvironment;
import dev.easel.engine.node.ResourceLimits;
import dev.easel.server.ServerConfig;
import dev.easel.testkit.Http;
import dev.easel.server.testkit.ServerTest;
import dev.easel.server.testkit.TestNodes;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.easel.testkit.Http.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real server with the test nodes and the built-in node library (image loading, saving,
 * batching), both under the same {@link ResourceLimits}, which a test may tighten.
 */
abstract class HostileServerTest extends ServerTest {

    protected ResourceLimits limits() {
        return ResourceLimits.defaults();
    }

    protected List<NodeDefinition> extraNodes() {
        return List.of();
    }

    @Override
    protected NodeRegistry registry() {
        return TestNodes.withCoreNodes(PackEnvironment.under(dir).withLimits(limits()),
                extraNodes().toArray(NodeDefinition[]::new));
    }

    @Override
    protected ServerConfig configure(ServerConfig defaults) {
        return defaults.withLimits(limits());
    }

    /** Waits for the prompt's history entry (a finished run) and returns its status object. */
    protected JsonNode awaitHistory(String promptId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode entry = fx.http.get("/history/" + promptId).json().path(promptId);
            if (!entry.isMissingNode()) return entry;
            sleep(20);
        }
        throw new AssertionError("prompt " + promptId + " never finished");
    }

    /** The error message a failed run recorded in its history. */
    protected static String errorOf(JsonNode history) {
        for (JsonNode message : history.path("status").path("messages")) {
            if (message.get(0).asText().equals("execution_error")) return message.get(1).path("exception_message").asText();
        }
        throw new AssertionError("no execution_error in " + history);
    }

    protected Http.Response post(Map<String, Object> prompt) {
        return fx.http.postJson("/prompt", map("prompt", prompt));
    }

    protected static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    protected static void assertOk(Http.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
    }
}
