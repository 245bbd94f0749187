package dev.easel.models.library;

import dev.easel.diffusion.latent.LatentFormat;
import dev.easel.models.detect.CheckpointDetection;
import dev.easel.models.detect.DetectedCheckpoint;
import dev.easel.models.diffusers.ModelFamily;
import dev.easel.models.diffusers.OnnxClip;
import dev.easel.models.diffusers.OnnxUnet;
import dev.easel.models.diffusers.OnnxVae;
import dev.easel.models.diffusers.TokenizerLoader;
import dev.easel.models.lora.LoraApplication;
import dev.easel.models.lora.LoraMerge;
import dev.easel.models.lora.LoraTarget;
import dev.easel.models.safetensors.SafetensorsFile;
import dev.easel.models.single.DetectedConfigs;
import dev.easel.models.single.SingleFileLoader;
import dev.easel.models.single.TextEncoderConfig;
import dev.easel.models.single.TokenizerSource;
import dev.easel.models.single.UnetConfig;
import dev.easel.models.single.VaeConfig;
import dev.easel.models.text.VocabularyLocator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Networks stored one to a {@code .safetensors} file, as ComfyUI's UNETLoader, CLIPLoader,
 * DualCLIPLoader and VAELoader read them: a UNet in LDM names (at the top of the file or under
 * {@code model.diffusion_model.}), a CLIP text encoder in Hugging Face's or OpenCLIP's names, an
 * LDM VAE. Each is configured from its shapes as the parts of a checkpoint are.
 */
final class SingleFileParts {
    /** CLIPLoader's and DualCLIPLoader's {@code type}s that Easel runs. */
    static final String STABLE_DIFFUSION = "stable_diffusion", SDXL = "sdxl";

    private final SingleFileLoader loader;
    private final List<Path> tokenizerFolders;
    private final List<Path> checkpointFolders;

    SingleFileParts(SingleFileLoader loader, List<Path> tokenizerFolders, List<Path> checkpointFolders) {
        this.loader = loader;
        this.tokenizerFolders = List.copyOf(tokenizerFolders);
        this.checkpointFolders = List.copyOf(checkpointFolders);
    }

    OnnxVae vae(Path path) throws IOException {
        try (SafetensorsFile file = SafetensorsFile.open(path)) {
            DetectedConfigs.Found<VaeConfig> vae = DetectedConfigs.vaeAlone(path, DetectedConfigs.shapes(file));
            if (vae.config().latentChannels() != 4) {
                throw new IOException(path + ": a VAE of " + vae.config().latentChannels() + " latent channels; Easel runs SD's 4-channel VAEs");
            }
            return loader.vae(file, vae.prefix(), vae.config(), LatentFormat.SD15);
        }
    }

    /** The UNet with {@code loras} merged into it (none: as stored). */
    OnnxUnet unet(Path path, List<LoraApplication> loras) throws IOException {
        try (SafetensorsFile file = SafetensorsFile.open(path)) {
            DetectedCheckpoint detected = CheckpointDetection.detect(file);
            UnetConfig unet = DetectedConfigs.unet(path, detected, DetectedConfigs.shapes(file));
            if (unet.inChannels() != 4) {
                throw new IOException(path + ": an inpainting or other " + unet.inChannels() + "-channel UNet, which Easel cannot run yet");
            }
            LoraMerge.Merged patches = loras.isEmpty() ? LoraMerge.Merged.none() : LoraMerge.into(file, loras, LoraTarget.Part.MODEL);
            return loader.unet(file, detected.unet().prefix(), unet, detected.prediction(), patches);
        }
    }

    /**
     * The text encoders of {@code paths} as {@code type} asks: {@code stable_diffusion} one CLIP-L
     * (SD1.x) or OpenCLIP (SD2.x) file, {@code sdxl} a CLIP-L and an OpenCLIP bigG file in either order.
     */
    OnnxClip clip(List<Path> paths, String type) throws IOException {
        List<SafetensorsFile> files = new ArrayList<>();
        try {
            List<SingleFileLoader.Encoder> encoders = new ArrayList<>();
            for (Path path : paths) {
                SafetensorsFile file = SafetensorsFile.open(path);
                files.add(file);
                DetectedConfigs.Found<TextEncoderConfig> found = DetectedConfigs.textEncoderAlone(path, DetectedConfigs.shapes(file));
                encoders.add(new SingleFileLoader.Encoder(file, "", found.prefix(), found.config()));
            }
            // CLIP-L first, as SDXL concatenates them
            encoders.sort(Comparator.comparing(e -> !isClipL(e.config())));
            ModelFamily family = family(type, encoders, paths);
            Path vocabulary = VocabularyLocator.locate(paths.getFirst(), tokenizerFolders, checkpointFolders);
            return loader.clip(family, encoders, TokenizerSource.folder(TokenizerLoader.clipBpe(), vocabulary), LoraMerge.Merged.none());
        } finally {
            for (SafetensorsFile f : files) f.close();
        }
    }

    private static boolean isClipL(TextEncoderConfig c) {
        return c.activation() == TextEncoderConfig.Activation.QUICK_GELU;
    }

    private static ModelFamily family(String type, List<SingleFileLoader.Encoder> encoders, List<Path> paths) throws IOException {
        List<Boolean> clipL = encoders.stream().map(e -> isClipL(e.config())).toList();
        if (type.equals(STABLE_DIFFUSION) && encoders.size() == 1) return clipL.getFirst() ? ModelFamily.SD1 : ModelFamily.SD2;
        if (type.equals(SDXL) && clipL.equals(List.of(true, false))) return ModelFamily.SDXL;
        if (type.equals(SDXL)) {
            throw new IOException("sdxl needs a CLIP-L and an OpenCLIP bigG text encoder; " + paths + " hold "
                    + clipL.stream().map(l -> l ? "a CLIP-L" : "an OpenCLIP").toList());
        }
        throw new IOException("text encoders of type " + type + " cannot run in Easel yet; it runs " + STABLE_DIFFUSION
                + " (CLIPLoader: CLIP-L for SD1.x, OpenCLIP-H for SD2.x) and " + SDXL + " (DualCLIPLoader: CLIP-L and OpenCLIP bigG)");
    }
}
