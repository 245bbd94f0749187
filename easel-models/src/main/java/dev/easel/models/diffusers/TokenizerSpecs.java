package dev.easel.models.diffusers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.easel.models.text.TokenizerSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The chunking a tokenizer folder's encoder wants. The start and end ids are read from its
 * {@code vocab.json}, so a vocabulary written for a model Easel builds itself (smaller than CLIP's,
 * with other ids) loads as well as CLIP's own; the padding follows the family.
 */
final class TokenizerSpecs {
    static final String START = "<|startoftext|>", END = "<|endoftext|>";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenizerSpecs() {
    }

    /**
     * CLIP-L pads with its end token; OpenCLIP (SD2, SDXL's second encoder) with token 0. When
     * the vocabulary cannot be read or lacks the special tokens, CLIP's ids are assumed and the
     * tokenizer reports what is wrong with the file.
     */
    static TokenizerSpec read(Path tokenizerDir, boolean padWithEnd) {
        TokenizerSpec clip = TokenizerSpec.clipL();
        int start = clip.startToken(), end = clip.endToken();
        try {
            JsonNode vocab = JSON.readTree(Files.readString(tokenizerDir.resolve("vocab.json")));
            if (vocab != null && vocab.path(START).isInt() && vocab.path(END).isInt()) {
                start = vocab.get(START).intValue();
                end = vocab.get(END).intValue();
            }
        } catch (IOException e) {
            // left to the tokenizer, whose message names the file and what belongs in it
        }
        return new TokenizerSpec(clip.maxLength(), start, end, padWithEnd ? end : 0, padWithEnd);
    }
}
