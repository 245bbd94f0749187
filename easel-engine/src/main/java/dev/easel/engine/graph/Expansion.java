package dev.easel.engine.graph;

import java.util.List;

/** The graph a node returns in place of (part of) its result; node ids are already final. */
public record Expansion(List<PromptNode> nodes) {
    public Expansion {
        nodes = List.copyOf(nodes);
    }
}
