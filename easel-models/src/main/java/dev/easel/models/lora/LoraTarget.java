package dev.easel.models.lora;

/**
 * The checkpoint weight a LoRA entry changes: row block {@code slice} of {@code slices} equal
 * blocks (1 for the whole tensor; 3 for OpenCLIP's fused q, k, v in one {@code in_proj_weight}),
 * {@code transposed} when the checkpoint stores the transpose of what the LoRA was trained on
 * (OpenCLIP's {@code text_projection}). {@code part} picks the strength that applies.
 */
public record LoraTarget(String key, Part part, int slice, int slices, boolean transposed) {
    public enum Part { MODEL, CLIP }

    public LoraTarget {
        if (slices < 1 || slice < 0 || slice >= slices) throw new IllegalArgumentException("slice " + slice + " of " + slices);
    }

    static LoraTarget whole(String key, Part part) {
        return new LoraTarget(key, part, 0, 1, false);
    }
}
