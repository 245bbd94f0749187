package dev.easel.models.single;

import dev.easel.models.onnx.ElementType;
import dev.easel.models.onnx.graph.OnnxGraph;
import dev.easel.models.onnx.graph.Value;
import dev.easel.models.single.TextEncoderConfig.Layout;

import java.util.ArrayList;
import java.util.List;

/**
 * A CLIP text transformer as an ONNX graph in the I/O contract of an exported text encoder:
 * {@code input_ids [B, 77]} (int64) → {@code hidden_states.0} (the embeddings) …
 * {@code hidden_states.L} (each layer's output), {@code last_hidden_state} (the last after the final
 * LayerNorm), {@code normed_hidden_states.i} (layer i after the final LayerNorm, for clip skip), and
 * the pooled output at the first end token: {@code text_embeds} when projected, else
 * {@code pooler_output}. Pre-LN layers, causal mask, all 77 positions added in order.
 */
final class ClipGraph {
    static final String NORMED_PREFIX = "normed_hidden_states.";
    private static final float EPS = 1e-5f;

    private final TextEncoderConfig c;
    private final Layers nn;
    private final OnnxGraph g;
    private final Names names;

    ClipGraph(TextEncoderConfig config, GraphWeights weights) {
        this(config, weights, "");
    }

    /**
     * {@code within} is where the transformer's names start inside the weights: {@code text_model.}
     * in a Hugging Face file of its own, whose text projection sits beside it at the top.
     */
    ClipGraph(TextEncoderConfig config, GraphWeights weights, String within) {
        this.c = config;
        this.nn = new Layers(weights);
        this.g = nn.g;
        this.names = (config.layout() == Layout.HUGGING_FACE ? Names.HUGGING_FACE : Names.OPEN_CLIP).under(within);
    }

    /** Where each layout keeps what; {@code %d} is the layer. */
    private record Names(String tokens, String positions, String layer, String norm1, String norm2, String outProj,
                         String fc1, String fc2, String finalNorm) {
        static final Names HUGGING_FACE = new Names("embeddings.token_embedding.weight", "embeddings.position_embedding.weight",
                "encoder.layers.%d.", "layer_norm1", "layer_norm2", "self_attn.out_proj", "mlp.fc1", "mlp.fc2", "final_layer_norm");
        static final Names OPEN_CLIP = new Names("token_embedding.weight", "positional_embedding",
                "transformer.resblocks.%d.", "ln_1", "ln_2", "attn.out_proj", "mlp.c_fc", "mlp.c_proj", "ln_final");

        Names under(String within) {
            return new Names(within + tokens, within + positions, within + layer, norm1, norm2, outProj, fc1, fc2, within + finalNorm);
        }
    }

    byte[] build() {
        int w = c.width(), t = c.positions();
        Value ids = g.input("input_ids", ElementType.INT64, "batch", t);
        Value embedded = g.add(g.gather(nn.weight(names.tokens, c.vocabulary(), w), ids, 0), nn.weight(names.positions, t, w));
        Value rows = g.reshape(embedded, -1, w);
        Value mask = g.constant(causalMask(t), t, t);
        List<Value> states = new ArrayList<>(List.of(rows));
        for (int i = 0; i < c.layers(); i++) {
            rows = layer(rows, names.layer.formatted(i), mask);
            states.add(rows);
        }
        Value last = null;
        for (int i = 0; i < states.size(); i++) {
            output("hidden_states." + i, states.get(i));
            last = nn.layerNorm(states.get(i), names.finalNorm, w, EPS);
            output(NORMED_PREFIX + i, last);
        }
        Value lastHidden = g.reshape(last, -1, t, w);
        g.output("last_hidden_state", lastHidden, ElementType.FLOAT, "batch", t, w);
        Value eos = g.argMax(g.cast(g.equal(ids, g.ints(c.tokens().endToken())), ElementType.INT32), 1, true);
        Value pooled = g.gatherNd(lastHidden, eos, 1);
        if (c.projection()) {
            // OpenCLIP computes x·P; Hugging Face's names store the same projection as a Linear [out, in]
            Value projected = c.layout() == Layout.HUGGING_FACE ? nn.linear(pooled, "text_projection", w, w, false)
                    : g.matMul(pooled, nn.weight("text_projection", w, w));
            g.output("text_embeds", projected, ElementType.FLOAT, "batch", w);
        } else {
            g.output("pooler_output", pooled, ElementType.FLOAT, "batch", w);
        }
        return g.build();
    }

    private void output(String name, Value rows) {
        g.output(name, g.reshape(rows, -1, c.positions(), c.width()), ElementType.FLOAT, "batch", c.positions(), c.width());
    }

    /** Pre-LN: {@code x += out_proj(attention(LN1(x)))}, then {@code x += fc2(act(fc1(LN2(x))))}. */
    private Value layer(Value rows, String p, Value mask) {
        int w = c.width(), heads = c.heads(), d = w / heads, t = c.positions();
        Value n = nn.layerNorm(rows, p + names.norm1, w, EPS);
        List<Value> qkv = projections(n, p);
        Value qh = g.transpose(g.reshape(qkv.get(0), -1, t, heads, d), 0, 2, 1, 3);
        Value kT = g.transpose(g.reshape(qkv.get(1), -1, t, heads, d), 0, 2, 3, 1);
        Value vh = g.transpose(g.reshape(qkv.get(2), -1, t, heads, d), 0, 2, 1, 3);
        Value o = Attention.attend(g, qh, kT, vh, (float) (1 / Math.sqrt(d)), AttentionChunking.none(), mask);
        o = g.reshape(g.transpose(o, 0, 2, 1, 3), -1, w);
        rows = g.add(rows, nn.linear(o, p + names.outProj, w, w));
        n = nn.layerNorm(rows, p + names.norm2, w, EPS);
        Value hidden = nn.linear(n, p + names.fc1, w, c.mlpWidth());
        hidden = c.activation() == TextEncoderConfig.Activation.QUICK_GELU ? nn.quickGelu(hidden) : g.gelu(hidden, false);
        return g.add(rows, nn.linear(hidden, p + names.fc2, c.mlpWidth(), w));
    }

    /** q, k, v: three Linear layers (Hugging Face) or one fused {@code in_proj} split in thirds, q first (OpenCLIP). */
    private List<Value> projections(Value n, String p) {
        int w = c.width();
        if (c.layout() == Layout.HUGGING_FACE) {
            return List.of(nn.linear(n, p + "self_attn.q_proj", w, w), nn.linear(n, p + "self_attn.k_proj", w, w),
                    nn.linear(n, p + "self_attn.v_proj", w, w));
        }
        Value fused = g.gemm(n, nn.weight(p + "attn.in_proj_weight", 3L * w, w), nn.weight(p + "attn.in_proj_bias", 3L * w), true);
        return g.split(fused, 1, 3);
    }

    /** −float max above the diagonal: no token sees a later one. */
    private static float[] causalMask(int t) {
        float[] mask = new float[t * t];
        for (int i = 0; i < t; i++) for (int j = i + 1; j < t; j++) mask[i * t + j] = -Float.MAX_VALUE;
        return mask;
    }
}
