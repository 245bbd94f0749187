package dev.easel.models.detect;

import java.util.List;
import java.util.OptionalInt;

/**
 * An LDM UNet's configuration as read from its tensor names and shapes, the values ComfyUI's
 * {@code detect_unet_config} reads. {@code transformerDepth} has one entry per input res block,
 * {@code transformerDepthOutput} one per output block; {@code middleDepth} is the middle block's
 * transformer depth, −1 for a middle block without one and −2 for none.
 */
public record UnetLayout(String prefix, int inChannels, int outChannels, int modelChannels, OptionalInt admInChannels,
                         List<Integer> channelMult, List<Integer> numResBlocks, List<Integer> transformerDepth,
                         List<Integer> transformerDepthOutput, int middleDepth, OptionalInt contextDim,
                         boolean linearInTransformer) {

    public UnetLayout {
        channelMult = List.copyOf(channelMult);
        numResBlocks = List.copyOf(numResBlocks);
        transformerDepth = List.copyOf(transformerDepth);
        transformerDepthOutput = List.copyOf(transformerDepthOutput);
    }

    /** What was found, for messages about a layout Easel does not know. */
    public String describe() {
        return "model_channels " + modelChannels + ", in_channels " + inChannels + ", channel_mult " + channelMult
                + ", transformer_depth " + transformerDepth + ", context_dim "
                + (contextDim.isPresent() ? contextDim.getAsInt() : "none") + ", adm_in_channels "
                + (admInChannels.isPresent() ? admInChannels.getAsInt() : "none") + ", linear projections "
                + linearInTransformer;
    }
}
