package dev.easel.diffusion.reference;

import dev.easel.diffusion.sample.NoiseSource;
import dev.easel.tensor.Tensor;

import java.util.Arrays;
import java.util.List;

/** The recorded successive draws of ComfyUI's seeded torch generator, handed out in order. */
final class ReplayedNoise implements NoiseSource {
    private final List<float[]> draws;
    private int next;

    ReplayedNoise(List<float[]> draws) {
        this.draws = draws;
    }

    @Override
    public Tensor next(int[] shape) {
        if (next == draws.size()) throw new IllegalStateException("the reference recorded only " + draws.size() + " draws");
        float[] draw = draws.get(next++);
        if (Arrays.stream(shape).reduce(1, (a, b) -> a * b) != draw.length)
            throw new IllegalStateException("recorded draws have " + draw.length + " values, asked for " + Arrays.toString(shape));
        return Tensor.of(draw.clone(), shape);
    }

    int drawsTaken() {
        return next;
    }
}
