package dev.easel.models.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.assertj.core.api.Assertions.assertThat;

class ModelKeyTest {
    @TempDir
    Path dir;

    @Test
    void aLinkHasTheKeyOfItsTarget() throws IOException {
        Path file = Files.write(dir.resolve("model.onnx"), new byte[10]);
        Path link = Files.createSymbolicLink(dir.resolve("link.onnx"), file);

        assertThat(ModelKey.of(link, "checkpoint")).isEqualTo(ModelKey.of(file, "checkpoint"));
    }

    @Test
    void aFileRewrittenWithAnotherSizeHasAnotherKey() throws IOException {
        Path file = Files.write(dir.resolve("model.onnx"), new byte[10]);
        ModelKey before = ModelKey.of(file, "checkpoint");
        Files.write(file, new byte[11]);

        assertThat(ModelKey.of(file, "checkpoint")).isNotEqualTo(before);
    }

    @Test
    void aFileTouchedLaterHasAnotherKey() throws IOException {
        Path file = Files.write(dir.resolve("model.onnx"), new byte[10]);
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000));
        ModelKey before = ModelKey.of(file, "checkpoint");
        Files.setLastModifiedTime(file, FileTime.fromMillis(2_000_000));

        assertThat(ModelKey.of(file, "checkpoint")).isNotEqualTo(before);
    }

    @Test
    void aFolderWeighsTheSumOfItsFiles() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("sd15/unet"));
        Files.write(folder.resolve("model.onnx"), new byte[100]);
        Files.write(folder.resolveSibling("model_index.json"), new byte[5]);

        assertThat(ModelKey.of(dir.resolve("sd15"), "checkpoint").size()).isEqualTo(105);
    }

    @Test
    void aFolderChangesKeyWhenAFileInsideItIsTouched() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("sd15/unet"));
        Path model = Files.write(folder.resolve("model.onnx"), new byte[100]);
        Files.setLastModifiedTime(model, FileTime.fromMillis(1_000_000));
        ModelKey before = ModelKey.of(dir.resolve("sd15"), "checkpoint");
        Files.setLastModifiedTime(model, FileTime.fromMillis(Long.MAX_VALUE / 2));

        assertThat(ModelKey.of(dir.resolve("sd15"), "checkpoint")).isNotEqualTo(before);
    }
}
