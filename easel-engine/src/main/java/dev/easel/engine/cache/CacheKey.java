package dev.easel.engine.cache;

import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.Set;
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

    /**
     * Structural equality walked with a worklist rather than recursion (keys of a long chain
     * nest as deep as the chain); pairs already compared are not compared again, so a graph
     * with shared ancestors costs one visit per pair of nodes.
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof CacheKey other) || other.hash != hash) return false;
        Deque<CacheKey[]> work = new ArrayDeque<>();
        Set<Pair> seen = new HashSet<>();
        work.push(new CacheKey[] {this, other});
        while (!work.isEmpty()) {
            CacheKey[] pair = work.pop();
            if (!pair[0].sameOwnParts(pair[1])) return false;
            for (int i = 0; i < pair[0].inputs.size(); i++) {
                Object a = pair[0].inputs.get(i), b = pair[1].inputs.get(i);
                if (!(a instanceof Input ia) || !(b instanceof Input ib) || !ia.name().equals(ib.name())) {
                    if (!Objects.equals(a, b)) return false;
                    continue;
                }
                if (ia.value() instanceof LinkedInput la && ib.value() instanceof LinkedInput lb) {
                    if (la.slot() != lb.slot()) return false;
                    if (la.source() != lb.source() && seen.add(new Pair(la.source(), lb.source()))) {
                        work.push(new CacheKey[] {la.source(), lb.source()});
                    }
                } else if (!Objects.equals(ia.value(), ib.value())) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean sameOwnParts(CacheKey other) {
        return hash == other.hash && classType.equals(other.classType) && Objects.equals(fingerprint, other.fingerprint)
                && Objects.equals(nodeId, other.nodeId) && inputs.size() == other.inputs.size();
    }

    /** Two keys compared by identity. */
    private record Pair(CacheKey a, CacheKey b) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Pair p && p.a == a && p.b == b;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(a) * 31 + System.identityHashCode(b);
        }
    }

    /**
     * The one instance equal to {@code key} that is still in use (this one if none is). Keys
     * built from canonical sources compare their sources by identity, so equality stays shallow
     * and a chain of n nodes costs n comparisons per run, not n squared.
     */
    public static CacheKey canonical(CacheKey key) {
        synchronized (CANONICAL) {
            WeakReference<CacheKey> known = CANONICAL.get(key);
            CacheKey existing = known == null ? null : known.get();
            if (existing != null) return existing;
            CANONICAL.put(key, new WeakReference<>(key));
            return key;
        }
    }

    private static final Map<CacheKey, WeakReference<CacheKey>> CANONICAL = new WeakHashMap<>();

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return classType + (nodeId == null ? "" : "#" + nodeId) + "@" + Integer.toHexString(hash);
    }
}
