package dev.easel.models.diffusers;

import dev.easel.models.text.ClipBpeTokenizer;
import dev.easel.models.text.PromptTokenizer;
import dev.easel.models.text.TokenizerSpec;

import java.io.IOException;
import java.nio.file.Path;

/** Reads a {@code tokenizer/} folder (vocab.json, merges.txt) for an encoder that wants {@code spec}. */
@FunctionalInterface
public interface TokenizerLoader {

    PromptTokenizer load(Path tokenizerDir, TokenizerSpec spec) throws IOException;

    /** CLIP's byte-level BPE, the tokenizer of every family here. */
    static TokenizerLoader clipBpe() {
        return ClipBpeTokenizer::load;
    }
}
