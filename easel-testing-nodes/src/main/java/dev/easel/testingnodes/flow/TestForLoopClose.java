package dev.easel.testingnodes.flow;

import dev.easel.engine.graph.GraphBuilder;
import dev.easel.engine.graph.Link;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tail of a counted loop, built from the while-loop parts: it expands into
 * {@code remaining - 1}, its truth value as the condition, and a {@link TestWhileLoopClose}
 * that carries the decremented count in slot 0 and the body's values in slots 1..4.
 */
public final class TestForLoopClose implements NodeDefinition {
    private static final NodeSchema SCHEMA = FlowSockets.anyOutputs(FlowSockets.optionalInitials(
                    TestingPackSchema.builder("TestForLoopClose").displayName("For Loop Close")
                            .category(FlowSockets.CATEGORY)
                            .required("flow_control", FlowSockets.FLOW_CONTROL, "rawLink", true), 1,
                    "rawLink", true), 1)
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        Link flowControl = FlowSockets.rawLink(inputs.get("flow_control"), "flow_control");
        GraphBuilder graph = ctx.newGraph();
        GraphBuilder.NodeBuilder sub = graph.node("TestIntMathOperation")
                .set("operation", "subtract")
                .set("a", new Link(flowControl.nodeId(), 1))
                .set("b", 1L);
        GraphBuilder.NodeBuilder condition = graph.node("TestToBoolNode").set("value", sub.out(0));
        GraphBuilder.NodeBuilder close = graph.node("TestWhileLoopClose")
                .set("flow_control", flowControl)
                .set("condition", condition.out(0))
                .set(FlowSockets.initial(0), sub.out(0));
        for (int i = 1; i < FlowSockets.COUNT; i++) {
            Object carried = inputs.get(FlowSockets.initial(i));
            close.set(FlowSockets.initial(i), carried == null ? null : FlowSockets.rawLink(carried, FlowSockets.initial(i)));
        }
        List<Object> outputs = new ArrayList<>(FlowSockets.COUNT - 1);
        for (int i = 1; i < FlowSockets.COUNT; i++) outputs.add(close.out(i));
        return new NodeResult(outputs, Map.of(), Optional.of(graph.build()));
    }
}
