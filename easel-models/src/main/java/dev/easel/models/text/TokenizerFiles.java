package dev.easel.models.text;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CLIP tokenizer folder in Hugging Face's layout: {@code vocab.json} (symbol → id) and
 * {@code merges.txt} (a {@code #version} line, then one "first second" pair per line, best first).
 * Every problem is an {@link IOException} naming the file, what is wrong, and what belongs there.
 */
final class TokenizerFiles {

    static final String VOCAB = "vocab.json";
    static final String MERGES = "merges.txt";
    /** Hugging Face's CLIPTokenizer reads no more merges than CLIP's 49,152-symbol vocabulary can hold. */
    static final int MAX_MERGES = 49152 - 256 - 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenizerFiles() {
    }

    static BytePairEncoder read(Path dir, TokenizerSpec spec) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("Tokenizer folder " + dir + " does not exist; " + expected());
        }
        Map<String, Integer> vocab = readVocab(dir.resolve(VOCAB), spec);
        Map<String, Integer> ranks = readMerges(dir.resolve(MERGES), vocab);
        return new BytePairEncoder(vocab, ranks, vocab.get(TextCleaner.END));
    }

    private static Map<String, Integer> readVocab(Path file, TokenizerSpec spec) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(readText(file));
        } catch (JacksonException e) {
            throw malformed(file, "is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw malformed(file, "must be a JSON object of symbol → id");
        }
        Map<String, Integer> vocab = new HashMap<>(root.size() * 2);
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            if (!e.getValue().canConvertToInt() || !e.getValue().isIntegralNumber() || e.getValue().intValue() < 0) {
                throw malformed(file, "gives " + quoted(e.getKey()) + " the id " + e.getValue() + ", not a non-negative integer");
            }
            vocab.put(e.getKey(), e.getValue().intValue());
        }
        for (int position = 0; position < 256; position++) {
            String symbol = String.valueOf(ByteSymbols.of(ByteSymbols.byteAt(position)));
            for (String s : List.of(symbol, symbol + BytePairEncoder.WORD_END)) {
                if (!vocab.containsKey(s)) {
                    throw malformed(file, "lacks the byte symbol " + quoted(s) + " that every CLIP vocabulary has");
                }
            }
        }
        requireSpecial(file, vocab, TextCleaner.START, spec.startToken());
        requireSpecial(file, vocab, TextCleaner.END, spec.endToken());
        return vocab;
    }

    private static void requireSpecial(Path file, Map<String, Integer> vocab, String token, int expected)
            throws IOException {
        Integer id = vocab.get(token);
        if (id == null) {
            throw malformed(file, "lacks the special token " + token);
        }
        if (id != expected) {
            throw malformed(file, "gives " + token + " the id " + id + " but this text encoder expects " + expected);
        }
    }

    private static Map<String, Integer> readMerges(Path file, Map<String, Integer> vocab) throws IOException {
        String[] lines = readText(file).strip().split("\n");
        if (!lines[0].startsWith("#version")) {
            throw malformed(file, "must start with a \"#version\" line, found " + quoted(lines[0]));
        }
        Map<String, Integer> ranks = new HashMap<>();
        int count = Math.min(lines.length - 1, MAX_MERGES);
        for (int n = 1; n <= count; n++) {
            String line = lines[n].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] pair = line.split("\\s+");
            if (pair.length != 2) {
                throw malformed(file, "line " + (n + 1) + " is " + quoted(line) + ", not two symbols separated by a space");
            }
            if (!vocab.containsKey(pair[0] + pair[1])) {
                throw malformed(file, "line " + (n + 1) + " merges into " + quoted(pair[0] + pair[1])
                        + ", which " + VOCAB + " lacks (are both files from the same tokenizer?)");
            }
            // Ranks are line numbers, and a repeated pair keeps its later one, as Hugging Face's dict does.
            ranks.put(pair[0] + " " + pair[1], n);
        }
        return ranks;
    }

    private static String readText(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("Tokenizer file " + file + " is missing; " + expected());
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw malformed(file, "is not UTF-8 text");
        }
    }

    private static IOException malformed(Path file, String problem) {
        return new IOException("Tokenizer file " + file + " " + problem + "; " + expected());
    }

    private static String expected() {
        return "a CLIP tokenizer folder holds " + VOCAB + " and " + MERGES
                + " (Hugging Face's CLIPTokenizer files, as in the tokenizer/ folder of a diffusers model)";
    }

    private static String quoted(String s) {
        return "\"" + s + "\"";
    }
}
