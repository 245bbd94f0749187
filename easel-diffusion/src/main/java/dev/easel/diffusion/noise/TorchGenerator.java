package dev.easel.diffusion.noise;

import dev.easel.tensor.Tensor;

import java.util.Arrays;

/**
 * torch's CPU generator ({@code torch.manual_seed(seed)} then {@code torch.randn}), so that a
 * seed gives the starting latent ComfyUI gives. The engine is MT19937 seeded with the low 32
 * bits of the seed. Not thread-safe: one generator belongs to one sampling run.
 */
public final class TorchGenerator {
    private static final int VECTOR_BLOCK = 16;

    private final Mt19937 engine;
    /** torch keeps the second value of each scalar Box–Muller pair for the next scalar draw. */
    private double cachedNormal;
    private boolean hasCachedNormal;

    public TorchGenerator(long seed) {
        this.engine = new Mt19937((int) seed);
    }

    /** The next raw 32-bit output of the engine, as an unsigned value. */
    public long nextUInt32() {
        return engine.nextInt() & 0xFFFFFFFFL;
    }

    /** A float in [0, 1) from the low 24 bits of one engine output. */
    public float nextUniform() {
        return (engine.nextInt() & 0xFFFFFF) * 0x1p-24f;
    }

    /** A double in [0, 1) from the low 53 bits of two engine outputs (the first one high). */
    double nextUniformDouble() {
        long high = engine.nextInt() & 0xFFFFFFFFL, low = engine.nextInt() & 0xFFFFFFFFL;
        return (((high << 32) | low) & ((1L << 53) - 1)) * 0x1p-53;
    }

    /**
     * {@code torch.randn(count)}: 16 or more values take the vectorised path (all uniforms
     * first, transformed 16 at a time, and the last 16 redrawn when the count is not a multiple
     * of 16); fewer take torch's scalar double-precision sampler, one value per element.
     */
    public float[] randn(int count) {
        if (count < 0) throw new IllegalArgumentException("negative count " + count);
        float[] out = new float[count];
        if (count < VECTOR_BLOCK) {
            for (int i = 0; i < count; i++) out[i] = (float) nextNormalDouble();
            return out;
        }
        for (int i = 0; i < count; i++) out[i] = nextUniform();
        for (int i = 0; i + VECTOR_BLOCK <= count; i += VECTOR_BLOCK) BoxMuller.transform16(out, i);
        if (count % VECTOR_BLOCK != 0) {
            int tail = count - VECTOR_BLOCK;
            for (int i = 0; i < VECTOR_BLOCK; i++) out[tail + i] = nextUniform();
            BoxMuller.transform16(out, tail);
        }
        return out;
    }

    /** {@code torch.randn(shape)}: {@link #randn(int)} of the element count, in row-major order. */
    public Tensor randn(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            n *= d;
        }
        if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("noise too large: " + Arrays.toString(shape));
        return Tensor.of(randn((int) n), shape.clone());
    }

    /** {@code at::normal_distribution<double>}: Box–Muller in double, the sine half cached. */
    double nextNormalDouble() {
        if (hasCachedNormal) {
            hasCachedNormal = false;
            return cachedNormal;
        }
        double u1 = nextUniformDouble(), u2 = nextUniformDouble();
        double radius = Math.sqrt(-2.0 * StrictMath.log1p(-u2));
        double theta = 2.0 * Math.PI * u1;
        cachedNormal = radius * StrictMath.sin(theta);
        hasCachedNormal = true;
        return radius * StrictMath.cos(theta);
    }
}
