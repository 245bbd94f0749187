package dev.easel.testingnodes.flow;

import dev.easel.engine.node.ExecutionBlocker;
import dev.easel.testingnodes.FakeNodeContext;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.easel.testingnodes.Values.inputs;
import static org.assertj.core.api.Assertions.assertThat;

class TestExecutionBlockerTest {
    private final TestExecutionBlocker node = new TestExecutionBlocker();
    private final FakeNodeContext ctx = new FakeNodeContext();

    @Test
    void passesTheInputWhenNotBlocking() throws Exception {
        assertThat(node.execute(ctx, inputs("input", 3L, "block", false, "verbose", true)).outputs()).containsExactly(3L);
    }

    @Test
    void verboseBlockCarriesTheMessage() throws Exception {
        assertThat(node.execute(ctx, inputs("input", 3L, "block", true, "verbose", true)).outputs())
                .containsExactly(new ExecutionBlocker(Optional.of("Blocked Execution")));
    }

    @Test
    void quietBlockIsSilent() throws Exception {
        assertThat(node.execute(ctx, inputs("input", 3L, "block", true, "verbose", false)).outputs())
                .containsExactly(ExecutionBlocker.SILENT);
    }

    @Test
    void schema() {
        assertThat(node.schema().classType()).isEqualTo("TestExecutionBlocker");
        assertThat(node.schema().displayName()).isEqualTo("Execution Blocker");
        assertThat(node.schema().outputs().getFirst().name()).isEqualTo("output");
        assertThat(node.schema().outputs().getFirst().type()).isEqualTo("*");
        assertThat(node.schema().input("block").orElseThrow().options()).isEmpty();
        assertThat(node.schema().input("verbose").orElseThrow().options()).containsEntry("default", false);
    }
}
