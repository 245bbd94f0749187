package dev.easel.models.single;

import java.util.List;

/**
 * The shape of an LDM UNet ({@code model.diffusion_model.*}), in the terms of ComfyUI's
 * {@code unet_config}. {@code transformerDepth} has one entry per input res block (levels ×
 * numResBlocks); {@code transformerDepthOutput} one per output block, listed in input-block order as
 * ComfyUI lists it (output block k uses entry {@code size − 1 − k}); {@code transformerDepthMiddle}
 * is the middle transformer's depth, −1 for a middle block of one res block and −2 for none.
 * {@code admInChannels} is 0 without {@code label_emb} (SD1, SD2) and 2816 for SDXL, whose ADM
 * vector is the pooled text embedding followed by six 256-wide size embeddings.
 */
public record UnetConfig(int inChannels, int outChannels, int modelChannels, List<Integer> channelMult, int numResBlocks,
                         List<Integer> transformerDepth, int transformerDepthMiddle, List<Integer> transformerDepthOutput,
                         Heads heads, int contextDim, boolean linearProjection, int admInChannels) {

    /** The six SDXL size values (height, width, crop top, crop left, target height, target width), each embedded in 256. */
    public static final int SIZE_EMBEDDINGS = 6, SIZE_EMBEDDING_WIDTH = 256;

    /** How many attention heads a transformer of {@code channels} channels has. */
    public sealed interface Heads {
        int count(int channels);

        /** A fixed number of heads (SD1: 8). */
        record Fixed(int heads) implements Heads {
            @Override
            public int count(int channels) {
                return heads;
            }
        }

        /** Heads of a fixed width (SD2, SDXL: 64 channels). */
        record OfWidth(int headChannels) implements Heads {
            @Override
            public int count(int channels) {
                return channels / headChannels;
            }
        }
    }

    public UnetConfig {
        channelMult = List.copyOf(channelMult);
        transformerDepth = List.copyOf(transformerDepth);
        transformerDepthOutput = List.copyOf(transformerDepthOutput);
        int levels = channelMult.size();
        if (modelChannels % 32 != 0) throw new IllegalArgumentException("model channels must be a multiple of 32 (GroupNorm's groups), was " + modelChannels);
        if (transformerDepth.size() != levels * numResBlocks) {
            throw new IllegalArgumentException("transformerDepth needs " + levels * numResBlocks + " entries (levels × res blocks), has " + transformerDepth.size());
        }
        if (transformerDepthOutput.size() != levels * (numResBlocks + 1)) {
            throw new IllegalArgumentException("transformerDepthOutput needs " + levels * (numResBlocks + 1) + " entries, has " + transformerDepthOutput.size());
        }
        if (admInChannels != 0 && admInChannels <= SIZE_EMBEDDINGS * SIZE_EMBEDDING_WIDTH) {
            throw new IllegalArgumentException("an ADM vector of " + admInChannels + " cannot hold a pooled embedding and the size embeddings");
        }
    }

    /** SD1.x: 320 channels, levels 1, 2, 4, 4, 8 heads, CLIP-L context, 1×1-conv projections. */
    public static UnetConfig sd15() {
        return new UnetConfig(4, 4, 320, List.of(1, 2, 4, 4), 2, List.of(1, 1, 1, 1, 1, 1, 0, 0), 1,
                List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0), new Heads.Fixed(8), 768, false, 0);
    }

    /** SD2.x: as SD1 with 64-wide heads, OpenCLIP-H context (1024) and linear projections. */
    public static UnetConfig sd2() {
        return new UnetConfig(4, 4, 320, List.of(1, 2, 4, 4), 2, List.of(1, 1, 1, 1, 1, 1, 0, 0), 1,
                List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0), new Heads.OfWidth(64), 1024, true, 0);
    }

    /** SDXL base: levels 1, 2, 4 with transformer depths 0, 2, 10, context 2048, ADM 2816. */
    public static UnetConfig sdxl() {
        return new UnetConfig(4, 4, 320, List.of(1, 2, 4), 2, List.of(0, 0, 2, 2, 10, 10), 10,
                List.of(0, 0, 0, 2, 2, 2, 10, 10, 10), new Heads.OfWidth(64), 2048, true, 2816);
    }

    public int timeEmbedChannels() {
        return 4 * modelChannels;
    }

    /** The width of the pooled text embedding inside the ADM vector (1280 for SDXL). */
    public int pooledChannels() {
        return admInChannels == 0 ? 0 : admInChannels - SIZE_EMBEDDINGS * SIZE_EMBEDDING_WIDTH;
    }
}
