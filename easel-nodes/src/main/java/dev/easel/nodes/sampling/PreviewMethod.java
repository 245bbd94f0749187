package dev.easel.nodes.sampling;

import java.util.Map;
import java.util.Optional;

/**
 * ComfyUI's {@code --preview-method}, chosen per prompt: {@code extra_data.preview_method} wins
 * unless it is absent, {@code "default"} or not a method name. {@code auto} and {@code taesd} draw
 * with Latent2RGB here, as ComfyUI does when it has no TAESD decoder (none ships with Easel).
 */
public enum PreviewMethod {
    NONE("none"), AUTO("auto"), LATENT2RGB("latent2rgb"), TAESD("taesd");

    private final String wireName;

    PreviewMethod(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether steps get a preview image at all. */
    public boolean draws() {
        return this != NONE;
    }

    public static Optional<PreviewMethod> byWireName(String name) {
        for (PreviewMethod m : values()) if (m.wireName.equals(name)) return Optional.of(m);
        return Optional.empty();
    }

    /** The method a prompt samples with: its own override, else the server's (none when that is unknown). */
    public static PreviewMethod forPrompt(String serverMethod, Map<String, Object> extraData) {
        if (extraData.get("preview_method") instanceof String override && !override.equals("default")) {
            Optional<PreviewMethod> chosen = byWireName(override);
            if (chosen.isPresent()) return chosen.get();
        }
        return byWireName(serverMethod).orElse(NONE);
    }
}
