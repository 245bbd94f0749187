package dev.easel.models.diffusers;

import dev.easel.diffusion.model.Parameterization;
import dev.easel.models.onnx.OnnxSession;
import dev.easel.models.onnx.SessionSettings;
import dev.easel.models.text.PromptTokenizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Loads a diffusers/Optimum ONNX folder. The family is read from what is on disk and in the
 * sessions' metadata; nothing is fetched. A missing part is a {@link NoSuchFileException} naming
 * the folder and every missing file; a part that does not have the inputs or outputs of its role
 * is an {@link IOException} naming the model file.
 */
public final class DiffusersLoader {
    private static final Logger LOG = LoggerFactory.getLogger(DiffusersLoader.class);

    private final SessionSettings settings;
    private final TokenizerLoader tokenizers;

    public DiffusersLoader(SessionSettings settings, TokenizerLoader tokenizers) {
        this.settings = settings;
        this.tokenizers = tokenizers;
    }

    public static DiffusersLoader defaults() {
        return new DiffusersLoader(SessionSettings.defaults(), TokenizerLoader.clipBpe());
    }

    public DiffusersModel load(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) throw new NoSuchFileException(folder.toString(), null, "diffusers ONNX folder not found");
        DiffusersLayout layout = new DiffusersLayout(folder);
        layout.requireBase();
        Parameterization parameterization = SchedulerConfig.parameterization(layout.file(DiffusersLayout.SCHEDULER_CONFIG));
        // sessions opened so far, closed again if a later part fails
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        try {
            OnnxSession unetSession = open(layout, DiffusersLayout.UNET, opened);
            boolean xl = OnnxUnet.isXl(unetSession);
            if (xl) layout.requireSecondEncoder();
            OnnxSession firstSession = open(layout, DiffusersLayout.TEXT_ENCODER, opened);
            ModelFamily family = xl ? ModelFamily.SDXL : familyOfWidth(firstSession);
            TextEncoder first = encoder(firstSession, DiffusersLayout.TEXT_ENCODER, layout, DiffusersLayout.TOKENIZER,
                    family.firstPadsWithEnd());
            List<TextEncoder> encoders = xl
                    ? List.of(first, encoder(open(layout, DiffusersLayout.TEXT_ENCODER_2, opened), DiffusersLayout.TEXT_ENCODER_2,
                    layout, DiffusersLayout.TOKENIZER_2, false))
                    : List.of(first);
            OnnxClip clip = role(DiffusersLayout.TEXT_ENCODER, () -> OnnxClip.of(family, encoders));
            OnnxUnet unet = role(DiffusersLayout.UNET, () -> new OnnxUnet(unetSession, parameterization));
            OnnxSession decoder = open(layout, DiffusersLayout.VAE_DECODER, opened);
            Optional<OnnxSession> encoderSession = layout.has(DiffusersLayout.VAE_ENCODER)
                    ? Optional.of(open(layout, DiffusersLayout.VAE_ENCODER, opened)) : Optional.empty();
            String noEncoder = folder + " has no " + DiffusersLayout.VAE_ENCODER + ", so it cannot encode images";
            OnnxVae vae = role(DiffusersLayout.VAE_DECODER,
                    () -> new OnnxVae(decoder, encoderSession, family.latentFormat(), noEncoder));
            LOG.info("loaded diffusers ONNX folder {}: {}, {}", folder, family, parameterization);
            return new DiffusersModel(family, unet, clip, vae);
        } catch (IOException | RuntimeException e) {
            while (!opened.isEmpty()) closeQuietly(opened.pop());
            throw e;
        }
    }

    /** Opened from the path, so that external data files next to the model are found. */
    private OnnxSession open(DiffusersLayout layout, String file, Deque<AutoCloseable> opened) throws IOException {
        OnnxSession session;
        try {
            session = OnnxSession.open(layout.file(file), settings);
        } catch (IllegalStateException e) {
            throw new IOException(e.getMessage(), e);
        }
        opened.push(session);
        return session;
    }

    private TextEncoder encoder(OnnxSession session, String file, DiffusersLayout layout, String tokenizerDir,
                                boolean padWithEnd) throws IOException {
        Path dir = layout.file(tokenizerDir);
        PromptTokenizer tokenizer = tokenizers.load(dir, TokenizerSpecs.read(dir, padWithEnd));
        return role(file, () -> new TextEncoder(session, tokenizer));
    }

    /** SD2's OpenCLIP is 1024 wide; any other width (768 for CLIP-L, or a test model's) is read as SD1. */
    private static ModelFamily familyOfWidth(OnnxSession textEncoder) {
        return textEncoder.findOutput(TextEncoder.LAST).flatMap(o -> o.fixedDim(-1))
                .filter(w -> w == ModelFamily.SD2_HIDDEN_SIZE).map(w -> ModelFamily.SD2).orElse(ModelFamily.SD1);
    }

    private interface Part<T> {
        T make();
    }

    /** A part whose model lacks what its role needs is a malformed folder, reported as an IOException. */
    private static <T> T role(String file, Part<T> part) throws IOException {
        try {
            return part.make();
        } catch (IllegalArgumentException e) {
            throw new IOException("malformed " + file + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // already failing; the first error is the one to report
        }
    }
}
