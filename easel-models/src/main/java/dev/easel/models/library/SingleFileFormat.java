package dev.easel.models.library;

import dev.easel.models.diffusers.OnnxClip;
import dev.easel.models.diffusers.OnnxUnet;
import dev.easel.models.diffusers.TokenizerLoader;
import dev.easel.models.lora.LoraApplication;
import dev.easel.models.lora.LoraMerge;
import dev.easel.models.lora.LoraTarget;
import dev.easel.models.safetensors.SafetensorsFile;
import dev.easel.models.single.CheckpointConfig;
import dev.easel.models.single.DetectedConfigs;
import dev.easel.models.single.SingleFileLoader;
import dev.easel.models.single.TokenizerSource;
import dev.easel.models.text.VocabularyLocator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Single-file {@code .safetensors} checkpoints (SD1.x, SD2.x, SDXL in ComfyUI's LDM layout):
 * detected from their tensors, built as ONNX graphs over the mapped file, with the CLIP
 * vocabulary found by {@link VocabularyLocator}. LoRAs merge into their UNet and text encoders.
 */
public final class SingleFileFormat implements CheckpointFormat {

    /** What to build for a file and where its tokenizers come from; detection and the locator by default. */
    public interface Resolver {
        CheckpointConfig config(SafetensorsFile file) throws IOException;

        TokenizerSource tokenizers(Path entry) throws IOException;
    }

    private final SingleFileLoader loader;
    private final Resolver resolver;

    public SingleFileFormat(SingleFileLoader loader, Resolver resolver) {
        this.loader = loader;
        this.resolver = resolver;
    }

    /** Detection with ComfyUI's rules, and the vocabulary from {@code tokenizerFolders} or beside the model or ComfyUI's. */
    public static SingleFileFormat detecting(List<Path> tokenizerFolders, List<Path> checkpointFolders) {
        return detecting(SingleFileLoader.defaults(), tokenizerFolders, checkpointFolders);
    }

    /** The same, building the networks with {@code loader} (its session settings). */
    public static SingleFileFormat detecting(SingleFileLoader loader, List<Path> tokenizerFolders, List<Path> checkpointFolders) {
        return new SingleFileFormat(loader, new Resolver() {
            @Override
            public CheckpointConfig config(SafetensorsFile file) throws IOException {
                return DetectedConfigs.of(file);
            }

            @Override
            public TokenizerSource tokenizers(Path entry) throws IOException {
                Path vocabulary = VocabularyLocator.locate(entry, tokenizerFolders, checkpointFolders);
                return TokenizerSource.folder(TokenizerLoader.clipBpe(), vocabulary);
            }
        });
    }

    @Override
    public String id() {
        return "single-file";
    }

    @Override
    public boolean recognises(Path entry) {
        return Files.isRegularFile(entry) && entry.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".safetensors");
    }

    @Override
    public Optional<LoraPatching> loraPatching(Path entry) {
        return Optional.of(new LoraPatching() {
            @Override
            public OnnxUnet unet(List<LoraApplication> loras) throws IOException {
                try (SafetensorsFile file = SafetensorsFile.open(entry)) {
                    return loader.unet(file, resolver.config(file), LoraMerge.into(file, loras, LoraTarget.Part.MODEL));
                }
            }

            @Override
            public OnnxClip clip(List<LoraApplication> loras) throws IOException {
                try (SafetensorsFile file = SafetensorsFile.open(entry)) {
                    return loader.clip(file, resolver.config(file), resolver.tokenizers(entry),
                            LoraMerge.into(file, loras, LoraTarget.Part.CLIP));
                }
            }
        });
    }

    @Override
    public LoadedCheckpoint load(Path entry) throws IOException {
        try (SafetensorsFile file = SafetensorsFile.open(entry)) {
            CheckpointConfig config = resolver.config(file);
            return loader.load(file, config, resolver.tokenizers(entry));
        }
    }
}
