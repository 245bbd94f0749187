package dev.easel.testingnodes.flow;

import dev.easel.engine.graph.DynamicPrompt;
import dev.easel.engine.graph.Expansion;
import dev.easel.engine.graph.Link;
import dev.easel.engine.graph.PromptNode;
import dev.easel.engine.node.HiddenInput;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.tensor.Tensor;
import dev.easel.testingnodes.FakeNodeContext;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Optional;

import static dev.easel.testingnodes.Values.input;
import static dev.easel.testingnodes.Values.inputs;
import static dev.easel.testingnodes.Values.node;
import static org.assertj.core.api.Assertions.assertThat;

class WhileLoopTest {
    /**
     * 1 feeds the open node 2; body 3 and 4 lead to close node 5; 6 consumes the loop's result;
     * 7 reads the open node but leads nowhere near the close node, so it is not part of the body.
     */
    private static final String LOOP = """
            {
              '1': {'class_type': 'StubImage', 'inputs': {'content': 'BLACK', 'height': 1, 'width': 1, 'batch_size': 1}},
              '2': {'class_type': 'TestWhileLoopOpen', 'inputs': {'condition': true, 'initial_value0': ['1', 0], 'initial_value1': 3}},
              '3': {'class_type': 'TestVariadicAverage', 'inputs': {'input1': ['2', 1], 'input2': ['1', 0]}},
              '4': {'class_type': 'TestToBoolNode', 'inputs': {'value': ['2', 2]}},
              '5': {'class_type': 'TestWhileLoopClose', 'inputs': {'flow_control': ['2', 0], 'condition': ['4', 0], 'initial_value0': ['3', 0]}},
              '6': {'class_type': 'SaveImage', 'inputs': {'images': ['5', 0], 'filename_prefix': 'loop'}},
              '7': {'class_type': 'PreviewImage', 'inputs': {'images': ['2', 1]}}
            }""";

    private final DynamicPrompt prompt = new DynamicPrompt(FakeNodeContext.prompt(LOOP));
    private final Tensor carried = Tensor.full(0.5f, 1, 1, 1, 3);

    @Test
    void openPassesItsInitialValuesOnAfterAStub() throws Exception {
        NodeResult result = new TestWhileLoopOpen().execute(new FakeNodeContext(),
                inputs("condition", true, "initial_value0", 7L, "initial_value3", "x"));
        assertThat(result.outputs()).containsExactly("stub", 7L, null, null, "x", null);
    }

    @Test
    void openSchemaHasFlowControlThenFiveValues() {
        NodeSchema schema = new TestWhileLoopOpen().schema();
        assertThat(schema.outputs()).extracting(o -> o.name())
                .containsExactly("FLOW_CONTROL", "value0", "value1", "value2", "value3", "value4");
        assertThat(schema.outputs()).extracting(o -> o.type()).containsExactly("FLOW_CONTROL", "*", "*", "*", "*", "*");
        assertThat(schema.input("condition").orElseThrow().options()).containsEntry("default", true);
        assertThat(schema.input("initial_value4").orElseThrow().section().wireName()).isEqualTo("optional");
        assertThat(schema.category()).isEqualTo("Testing/Flow");
    }

    @Test
    void closeSchemaTakesARawLinkAForcedConditionAndTheLivePrompt() {
        NodeSchema schema = new TestWhileLoopClose().schema();
        assertThat(schema.input("flow_control").orElseThrow().isRawLink()).isTrue();
        assertThat(schema.input("condition").orElseThrow().flag("forceInput")).isTrue();
        assertThat(schema.hasHidden(HiddenInput.DYNPROMPT)).isTrue();
        assertThat(schema.hasHidden(HiddenInput.UNIQUE_ID)).isTrue();
        assertThat(schema.outputs()).extracting(o -> o.name()).containsExactly("value0", "value1", "value2", "value3", "value4");
    }

    @Test
    void closeWithAFalseConditionReturnsItsValues() throws Exception {
        NodeResult result = new TestWhileLoopClose().execute(new FakeNodeContext("5", prompt),
                inputs("flow_control", new Link("2", 0), "condition", false, "initial_value0", carried,
                        "dynprompt", prompt, "unique_id", "5"));
        assertThat(result.expansion()).isEmpty();
        assertThat(result.outputs()).containsExactly(carried, null, null, null, null);
    }

    @Test
    void closeWithATrueConditionCopiesTheBodyBetweenOpenAndClose() throws Exception {
        NodeResult result = closeOnce("5", new FakeNodeContext("5", prompt));
        Expansion graph = result.expansion().orElseThrow();
        assertThat(graph.nodes()).extracting(PromptNode::id)
                .containsExactly("5.0.0.Recurse", "5.0.0.4", "5.0.0.3", "5.0.0.2");
        assertThat(graph.nodes()).extracting(PromptNode::overrideDisplayId)
                .containsExactly(Optional.of("5"), Optional.of("4"), Optional.of("3"), Optional.of("2"));
        assertThat(result.outputs()).containsExactly(new Link("5.0.0.Recurse", 0), new Link("5.0.0.Recurse", 1),
                new Link("5.0.0.Recurse", 2), new Link("5.0.0.Recurse", 3), new Link("5.0.0.Recurse", 4));
    }

    @Test
    void linksInsideTheBodyPointAtTheCopiesAndOthersStayAsTheyAre() throws Exception {
        Expansion graph = closeOnce("5", new FakeNodeContext("5", prompt)).expansion().orElseThrow();
        assertThat(input(graph, "5.0.0.Recurse", "flow_control")).isEqualTo(new Link("5.0.0.2", 0));
        assertThat(input(graph, "5.0.0.Recurse", "condition")).isEqualTo(new Link("5.0.0.4", 0));
        assertThat(input(graph, "5.0.0.Recurse", "initial_value0")).isEqualTo(new Link("5.0.0.3", 0));
        assertThat(input(graph, "5.0.0.4", "value")).isEqualTo(new Link("5.0.0.2", 2));
        assertThat(input(graph, "5.0.0.3", "input1")).isEqualTo(new Link("5.0.0.2", 1));
        assertThat(input(graph, "5.0.0.3", "input2")).isEqualTo(new Link("1", 0));
        assertThat(node(graph, "5.0.0.Recurse").classType()).isEqualTo("TestWhileLoopClose");
    }

    @Test
    void theCopiedOpenNodeStartsFromThisRoundsValues() throws Exception {
        Expansion graph = closeOnce("5", new FakeNodeContext("5", prompt)).expansion().orElseThrow();
        PromptNode open = node(graph, "5.0.0.2");
        assertThat(input(graph, "5.0.0.2", "condition")).isEqualTo(true);
        assertThat(input(graph, "5.0.0.2", "initial_value0")).isSameAs(carried);
        // the original's initial_value1 = 3 is dropped because this round carries None there
        assertThat(open.inputs()).doesNotContainKey("initial_value1");
    }

    @Test
    void aSecondRoundFindsTheBodyAmongExpandedNodes() throws Exception {
        Expansion first = closeOnce("5", new FakeNodeContext("5", prompt)).expansion().orElseThrow();
        first.nodes().forEach(n -> prompt.addEphemeral(n, "5", n.overrideDisplayId().orElseThrow()));
        NodeResult second = closeOnce("5.0.0.Recurse", new FakeNodeContext("5.0.0.Recurse", prompt, "5.0.0.Recurse.0.0."));
        Expansion graph = second.expansion().orElseThrow();
        assertThat(graph.nodes()).extracting(PromptNode::id).containsExactly(
                "5.0.0.Recurse.0.0.Recurse", "5.0.0.Recurse.0.0.5.0.0.4", "5.0.0.Recurse.0.0.5.0.0.3",
                "5.0.0.Recurse.0.0.5.0.0.2");
        assertThat(input(graph, "5.0.0.Recurse.0.0.5.0.0.3", "input1")).isEqualTo(new Link("5.0.0.Recurse.0.0.5.0.0.2", 1));
        assertThat(input(graph, "5.0.0.Recurse.0.0.5.0.0.3", "input2")).isEqualTo(new Link("1", 0));
    }

    private NodeResult closeOnce(String self, FakeNodeContext ctx) throws Exception {
        String open = self.equals("5") ? "2" : "5.0.0.2";
        return new TestWhileLoopClose().execute(ctx, inputs("flow_control", new Link(open, 0), "condition", true,
                "initial_value0", carried, "initial_value1", null, "dynprompt", prompt, "unique_id", self));
    }

    @Test
    void rawLinksMayAlsoArriveAsJsonPairs() {
        assertThat(FlowSockets.rawLink(Arrays.asList("2", 0L), "flow_control")).isEqualTo(new Link("2", 0));
    }
}
