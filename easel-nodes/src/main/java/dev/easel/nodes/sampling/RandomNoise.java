package dev.easel.nodes.sampling;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.nodes.DeclaredNode;

/** A seed as a NOISE value: the noise KSampler would draw for the latent it is applied to. */
public final class RandomNoise extends DeclaredNode {
    static final NodeSchema SCHEMA = NodeSchema.builder("RandomNoise")
            .v3()
            .category("model/sampling/noise")
            .pythonModule(CustomSampling.MODULE)
            .required("noise_seed", "INT", "default", 0, "min", 0, "max", Seeds.MAX, "control_after_generate", true)
            .output("NOISE")
            .build();

    public RandomNoise() {
        super(SCHEMA);
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        return NodeResult.of(new Noise.Random(Seeds.read(inputs, "noise_seed")));
    }
}
