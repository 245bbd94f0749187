package dev.easel.server.ws;

import dev.easel.engine.exec.PromptExecutor;
import dev.easel.engine.node.NodeRegistry;
import dev.easel.server.EaselServer;
import dev.easel.server.ServerConfig;
import dev.easel.testkit.Http;
import dev.easel.server.testkit.TestNodes;
import dev.easel.testkit.WsRecorder;
import dev.easel.testkit.WsRecorder.Message;
import dev.easel.server.worker.PromptRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.easel.testkit.Http.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that stops reading must not stall the worker, other clients, or memory. The
 * previews here are JPEG sampler previews, the kind a slow client may lose.
 */
class SlowClientTest {
    private static final int STEPS = 400;
    private static final int PREVIEW_BYTES = 64 * 1024;
    private static final SocketLimits LIMITS = new SocketLimits(256 * 1024, 4L << 20, Duration.ofMinutes(2));

    @TempDir
    Path dir;

    @Test
    void aStalledClientLosesPreviewsButKeepsEveryStateMessageWhileOthersAndTheWorkerGoOn() throws Exception {
        NodeRegistry registry = TestNodes.registry();
        ServerConfig config = ServerConfig.defaults(dir).withPort(0);
        try (EaselServer server = EaselServer.start(config, registry,
                PromptRunner.of(new PromptExecutor(registry, config.cache()), registry), LIMITS);
             WsRecorder stalled = WsRecorder.connectPaused(server.port(), "clientId=stalled");
             WsRecorder reader = WsRecorder.connect(server.port(), "clientId=reader")) {
            stalled.nextText();
            reader.nextText();
            Map<String, Object> prompt = map(
                    "1", map("class_type", "TestPreviewer", "inputs", map("steps", STEPS, "size", PREVIEW_BYTES, "format", "JPEG")),
                    "2", map("class_type", "TestOutput", "inputs", map("value", List.of("1", 0))));
            Http http = new Http(server.port());
            Http.Response submitted = http.postJson("/prompt", map("prompt", prompt));   // no client: broadcast
            assertThat(submitted.status()).isEqualTo(200);
            String id = submitted.json().path("prompt_id").asText();

            // The reading client sees the whole run end (the third status) while the other reads nothing.
            List<Message> seen = reader.until(new java.util.function.Predicate<>() {
                int statuses;

                @Override
                public boolean test(Message m) {
                    return m instanceof Message.Text t && t.type().equals("status") && ++statuses == 3;
                }
            });
            assertThat(WsRecorder.types(seen).stream().filter("progress"::equals)).hasSize(STEPS);
            assertThat(http.get("/history/" + id).json().path(id).path("status").path("status_str").asText())
                    .isEqualTo("success");

            ClientSocket slow = server.hub().socket("stalled").orElseThrow();
            assertThat(slow.pendingBytes()).isLessThanOrEqualTo(LIMITS.hardBytes());
            assertThat(slow.droppedPreviews()).isGreaterThan(0);

            stalled.resume();
            List<Message> late = stalled.until(new java.util.function.Predicate<>() {
                int statuses;

                @Override
                public boolean test(Message m) {
                    return m instanceof Message.Text t && t.type().equals("status") && ++statuses == 3;
                }
            });
            List<String> types = WsRecorder.types(late);
            assertThat(types.stream().filter("progress"::equals)).hasSize(STEPS);
            assertThat(types.stream().filter("binary:1"::equals).count()).isLessThan(STEPS);
        }
    }
}
