package dev.easel.models.detect;

import java.util.List;

/**
 * Where each released model keeps its text encoders' tensors, in the order they are tried (the
 * first present wins): read by detection and by the loader's presets alike.
 */
public final class TextEncoderPrefixes {
    /** SD1's CLIP-L under {@code text_model.}, or, in older files, directly under {@code transformer.}. */
    public static final List<String> SD1_CLIP_L = List.of("cond_stage_model.transformer.text_model.", "cond_stage_model.transformer.");
    /** SD2's OpenCLIP-H, in the LDM layout or the SGM one. */
    public static final List<String> SD2_CLIP_H = List.of("cond_stage_model.model.", "conditioner.embedders.0.model.");
    public static final List<String> SDXL_CLIP_L = List.of("conditioner.embedders.0.transformer.text_model.");
    public static final List<String> SDXL_CLIP_G = List.of("conditioner.embedders.1.model.");
    public static final List<String> REFINER_CLIP_G = List.of("conditioner.embedders.0.model.");

    private TextEncoderPrefixes() {
    }
}
