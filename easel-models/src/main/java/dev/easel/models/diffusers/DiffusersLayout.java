package dev.easel.models.diffusers;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a diffusers/Optimum ONNX export keeps its parts. Only the files named here are read;
 * external weight files ({@code model.onnx_data}, {@code weights.pb}) are found by ONNX Runtime
 * next to their {@code model.onnx}.
 */
public record DiffusersLayout(Path root) {
    static final String UNET = "unet/model.onnx";
    static final String TEXT_ENCODER = "text_encoder/model.onnx";
    static final String TEXT_ENCODER_2 = "text_encoder_2/model.onnx";
    static final String VAE_DECODER = "vae_decoder/model.onnx";
    static final String VAE_ENCODER = "vae_encoder/model.onnx";
    static final String TOKENIZER = "tokenizer";
    static final String TOKENIZER_2 = "tokenizer_2";
    static final String SCHEDULER_CONFIG = "scheduler/scheduler_config.json";
    private static final List<String> TOKENIZER_FILES = List.of("vocab.json", "merges.txt");

    /** Whether {@code dir} is meant to be one: it has a {@code unet/model.onnx}. */
    public static boolean looksLikeOne(Path dir) {
        return Files.isRegularFile(dir.resolve(UNET));
    }

    public Path file(String relative) {
        return root.resolve(relative);
    }

    public boolean has(String relative) {
        return Files.isRegularFile(file(relative));
    }

    /** Every part all families need; one error lists all that are missing. */
    void requireBase() throws NoSuchFileException {
        List<String> missing = new ArrayList<>();
        for (String f : List.of(UNET, TEXT_ENCODER, VAE_DECODER, SCHEDULER_CONFIG)) if (!has(f)) missing.add(f);
        missingTokenizerFiles(TOKENIZER, missing);
        fail(missing, "");
    }

    /** SDXL's second text encoder and its tokenizer. */
    void requireSecondEncoder() throws NoSuchFileException {
        List<String> missing = new ArrayList<>();
        if (!has(TEXT_ENCODER_2)) missing.add(TEXT_ENCODER_2);
        missingTokenizerFiles(TOKENIZER_2, missing);
        fail(missing, " (its UNet takes text_embeds and time_ids, so it is an SDXL model)");
    }

    private void missingTokenizerFiles(String dir, List<String> missing) {
        for (String f : TOKENIZER_FILES) if (!has(dir + "/" + f)) missing.add(dir + "/" + f);
    }

    private void fail(List<String> missing, String why) throws NoSuchFileException {
        if (!missing.isEmpty()) {
            throw new NoSuchFileException(root.toString(), null,
                    "diffusers ONNX folder is missing " + String.join(", ", missing) + why);
        }
    }
}
