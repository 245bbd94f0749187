package dev.easel.models.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyWriterTest {

    @TempDir
    Path dir;

    @Test
    void specHoldsTheIdsAfterTheMerges() throws IOException {
        assertThat(VocabularyWriter.write(dir, List.of("cat", "dog")))
                .isEqualTo(new TokenizerSpec(77, 516, 517, 517, true));
    }

    @Test
    void mergesFileHasTheVersionLineAndEachWordsPairsFromTheLeft() throws IOException {
        VocabularyWriter.write(dir, List.of("cat", "dog"));
        assertThat(Files.readAllLines(dir.resolve("merges.txt")))
                .containsExactly("#version: 0.2", "c a", "ca t</w>", "d o", "do g</w>");
    }

    @Test
    void vocabularyStartsWithTheByteSymbolsInClipsOrder() throws IOException {
        VocabularyWriter.write(dir, List.of());
        assertThat(Files.readString(dir.resolve("vocab.json")))
                .startsWith("{\"!\":0,\"\\\"\":1,\"#\":2,")
                .contains("\"\u0120\":220,", "\"!</w>\":256,", "\"\u0120</w>\":476,")
                .endsWith("\"<|startoftext|>\":512,\"<|endoftext|>\":513}");
    }

    @Test
    void emptyWordListGivesOnlyBytesAndSpecialTokens() throws IOException {
        assertThat(VocabularyWriter.write(dir, List.of())).isEqualTo(new TokenizerSpec(77, 512, 513, 513, true));
    }

    @Test
    void wordsSharingPiecesEachBecomeOneToken() throws IOException {
        List<String> words = List.of("bcd", "abcd", "abc", "cdab", "b", "banana", "nab");
        ClipBpeTokenizer tokenizer = ClipBpeTokenizer.load(dir, VocabularyWriter.write(dir, words));
        assertThat(words).allSatisfy(w -> assertThat(tokenizer.encode(w)).hasSize(1));
    }

    @Test
    void wordsAreCleanedLikePromptsSoCapitalsStillMatch() throws IOException {
        ClipBpeTokenizer tokenizer = ClipBpeTokenizer.load(dir, VocabularyWriter.write(dir, List.of("Photo")));
        assertThat(tokenizer.encode("photo PHOTO")).hasSize(2).containsOnly(tokenizer.encode("photo").get(0));
    }

    @Test
    void repeatedWordAddsNoMerges() throws IOException {
        VocabularyWriter.write(dir, List.of("cat", "cat"));
        assertThat(Files.readAllLines(dir.resolve("merges.txt"))).containsExactly("#version: 0.2", "c a", "ca t</w>");
    }
}
