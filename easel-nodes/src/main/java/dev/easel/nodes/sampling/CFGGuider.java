package dev.easel.nodes.sampling;

import dev.easel.diffusion.cond.Conditioning;
import dev.easel.diffusion.model.DiffusionModel;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.nodes.DeclaredNode;

/** Classifier-free guidance as a GUIDER value for SamplerCustomAdvanced. */
public final class CFGGuider extends DeclaredNode {
    static final NodeSchema SCHEMA = NodeSchema.builder("CFGGuider")
            .v3()
            .displayName("CFG Guider")
            .category("model/sampling/guiders")
            .pythonModule(CustomSampling.MODULE)
            .required("model", "MODEL")
            .required("positive", "CONDITIONING")
            .required("negative", "CONDITIONING")
            .required("cfg", "FLOAT", "default", 8.0, "min", 0.0, "max", 100.0, "step", 0.1, "round", 0.01)
            .output("GUIDER")
            .build();

    public CFGGuider() {
        super(SCHEMA);
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        return NodeResult.of(new Guider.Cfg(inputs.get("model", DiffusionModel.class),
                inputs.get("positive", Conditioning.class), inputs.get("negative", Conditioning.class),
                inputs.getDouble("cfg")));
    }
}
