package dev.easel.testingnodes.lists;

import dev.easel.engine.node.NodeResult;

/** Splits off the first item: (rest, first), or (the accumulation, None) when it is empty. */
public final class TestAccumulationHeadNode extends AccumulationSplit {
    public TestAccumulationHeadNode() {
        super("TestAccumulationHeadNode", "Accumulation Head");
    }

    @Override
    NodeResult split(Accumulation accumulation, int size) {
        if (size == 0) return NodeResult.of(accumulation, null);
        return NodeResult.of(accumulation.slice(1, size), accumulation.items().getFirst());
    }
}
