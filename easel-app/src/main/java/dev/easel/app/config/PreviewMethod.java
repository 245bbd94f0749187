package dev.easel.app.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** ComfyUI's {@code --preview-method} choices, keyed by their wire name. */
public enum PreviewMethod {
    NONE("none"), AUTO("auto"), LATENT2RGB("latent2rgb"), TAESD("taesd");

    private final String wireName;

    PreviewMethod(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<PreviewMethod> fromWire(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(PreviewMethod::wireName).toList();
    }
}
