package dev.easel.nodes.sampling;

import dev.easel.diffusion.sample.Sampler;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.nodes.DeclaredNode;

/** A sampler by name, as a SAMPLER value (the {@link Sampler} itself). */
public final class KSamplerSelect extends DeclaredNode {
    static final NodeSchema SCHEMA = NodeSchema.builder("KSamplerSelect")
            .v3()
            .category("model/sampling/samplers")
            .pythonModule(CustomSampling.MODULE)
            .requiredCombo("sampler_name", Sampler.wireNames(), "multiselect", false)
            .output("SAMPLER")
            .build();

    public KSamplerSelect() {
        super(SCHEMA);
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        return NodeResult.of(SamplingNames.sampler(inputs.getString("sampler_name")));
    }
}
