package dev.easel.models.single;

import dev.easel.models.diffusers.TokenizerLoader;
import dev.easel.models.text.PromptTokenizer;
import dev.easel.models.text.TokenizerSpec;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a single-file checkpoint's tokenizers come from (the file carries no vocabulary): given
 * the chunking an encoder wants, a tokenizer producing it.
 */
@FunctionalInterface
public interface TokenizerSource {

    PromptTokenizer tokenizer(TokenizerSpec spec) throws IOException;

    /** A folder with {@code vocab.json} and {@code merges.txt}, read by {@code loader} (CLIP's BPE for the released models). */
    static TokenizerSource folder(TokenizerLoader loader, Path vocabularyDir) {
        return spec -> loader.load(vocabularyDir, spec);
    }
}
