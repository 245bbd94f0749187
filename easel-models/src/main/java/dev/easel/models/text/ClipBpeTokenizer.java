package dev.easel.models.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CLIP's byte-level BPE tokenizer, read from a {@code vocab.json} and {@code merges.txt}, with
 * ComfyUI's prompt handling on top ({@code SDTokenizer.tokenize_with_weights}):
 * <ul>
 *   <li>emphasis: {@code (text)} ×1.1 per level, {@code (text:1.3)} sets the weight, {@code \(}
 *       and {@code \)} are literal; unbalanced parentheses stay text as ComfyUI leaves them;</li>
 *   <li>each weighted run is tokenized on its own, cut again before every {@code embedding:} that
 *       follows whitespace; Easel has no textual inversions, so the name is dropped with a warning
 *       and the text after it kept, as ComfyUI does when the embedding file is missing;</li>
 *   <li>runs are packed into chunks of {@link TokenizerSpec#maxLength}: start token, tokens, end
 *       token, padding; a run of fewer than 8 tokens that does not fit moves whole to the next
 *       chunk, a longer one is split; start, end and padding weigh 1.0; "" gives one chunk.</li>
 * </ul>
 * Instances are immutable apart from a bounded word cache and may be shared between threads.
 */
public final class ClipBpeTokenizer implements PromptTokenizer {

    private final BytePairEncoder encoder;
    private final TokenizerSpec spec;
    private final ChunkLayout layout;

    private ClipBpeTokenizer(BytePairEncoder encoder, TokenizerSpec spec) {
        this.encoder = encoder;
        this.spec = spec;
        this.layout = new ChunkLayout(spec);
    }

    /**
     * Reads {@code dir/vocab.json} and {@code dir/merges.txt}; a missing or malformed file is an
     * error naming it, as is a vocabulary whose start or end token ids differ from the spec's.
     */
    public static ClipBpeTokenizer load(Path dir, TokenizerSpec spec) throws IOException {
        return new ClipBpeTokenizer(TokenizerFiles.read(dir, spec), spec);
    }

    /** The BPE token ids of plain text (no emphasis syntax, no start or end tokens). */
    public List<Integer> encode(String text) {
        return List.copyOf(encoder.encode(text));
    }

    @Override
    public List<List<TokenWeight>> tokenize(String prompt) {
        List<List<TokenWeight>> groups = new ArrayList<>();
        for (WeightedText run : PromptWeights.parse(prompt)) {
            float weight = (float) run.weight();
            for (String piece : PromptPieces.of(run.text())) {
                List<TokenWeight> group = new ArrayList<>();
                for (int id : encoder.encode(piece)) {
                    group.add(new TokenWeight(id, weight));
                }
                groups.add(group);
            }
        }
        return layout.pack(groups);
    }

    @Override
    public TokenizerSpec spec() {
        return spec;
    }
}
