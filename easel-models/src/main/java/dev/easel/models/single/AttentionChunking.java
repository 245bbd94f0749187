package dev.easel.models.single;

/**
 * How the graphs split an attention's queries so that its score matrix stays small. The queries
 * are cut into at most {@code maxChunks} slices, each as large as {@code maxScoreElements} allows
 * (batch × heads × rows × keys), and the slices run one after another; only one slice's scores
 * (and their softmax) are live at a time. The slice size is computed in the graph from the actual
 * sizes, so a small latent runs as one slice and a large one as several; unused slices are empty.
 * Without chunking, SD1.5's first self-attention at a 64×64 latent holds 8 × 4096 × 4096 scores
 * (512 MiB in float32) per image, twice that with classifier-free guidance.
 */
public record AttentionChunking(long maxScoreElements, int maxChunks) {

    public AttentionChunking {
        if (maxScoreElements < 1) throw new IllegalArgumentException("maxScoreElements must be positive, was " + maxScoreElements);
        if (maxChunks < 1) throw new IllegalArgumentException("maxChunks must be at least 1, was " + maxChunks);
    }

    /** 32 Mi scores (128 MiB in float32) per slice, at most 16 slices. */
    public static AttentionChunking defaults() {
        return new AttentionChunking(1L << 25, 16);
    }

    /** Every attention in one piece, as a naive graph computes it. */
    public static AttentionChunking none() {
        return new AttentionChunking(Long.MAX_VALUE, 1);
    }
}
