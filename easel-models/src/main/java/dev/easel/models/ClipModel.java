package dev.easel.models;

import dev.easel.diffusion.cond.Conditioning;

/** ComfyUI's CLIP value: a prompt tokenizer with its text encoder(s). Thread-safe. */
public interface ClipModel {

    /** {@code CLIPTextEncode}: the prompt, with ComfyUI's {@code (word:1.2)} emphasis, as one conditioning. */
    Conditioning encode(String text);

    /**
     * {@code CLIPSetLastLayer}: the same model reading hidden states from layer {@code layer}
     * (−1 is the last, −2 the one before, ...).
     */
    ClipModel withLastLayer(int layer);
}
