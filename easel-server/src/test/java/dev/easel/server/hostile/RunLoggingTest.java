package dev.easel.server.hostile;

import ch.qos.logback.classic.Level;
import dev.easel.testkit.LogCapture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.easel.testkit.Http.map;
import static org.assertj.core.api.Assertions.assertThat;

/** Finding 9: a failed run reaches the server log with its node, type, message and traceback. */
class RunLoggingTest extends HostileServerTest {

    @Test
    void aFailedRunIsLoggedOnceWithItsNodeAndCause() {
        Map<String, Object> prompt = map("1", map("class_type", "TestMakeInt", "inputs", map("value", 5)),
                "2", map("class_type", "TestFail", "inputs", map("value", List.of("1", 0))));
        try (LogCapture log = new LogCapture()) {
            String id = submit(prompt, null);
            awaitHistory(id);
            List<LogCapture.Line> errors = log.server().stream().filter(l -> l.level() == Level.ERROR).toList();
            assertThat(errors).singleElement().satisfies(line -> {
                assertThat(line.message()).startsWith("prompt " + id + " failed at node 2 (TestFail): "
                        + "java.lang.IllegalStateException: boom 5\n");
                assertThat(line.message()).contains("  File \"TestNodes.java\", line ");
            });
        }
    }
}
