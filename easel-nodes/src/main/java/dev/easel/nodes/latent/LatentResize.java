package dev.easel.nodes.latent;

import dev.easel.tensor.Tensor;
import dev.easel.tensor.image.CropMode;
import dev.easel.tensor.image.ImageGeometry;
import dev.easel.tensor.image.Resize;

import java.util.Optional;

/**
 * ComfyUI's {@code common_upscale} on latents {@code [B, C, h, w]}: every channel plane is
 * resized alone, so the planes go through easel-tensor's resize as a batch of masks; bislerp
 * mixes the channels and has its own path.
 */
final class LatentResize {
    private LatentResize() {
    }

    static Tensor resize(Tensor samples, int width, int height, LatentUpscaleMethod method, CropMode crop) {
        int b = samples.dim(0), c = samples.dim(1), h = samples.dim(2), w = samples.dim(3);
        Tensor planes = samples.reshape(b * c, h, w);
        Optional<dev.easel.tensor.image.ResizeMethod> interpolation = method.interpolation();
        if (interpolation.isPresent()) {
            return Resize.resize(planes, width, height, interpolation.get(), crop).reshape(b, c, height, width);
        }
        if (crop == CropMode.CENTER) planes = centerCrop(planes, width, height);
        return Bislerp.resize(planes.reshape(b, c, planes.dim(1), planes.dim(2)), width, height);
    }

    /** The centred region with the target's aspect ratio (Python's round, half to even). */
    private static Tensor centerCrop(Tensor planes, int width, int height) {
        int oldW = planes.dim(2), oldH = planes.dim(1);
        double oldAspect = (double) oldW / oldH, newAspect = (double) width / height;
        int x = 0, y = 0;
        if (oldAspect > newAspect) {
            x = (int) Math.rint((oldW - oldW * (newAspect / oldAspect)) / 2);
        } else if (oldAspect < newAspect) {
            y = (int) Math.rint((oldH - oldH * (oldAspect / newAspect)) / 2);
        }
        return ImageGeometry.crop(planes, x, y, oldW - 2 * x, oldH - 2 * y);
    }
}
