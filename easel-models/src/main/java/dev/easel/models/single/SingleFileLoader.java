package dev.easel.models.single;

import ai.onnxruntime.OrtSession.SessionOptions;
import dev.easel.diffusion.latent.LatentFormat;
import dev.easel.diffusion.model.Parameterization;
import dev.easel.models.Checkpoint;
import dev.easel.models.diffusers.EncoderLayer;
import dev.easel.models.diffusers.ModelFamily;
import dev.easel.models.diffusers.OnnxClip;
import dev.easel.models.diffusers.OnnxUnet;
import dev.easel.models.diffusers.OnnxVae;
import dev.easel.models.library.LoadedCheckpoint;
import dev.easel.models.lora.LoraMerge;
import dev.easel.models.onnx.OnnxSession;
import dev.easel.models.onnx.SessionSettings;
import dev.easel.models.onnx.graph.OnnxGraph;
import dev.easel.models.safetensors.SafetensorsException;
import dev.easel.models.safetensors.SafetensorsFile;
import dev.easel.models.text.PromptTokenizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Loads a single-file checkpoint ({@code .safetensors}, LDM key names) as the three parts
 * ComfyUI's {@code CheckpointLoaderSimple} returns. Each network is built as an ONNX graph from
 * its {@link CheckpointConfig} and its weights are bound to the file's memory-mapped tensors
 * ({@link CheckpointWeights}); the sessions then drive the same UNet, CLIP and VAE classes as a
 * diffusers ONNX folder. A tensor that is missing or has another shape than the configuration
 * implies is an {@link IOException} naming the file, the key and both shapes; nothing is left
 * open after a failure. The file may be closed once this returns: the mappings stay valid. Each
 * part also loads alone, so that a UNet or text encoder with LoRAs merged into it is a network of
 * its own beside the checkpoint's, which stays as stored.
 */
public final class SingleFileLoader {
    private static final Logger LOG = LoggerFactory.getLogger(SingleFileLoader.class);

    private final SessionSettings settings;
    private final AttentionChunking chunking;

    public SingleFileLoader(SessionSettings settings, AttentionChunking chunking) {
        this.settings = settings;
        this.chunking = chunking;
    }

    public static SingleFileLoader defaults() {
        return new SingleFileLoader(defaultSettings(), AttentionChunking.defaults());
    }

    /**
     * The session settings of {@link #defaults()}: {@link SessionSettings#defaults()} with graph
     * optimisations up to {@code EXTENDED_OPT} rather than {@code ALL_OPT}. The layout optimisations
     * that {@code ALL_OPT} adds (convolutions in ONNX Runtime's blocked NCHWc layout) made creating
     * a full-size SD1.5 UNet's session about three times as slow and raised the load's peak memory
     * by 0.8 GiB, the time going to allocating and copying the weights, while its evaluations took
     * as long either way on a 2-core AVX2 machine (docs/BENCHMARKS.md, the checkpoint benchmark).
     * Outputs differ from {@code ALL_OPT}'s by float rounding only.
     */
    public static SessionSettings defaultSettings() {
        return SessionSettings.defaults().withOptimization(SessionOptions.OptLevel.EXTENDED_OPT);
    }

    public LoadedCheckpoint load(SafetensorsFile file, CheckpointConfig config, TokenizerSource tokenizers) throws IOException {
        long start = System.nanoTime();
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        try {
            // the text encoders first: their prefixes and tokenizers are checked before anything large is built
            OnnxClip clip = clip(file, config, tokenizers, LoraMerge.Merged.none());
            opened.push(clip);
            OnnxUnet unet = unet(file, config, LoraMerge.Merged.none());
            opened.push(unet);
            OnnxVae vae = vae(file, config);
            LOG.info("loaded {} as {} ({}) in {} ms", file.path(), config.family(), config.parameterization(),
                    (System.nanoTime() - start) / 1_000_000);
            AutoCloseable resources = () -> {
                unet.close();
                clip.close();
                vae.close();
            };
            return new LoadedCheckpoint(new Checkpoint(unet, clip, vae), resources);
        } catch (IOException | RuntimeException e) {
            while (!opened.isEmpty()) closeQuietly(opened.pop());
            throw e;
        }
    }

    /** The checkpoint's UNet alone, with {@code patches} (LoRA changes) merged into its weights. */
    public OnnxUnet unet(SafetensorsFile file, CheckpointConfig config, LoraMerge.Merged patches) throws IOException {
        return unet(file, UnetGraph.PREFIX, config.unet(), config.parameterization(), patches);
    }

    /** A UNet stored under {@code prefix} (a checkpoint's, or {@code ""} in a file of its own), with {@code patches} merged. */
    public OnnxUnet unet(SafetensorsFile file, String prefix, UnetConfig unet, Parameterization parameterization,
                         LoraMerge.Merged patches) throws IOException {
        String name = file.path().getFileName().toString();
        return building(opened -> OnnxUnet.of(session(file, prefix, "the UNet", name + " UNet", opened, patches,
                w -> new UnetGraph(unet, w, chunking).build()), parameterization));
    }

    /**
     * One text encoder to build: the file holding it, its key prefix there, where the transformer's
     * names start below that ({@code text_model.} in a Hugging Face file of its own, else empty), its shape.
     */
    public record Encoder(SafetensorsFile file, String prefix, String within, TextEncoderConfig config) {
    }

    /** The checkpoint's text encoders with their tokenizers, with {@code patches} merged into their weights. */
    public OnnxClip clip(SafetensorsFile file, CheckpointConfig config, TokenizerSource tokenizers, LoraMerge.Merged patches)
            throws IOException {
        List<Encoder> encoders = new ArrayList<>();
        for (CheckpointConfig.TextEncoder e : config.textEncoders()) encoders.add(new Encoder(file, textEncoderPrefix(file, e), "", e.config()));
        return clip(config.family(), encoders, tokenizers, patches);
    }

    /** Text encoders from one file or several (CLIPLoader, DualCLIPLoader), conditioning as {@code family}'s do. */
    public OnnxClip clip(ModelFamily family, List<Encoder> encoders, TokenizerSource tokenizers, LoraMerge.Merged patches)
            throws IOException {
        List<PromptTokenizer> tokenizerList = new ArrayList<>();
        for (Encoder e : encoders) tokenizerList.add(tokenizers.tokenizer(e.config().tokens()));
        return building(opened -> {
            List<OnnxSession> sessions = new ArrayList<>();
            for (int i = 0; i < encoders.size(); i++) {
                Encoder e = encoders.get(i);
                String label = e.file().path().getFileName() + " text encoder" + (encoders.size() > 1 ? " " + (i + 1) : "");
                sessions.add(session(e.file(), e.prefix(), "text encoder " + (i + 1), label, opened, patches,
                        w -> new ClipGraph(e.config(), w, e.within()).build()));
            }
            return OnnxClip.of(family, sessions, tokenizerList, defaultLayer(family));
        });
    }

    /** The checkpoint's VAE, decoder and encoder. */
    public OnnxVae vae(SafetensorsFile file, CheckpointConfig config) throws IOException {
        return vae(file, VaeGraph.PREFIX, config.vae(), config.family().latentFormat());
    }

    /** A VAE stored under {@code prefix} (a checkpoint's, or {@code ""} in a file of its own). */
    public OnnxVae vae(SafetensorsFile file, String prefix, VaeConfig vae, LatentFormat format) throws IOException {
        String name = file.path().getFileName().toString();
        LoraMerge.Merged none = LoraMerge.Merged.none();
        return building(opened -> OnnxVae.of(
                session(file, prefix, "the VAE decoder", name + " VAE decoder", opened, none,
                        w -> new VaeGraph(vae, w, chunking).decoder()),
                Optional.of(session(file, prefix, "the VAE encoder", name + " VAE encoder", opened, none,
                        w -> new VaeGraph(vae, w, chunking).encoder())),
                format, name + " has a VAE encoder"));
    }

    /** Something built from sessions opened into the deque; on failure every session opened so far is closed. */
    private interface Build<T> {
        T from(Deque<AutoCloseable> opened) throws IOException;
    }

    private static <T> T building(Build<T> build) throws IOException {
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        try {
            return build.from(opened);
        } catch (IOException | RuntimeException e) {
            while (!opened.isEmpty()) closeQuietly(opened.pop());
            if (e instanceof UncheckedIOException u) throw u.getCause();
            throw e;
        }
    }

    /**
     * Builds one part's graph over the file's tensors under {@code prefix} and opens its session,
     * which then owns the bound tensors.
     */
    private OnnxSession session(SafetensorsFile file, String prefix, String part, String label, Deque<AutoCloseable> opened,
                                LoraMerge.Merged patches, Function<CheckpointWeights, byte[]> builder) {
        long start = System.nanoTime();
        CheckpointWeights weights = new CheckpointWeights(file, OnnxGraph.named(label), prefix, part, patches);
        byte[] model;
        try {
            model = builder.apply(weights);
        } catch (RuntimeException e) {
            weights.close();
            throw e;
        }
        long built = System.nanoTime();
        OnnxSession session = OnnxSession.open(model, label, settings, weights.tensors());
        opened.push(session);
        long ready = System.nanoTime();
        LOG.debug("{}: {} tensors bound from {} ({} bytes copied for alignment, {} merged with LoRAs); graph of {} bytes built in {} ms, "
                        + "session created in {} ms", label, weights.count(), file.path(), weights.copiedBytes(), weights.mergedCount(),
                model.length, (built - start) / 1_000_000, (ready - built) / 1_000_000);
        return session;
    }

    private static String textEncoderPrefix(SafetensorsFile file, CheckpointConfig.TextEncoder e) throws SafetensorsException {
        String probe = e.config().layout() == TextEncoderConfig.Layout.HUGGING_FACE
                ? "embeddings.token_embedding.weight" : "token_embedding.weight";
        for (String prefix : e.prefixes()) if (file.find(prefix + probe).isPresent()) return prefix;
        throw new SafetensorsException(file.path(), "has no text encoder: none of "
                + e.prefixes().stream().map(p -> p + probe).toList() + " is in the file");
    }

    /**
     * What ComfyUI conditions on by default: SD1 the last layer after the final norm; SD2 the
     * penultimate layer, normed; SDXL the penultimate layer of both encoders, not normed.
     */
    static EncoderLayer defaultLayer(ModelFamily family) {
        return switch (family) {
            case SD1 -> new EncoderLayer.Final();
            case SD2 -> new EncoderLayer.Hidden(-2, true);
            case SDXL -> new EncoderLayer.Hidden(-2, false);
        };
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // already failing; the first error is the one to report
        }
    }
}
