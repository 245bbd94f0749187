package dev.easel.models.detect;

import dev.easel.diffusion.model.Parameterization;

import java.util.List;
import java.util.Optional;

/**
 * What a single-file checkpoint holds: its type and prediction, its UNet's layout, where its text
 * encoders' tensors start (empty for a UNet-only file) and its VAE's, if it has one.
 */
public record DetectedCheckpoint(CheckpointKind kind, Parameterization prediction, UnetLayout unet,
                                 List<TextEncoderPrefix> textEncoders, Optional<String> vaePrefix) {

    public DetectedCheckpoint {
        textEncoders = List.copyOf(textEncoders);
    }

    /** One text encoder's tensors: a CLIP-L in Hugging Face layout or an OpenCLIP (H or bigG) one. */
    public record TextEncoderPrefix(String prefix, Layout layout) {
        public enum Layout { HF_CLIP, OPEN_CLIP }
    }
}
