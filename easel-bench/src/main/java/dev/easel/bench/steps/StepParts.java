package dev.easel.bench.steps;

import dev.easel.diffusion.guidance.CfgGuider;
import dev.easel.diffusion.latent.LatentFormat;
import dev.easel.diffusion.preview.LatentPreview;
import dev.easel.diffusion.sample.Prediction;
import dev.easel.tensor.Tensor;
import dev.easel.tensor.image.ImageDecoding;
import dev.easel.tensor.image.JpegEncoding;
import dev.easel.tensor.image.Pixels8;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The parts of one step, each on its own, for a 4×64×64 latent: the {@link FreeModel}'s call on
 * the two rows guidance batches ({@code freeModel}), one {@link CfgGuider} evaluation around it
 * ({@code guidance}), and the SD1.5 Latent2RGB preview of the step's estimate: the 64×64 RGB
 * image ({@code latent2rgb}), the JPEG the server sends ({@code previewJpeg}: Latent2RGB, the
 * bilinear enlargement to {@value #PREVIEW_SIZE}² and quality-95 encoding), and that encoding
 * alone, on the decoded preview ({@code jpegEncode}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class StepParts {
    /** The server's default {@code --preview-size}. */
    public static final int PREVIEW_SIZE = 512;
    /** A mid-schedule noise level of the 20-step normal schedule. */
    static final double SIGMA = 1.0;

    FreeModel model;
    private CfgGuider guider;
    private LatentPreview preview;
    private Tensor x;
    private Tensor rows;
    private double[] timesteps;
    private Tensor denoised;
    private Pixels8 enlarged;

    @Setup(Level.Trial)
    public void setUp() {
        model = new FreeModel();
        guider = new CfgGuider(model, Latents.text(1), Latents.text(2), SamplerSteps.CFG);
        preview = new LatentPreview(LatentFormat.SD15);
        x = Latents.noise(0).mul((float) Math.sqrt(1 + SIGMA * SIGMA));
        rows = Tensor.cat0(x, x);
        timesteps = new double[]{model.sampling().timestep(SIGMA), model.sampling().timestep(SIGMA)};
        denoised = Latents.noise(3);
        enlarged = decoded(preview.jpeg(denoised, PREVIEW_SIZE));
    }

    @Benchmark
    public Tensor freeModel() {
        return model.apply(rows, timesteps, List.of());
    }

    @Benchmark
    public Prediction guidance() {
        return guider.predict(x, SIGMA);
    }

    @Benchmark
    public Pixels8 latent2rgb() {
        return preview.rgb(denoised);
    }

    @Benchmark
    public byte[] previewJpeg() {
        return preview.jpeg(denoised, PREVIEW_SIZE);
    }

    @Benchmark
    public byte[] jpegEncode() {
        return JpegEncoding.encode(enlarged, JpegEncoding.PREVIEW_QUALITY);
    }

    /** The preview the server would send, decoded: the image {@code jpegEncode} encodes again. */
    private static Pixels8 decoded(byte[] jpeg) {
        try {
            Tensor image = ImageDecoding.decode(jpeg).image();
            float[] values = image.data();
            byte[] bytes = new byte[values.length];
            for (int i = 0; i < values.length; i++) bytes[i] = (byte) Math.round(values[i] * 255f);
            return new Pixels8(image.dim(2), image.dim(1), 3, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("the preview JPEG does not decode", e);
        }
    }
}
