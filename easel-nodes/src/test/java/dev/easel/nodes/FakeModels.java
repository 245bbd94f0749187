package dev.easel.nodes;

import dev.easel.diffusion.cond.Conditioning;
import dev.easel.diffusion.cond.ConditioningEntry;
import dev.easel.diffusion.latent.LatentFormat;
import dev.easel.diffusion.model.DiffusionModel;
import dev.easel.diffusion.model.DiscreteSampling;
import dev.easel.diffusion.model.ModelSampling;
import dev.easel.models.ClipModel;
import dev.easel.models.VaeModel;
import dev.easel.tensor.Tensor;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Small stand-ins for the model values, with outputs simple enough to check by hand. */
public final class FakeModels {
    private FakeModels() {
    }

    /** Encodes a prompt as {@code [1, 2, 3]} hidden states all equal to its length, at a given layer. */
    public record Clip(int layer) implements ClipModel {
        @Override
        public Conditioning encode(String text) {
            return Conditioning.of(ConditioningEntry.of(Tensor.full(text.length(), 1, 2, 3),
                    Optional.of(Tensor.full(layer, 1, 3))));
        }

        @Override
        public ClipModel withLastLayer(int layer) {
            return new Clip(layer);
        }
    }

    /**
     * A VAE with downscale 8: decoding repeats each latent pixel's first channel into an 8x8 grey
     * block; encoding averages each 8x8 block's red channel into all four channels. It keeps the
     * images it was asked to encode.
     */
    public static final class Vae implements VaeModel {
        public final List<Tensor> encoded = new CopyOnWriteArrayList<>();

        @Override public LatentFormat latentFormat() { return LatentFormat.SD15; }
        @Override public int downscale() { return 8; }

        @Override
        public Tensor decode(Tensor latent) {
            int b = latent.dim(0), h = latent.dim(2), w = latent.dim(3);
            float[] out = new float[b * h * 8 * w * 8 * 3];
            for (int n = 0; n < b; n++) {
                for (int y = 0; y < h * 8; y++) {
                    for (int x = 0; x < w * 8; x++) {
                        float v = latent.get(n, 0, y / 8, x / 8);
                        for (int c = 0; c < 3; c++) out[((n * h * 8 + y) * w * 8 + x) * 3 + c] = v;
                    }
                }
            }
            return Tensor.of(out, b, h * 8, w * 8, 3);
        }

        @Override
        public Tensor encode(Tensor image) {
            encoded.add(image);
            int b = image.dim(0), h = image.dim(1) / 8, w = image.dim(2) / 8;
            float[] out = new float[b * 4 * h * w];
            for (int n = 0; n < b; n++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        float sum = 0;
                        for (int dy = 0; dy < 8; dy++) for (int dx = 0; dx < 8; dx++) sum += image.get(n, y * 8 + dy, x * 8 + dx, 0);
                        for (int c = 0; c < 4; c++) out[((n * 4 + c) * h + y) * w + x] = sum / 64;
                    }
                }
            }
            return Tensor.of(out, b, 4, h, w);
        }
    }

    /** An SD1.5-like ε model that always predicts zero noise, so every x₀ estimate is its input. */
    public record Model() implements DiffusionModel {
        private static final ModelSampling SAMPLING = DiscreteSampling.eps();

        @Override public ModelSampling sampling() { return SAMPLING; }
        @Override public LatentFormat latentFormat() { return LatentFormat.SD15; }

        @Override
        public Tensor apply(Tensor xIn, double[] timesteps, List<ConditioningEntry> conds) {
            return Tensor.zeros(xIn.shape());
        }
    }
}
