package dev.easel.models.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Easel's built-in demo model, made entirely by this code: a diffusers/Optimum-style SD1.5 ONNX
 * folder whose networks are closed-form rather than trained, so it needs no weights and draws in
 * milliseconds per step while going through the same loader, sessions, samplers and previews as a
 * real model.
 *
 * <ul>
 *   <li>{@code text_encoder}: a token-embedding lookup; keywords ("bottle", "galaxy", "sunset",
 *       …) are unit vectors on the axes of a few {@link Concept}s, other tokens nearly zero.</li>
 *   <li>{@code unet}: the exact ε of a Gaussian mixture over eleven painted {@link Scene}s, the
 *       mixture weights a softmax of the summed prompt concepts ({@link DemoUnet}). An empty or
 *       unrelated prompt gives nearly equal weights, so classifier-free guidance sharpens a
 *       picture toward the prompt's scene; the probability-flow ODE lands each seed on one scene.</li>
 *   <li>{@code vae_decoder}/{@code vae_encoder}: SD1.5's Latent2RGB map with ×8 bilinear upsampling,
 *       and its pseudo-inverse after 8×8 average pooling ({@link DemoVae}).</li>
 * </ul>
 */
public final class DemoModel {
    public static final String NAME = "easel-demo-v1";

    private DemoModel() {
    }

    /**
     * Writes the model folder to {@code dir}, replacing what is there. The folder is assembled
     * next to {@code dir} and renamed into place, so a reader never sees a half-written model.
     */
    public static void writeTo(Path dir) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".writing-");
        try {
            writeFiles(staging);
            replace(staging, target);
        } finally {
            deleteTree(staging);
        }
    }

    private static void writeFiles(Path dir) throws IOException {
        Files.writeString(dir.resolve("model_index.json"), """
                {"_class_name": "EaselDemoPipeline", "name": "%s", "family": "easel-demo", "latent_format": "SD15"}
                """.formatted(NAME), StandardCharsets.UTF_8);
        write(dir.resolve("scheduler/scheduler_config.json"), """
                {"prediction_type": "epsilon", "beta_schedule": "scaled_linear", "beta_start": 0.00085, \
                "beta_end": 0.012, "num_train_timesteps": 1000}
                """.getBytes(StandardCharsets.UTF_8));
        DemoTextEncoder.Vocabulary vocabulary = DemoTextEncoder.writeVocabulary(dir.resolve("tokenizer"));
        write(dir.resolve("text_encoder/model.onnx"), DemoTextEncoder.graph(DemoTextEncoder.embeddings(vocabulary)));
        DemoVae vae = new DemoVae();
        write(dir.resolve("unet/model.onnx"), DemoUnet.graph(Templates.latents(vae)));
        write(dir.resolve("vae_decoder/model.onnx"), vae.decoderGraph());
        write(dir.resolve("vae_encoder/model.onnx"), vae.encoderGraph());
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    /** Swaps {@code staging} in for {@code target}; an old model is moved aside first, then deleted. */
    private static void replace(Path staging, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.delete(old);
            move(target, old);
        }
        move(staging, target);
        if (old != null) deleteTree(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
