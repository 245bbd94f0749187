package dev.easel.app.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FoldersTest {
    @TempDir
    Path base;

    @Test
    void creatingTheFoldersLaysOutModelsAndItsUsualSubfoldersAsComfyUiDoes() {
        Folders.under(base).create();

        for (String dir : new String[]{"output", "input", "temp", "user", "models/checkpoints", "models/loras",
                "models/vae", "models/text_encoders", "models/clip", "models/unet", "models/diffusion_models",
                "models/embeddings", "models/vae_approx", "models/upscale_models", "models/controlnet"}) {
            assertThat(base.resolve(dir)).as(dir).isDirectory();
        }
    }
}
