package dev.easel.models.text;

import static dev.easel.models.text.TokenizerFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptEmphasisTest {

    @TempDir
    Path dir;
    ClipBpeTokenizer tokenizer;

    @BeforeEach
    void load() throws IOException {
        tokenizer = TokenizerFixture.load(dir);
    }

    /** The prompt's tokens between the start token and the first end token. */
    private List<TokenWeight> body(String prompt) {
        List<TokenWeight> chunk = tokenizer.tokenize(prompt).get(0);
        return chunk.subList(1, chunk.indexOf(new TokenWeight(END, 1.0f)));
    }

    private static TokenWeight tw(int id, double weight) {
        return new TokenWeight(id, (float) weight);
    }

    @Test
    void plainTextWeighsOne() {
        assertThat(body("cat dog")).containsExactly(tw(CAT, 1.0), tw(DOG, 1.0));
    }

    @Test
    void parenthesesMultiplyByOnePointOne() {
        assertThat(body("(cat) dog")).containsExactly(tw(CAT, 1.1), tw(DOG, 1.0));
    }

    @Test
    void nestedParenthesesMultiplyAgain() {
        assertThat(body("((cat))")).containsExactly(tw(CAT, 1.1 * 1.1));
    }

    @Test
    void explicitWeightReplacesTheFactor() {
        assertThat(body("(cat:1.5)")).containsExactly(tw(CAT, 1.5));
    }

    @Test
    void explicitWeightInsideAGroupIgnoresTheOuterFactor() {
        assertThat(body("((cat:1.5))")).containsExactly(tw(CAT, 1.5));
    }

    @Test
    void groupInsideAnExplicitWeightMultipliesIt() {
        assertThat(body("((cat):1.5)")).containsExactly(tw(CAT, 1.5 * 1.1));
    }

    @Test
    void innerWeightsLeaveTheirNeighboursAlone() {
        assertThat(body("(dog (cat:1.2) dog)")).containsExactly(tw(DOG, 1.1), tw(CAT, 1.2), tw(DOG, 1.1));
    }

    @Test
    void weightTakesWhatPythonsFloatAccepts() {
        assertThat(body("(cat: 0.5 ) (dog:1e0) (cat:-2)")).containsExactly(tw(CAT, 0.5), tw(DOG, 1.0), tw(CAT, -2.0));
    }

    @Test
    void weightPythonRejectsIsText() {
        // Java's parseDouble would take "1.5f"; Python's float() does not, so ComfyUI keeps it as text.
        assertThat(body("(cat:1.5f)")).containsExactly(tw(CAT, 1.1), tw(last(':'), 1.1),
                tw(last('1'), 1.1), tw(last('.'), 1.1), tw(last('5'), 1.1), tw(last('f'), 1.1));
    }

    @Test
    void weightWithUnderscoresBetweenDigitsCounts() {
        assertThat(body("(cat:1_0)")).containsExactly(tw(CAT, 10.0));
    }

    @Test
    void colonAtTheStartOfAGroupIsNoWeight() {
        assertThat(body("(:2)")).containsExactly(tw(last(':'), 1.1), tw(last('2'), 1.1));
    }

    @Test
    void colonWithoutANumberIsText() {
        assertThat(body("(cat:dog)")).containsExactly(tw(CAT, 1.1), tw(last(':'), 1.1), tw(DOG, 1.1));
    }

    @Test
    void escapedParenthesesAreLiteralText() {
        assertThat(body("\\(cat\\)")).containsExactly(tw(last('('), 1.0), tw(CAT, 1.0), tw(last(')'), 1.0));
    }

    @Test
    void escapedParenthesesInsideAGroupTakeItsWeight() {
        assertThat(body("(\\(cat\\):2)")).containsExactly(tw(last('('), 2.0), tw(CAT, 2.0), tw(last(')'), 2.0));
    }

    @Test
    void unclosedParenthesisIsText() {
        assertThat(body("(cat")).containsExactly(tw(last('('), 1.0), tw(CAT, 1.0));
    }

    @Test
    void strayClosingParenthesisSwallowsTheGroupsAfterIt() {
        // ComfyUI's depth goes to -1 at the stray ")", so "(dog)" is never seen as a group.
        assertThat(body("cat) (dog)")).containsExactly(
                tw(CAT, 1.0), tw(last(')'), 1.0), tw(last('('), 1.0), tw(DOG, 1.0), tw(last(')'), 1.0));
    }

    @Test
    void unclosedParenthesisInsideAGroupIsTextOfThatGroup() {
        // "(cat(dog)" is one group whose inside, "cat(dog", holds no complete group.
        assertThat(body("(cat(dog)")).containsExactly(tw(CAT, 1.1), tw(last('('), 1.1), tw(DOG, 1.1));
    }

    @Test
    void missingEmbeddingIsDroppedAndTheTextAfterItKept() {
        assertThat(body("cat embedding:easynegative dog")).containsExactly(tw(CAT, 1.0), tw(DOG, 1.0));
    }

    @Test
    void missingEmbeddingAtTheStartIsDropped() {
        assertThat(body("(embedding:foo:1.3) cat")).containsExactly(tw(CAT, 1.0));
    }

    @Test
    void commaAfterAMissingEmbeddingIsKept() {
        assertThat(body("embedding:foo, dog")).containsExactly(tw(last(','), 1.0), tw(DOG, 1.0));
    }

    @Test
    void embeddingNameEndsAtAnAngleBracket() {
        assertThat(body("embedding:foo<x")).containsExactly(tw(last('<'), 1.0), tw(last('x'), 1.0));
    }

    @Test
    void embeddingRightAfterAGroupStartsARunAndIsDropped() {
        assertThat(body("(cat)embedding:dog")).containsExactly(tw(CAT, 1.1));
    }

    @Test
    void embeddingInsideAWordIsText() {
        assertThat(body("catembedding:dog")).containsExactly(tw(CA, 1.0),
                tw(inner('t'), 1.0), tw(inner('e'), 1.0), tw(inner('m'), 1.0), tw(inner('b'), 1.0),
                tw(inner('e'), 1.0), tw(inner('d'), 1.0), tw(inner('d'), 1.0), tw(inner('i'), 1.0),
                tw(inner('n'), 1.0), tw(last('g'), 1.0), tw(last(':'), 1.0), tw(DOG, 1.0));
    }
}
