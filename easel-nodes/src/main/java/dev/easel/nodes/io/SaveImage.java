package dev.easel.nodes.io;

import dev.easel.engine.node.HiddenInput;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.engine.node.PackEnvironment;
import dev.easel.tensor.Tensor;

import java.time.Clock;
import java.util.Optional;

/** Saves images as PNG (zlib level 4) into the output folder and passes them through. */
public final class SaveImage implements NodeDefinition {
    static final NodeSchema SCHEMA = NodeSchema.builder("SaveImage")
            .displayName("Save Image")
            .category("image")
            .description("Saves the input images to your ComfyUI output directory.")
            .essentialsCategory("Basics")
            .searchAliases("save", "save image", "export image", "output image", "write image", "download")
            .required("images", "IMAGE", "tooltip", "The images to save.")
            .required("filename_prefix", "STRING", "default", "ComfyUI", "tooltip",
                    "The prefix for the file to save. This may include formatting information such as %date:yyyy-MM-dd% or %Empty Latent Image.width% to include values from nodes.")
            .hidden("prompt", HiddenInput.PROMPT)
            .hidden("extra_pnginfo", HiddenInput.EXTRA_PNGINFO)
            .output("IMAGE", "images")
            .outputNode()
            .build();

    private final ImageSaver saver;

    public SaveImage(PackEnvironment env) {
        this(env, Clock.systemDefaultZone());
    }

    SaveImage(PackEnvironment env, Clock clock) {
        this.saver = new ImageSaver("output", 4, !env.metadataDisabled(), env.limits().maxMetadataBytes(),
                Optional.empty(), clock);
    }

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) throws Exception {
        Tensor images = inputs.get("images", Tensor.class);
        String prefix = inputs.getStringOr("filename_prefix", "ComfyUI");
        return NodeResult.of(images).withUi("images", saver.save(ctx, images, prefix, inputs));
    }
}
