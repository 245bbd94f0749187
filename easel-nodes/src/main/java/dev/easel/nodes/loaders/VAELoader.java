package dev.easel.nodes.loaders;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.models.library.ModelLibrary;
import dev.easel.nodes.DeclaredNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A VAE stored on its own in {@code models/vae}. ComfyUI always lists {@code pixel_space} after
 * the files (images as their own latents); Easel lists it too, so workflows validate, and refuses
 * it when run.
 */
public final class VAELoader extends DeclaredNode {
    static final String PIXEL_SPACE = "pixel_space";
    private final ModelLibrary library;

    public VAELoader(ModelLibrary library) {
        super(NodeSchema.builder("VAELoader")
                .displayName("Load VAE")
                .category("model/loaders")
                .requiredCombo("vae_name", () -> {
                    List<Object> names = new ArrayList<>(library.vaeNames());
                    names.add(PIXEL_SPACE);
                    return names;
                })
                .output("VAE")
                .build());
        this.library = library;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) throws IOException {
        String name = inputs.getString("vae_name");
        if (name.equals(PIXEL_SPACE)) {
            throw new IOException("the pixel_space VAE (images as their own latents) is for pixel-space models, which Easel cannot run yet");
        }
        return NodeResult.of(library.loadVae(name));
    }
}
