package dev.easel.nodes.sampling;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.nodes.DeclaredNode;

/** Zero noise as a NOISE value: sampling refines the latent as it is. */
public final class DisableNoise extends DeclaredNode {
    static final NodeSchema SCHEMA = NodeSchema.builder("DisableNoise")
            .v3()
            .searchAliases("zero noise")
            .category("model/sampling/noise")
            .pythonModule(CustomSampling.MODULE)
            .output("NOISE")
            .build();

    public DisableNoise() {
        super(SCHEMA);
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        return NodeResult.of(new Noise.Disabled());
    }
}
