package dev.easel.diffusion.latent;

import dev.easel.tensor.Tensor;

import java.util.List;
import java.util.Optional;

/**
 * ComfyUI's LATENT value: {@code samples} is {@code [B, C, h, w]} in the VAE's own space (not yet
 * scaled by the latent format); {@code noiseMask} ({@code [B or 1, 1, h, w]}, 1 = resample) limits
 * sampling to a region; {@code batchIndex} names each sample's index in a larger batch, so its noise
 * is the noise that index would have had.
 */
public record Latent(Tensor samples, Optional<Tensor> noiseMask, Optional<List<Integer>> batchIndex) {

    public Latent {
        batchIndex = batchIndex.map(List::copyOf);
    }

    public static Latent of(Tensor samples) {
        return new Latent(samples, Optional.empty(), Optional.empty());
    }

    public Latent withSamples(Tensor samples) {
        return new Latent(samples, noiseMask, batchIndex);
    }

    public Latent withNoiseMask(Tensor mask) {
        return new Latent(samples, Optional.of(mask), batchIndex);
    }
}
