package dev.easel.nodes.conditioning;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.models.ClipModel;
import dev.easel.nodes.DeclaredNode;

/** The text encoder reading its hidden states from an earlier layer ("clip skip"). */
public final class CLIPSetLastLayer extends DeclaredNode {
    static final NodeSchema SCHEMA = NodeSchema.builder("CLIPSetLastLayer")
            .displayName("CLIP Set Last Layer")
            .category("model/conditioning")
            .required("clip", "CLIP")
            .required("stop_at_clip_layer", "INT", "default", -1, "min", -24, "max", -1, "step", 1, "advanced", true)
            .output("CLIP")
            .build();

    public CLIPSetLastLayer() {
        super(SCHEMA);
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        return NodeResult.of(inputs.get("clip", ClipModel.class).withLastLayer(inputs.getInt("stop_at_clip_layer")));
    }
}
