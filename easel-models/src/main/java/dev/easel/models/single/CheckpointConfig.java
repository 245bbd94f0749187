package dev.easel.models.single;

import dev.easel.diffusion.model.Parameterization;
import dev.easel.models.detect.TextEncoderPrefixes;
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
                List.of(new TextEncoder(TextEncoderPrefixes.SD1_CLIP_L, TextEncoderConfig.clipL())), Parameterization.EPS);
    }

    /** SD2.x: ε for the 512 models, v-prediction for the 768 ones (detection guesses; ComfyUI logs the guess). */
    public static CheckpointConfig sd2(Parameterization parameterization) {
        return new CheckpointConfig(ModelFamily.SD2, UnetConfig.sd2(), VaeConfig.sd(),
                List.of(new TextEncoder(TextEncoderPrefixes.SD2_CLIP_H, TextEncoderConfig.openClipH())), parameterization);
    }

    /** SDXL base (and SDXL-Turbo): CLIP-L and OpenCLIP-G, label_emb, ε-prediction unless the file says otherwise. */
    public static CheckpointConfig sdxl(Parameterization parameterization) {
        return new CheckpointConfig(ModelFamily.SDXL, UnetConfig.sdxl(), VaeConfig.sd(),
                List.of(new TextEncoder(TextEncoderPrefixes.SDXL_CLIP_L, TextEncoderConfig.clipL()),
                        new TextEncoder(TextEncoderPrefixes.SDXL_CLIP_G, TextEncoderConfig.openClipBigG())), parameterization);
    }
}
