package dev.easel.models.single;

import dev.easel.models.onnx.graph.OnnxGraph;
import dev.easel.models.onnx.graph.Value;

/**
 * The layer types the networks are made of, each reading its parameters from the checkpoint under
 * the key prefix it is given ({@code "input_blocks.1.0.in_layers.2"} → {@code ….weight},
 * {@code ….bias}). Linear layers work on rows ({@code [R, in]}) with {@code Gemm(transB=1)}, which
 * consumes the stored {@code [out, in]} weight as it is.
 */
final class Layers {
    static final int GROUPS = 32;
    final OnnxGraph g;
    private final GraphWeights weights;

    Layers(GraphWeights weights) {
        this.g = weights.graph();
        this.weights = weights;
    }

    Value weight(String key, long... shape) {
        return weights.get(key, shape);
    }

    /** {@code [R, in] → [R, out]}: {@code x·Wᵀ (+ b)}. */
    Value linear(Value rows, String p, int in, int out, boolean bias) {
        Value w = weight(p + ".weight", out, in);
        return bias ? g.gemm(rows, w, weight(p + ".bias", out), true) : g.gemm(rows, w, true);
    }

    Value linear(Value rows, String p, int in, int out) {
        return linear(rows, p, in, out, true);
    }

    /** A k×k convolution with bias, padding (k − 1) / 2 on every side. */
    Value conv(Value x, String p, int in, int out, int kernel) {
        return conv(x, p, in, out, kernel, 1, (kernel - 1) / 2);
    }

    Value conv(Value x, String p, int in, int out, int kernel, int stride, int padding) {
        return g.conv(x, weight(p + ".weight", out, in, kernel, kernel), weight(p + ".bias", out), stride, padding);
    }

    /** A convolution with explicit {@code [top, left, bottom, right]} padding. */
    Value conv(Value x, String p, int in, int out, int kernel, int stride, long[] pads) {
        return g.conv(x, weight(p + ".weight", out, in, kernel, kernel), weight(p + ".bias", out), stride, pads);
    }

    /**
     * GroupNorm over 32 groups with a per-channel affine, as InstanceNormalization over the groups
     * then the affine: the same numbers as opset 21's GroupNormalization, whose function body ONNX
     * Runtime expands at every load (about half of a UNet's load time in graph nodes).
     */
    Value groupNorm(Value x, String p, int channels, float epsilon) {
        Value grouped = g.reshape(x, 0, GROUPS, -1);
        Value normed = g.instanceNorm(grouped, g.constant(filled(GROUPS, 1f), GROUPS), g.constant(new float[GROUPS], GROUPS), epsilon);
        Value restored = g.reshape(normed, g.shape(x));
        Value scale = g.reshape(weight(p + ".weight", channels), channels, 1, 1), shift = g.reshape(weight(p + ".bias", channels), channels, 1, 1);
        return g.add(g.mul(restored, scale), shift);
    }

    private static float[] filled(int n, float value) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, value);
        return a;
    }

    /** LayerNorm over the last axis. */
    Value layerNorm(Value x, String p, int width, float epsilon) {
        return g.layerNorm(x, weight(p + ".weight", width), weight(p + ".bias", width), -1, epsilon);
    }

    Value silu(Value x) {
        return g.silu(x);
    }

    /** {@code x·σ(1.702·x)}, CLIP-L's activation. */
    Value quickGelu(Value x) {
        return g.mul(x, g.sigmoid(g.mul(x, g.scalar(1.702f))));
    }

    /** {@code [N, C, H, W] → [N·H·W, C]}: one row per pixel, channels last. */
    Value toRows(Value x, int channels) {
        return g.reshape(g.transpose(x, 0, 2, 3, 1), -1, channels);
    }

    /** {@code [N·H·W, C] → [N, C, H, W]}, the sizes taken from {@code like} ({@code [N, ?, H, W]}). */
    Value fromRows(Value rows, Value like, int channels) {
        Value s = g.shape(like);
        Value nhwc = g.concat(0, g.slice(s, new long[]{0}, new long[]{1}, new long[]{0}),
                g.slice(s, new long[]{2}, new long[]{4}, new long[]{0}), g.ints(channels));
        return g.transpose(g.reshape(rows, nhwc), 0, 3, 1, 2);
    }
}
