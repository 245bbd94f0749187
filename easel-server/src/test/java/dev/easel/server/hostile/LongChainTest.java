package dev.easel.server.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.easel.testkit.Http.map;
import static org.assertj.core.api.Assertions.assertThat;

/** Finding 5: chains far deeper than a thread's stack validate, run, and run again from the cache. */
class LongChainTest extends HostileServerTest {

    /** TestMakeInt, then {@code length - 2} pass-through nodes, then TestOutput. */
    private static Map<String, Object> chain(int length) {
        Map<String, Object> prompt = new LinkedHashMap<>();
        prompt.put("0", map("class_type", "TestMakeInt", "inputs", map("value", 7)));
        for (int i = 1; i < length - 1; i++) {
            prompt.put(String.valueOf(i), map("class_type", "TestPass", "inputs", map("value", List.of(String.valueOf(i - 1), 0))));
        }
        prompt.put("out", map("class_type", "TestOutput", "inputs", map("value", List.of(String.valueOf(length - 2), 0))));
        return prompt;
    }

    @ParameterizedTest
    @ValueSource(ints = {5_000, 20_000})
    void aLongChainRunsAndIsServedFromTheCacheWhenSubmittedAgain(int length) {
        Map<String, Object> prompt = chain(length);
        JsonNode first = awaitHistory(submit(prompt, null));
        assertThat(first.path("status").path("status_str").asText()).isEqualTo("success");
        assertThat(first.path("outputs").path("out").path("text").get(0).asText()).isEqualTo("7");
        JsonNode second = awaitHistory(submit(prompt, null));
        assertThat(second.path("status").path("status_str").asText()).isEqualTo("success");
        JsonNode cached = second.path("status").path("messages").get(1);
        assertThat(cached.get(0).asText()).isEqualTo("execution_cached");
        assertThat(cached.get(1).path("nodes").size()).isEqualTo(length);
    }

    @Override
    protected List<dev.easel.engine.node.NodeDefinition> extraNodes() {
        return List.of(PassNode.INSTANCE);
    }
}
