package dev.easel.engine.validate;

import java.util.Map;

/** ComfyUI's error object: {@code {"type", "message", "details", "extra_info"}}. */
public record ErrorInfo(String type, String message, String details, Map<String, Object> extraInfo) {
    public ErrorInfo {
        extraInfo = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extraInfo));
    }
}
