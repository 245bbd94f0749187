package dev.easel.models.demo;

import ai.onnxruntime.OrtException;
import dev.easel.diffusion.model.DiscreteSampling;
import dev.easel.tensor.Tensor;

import java.util.Random;

/**
 * A text-to-image run written out in the test: seeded Gaussian noise, classifier-free guidance
 * with the conditional and unconditional rows in one UNet batch, Euler steps over given sigmas.
 * Latents stay in the sampler's space (SD1.5's VAE latent × 0.18215).
 */
final class EulerLoop {
    static final DiscreteSampling SAMPLING = DiscreteSampling.eps();
    static final int SIDE = 64;
    static final int ELEMENTS = 4 * SIDE * SIDE;

    private EulerLoop() {
    }

    /** SD1.5's Karras schedule of {@code steps} sigmas plus the final 0 (ρ = 7). */
    static double[] karras(int steps) {
        double max = Math.pow(SAMPLING.sigmaMax(), 1 / 7.0), min = Math.pow(SAMPLING.sigmaMin(), 1 / 7.0);
        double[] sigmas = new double[steps + 1];
        for (int i = 0; i < steps; i++) sigmas[i] = Math.pow(max + i / (steps - 1.0) * (min - max), 7);
        return sigmas;
    }

    /** ComfyUI's "simple" schedule: every (1000/steps)-th table entry from the top, then 0. */
    static double[] simple(int steps) {
        double[] table = SAMPLING.sigmaTable();
        double[] sigmas = new double[steps + 1];
        for (int i = 0; i < steps; i++) sigmas[i] = table[table.length - 1 - (int) (i * (double) table.length / steps)];
        return sigmas;
    }

    static float[] noise(long seed) {
        Random random = new Random(seed);
        float[] noise = new float[ELEMENTS];
        for (int i = 0; i < noise.length; i++) noise[i] = (float) random.nextGaussian();
        return noise;
    }

    /** The final denoised latent of one guided run from {@code noise}. */
    static float[] run(DemoSessions demo, String positive, String negative, double cfg, float[] noise, double[] sigmas)
            throws OrtException {
        return run(demo, positive, negative, cfg, noise, sigmas, (step, denoised) -> { });
    }

    /** As {@link #run}, handing each step's guided x₀ estimate to {@code preview}, as a sampler callback does. */
    static float[] run(DemoSessions demo, String positive, String negative, double cfg, float[] noise, double[] sigmas,
                       java.util.function.ObjIntConsumer<float[]> preview) throws OrtException {
        float[] cond = demo.hidden(positive), uncond = demo.hidden(negative);
        float[] hidden = new float[cond.length * 2];
        System.arraycopy(cond, 0, hidden, 0, cond.length);
        System.arraycopy(uncond, 0, hidden, cond.length, uncond.length);
        Tensor x = SAMPLING.noiseScaling(sigmas[0], Tensor.of(noise.clone(), 1, 4, SIDE, SIDE), Tensor.zeros(1, 4, SIDE, SIDE), true);
        for (int i = 0; i + 1 < sigmas.length; i++) {
            Tensor denoised = guided(demo, x, sigmas[i], hidden, cfg);
            preview.accept(denoised.data(), i);
            float[] xs = x.data(), d = denoised.data(), next = new float[xs.length];
            float step = (float) (sigmas[i + 1] - sigmas[i]), sigma = (float) sigmas[i];
            for (int j = 0; j < xs.length; j++) next[j] = xs[j] + (xs[j] - d[j]) / sigma * step;
            x = Tensor.of(next, 1, 4, SIDE, SIDE);
        }
        return x.data();
    }

    /** D = D_u + cfg·(D_c − D_u), both rows from one UNet call. */
    static Tensor guided(DemoSessions demo, Tensor x, double sigma, float[] hidden, double cfg) throws OrtException {
        float[] in = SAMPLING.calculateInput(sigma, x).data();
        float[] batch = new float[ELEMENTS * 2];
        System.arraycopy(in, 0, batch, 0, ELEMENTS);
        System.arraycopy(in, 0, batch, ELEMENTS, ELEMENTS);
        float t = (float) SAMPLING.timestep(sigma);
        float[] eps = demo.unet(batch, new long[]{2, 4, SIDE, SIDE}, new float[]{t, t}, hidden);
        float[] epsCond = java.util.Arrays.copyOfRange(eps, 0, ELEMENTS), epsUncond = java.util.Arrays.copyOfRange(eps, ELEMENTS, 2 * ELEMENTS);
        float[] dc = SAMPLING.calculateDenoised(sigma, Tensor.of(epsCond, 1, 4, SIDE, SIDE), x).data();
        float[] du = SAMPLING.calculateDenoised(sigma, Tensor.of(epsUncond, 1, 4, SIDE, SIDE), x).data();
        float[] out = new float[ELEMENTS];
        for (int j = 0; j < out.length; j++) out[j] = (float) (du[j] + cfg * (dc[j] - du[j]));
        return Tensor.of(out, 1, 4, SIDE, SIDE);
    }
}
