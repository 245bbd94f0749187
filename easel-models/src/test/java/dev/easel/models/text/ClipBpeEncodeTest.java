package dev.easel.models.text;

import static dev.easel.models.text.TokenizerFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipBpeEncodeTest {

    @TempDir
    Path dir;
    ClipBpeTokenizer tokenizer;

    @BeforeEach
    void load() throws IOException {
        tokenizer = TokenizerFixture.load(dir);
    }

    @Test
    void knownWordsAreOneTokenEach() {
        assertThat(tokenizer.encode("cat dog")).containsExactly(CAT, DOG);
    }

    @Test
    void caseAndWhitespaceDoNotMatter() {
        assertThat(tokenizer.encode("  Cat\t\tDOG\n")).containsExactly(CAT, DOG);
    }

    @Test
    void unknownWordSplitsIntoByteSymbolsWithTheLastMarked() {
        assertThat(tokenizer.encode("cot")).containsExactly(inner('c'), inner('o'), last('t'));
    }

    @Test
    void unknownWordTakesTheMergesThatApply() {
        assertThat(tokenizer.encode("cats")).containsExactly(CA, inner('t'), last('s'));
    }

    @Test
    void singleCharactersMatchClipsRealIds() {
        // CLIP ViT-L/14's own vocabulary gives "a</w>" 320, ",</w>" 267 and "!</w>" 256.
        assertThat(tokenizer.encode("a , !")).containsExactly(320, 267, 256);
    }

    @Test
    void punctuationIsItsOwnPreToken() {
        assertThat(tokenizer.encode("cat, dog!!")).containsExactly(CAT, last(','), DOG, inner('!'), last('!'));
    }

    @Test
    void contractionsSplitOffTheApostrophe() {
        assertThat(tokenizer.encode("Don't")).containsExactly(DON, APOSTROPHE_T);
        assertThat(tokenizer.encode("cat's")).containsExactly(CAT, inner('\''), last('s'));
    }

    @Test
    void digitsAreSeparateTokens() {
        assertThat(tokenizer.encode("2024")).containsExactly(last('2'), last('0'), last('2'), last('4'));
    }

    @Test
    void accentedLetterIsItsUtf8BytesAfterNfc() {
        // é is C3 A9: 0xC3 sits at 106 + (0xC3 - 0xAE) in the table, 0xA9 at 94 + (0xA9 - 0xA1).
        assertThat(tokenizer.encode("É")).containsExactly(127, 256 + 102);
        assertThat(tokenizer.encode("e\u0301")).containsExactly(127, 256 + 102);
    }

    @Test
    void emojiBytesUseTheShiftedSymbolsForUnprintableBytes() {
        // F0 9F 98 80: F0 is printable (106 + 66); 9F, 98, 80 follow the 188 printable symbols as
        // 188 + 33 + (byte - 127), since bytes 0–32 come first among the shifted ones.
        assertThat(tokenizer.encode("\uD83D\uDE00")).containsExactly(172, 253, 246, 256 + 222);
    }

    @Test
    void eachCjkIdeographIsAWordOfItsOwn() {
        // 猫 is E7 8C AB; spaced apart, each copy ends with its own </w> symbol.
        assertThat(tokenizer.encode("猫猫")).containsExactly(163, 234, 256 + 104, 163, 234, 256 + 104);
    }

    @Test
    void controlAndFormatCharactersAreDropped() {
        assertThat(tokenizer.encode("c\u200Ba\u0007t")).containsExactly(CAT);
    }

    @Test
    void specialTokensInTextKeepTheirIds() {
        assertThat(tokenizer.encode("cat<|endoftext|><|startoftext|>")).containsExactly(CAT, END, START);
    }

    @Test
    void specialTokenIsCutOutBeforePunctuationCanSwallowIt() {
        assertThat(tokenizer.encode("cat!<|endoftext|>")).containsExactly(CAT, last('!'), END);
    }

    @Test
    void specialTokenInCapitalsStillCountsAfterLowerCasing() {
        assertThat(tokenizer.encode("cat <|ENDOFTEXT|>")).containsExactly(CAT, END);
    }

    @Test
    void emptyTextHasNoTokens() {
        assertThat(tokenizer.encode(" \n ")).isEmpty();
    }

    @Test
    void repeatedWordsGiveTheSameIds() {
        assertThat(tokenizer.encode("cats cats cats")).containsExactly(
                CA, inner('t'), last('s'), CA, inner('t'), last('s'), CA, inner('t'), last('s'));
    }
}
