package dev.easel.models.single;

import dev.easel.models.onnx.ElementType;
import dev.easel.models.onnx.graph.OnnxGraph;
import dev.easel.models.onnx.graph.Value;

/**
 * The KL VAE's decoder and encoder as ONNX graphs, in the I/O contract of {@code OnnxVae}:
 * {@code latent_sample [B, z, h, w]} → {@code sample [B, 3, H, W]} in about −1..1, and
 * {@code sample} → {@code latent_sample} (the mean of the latent distribution, as ComfyUI returns
 * it). Weights are read under {@code first_stage_model.}; every norm is GroupNorm(32, ε 1e-6).
 */
final class VaeGraph {
    static final String PREFIX = "first_stage_model.";
    private static final float EPS = 1e-6f;

    private final VaeConfig c;
    private final Layers nn;
    private final OnnxGraph g;
    private final AttentionChunking chunking;

    VaeGraph(VaeConfig config, GraphWeights weights, AttentionChunking chunking) {
        this.c = config;
        this.nn = new Layers(weights);
        this.g = nn.g;
        this.chunking = chunking;
    }

    /** post_quant_conv → conv_in → mid (res, attention, res) → up.L−1 … up.0 (res blocks, nearest 2× + conv) → norm, SiLU, conv_out. */
    byte[] decoder() {
        int z = c.latentChannels(), levels = c.channelMult().size();
        Value x = g.input("latent_sample", ElementType.FLOAT, "batch", z, "height", "width");
        int ch = c.channels() * c.channelMult().get(levels - 1);
        Value h = nn.conv(nn.conv(x, "post_quant_conv", z, z, 1), "decoder.conv_in", z, ch, 3);
        h = middle(h, "decoder.mid", ch);
        for (int level = levels - 1; level >= 0; level--) {
            int out = c.channels() * c.channelMult().get(level);
            for (int b = 0; b <= c.numResBlocks(); b++) {
                h = resnetBlock(h, "decoder.up." + level + ".block." + b, ch, out);
                ch = out;
            }
            if (level != 0) h = nn.conv(g.resizeNearest(h, 2, 2), "decoder.up." + level + ".upsample.conv", ch, ch, 3);
        }
        h = nn.conv(nn.silu(nn.groupNorm(h, "decoder.norm_out", ch, EPS)), "decoder.conv_out", ch, 3, 3);
        g.output("sample", h, ElementType.FLOAT, "batch", 3, "image_height", "image_width");
        return g.build();
    }

    /** conv_in → down.0 … down.L−1 (res blocks, zero pad right/bottom + stride-2 conv) → mid → norm, SiLU, conv_out → quant_conv → mean. */
    byte[] encoder() {
        int z = c.latentChannels(), levels = c.channelMult().size();
        Value x = g.input("sample", ElementType.FLOAT, "batch", 3, "image_height", "image_width");
        int ch = c.channels();
        Value h = nn.conv(x, "encoder.conv_in", 3, ch, 3);
        for (int level = 0; level < levels; level++) {
            int out = c.channels() * c.channelMult().get(level);
            for (int b = 0; b < c.numResBlocks(); b++) {
                h = resnetBlock(h, "encoder.down." + level + ".block." + b, ch, out);
                ch = out;
            }
            if (level != levels - 1) h = nn.conv(h, "encoder.down." + level + ".downsample.conv", ch, ch, 3, 2, new long[]{0, 0, 1, 1});
        }
        h = middle(h, "encoder.mid", ch);
        h = nn.conv(nn.silu(nn.groupNorm(h, "encoder.norm_out", ch, EPS)), "encoder.conv_out", ch, 2 * z, 3);
        Value moments = nn.conv(h, "quant_conv", 2 * z, 2 * z, 1);
        Value mean = g.slice(moments, new long[]{0}, new long[]{z}, new long[]{1});
        g.output("latent_sample", mean, ElementType.FLOAT, "batch", z, "height", "width");
        return g.build();
    }

    private Value middle(Value h, String p, int ch) {
        h = resnetBlock(h, p + ".block_1", ch, ch);
        h = attnBlock(h, p + ".attn_1", ch);
        return resnetBlock(h, p + ".block_2", ch, ch);
    }

    /** GN → SiLU → conv, GN → SiLU → conv, plus the input (through a 1×1 {@code nin_shortcut} when the width changes). */
    private Value resnetBlock(Value x, String p, int in, int out) {
        Value h = nn.conv(nn.silu(nn.groupNorm(x, p + ".norm1", in, EPS)), p + ".conv1", in, out, 3);
        h = nn.conv(nn.silu(nn.groupNorm(h, p + ".norm2", out, EPS)), p + ".conv2", out, out, 3);
        Value skip = in == out ? x : nn.conv(x, p + ".nin_shortcut", in, out, 1);
        return g.add(skip, h);
    }

    /** Single-head attention over the pixels, q, k, v and the output projection being 1×1 convs. */
    private Value attnBlock(Value x, String p, int ch) {
        Value n = nn.groupNorm(x, p + ".norm", ch, EPS);
        Value q = nn.conv(n, p + ".q", ch, ch, 1), k = nn.conv(n, p + ".k", ch, ch, 1), v = nn.conv(n, p + ".v", ch, ch, 1);
        Value qh = g.unsqueeze(g.transpose(g.reshape(q, 0, ch, -1), 0, 2, 1), 1);   // [B, 1, HW, C]
        Value kT = g.unsqueeze(g.reshape(k, 0, ch, -1), 1);                          // [B, 1, C, HW]
        Value vh = g.unsqueeze(g.transpose(g.reshape(v, 0, ch, -1), 0, 2, 1), 1);   // [B, 1, HW, C]
        Value o = Attention.attend(g, qh, kT, vh, (float) (1 / Math.sqrt(ch)), chunking, null);
        Value spatial = g.reshape(g.transpose(g.squeeze(o, 1), 0, 2, 1), g.shape(x));
        return g.add(x, nn.conv(spatial, p + ".proj_out", ch, ch, 1));
    }
}
