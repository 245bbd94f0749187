package dev.easel.models.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CLIP's byte-level BPE over one vocabulary: each pre-token becomes its byte symbols, the last one
 * marked with {@code </w>}, and the adjacent pair of lowest merge rank is joined everywhere until
 * no ranked pair remains. Results are kept per pre-token in a bounded cache, since prompts repeat
 * the same words.
 */
final class BytePairEncoder {

    static final String WORD_END = "</w>";
    private static final int CACHE_SIZE = 20_000;
    private static final Pattern SPECIAL = Pattern.compile(
            Pattern.quote(TextCleaner.START) + "|" + Pattern.quote(TextCleaner.END));

    private final Map<String, Integer> vocab;
    private final Map<String, Integer> ranks;
    private final int unknownId;
    private final WordCache cache = new WordCache(CACHE_SIZE);

    /**
     * @param vocab symbol → id
     * @param ranks merge key ({@code first + " " + second}) → rank, lower first
     * @param unknownId the id of a symbol missing from the vocabulary (CLIP uses its end token)
     */
    BytePairEncoder(Map<String, Integer> vocab, Map<String, Integer> ranks, int unknownId) {
        this.vocab = Map.copyOf(vocab);
        this.ranks = Map.copyOf(ranks);
        this.unknownId = unknownId;
    }

    /**
     * The ids of the text's pre-tokens in order. Special tokens written exactly are cut out before
     * cleaning, as Hugging Face's added-token split does, so "!<|endoftext|>" is "!" then the token.
     */
    List<Integer> encode(String text) {
        List<Integer> ids = new ArrayList<>();
        Matcher special = SPECIAL.matcher(text);
        int from = 0;
        while (special.find()) {
            encodePlain(text.substring(from, special.start()), ids);
            ids.add(vocab.getOrDefault(special.group(), unknownId));
            from = special.end();
        }
        encodePlain(text.substring(from), ids);
        return ids;
    }

    private void encodePlain(String text, List<Integer> ids) {
        for (String piece : TextCleaner.preTokens(text)) {
            if (piece.equals(TextCleaner.START) || piece.equals(TextCleaner.END)) {
                ids.add(vocab.getOrDefault(piece, unknownId));
                continue;
            }
            for (int id : cache.computeIfAbsent(piece, this::encodePiece)) {
                ids.add(id);
            }
        }
    }

    /** The symbols one pre-token merges into under these ranks (each a vocabulary key when the files agree). */
    static List<String> merge(String preToken, Map<String, Integer> ranks) {
        String bytes = ByteSymbols.encode(preToken);
        List<String> word = new ArrayList<>(bytes.length());
        for (int i = 0; i < bytes.length(); i++) {
            word.add(i == bytes.length() - 1 ? bytes.charAt(i) + WORD_END : String.valueOf(bytes.charAt(i)));
        }
        while (word.size() > 1) {
            int best = Integer.MAX_VALUE;
            String first = null;
            String second = null;
            for (int i = 0; i + 1 < word.size(); i++) {
                Integer rank = ranks.get(word.get(i) + " " + word.get(i + 1));
                if (rank != null && rank < best) {
                    best = rank;
                    first = word.get(i);
                    second = word.get(i + 1);
                }
            }
            if (first == null) {
                break;
            }
            word = joinAll(word, first, second);
        }
        return word;
    }

    /** Every non-overlapping occurrence of the pair, left to right, joined into one symbol. */
    private static List<String> joinAll(List<String> word, String first, String second) {
        List<String> joined = new ArrayList<>(word.size());
        int i = 0;
        while (i < word.size()) {
            if (i + 1 < word.size() && word.get(i).equals(first) && word.get(i + 1).equals(second)) {
                joined.add(first + second);
                i += 2;
            } else {
                joined.add(word.get(i));
                i++;
            }
        }
        return joined;
    }

    private int[] encodePiece(String piece) {
        List<String> symbols = merge(piece, ranks);
        int[] ids = new int[symbols.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = vocab.getOrDefault(symbols.get(i), unknownId);
        }
        return ids;
    }
}
