package dev.easel.testingnodes.lists;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * A list output of the given values in name order, so that consumers run once per value.
 * ComfyUI also lists {@code value1} among the optional inputs; a name is declared once here.
 */
public final class TestMakeListNode implements NodeDefinition {
    static final int SOCKETS = 10;

    private static final NodeSchema SCHEMA = buildSchema();

    private static NodeSchema buildSchema() {
        NodeSchema.Builder b = TestingPackSchema.builder("TestMakeListNode")
                .displayName("Make List").category(Accumulation.CATEGORY)
                .required("value1", "*");
        for (int i = 2; i < SOCKETS; i++) b.optional("value" + i, "*");
        return b.listOutput("*", "*").build();
    }

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < SOCKETS; i++) {
            if (inputs.has("value" + i)) values.add(inputs.get("value" + i));
        }
        return NodeResult.of(values);
    }
}
