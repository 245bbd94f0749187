package dev.easel.nodes.sampling;

import dev.easel.tensor.Tensor;

/** Turns a step's denoised latent (sampler space) into the bytes of a JPEG preview. */
@FunctionalInterface
public interface PreviewEncoder {

    byte[] jpeg(Tensor denoised);
}
