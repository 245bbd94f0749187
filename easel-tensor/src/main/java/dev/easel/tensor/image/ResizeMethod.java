package dev.easel.tensor.image;

import java.util.Arrays;
import java.util.List;

/** Resampling methods under ComfyUI's wire names (the {@code upscale_method} options). */
public enum ResizeMethod {
    NEAREST_EXACT("nearest-exact"),
    BILINEAR("bilinear"),
    AREA("area"),
    BICUBIC("bicubic"),
    LANCZOS("lanczos");

    private final String wireName;

    ResizeMethod(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ResizeMethod fromWireName(String name) {
        for (ResizeMethod m : values()) if (m.wireName.equals(name)) return m;
        throw new IllegalArgumentException("unknown upscale method '" + name + "', expected one of " + wireNames());
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(ResizeMethod::wireName).toList();
    }
}
