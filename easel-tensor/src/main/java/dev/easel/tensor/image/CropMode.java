package dev.easel.tensor.image;

import java.util.Arrays;
import java.util.List;

/** What a resize does when the aspect ratio changes (ComfyUI's {@code crop} options). */
public enum CropMode {
    /** Stretch the whole image. */
    DISABLED("disabled"),
    /** Cut the source to the target's aspect ratio around its centre first. */
    CENTER("center");

    private final String wireName;

    CropMode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static CropMode fromWireName(String name) {
        for (CropMode m : values()) if (m.wireName.equals(name)) return m;
        throw new IllegalArgumentException("unknown crop method '" + name + "', expected one of " + wireNames());
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(CropMode::wireName).toList();
    }
}
