package dev.easel.nodes.sampling;

import dev.easel.diffusion.cond.Conditioning;
import dev.easel.diffusion.guidance.CfgGuider;
import dev.easel.diffusion.model.DiffusionModel;
import dev.easel.diffusion.sample.Denoiser;

/** ComfyUI's GUIDER value: a model with the guidance that turns it into a denoiser. */
public sealed interface Guider {

    DiffusionModel model();

    Denoiser denoiser();

    /** {@code CFGGuider}: classifier-free guidance between a positive and a negative conditioning. */
    record Cfg(DiffusionModel model, Conditioning positive, Conditioning negative, double cfg) implements Guider {
        @Override
        public Denoiser denoiser() {
            return new CfgGuider(model, positive, negative, cfg);
        }
    }
}
