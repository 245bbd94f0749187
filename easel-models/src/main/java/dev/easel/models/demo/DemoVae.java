package dev.easel.models.demo;

import dev.easel.diffusion.latent.LatentFormat;
import dev.easel.models.onnx.graph.OnnxGraph;
import dev.easel.models.onnx.graph.Value;

import static dev.easel.models.onnx.ElementType.FLOAT;

/**
 * The demo's autoencoder: a fixed linear map between a pixel's RGB and a 4-channel latent, at an
 * 8× lower resolution. The decoder is SD1.5's own Latent2RGB preview map ({@link LatentFormat#SD15}
 * factors applied to the sampler-space latent {@code 0.18215·latent}), so a live preview and the
 * decoded image show the same colours. The encoder is its pseudo-inverse after an 8×8 average
 * pool; latents therefore lie in the 3-dimensional subspace the decoder sees, and the fourth
 * direction (the decoder's null space) carries nothing.
 */
final class DemoVae {
    static final int FACTOR = 8;
    static final int CHANNELS = 4;

    /** {@code rgb = DECODE·latent}, row = R, G, B; column = latent channel. */
    private final double[][] decode = new double[3][CHANNELS];
    /** {@code latent = ENCODE·rgb}, the Moore–Penrose inverse of {@link #decode}. */
    private final double[][] encode;

    DemoVae() {
        LatentFormat format = LatentFormat.SD15;
        for (int rgb = 0; rgb < 3; rgb++) {
            for (int c = 0; c < CHANNELS; c++) decode[rgb][c] = format.scale() * format.rgbFactor(c, rgb);
        }
        encode = pseudoInverse(decode);
    }

    /** Sampler-space latent {@code [4, H/8, W/8]} of an image {@code [3, H, W]} in −1..1, as the encoder graph computes it. */
    float[] encodeToSamplerSpace(float[] rgb, int height, int width) {
        int h = height / FACTOR, w = width / FACTOR, plane = h * w;
        float scale = LatentFormat.SD15.scale();
        float[] latent = new float[CHANNELS * plane];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double[] mean = new double[3];
                for (int k = 0; k < 3; k++) {
                    for (int dy = 0; dy < FACTOR; dy++) {
                        for (int dx = 0; dx < FACTOR; dx++) {
                            mean[k] += rgb[(k * height + y * FACTOR + dy) * width + x * FACTOR + dx];
                        }
                    }
                    mean[k] /= FACTOR * FACTOR;
                }
                for (int c = 0; c < CHANNELS; c++) {
                    double value = 0;
                    for (int k = 0; k < 3; k++) value += encode[c][k] * mean[k];
                    latent[c * plane + y * w + x] = (float) (value * scale);
                }
            }
        }
        return latent;
    }

    byte[] decoderGraph() {
        OnnxGraph g = OnnxGraph.named("easel_demo_vae_decoder");
        Value latent = g.input("latent_sample", FLOAT, "batch", CHANNELS, "latent_height", "latent_width");
        Value rgb = g.conv(latent, g.weight("rgb_from_latent", flatten(decode), 3, CHANNELS, 1, 1), null);
        Value upsampled = g.resize(rgb, new float[]{1, 1, FACTOR, FACTOR}, "linear");
        return g.output("sample", g.clip(upsampled, -1f, 1f), FLOAT, "batch", 3, "height", "width").build();
    }

    byte[] encoderGraph() {
        OnnxGraph g = OnnxGraph.named("easel_demo_vae_encoder");
        Value pooled = g.averagePool(g.input("sample", FLOAT, "batch", 3, "height", "width"), FACTOR, FACTOR);
        Value latent = g.conv(pooled, g.weight("latent_from_rgb", flatten(encode), CHANNELS, 3, 1, 1), null);
        return g.output("latent_sample", latent, FLOAT, "batch", CHANNELS, "latent_height", "latent_width").build();
    }

    /** {@code A⁺ = Aᵀ(AAᵀ)⁻¹} for a full-row-rank 3×n matrix. */
    private static double[][] pseudoInverse(double[][] a) {
        int n = a[0].length;
        double[][] gram = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < n; k++) gram[i][j] += a[i][k] * a[j][k];
            }
        }
        double[][] inverse = invert3(gram);
        double[][] result = new double[n][3];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < 3; j++) {
                for (int i = 0; i < 3; i++) result[k][j] += a[i][k] * inverse[i][j];
            }
        }
        return result;
    }

    private static double[][] invert3(double[][] m) {
        double[][] cofactor = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int i1 = (i + 1) % 3, i2 = (i + 2) % 3, j1 = (j + 1) % 3, j2 = (j + 2) % 3;
                cofactor[i][j] = m[i1][j1] * m[i2][j2] - m[i1][j2] * m[i2][j1];
            }
        }
        double det = m[0][0] * cofactor[0][0] + m[0][1] * cofactor[0][1] + m[0][2] * cofactor[0][2];
        double[][] inverse = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) inverse[i][j] = cofactor[j][i] / det;
        }
        return inverse;
    }

    private static float[] flatten(double[][] matrix) {
        float[] flat = new float[matrix.length * matrix[0].length];
        for (int i = 0; i < matrix.length; i++) {
            for (int j = 0; j < matrix[0].length; j++) flat[i * matrix[0].length + j] = (float) matrix[i][j];
        }
        return flat;
    }
}
