package dev.easel.testingnodes.flow;

import dev.easel.engine.graph.GraphBuilder;
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
 * The head of a counted loop. It outputs the remaining count and carried values; the hidden
 * {@code initial_value0} is how the loop machinery hands the next round its decremented count.
 */
public final class TestForLoopOpen implements NodeDefinition {
    private static final NodeSchema SCHEMA = FlowSockets.anyOutputs(FlowSockets.optionalInitials(
                    TestingPackSchema.builder("TestForLoopOpen").displayName("For Loop Open")
                            .category(FlowSockets.CATEGORY)
                            .required("remaining", "INT", "default", 1, "min", 0, "max", 100000, "step", 1), 1)
                    .hidden(FlowSockets.initial(0), "*")
                    .output(FlowSockets.FLOW_CONTROL, "flow_control")
                    .output("INT", "remaining"), 1)
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        Object remaining = inputs.has(FlowSockets.initial(0)) ? inputs.get(FlowSockets.initial(0)) : inputs.get("remaining");
        List<Object> carried = FlowSockets.initials(inputs, 1);
        GraphBuilder graph = ctx.newGraph();
        GraphBuilder.NodeBuilder open = graph.node("TestWhileLoopOpen")
                .set("condition", remaining)
                .set(FlowSockets.initial(0), remaining);
        for (int i = 1; i < FlowSockets.COUNT; i++) open.set(FlowSockets.initial(i), carried.get(i - 1));
        List<Object> outputs = new ArrayList<>(FlowSockets.COUNT + 1);
        outputs.add("stub");
        outputs.add(remaining);
        outputs.addAll(carried);
        return new NodeResult(outputs, Map.of(), Optional.of(graph.build()));
    }
}
