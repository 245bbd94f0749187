package dev.easel.engine.cache;

/**
 * A key part that equals nothing but itself: stands in for NaN fingerprints and for values
 * that cannot be compared, so such nodes never hit the cache.
 */
public final class Unique {
    @Override
    public String toString() {
        return "unique@" + Integer.toHexString(System.identityHashCode(this));
    }

    /** Replaces NaN (which Java's Double.equals would match) by a fresh marker, deeply. */
    public static Object comparable(Object value) {
        if (value instanceof Double d && d.isNaN()) return new Unique();
        if (value instanceof Float f && f.isNaN()) return new Unique();
        if (value instanceof java.util.List<?> list) return list.stream().map(Unique::comparable).toList();
        return value;
    }
}
