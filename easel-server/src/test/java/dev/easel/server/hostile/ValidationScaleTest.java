package dev.easel.server.hostile;

import dev.easel.testkit.Http;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.easel.testkit.Http.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Finding 2: validation is linear in outputs and its error body bounded. */
class ValidationScaleTest extends HostileServerTest {

    /** {@code count} outputs, each fed by its own out-of-range TestMakeInt. */
    private static Map<String, Object> failingOutputs(int count) {
        Map<String, Object> prompt = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            prompt.put("v" + i, map("class_type", "TestMakeInt", "inputs", map("value", 1000)));
            prompt.put("o" + i, map("class_type", "TestOutput", "inputs", map("value", List.of("v" + i, 0))));
        }
        return prompt;
    }

    @Test
    void tenThousandFailingOutputsAreAnsweredQuicklyWithABoundedBody() {
        Map<String, Object> prompt = failingOutputs(10_000);
        // a guard against the quadratic walk (8.5 s and 226 MB for 8,000 before), not a benchmark
        Http.Response response = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> post(prompt));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bytes().length).isLessThan(200_000);
        assertThat(response.json().path("error").path("type").asText()).isEqualTo("prompt_outputs_failed_validation");
        assertThat(response.json().path("node_errors").size()).isEqualTo(100);
        assertThat(response.json().path("node_errors").path("v0").path("dependent_outputs").size()).isEqualTo(100);
    }

    @Test
    void aPromptWithMoreNodesThanTheLimitIsRefusedBeforeValidation() {
        Http.Response response = post(failingOutputs(50_001));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").path("type").asText()).isEqualTo("prompt_too_large");
        assertThat(response.json().path("error").path("details").asText())
                .isEqualTo("The prompt has 100002 nodes; this server accepts at most 100000 (--max-prompt-nodes)");
    }

    @Test
    void aHugeUnknownClassTypeIsNotEchoedThrice() {
        String huge = "Q".repeat(1_000_000);
        Http.Response response = post(map("1", map("class_type", huge, "inputs", map())));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bytes().length).isBetween(1_000_000, 1_001_000);
    }
}
