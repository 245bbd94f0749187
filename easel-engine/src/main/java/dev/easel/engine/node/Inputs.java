package dev.easel.engine.node;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The input values of one node call, by input name. An absent key means the input was not
 * given (or is a lazy input not evaluated yet); a present key may hold {@code null} (Python's
 * None). For nodes declared {@code inputIsList} every value is a {@code List<Object>}.
 */
public final class Inputs {
    private final Map<String, Object> values;

    public Inputs(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Inputs of(Map<String, Object> values) {
        return new Inputs(values);
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The raw value, or null when absent. */
    public Object get(String name) {
        return values.get(name);
    }

    public Optional<Object> find(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public <T> T get(String name, Class<T> type) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("input '" + name + "' is missing");
        }
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("input '" + name + "' is a " + value.getClass().getSimpleName()
                    + ", expected " + type.getSimpleName());
        }
        return type.cast(value);
    }

    public long getLong(String name) {
        return get(name, Number.class).longValue();
    }

    public int getInt(String name) {
        return Math.toIntExact(getLong(name));
    }

    public double getDouble(String name) {
        return get(name, Number.class).doubleValue();
    }

    public String getString(String name) {
        return get(name, String.class);
    }

    public boolean getBool(String name) {
        Object value = values.get(name);
        return value instanceof Boolean b ? b : value != null && !Boolean.FALSE.equals(value);
    }

    public String getStringOr(String name, String fallback) {
        Object value = values.get(name);
        return value == null ? fallback : value.toString();
    }

    public double getDoubleOr(String name, double fallback) {
        Object value = values.get(name);
        return value instanceof Number n ? n.doubleValue() : fallback;
    }

    public boolean getBoolOr(String name, boolean fallback) {
        Object value = values.get(name);
        return value == null ? fallback : getBool(name);
    }

    /** For {@code inputIsList} nodes: the whole list given to an input (empty when absent). */
    @SuppressWarnings("unchecked")
    public List<Object> list(String name) {
        Object value = values.get(name);
        if (value == null) return List.of();
        return value instanceof List<?> l ? (List<Object>) l : List.of(value);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
