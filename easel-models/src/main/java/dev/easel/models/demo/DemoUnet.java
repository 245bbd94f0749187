package dev.easel.models.demo;

import dev.easel.diffusion.model.DiscreteSampling;

import static ai.onnx.proto.OnnxMl.TensorProto.DataType.FLOAT;
import static ai.onnx.proto.OnnxMl.TensorProto.DataType.INT64;
import static dev.easel.models.demo.GraphWriter.intAttr;
import static dev.easel.models.demo.GraphWriter.stringAttr;

/**
 * The demo's "UNet": the exact ε of a Gaussian mixture, no learned layers. The data are assumed
 * to be {@code Σ_k w_k·N(μ_k, v·I)} with μ_k the {@link Templates} (resized to the sample's
 * height and width) and w_k = softmax over scenes of {@code PROMPT_SHARPNESS · Σ_tokens h · A}
 * (h the text encoder's hidden states, A the scenes' concept affinities). At noise σ the
 * posterior over components is {@code p_k ∝ w_k·exp((x·μ_k − |μ_k|²/2)/(v+σ²))}, the denoised
 * value is {@code D = Σ_k p_k (μ_k + v/(v+σ²)(x − μ_k))}, and so
 * {@code ε = (x − D)/σ = σ/(v+σ²)·(x − Σ_k p_k μ_k)}.
 *
 * <p>The network sees what an SD1.5 UNet sees: {@code x/√(σ²+1)} and a timestep. σ is read back
 * from SD1.5's σ table, interpolating ln σ between neighbouring entries for fractional timesteps,
 * as ComfyUI's {@code sigma(t)} does.
 */
final class DemoUnet {
    /** v: the spread of each scene, in sampler units; it is the grain left in a finished picture. */
    static final float VARIANCE = 0.003f;
    /** s₀: how much of a scene an unrelated prompt still shows (a faint ghost on the average picture). */
    static final float GHOST = env("DEMO_GHOST", 0.2f);
    /** Δ: how much a fully matching prompt adds; s₀ + 8Δ = 1, so ComfyUI's default cfg 8 shows the scene at full contrast. */
    static final float PROMPT_GAIN = (1f - GHOST) / 8f;
    /** β: the concept score at which a prompt's pull on a scene's contrast saturates (tanh(β·score)). */
    static final float STRENGTH_SLOPE = env("DEMO_BETA", 2f);
    /** α: how sharply concept scores pick scenes (log-weight per unit of score). */
    static final float PROMPT_SHARPNESS = env("DEMO_ALPHA", 3f);

    private static float env(String name, float fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : Float.parseFloat(value);
    }

    private DemoUnet() {
    }

    /** A[d][k]: the affinity of scene k to concept d, flattened [D, K]. */
    static float[] affinities() {
        Scene[] scenes = Scene.values();
        float[] weights = new float[Concept.DIMENSIONS * scenes.length];
        for (Concept concept : Concept.values()) {
            for (Scene scene : scenes) {
                weights[concept.ordinal() * scenes.length + scene.ordinal()] = (float) scene.affinity(concept);
            }
        }
        return weights;
    }

    /** Row 0: the average picture μ̄; row 1 + k: scene k's offset μ_k − μ̄. Flattened [K+1, 4·64·64]. */
    static float[] averageAndOffsets(float[][] templates) {
        int k = templates.length, n = Templates.ELEMENTS;
        float[] packed = new float[(k + 1) * n];
        for (float[] template : templates) {
            for (int i = 0; i < n; i++) packed[i] += template[i] / k;
        }
        for (int row = 0; row < k; row++) {
            for (int i = 0; i < n; i++) packed[(row + 1) * n + i] = templates[row][i] - packed[i];
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

        // μ̄ and the offsets u_k, resized to the sample's latent size.
        String stored = g.floats("average_and_offsets", averageAndOffsets(templates), k + 1, DemoVae.CHANNELS, side, side);
        String shape = g.node("Shape", "sample_shape", "sample");
        String hw = g.node("Slice", "sample_hw", shape, g.longs("hw_start", 2), g.longs("hw_end", 4));
        String sizes = g.node("Concat", "resized_shape", new String[]{g.longs("leading", k + 1, DemoVae.CHANNELS), hw},
                intAttr("axis", 0));
        String resized = g.node("Resize", "resized", new String[]{stored, "", "", sizes},
                stringAttr("mode", "linear"), stringAttr("coordinate_transformation_mode", "half_pixel"));
        String rows = g.node("Reshape", "resized_rows", resized, g.longs("row_shape", k + 1, -1));
        String zero = g.longs("first_row", 0), second = g.longs("second_row", 1), end = g.longs("after_last_row", k + 1);
        String average = g.node("Slice", "average", rows, zero, second);
        String offsets = g.node("Slice", "offsets", rows, second, end);

        // Per row and scene: contrast s_k = s₀ + Δ·tanh(β·score_k), mean m_k = μ̄ + s_k·u_k.
        String pooled = g.node("ReduceSum", "prompt_concepts", new String[]{"encoder_hidden_states", g.longs("token_axis", 1)},
                intAttr("keepdims", 0));
        String score = g.node("MatMul", "scene_score", pooled, g.floats("scene_affinity", affinities(), d, k));
        String pull = g.node("Tanh", "prompt_pull", g.node("Mul", "sloped_score", score, g.scalar("beta", STRENGTH_SLOPE)));
        String contrast = g.node("Add", "contrast", g.node("Mul", "gained_pull", pull, g.scalar("gain", PROMPT_GAIN)),
                g.scalar("ghost", GHOST));

        // x·m_k and |m_k|² from dot products with μ̄ and u_k.
        String xu = g.node("Gemm", "x_dot_u", new String[]{x, offsets}, intAttr("transB", 1));
        String xa = g.node("Gemm", "x_dot_average", new String[]{x, average}, intAttr("transB", 1));
        String xm = g.node("Add", "x_dot_m", xa, g.node("Mul", "contrast_x_dot_u", contrast, xu));
        String uu = g.node("ReduceSumSquare", "u_norm", new String[]{offsets, g.longs("element_axis", 1)}, intAttr("keepdims", 0));
        String au = g.node("Gemm", "average_dot_u", new String[]{average, offsets}, intAttr("transB", 1));
        String aa = g.node("ReduceSumSquare", "average_norm", new String[]{average, "element_axis"}, intAttr("keepdims", 0));
        String cross = g.node("Mul", "cross_terms", g.node("Mul", "contrast_average_dot_u", contrast, au), g.scalar("two", 2f));
        String squares = g.node("Mul", "square_terms", g.node("Mul", "contrast_squared", contrast, contrast), uu);
        String mm = g.node("Add", "m_norm", g.node("Add", "norm_partial", aa, cross), squares);

        // log p_k = α·score_k + x·m_k/(v+σ²) − ½|m_k|²·(1/(v+σ²) − 1/(v+σ_max²)).
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

        // ε = σ/(v+σ²)·(x − Σ_k p_k m_k), with Σ_k p_k m_k = μ̄ + Σ_k p_k s_k u_k.
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
