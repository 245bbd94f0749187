package dev.easel.nodes.conditioning;

import dev.easel.diffusion.cond.Area;
import dev.easel.diffusion.cond.Conditioning;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.nodes.DeclaredNode;
import dev.easel.nodes.Resolution;

/**
 * Limits every entry of a conditioning to a rectangle, given in image pixels and kept in latent
 * pixels (floored eighths), with a strength.
 */
public final class ConditioningSetArea extends DeclaredNode {
    static final NodeSchema SCHEMA = NodeSchema.builder("ConditioningSetArea")
            .displayName("Conditioning (Set Area)")
            .category("model/conditioning/transform")
            .searchAliases("regional prompt", "area prompt", "spatial conditioning", "localized prompt")
            .required("conditioning", "CONDITIONING")
            .required("width", "INT", "default", 64, "min", 64, "max", Resolution.MAX, "step", 8)
            .required("height", "INT", "default", 64, "min", 64, "max", Resolution.MAX, "step", 8)
            .required("x", "INT", "default", 0, "min", 0, "max", Resolution.MAX, "step", 8)
            .required("y", "INT", "default", 0, "min", 0, "max", Resolution.MAX, "step", 8)
            .required("strength", "FLOAT", "default", 1.0, "min", 0.0, "max", 10.0, "step", 0.01)
            .output("CONDITIONING")
            .build();

    public ConditioningSetArea() {
        super(SCHEMA);
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        Area area = new Area(Math.floorDiv(inputs.getInt("height"), 8), Math.floorDiv(inputs.getInt("width"), 8),
                Math.floorDiv(inputs.getInt("y"), 8), Math.floorDiv(inputs.getInt("x"), 8));
        double strength = inputs.getDouble("strength");
        return NodeResult.of(inputs.get("conditioning", Conditioning.class).map(e -> e.withArea(area, strength)));
    }
}
