package dev.easel.models.toy;

import dev.easel.models.text.PromptTokenizer;
import dev.easel.models.text.TokenWeight;
import dev.easel.models.text.TokenizerSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * A tokenizer whose words are their own ids: {@code "5 7:1.5"} is token 5 with weight 1 and token 7
 * with weight 1.5. Chunks follow the {@link PromptTokenizer} contract: start, up to
 * {@code maxLength − 2} tokens, end, then padding.
 */
public record ToyTokenizer(TokenizerSpec spec) implements PromptTokenizer {

    @Override
    public List<List<TokenWeight>> tokenize(String prompt) {
        List<TokenWeight> words = new ArrayList<>();
        for (String word : prompt.trim().split("\\s+")) {
            if (word.isEmpty()) continue;
            String[] parts = word.split(":");
            words.add(new TokenWeight(Integer.parseInt(parts[0]), parts.length > 1 ? Float.parseFloat(parts[1]) : 1f));
        }
        int perChunk = spec.maxLength() - 2;
        List<List<TokenWeight>> chunks = new ArrayList<>();
        for (int from = 0; from == 0 || from < words.size(); from += perChunk) {
            List<TokenWeight> chunk = new ArrayList<>();
            chunk.add(new TokenWeight(spec.startToken(), 1f));
            chunk.addAll(words.subList(from, Math.min(words.size(), from + perChunk)));
            chunk.add(new TokenWeight(spec.endToken(), 1f));
            int pad = spec.padWithEnd() ? spec.endToken() : spec.padToken();
            while (chunk.size() < spec.maxLength()) chunk.add(new TokenWeight(pad, 1f));
            chunks.add(chunk);
        }
        return chunks;
    }
}
