package dev.easel.models.diffusers;

import dev.easel.diffusion.latent.LatentFormat;
import dev.easel.models.VaeModel;
import dev.easel.models.onnx.Feed;
import dev.easel.models.onnx.OnnxSession;
import dev.easel.models.onnx.TensorSpec;
import dev.easel.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The VAE of a diffusers ONNX folder. The decoder maps {@code latent_sample [B, C, h, w]} to
 * {@code sample [B, 3, 8h, 8w]} in −1..1; the encoder (optional on disk) maps images back,
 * returning the mean of the latent distribution when it exports {@code latent_parameters}.
 * Images are decoded one at a time so memory stays that of one image.
 */
public final class OnnxVae implements VaeModel, AutoCloseable {
    static final String LATENT = "latent_sample", SAMPLE = "sample";
    private static final int DOWNSCALE = 8;

    private final OnnxSession decoder;
    private final Optional<OnnxSession> encoder;
    private final LatentFormat format;
    private final String missingEncoder;

    /** Takes ownership of the sessions; {@code missingEncoder} says what to tell a caller of encode without one. */
    OnnxVae(OnnxSession decoder, Optional<OnnxSession> encoder, LatentFormat format, String missingEncoder) {
        this.decoder = decoder;
        this.encoder = encoder;
        this.format = format;
        this.missingEncoder = missingEncoder;
        decoder.input(LATENT);
        decoder.output(SAMPLE);
        encoder.ifPresent(e -> {
            e.input(SAMPLE);
            encoderOutput(e);
        });
    }

    /**
     * A VAE over any decoder and (optional) encoder session with the inputs above; takes ownership of them.
     * {@code missingEncoder} is the message for an encode without an encoder.
     */
    public static OnnxVae of(OnnxSession decoder, Optional<OnnxSession> encoder, LatentFormat format, String missingEncoder) {
        return new OnnxVae(decoder, encoder, format, missingEncoder);
    }

    @Override
    public LatentFormat latentFormat() {
        return format;
    }

    @Override
    public int downscale() {
        return DOWNSCALE;
    }

    /** {@code [B, C, h, w]} → {@code [B, 8h, 8w, 3]}: (x + 1) / 2, clamped to 0..1. */
    @Override
    public Tensor decode(Tensor latent) {
        List<Tensor> images = new ArrayList<>();
        for (int b = 0; b < latent.dim(0); b++) {
            Tensor chw = decoder.run(Map.of(LATENT, Feed.of(latent.slice0(b, b + 1))), List.of(SAMPLE)).get(SAMPLE);
            images.add(toImage(chw));
        }
        return Tensor.cat0(images.toArray(Tensor[]::new));
    }

    /** {@code [B, H, W, 3]} in 0..1 → {@code [B, C, H/8, W/8]}. */
    @Override
    public Tensor encode(Tensor image) {
        OnnxSession e = encoder.orElseThrow(() -> new IllegalStateException(missingEncoder));
        if (image.rank() != 4 || image.dim(3) != 3 || image.dim(1) % DOWNSCALE != 0 || image.dim(2) % DOWNSCALE != 0) {
            throw new IllegalArgumentException("VAE encode takes [B, H, W, 3] images with H and W multiples of 8, got "
                    + java.util.Arrays.toString(image.shape()));
        }
        String out = encoderOutput(e);
        List<Tensor> latents = new ArrayList<>();
        for (int b = 0; b < image.dim(0); b++) {
            Tensor z = e.run(Map.of(SAMPLE, Feed.of(toSample(image.slice0(b, b + 1)))), List.of(out)).get(out);
            latents.add(z.dim(1) == 2 * format.channels() ? firstChannels(z, format.channels()) : z);
        }
        return Tensor.cat0(latents.toArray(Tensor[]::new));
    }

    private static String encoderOutput(OnnxSession e) {
        return e.findOutput(LATENT).or(() -> e.findOutput("latent_parameters")).map(TensorSpec::name)
                .orElseThrow(() -> new IllegalArgumentException(e.label()
                        + " has neither a latent_sample nor a latent_parameters output; it declares " + e.outputs().keySet()));
    }

    private static Tensor toImage(Tensor chw) {
        int c = chw.dim(1), h = chw.dim(2), w = chw.dim(3);
        float[] in = chw.data(), out = new float[h * w * c];
        for (int ch = 0; ch < c; ch++) {
            for (int p = 0; p < h * w; p++) {
                float v = (in[ch * h * w + p] + 1f) / 2f;
                out[p * c + ch] = Math.min(1f, Math.max(0f, v));
            }
        }
        return Tensor.of(out, 1, h, w, c);
    }

    private static Tensor toSample(Tensor hwc) {
        int h = hwc.dim(1), w = hwc.dim(2), c = hwc.dim(3);
        float[] in = hwc.data(), out = new float[c * h * w];
        for (int p = 0; p < h * w; p++) {
            for (int ch = 0; ch < c; ch++) out[ch * h * w + p] = in[p * c + ch] * 2f - 1f;
        }
        return Tensor.of(out, 1, c, h, w);
    }

    /** The mean half of {@code [1, 2C, h, w]} latent parameters. */
    private static Tensor firstChannels(Tensor z, int channels) {
        int plane = z.dim(2) * z.dim(3);
        float[] out = java.util.Arrays.copyOf(z.data(), channels * plane);
        return Tensor.of(out, 1, channels, z.dim(2), z.dim(3));
    }

    @Override
    public void close() {
        decoder.close();
        encoder.ifPresent(OnnxSession::close);
    }
}
