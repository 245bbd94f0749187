package dev.easel.engine.cache;

import java.util.List;
import java.util.Objects;

/**
 * A node's input signature: its class, IS_CHANGED value, (its id when the node is not
 * idempotent), and each input by name as a constant or as the key of the node it links to.
 * Keys nest, so equal keys mean equal upstream graphs; the hash is computed once.
 */
public final class CacheKey {
    private final String classType;
    private final Object fingerprint;
    private final String nodeId;
    private final List<Object> inputs;
    private final int hash;

    /** One input of the signature: {@code value} is a constant or a {@link LinkedInput}. */
    public record Input(String name, Object value) {}

    public record LinkedInput(CacheKey source, int slot) {}

    public CacheKey(String classType, Object fingerprint, String nodeId, List<Object> inputs) {
        this.classType = classType;
        this.fingerprint = fingerprint;
        this.nodeId = nodeId;
        this.inputs = List.copyOf(inputs);
        this.hash = Objects.hash(classType, fingerprint, nodeId, this.inputs);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof CacheKey other) || other.hash != hash) return false;
        return classType.equals(other.classType) && Objects.equals(fingerprint, other.fingerprint)
                && Objects.equals(nodeId, other.nodeId) && inputs.equals(other.inputs);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return classType + (nodeId == null ? "" : "#" + nodeId) + "@" + Integer.toHexString(hash);
    }
}
