package dev.easel.models.demo;

import dev.easel.diffusion.model.DiscreteSampling;

import static ai.onnx.proto.OnnxMl.TensorProto.DataType.FLOAT;
import static ai.onnx.proto.OnnxMl.TensorProto.DataType.INT64;
import static dev.easel.models.demo.GraphWriter.intAttr;
import static dev.easel.models.demo.GraphWriter.stringAttr;

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
    private static String shifted(GraphWriter g, String scenes) {
        String padded = g.node("Pad", "scenes_padded", new String[]{scenes,
                g.longs("jitter_pads", 0, 0, JITTER, JITTER, 0, 0, JITTER, JITTER)}, stringAttr("mode", "edge"));
        String axes = g.longs("spatial_axes", 2, 3);
        String[] copies = new String[SHIFTS];
        for (int dy = -JITTER; dy <= JITTER; dy++) {
            for (int dx = -JITTER; dx <= JITTER; dx++) {
                int index = (dy + JITTER) * (2 * JITTER + 1) + dx + JITTER;
                String tag = index + "";
                copies[index] = g.node("Slice", "scenes_shift_" + tag, padded,
                        g.longs("shift_start_" + tag, JITTER + dy, JITTER + dx),
                        g.longs("shift_end_" + tag, sliceEnd(dy), sliceEnd(dx)), axes);
            }
        }
        return g.node("Concat", "scenes_shifted", copies, intAttr("axis", 0));
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
        GraphWriter g = new GraphWriter("easel_demo_unet")
                .input("sample", FLOAT, "batch", DemoVae.CHANNELS, "height", "width")
                .input("timestep", FLOAT, "batch")
                .input("encoder_hidden_states", FLOAT, "batch", "sequence", d)
                .output("out_sample", FLOAT, "batch", DemoVae.CHANNELS, "height", "width");
        String one = g.scalar("one", 1f);
        String sigma = sigma(g, one);
        String sigma2 = g.node("Mul", "sigma_squared", sigma, sigma);
        String variance = g.node("Add", "variance", sigma2, g.scalar("v", VARIANCE));
        String inputScale = g.node("Sqrt", "input_scale", g.node("Add", "sigma_squared_plus_one", sigma2, one));
        String x = g.node("Mul", "x", g.node("Reshape", "sample_flat", "sample", g.longs("rows", 0, -1)), inputScale);

        // μ̄ and the scenes, resized to the sample's latent size, then each scene at every shift.
        String stored = g.floats("average_and_scenes", averageAndScenes(templates), k + 1, DemoVae.CHANNELS, side, side);
        String shape = g.node("Shape", "sample_shape", "sample");
        String hw = g.node("Slice", "sample_hw", shape, g.longs("hw_start", 2), g.longs("hw_end", 4));
        String sizes = g.node("Concat", "resized_shape", new String[]{g.longs("leading", k + 1, DemoVae.CHANNELS), hw},
                intAttr("axis", 0));
        String resized = g.node("Resize", "resized", new String[]{stored, "", "", sizes},
                stringAttr("mode", "linear"), stringAttr("coordinate_transformation_mode", "half_pixel"));
        String first = g.longs("first_row", 0), second = g.longs("second_row", 1), end = g.longs("after_last_row", k + 1);
        String batchAxis = g.longs("batch_axis", 0);
        String average = g.node("Reshape", "average", g.node("Slice", "average_image", resized, first, second, batchAxis),
                g.longs("one_row", 1, -1));
        String scenes = g.node("Slice", "scenes", resized, second, end, batchAxis);
        String offsets = g.node("Sub", "offsets", g.node("Reshape", "shifted_rows", shifted(g, scenes),
                g.longs("row_shape", (long) SHIFTS * k, -1)), average);

        // Per prompt row and component ks (u_ks = shift_s(μ_k) − μ̄): contrast c_k = s₀ + Δ·tanh(β·score_k).
        String pooled = g.node("ReduceSum", "prompt_concepts", new String[]{"encoder_hidden_states", g.longs("token_axis", 1)},
                intAttr("keepdims", 0));
        String score = g.node("MatMul", "scene_score", pooled, g.floats("scene_affinity", affinities(), d, (long) SHIFTS * k));
        String pull = g.node("Tanh", "prompt_pull", g.node("Mul", "sloped_score", score, g.scalar("beta", STRENGTH_SLOPE)));
        String contrast = g.node("Add", "contrast", g.node("Mul", "gained_pull", pull, g.scalar("gain", PROMPT_GAIN)),
                g.scalar("ghost", GHOST));

        // x·m_ks and |m_ks|² from dot products with μ̄ and u_ks, m_ks = μ̄ + c_k·u_ks.
        String xu = g.node("Gemm", "x_dot_u", new String[]{x, offsets}, intAttr("transB", 1));
        String xa = g.node("Gemm", "x_dot_average", new String[]{x, average}, intAttr("transB", 1));
        String xm = g.node("Add", "x_dot_m", xa, g.node("Mul", "contrast_x_dot_u", contrast, xu));
        String uu = g.node("ReduceSumSquare", "u_norm", new String[]{offsets, g.longs("element_axis", 1)}, intAttr("keepdims", 0));
        String au = g.node("Gemm", "average_dot_u", new String[]{average, offsets}, intAttr("transB", 1));
        String aa = g.node("ReduceSumSquare", "average_norm", new String[]{average, "element_axis"}, intAttr("keepdims", 0));
        String cross = g.node("Mul", "cross_terms", g.node("Mul", "contrast_average_dot_u", contrast, au), g.scalar("two", 2f));
        String squares = g.node("Mul", "square_terms", g.node("Mul", "contrast_squared", contrast, contrast), uu);
        String mm = g.node("Add", "m_norm", g.node("Add", "norm_partial", aa, cross), squares);

        // log p_ks = α·score_k + x·m_ks/(v+σ²) − ½|m_ks|²·(1/(v+σ²) − 1/(v+σ_max²)) + const.
        double sigmaMax = DiscreteSampling.eps().sigmaMax();
        String atStart = g.scalar("inverse_variance_at_sigma_max", (float) (1 / (VARIANCE + sigmaMax * sigmaMax)));
        String inverseVariance = g.node("Reciprocal", "inverse_variance", variance);
        String normWeight = g.node("Mul", "norm_weight", g.node("Sub", "inverse_variance_gap", inverseVariance, atStart),
                g.scalar("minus_half", -0.5f));
        String likelihood = g.node("Add", "log_likelihood", g.node("Mul", "scaled_x_dot_m", xm, inverseVariance),
                g.node("Mul", "scaled_m_norm", mm, normWeight));
        String prior = g.node("Mul", "log_prior", score, g.scalar("alpha", PROMPT_SHARPNESS));
        String posterior = g.node("Softmax", "posterior", new String[]{g.node("Add", "log_posterior", likelihood, prior)},
                intAttr("axis", 1));

        // ε = σ/(v+σ²)·(x − Σ p_ks m_ks), with Σ p_ks m_ks = μ̄ + Σ p_ks c_k u_ks.
        String weights = g.node("Mul", "posterior_contrast", posterior, contrast);
        String mean = g.node("Add", "posterior_mean", average, g.node("MatMul", "posterior_offset", weights, offsets));
        String epsScale = g.node("Mul", "eps_scale", sigma, inverseVariance);
        String eps = g.node("Mul", "eps", g.node("Sub", "x_minus_mean", x, mean), epsScale);
        g.node("Reshape", "out_sample", eps, shape);
        return g.toBytes();
    }

    /** σ as a [batch, 1] column, from the timestep through the σ table. */
    private static String sigma(GraphWriter g, String one) {
        double[] table = DiscreteSampling.eps().sigmaTable();
        float[] logs = new float[table.length];
        for (int t = 0; t < table.length; t++) logs[t] = (float) Math.log((float) table[t]);
        String logTable = g.floats("log_sigmas", logs, logs.length);
        String last = g.scalar("last_timestep", table.length - 1);
        String t = g.node("Clip", "t", "timestep", g.scalar("zero", 0f), last);
        String low = g.node("Floor", "t_low", t);
        String high = g.node("Min", "t_high", g.node("Add", "t_next", low, one), last);
        String fraction = g.node("Sub", "t_fraction", t, low);
        String logLow = g.node("Gather", "log_sigma_low", logTable,
                g.node("Cast", "t_low_index", new String[]{low}, intAttr("to", INT64.getNumber())));
        String logHigh = g.node("Gather", "log_sigma_high", logTable,
                g.node("Cast", "t_high_index", new String[]{high}, intAttr("to", INT64.getNumber())));
        String logSigma = g.node("Add", "log_sigma", logLow,
                g.node("Mul", "log_sigma_step", fraction, g.node("Sub", "log_sigma_gap", logHigh, logLow)));
        return g.node("Unsqueeze", "sigma", g.node("Exp", "sigma_flat", logSigma), g.longs("column_axis", 1));
    }
}
