package dev.easel.models.single;

import dev.easel.models.Checkpoint;
import dev.easel.models.diffusers.EncoderLayer;
import dev.easel.models.diffusers.ModelFamily;
import dev.easel.models.diffusers.OnnxClip;
import dev.easel.models.diffusers.OnnxUnet;
import dev.easel.models.diffusers.OnnxVae;
import dev.easel.models.library.LoadedCheckpoint;
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
 * open after a failure. The file may be closed once this returns: the mappings stay valid.
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
        return new SingleFileLoader(SessionSettings.defaults(), AttentionChunking.defaults());
    }

    public LoadedCheckpoint load(SafetensorsFile file, CheckpointConfig config, TokenizerSource tokenizers) throws IOException {
        long start = System.nanoTime();
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        try {
            String name = file.path().getFileName().toString();
            // what can be checked without building anything comes first: the text encoders' prefixes, the tokenizers
            List<String> prefixes = new ArrayList<>();
            for (CheckpointConfig.TextEncoder e : config.textEncoders()) prefixes.add(textEncoderPrefix(file, e));
            List<PromptTokenizer> tokenizerList = new ArrayList<>();
            for (CheckpointConfig.TextEncoder e : config.textEncoders()) tokenizerList.add(tokenizers.tokenizer(e.config().tokens()));

            OnnxSession unetSession = session(file, UnetGraph.PREFIX, "the UNet", name + " UNet", opened,
                    w -> new UnetGraph(config.unet(), w, chunking).build());
            OnnxUnet unet = OnnxUnet.of(unetSession, config.parameterization());
            opened.push(unet);

            List<OnnxSession> encoders = new ArrayList<>();
            for (int i = 0; i < config.textEncoders().size(); i++) {
                CheckpointConfig.TextEncoder e = config.textEncoders().get(i);
                encoders.add(session(file, prefixes.get(i), "text encoder " + (i + 1), name + " text encoder " + (i + 1), opened,
                        w -> new ClipGraph(e.config(), w).build()));
            }
            OnnxClip clip = OnnxClip.of(config.family(), encoders, tokenizerList, defaultLayer(config.family()));
            opened.push(clip);

            OnnxSession decoder = session(file, VaeGraph.PREFIX, "the VAE decoder", name + " VAE decoder", opened,
                    w -> new VaeGraph(config.vae(), w, chunking).decoder());
            OnnxSession encoder = session(file, VaeGraph.PREFIX, "the VAE encoder", name + " VAE encoder", opened,
                    w -> new VaeGraph(config.vae(), w, chunking).encoder());
            OnnxVae vae = OnnxVae.of(decoder, Optional.of(encoder), config.family().latentFormat(), name + " has a VAE encoder");
            opened.push(vae);

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
            if (e instanceof UncheckedIOException u) throw u.getCause();
            throw e;
        }
    }

    /**
     * Builds one part's graph over the file's tensors under {@code prefix} and opens its session,
     * which then owns the bound tensors.
     */
    private OnnxSession session(SafetensorsFile file, String prefix, String part, String label, Deque<AutoCloseable> opened,
                                Function<CheckpointWeights, byte[]> builder) {
        long start = System.nanoTime();
        CheckpointWeights weights = new CheckpointWeights(file, OnnxGraph.named(label), prefix, part);
        byte[] model;
        try {
            model = builder.apply(weights);
        } catch (RuntimeException e) {
            weights.close();
            throw e;
        }
        OnnxSession session = OnnxSession.open(model, label, settings, weights.tensors());
        opened.push(session);
        LOG.debug("{}: {} tensors bound from {} ({} bytes copied for alignment), session in {} ms", label, weights.count(),
                file.path(), weights.copiedBytes(), (System.nanoTime() - start) / 1_000_000);
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
