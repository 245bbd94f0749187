package dev.easel.server.ws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.server.wire.Json;

/**
 * What this server advertises in the {@code feature_flags} reply and {@code GET /features}.
 * Only what is implemented: type-4 previews and the upload limit (bytes, a float as in ComfyUI).
 */
public final class FeatureFlags {

    private FeatureFlags() {
    }

    public static ObjectNode server(long maxUploadBytes) {
        return Json.object().put("supports_preview_metadata", true).put("max_upload_size", (double) maxUploadBytes);
    }
}
