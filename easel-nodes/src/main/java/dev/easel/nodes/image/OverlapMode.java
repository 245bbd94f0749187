package dev.easel.nodes.image;

import java.util.Arrays;
import java.util.List;

/** How RebatchImages reconciles frames that two consecutive input batches both hold. */
enum OverlapMode {
    /** Keep the earlier batch's frames. */
    TRUNCATE_START("truncate start"),
    /** Take the later batch's frames. */
    TRUNCATE_END("truncate end"),
    /** Cross-fade with a smoothstep ramp. */
    FADE_SMOOTH("fade smooth"),
    /** Cross-fade with a linear ramp. */
    FADE_LINEAR("fade linear");

    private final String wireName;

    OverlapMode(String wireName) {
        this.wireName = wireName;
    }

    static List<String> wireNames() {
        return Arrays.stream(values()).map(m -> m.wireName).toList();
    }

    static OverlapMode fromWireName(String name) {
        for (OverlapMode m : values()) if (m.wireName.equals(name)) return m;
        throw new IllegalArgumentException("unknown merge_overlap_mode '" + name + "', expected one of " + wireNames());
    }

    /** Weight of the later frame for each overlapped position: torch's float32 linspace(0, 1, n), eased for smooth. */
    float[] weights(int overlap) {
        float[] w = new float[overlap];
        float step = overlap > 1 ? 1f / (overlap - 1) : 0f;
        for (int i = 0; i < overlap; i++) {
            w[i] = i < overlap / 2 ? step * i : 1f - step * (overlap - 1 - i);
            if (this == FADE_SMOOTH) w[i] = w[i] * w[i] * (3f - 2f * w[i]);
        }
        return w;
    }
}
