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
import java.util.concurrent.ThreadLocalRandom;

/**
 * Saves images into the temp folder (zlib level 1, type "temp") for the client to show.
 * Each node instance picks its random suffix once, as ComfyUI's does per node object.
 */
public final class PreviewImage implements NodeDefinition {
    /** ComfyUI's alphabet for the suffix, repeated 'p' and missing 'w' included. */
    private static final String SUFFIX_LETTERS = "abcdefghijklmnopqrstupvxyz";

    static final NodeSchema SCHEMA = NodeSchema.builder("PreviewImage")
            .displayName("Preview Image")
            .category("image")
            .description("Preview the images without saving them to the ComfyUI output directory.")
            // ComfyUI's PreviewImage subclasses SaveImage and so inherits its essentials category
            .essentialsCategory("Basics")
            .searchAliases("preview", "preview image", "show image", "view image", "display image", "image viewer")
            .required("images", "IMAGE")
            .hidden("prompt", HiddenInput.PROMPT)
            .hidden("extra_pnginfo", HiddenInput.EXTRA_PNGINFO)
            .output("IMAGE", "images")
            .outputNode()
            .build();

    private final ImageSaver saver;
    private final String prefix;

    public PreviewImage(PackEnvironment env) {
        this(env, Clock.systemDefaultZone());
    }

    PreviewImage(PackEnvironment env, Clock clock) {
        this.saver = new ImageSaver("temp", 1, !env.metadataDisabled(), env.limits().maxMetadataBytes(),
                Optional.of(new WriteBudget(env.limits().maxTempBytesPerPrompt())), clock);
        StringBuilder suffix = new StringBuilder("ComfyUI_temp_");
        for (int i = 0; i < 5; i++) {
            suffix.append(SUFFIX_LETTERS.charAt(ThreadLocalRandom.current().nextInt(SUFFIX_LETTERS.length())));
        }
        this.prefix = suffix.toString();
    }

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) throws Exception {
        Tensor images = inputs.get("images", Tensor.class);
        return NodeResult.of(images).withUi("images", saver.save(ctx, images, prefix, inputs));
    }
}
