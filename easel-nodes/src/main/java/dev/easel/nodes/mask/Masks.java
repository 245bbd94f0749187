package dev.easel.nodes.mask;

import dev.easel.tensor.Tensor;

import java.util.Arrays;

/** Shape rules for MASK values: {@code [B,H,W]}, with a lone {@code [H,W]} taken as one mask. */
final class Masks {
    private Masks() {}

    static Tensor batched(Tensor mask) {
        int[] s = mask.shape();
        if (s.length < 2) throw new IllegalArgumentException("expected a MASK [B,H,W], got " + Arrays.toString(s));
        int h = s[s.length - 2], w = s[s.length - 1];
        return mask.reshape(mask.size() / Math.max(1, h * w), h, w);
    }
}
