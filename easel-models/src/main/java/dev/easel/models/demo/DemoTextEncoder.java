package dev.easel.models.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.easel.models.onnx.graph.OnnxGraph;
import dev.easel.models.onnx.graph.Value;
import dev.easel.models.text.ClipBpeTokenizer;
import dev.easel.models.text.TokenizerSpec;
import dev.easel.models.text.VocabularyWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.easel.models.onnx.ElementType.FLOAT;
import static dev.easel.models.onnx.ElementType.INT32;
import static dev.easel.models.onnx.ElementType.INT64;

/**
 * The demo's text encoder: one embedding row per token id, no attention. A keyword's row is the
 * unit vector of its {@link Concept}; every other token gets a small fixed pseudo-random row, so
 * any wording nudges the picture a little while the start, end and padding tokens add nothing.
 * {@code pooler_output} is the sum over tokens, the same pooling the UNet applies.
 *
 * <p>The vocabulary is {@link VocabularyWriter}'s, with its start and end tokens renumbered to
 * CLIP-L's 49406 and 49407: they stay the last two ids, and a loader that expects SD1.5's CLIP-L
 * ids reads the folder as it reads a real one. The ids between are unused; the graph maps both
 * special tokens onto one zero row after the regular ones, so the table stays small.
 */
final class DemoTextEncoder {
    /** Spread of the rows of non-keywords: enough to tell prompts apart, too little to move a picture visibly. */
    static final double OTHER_ROW_SCALE = 0.005;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String START = "<|startoftext|>", END = "<|endoftext|>";

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

    /** The written vocabulary's tokenizer; ids 0 to {@code regularTokens − 1} are the ordinary tokens. */
    record Vocabulary(ClipBpeTokenizer tokenizer, int regularTokens) {
    }

    /** Writes {@code dir/vocab.json} and {@code dir/merges.txt}. */
    static Vocabulary writeVocabulary(Path dir) throws IOException {
        int regularTokens = VocabularyWriter.write(dir, vocabularyWords()).startToken();
        Path file = dir.resolve("vocab.json");
        Map<String, Integer> vocab = JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Integer>>() { });
        TokenizerSpec spec = TokenizerSpec.clipL();
        vocab.put(START, spec.startToken());
        vocab.put(END, spec.endToken());
        JSON.writeValue(file.toFile(), vocab);
        return new Vocabulary(ClipBpeTokenizer.load(dir, spec), regularTokens);
    }

    /**
     * The {@code [R + 1, D]} embedding table: rows 0..R−1 for the regular tokens, row R (zero) for
     * the start and end tokens, R being the smallest id not used by a regular token.
     */
    static float[] embeddings(Vocabulary vocabulary) {
        int d = Concept.DIMENSIONS, regularTokens = vocabulary.regularTokens();
        float[] table = new float[(regularTokens + 1) * d];
        for (int id = 0; id < regularTokens; id++) {
            Random random = new Random(0xC0FFEEL * 31 + id);
            for (int axis = 0; axis < d; axis++) table[id * d + axis] = (float) (OTHER_ROW_SCALE * random.nextGaussian());
        }
        for (Concept concept : Concept.values()) {
            for (String keyword : concept.keywords()) {
                int id = singleToken(vocabulary.tokenizer(), keyword);
                for (int axis = 0; axis < d; axis++) table[id * d + axis] = axis == concept.ordinal() ? 1f : 0f;
            }
        }
        return table;
    }

    static byte[] graph(float[] embeddings) {
        int d = Concept.DIMENSIONS, rows = embeddings.length / d;
        OnnxGraph g = OnnxGraph.named("easel_demo_text_encoder");
        Value ids = g.cast(g.input("input_ids", INT32, "batch", "sequence"), INT64);
        Value hidden = g.gather(g.weight("token_embedding", embeddings, rows, d), g.min(ids, g.intScalar(rows - 1)), 0);
        return g.output("last_hidden_state", hidden, FLOAT, "batch", "sequence", d)
                .output("pooler_output", g.reduceSum(hidden, false, 1), FLOAT, "batch", d)
                .build();
    }

    private static int singleToken(ClipBpeTokenizer tokenizer, String word) {
        List<Integer> ids = tokenizer.encode(word);
        if (ids.size() != 1) {
            throw new IllegalStateException("demo keyword '" + word + "' is not one token of its vocabulary: " + ids);
        }
        return ids.get(0);
    }
}
