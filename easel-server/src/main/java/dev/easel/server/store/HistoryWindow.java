package dev.easel.server.store;

import java.util.OptionalInt;

/**
 * ComfyUI's {@code GET /history} window over {@code size} entries, oldest first: without an
 * offset, the last {@code max_items}; with one, {@code max_items} from there; no parameters, all.
 */
record HistoryWindow(int start, int limit) {

    static HistoryWindow of(int size, OptionalInt maxItems, OptionalInt offset) {
        int start = offset.orElse(-1);
        if (start < 0 && maxItems.isPresent()) start = size - maxItems.getAsInt();
        int limit = maxItems.isPresent() ? Math.max(0, maxItems.getAsInt()) : Integer.MAX_VALUE;
        return new HistoryWindow(Math.max(0, start), limit);
    }
}
