package dev.easel.models.single;

import dev.easel.models.onnx.graph.OnnxGraph;
import dev.easel.models.onnx.graph.Value;

import java.util.ArrayList;
import java.util.List;

/** Scaled dot-product attention over heads, {@code softmax(q·kᵀ·scale (+ mask))·v}, its queries chunked as configured. */
final class Attention {

    private Attention() {
    }

    /**
     * {@code q [N, h, T, d]}, {@code kT [N, h, d, S]} (keys already transposed), {@code v [N, h, S, d]}
     * → {@code [N, h, T, d]}. {@code mask} (added to the scores) may be null.
     */
    static Value attend(OnnxGraph g, Value q, Value kT, Value v, float scale, AttentionChunking chunking, Value mask) {
        Value scaled = g.mul(q, g.scalar(scale));
        if (chunking.maxChunks() == 1) return slice(g, scaled, kT, v, mask);
        Value qShape = g.shape(scaled);
        Value batch = dim(g, qShape, 0), heads = dim(g, qShape, 1), tokens = dim(g, qShape, 2);
        Value keys = dim(g, g.shape(kT), 3);
        int chunks = chunking.maxChunks();
        Value even = g.div(g.add(tokens, g.ints(chunks - 1)), g.ints(chunks));
        Value byBudget = g.div(g.ints(Math.min(chunking.maxScoreElements(), Long.MAX_VALUE / 2)),
                g.mul(g.mul(batch, heads), keys));
        Value rows = g.max(g.max(even, byBudget), g.ints(1));
        // slice i holds min(max(T − i·rows, 0), rows) queries: the first ones full, the rest shorter or empty
        long[] index = new long[chunks];
        for (int i = 0; i < chunks; i++) index[i] = i;
        Value sizes = g.min(g.max(g.sub(tokens, g.mul(rows, g.ints(index))), g.ints(0)), rows);
        List<Value> parts = new ArrayList<>();
        for (Value part : g.split(scaled, 2, sizes, chunks)) parts.add(slice(g, part, kT, v, mask));
        return g.concat(2, parts.toArray(Value[]::new));
    }

    private static Value slice(OnnxGraph g, Value q, Value kT, Value v, Value mask) {
        Value scores = g.matMul(q, kT);
        if (mask != null) scores = g.add(scores, mask);
        return g.matMul(g.softmax(scores, -1), v);
    }

    /** {@code shape[axis]} as a 1-D int64 value of one element. */
    private static Value dim(OnnxGraph g, Value shape, int axis) {
        return g.slice(shape, new long[]{axis}, new long[]{axis + 1}, new long[]{0});
    }
}
