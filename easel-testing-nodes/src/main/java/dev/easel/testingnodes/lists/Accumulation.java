package dev.easel.testingnodes.lists;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The value of type ACCUMULATION: a list grown one item per node, which ComfyUI models as
 * {@code {"accum": [...]}}. Items may be null (Python's None).
 */
public record Accumulation(List<Object> items) {
    static final String TYPE = "ACCUMULATION";
    static final String CATEGORY = "Testing/Lists";

    public Accumulation {
        items = Collections.unmodifiableList(new ArrayList<>(items));
    }

    Accumulation plus(Object item) {
        List<Object> grown = new ArrayList<>(items);
        grown.add(item);
        return new Accumulation(grown);
    }

    Accumulation slice(int from, int to) {
        return new Accumulation(items.subList(from, to));
    }

    Object get(long index) {
        return items.get(position(index));
    }

    Accumulation with(long index, Object value) {
        List<Object> copy = new ArrayList<>(items);
        copy.set(position(index), value);
        return new Accumulation(copy);
    }

    /** Python indexing: negative indexes count from the end; anything outside is an IndexError. */
    private int position(long index) {
        long resolved = index < 0 ? index + items.size() : index;
        if (resolved < 0 || resolved >= items.size()) {
            throw new IndexOutOfBoundsException("list index out of range: " + index + " of " + items.size());
        }
        return (int) resolved;
    }
}
