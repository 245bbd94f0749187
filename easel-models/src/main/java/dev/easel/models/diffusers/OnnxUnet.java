package dev.easel.models.diffusers;

import dev.easel.diffusion.cond.ConditioningEntry;
import dev.easel.diffusion.cond.ConditioningEntry.SizeConditioning;
import dev.easel.diffusion.latent.LatentFormat;
import dev.easel.diffusion.model.DiffusionModel;
import dev.easel.diffusion.model.DiscreteSampling;
import dev.easel.diffusion.model.ModelSampling;
import dev.easel.diffusion.model.Parameterization;
import dev.easel.models.onnx.Feed;
import dev.easel.models.onnx.OnnxSession;
import dev.easel.models.onnx.TensorSpec;
import dev.easel.tensor.Tensor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The UNet of a diffusers ONNX folder: {@code sample [N, 4, h, w]}, {@code timestep [N]} (in the
 * element type the model declares) and {@code encoder_hidden_states [N, T, d]} → {@code out_sample};
 * SDXL adds {@code text_embeds [N, pooled]} and {@code time_ids [N, 6]}.
 */
public final class OnnxUnet implements DiffusionModel, AutoCloseable {
    static final String SAMPLE = "sample", TIMESTEP = "timestep", CONTEXT = "encoder_hidden_states";
    static final String TEXT_EMBEDS = "text_embeds", TIME_IDS = "time_ids", OUT = "out_sample";
    /** Image pixels per latent pixel: SDXL's size conditioning is in image pixels. */
    private static final int VAE_SCALE = 8;

    private final OnnxSession session;
    private final boolean xl;
    private final DiscreteSampling sampling;
    private final String output;
    private final boolean oneRowPerRun;

    /** Takes ownership of {@code session}; checks it has the inputs a UNet needs. */
    OnnxUnet(OnnxSession session, Parameterization parameterization) {
        this.session = session;
        session.input(SAMPLE);
        session.input(CONTEXT);
        TensorSpec timestep = session.input(TIMESTEP);
        this.xl = isXl(session);
        if (xl) session.input(TIME_IDS);
        this.sampling = DiscreteSampling.of(parameterization);
        this.output = session.findOutput(OUT).map(TensorSpec::name).orElseGet(() -> {
            if (session.outputs().size() != 1) session.output(OUT);
            return session.outputs().keySet().iterator().next();
        });
        // exports with a batch of exactly one, or a scalar timestep, take rows one at a time
        this.oneRowPerRun = session.input(SAMPLE).fixedDim(0).map(d -> d == 1).orElse(false)
                || timestep.rank() == 0 || timestep.fixedDim(0).map(d -> d == 1).orElse(false);
    }

    /** A UNet over any session with the inputs above (a file's, or a graph built in Java); takes ownership of it. */
    public static OnnxUnet of(OnnxSession session, Parameterization parameterization) {
        return new OnnxUnet(session, parameterization);
    }

    static boolean isXl(OnnxSession unet) {
        return unet.findInput(TEXT_EMBEDS).isPresent() && unet.findInput(TIME_IDS).isPresent();
    }

    @Override
    public ModelSampling sampling() {
        return sampling;
    }

    @Override
    public LatentFormat latentFormat() {
        return xl ? LatentFormat.SDXL : LatentFormat.SD15;
    }

    @Override
    public Tensor apply(Tensor xIn, double[] timesteps, List<ConditioningEntry> conds) {
        int n = xIn.dim(0);
        if (timesteps.length != n || conds.size() != n) {
            throw new IllegalArgumentException("apply got " + n + " rows, " + timesteps.length + " timesteps and " + conds.size() + " conditionings");
        }
        if (!oneRowPerRun) return run(xIn, timesteps, conds);
        List<Tensor> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(run(xIn.slice0(i, i + 1), new double[]{timesteps[i]}, conds.subList(i, i + 1)));
        }
        return Tensor.cat0(rows.toArray(Tensor[]::new));
    }

    private Tensor run(Tensor x, double[] timesteps, List<ConditioningEntry> conds) {
        int n = x.dim(0);
        Map<String, Feed> feeds = new LinkedHashMap<>();
        feeds.put(SAMPLE, Feed.of(x));
        float[] t = new float[n];
        for (int i = 0; i < n; i++) t[i] = (float) timesteps[i];
        feeds.put(TIMESTEP, Feed.of(session.input(TIMESTEP).rank() == 0 ? Tensor.of(t) : Tensor.of(t, n)));
        feeds.put(CONTEXT, Feed.of(CrossAttention.batch(conds.stream().map(ConditioningEntry::crossAttn).toList())));
        if (xl) {
            feeds.put(TEXT_EMBEDS, Feed.of(pooled(conds)));
            feeds.put(TIME_IDS, Feed.of(timeIds(conds, x.dim(2) * VAE_SCALE, x.dim(3) * VAE_SCALE)));
        }
        return session.run(feeds, List.of(output)).get(output);
    }

    private Tensor pooled(List<ConditioningEntry> conds) {
        List<Tensor> rows = new ArrayList<>();
        for (ConditioningEntry c : conds) {
            Tensor p = c.pooled().orElseThrow(() -> new IllegalArgumentException(
                    session.label() + " is an SDXL UNet and needs a pooled text embedding, which this conditioning lacks"
                            + " (was it encoded by an SDXL CLIP?)"));
            rows.add(p.reshape(1, p.size()));
        }
        return Tensor.cat0(rows.toArray(Tensor[]::new));
    }

    /**
     * SDXL's size conditioning per row: height, width, crop top, crop left, target height, target
     * width. Without {@link SizeConditioning} on the entry it is the latent's size in pixels, as
     * ComfyUI's {@code encode_adm} defaults it.
     */
    static Tensor timeIds(List<ConditioningEntry> conds, int height, int width) {
        float[] ids = new float[conds.size() * 6];
        for (int i = 0; i < conds.size(); i++) {
            SizeConditioning s = conds.get(i).sizes().orElse(new SizeConditioning(width, height, 0, 0, width, height));
            float[] row = {s.height(), s.width(), s.cropH(), s.cropW(), s.targetHeight(), s.targetWidth()};
            System.arraycopy(row, 0, ids, i * 6, 6);
        }
        return Tensor.of(ids, conds.size(), 6);
    }

    /** The JSON profile ONNX Runtime wrote of this UNet's runs, when its session was profiled. */
    public Optional<Path> endProfiling() {
        return session.endProfiling();
    }

    @Override
    public void close() {
        session.close();
    }

    @Override
    public String toString() {
        return "OnnxUnet[" + session.label() + ", " + (xl ? "SDXL" : "SD") + ", " + sampling.parameterization() + "]";
    }
}
