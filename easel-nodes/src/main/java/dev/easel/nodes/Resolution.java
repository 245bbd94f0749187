package dev.easel.nodes;

/** Limits shared by ComfyUI's image nodes. */
public final class Resolution {
    /** ComfyUI's {@code MAX_RESOLUTION}: the largest width or height a node accepts. */
    public static final long MAX = 16384;

    private Resolution() {}
}
