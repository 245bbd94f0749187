package dev.easel.nodes.conditioning;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.models.ClipModel;
import dev.easel.nodes.DeclaredNode;

/** A prompt, with its {@code (emphasis:1.2)} syntax, encoded by a text encoder into a conditioning. */
public final class CLIPTextEncode extends DeclaredNode {
    static final NodeSchema SCHEMA = NodeSchema.builder("CLIPTextEncode")
            .displayName("CLIP Text Encode (Prompt)")
            .category("model/conditioning")
            .description("Encodes a text prompt using a CLIP model into an embedding that can be used to guide "
                    + "the diffusion model towards generating specific images.")
            .searchAliases("text", "prompt", "text prompt", "positive prompt", "negative prompt", "encode text",
                    "text encoder", "encode prompt")
            .required("text", "STRING", "multiline", true, "dynamicPrompts", true, "tooltip", "The text to be encoded.")
            .required("clip", "CLIP", "tooltip", "The CLIP model used for encoding the text.")
            .output("CONDITIONING")
            .outputTooltip("A conditioning containing the embedded text used to guide the diffusion model.")
            .build();

    public CLIPTextEncode() {
        super(SCHEMA);
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        if (!(inputs.get("clip") instanceof ClipModel clip)) {
            throw new IllegalStateException("ERROR: clip input is invalid: None\n\nIf the clip is from a checkpoint loader "
                    + "node your checkpoint does not contain a valid clip or text encoder model.");
        }
        return NodeResult.of(clip.encode(inputs.getString("text")));
    }
}
