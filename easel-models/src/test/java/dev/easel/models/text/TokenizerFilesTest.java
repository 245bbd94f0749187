package dev.easel.models.text;

import static dev.easel.models.text.TokenizerFixture.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizerFilesTest {

    private static final String WHAT_BELONGS = "a CLIP tokenizer folder holds vocab.json and merges.txt";

    @TempDir
    Path dir;
    TokenizerSpec spec;

    @BeforeEach
    void write() throws IOException {
        spec = VocabularyWriter.write(dir, WORDS);
    }

    private void replace(String file, String from, String to) throws IOException {
        Path p = dir.resolve(file);
        Files.writeString(p, Files.readString(p).replace(from, to));
    }

    @Test
    void missingFolderIsNamed() {
        Path absent = dir.resolve("tokenizer");
        assertThatThrownBy(() -> ClipBpeTokenizer.load(absent, spec)).isInstanceOf(IOException.class)
                .hasMessageContaining("Tokenizer folder " + absent + " does not exist").hasMessageContaining(WHAT_BELONGS);
    }

    @Test
    void missingVocabularyIsNamed() throws IOException {
        Files.delete(dir.resolve("vocab.json"));
        assertThatThrownBy(() -> ClipBpeTokenizer.load(dir, spec)).isInstanceOf(IOException.class)
                .hasMessageContaining(dir.resolve("vocab.json") + " is missing").hasMessageContaining(WHAT_BELONGS);
    }

    @Test
    void missingMergesAreNamed() throws IOException {
        Files.delete(dir.resolve("merges.txt"));
        assertThatThrownBy(() -> ClipBpeTokenizer.load(dir, spec)).isInstanceOf(IOException.class)
                .hasMessageContaining(dir.resolve("merges.txt") + " is missing");
    }

    @Test
    void vocabularyThatIsNotJsonIsNamed() throws IOException {
        Files.writeString(dir.resolve("vocab.json"), "{\"a\": 1,");
        assertThatThrownBy(() -> ClipBpeTokenizer.load(dir, spec)).isInstanceOf(IOException.class)
                .hasMessageContaining(dir.resolve("vocab.json") + " is not valid JSON");
    }

    @Test
    void vocabularyThatIsNotAnObjectIsNamed() throws IOException {
        Files.writeString(dir.resolve("vocab.json"), "[1, 2]");
        assertThatThrownBy(() -> ClipBpeTokenizer.load(dir, spec)).isInstanceOf(IOException.class)
                .hasMessageContaining("vocab.json must be a JSON object of symbol → id");
    }

    @Test
    void nonIntegerIdIsNamed() throws IOException {
        replace("vocab.json", "\"cat</w>\":513", "\"cat</w>\":\"x\"");
        assertThatThrownBy(() -> ClipBpeTokenizer.load(dir, spec)).isInstanceOf(IOException.class)
                .hasMessageContaining("vocab.json gives \"cat</w>\" the id \"x\", not a non-negative integer");
    }

    @Test
    void vocabularyWithoutByteSymbolsIsNamed() throws IOException {
        replace("vocab.json", "\"!</w>\":256,", "");
        assertThatThrownBy(() -> ClipBpeTokenizer.load(dir, spec)).isInstanceOf(IOException.class)
                .hasMessageContaining("vocab.json lacks the byte symbol \"!</w>\"");
    }

    @Test
    void vocabularyWithoutTheStartTokenIsNamed() throws IOException {
        replace("vocab.json", "\"<|startoftext|>\":518,", "");
        assertThatThrownBy(() -> ClipBpeTokenizer.load(dir, spec)).isInstanceOf(IOException.class)
                .hasMessageContaining("vocab.json lacks the special token <|startoftext|>");
    }

    @Test
    void endTokenOtherThanTheSpecsIsNamed() {
        assertThatThrownBy(() -> ClipBpeTokenizer.load(dir, TokenizerSpec.clipL())).isInstanceOf(IOException.class)
                .hasMessageContaining("vocab.json gives <|startoftext|> the id 518 but this text encoder expects 49406");
    }

    @Test
    void mergesWithoutTheVersionLineAreNamed() throws IOException {
        replace("merges.txt", "#version: 0.2\n", "");
        assertThatThrownBy(() -> ClipBpeTokenizer.load(dir, spec)).isInstanceOf(IOException.class)
                .hasMessageContaining("merges.txt must start with a \"#version\" line, found \"c a\"");
    }

    @Test
    void mergeLineOfThreeSymbolsIsNamedWithItsLineNumber() throws IOException {
        replace("merges.txt", "ca t</w>", "ca t </w>");
        assertThatThrownBy(() -> ClipBpeTokenizer.load(dir, spec)).isInstanceOf(IOException.class)
                .hasMessageContaining("merges.txt line 3 is \"ca t </w>\", not two symbols separated by a space");
    }

    @Test
    void mergeIntoASymbolTheVocabularyLacksIsNamed() throws IOException {
        replace("merges.txt", "c a\n", "c a\nx y\n");
        assertThatThrownBy(() -> ClipBpeTokenizer.load(dir, spec)).isInstanceOf(IOException.class)
                .hasMessageContaining("merges.txt line 3 merges into \"xy\", which vocab.json lacks");
    }

    @Test
    void mergesThatAreNotUtf8AreNamed() throws IOException {
        Files.write(dir.resolve("merges.txt"), new byte[] {'#', 'v', (byte) 0xFF, '\n'});
        assertThatThrownBy(() -> ClipBpeTokenizer.load(dir, spec)).isInstanceOf(IOException.class)
                .hasMessageContaining("merges.txt is not UTF-8 text");
    }
}
