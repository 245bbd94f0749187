package dev.easel.models.toy;

import dev.easel.models.onnx.ElementType;
import dev.easel.models.onnx.graph.OnnxGraph;
import dev.easel.models.onnx.graph.Value;

/**
 * A VAE with the diffusers I/O contract that moves values through unchanged: the decoder writes
 * latent channels 0, 1, 2 to R, G, B and repeats each latent pixel 8×8; the encoder averages each
 * 8×8 block and writes R, G, B to channels 0, 1, 2 (channel 3 is 0).
 */
public final class ToyVae {

    private ToyVae() {
    }

    public static byte[] decoder() {
        OnnxGraph g = OnnxGraph.named("toy_vae_decoder");
        Value z = g.input("latent_sample", ElementType.FLOAT, "batch", 4, "height", "width");
        Value pick = g.weight("pick", new float[]{1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0}, 3, 4, 1, 1);
        Value rgb = g.resizeNearest(g.conv(z, pick, null), 8, 8);
        g.output("sample", rgb, ElementType.FLOAT, "batch", 3, "image_height", "image_width");
        return g.build();
    }

    /** With {@code parameters}, the output is {@code latent_parameters} [B, 8, h, w]: the mean, then a log-variance of −1. */
    public static byte[] encoder(boolean parameters) {
        OnnxGraph g = OnnxGraph.named("toy_vae_encoder");
        Value x = g.input("sample", ElementType.FLOAT, "batch", 3, "image_height", "image_width");
        Value spread = g.weight("spread", new float[]{1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0}, 4, 3, 1, 1);
        Value mean = g.conv(g.averagePool(x, 8, 8), spread, null);
        if (!parameters) {
            g.output("latent_sample", mean, ElementType.FLOAT, "batch", 4, "height", "width");
        } else {
            Value logVar = g.add(g.mul(mean, g.scalar(0)), g.scalar(-1));
            g.output("latent_parameters", g.concat(1, mean, logVar), ElementType.FLOAT, "batch", 8, "height", "width");
        }
        return g.build();
    }
}
