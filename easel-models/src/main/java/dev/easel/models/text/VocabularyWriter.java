package dev.easel.models.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a small but valid CLIP vocabulary, for tests and for the models Easel builds itself
 * (no real CLIP vocabulary may be shipped or downloaded). Its layout follows CLIP's own: ids 0–255
 * are the byte symbols in table order, 256–511 the same with {@code </w>}, then one id per merged
 * symbol in the order its merge was added, then {@code <|startoftext|>} and {@code <|endoftext|>}.
 */
public final class VocabularyWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private VocabularyWriter() {
    }

    /**
     * Writes {@code dir/vocab.json} and {@code dir/merges.txt} so that each pre-token of each word
     * (after CLIP's cleaning: "Don't" is "don" and "'t") encodes as one token; every other text
     * still encodes, byte by byte. Merges go in the order the words are given, each word's pairs
     * from the left, so ids are predictable: the first merge of the first word gets id 512.
     *
     * @return CLIP-L's chunking (77, padded with the end token) with the ids written here
     */
    public static TokenizerSpec write(Path dir, List<String> words) throws IOException {
        return write(dir, words, -1);
    }

    /**
     * As {@link #write(Path, List)}, but with the start and end tokens at CLIP's own ids (49406,
     * 49407), which the text encoders of single-file checkpoints expect.
     */
    public static TokenizerSpec writeWithClipIds(Path dir, List<String> words) throws IOException {
        return write(dir, words, TokenizerSpec.clipL().startToken());
    }

    private static TokenizerSpec write(Path dir, List<String> words, int startId) throws IOException {
        Map<String, Integer> vocab = new LinkedHashMap<>();
        for (int position = 0; position < 256; position++) {
            vocab.put(String.valueOf(ByteSymbols.of(ByteSymbols.byteAt(position))), vocab.size());
        }
        for (int position = 0; position < 256; position++) {
            vocab.put(ByteSymbols.of(ByteSymbols.byteAt(position)) + BytePairEncoder.WORD_END, vocab.size());
        }
        Map<String, Integer> ranks = new HashMap<>();
        List<String> merges = new ArrayList<>();
        for (String word : words) {
            for (String piece : TextCleaner.preTokens(word)) {
                if (piece.equals(TextCleaner.START) || piece.equals(TextCleaner.END)) {
                    continue;
                }
                // Each new merge ranks last, so it only acts where the word got stuck; words already
                // made whole stay whole, and each round shortens this word by at least one symbol.
                List<String> symbols = BytePairEncoder.merge(piece, ranks);
                while (symbols.size() > 1) {
                    String pair = symbols.get(0) + " " + symbols.get(1);
                    ranks.put(pair, ranks.size());
                    merges.add(pair);
                    vocab.putIfAbsent(symbols.get(0) + symbols.get(1), vocab.size());
                    symbols = BytePairEncoder.merge(piece, ranks);
                }
            }
        }
        int start = startId < 0 ? vocab.size() : startId;
        if (start < vocab.size()) throw new IllegalArgumentException(words.size() + " words need ids up to " + vocab.size());
        vocab.put(TextCleaner.START, start);
        vocab.put(TextCleaner.END, start + 1);
        Files.createDirectories(dir);
        JSON.writeValue(dir.resolve(TokenizerFiles.VOCAB).toFile(), vocab);
        StringBuilder text = new StringBuilder("#version: 0.2\n");
        merges.forEach(m -> text.append(m).append('\n'));
        Files.writeString(dir.resolve(TokenizerFiles.MERGES), text, StandardCharsets.UTF_8);
        return new TokenizerSpec(77, start, start + 1, start + 1, true);
    }
}
