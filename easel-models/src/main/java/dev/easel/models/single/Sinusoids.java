package dev.easel.models.single;

import dev.easel.models.onnx.graph.OnnxGraph;
import dev.easel.models.onnx.graph.Value;

/** The sinusoidal embedding of timesteps (and of SDXL's sizes): {@code [cos(t·f) | sin(t·f)]}, {@code fᵢ = 10000^(−i/half)}. */
final class Sinusoids {
    private static final double MAX_PERIOD = 10000;

    private Sinusoids() {
    }

    /** {@code t [N]} → {@code [N, width]}, computed in float32 like ComfyUI's {@code timestep_embedding}. */
    static Value embed(OnnxGraph g, Value t, int width) {
        if (width % 2 != 0) throw new IllegalArgumentException("a sinusoidal embedding needs an even width, not " + width);
        int half = width / 2;
        float[] freqs = new float[half];
        float logPeriod = (float) -Math.log(MAX_PERIOD);
        for (int i = 0; i < half; i++) freqs[i] = (float) Math.exp(logPeriod * i / half);
        Value args = g.mul(g.unsqueeze(t, 1), g.constant(freqs, 1, half));
        return g.concat(1, g.cos(args), g.sin(args));
    }
}
