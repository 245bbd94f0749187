package dev.easel.nodes.mask;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.nodes.DeclaredNode;
import dev.easel.nodes.Resolution;
import dev.easel.tensor.Tensor;

/** A single mask [1,H,W] filled with one value. */
public final class SolidMask extends DeclaredNode {
    static final NodeSchema SCHEMA = NodeSchema.builder("SolidMask")
            .v3()
            .displayName("Create Solid Mask")
            .category("image/mask")
            .pythonModule("comfy_extras.nodes_mask")
            .required("value", "FLOAT", "default", 1.0, "min", 0.0, "max", 1.0, "step", 0.01)
            .required("width", "INT", "default", 512, "min", 1, "max", Resolution.MAX, "step", 1)
            .required("height", "INT", "default", 512, "min", 1, "max", Resolution.MAX, "step", 1)
            .output("MASK")
            .build();

    public SolidMask() {
        super(SCHEMA);
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        float value = (float) inputs.getDouble("value");
        return NodeResult.of(Tensor.full(value, 1, inputs.getInt("height"), inputs.getInt("width")));
    }
}
