package dev.easel.models.text;

/**
 * How one text encoder wants its tokens: chunk length including start and end (77 for CLIP), the
 * special token ids, and what fills a short chunk (the end token for SD1's CLIP-L, {@code padToken}
 * for OpenCLIP encoders).
 */
public record TokenizerSpec(int maxLength, int startToken, int endToken, int padToken, boolean padWithEnd) {

    /** SD1.x's CLIP ViT-L/14: 77 tokens, start 49406, end 49407, padded with the end token. */
    public static TokenizerSpec clipL() {
        return new TokenizerSpec(77, 49406, 49407, 49407, true);
    }
}
