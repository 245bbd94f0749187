package dev.easel.models.demo;

import dev.easel.diffusion.model.DiscreteSampling;
import dev.easel.models.onnx.graph.OnnxGraph;
import dev.easel.models.onnx.graph.Value;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.easel.models.onnx.ElementType.FLOAT;
import static dev.easel.models.onnx.ElementType.INT64;

/**
 * The demo's "UNet": the exact ε of a Gaussian mixture, with no learned layers.
 *
 * <p>For a prompt whose summed hidden states are h, the data are taken to be
 * {@code Σ_{k,s} w_k·N(m_ks, v·I)}: scene k ({@link Templates}, resized to the sample's latent size)
 * at framing s (moved by up to {@link #JITTER} latent pixels), shown at contrast c_k around the
 * average picture μ̄, {@code m_ks = μ̄ + c_k·(shift_s(μ_k) − μ̄)}. With score_k = h·A_k (A the
 * scenes' concept affinities), {@code c_k = s₀ + Δ·tanh(β·score_k)} and
 * {@code w_k ∝ exp(α·score_k + |m_ks|²/(2(v+σ_max²)))}.
 *
 * <ul>
 *   <li>A prompt that names nothing leaves every scene a faint ghost (c = s₀) with equal odds; one
 *       that names a scene raises that scene's contrast by at most Δ. Classifier-free guidance
 *       extrapolates the means, s₀ + cfg·Δ, so cfg 1 gives a washed-out picture, cfg 8 (s₀ + 8Δ = 1)
 *       the scene as painted, and more than that an over-saturated one, as with a real model.</li>
 *   <li>The {@code |m_ks|²/(2(v+σ_max²))} part of the prior cancels the likelihood's norm term at
 *       σ_max: SD1.5's terminal signal-to-noise ratio is not zero, and without it every seed would
 *       go to the dimmest scene.</li>
 *   <li>Early on the posterior spreads over framings, so previews start soft and come into focus.</li>
 * </ul>
 *
 * <p>At noise σ the posterior is {@code p_ks ∝ w_k·exp((x·m_ks − |m_ks|²/2)/(v+σ²))}, the denoised
 * value {@code D = Σ p_ks (m_ks + v/(v+σ²)(x − m_ks))}, and so {@code ε = (x − D)/σ
 * = σ/(v+σ²)·(x − Σ p_ks m_ks)}. The network sees what an SD1.5 UNet sees, {@code x/√(σ²+1)} and a
 * timestep; σ is read back from SD1.5's σ table, interpolating ln σ between neighbouring entries
 * for fractional timesteps, as ComfyUI's {@code sigma(t)} does.
 */
final class DemoUnet {
    /** v: the spread of each scene, in sampler units; it is the grain left in a finished picture. */
    static final float VARIANCE = 0.001f;
    /** s₀: how much of a scene an unrelated prompt still shows (a faint ghost on the average picture). */
    static final float GHOST = 0.2f;
    /** Δ: how much a fully matching prompt adds; s₀ + 8Δ = 1, so ComfyUI's default cfg 8 shows the scene at full contrast. */
    static final float PROMPT_GAIN = (1f - GHOST) / 8f;
    /** β: the concept score at which a prompt's pull on a scene's contrast saturates (tanh(β·score)). */
    static final float STRENGTH_SLOPE = 2f;
    /** α: how sharply concept scores pick scenes (log-weight per unit of score). */
    static final float PROMPT_SHARPNESS = 3f;
    /** J: each scene may sit up to J latent pixels off centre, so early previews average nearby framings. */
    static final int JITTER = 2;
    /** S = (2J+1)²: the framings of each scene. */
    static final int SHIFTS = (2 * JITTER + 1) * (2 * JITTER + 1);

    private DemoUnet() {
    }

    /** A[d][s·K + k]: the affinity of scene k to concept d, the same at every shift s; flattened [D, S·K]. */
    static float[] affinities() {
        Scene[] scenes = Scene.values();
        int columns = SHIFTS * scenes.length;
        float[] weights = new float[Concept.DIMENSIONS * columns];
        for (Concept concept : Concept.values()) {
            for (int shift = 0; shift < SHIFTS; shift++) {
                for (Scene scene : scenes) {
                    weights[concept.ordinal() * columns + shift * scenes.length + scene.ordinal()] = (float) scene.affinity(concept);
                }
            }
        }
        return weights;
    }

    /** The scenes [K, 4, h, w] moved by every (dy, dx) in ±{@link #JITTER}, edges repeated: [S·K, 4, h, w], shift-major. */
    private static Value shifted(OnnxGraph g, Value scenes) {
        Value padded = g.op("Pad", List.of(scenes, g.ints(0, 0, JITTER, JITTER, 0, 0, JITTER, JITTER)), Map.of("mode", "edge"));
        Value[] copies = new Value[SHIFTS];
        for (int dy = -JITTER; dy <= JITTER; dy++) {
            for (int dx = -JITTER; dx <= JITTER; dx++) {
                copies[(dy + JITTER) * (2 * JITTER + 1) + dx + JITTER] = g.slice(padded,
                        new long[]{JITTER + dy, JITTER + dx}, new long[]{sliceEnd(dy), sliceEnd(dx)}, new long[]{2, 3});
            }
        }
        return g.concat(0, copies);
    }

    /** The end of a window that starts {@code JITTER + d} into a padded axis and keeps its original length. */
    private static long sliceEnd(int d) {
        return d == JITTER ? Long.MAX_VALUE : d - JITTER;
    }

    /** Row 0: the average picture μ̄; row 1 + k: scene k. Flattened [K+1, 4·64·64]. */
    static float[] averageAndScenes(float[][] templates) {
        int k = templates.length, n = Templates.ELEMENTS;
        float[] packed = new float[(k + 1) * n];
        for (int row = 0; row < k; row++) {
            for (int i = 0; i < n; i++) {
                packed[i] += templates[row][i] / k;
                packed[(row + 1) * n + i] = templates[row][i];
            }
        }
        return packed;
    }

    static byte[] graph(float[][] templates) {
        int k = templates.length, side = Templates.SIDE, d = Concept.DIMENSIONS;
        OnnxGraph g = OnnxGraph.named("easel_demo_unet");
        Value sample = g.input("sample", FLOAT, "batch", DemoVae.CHANNELS, "height", "width");
        Value timestep = g.input("timestep", FLOAT, "batch");
        Value hidden = g.input("encoder_hidden_states", FLOAT, "batch", "sequence", d);
        Value sigma = sigma(g, timestep);
        Value sigma2 = g.mul(sigma, sigma);
        Value inverseVariance = g.op("Reciprocal", List.of(g.add(sigma2, g.scalar(VARIANCE))), Map.of());
        Value x = g.mul(g.reshape(sample, 0, -1), g.sqrt(g.add(sigma2, g.scalar(1f))));

        // μ̄ and the scenes, resized to the sample's latent size, then each scene at every framing.
        Value stored = g.weight("average_and_scenes", averageAndScenes(templates), k + 1, DemoVae.CHANNELS, side, side);
        Value shape = g.shape(sample);
        Value sizes = g.concat(0, g.ints(k + 1, DemoVae.CHANNELS), g.slice(shape, new long[]{2}, new long[]{4}, new long[]{0}));
        Value resized = g.op("Resize", Arrays.asList(stored, null, null, sizes), Map.of("mode", "linear"));
        Value average = g.reshape(g.slice(resized, new long[]{0}, new long[]{1}, new long[]{0}), 1, -1);
        Value scenes = g.slice(resized, new long[]{1}, new long[]{k + 1}, new long[]{0});
        Value offsets = g.sub(g.reshape(shifted(g, scenes), (long) SHIFTS * k, -1), average);

        // Per prompt row and component ks (u_ks = shift_s(μ_k) − μ̄): contrast c_k = s₀ + Δ·tanh(β·score_k).
        Value score = g.matMul(g.reduceSum(hidden, false, 1), g.weight("scene_affinity", affinities(), d, SHIFTS * k));
        Value contrast = g.add(g.mul(g.tanh(g.mul(score, g.scalar(STRENGTH_SLOPE))), g.scalar(PROMPT_GAIN)), g.scalar(GHOST));

        // x·m_ks and |m_ks|² from dot products with μ̄ and u_ks, m_ks = μ̄ + c_k·u_ks.
        Value xm = g.add(dotRows(g, x, average), g.mul(contrast, dotRows(g, x, offsets)));
        Value cross = g.mul(g.mul(contrast, dotRows(g, average, offsets)), g.scalar(2f));
        Value squares = g.mul(g.mul(contrast, contrast), sumOfSquares(g, offsets));
        Value mm = g.add(g.add(sumOfSquares(g, average), cross), squares);

        // log p_ks = α·score_k + x·m_ks/(v+σ²) − ½|m_ks|²·(1/(v+σ²) − 1/(v+σ_max²)) + const.
        double sigmaMax = DiscreteSampling.eps().sigmaMax();
        Value normWeight = g.mul(g.sub(inverseVariance, g.scalar((float) (1 / (VARIANCE + sigmaMax * sigmaMax)))), g.scalar(-0.5f));
        Value likelihood = g.add(g.mul(xm, inverseVariance), g.mul(mm, normWeight));
        Value posterior = g.softmax(g.add(likelihood, g.mul(score, g.scalar(PROMPT_SHARPNESS))), 1);

        // ε = σ/(v+σ²)·(x − Σ p_ks m_ks), with Σ p_ks m_ks = μ̄ + Σ p_ks c_k u_ks.
        Value mean = g.add(average, g.matMul(g.mul(posterior, contrast), offsets));
        Value eps = g.mul(g.sub(x, mean), g.mul(sigma, inverseVariance));
        return g.output("out_sample", g.reshape(eps, shape), FLOAT, "batch", DemoVae.CHANNELS, "height", "width").build();
    }

    /** {@code a · bᵀ}: every row of a against every row of b. */
    private static Value dotRows(OnnxGraph g, Value a, Value b) {
        return g.op("Gemm", Arrays.asList(a, b, null), Map.of("transB", 1));
    }

    private static Value sumOfSquares(OnnxGraph g, Value rows) {
        return g.op("ReduceSumSquare", List.of(rows, g.ints(1)), Map.of("keepdims", 0));
    }

    /** σ as a [batch, 1] column, from the timestep through the σ table. */
    private static Value sigma(OnnxGraph g, Value timestep) {
        double[] table = DiscreteSampling.eps().sigmaTable();
        float[] logs = new float[table.length];
        for (int t = 0; t < table.length; t++) logs[t] = (float) Math.log((float) table[t]);
        Value logTable = g.weight("log_sigmas", logs, logs.length);
        Value last = g.scalar(table.length - 1);
        Value t = g.clip(timestep, 0f, table.length - 1);
        Value low = g.op("Floor", List.of(t), Map.of());
        Value high = g.min(g.add(low, g.scalar(1f)), last);
        Value logLow = g.gather(logTable, g.cast(low, INT64), 0);
        Value logHigh = g.gather(logTable, g.cast(high, INT64), 0);
        Value logSigma = g.add(logLow, g.mul(g.sub(t, low), g.sub(logHigh, logLow)));
        return g.unsqueeze(g.exp(logSigma), 1);
    }
}
