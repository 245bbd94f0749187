package dev.easel.diffusion.noise;

import dev.easel.tensor.Tensor;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * ComfyUI's {@code prepare_noise}: the starting noise of a sampling run, drawn on torch's CPU
 * generator seeded with the prompt's seed, so a seed gives the same image as in ComfyUI.
 */
public final class LatentNoise {
    private LatentNoise() {}

    /**
     * Without a batch index, one {@code torch.randn(shape)}. With one, the noise that each listed
     * index would have had in a larger batch: items of shape {@code [1, C, h, w]} are drawn one
     * after another for indices 0 up to the largest listed, and those listed are returned in the
     * listed order (repeats included), stacked along the batch axis.
     */
    public static Tensor prepare(long seed, int[] shape, Optional<List<Integer>> batchIndex) {
        if (shape.length == 0) throw new IllegalArgumentException("noise needs a shape with a batch axis");
        TorchGenerator generator = new TorchGenerator(seed);
        if (batchIndex.isEmpty()) return generator.randn(shape);

        List<Integer> indices = batchIndex.get();
        if (indices.isEmpty()) throw new IllegalArgumentException("batch index is empty");
        TreeSet<Integer> wanted = new TreeSet<>(indices);
        if (wanted.first() < 0) throw new IllegalArgumentException("negative batch index " + wanted.first());
        int[] itemShape = shape.clone();
        itemShape[0] = 1;
        Tensor[] drawn = new Tensor[wanted.last() + 1];
        for (int i = 0; i <= wanted.last(); i++) {
            Tensor item = generator.randn(itemShape);
            if (wanted.contains(i)) drawn[i] = item;
        }
        return Tensor.cat0(indices.stream().map(i -> drawn[i]).toArray(Tensor[]::new));
    }
}
