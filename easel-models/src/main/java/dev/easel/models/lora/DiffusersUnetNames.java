package dev.easel.models.lora;

import dev.easel.models.detect.UnetLayout;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The diffusers name of an LDM UNet weight ({@code input_blocks.4.1.proj_in} →
 * {@code down_blocks.1.attentions.0.proj_in}), derived from the UNet's layout the way the two
 * layouts correspond: per level, res blocks and attentions, then a downsampler; the middle block;
 * per level on the way up, one more res block, then an upsampler. Res-block layers are renamed
 * (in_layers.0 → norm1, in_layers.2 → conv1, emb_layers.1 → time_emb_proj, out_layers.0 → norm2,
 * out_layers.3 → conv2, skip_connection → conv_shortcut); attention layers keep their names.
 */
final class DiffusersUnetNames {
    private static final Map<String, String> RES_LAYERS = Map.of("in_layers.0", "norm1", "in_layers.2", "conv1",
            "emb_layers.1", "time_emb_proj", "out_layers.0", "norm2", "out_layers.3", "conv2", "skip_connection", "conv_shortcut");

    private record Block(String diffusers, boolean resnet) {}

    /** LDM block prefix (without the UNet prefix) → its diffusers block. */
    private final Map<String, Block> blocks = new LinkedHashMap<>();

    DiffusersUnetNames(UnetLayout layout) {
        blocks.put("input_blocks.0.0", new Block("conv_in", false));
        blocks.put("time_embed.0", new Block("time_embedding.linear_1", false));
        blocks.put("time_embed.2", new Block("time_embedding.linear_2", false));
        blocks.put("label_emb.0.0", new Block("add_embedding.linear_1", false));
        blocks.put("label_emb.0.2", new Block("add_embedding.linear_2", false));
        blocks.put("out.0", new Block("conv_norm_out", false));
        blocks.put("out.2", new Block("conv_out", false));
        int levels = layout.channelMult().size();
        int input = 1;
        for (int level = 0; level < levels; level++) {
            int res = layout.numResBlocks().get(level);
            for (int j = 0; j < res; j++, input++) {
                blocks.put("input_blocks." + input + ".0", new Block("down_blocks." + level + ".resnets." + j, true));
                blocks.put("input_blocks." + input + ".1", new Block("down_blocks." + level + ".attentions." + j, false));
            }
            if (level < levels - 1) {
                blocks.put("input_blocks." + input + ".0.op", new Block("down_blocks." + level + ".downsamplers.0.conv", false));
                input++;
            }
        }
        blocks.put("middle_block.0", new Block("mid_block.resnets.0", true));
        blocks.put("middle_block.1", new Block("mid_block.attentions.0", false));
        blocks.put("middle_block.2", new Block("mid_block.resnets.1", true));
        int output = 0;
        for (int up = 0; up < levels; up++) {
            int res = layout.numResBlocks().get(levels - 1 - up) + 1;
            for (int j = 0; j < res; j++, output++) {
                blocks.put("output_blocks." + output + ".0", new Block("up_blocks." + up + ".resnets." + j, true));
                blocks.put("output_blocks." + output + ".1", new Block("up_blocks." + up + ".attentions." + j, false));
                if (j == res - 1 && up < levels - 1) {
                    // the upsampler follows the attention when the block has one
                    boolean attention = layout.transformerDepthOutput().size() > output && layout.transformerDepthOutput().get(output) > 0;
                    blocks.put("output_blocks." + output + "." + (attention ? 2 : 1) + ".conv",
                            new Block("up_blocks." + up + ".upsamplers.0.conv", false));
                }
            }
        }
    }

    /** The diffusers name of an LDM weight name (UNet prefix and ".weight" removed), if the layouts correspond there. */
    Optional<String> of(String ldm) {
        for (int end = ldm.length(); end > 0; end = ldm.lastIndexOf('.', end - 1)) {
            Block block = blocks.get(ldm.substring(0, end));
            if (block == null) continue;
            String rest = end == ldm.length() ? "" : ldm.substring(end + 1);
            if (block.resnet() && !rest.isEmpty()) {
                String renamed = null;
                for (Map.Entry<String, String> layer : RES_LAYERS.entrySet()) {
                    if (rest.equals(layer.getKey()) || rest.startsWith(layer.getKey() + ".")) {
                        renamed = layer.getValue() + rest.substring(layer.getKey().length());
                    }
                }
                if (renamed == null) return Optional.empty();
                rest = renamed;
            }
            return Optional.of(rest.isEmpty() ? block.diffusers() : block.diffusers() + "." + rest);
        }
        return Optional.empty();
    }
}
