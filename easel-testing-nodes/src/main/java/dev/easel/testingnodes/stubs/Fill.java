package dev.easel.testingnodes.stubs;

import dev.easel.tensor.Tensor;

/** Constant images the pack's nodes return; the scale is applied in float32, as torch does. */
public final class Fill {
    private Fill() {}

    /** {@code torch.ones([1, 512, 512, 3]) * scale}, the pack's stock result image. */
    public static Tensor image512(double scale) {
        return Tensor.ones(1, 512, 512, 3).mul((float) scale);
    }

    public static Tensor white512() {
        return Tensor.ones(1, 512, 512, 3);
    }
}
