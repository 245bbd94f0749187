package dev.easel.server.packs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * ComfyUI's recursive JSON merge: objects merge key by key, two arrays are concatenated, and
 * anything else is replaced by the newer value. Neither input is changed.
 */
final class JsonMerge {
    private JsonMerge() {
    }

    static JsonNode merge(JsonNode base, JsonNode update) {
        if (base instanceof ObjectNode baseObject && update instanceof ObjectNode updateObject) {
            ObjectNode merged = baseObject.deepCopy();
            updateObject.properties().forEach(e -> merged.set(e.getKey(),
                    merged.has(e.getKey()) ? merge(merged.get(e.getKey()), e.getValue()) : e.getValue()));
            return merged;
        }
        if (base instanceof ArrayNode baseArray && update instanceof ArrayNode updateArray) {
            ArrayNode joined = baseArray.deepCopy();
            joined.addAll(updateArray);
            return joined;
        }
        return update;
    }
}
