package dev.easel.nodes.latent;

import dev.easel.tensor.image.ResizeMethod;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The latent upscale methods under ComfyUI's wire names: torch's interpolation modes (done by
 * easel-tensor's {@link ResizeMethod}, which follows torch) plus {@code bislerp}.
 */
public enum LatentUpscaleMethod {
    NEAREST_EXACT("nearest-exact", ResizeMethod.NEAREST_EXACT),
    BILINEAR("bilinear", ResizeMethod.BILINEAR),
    AREA("area", ResizeMethod.AREA),
    BICUBIC("bicubic", ResizeMethod.BICUBIC),
    BISLERP("bislerp", null);

    private final String wireName;
    private final ResizeMethod interpolation;

    LatentUpscaleMethod(String wireName, ResizeMethod interpolation) {
        this.wireName = wireName;
        this.interpolation = interpolation;
    }

    public String wireName() {
        return wireName;
    }

    /** The torch interpolation it is, or empty for bislerp. */
    Optional<ResizeMethod> interpolation() {
        return Optional.ofNullable(interpolation);
    }

    public static LatentUpscaleMethod byWireName(String name) {
        for (LatentUpscaleMethod m : values()) if (m.wireName.equals(name)) return m;
        throw new IllegalArgumentException("unknown upscale method '" + name + "', expected one of " + wireNames());
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(LatentUpscaleMethod::wireName).toList();
    }
}
