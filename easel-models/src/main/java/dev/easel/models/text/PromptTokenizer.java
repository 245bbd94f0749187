package dev.easel.models.text;

import java.util.List;

/** Turns a prompt into chunks of weighted tokens, each exactly {@link TokenizerSpec#maxLength} long. */
public interface PromptTokenizer {

    /** At least one chunk; each starts with the start token, ends with the end token and is padded to length. */
    List<List<TokenWeight>> tokenize(String prompt);

    TokenizerSpec spec();
}
