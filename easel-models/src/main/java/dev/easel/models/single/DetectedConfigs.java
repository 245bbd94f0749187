package dev.easel.models.single;

import dev.easel.models.detect.DetectedCheckpoint;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The configuration to build for a detected checkpoint. Detection tells the released model a
 * file is (ComfyUI's classes fix the networks' shapes, heads included, which the tensors alone do
 * not tell), so each kind maps to its preset; what the presets do not cover yet is refused here,
 * before anything is built.
 */
public final class DetectedConfigs {

    private DetectedConfigs() {
    }

    public static CheckpointConfig of(Path file, DetectedCheckpoint detected) throws IOException {
        if (detected.unet().inChannels() != 4) {
            throw new IOException(file + ": an inpainting or other " + detected.unet().inChannels()
                    + "-channel UNet, which Easel cannot run from a single file yet");
        }
        if (detected.textEncoders().isEmpty() || detected.vaePrefix().isEmpty()) {
            throw new IOException(file + ": a UNet without " + (detected.textEncoders().isEmpty() ? "text encoders" : "a VAE")
                    + ", not a whole checkpoint; CheckpointLoaderSimple needs all three parts");
        }
        return switch (detected.kind()) {
            case SD15 -> CheckpointConfig.sd15();
            case SD20 -> CheckpointConfig.sd2(detected.prediction());
            case SDXL -> CheckpointConfig.sdxl(detected.prediction());
            case SDXL_REFINER -> throw new IOException(file + ": an SDXL refiner, which Easel cannot run yet");
        };
    }
}
