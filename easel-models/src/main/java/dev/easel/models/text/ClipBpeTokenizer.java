package dev.easel.models.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** CLIP's byte-level BPE tokenizer, read from a {@code vocab.json} and {@code merges.txt}. */
public final class ClipBpeTokenizer implements PromptTokenizer {

    private ClipBpeTokenizer() {
    }

    /** Reads {@code dir/vocab.json} and {@code dir/merges.txt}; a missing or malformed file is an error naming it. */
    public static ClipBpeTokenizer load(Path dir, TokenizerSpec spec) throws IOException {
        throw new UnsupportedOperationException("tokenizer not yet written");
    }

    /** The BPE token ids of plain text (no emphasis syntax, no start or end tokens). */
    public List<Integer> encode(String text) {
        throw new UnsupportedOperationException("tokenizer not yet written");
    }

    @Override
    public List<List<TokenWeight>> tokenize(String prompt) {
        throw new UnsupportedOperationException("tokenizer not yet written");
    }

    @Override
    public TokenizerSpec spec() {
        throw new UnsupportedOperationException("tokenizer not yet written");
    }
}
