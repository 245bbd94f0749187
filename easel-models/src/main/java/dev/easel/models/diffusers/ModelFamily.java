package dev.easel.models.diffusers;

import dev.easel.diffusion.latent.LatentFormat;

/**
 * The Stable Diffusion generations a diffusers ONNX folder can hold, told apart by what is on disk:
 * SDXL by its second text encoder and the UNet's {@code text_embeds}/{@code time_ids} inputs, SD2
 * by its 1024-wide OpenCLIP hidden states, SD1 otherwise.
 */
public enum ModelFamily {
    SD1(LatentFormat.SD15),
    SD2(LatentFormat.SD15),
    SDXL(LatentFormat.SDXL);

    /** OpenCLIP ViT-H/14's width, SD2's text encoder. */
    static final int SD2_HIDDEN_SIZE = 1024;

    private final LatentFormat latentFormat;

    ModelFamily(LatentFormat latentFormat) {
        this.latentFormat = latentFormat;
    }

    public LatentFormat latentFormat() {
        return latentFormat;
    }

    /** Whether the first (or only) tokenizer pads with its end token: CLIP-L does, SD2's OpenCLIP pads with token 0. */
    public boolean firstPadsWithEnd() {
        return this != SD2;
    }
}
