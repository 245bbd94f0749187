package dev.easel.models.text;

import static dev.easel.models.text.TokenizerFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptChunksTest {

    @TempDir
    Path dir;
    ClipBpeTokenizer tokenizer;

    @BeforeEach
    void load() throws IOException {
        tokenizer = TokenizerFixture.load(dir);
    }

    private static List<TokenWeight> chunk(List<TokenWeight> body, int endAndPads) {
        List<TokenWeight> c = new ArrayList<>();
        c.add(new TokenWeight(START, 1.0f));
        c.addAll(body);
        c.addAll(Collections.nCopies(endAndPads, new TokenWeight(END, 1.0f)));
        return c;
    }

    private static List<TokenWeight> times(int n, int id, double weight) {
        return Collections.nCopies(n, new TokenWeight(id, (float) weight));
    }

    private static String words(int n, String word) {
        return (word + " ").repeat(n);
    }

    @Test
    void emptyPromptIsOneChunkOfStartEndAndPadding() {
        assertThat(tokenizer.tokenize("")).containsExactly(chunk(List.of(), 76));
    }

    @Test
    void padTokenFillsWhenTheSpecDoesNotPadWithEnd() throws IOException {
        ClipBpeTokenizer openClip = ClipBpeTokenizer.load(dir, new TokenizerSpec(77, START, END, 0, false));
        List<TokenWeight> expected = new ArrayList<>(List.of(new TokenWeight(START, 1f), new TokenWeight(CAT, 1f),
                new TokenWeight(END, 1f)));
        expected.addAll(times(74, 0, 1.0));
        assertThat(openClip.tokenize("cat")).containsExactly(expected);
    }

    @Test
    void seventyFiveTokensFillOneChunk() {
        assertThat(tokenizer.tokenize(words(75, "cat"))).containsExactly(chunk(times(75, CAT, 1.0), 1));
    }

    @Test
    void twoHundredTokensMakeThreeChunks() {
        assertThat(tokenizer.tokenize(words(200, "cat"))).containsExactly(
                chunk(times(75, CAT, 1.0), 1),
                chunk(times(75, CAT, 1.0), 1),
                chunk(times(50, CAT, 1.0), 26));
    }

    @Test
    void shortGroupThatDoesNotFitMovesWholeToTheNextChunk() {
        assertThat(tokenizer.tokenize(words(74, "cat") + "(dog dog dog)")).containsExactly(
                chunk(times(74, CAT, 1.0), 2),
                chunk(times(3, DOG, 1.1), 73));
    }

    @Test
    void groupOfEightOrMoreTokensSplitsAtTheChunkEnd() {
        assertThat(tokenizer.tokenize(words(70, "cat") + "(" + words(8, "dog") + ")")).containsExactly(
                chunk(concat(times(70, CAT, 1.0), times(5, DOG, 1.1)), 1),
                chunk(times(3, DOG, 1.1), 73));
    }

    @Test
    void sevenTokenGroupStillMovesWhole() {
        assertThat(tokenizer.tokenize(words(70, "cat") + "(" + words(7, "dog") + ")")).containsExactly(
                chunk(times(70, CAT, 1.0), 6),
                chunk(times(7, DOG, 1.1), 69));
    }

    @Test
    void everyChunkHasTheSpecsLength() {
        assertThat(tokenizer.tokenize(words(500, "cats"))).allSatisfy(c -> assertThat(c).hasSize(77));
    }

    private static List<TokenWeight> concat(List<TokenWeight> a, List<TokenWeight> b) {
        List<TokenWeight> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
