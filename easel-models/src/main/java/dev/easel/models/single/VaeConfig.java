package dev.easel.models.single;

import java.util.List;

/**
 * The shape of the KL autoencoder ({@code first_stage_model.*}), ComfyUI's {@code ddconfig}: base
 * channels, a multiplier per level, res blocks per level, latent channels. The only attention is
 * the one in each middle block. Downscaling is 2^(levels − 1): 8 for SD's four levels.
 */
public record VaeConfig(int channels, List<Integer> channelMult, int numResBlocks, int latentChannels) {

    public VaeConfig {
        channelMult = List.copyOf(channelMult);
        if (channels % 32 != 0) throw new IllegalArgumentException("VAE channels must be a multiple of 32 (GroupNorm's groups), was " + channels);
        if (channelMult.isEmpty()) throw new IllegalArgumentException("a VAE needs at least one level");
    }

    /** SD1, SD2 and SDXL alike: 128 channels, levels 1, 2, 4, 4, two res blocks, 4 latent channels. */
    public static VaeConfig sd() {
        return new VaeConfig(128, List.of(1, 2, 4, 4), 2, 4);
    }

    /** Image pixels per latent pixel. */
    public int downscale() {
        return 1 << (channelMult.size() - 1);
    }
}
