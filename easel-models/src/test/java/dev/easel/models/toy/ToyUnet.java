package dev.easel.models.toy;

import dev.easel.models.onnx.ElementType;
import dev.easel.models.onnx.graph.OnnxGraph;
import dev.easel.models.onnx.graph.Value;

/**
 * A UNet with the diffusers I/O contract that is a known linear function of its inputs:
 * <pre>
 * out_sample[n, c, y, x] = 2·sample[n, c, y, x] + timestep[n] + encoder_hidden_states[n, −1, −1]
 *                        (SDXL:) + text_embeds[n, 0] + Σₖ time_ids[n, k]·M[k, c]
 * </pre>
 * with {@link #TIME_IDS_MIX} M, so channel c shows {@code time_ids[c] + 1000·time_ids[c + 2]}.
 */
public record ToyUnet(ElementType timestepType, int contextDim, boolean xl, int pooledDim, boolean batchOfOne) {
    /** [6, 4]: channel c gets time_ids[c] + 1000·time_ids[c + 2]. */
    public static final float[] TIME_IDS_MIX = {
            1, 0, 0, 0,
            0, 1, 0, 0,
            1000, 0, 1, 0,
            0, 1000, 0, 1,
            0, 0, 1000, 0,
            0, 0, 0, 1000};

    public static ToyUnet sd(ElementType timestepType, int contextDim) {
        return new ToyUnet(timestepType, contextDim, false, 0, false);
    }

    public static ToyUnet sdxl(ElementType timestepType, int contextDim, int pooledDim) {
        return new ToyUnet(timestepType, contextDim, true, pooledDim, false);
    }

    /** The same network exported with a batch fixed at 1, as some exports are. */
    public ToyUnet withBatchOfOne() {
        return new ToyUnet(timestepType, contextDim, xl, pooledDim, true);
    }

    public byte[] build() {
        OnnxGraph g = OnnxGraph.named("toy_unet");
        Object batch = batchOfOne ? 1 : "batch";
        Value sample = g.input("sample", ElementType.FLOAT, batch, 4, "height", "width");
        Value timestep = g.input("timestep", timestepType, batch);
        Value context = g.input("encoder_hidden_states", ElementType.FLOAT, batch, "sequence", contextDim);
        Value perRow = g.cast(timestep, ElementType.FLOAT);
        Value lastToken = g.gather(g.gather(context, g.intScalar(-1), 1), g.intScalar(-1), 1);
        perRow = g.add(perRow, lastToken);
        Value out = g.add(g.mul(sample, g.scalar(2)), g.reshape(perRow, -1, 1, 1, 1));
        if (xl) {
            Value textEmbeds = g.input("text_embeds", ElementType.FLOAT, batch, pooledDim);
            Value timeIds = g.input("time_ids", ElementType.FLOAT, batch, 6);
            Value pooledTerm = g.reshape(g.gather(textEmbeds, g.intScalar(0), 1), -1, 1, 1, 1);
            Value sizeTerm = g.reshape(g.matMul(timeIds, g.constant(TIME_IDS_MIX, 6, 4)), -1, 4, 1, 1);
            out = g.add(g.add(out, pooledTerm), sizeTerm);
        }
        g.output("out_sample", out, ElementType.FLOAT, batch, 4, "height", "width");
        return g.build();
    }
}
