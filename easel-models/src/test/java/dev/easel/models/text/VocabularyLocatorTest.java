package dev.easel.models.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VocabularyLocatorTest {
    @TempDir
    Path dir;

    private static Path vocabulary(Path folder) throws IOException {
        VocabularyWriter.write(folder, List.of("a"));
        return folder;
    }

    private Path model(Path checkpoints) throws IOException {
        Files.createDirectories(checkpoints);
        return Files.writeString(checkpoints.resolve("v1-5-pruned-emaonly.safetensors"), "");
    }

    @Test
    void aTokenizerFolderNextToTheModelComesFirst() throws IOException {
        Path checkpoints = dir.resolve("models/checkpoints");
        Path model = model(checkpoints);
        Path beside = vocabulary(checkpoints.resolve("tokenizer"));
        Path configured = vocabulary(dir.resolve("models/tokenizers"));

        assertThat(VocabularyLocator.locate(model, List.of(configured), List.of(checkpoints))).isEqualTo(beside);
    }

    @Test
    void thenTheTokenizersFoldersThemselvesOrTheirClipSubfolder() throws IOException {
        Path checkpoints = dir.resolve("models/checkpoints");
        Path model = model(checkpoints);
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path nested = vocabulary(dir.resolve("shared/tokenizers/clip"));

        assertThat(VocabularyLocator.locate(model, List.of(empty, dir.resolve("shared/tokenizers")), List.of(checkpoints)))
                .isEqualTo(nested);
    }

    @Test
    void thenTheVocabularyOfAComfyUiInstallationWhoseModelsAreUsed() throws IOException {
        Path comfy = dir.resolve("ComfyUI");
        Path checkpoints = comfy.resolve("models/checkpoints");
        Path model = model(checkpoints);
        Path shipped = vocabulary(comfy.resolve("comfy/sd1_tokenizer"));

        assertThat(VocabularyLocator.locate(model, List.of(), List.of(dir.resolve("elsewhere"), checkpoints))).isEqualTo(shipped);
    }

    @Test
    void aFolderWithOnlyOneOfTheFilesDoesNotCount() throws IOException {
        Path checkpoints = dir.resolve("models/checkpoints");
        Path model = model(checkpoints);
        Path half = Files.createDirectories(checkpoints.resolve("tokenizer"));
        Files.writeString(half.resolve("vocab.json"), "{}");
        Path whole = vocabulary(dir.resolve("models/tokenizers"));

        assertThat(VocabularyLocator.locate(model, List.of(whole), List.of(checkpoints))).isEqualTo(whole);
    }

    @Test
    void noneFoundSaysWhichFilesGoWhereAndWhereItLooked() throws IOException {
        Path checkpoints = dir.resolve("models/checkpoints");
        Path model = model(checkpoints);
        Path tokenizers = dir.resolve("models/tokenizers");

        assertThatThrownBy(() -> VocabularyLocator.locate(model, List.of(tokenizers), List.of(checkpoints)))
                .isInstanceOf(IOException.class)
                .hasMessage("No CLIP tokenizer vocabulary for v1-5-pruned-emaonly.safetensors: single-file checkpoints "
                        + "carry none, and Easel downloads nothing. Put CLIP's vocab.json and merges.txt (the files of "
                        + "ComfyUI's comfy/sd1_tokenizer/, or of the tokenizer/ folder of any Stable Diffusion model in "
                        + "diffusers layout) into " + checkpoints.resolve("tokenizer") + " or " + tokenizers + ". Looked in: ["
                        + checkpoints.resolve("tokenizer") + ", " + tokenizers + ", " + tokenizers.resolve("clip") + ", "
                        + dir.resolve("comfy/sd1_tokenizer") + "]");
    }
}
