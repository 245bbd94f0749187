package dev.easel.models;

import dev.easel.diffusion.model.DiffusionModel;

/** What {@code CheckpointLoaderSimple} returns: the model, its text encoder and its VAE. */
public record Checkpoint(DiffusionModel model, ClipModel clip, VaeModel vae) {
}
