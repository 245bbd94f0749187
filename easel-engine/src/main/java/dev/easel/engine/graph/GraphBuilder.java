package dev.easel.engine.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the graph a node returns to expand itself. Every id is prefixed with the builder's
 * prefix ({@code "<parent>.<call>.<graph>."}, handed out by the engine), so a node that expands
 * again on a later pass always creates fresh ids.
 */
public final class GraphBuilder {
    private final String prefix;
    private final Map<String, NodeBuilder> nodes = new LinkedHashMap<>();
    private int counter;

    public GraphBuilder(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    /** Adds a node with a generated id. */
    public NodeBuilder node(String classType) {
        String id;
        do {
            id = Integer.toString(++counter);
        } while (nodes.containsKey(prefix + id));
        return node(classType, id);
    }

    /** Adds a node with a chosen local id (prefixed); an existing id is returned as is. */
    public NodeBuilder node(String classType, String localId) {
        return nodes.computeIfAbsent(prefix + localId, full -> new NodeBuilder(full, classType));
    }

    public Optional<NodeBuilder> lookup(String localId) {
        return Optional.ofNullable(nodes.get(prefix + localId));
    }

    public Expansion build() {
        List<PromptNode> built = new ArrayList<>(nodes.size());
        nodes.values().forEach(b -> built.add(b.build()));
        return new Expansion(built);
    }

    /** One node under construction. Values that are {@link Link}s become links. */
    public static final class NodeBuilder {
        private final String id;
        private final String classType;
        private final Map<String, InputValue> inputs = new LinkedHashMap<>();
        private Optional<String> overrideDisplayId = Optional.empty();

        NodeBuilder(String id, String classType) {
            this.id = id;
            this.classType = classType;
        }

        public String id() {
            return id;
        }

        public NodeBuilder set(String input, Object value) {
            inputs.put(input, value instanceof Link link ? new InputValue.Linked(link)
                    : InputValue.constant(value));
            return this;
        }

        public NodeBuilder setInput(String input, InputValue value) {
            inputs.put(input, value);
            return this;
        }

        public Link out(int slot) {
            return new Link(id, slot);
        }

        public NodeBuilder overrideDisplayId(String displayId) {
            this.overrideDisplayId = Optional.of(displayId);
            return this;
        }

        PromptNode build() {
            return new PromptNode(id, classType, inputs, Optional.empty(), overrideDisplayId, Optional.empty());
        }
    }
}
