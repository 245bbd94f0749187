package dev.easel.models.toy;

import dev.easel.models.diffusers.TokenizerLoader;
import dev.easel.models.onnx.ElementType;
import dev.easel.models.text.VocabularyWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a complete toy diffusers ONNX folder: the files an Optimum export has, with the toy
 * models of this package. Start from {@link #sd15()}, {@link #sd2v()} or {@link #sdxl()}, change
 * what a test needs, then {@link #writeTo}. The tokenizer files are placeholders, read with
 * {@link #tokenizers()} as {@link ToyTokenizer}s, unless {@link #vocabulary} asks for a real CLIP
 * vocabulary ({@link VocabularyWriter}) that the default CLIP BPE tokenizer reads.
 */
public final class ToyDiffusers {
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Set<String> tokenizerDirs = new LinkedHashSet<>();
    private List<String> vocabulary = List.of();

    private ToyDiffusers() {
    }

    /** SD1.5-shaped: CLIP-L width 768, int32 ids, float timestep, ε-prediction. */
    public static ToyDiffusers sd15() {
        return new ToyDiffusers()
                .textEncoder(ToyTextEncoder.of(ElementType.INT32, 768))
                .unet(ToyUnet.sd(ElementType.FLOAT, 768))
                .vae(true)
                .tokenizer("tokenizer")
                .scheduler("epsilon");
    }

    /** SD2-768-shaped: OpenCLIP width 1024, int64 ids, v-prediction. */
    public static ToyDiffusers sd2v() {
        return new ToyDiffusers()
                .textEncoder(ToyTextEncoder.of(ElementType.INT64, 1024))
                .unet(ToyUnet.sd(ElementType.FLOAT, 1024))
                .vae(true)
                .tokenizer("tokenizer")
                .scheduler("v_prediction");
    }

    /** SDXL-shaped with tiny widths: CLIP-L 4, CLIP-G 6 (projected, pooled 6), int64 ids and timestep. */
    public static ToyDiffusers sdxl() {
        return new ToyDiffusers()
                .textEncoder(ToyTextEncoder.of(ElementType.INT64, 4))
                .put("text_encoder_2/model.onnx", ToyTextEncoder.of(ElementType.INT64, 6).withProjection().build())
                .unet(ToyUnet.sdxl(ElementType.INT64, 10, 6))
                .vae(true)
                .tokenizer("tokenizer")
                .tokenizer("tokenizer_2")
                .scheduler("epsilon");
    }

    public ToyDiffusers textEncoder(ToyTextEncoder encoder) {
        return put("text_encoder/model.onnx", encoder.build());
    }

    public ToyDiffusers unet(ToyUnet unet) {
        return put("unet/model.onnx", unet.build());
    }

    /** The decoder, and the encoder unless {@code withEncoder} is false. */
    public ToyDiffusers vae(boolean withEncoder) {
        put("vae_decoder/model.onnx", ToyVae.decoder());
        if (withEncoder) put("vae_encoder/model.onnx", ToyVae.encoder(false));
        else files.remove("vae_encoder/model.onnx");
        return this;
    }

    public ToyDiffusers scheduler(String predictionType) {
        return put("scheduler/scheduler_config.json",
                ("{\"_class_name\": \"PNDMScheduler\", \"prediction_type\": \"" + predictionType + "\"}").getBytes());
    }

    /** Writes a CLIP vocabulary in which each of {@code words} is one token into every tokenizer folder. */
    public ToyDiffusers vocabulary(List<String> words) {
        vocabulary = List.copyOf(words);
        return this;
    }

    public ToyDiffusers tokenizer(String dir) {
        tokenizerDirs.add(dir);
        put(dir + "/vocab.json", "{}".getBytes());
        return put(dir + "/merges.txt", "#version: 0.2\n".getBytes());
    }

    public ToyDiffusers put(String relative, byte[] content) {
        files.put(relative, content);
        return this;
    }

    public ToyDiffusers without(String relative) {
        files.remove(relative);
        return this;
    }

    public Path writeTo(Path folder) {
        try {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path file = folder.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                Files.write(file, f.getValue());
            }
            if (!vocabulary.isEmpty()) {
                for (String dir : tokenizerDirs) {
                    if (files.containsKey(dir + "/vocab.json")) VocabularyWriter.write(folder.resolve(dir), vocabulary);
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads every tokenizer folder as a {@link ToyTokenizer} with the spec the loader asks for. */
    public static TokenizerLoader tokenizers() {
        return (dir, spec) -> new ToyTokenizer(spec);
    }
}
