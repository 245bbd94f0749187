package dev.easel.engine.validate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * Converts constants of the primitive types the way ComfyUI does before a node sees them:
 * {@code INT} → {@code int()}, {@code FLOAT} → {@code float()}, {@code STRING} → {@code str()},
 * {@code BOOLEAN} → {@code bool()} (so {@code "false"} is true). Other types pass unchanged.
 * Failures carry Python's own message, which ComfyUI puts in the error details.
 */
public final class Coercion {
    private Coercion() {}

    public static final class Failure extends Exception {
        public Failure(String message) {
            super(message, null, false, false);
        }
    }

    public static Object coerce(String type, Object value) throws Failure {
        return switch (type) {
            case "INT" -> toInt(value);
            case "FLOAT" -> toFloat(value);
            case "STRING" -> PyRepr.str(value);
            case "BOOLEAN" -> truthy(value);
            default -> value;
        };
    }

    static Object toInt(Object value) throws Failure {
        if (value instanceof Long || value instanceof BigInteger) return value;
        if (value instanceof Boolean b) return b ? 1L : 0L;
        if (value instanceof Double d) {
            if (d.isNaN()) throw new Failure("cannot convert float NaN to integer");
            if (d.isInfinite()) throw new Failure("cannot convert float infinity to integer");
            return narrow(new BigDecimal(d).toBigInteger());
        }
        if (value instanceof String s) {
            String t = s.strip().replace("_", "");
            try {
                return narrow(new BigInteger(t.startsWith("+") ? t.substring(1) : t));
            } catch (NumberFormatException e) {
                throw new Failure("invalid literal for int() with base 10: " + PyRepr.repr(s));
            }
        }
        throw new Failure("int() argument must be a string, a bytes-like object or a real number, not '" + typeName(value) + "'");
    }

    static Object toFloat(Object value) throws Failure {
        if (value instanceof Double) return value;
        if (value instanceof Number n) return n.doubleValue();
        if (value instanceof Boolean b) return b ? 1.0 : 0.0;
        if (value instanceof String s) {
            String t = s.strip().toLowerCase();
            switch (t) {
                case "nan", "+nan", "-nan" -> { return Double.NaN; }
                case "inf", "+inf", "infinity", "+infinity" -> { return Double.POSITIVE_INFINITY; }
                case "-inf", "-infinity" -> { return Double.NEGATIVE_INFINITY; }
                default -> { }
            }
            try {
                if (!t.isEmpty() && !t.endsWith("d") && !t.endsWith("f")) return Double.parseDouble(t.replace("_", ""));
            } catch (NumberFormatException ignored) {
                // falls through to Python's message
            }
            throw new Failure("could not convert string to float: " + PyRepr.repr(s));
        }
        throw new Failure("float() argument must be a string or a real number, not '" + typeName(value) + "'");
    }

    /** Python truthiness. */
    public static boolean truthy(Object value) {
        if (value == null) return false;
        if (value instanceof Boolean b) return b;
        if (value instanceof Double d) return d != 0.0;
        if (value instanceof Number n) return n.doubleValue() != 0;
        if (value instanceof String s) return !s.isEmpty();
        if (value instanceof Collection<?> c) return !c.isEmpty();
        if (value instanceof Map<?, ?> m) return !m.isEmpty();
        return true;
    }

    private static Object narrow(BigInteger value) {
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    public static String typeName(Object value) {
        if (value == null) return "NoneType";
        if (value instanceof java.util.List<?>) return "list";
        if (value instanceof Map<?, ?>) return "dict";
        if (value instanceof String) return "str";
        if (value instanceof Boolean) return "bool";
        if (value instanceof Double) return "float";
        if (value instanceof Long || value instanceof BigInteger) return "int";
        return value.getClass().getSimpleName();
    }
}
