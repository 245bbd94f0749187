package dev.easel.testingnodes.lists;

import dev.easel.engine.node.NodeResult;

/** Splits off the last item: (rest, last), or (None, the accumulation) when it is empty. */
public final class TestAccumulationTailNode extends AccumulationSplit {
    public TestAccumulationTailNode() {
        super("TestAccumulationTailNode", "Accumulation Tail");
    }

    @Override
    NodeResult split(Accumulation accumulation, int size) {
        if (size == 0) return NodeResult.of(null, accumulation);
        return NodeResult.of(accumulation.slice(0, size - 1), accumulation.items().getLast());
    }
}
