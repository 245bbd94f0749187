package dev.easel.engine.node;

import dev.easel.engine.files.FileSpace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What node packs are told about the server they run in: its folders and output settings.
 * {@code modelFolders} maps ComfyUI folder keys ({@code checkpoints}, {@code vae}, ...) to the
 * directories searched for them, the first being the default; {@code limits} bound what one
 * prompt may decode and write.
 */
public record PackEnvironment(Path baseDir, Path outputDir, Path inputDir, Path tempDir,
                              boolean metadataDisabled, String previewMethod, int previewSize,
                              Map<String, List<Path>> modelFolders, ResourceLimits limits) {

    public PackEnvironment {
        modelFolders = Map.copyOf(modelFolders);
    }

    /** With the default {@link ResourceLimits}. */
    public PackEnvironment(Path baseDir, Path outputDir, Path inputDir, Path tempDir, boolean metadataDisabled,
                           String previewMethod, int previewSize, Map<String, List<Path>> modelFolders) {
        this(baseDir, outputDir, inputDir, tempDir, metadataDisabled, previewMethod, previewSize, modelFolders,
                ResourceLimits.defaults());
    }

    /** The server's own folders, what every job uses while authentication is off. */
    public FileSpace files() {
        return FileSpace.shared(outputDir, inputDir, tempDir);
    }

    public PackEnvironment withLimits(ResourceLimits newLimits) {
        return new PackEnvironment(baseDir, outputDir, inputDir, tempDir, metadataDisabled, previewMethod, previewSize,
                modelFolders, newLimits);
    }

    /** Default folders under one base directory, as ComfyUI lays them out. */
    public static PackEnvironment under(Path base) {
        return new PackEnvironment(base, base.resolve("output"), base.resolve("input"), base.resolve("temp"),
                false, "none", 512, Map.of());
    }
}
