package dev.easel.models.lora;

import dev.easel.models.cache.ModelKey;

/**
 * One LoRA file merged at one strength into one part of a model (its UNet or its text encoders),
 * as a LoraLoader node asks. {@code file} is the file's identity on disk, so that a changed LoRA
 * makes a new merged model rather than reusing the old one.
 */
public record LoraApplication(ModelKey file, double strength) {

    /** The file's path, size and time with the strength: what a merged model's cache key is made of. */
    public String id() {
        return file.realPath() + "@" + file.size() + ":" + file.modifiedMillis() + "×" + strength;
    }
}
