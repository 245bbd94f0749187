package dev.easel.testingnodes.flow;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * The head of a while loop: passes its initial values on. The matching close node finds it by
 * the raw link on its {@code FLOW_CONTROL} output and re-creates it with new values each round.
 */
public final class TestWhileLoopOpen implements NodeDefinition {
    private static final NodeSchema SCHEMA = FlowSockets.anyOutputs(FlowSockets.optionalInitials(
                    TestingPackSchema.builder("TestWhileLoopOpen").displayName("While Loop Open")
                            .category(FlowSockets.CATEGORY)
                            .required("condition", "BOOLEAN", "default", true), 0)
                    .output(FlowSockets.FLOW_CONTROL, FlowSockets.FLOW_CONTROL), 0)
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        List<Object> outputs = new ArrayList<>(FlowSockets.COUNT + 1);
        outputs.add("stub");
        outputs.addAll(FlowSockets.initials(inputs, 0));
        return NodeResult.ofList(outputs);
    }
}
