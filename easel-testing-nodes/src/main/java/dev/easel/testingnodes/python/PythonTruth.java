package dev.easel.testingnodes.python;

import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/** Python's {@code bool(value)}: None, zero and empty containers are false; other objects true. */
public final class PythonTruth {
    private PythonTruth() {}

    public static boolean of(Object value) {
        return switch (value) {
            case null -> false;
            case Boolean b -> b;
            case BigInteger i -> i.signum() != 0;
            case Double d -> d != 0.0;
            case Float f -> f != 0.0f;
            case Number n -> n.longValue() != 0;
            case CharSequence s -> !s.isEmpty();
            case Collection<?> c -> !c.isEmpty();
            case Map<?, ?> m -> !m.isEmpty();
            default -> true;
        };
    }
}
