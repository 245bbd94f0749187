package dev.easel.models.demo;

import dev.easel.diffusion.cond.ConditioningEntry;
import dev.easel.diffusion.latent.LatentFormat;
import dev.easel.diffusion.model.DiscreteSampling;
import dev.easel.diffusion.model.ModelSampling;
import dev.easel.diffusion.model.Parameterization;
import dev.easel.models.diffusers.DiffusersLoader;
import dev.easel.models.diffusers.DiffusersModel;
import dev.easel.models.diffusers.ModelFamily;
import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo folder read by Easel's own diffusers loader, as a user's SD1.5 folder is. */
class DemoThroughTheLoaderTest {
    @TempDir
    static Path dir;
    static DiffusersModel model;

    @BeforeAll
    static void load() throws Exception {
        DemoModel.writeTo(dir.resolve("easel-demo"));
        model = DiffusersLoader.defaults().load(dir.resolve("easel-demo"));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void loaderReadsTheDemoAsAnEpsilonSd1Model() {
        assertThat(model.family()).isEqualTo(ModelFamily.SD1);
        assertThat(((DiscreteSampling) model.unet().sampling()).parameterization()).isEqualTo(Parameterization.EPS);
        assertThat(model.unet().latentFormat()).isEqualTo(LatentFormat.SD15);
        assertThat(model.vae().latentFormat()).isEqualTo(LatentFormat.SD15);
    }

    @Test
    void guidedEulerRunThroughTheLoadedPartsPaintsThePromptsScene() {
        ModelSampling sampling = model.unet().sampling();
        ConditioningEntry positive = model.clip().encode("a cat, cat").entries().get(0);
        ConditioningEntry negative = model.clip().encode("text, watermark").entries().get(0);
        double[] sigmas = EulerLoop.karras(20);
        float[] noise = EulerLoop.noise(4);
        Tensor x = sampling.noiseScaling(sigmas[0], Tensor.of(noise, 1, 4, 64, 64), Tensor.zeros(1, 4, 64, 64), true);
        for (int i = 0; i + 1 < sigmas.length; i++) {
            float[] in = sampling.calculateInput(sigmas[i], x).data();
            float[] batch = new float[2 * in.length];
            System.arraycopy(in, 0, batch, 0, in.length);
            System.arraycopy(in, 0, batch, in.length, in.length);
            double t = sampling.timestep(sigmas[i]);
            float[] out = model.unet().apply(Tensor.of(batch, 2, 4, 64, 64), new double[]{t, t}, List.of(positive, negative)).data();
            float[] dc = sampling.calculateDenoised(sigmas[i], Tensor.of(java.util.Arrays.copyOfRange(out, 0, in.length), 1, 4, 64, 64), x).data();
            float[] du = sampling.calculateDenoised(sigmas[i], Tensor.of(java.util.Arrays.copyOfRange(out, in.length, out.length), 1, 4, 64, 64), x).data();
            float[] xs = x.data(), next = new float[xs.length];
            for (int j = 0; j < xs.length; j++) {
                float denoised = du[j] + 8 * (dc[j] - du[j]);
                next[j] = xs[j] + (xs[j] - denoised) / (float) sigmas[i] * (float) (sigmas[i + 1] - sigmas[i]);
            }
            x = Tensor.of(next, 1, 4, 64, 64);
        }
        float[][] scenes = Templates.latents(new DemoVae());
        assertThat(SceneMath.nearestScene(x.data(), scenes, DemoUnet.JITTER)).isEqualTo(Scene.CAT);
        Tensor image = model.vae().decode(LatentFormat.SD15.processOut(x));
        assertThat(image.shape()).containsExactly(1, 512, 512, 3);
    }
}
