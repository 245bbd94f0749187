package dev.easel.diffusion.ksampler;

import dev.easel.diffusion.cond.Conditioning;
import dev.easel.diffusion.cond.ConditioningEntry;
import dev.easel.diffusion.latent.Latent;
import dev.easel.diffusion.latent.LatentFormat;
import dev.easel.diffusion.model.DiffusionModel;
import dev.easel.diffusion.model.DiscreteSampling;
import dev.easel.diffusion.model.ModelSampling;
import dev.easel.diffusion.sample.Sampler;
import dev.easel.diffusion.sample.StepListener;
import dev.easel.diffusion.schedule.Scheduler;
import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class KSamplerTest {
    private static final Conditioning COND = Conditioning.of(ConditioningEntry.of(Tensor.ones(1, 2, 3), Optional.empty()));

    /** An ε-model whose data all sit at one value: it predicts the noise that separates x from it. */
    private static final class ConstantImageModel implements DiffusionModel {
        private final float target;
        private final LatentFormat format;
        int rows;

        ConstantImageModel(float target, LatentFormat format) {
            this.target = target;
            this.format = format;
        }

        @Override public ModelSampling sampling() { return DiscreteSampling.eps(); }
        @Override public LatentFormat latentFormat() { return format; }

        @Override
        public Tensor apply(Tensor xIn, double[] timesteps, List<ConditioningEntry> conds) {
            rows += xIn.dim(0);
            int per = xIn.size() / xIn.dim(0);
            float[] out = new float[xIn.size()];
            for (int i = 0; i < out.length; i++) {
                double sigma = sampling().sigma(timesteps[i / per]);
                double x = xIn.data()[i] * Math.sqrt(sigma * sigma + 1);
                out[i] = (float) ((x - target) / sigma);
            }
            return Tensor.of(out, xIn.shape());
        }
    }

    @Test
    void aModelWithOneImageSamplesToItInTheVaeSpace() {
        ConstantImageModel model = new ConstantImageModel(0.5f, LatentFormat.SD15);
        Latent out = KSampler.sample(model, SamplingRequest.simple(42, 10, 7.5, Sampler.EULER, Scheduler.KARRAS, 1.0),
                COND, COND, Latent.of(Tensor.zeros(1, 4, 4, 4)), StepListener.NONE);
        // the model's data value 0.5 is in sampler space; the result is divided by SD1.5's scale
        for (float v : out.samples().data()) assertThat(v).isCloseTo(0.5f / 0.18215f, org.assertj.core.data.Offset.offset(1e-3f));
        // one batched evaluation of cond and uncond per step
        assertThat(model.rows).isEqualTo(20);
    }

    @Test
    void theListenerHearsEveryStepInOrder() {
        List<Integer> steps = new ArrayList<>();
        KSampler.sample(new ConstantImageModel(0f, LatentFormat.SD15), SamplingRequest.simple(1, 6, 1.0, Sampler.EULER,
                Scheduler.NORMAL, 1.0), COND, COND, Latent.of(Tensor.zeros(1, 4, 2, 2)), step -> steps.add(step.index()));
        assertThat(steps).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void atCfgOneTheUnconditionalPassIsSkipped() {
        ConstantImageModel model = new ConstantImageModel(0f, LatentFormat.SD15);
        KSampler.sample(model, SamplingRequest.simple(1, 5, 1.0, Sampler.EULER, Scheduler.NORMAL, 1.0), COND, COND,
                Latent.of(Tensor.zeros(1, 4, 2, 2)), StepListener.NONE);
        assertThat(model.rows).isEqualTo(5);
    }

    @Test
    void aStartAfterTheLastStepLeavesTheLatentUnchanged() {
        Tensor samples = Tensor.full(0.25f, 1, 4, 2, 2);
        SamplingRequest request = new SamplingRequest(1, 10, 7, Sampler.EULER, Scheduler.NORMAL, 1.0, true, 10,
                SamplingRequest.NO_LAST_STEP, false);
        Latent out = KSampler.sample(new ConstantImageModel(0f, LatentFormat.SD15), request, COND, COND,
                Latent.of(samples), StepListener.NONE);
        assertThat(out.samples().data()).containsOnly(0.25f);
    }

    @Test
    void theMaskedOutRegionKeepsTheInputLatent() {
        Tensor samples = Tensor.full(2f, 1, 4, 2, 2);
        Tensor mask = Tensor.of(new float[]{1, 0, 0, 0}, 1, 1, 2, 2);
        Latent out = KSampler.sample(new ConstantImageModel(0f, LatentFormat.SD15),
                SamplingRequest.simple(3, 8, 5, Sampler.EULER, Scheduler.KARRAS, 1.0), COND, COND,
                Latent.of(samples).withNoiseMask(mask), StepListener.NONE);
        for (int c = 0; c < 4; c++) {
            assertThat(out.samples().get(0, c, 0, 0)).isCloseTo(0f, org.assertj.core.data.Offset.offset(1e-3f));
            assertThat(out.samples().get(0, c, 1, 1)).isCloseTo(2f, org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    @Test
    void anEmptyLatentTakesTheModelsChannelCount() {
        Latent out = KSampler.sample(new ConstantImageModel(0.1f, LatentFormat.SD3),
                SamplingRequest.simple(3, 4, 1, Sampler.EULER, Scheduler.SIMPLE, 1.0), COND, COND,
                Latent.of(Tensor.zeros(1, 4, 2, 2)), StepListener.NONE);
        assertThat(out.samples().shape()).containsExactly(1, 16, 2, 2);
    }
}
