package dev.easel.models.single;

import dev.easel.models.onnx.ElementType;
import dev.easel.models.onnx.graph.OnnxGraph;
import dev.easel.models.onnx.graph.Value;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The LDM UNet as an ONNX graph, in the diffusers I/O contract that {@code OnnxUnet} drives:
 * {@code sample [N, C, h, w]}, {@code timestep [N]} (float), {@code encoder_hidden_states [N, T, d]},
 * with {@code label_emb} also {@code text_embeds [N, pooled]} and {@code time_ids [N, 6]} →
 * {@code out_sample}. Weights are read under {@code model.diffusion_model.}; the methods follow
 * the modules of the network: ResBlock, SpatialTransformer, BasicTransformerBlock,
 * CrossAttention, FeedForward (GEGLU), Downsample, Upsample.
 */
final class UnetGraph {
    static final String PREFIX = "model.diffusion_model.";
    private static final float RES_EPS = 1e-5f, TRANSFORMER_NORM_EPS = 1e-6f, LAYER_NORM_EPS = 1e-5f;
    /**
     * Self-attention is chunked at the first two levels only (latent size and half of it): from a
     * quarter on it sees 1/16 of the tokens and 1/256 of the scores, which never needs slicing, and
     * every slice costs graph nodes that ONNX Runtime optimises at load.
     */
    private static final int CHUNKED_LEVELS = 2;

    private final UnetConfig c;
    private final Layers nn;
    private final OnnxGraph g;
    private final AttentionChunking chunking;
    private Value batch;
    private Value contextRows;
    private Value embAct;
    private int level;

    private record Skip(Value value, int channels) {
    }

    UnetGraph(UnetConfig config, GraphWeights weights, AttentionChunking chunking) {
        this.c = config;
        this.nn = new Layers(weights);
        this.g = nn.g;
        this.chunking = chunking;
    }

    byte[] build() {
        Value x = g.input("sample", ElementType.FLOAT, "batch", c.inChannels(), "height", "width");
        Value t = g.input("timestep", ElementType.FLOAT, "batch");
        Value context = g.input("encoder_hidden_states", ElementType.FLOAT, "batch", "sequence", c.contextDim());
        batch = g.slice(g.shape(x), new long[]{0}, new long[]{1}, new long[]{0});
        contextRows = g.reshape(context, -1, c.contextDim());

        int mc = c.modelChannels(), te = c.timeEmbedChannels();
        Value emb = nn.linear(nn.silu(nn.linear(Sinusoids.embed(g, t, mc), "time_embed.0", mc, te)), "time_embed.2", te, te);
        if (c.admInChannels() > 0) emb = g.add(emb, labelEmbedding());
        embAct = nn.silu(emb);

        Deque<Skip> hs = new ArrayDeque<>();
        Value h = nn.conv(x, "input_blocks.0.0", c.inChannels(), mc, 3);
        hs.push(new Skip(h, mc));
        int ch = mc, block = 1, levels = c.channelMult().size();
        for (level = 0; level < levels; level++) {
            for (int r = 0; r < c.numResBlocks(); r++) {
                int out = c.channelMult().get(level) * mc;
                String p = "input_blocks." + block + ".";
                h = resBlock(h, p + "0", ch, out);
                ch = out;
                int depth = c.transformerDepth().get(level * c.numResBlocks() + r);
                if (depth > 0) h = spatialTransformer(h, p + "1", ch, depth);
                hs.push(new Skip(h, ch));
                block++;
            }
            if (level != levels - 1) {
                h = downsample(h, "input_blocks." + block + ".0.op", ch);
                hs.push(new Skip(h, ch));
                block++;
            }
        }

        level = levels - 1;
        if (c.transformerDepthMiddle() >= -1) {
            h = resBlock(h, "middle_block.0", ch, ch);
            if (c.transformerDepthMiddle() >= 0) {
                h = spatialTransformer(h, "middle_block.1", ch, c.transformerDepthMiddle());
                h = resBlock(h, "middle_block.2", ch, ch);
            }
        }

        int outBlock = 0, outputs = c.transformerDepthOutput().size();
        for (level = levels - 1; level >= 0; level--) {
            for (int i = 0; i <= c.numResBlocks(); i++) {
                Skip skip = hs.pop();
                String p = "output_blocks." + outBlock + ".";
                int out = c.channelMult().get(level) * mc;
                h = resBlock(g.concat(1, h, skip.value()), p + "0", ch + skip.channels(), out);
                ch = out;
                int sub = 1;
                int depth = c.transformerDepthOutput().get(outputs - 1 - outBlock);
                if (depth > 0) h = spatialTransformer(h, p + (sub++), ch, depth);
                if (level > 0 && i == c.numResBlocks()) h = upsample(h, p + sub + ".conv", ch, hs.peek().value());
                outBlock++;
            }
        }

        h = nn.conv(nn.silu(nn.groupNorm(h, "out.0", ch, RES_EPS)), "out.2", mc, c.outChannels(), 3);
        g.output("out_sample", h, ElementType.FLOAT, "batch", c.outChannels(), "height", "width");
        return g.build();
    }

    /** SDXL's ADM: {@code concat(text_embeds, E(time_ids[0]), …, E(time_ids[5]))} → Linear → SiLU → Linear. */
    private Value labelEmbedding() {
        int pooled = c.pooledChannels(), te = c.timeEmbedChannels();
        Value textEmbeds = g.input("text_embeds", ElementType.FLOAT, "batch", pooled);
        Value timeIds = g.input("time_ids", ElementType.FLOAT, "batch", UnetConfig.SIZE_EMBEDDINGS);
        Value sizes = Sinusoids.embed(g, g.reshape(timeIds, -1), UnetConfig.SIZE_EMBEDDING_WIDTH);
        Value y = g.concat(1, textEmbeds, g.reshape(sizes, -1, UnetConfig.SIZE_EMBEDDINGS * UnetConfig.SIZE_EMBEDDING_WIDTH));
        return nn.linear(nn.silu(nn.linear(y, "label_emb.0.0", c.admInChannels(), te)), "label_emb.0.2", te, te);
    }

    /** GN → SiLU → conv, plus the projected time embedding, GN → SiLU → conv, plus the (projected) input. */
    private Value resBlock(Value x, String p, int in, int out) {
        Value h = nn.conv(nn.silu(nn.groupNorm(x, p + ".in_layers.0", in, RES_EPS)), p + ".in_layers.2", in, out, 3);
        Value e = nn.linear(embAct, p + ".emb_layers.1", c.timeEmbedChannels(), out);
        h = g.add(h, g.unsqueeze(e, 2, 3));
        h = nn.conv(nn.silu(nn.groupNorm(h, p + ".out_layers.0", out, RES_EPS)), p + ".out_layers.3", out, out, 3);
        Value skip = in == out ? x : nn.conv(x, p + ".skip_connection", in, out, 1);
        return g.add(skip, h);
    }

    private Value downsample(Value x, String p, int ch) {
        return nn.conv(x, p, ch, ch, 3, 2, 1);
    }

    /** Nearest resize to the size of the skip tensor the next block concatenates (2× unless a size was odd), then conv. */
    private Value upsample(Value x, String p, int ch, Value nextSkip) {
        Value sizes = g.concat(0, g.slice(g.shape(x), new long[]{0}, new long[]{2}, new long[]{0}),
                g.slice(g.shape(nextSkip), new long[]{2}, new long[]{4}, new long[]{0}));
        return nn.conv(g.resizeNearestTo(x, sizes), p, ch, ch, 3);
    }

    private Value spatialTransformer(Value x, String p, int ch, int depth) {
        int heads = c.heads().count(ch), dim = ch / heads, inner = heads * dim;
        if (inner != ch) throw new IllegalArgumentException(p + ": " + heads + " heads do not divide " + ch + " channels");
        Value h = nn.groupNorm(x, p + ".norm", ch, TRANSFORMER_NORM_EPS);
        Value rows;
        if (c.linearProjection()) {
            rows = nn.linear(nn.toRows(h, ch), p + ".proj_in", ch, inner);
        } else {
            rows = nn.toRows(nn.conv(h, p + ".proj_in", ch, inner, 1), inner);
        }
        for (int j = 0; j < depth; j++) rows = transformerBlock(rows, p + ".transformer_blocks." + j + ".", inner, heads, dim);
        Value out = c.linearProjection()
                ? nn.fromRows(nn.linear(rows, p + ".proj_out", inner, ch), x, ch)
                : nn.conv(nn.fromRows(rows, x, inner), p + ".proj_out", inner, ch, 1);
        return g.add(out, x);
    }

    private Value transformerBlock(Value rows, String p, int inner, int heads, int dim) {
        Value n = nn.layerNorm(rows, p + "norm1", inner, LAYER_NORM_EPS);
        AttentionChunking self = level < CHUNKED_LEVELS ? chunking : AttentionChunking.none();
        rows = g.add(crossAttention(n, n, p + "attn1", inner, inner, heads, dim, self), rows);
        n = nn.layerNorm(rows, p + "norm2", inner, LAYER_NORM_EPS);
        rows = g.add(crossAttention(n, contextRows, p + "attn2", inner, c.contextDim(), heads, dim, AttentionChunking.none()), rows);
        n = nn.layerNorm(rows, p + "norm3", inner, LAYER_NORM_EPS);
        return g.add(feedForward(n, p + "ff", inner), rows);
    }

    /** Queries from {@code rows}, keys and values from {@code source} (the same rows for self-attention, else the context). */
    private Value crossAttention(Value rows, Value source, String p, int inner, int sourceDim, int heads, int dim,
                                 AttentionChunking chunks) {
        Value q = nn.linear(rows, p + ".to_q", inner, inner, false);
        Value k = nn.linear(source, p + ".to_k", sourceDim, inner, false);
        Value v = nn.linear(source, p + ".to_v", sourceDim, inner, false);
        Value headShape = g.concat(0, batch, g.ints(-1, heads, dim));
        Value qh = g.transpose(g.reshape(q, headShape), 0, 2, 1, 3);
        Value kT = g.transpose(g.reshape(k, headShape), 0, 2, 3, 1);
        Value vh = g.transpose(g.reshape(v, headShape), 0, 2, 1, 3);
        Value o = Attention.attend(g, qh, kT, vh, (float) (1 / Math.sqrt(dim)), chunks, null);
        o = g.reshape(g.transpose(o, 0, 2, 1, 3), -1, inner);
        return nn.linear(o, p + ".to_out.0", inner, inner);
    }

    /** GEGLU: the projection's first half times GELU of its second half, then back to {@code inner}. */
    private Value feedForward(Value rows, String p, int inner) {
        int hidden = 4 * inner;
        var halves = g.split(nn.linear(rows, p + ".net.0.proj", inner, 2 * hidden), 1, 2);
        Value gated = g.mul(halves.get(0), g.gelu(halves.get(1), false));
        return nn.linear(gated, p + ".net.2", hidden, inner);
    }
}
