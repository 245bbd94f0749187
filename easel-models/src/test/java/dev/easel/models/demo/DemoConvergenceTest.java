package dev.easel.models.demo;

import dev.easel.diffusion.cond.Conditioning;
import dev.easel.diffusion.ksampler.KSampler;
import dev.easel.diffusion.ksampler.SamplingRequest;
import dev.easel.diffusion.latent.Latent;
import dev.easel.diffusion.sample.Sampler;
import dev.easel.diffusion.schedule.Scheduler;
import dev.easel.models.Checkpoint;
import dev.easel.models.diffusers.DiffusersLoader;
import dev.easel.models.diffusers.DiffusersModel;
import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sampler (with karras) and every scheduler (with euler) that ComfyUI's KSampler offers,
 * run through Easel's KSampler on the demo loaded as a user's model: each lands on the prompt's
 * scene, so the demo shows them all working.
 */
class DemoConvergenceTest {
    private static final int SAMPLER_STEPS = 10;
    /** ddim_uniform starts below the top σ, so it needs more steps than the others to settle. */
    private static final int SCHEDULER_STEPS = 16;
    @org.junit.jupiter.api.io.TempDir
    static Path dir;
    static DiffusersModel model;
    static Checkpoint checkpoint;
    static Conditioning positive, negative;
    static float[][] scenes;

    @BeforeAll
    static void load() throws Exception {
        DemoModel.writeTo(dir.resolve("easel-demo"));
        model = DiffusersLoader.defaults().load(dir.resolve("easel-demo"));
        checkpoint = model.checkpoint();
        positive = checkpoint.clip().encode("a cat, cat");
        negative = checkpoint.clip().encode("text, watermark");
        scenes = Templates.latents(new DemoVae());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static Scene sceneOf(Sampler sampler, Scheduler scheduler, int steps) {
        SamplingRequest request = SamplingRequest.simple(42, steps, 8.0, sampler, scheduler, 1.0);
        Latent out = KSampler.sample(checkpoint.model(), request, positive, negative, Latent.of(Tensor.zeros(1, 4, 64, 64)),
                step -> { });
        return SceneMath.nearestScene(out.samples().data(), scenes, DemoUnet.JITTER);
    }

    @ParameterizedTest
    @EnumSource(Sampler.class)
    void everySamplerPaintsThePromptsScene(Sampler sampler) {
        assertThat(sceneOf(sampler, Scheduler.KARRAS, SAMPLER_STEPS)).as(sampler.wireName()).isEqualTo(Scene.CAT);
    }

    @ParameterizedTest
    @EnumSource(Scheduler.class)
    void everySchedulerPaintsThePromptsScene(Scheduler scheduler) {
        assertThat(sceneOf(Sampler.EULER, scheduler, SCHEDULER_STEPS)).as(scheduler.name()).isEqualTo(Scene.CAT);
    }
}
