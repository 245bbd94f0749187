package dev.easel.models.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * ComfyUI's packing of token groups into chunks of {@code maxLength}: start token, tokens, end
 * token, padding. A group shorter than {@link #MAX_WORD_LENGTH} tokens that does not fit in the
 * room left moves whole to the next chunk (the current one is closed and padded); a longer group
 * fills the chunk and carries on in the next.
 */
final class ChunkLayout {

    /** ComfyUI's {@code max_word_length}: groups at least this long may be split across chunks. */
    static final int MAX_WORD_LENGTH = 8;

    private final TokenizerSpec spec;
    private final TokenWeight start;
    private final TokenWeight end;
    private final TokenWeight pad;

    ChunkLayout(TokenizerSpec spec) {
        if (spec.maxLength() < 3) {
            throw new IllegalArgumentException("a chunk of " + spec.maxLength()
                    + " tokens has no room between its start and end tokens");
        }
        this.spec = spec;
        this.start = new TokenWeight(spec.startToken(), 1.0f);
        this.end = new TokenWeight(spec.endToken(), 1.0f);
        this.pad = new TokenWeight(spec.padWithEnd() ? spec.endToken() : spec.padToken(), 1.0f);
    }

    /** The groups in order, packed; at least one chunk, each exactly {@code maxLength} long. */
    List<List<TokenWeight>> pack(List<List<TokenWeight>> groups) {
        int max = spec.maxLength();
        List<List<TokenWeight>> chunks = new ArrayList<>();
        List<TokenWeight> chunk = open(chunks);
        for (List<TokenWeight> group : groups) {
            // A short group longer than a whole chunk would move on forever, so it splits too.
            boolean splittable = group.size() >= MAX_WORD_LENGTH || group.size() > max - 2;
            List<TokenWeight> rest = group;
            while (!rest.isEmpty()) {
                int room = max - 1 - chunk.size();
                if (rest.size() <= room) {
                    chunk.addAll(rest);
                    break;
                }
                if (splittable) {
                    chunk.addAll(rest.subList(0, room));
                    rest = rest.subList(room, rest.size());
                }
                close(chunk);
                chunk = open(chunks);
            }
        }
        close(chunk);
        return Collections.unmodifiableList(chunks);
    }

    private List<TokenWeight> open(List<List<TokenWeight>> chunks) {
        List<TokenWeight> chunk = new ArrayList<>(spec.maxLength());
        chunk.add(start);
        chunks.add(Collections.unmodifiableList(chunk));
        return chunk;
    }

    private void close(List<TokenWeight> chunk) {
        chunk.add(end);
        while (chunk.size() < spec.maxLength()) {
            chunk.add(pad);
        }
    }
}
