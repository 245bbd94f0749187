package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

import java.util.Random;

/** Standard Gaussian noise from a seeded java.util.Random, for reproducible tests. */
final class SeededNoise implements NoiseSource {
    private final Random random;

    SeededNoise(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public Tensor next(int[] shape) {
        int n = 1;
        for (int d : shape) n *= d;
        float[] data = new float[n];
        for (int i = 0; i < n; i++) data[i] = (float) random.nextGaussian();
        return Tensor.of(data, shape);
    }
}
