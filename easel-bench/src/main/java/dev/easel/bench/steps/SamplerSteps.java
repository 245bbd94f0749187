package dev.easel.bench.steps;

import dev.easel.diffusion.guidance.CfgGuider;
import dev.easel.diffusion.noise.GeneratorNoise;
import dev.easel.diffusion.sample.Denoiser;
import dev.easel.diffusion.sample.Prediction;
import dev.easel.diffusion.sample.Sampler;
import dev.easel.diffusion.sample.SamplingContext;
import dev.easel.diffusion.sample.StepListener;
import dev.easel.diffusion.schedule.Scheduler;
import dev.easel.diffusion.schedule.SigmaPlan;
import dev.easel.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The cost of a sampling step outside the model, for a 4×64×64 latent (batch 1): one whole
 * {@value #STEPS}-step run of the real sampler on the {@code normal} schedule, reported per
 * step ({@code @OperationsPerInvocation}). {@code guided} goes through the real
 * {@link CfgGuider} at cfg {@value #CFG} with a positive and a negative entry over the
 * {@link FreeModel}, as KSampler does; {@code unguided} calls a denoiser that only scales x,
 * which leaves the sampler's own update. The model call itself is {@link StepParts#freeModel}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SamplerSteps {
    public static final int STEPS = 20;
    public static final double CFG = 7.0;

    @Param({"euler", "euler_ancestral", "dpmpp_2m", "dpmpp_2m_sde", "uni_pc"})
    public String sampler;

    FreeModel model;
    private Sampler method;
    private CfgGuider guider;
    private Denoiser scaling;
    private Tensor start;
    private double[] sigmas;

    @Setup(Level.Trial)
    public void setUp() {
        method = Sampler.byWireName(sampler).orElseThrow(() -> new IllegalArgumentException("no sampler " + sampler));
        model = new FreeModel();
        guider = new CfgGuider(model, Latents.text(1), Latents.text(2), CFG);
        scaling = (x, sigma) -> Prediction.unguided(x.mul(FreeModel.GAIN));
        sigmas = SigmaPlan.forSteps(model.sampling(), Scheduler.NORMAL, STEPS, 1.0, method.discardsPenultimateSigma());
        start = Latents.noise(0).mul((float) Math.sqrt(1 + sigmas[0] * sigmas[0]));
    }

    /** The sigmas every invocation samples along ({@value #STEPS} steps). */
    double[] sigmas() {
        return sigmas.clone();
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public Tensor guided() {
        return method.sample(guider, start, sigmas, context());
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public Tensor unguided() {
        return method.sample(scaling, start, sigmas, context());
    }

    /** A fresh noise generator per run, as every sampling call gets; no step listener. */
    private static SamplingContext context() {
        return new SamplingContext(new GeneratorNoise(1), StepListener.NONE);
    }
}
