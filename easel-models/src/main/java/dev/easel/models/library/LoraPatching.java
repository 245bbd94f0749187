package dev.easel.models.library;

import dev.easel.models.diffusers.OnnxClip;
import dev.easel.models.diffusers.OnnxUnet;
import dev.easel.models.lora.LoraApplication;

import java.io.IOException;
import java.util.List;

/**
 * Loads one checkpoint's UNet or text encoders again with LoRAs merged into their weights, in
 * order; the checkpoint as stored (and as cached) is never changed.
 */
public interface LoraPatching {

    OnnxUnet unet(List<LoraApplication> loras) throws IOException;

    OnnxClip clip(List<LoraApplication> loras) throws IOException;
}
