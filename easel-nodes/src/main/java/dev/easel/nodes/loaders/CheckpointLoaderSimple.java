package dev.easel.nodes.loaders;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.models.Checkpoint;
import dev.easel.models.library.ModelLibrary;
import dev.easel.nodes.DeclaredNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A checkpoint from the checkpoints folders, as its diffusion model, text encoder and VAE. */
public final class CheckpointLoaderSimple extends DeclaredNode {
    private final ModelLibrary library;

    public CheckpointLoaderSimple(ModelLibrary library) {
        super(schema(library));
        this.library = library;
    }

    static NodeSchema schema(ModelLibrary library) {
        return NodeSchema.builder("CheckpointLoaderSimple")
                .displayName("Load Checkpoint")
                .category("model/loaders")
                .description("Loads a diffusion model checkpoint, diffusion models are used to denoise latents.")
                .searchAliases("load model", "checkpoint", "model loader", "load checkpoint", "ckpt", "model")
                // listed anew on every /object_info and validation, as ComfyUI lists the folder each time
                .requiredCombo("ckpt_name", () -> new ArrayList<Object>(library.checkpointNames()),
                        "tooltip", "The name of the checkpoint (model) to load.")
                .output("MODEL")
                .outputTooltip("The model used for denoising latents.")
                .output("CLIP")
                .outputTooltip("The CLIP model used for encoding text prompts.")
                .output("VAE")
                .outputTooltip("The VAE model used for encoding and decoding images to and from latent space.")
                .build();
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) throws IOException {
        Checkpoint checkpoint = library.loadCheckpoint(inputs.getString("ckpt_name"));
        return NodeResult.ofList(List.of(checkpoint.model(), checkpoint.clip(), checkpoint.vae()));
    }
}
