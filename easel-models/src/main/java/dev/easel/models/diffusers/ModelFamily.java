package dev.easel.models.diffusers;

import dev.easel.diffusion.latent.LatentFormat;
import dev.easel.models.text.TokenizerSpec;

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

    /** The first (or only) tokenizer: CLIP-L pads with its end token, SD2's OpenCLIP with token 0. */
    public TokenizerSpec firstTokenizer() {
        return this == SD2 ? openClip() : TokenizerSpec.clipL();
    }

    /** SDXL's second tokenizer (OpenCLIP ViT-bigG), padded with token 0. */
    public TokenizerSpec secondTokenizer() {
        return openClip();
    }

    private static TokenizerSpec openClip() {
        TokenizerSpec l = TokenizerSpec.clipL();
        return new TokenizerSpec(l.maxLength(), l.startToken(), l.endToken(), 0, false);
    }
}
