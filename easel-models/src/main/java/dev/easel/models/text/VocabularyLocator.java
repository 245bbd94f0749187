package dev.easel.models.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the CLIP vocabulary ({@code vocab.json} and {@code merges.txt}) for a single-file
 * checkpoint, which carries none, without downloading anything. In order, the first folder that
 * holds both files:
 * <ol>
 *   <li>{@code tokenizer/} next to the model file;</li>
 *   <li>each {@code tokenizers} model folder ({@code models/tokenizers/}, or the
 *       {@code tokenizers:} entries of {@code extra_model_paths.yaml}), itself or its {@code clip/};</li>
 *   <li>a ComfyUI installation whose models Easel uses: for a checkpoints folder
 *       {@code ROOT/models/checkpoints}, {@code ROOT/comfy/sd1_tokenizer/}.</li>
 * </ol>
 * Every CLIP text encoder of SD1.x, SD2.x and SDXL shares that vocabulary; only the padding differs.
 */
public final class VocabularyLocator {

    private VocabularyLocator() {
    }

    public static Path locate(Path modelFile, List<Path> tokenizerFolders, List<Path> checkpointFolders) throws IOException {
        Set<Path> tried = new LinkedHashSet<>(candidates(modelFile, tokenizerFolders, checkpointFolders));
        for (Path dir : tried) {
            if (holdsVocabulary(dir)) return dir;
        }
        Path nextToModel = nextToModel(modelFile);
        throw new IOException("No CLIP tokenizer vocabulary for " + modelFile.getFileName()
                + ": single-file checkpoints carry none, and Easel downloads nothing. Put CLIP's "
                + TokenizerFiles.VOCAB + " and " + TokenizerFiles.MERGES + " (the files of ComfyUI's comfy/sd1_tokenizer/, "
                + "or of the tokenizer/ folder of any Stable Diffusion model in diffusers layout) into " + nextToModel
                + (tokenizerFolders.isEmpty() ? "" : " or " + tokenizerFolders.getFirst())
                + ". Looked in: " + tried);
    }

    private static List<Path> candidates(Path modelFile, List<Path> tokenizerFolders, List<Path> checkpointFolders) {
        List<Path> out = new ArrayList<>();
        out.add(nextToModel(modelFile));
        for (Path folder : tokenizerFolders) {
            out.add(folder);
            out.add(folder.resolve("clip"));
        }
        for (Path checkpoints : checkpointFolders) {
            comfyRoot(checkpoints).ifPresent(root -> out.add(root.resolve("comfy").resolve("sd1_tokenizer")));
        }
        return out.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    private static Path nextToModel(Path modelFile) {
        Path parent = modelFile.toAbsolutePath().getParent();
        return (parent == null ? Path.of("") : parent).resolve("tokenizer");
    }

    /** {@code ROOT} for {@code ROOT/models/checkpoints}. */
    private static Optional<Path> comfyRoot(Path checkpoints) {
        Path normal = checkpoints.toAbsolutePath().normalize();
        Path models = normal.getParent();
        if (normal.getFileName() == null || !normal.getFileName().toString().equals("checkpoints")
                || models == null || models.getFileName() == null || !models.getFileName().toString().equals("models")) {
            return Optional.empty();
        }
        return Optional.ofNullable(models.getParent());
    }

    private static boolean holdsVocabulary(Path dir) {
        return Files.isRegularFile(dir.resolve(TokenizerFiles.VOCAB)) && Files.isRegularFile(dir.resolve(TokenizerFiles.MERGES));
    }
}
