package dev.easel.engine.graph;

/** A reference to one output slot of a node: ComfyUI's {@code ["node_id", slot]}. */
public record Link(String nodeId, int slot) {
    public Link {
        if (nodeId == null) throw new IllegalArgumentException("link without a node id");
        if (slot < 0) throw new IllegalArgumentException("negative output slot " + slot);
    }
}
