package dev.easel.models.single;

import dev.easel.models.detect.CheckpointDetection;
import dev.easel.models.detect.DetectedCheckpoint;
import dev.easel.models.detect.DetectedCheckpoint.TextEncoderPrefix;
import dev.easel.models.detect.UnetLayout;
import dev.easel.models.diffusers.ModelFamily;
import dev.easel.models.safetensors.SafetensorsFile;
import dev.easel.models.safetensors.StoredTensor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configuration to build for a detected checkpoint, read from its tensor shapes as ComfyUI's
 * model detection reads a UNet's ({@code model_channels}, {@code context_dim}, the transformer depth
 * of every block, {@code num_res_blocks}, {@code channel_mult}, {@code adm_in_channels}) and, in
 * the same way, the VAE's and the text encoders' widths, depths and levels. For the released
 * models this gives exactly their presets; a smaller model of the same structure (a test model,
 * a distilled one) gets its own sizes. What the shapes cannot tell is the number of attention
 * heads: SD1's UNet has 8, as ComfyUI's SD15 class says; SD2's and SDXL's have heads of 64
 * channels, and every released CLIP encoder too. A UNet narrower than 128 channels gets heads
 * of half its channels and a text encoder narrower than 256 four heads, which only test models are.
 */
public final class DetectedConfigs {
    private static final int HEAD_WIDTH = 64;

    private final Path file;
    private final Map<String, long[]> shapes;

    private DetectedConfigs(Path file, Map<String, long[]> shapes) {
        this.file = file;
        this.shapes = shapes;
    }

    /** Detects the file's checkpoint and reads its configuration. */
    public static CheckpointConfig of(SafetensorsFile file) throws IOException {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (StoredTensor t : file.tensors()) shapes.put(t.name(), t.shape());
        return of(file.path(), CheckpointDetection.detect(file), shapes);
    }

    /** What Easel cannot build yet is refused here, before anything is built. */
    public static CheckpointConfig of(Path file, DetectedCheckpoint detected, Map<String, long[]> shapes) throws IOException {
        if (detected.unet().inChannels() != 4) {
            throw new IOException(file + ": an inpainting or other " + detected.unet().inChannels()
                    + "-channel UNet, which Easel cannot run from a single file yet");
        }
        if (detected.textEncoders().isEmpty() || detected.vaePrefix().isEmpty()) {
            throw new IOException(file + ": a UNet without " + (detected.textEncoders().isEmpty() ? "text encoders" : "a VAE")
                    + ", not a whole checkpoint; CheckpointLoaderSimple needs all three parts");
        }
        ModelFamily family = switch (detected.kind()) {
            case SD15 -> ModelFamily.SD1;
            case SD20 -> ModelFamily.SD2;
            case SDXL -> ModelFamily.SDXL;
            case SDXL_REFINER -> throw new IOException(file + ": an SDXL refiner, which Easel cannot run yet");
        };
        DetectedConfigs read = new DetectedConfigs(file, shapes);
        List<CheckpointConfig.TextEncoder> encoders = new ArrayList<>();
        for (TextEncoderPrefix e : detected.textEncoders()) {
            encoders.add(new CheckpointConfig.TextEncoder(List.of(e.prefix()), read.textEncoder(e)));
        }
        try {
            return new CheckpointConfig(family, read.unet(family, detected.unet()), read.vae(detected.vaePrefix().get()),
                    encoders, detected.prediction());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": its networks do not fit together: " + e.getMessage(), e);
        }
    }

    private UnetConfig unet(ModelFamily family, UnetLayout u) throws IOException {
        Set<Integer> resBlocks = new HashSet<>(u.numResBlocks());
        if (resBlocks.size() != 1) {
            throw new IOException(file + ": a UNet with different numbers of res blocks per level " + u.numResBlocks()
                    + ", which Easel cannot build");
        }
        UnetConfig.Heads heads = family == ModelFamily.SD1 ? new UnetConfig.Heads.Fixed(8)
                : new UnetConfig.Heads.OfWidth(Math.min(HEAD_WIDTH, u.modelChannels() / 2));
        try {
            return new UnetConfig(u.inChannels(), u.outChannels(), u.modelChannels(), u.channelMult(), u.numResBlocks().getFirst(),
                    u.transformerDepth(), u.middleDepth(), u.transformerDepthOutput().reversed(), heads,
                    u.contextDim().orElseThrow(), u.linearInTransformer(), u.admInChannels().orElse(0));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": a UNet Easel cannot build (" + u.describe() + "): " + e.getMessage(), e);
        }
    }

    private VaeConfig vae(String prefix) throws IOException {
        String encoder = prefix + "encoder.";
        int channels = dim(encoder + "conv_in.weight", 0);
        List<Integer> mult = new ArrayList<>();
        for (int level = 0; level < count(encoder + "down."); level++) {
            mult.add(dim(encoder + "down." + level + ".block.0.conv1.weight", 0) / channels);
        }
        return new VaeConfig(channels, mult, count(encoder + "down.0.block."), dim(prefix + "decoder.conv_in.weight", 1));
    }

    private TextEncoderConfig textEncoder(TextEncoderPrefix e) throws IOException {
        String p = e.prefix();
        boolean hf = e.layout() == TextEncoderPrefix.Layout.HF_CLIP;
        String embedding = p + (hf ? "embeddings.token_embedding.weight" : "token_embedding.weight");
        String positions = p + (hf ? "embeddings.position_embedding.weight" : "positional_embedding");
        String layers = p + (hf ? "encoder.layers." : "transformer.resblocks.");
        String fc1 = hf ? "mlp.fc1.weight" : "mlp.c_fc.weight";
        int width = dim(embedding, 1);
        TextEncoderConfig preset = hf ? TextEncoderConfig.clipL() : TextEncoderConfig.openClipH();
        if (dim(positions, 0) != preset.positions()) {
            throw new IOException(file + ": " + positions + " has " + dim(positions, 0) + " positions; CLIP's tokenizer fills "
                    + preset.positions());
        }
        int heads = width < 4 * HEAD_WIDTH ? 4 : width / HEAD_WIDTH;
        try {
            return new TextEncoderConfig(preset.layout(), width, count(layers), heads, dim(layers + "0." + fc1, 0),
                    preset.activation(), dim(embedding, 0), preset.tokens(), !hf && shapes.containsKey(p + "text_projection"));
        } catch (IllegalArgumentException ex) {
            throw new IOException(file + ": the text encoder under " + p + " cannot be built: " + ex.getMessage(), ex);
        }
    }

    private int dim(String key, int axis) throws IOException {
        long[] shape = shapes.get(key);
        if (shape == null || shape.length <= axis) {
            throw new IOException(file + ": has no tensor " + key + (shape == null ? "" : " of rank " + (axis + 1))
                    + ", which tells the network's size");
        }
        return Math.toIntExact(shape[axis]);
    }

    /** How many numbered blocks follow {@code prefix} ({@code prefix0.…}, {@code prefix1.…}, ...). */
    private int count(String prefix) {
        int n = 0;
        while (true) {
            String next = prefix + n + ".";
            if (shapes.keySet().stream().noneMatch(k -> k.startsWith(next))) return n;
            n++;
        }
    }
}
