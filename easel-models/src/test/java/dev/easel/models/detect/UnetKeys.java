package dev.easel.models.detect;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tensor names and shapes of an LDM checkpoint that detection reads, laid out as the
 * networks are built: per level, res blocks (with transformers where the level has them) and a
 * downsample between levels; the middle block; per level in reverse, one more res block each on
 * the way up. Widths are the real ones; values are never needed except SD2's probe.
 */
public final class UnetKeys {
    public static final String P = "model.diffusion_model.";
    private final Map<String, long[]> shapes = new LinkedHashMap<>();

    /** {@code depths[level]} transformer blocks after each res block of that level (0: none). */
    public static UnetKeys unet(int modelChannels, int inChannels, int[] mult, int[] depths, int context, boolean linear,
                         int middleDepth) {
        UnetKeys k = new UnetKeys();
        k.put(P + "input_blocks.0.0.weight", modelChannels, inChannels, 3, 3);
        int index = 1;
        for (int level = 0; level < mult.length; level++) {
            int c = mult[level] * modelChannels;
            for (int r = 0; r < 2; r++, index++) {
                String block = P + "input_blocks." + index + ".";
                k.put(block + "0.in_layers.0.weight", c);
                k.put(block + "0.out_layers.3.weight", c, c, 3, 3);
                k.transformer(block + "1.", c, depths[level], context, linear);
            }
            if (level < mult.length - 1) k.put(P + "input_blocks." + index++ + ".0.op.weight", c, c, 3, 3);
        }
        int deepest = mult[mult.length - 1] * modelChannels;
        k.put(P + "middle_block.0.in_layers.0.weight", deepest);
        k.transformer(P + "middle_block.1.", deepest, middleDepth, context, linear);
        int out = 0;
        for (int level = mult.length - 1; level >= 0; level--) {
            int c = mult[level] * modelChannels;
            for (int r = 0; r < 3; r++, out++) {
                String block = P + "output_blocks." + out + ".";
                k.put(block + "0.in_layers.0.weight", c);
                k.transformer(block + "1.", c, depths[level], context, linear);
            }
        }
        k.put(P + "out.2.weight", 4, modelChannels, 3, 3);
        return k;
    }

    private void transformer(String prefix, int channels, int depth, int context, boolean linear) {
        if (depth == 0) return;
        put(prefix + "proj_in.weight", linear ? new long[]{channels, channels} : new long[]{channels, channels, 1, 1});
        for (int n = 0; n < depth; n++) {
            put(prefix + "transformer_blocks." + n + ".attn2.to_k.weight", channels, context);
            put(prefix + "transformer_blocks." + n + ".norm1.bias", channels);
        }
    }

    public UnetKeys adm(int channels) {
        return put(P + "label_emb.0.0.weight", 1280, channels);
    }

    public UnetKeys put(String name, long... shape) {
        shapes.put(name, shape);
        return this;
    }

    public Map<String, long[]> shapes() {
        return shapes;
    }

    public static UnetKeys sd15() {
        return unet(320, 4, new int[]{1, 2, 4, 4}, new int[]{1, 1, 1, 0}, 768, false, 1)
                .put("cond_stage_model.transformer.text_model.embeddings.token_embedding.weight", 49408, 768)
                .put("first_stage_model.decoder.conv_in.weight", 512, 4, 3, 3);
    }

    public static UnetKeys sd20() {
        return unet(320, 4, new int[]{1, 2, 4, 4}, new int[]{1, 1, 1, 0}, 1024, true, 1)
                .put("cond_stage_model.model.token_embedding.weight", 49408, 1024)
                .put("first_stage_model.decoder.conv_in.weight", 512, 4, 3, 3);
    }

    public static UnetKeys sdxl() {
        return unet(320, 4, new int[]{1, 2, 4}, new int[]{0, 2, 10}, 2048, true, 10).adm(2816)
                .put("conditioner.embedders.0.transformer.text_model.embeddings.token_embedding.weight", 49408, 768)
                .put("conditioner.embedders.1.model.token_embedding.weight", 49408, 1280)
                .put("first_stage_model.decoder.conv_in.weight", 512, 4, 3, 3);
    }

    public static UnetKeys refiner() {
        return unet(384, 4, new int[]{1, 2, 4, 4}, new int[]{0, 4, 4, 0}, 1280, true, 4).adm(2560)
                .put("conditioner.embedders.0.model.token_embedding.weight", 49408, 1280)
                .put("first_stage_model.decoder.conv_in.weight", 512, 4, 3, 3);
    }
}
