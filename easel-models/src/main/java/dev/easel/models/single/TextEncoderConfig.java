package dev.easel.models.single;

import dev.easel.models.text.TokenizerSpec;

/**
 * The shape of a CLIP text transformer and how its tensors are named: the Hugging Face layout of
 * CLIP-L ({@code embeddings.*}, {@code encoder.layers.i.self_attn.q_proj}, ...) or OpenCLIP's
 * ({@code token_embedding}, {@code transformer.resblocks.i.attn.in_proj_weight}, ...). {@code tokens}
 * is the chunking its tokenizer must produce; its end token also marks where the pooled output
 * is read. {@code projection} says whether the file has a {@code text_projection} that the pooled output
 * is multiplied by, as ComfyUI does for both OpenCLIP models (SD2's pooled output is unused).
 */
public record TextEncoderConfig(Layout layout, int width, int layers, int heads, int mlpWidth, Activation activation,
                                int vocabulary, TokenizerSpec tokens, boolean projection) {

    public enum Layout { HUGGING_FACE, OPEN_CLIP }

    public enum Activation { QUICK_GELU, GELU }

    public TextEncoderConfig {
        if (width % heads != 0) throw new IllegalArgumentException(heads + " heads do not divide a width of " + width);
        if (layers < 1) throw new IllegalArgumentException("a text encoder needs at least one layer");
    }

    /** CLIP ViT-L/14's text model (SD1, and SDXL's first encoder): 768 wide, 12 layers, quick-GELU, padded with the end token. */
    public static TextEncoderConfig clipL() {
        return new TextEncoderConfig(Layout.HUGGING_FACE, 768, 12, 12, 3072, Activation.QUICK_GELU, 49408, TokenizerSpec.clipL(), false);
    }

    /** OpenCLIP ViT-H/14's text model (SD2): 1024 wide, 24 layers, GELU, padded with token 0, projected pooled output. */
    public static TextEncoderConfig openClipH() {
        return new TextEncoderConfig(Layout.OPEN_CLIP, 1024, 24, 16, 4096, Activation.GELU, 49408, padWithZero(), true);
    }

    /** OpenCLIP ViT-bigG/14's text model (SDXL's second encoder): 1280 wide, 32 layers, projected pooled output. */
    public static TextEncoderConfig openClipBigG() {
        return new TextEncoderConfig(Layout.OPEN_CLIP, 1280, 32, 20, 5120, Activation.GELU, 49408, padWithZero(), true);
    }

    private static TokenizerSpec padWithZero() {
        TokenizerSpec l = TokenizerSpec.clipL();
        return new TokenizerSpec(l.maxLength(), l.startToken(), l.endToken(), 0, false);
    }

    public int positions() {
        return tokens.maxLength();
    }
}
