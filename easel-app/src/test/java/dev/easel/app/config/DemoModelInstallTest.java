package dev.easel.app.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.assertj.core.api.Assertions.assertThat;

class DemoModelInstallTest {
    @TempDir
    Path base;

    @Test
    void aFreshInstallationGetsTheDemoCheckpointOnceAndKeepsIt() throws Exception {
        Folders folders = Folders.under(base);
        folders.create();
        Path dir = DemoModelInstall.ensure(folders);

        assertThat(dir).isEqualTo(base.toAbsolutePath().normalize().resolve("models/checkpoints/easel-demo-v1"));
        for (String part : new String[]{"unet/model.onnx", "text_encoder/model.onnx", "vae_decoder/model.onnx",
                "vae_encoder/model.onnx", "tokenizer/vocab.json", "tokenizer/merges.txt"}) {
            assertThat(dir.resolve(part)).as(part).isNotEmptyFile();
        }
        FileTime written = Files.getLastModifiedTime(dir.resolve("unet/model.onnx"));
        Files.setLastModifiedTime(dir.resolve("unet/model.onnx"), FileTime.fromMillis(written.toMillis() - 60_000));
        DemoModelInstall.ensure(folders);
        assertThat(Files.getLastModifiedTime(dir.resolve("unet/model.onnx")).toMillis()).isEqualTo(written.toMillis() - 60_000);
    }
}
