package dev.easel.models.demo;

import dev.easel.models.text.ClipBpeTokenizer;
import dev.easel.models.text.TokenizerSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static ai.onnx.proto.OnnxMl.TensorProto.DataType.FLOAT;
import static ai.onnx.proto.OnnxMl.TensorProto.DataType.INT32;
import static dev.easel.models.demo.GraphWriter.intAttr;

/**
 * The demo's text encoder: one embedding row per token id, no attention. A keyword's row is the
 * unit vector of its {@link Concept}; every other token gets a small fixed pseudo-random row, so
 * any wording nudges the picture a little while the start, end and padding tokens add nothing.
 * {@code pooler_output} is the sum over tokens, the same pooling the UNet applies.
 */
final class DemoTextEncoder {
    /** Spread of the rows of non-keywords: enough to tell prompts apart, too little to move a picture visibly. */
    static final double OTHER_ROW_SCALE = 0.005;

    /** Whole-word tokens beyond the keywords: words prompts often hold, kept cheap to tokenize. */
    private static final List<String> COMMON_WORDS = List.of(
            "a", "an", "the", "of", "in", "on", "with", "and", "at", "by", "for", "to", "under", "over",
            "beautiful", "photo", "painting", "picture", "art", "detailed", "high", "quality", "masterpiece",
            "best", "text", "watermark", "blurry", "ugly", "lowres", "bad", "worst", "cute", "big", "small",
            "little", "old", "style", "light", "bright", "colorful", "white", "black", "yellow");

    private DemoTextEncoder() {
    }

    /** Every word the demo vocabulary holds as a single token. */
    static List<String> vocabularyWords() {
        List<String> words = new ArrayList<>();
        for (Concept concept : Concept.values()) words.addAll(concept.keywords());
        words.addAll(COMMON_WORDS);
        return words;
    }

    /** The {@code [V, D]} embedding table for the vocabulary {@code tokenizer} reads. */
    static float[] embeddings(ClipBpeTokenizer tokenizer) {
        TokenizerSpec spec = tokenizer.spec();
        int rows = Math.max(spec.startToken(), spec.endToken()) + 1, d = Concept.DIMENSIONS;
        float[] table = new float[rows * d];
        for (int id = 0; id < rows; id++) {
            if (id == spec.startToken() || id == spec.endToken() || id == spec.padToken()) continue;
            Random random = new Random(0xC0FFEEL * 31 + id);
            for (int axis = 0; axis < d; axis++) table[id * d + axis] = (float) (OTHER_ROW_SCALE * random.nextGaussian());
        }
        for (Concept concept : Concept.values()) {
            for (String keyword : concept.keywords()) {
                int id = singleToken(tokenizer, keyword);
                for (int axis = 0; axis < d; axis++) table[id * d + axis] = axis == concept.ordinal() ? 1f : 0f;
            }
        }
        return table;
    }

    static byte[] graph(float[] embeddings) {
        int d = Concept.DIMENSIONS;
        GraphWriter g = new GraphWriter("easel_demo_text_encoder")
                .input("input_ids", INT32, "batch", "sequence")
                .output("last_hidden_state", FLOAT, "batch", "sequence", d)
                .output("pooler_output", FLOAT, "batch", d);
        String table = g.floats("token_embedding", embeddings, embeddings.length / d, d);
        String hidden = g.node("Gather", "last_hidden_state", new String[]{table, "input_ids"}, intAttr("axis", 0));
        g.node("ReduceSum", "pooler_output", new String[]{hidden, g.longs("token_axis", 1)}, intAttr("keepdims", 0));
        return g.toBytes();
    }

    private static int singleToken(ClipBpeTokenizer tokenizer, String word) {
        List<Integer> ids = tokenizer.encode(word);
        if (ids.size() != 1) {
            throw new IllegalStateException("demo keyword '" + word + "' is not one token of its vocabulary: " + ids);
        }
        return ids.get(0);
    }
}
