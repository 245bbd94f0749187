package dev.easel.nodes.sampling;

import dev.easel.diffusion.cond.Conditioning;
import dev.easel.diffusion.cond.ConditioningEntry;
import dev.easel.diffusion.latent.Latent;
import dev.easel.diffusion.sample.Sampler;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.PackEnvironment;
import dev.easel.nodes.FakeModels;
import dev.easel.nodes.NodeCalls;
import dev.easel.nodes.RecordingContext;
import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SamplerNodesTest {
    @TempDir
    Path base;

    private final FakeModels.Model model = new FakeModels.Model();
    private final Conditioning cond = Conditioning.of(ConditioningEntry.of(Tensor.zeros(1, 2, 3), Optional.empty()));
    private final RecordingContext ctx = new RecordingContext();

    private NodeResult run(NodeDefinition node, Object... pairs) throws Exception {
        return node.execute(ctx, NodeCalls.inputs(pairs));
    }

    private PackEnvironment env() {
        return PackEnvironment.under(base);
    }

    private Latent kSampler(Object seed, int steps, double denoise, Latent latent) throws Exception {
        return (Latent) run(new KSampler(env()), "model", model, "seed", seed, "steps", steps, "cfg", 8.0,
                "sampler_name", "euler", "scheduler", "simple", "positive", cond, "negative", cond,
                "latent_image", latent, "denoise", denoise).outputs().get(0);
    }

    @Test
    void kSamplerReportsEachStepWithTheStepCount() throws Exception {
        Latent out = kSampler(0L, 3, 1.0, Latent.of(Tensor.zeros(1, 4, 2, 2)));
        assertThat(out.samples().shape()).containsExactly(1, 4, 2, 2);
        assertThat(ctx.progress).extracting(p -> p.value().intValue() + "/" + p.max().intValue())
                .containsExactly("1/3", "2/3", "3/3");
    }

    @Test
    void kSamplerKeepsTheLatentsMaskAndBatchIndex() throws Exception {
        Tensor mask = Tensor.ones(1, 1, 16, 16);
        Latent out = kSampler(0L, 2, 1.0, new Latent(Tensor.zeros(1, 4, 2, 2), Optional.of(mask), Optional.of(List.of(4))));
        assertThat(out.noiseMask()).containsSame(mask);
        assertThat(out.batchIndex()).contains(List.of(4));
    }

    @Test
    void kSamplerAcceptsSeedsAboveTheLongRangeAndUsesTheirLow32Bits() throws Exception {
        Latent big = kSampler(Seeds.MAX, 1, 1.0, Latent.of(Tensor.zeros(1, 4, 2, 2)));
        Latent low = kSampler(0xFFFFFFFFL, 1, 1.0, Latent.of(Tensor.zeros(1, 4, 2, 2)));
        assertThat(big.samples().data()).containsExactly(low.samples().data());
        assertThat(Seeds.MAX).isEqualTo(new BigInteger("18446744073709551615"));
    }

    @Test
    void kSamplerWithNoDenoiseReturnsTheLatentUnchanged() throws Exception {
        Tensor samples = Tensor.full(0.5f, 1, 4, 2, 2);
        Latent out = kSampler(0L, 3, 0.0, Latent.of(samples));
        assertThat(out.samples().data()).containsExactly(samples.data());
        assertThat(ctx.progress).isEmpty();
    }

    @Test
    void kSamplerAdvancedStartingAtTheLastStepSamplesNothing() throws Exception {
        Tensor samples = Tensor.full(0.5f, 1, 4, 2, 2);
        Latent out = (Latent) run(new KSamplerAdvanced(env()), "model", model, "add_noise", "enable", "noise_seed", 0L,
                "steps", 4, "cfg", 8.0, "sampler_name", "euler", "scheduler", "simple", "positive", cond,
                "negative", cond, "latent_image", Latent.of(samples), "start_at_step", 4, "end_at_step", 10000,
                "return_with_leftover_noise", "disable").outputs().get(0);
        assertThat(out.samples().data()).containsExactly(samples.data());
        assertThat(ctx.progress).isEmpty();
    }

    @Test
    void kSamplerAdvancedReportsOnlyTheStepsOfItsWindow() throws Exception {
        run(new KSamplerAdvanced(env()), "model", model, "add_noise", "disable", "noise_seed", 0L,
                "steps", 6, "cfg", 8.0, "sampler_name", "euler", "scheduler", "simple", "positive", cond,
                "negative", cond, "latent_image", Latent.of(Tensor.zeros(1, 4, 2, 2)), "start_at_step", 2,
                "end_at_step", 5, "return_with_leftover_noise", "enable");
        assertThat(ctx.progress).extracting(p -> p.value().intValue() + "/" + p.max().intValue())
                .containsExactly("1/3", "2/3", "3/3");
    }

    @Test
    void theCustomSamplingValueNodesMakeTheirValues() throws Exception {
        assertThat(run(new KSamplerSelect(), "sampler_name", "heun").outputs()).containsExactly(Sampler.HEUN);
        assertThat(run(new RandomNoise(), "noise_seed", 42L).outputs()).containsExactly(new Noise.Random(42));
        assertThat(run(new DisableNoise()).outputs()).containsExactly(new Noise.Disabled());
        assertThat(run(new CFGGuider(), "model", model, "positive", cond, "negative", cond, "cfg", 7.5).outputs())
                .containsExactly(new Guider.Cfg(model, cond, cond, 7.5));
    }

    @Test
    void basicSchedulerGivesStepsPlusOneDescendingSigmasEndingAtZero() throws Exception {
        Sigmas sigmas = (Sigmas) run(new BasicScheduler(), "model", model, "scheduler", "karras", "steps", 4,
                "denoise", 1.0).outputs().get(0);
        double[] v = sigmas.values();
        assertThat(v).hasSize(5);
        assertThat(v[4]).isZero();
        for (int i = 1; i < v.length; i++) assertThat(v[i]).isLessThan(v[i - 1]);
        assertThat(v[0]).isCloseTo(model.sampling().sigmaMax(), within(1e-4));
    }

    @Test
    void basicSchedulerAtNoDenoiseGivesNoSigmas() throws Exception {
        Sigmas sigmas = (Sigmas) run(new BasicScheduler(), "model", model, "scheduler", "simple", "steps", 4,
                "denoise", 0.0).outputs().get(0);
        assertThat(sigmas.values()).isEmpty();
    }

    private NodeResult custom(Noise noise, Sigmas sigmas, Latent latent) throws Exception {
        return run(new SamplerCustomAdvanced(env()), "noise", noise, "guider", new Guider.Cfg(model, cond, cond, 1.0),
                "sampler", Sampler.EULER, "sigmas", sigmas, "latent_image", latent);
    }

    @Test
    void samplerCustomAdvancedWithoutNoiseRefinesTheLatentAndReturnsTheLastEstimate() throws Exception {
        Sigmas sigmas = (Sigmas) run(new BasicScheduler(), "model", model, "scheduler", "simple", "steps", 2,
                "denoise", 1.0).outputs().get(0);
        Latent in = Latent.of(Tensor.full(0.5f, 1, 4, 2, 2));
        NodeResult result = custom(new Noise.Disabled(), sigmas, in);
        // the fake model predicts no noise, so every estimate is the latent itself
        for (Object out : result.outputs()) {
            for (float v : ((Latent) out).samples().data()) assertThat(v).isCloseTo(0.5f, within(1e-6f));
        }
        assertThat(ctx.progress).extracting(p -> p.value().intValue() + "/" + p.max().intValue())
                .containsExactly("1/2", "2/2");
    }

    @Test
    void samplerCustomAdvancedWithNoStepsReturnsTheLatentAsBothOutputs() throws Exception {
        Latent in = Latent.of(Tensor.full(0.5f, 1, 4, 2, 2));
        NodeResult result = custom(new Noise.Random(1), new Sigmas(new double[0]), in);
        assertThat(result.outputs()).containsExactly(in, in);
        assertThat(ctx.progress).isEmpty();
    }
}
