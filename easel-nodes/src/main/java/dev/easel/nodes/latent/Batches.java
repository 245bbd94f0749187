package dev.easel.nodes.latent;

import dev.easel.tensor.Tensor;

/** Batch-axis operations on tensors, with torch's {@code repeat} and slicing semantics. */
final class Batches {
    private Batches() {
    }

    /** The whole batch {@code times} times over: {@code [a, b]} → {@code [a, b, a, b]}. */
    static Tensor repeat(Tensor t, int times) {
        Tensor[] copies = new Tensor[times];
        java.util.Arrays.fill(copies, t);
        return Tensor.cat0(copies);
    }

    /** Items {@code from} to {@code to}, clipped to the batch as a Python slice is. */
    static Tensor slice(Tensor t, int from, int to) {
        int size = t.dim(0);
        return t.slice0(Math.min(from, size), Math.min(to, size));
    }
}
