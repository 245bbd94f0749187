package dev.easel.models.single;

import dev.easel.diffusion.model.Parameterization;
import dev.easel.models.diffusers.ModelFamily;

import java.util.List;

/**
 * What a single-file checkpoint holds and how to read it: the family (which fixes the latent
 * format and how the text encoders' outputs become conditioning), the three networks' shapes, the
 * text encoders with the key prefixes they may be stored under (the first prefix present in the
 * file is used), and the UNet's prediction type. Model detection produces one of these; the
 * presets are the released models.
 */
public record CheckpointConfig(ModelFamily family, UnetConfig unet, VaeConfig vae, List<TextEncoder> textEncoders,
                               Parameterization parameterization) {

    /** One text encoder: where it may be stored and its shape. */
    public record TextEncoder(List<String> prefixes, TextEncoderConfig config) {
        public TextEncoder {
            prefixes = List.copyOf(prefixes);
            if (prefixes.isEmpty()) throw new IllegalArgumentException("a text encoder needs at least one key prefix");
        }
    }

    /** SD1's CLIP-L, under {@code text_model.} or, in older files, directly under {@code transformer.}. */
    public static final List<String> SD1_CLIP_PREFIXES = List.of("cond_stage_model.transformer.text_model.", "cond_stage_model.transformer.");
    /** SD2's OpenCLIP-H, in the LDM layout or the SGM one. */
    public static final List<String> SD2_CLIP_PREFIXES = List.of("cond_stage_model.model.", "conditioner.embedders.0.model.");
    public static final List<String> SDXL_CLIP_L_PREFIXES = List.of("conditioner.embedders.0.transformer.text_model.");
    public static final List<String> SDXL_CLIP_G_PREFIXES = List.of("conditioner.embedders.1.model.");

    public CheckpointConfig {
        textEncoders = List.copyOf(textEncoders);
        int expected = family == ModelFamily.SDXL ? 2 : 1;
        if (textEncoders.size() != expected) {
            throw new IllegalArgumentException(family + " has " + expected + " text encoder(s), the configuration lists " + textEncoders.size());
        }
        int context = family == ModelFamily.SDXL
                ? textEncoders.get(0).config().width() + textEncoders.get(1).config().width()
                : textEncoders.get(0).config().width();
        if (context != unet.contextDim()) {
            throw new IllegalArgumentException("the UNet attends to a context of " + unet.contextDim()
                    + " but the text encoders produce " + context);
        }
        if (family == ModelFamily.SDXL && unet.pooledChannels() != textEncoders.get(1).config().width()) {
            throw new IllegalArgumentException("the UNet's ADM vector holds a pooled embedding of " + unet.pooledChannels()
                    + " but the second text encoder is " + textEncoders.get(1).config().width() + " wide");
        }
    }

    /** SD1.x ({@code v1-5-pruned-emaonly.safetensors} and its fine-tunes): ε-prediction. */
    public static CheckpointConfig sd15() {
        return new CheckpointConfig(ModelFamily.SD1, UnetConfig.sd15(), VaeConfig.sd(),
                List.of(new TextEncoder(SD1_CLIP_PREFIXES, TextEncoderConfig.clipL())), Parameterization.EPS);
    }

    /** SD2.x: ε for the 512 models, v-prediction for the 768 ones (detection guesses; ComfyUI logs the guess). */
    public static CheckpointConfig sd2(Parameterization parameterization) {
        return new CheckpointConfig(ModelFamily.SD2, UnetConfig.sd2(), VaeConfig.sd(),
                List.of(new TextEncoder(SD2_CLIP_PREFIXES, TextEncoderConfig.openClipH())), parameterization);
    }

    /** SDXL base (and SDXL-Turbo): CLIP-L and OpenCLIP-G, label_emb, ε-prediction unless the file says otherwise. */
    public static CheckpointConfig sdxl(Parameterization parameterization) {
        return new CheckpointConfig(ModelFamily.SDXL, UnetConfig.sdxl(), VaeConfig.sd(),
                List.of(new TextEncoder(SDXL_CLIP_L_PREFIXES, TextEncoderConfig.clipL()),
                        new TextEncoder(SDXL_CLIP_G_PREFIXES, TextEncoderConfig.openClipBigG())), parameterization);
    }
}
