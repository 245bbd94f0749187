package dev.easel.server.hostile;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.testkit.Http;
import dev.easel.testkit.LogCapture;
import dev.easel.server.testkit.TestNodes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.easel.testkit.Http.map;
import static org.assertj.core.api.Assertions.assertThat;

/** Finding 6: every Throwable becomes a response or a failed job, logged once with its cause. */
class ErrorBoundaryTest extends HostileServerTest {

    @Override
    protected List<NodeDefinition> extraNodes() {
        return List.of(ThrowingNodes.inValidation(() -> new StackOverflowError("deep")),
                ThrowingNodes.inRun(() -> new OutOfMemoryError("Java heap space")));
    }

    private static Map<String, Object> using(String classType) {
        return map("1", map("class_type", "TestMakeInt", "inputs", map("value", 1)),
                "2", map("class_type", classType, "inputs", map("value", List.of("1", 0))));
    }

    @Test
    void anErrorInAHandlerIsA500WithAMessageLoggedOnce() {
        try (LogCapture log = new LogCapture()) {
            Http.Response response = post(using("TestErrorInValidation"));
            assertThat(response.status()).isEqualTo(500);
            assertThat(response.json()).isEqualTo(Http.json("{\"error\": \"internal error: java.lang.StackOverflowError: deep\"}"));
            List<LogCapture.Line> errors = log.server().stream().filter(l -> l.level() == Level.ERROR).toList();
            assertThat(errors).singleElement().satisfies(line -> {
                assertThat(line.message()).startsWith("POST /prompt failed: java.lang.StackOverflowError: deep\n\tat ");
            });
        }
        assertOk(post(TestNodes.simplePrompt(3)));
    }

    @Test
    void anErrorInARunFailsTheJobAndTheWorkerGoesOn() {
        JsonNode failed = awaitHistory(submit(using("TestErrorInRun"), null));
        assertThat(failed.path("status").path("status_str").asText()).isEqualTo("error");
        assertThat(errorOf(failed)).isEqualTo("Java heap space\n");
        JsonNode next = awaitHistory(submit(TestNodes.simplePrompt(4), null));
        assertThat(next.path("status").path("status_str").asText()).isEqualTo("success");
    }
}
