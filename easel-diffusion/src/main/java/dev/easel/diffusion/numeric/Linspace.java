package dev.easel.diffusion.numeric;

/**
 * {@code torch.linspace} on the CPU, value for value. torch computes {@code step = (end −
 * start)/(steps − 1)} and fills the first half forwards from {@code start} and the second half
 * backwards from {@code end}, one element at a time; its x86-64 builds fuse each
 * {@code start + step·i} into one multiply–add, which is reproduced here with {@link Math#fma}.
 */
public final class Linspace {
    private Linspace() {}

    /** A float32 {@code torch.linspace(start, end, steps)}; the bounds are rounded to float32 first. */
    public static float[] floats(double start, double end, int steps) {
        if (steps < 0) throw new IllegalArgumentException("number of steps must be non-negative, got " + steps);
        float first = (float) start, last = (float) end;
        float[] out = new float[steps];
        if (steps == 1) out[0] = first;
        if (steps <= 1) return out;
        float step = (last - first) / (float) (steps - 1);
        int halfway = steps / 2;
        for (int i = 0; i < steps; i++) {
            out[i] = i < halfway ? Math.fma(step, (float) i, first) : Math.fma(-step, (float) (steps - i - 1), last);
        }
        return out;
    }

    /** A float64 {@code torch.linspace(start, end, steps, dtype=torch.float64)}. */
    public static double[] doubles(double start, double end, int steps) {
        if (steps < 0) throw new IllegalArgumentException("number of steps must be non-negative, got " + steps);
        double[] out = new double[steps];
        if (steps == 1) out[0] = start;
        if (steps <= 1) return out;
        double step = (end - start) / (steps - 1);
        int halfway = steps / 2;
        for (int i = 0; i < steps; i++) {
            out[i] = i < halfway ? Math.fma(step, i, start) : Math.fma(-step, steps - i - 1, end);
        }
        return out;
    }
}
