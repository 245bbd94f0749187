package dev.easel.testingnodes.flow;

import dev.easel.engine.graph.Expansion;
import dev.easel.engine.graph.Link;
import dev.easel.engine.graph.PromptNode;
import dev.easel.engine.node.InputSection;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.FakeNodeContext;
import org.junit.jupiter.api.Test;

import static dev.easel.testingnodes.Values.input;
import static dev.easel.testingnodes.Values.inputs;
import static org.assertj.core.api.Assertions.assertThat;

class ForLoopTest {
    private final FakeNodeContext ctx = new FakeNodeContext();

    @Test
    void openOutputsTheCountAndCarriedValuesAndDeclaresAWhileOpen() throws Exception {
        NodeResult result = new TestForLoopOpen().execute(ctx, inputs("remaining", 3L, "initial_value1", "x"));
        assertThat(result.outputs()).containsExactly("stub", 3L, "x", null, null, null);
        Expansion graph = result.expansion().orElseThrow();
        assertThat(graph.nodes()).extracting(PromptNode::classType).containsExactly("TestWhileLoopOpen");
        assertThat(input(graph, "5.0.0.1", "condition")).isEqualTo(3L);
        assertThat(input(graph, "5.0.0.1", "initial_value0")).isEqualTo(3L);
        assertThat(input(graph, "5.0.0.1", "initial_value1")).isEqualTo("x");
        assertThat(input(graph, "5.0.0.1", "initial_value4")).isNull();
    }

    @Test
    void theHiddenInitialValueReplacesTheCount() throws Exception {
        NodeResult result = new TestForLoopOpen().execute(ctx, inputs("remaining", 3L, "initial_value0", 2L));
        assertThat(result.outputs().get(1)).isEqualTo(2L);
    }

    @Test
    void openSchema() {
        NodeSchema schema = new TestForLoopOpen().schema();
        assertThat(schema.input("remaining").orElseThrow().options())
                .containsEntry("default", 1L).containsEntry("min", 0L).containsEntry("max", 100000L).containsEntry("step", 1L);
        assertThat(schema.input("initial_value0").orElseThrow().section()).isEqualTo(InputSection.HIDDEN);
        assertThat(schema.input("initial_value0").orElseThrow().type()).isEqualTo("*");
        assertThat(schema.inputs(InputSection.OPTIONAL)).extracting(i -> i.name())
                .containsExactly("initial_value1", "initial_value2", "initial_value3", "initial_value4");
        assertThat(schema.outputs()).extracting(o -> o.name())
                .containsExactly("flow_control", "remaining", "value1", "value2", "value3", "value4");
        assertThat(schema.outputs()).extracting(o -> o.type()).containsExactly("FLOW_CONTROL", "INT", "*", "*", "*", "*");
    }

    @Test
    void closeExpandsIntoDecrementTestAndWhileClose() throws Exception {
        NodeResult result = new TestForLoopClose().execute(ctx,
                inputs("flow_control", new Link("2", 0), "initial_value1", new Link("7", 0)));
        Expansion graph = result.expansion().orElseThrow();
        assertThat(graph.nodes()).extracting(PromptNode::classType)
                .containsExactly("TestIntMathOperation", "TestToBoolNode", "TestWhileLoopClose");
        assertThat(input(graph, "5.0.0.1", "operation")).isEqualTo("subtract");
        assertThat(input(graph, "5.0.0.1", "a")).isEqualTo(new Link("2", 1));
        assertThat(input(graph, "5.0.0.1", "b")).isEqualTo(1L);
        assertThat(input(graph, "5.0.0.2", "value")).isEqualTo(new Link("5.0.0.1", 0));
        assertThat(input(graph, "5.0.0.3", "flow_control")).isEqualTo(new Link("2", 0));
        assertThat(input(graph, "5.0.0.3", "condition")).isEqualTo(new Link("5.0.0.2", 0));
        assertThat(input(graph, "5.0.0.3", "initial_value0")).isEqualTo(new Link("5.0.0.1", 0));
        assertThat(input(graph, "5.0.0.3", "initial_value1")).isEqualTo(new Link("7", 0));
        assertThat(input(graph, "5.0.0.3", "initial_value2")).isNull();
        assertThat(result.outputs()).containsExactly(new Link("5.0.0.3", 1), new Link("5.0.0.3", 2),
                new Link("5.0.0.3", 3), new Link("5.0.0.3", 4));
    }

    @Test
    void closeTakesEveryInputAsARawLink() {
        NodeSchema schema = new TestForLoopClose().schema();
        assertThat(schema.input("flow_control").orElseThrow().isRawLink()).isTrue();
        for (int i = 1; i < 5; i++) {
            assertThat(schema.input("initial_value" + i).orElseThrow().isRawLink()).isTrue();
        }
        assertThat(schema.input("initial_value0")).isEmpty();
        assertThat(schema.outputs()).extracting(o -> o.name()).containsExactly("value1", "value2", "value3", "value4");
    }
}
