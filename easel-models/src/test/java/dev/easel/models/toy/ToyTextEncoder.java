package dev.easel.models.toy;

import dev.easel.models.onnx.ElementType;
import dev.easel.models.onnx.graph.OnnxGraph;
import dev.easel.models.onnx.graph.Value;

/**
 * A text encoder with the diffusers I/O contract whose outputs are simple functions of the ids,
 * so tests can compute them by hand (all values are small integers or halves, exact in float32):
 * <ul>
 * <li>{@code hidden_states.k[b, t, j] = id[b, t]·(k + 1) + j} for k = 0..layers;</li>
 * <li>{@code last_hidden_state = hidden_states.layers + 0.5} (the "final layer norm");</li>
 * <li>the pooled output ({@code pooler_output}, or {@code text_embeds} when projected) is
 *     {@code last_hidden_state[b, 1, :]}, the first token after the start token.</li>
 * </ul>
 * No embedding table is stored, so a 768- or 1024-wide encoder is a few kilobytes.
 * <p>
 * {@link #withFinalNorm} makes it more like CLIP, for the tests of hidden layers with the final
 * norm: {@code hidden_states.k = id·(k + 1) + j + (k + 1)·sin(id)·j²} and
 * {@code last_hidden_state = LayerNorm(hidden_states.layers)·γ + β} with
 * {@code γⱼ = 0.5·(j + 1)}, {@code βⱼ = 0.25·j}, ε = 1e-5.
 */
public record ToyTextEncoder(ElementType idType, int hiddenSize, int layers, boolean hiddenStates, boolean projected,
                             boolean finalNorm) {

    public static ToyTextEncoder of(ElementType idType, int hiddenSize) {
        return new ToyTextEncoder(idType, hiddenSize, 2, true, false, false);
    }

    public ToyTextEncoder withoutHiddenStates() {
        return new ToyTextEncoder(idType, hiddenSize, layers, false, projected, finalNorm);
    }

    public ToyTextEncoder withProjection() {
        return new ToyTextEncoder(idType, hiddenSize, layers, hiddenStates, true, finalNorm);
    }

    public ToyTextEncoder withFinalNorm() {
        return new ToyTextEncoder(idType, hiddenSize, layers, hiddenStates, projected, true);
    }

    public static float gamma(int j) {
        return 0.5f * (j + 1);
    }

    public static float beta(int j) {
        return 0.25f * j;
    }

    /** The value of {@code hidden_states.k} for token id {@code id} at feature {@code j}. */
    public static float hidden(int k, long id, int j) {
        return id * (k + 1) + j;
    }

    /** The value of {@code last_hidden_state} for token id {@code id} at feature {@code j}. */
    public float last(long id, int j) {
        return hidden(layers, id, j) + 0.5f;
    }

    public byte[] build() {
        OnnxGraph g = OnnxGraph.named("toy_text_encoder");
        Value ids = g.input("input_ids", idType, "batch", "sequence");
        Value idsF = g.unsqueeze(g.cast(ids, ElementType.FLOAT), 2);
        float[] ramp = new float[hiddenSize];
        for (int j = 0; j < hiddenSize; j++) ramp[j] = j;
        Value features = g.constant(ramp, hiddenSize);
        float[] squares = new float[hiddenSize];
        for (int j = 0; j < hiddenSize; j++) squares[j] = (float) j * j;
        Value sinId = g.sin(idsF);
        Value lastHidden = null;
        for (int k = 0; k <= layers; k++) {
            Value h = g.add(g.mul(idsF, g.scalar(k + 1)), features);
            if (finalNorm) h = g.add(h, g.mul(g.mul(sinId, g.scalar(k + 1)), g.constant(squares, hiddenSize)));
            if (hiddenStates) g.output("hidden_states." + k, h, ElementType.FLOAT, "batch", "sequence", hiddenSize);
            lastHidden = h;
        }
        Value last = finalNorm ? finalNorm(g, lastHidden) : g.add(lastHidden, g.scalar(0.5f));
        g.output("last_hidden_state", last, ElementType.FLOAT, "batch", "sequence", hiddenSize);
        g.output(projected ? "text_embeds" : "pooler_output", g.gather(last, g.intScalar(1), 1),
                ElementType.FLOAT, "batch", hiddenSize);
        return g.build();
    }

    private Value finalNorm(OnnxGraph g, Value h) {
        float[] gamma = new float[hiddenSize], beta = new float[hiddenSize];
        for (int j = 0; j < hiddenSize; j++) {
            gamma[j] = gamma(j);
            beta[j] = beta(j);
        }
        return g.layerNorm(h, g.constant(gamma, hiddenSize), g.constant(beta, hiddenSize), -1, 1e-5f);
    }
}
