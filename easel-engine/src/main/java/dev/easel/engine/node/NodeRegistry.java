package dev.easel.engine.node;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every known node type by class type, in registration order. Immutable once built. */
public final class NodeRegistry {
    private final Map<String, NodeDefinition> byClassType;
    private final List<NodePack> packs;

    private NodeRegistry(Map<String, NodeDefinition> byClassType, List<NodePack> packs) {
        this.byClassType = Collections.unmodifiableMap(byClassType);
        this.packs = List.copyOf(packs);
    }

    /** Asks every pack to release the models it holds. */
    public void unloadModels() {
        packs.forEach(NodePack::unloadModels);
    }

    public Optional<NodeDefinition> find(String classType) {
        return Optional.ofNullable(byClassType.get(classType));
    }

    public Collection<NodeDefinition> all() {
        return byClassType.values();
    }

    public static NodeRegistry of(List<NodeDefinition> nodes) {
        Builder builder = new Builder();
        nodes.forEach(n -> builder.add("(direct)", n));
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final Map<String, NodeDefinition> nodes = new LinkedHashMap<>();
        private final Map<String, String> owners = new LinkedHashMap<>();
        private final List<NodePack> packs = new ArrayList<>();

        /** Adds a pack's nodes; a class type registered twice fails naming both packs. */
        public Builder addPack(NodePack pack, PackEnvironment env) {
            pack.nodes(env).forEach(node -> add(pack.name(), node));
            packs.add(pack);
            return this;
        }

        public Builder add(String packName, NodeDefinition node) {
            String classType = node.schema().classType();
            String previous = owners.putIfAbsent(classType, packName);
            if (previous != null) {
                throw new IllegalStateException("node pack " + packName + " registers class_type " + classType
                        + (previous.equals(packName) ? " twice" : ", already registered by " + previous));
            }
            nodes.put(classType, node);
            return this;
        }

        public NodeRegistry build() {
            return new NodeRegistry(new LinkedHashMap<>(nodes), packs);
        }
    }
}
