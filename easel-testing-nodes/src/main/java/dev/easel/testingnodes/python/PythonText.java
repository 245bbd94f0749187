package dev.easel.testingnodes.python;

import dev.easel.tensor.Tensor;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Values as ComfyUI's nodes print them in messages. Clients compare these messages verbatim,
 * so a float prints the way Python's {@code str(float)} does ({@code 15.0}, {@code 1e-05}).
 */
public final class PythonText {
    private PythonText() {}

    /** Python's {@code str(value)} for the values nodes handle. */
    public static String str(Object value) {
        if (value instanceof String s) return s;
        return repr(value);
    }

    /** Python's {@code repr(value)}. */
    public static String repr(Object value) {
        return switch (value) {
            case null -> "None";
            case Boolean b -> b ? "True" : "False";
            case Double d -> floatRepr(d);
            case Float f -> floatRepr(f);
            case String s -> "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
            case Collection<?> c -> c.stream().map(PythonText::repr).collect(Collectors.joining(", ", "[", "]"));
            case Map<?, ?> m -> m.entrySet().stream().map(e -> repr(e.getKey()) + ": " + repr(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
            default -> value.toString();
        };
    }

    /** {@code str(type(value))}: the class name Python would report for the equivalent value. */
    public static String typeOf(Object value) {
        String name = switch (value) {
            case null -> "NoneType";
            case Boolean b -> "bool";
            case Long l -> "int";
            case Integer i -> "int";
            case BigInteger i -> "int";
            case Double d -> "float";
            case Float f -> "float";
            case String s -> "str";
            case Collection<?> c -> "list";
            case Map<?, ?> m -> "dict";
            case Tensor t -> "torch.Tensor";
            default -> value.getClass().getSimpleName();
        };
        return "<class '" + name + "'>";
    }

    /** Shortest round-trip digits, with Python's switch to exponent form below 1e-4 and from 1e16. */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
        BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = exact.unscaledValue().toString();
        int exponent = digits.length() - exact.scale() - 1;
        String sign = d < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exp = String.format("%02d", Math.abs(exponent));
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
        }
        if (exponent < 0) {
            return sign + "0." + "0".repeat(-exponent - 1) + digits;
        }
        if (digits.length() <= exponent + 1) {
            return sign + digits + "0".repeat(exponent + 1 - digits.length()) + ".0";
        }
        return sign + digits.substring(0, exponent + 1) + "." + digits.substring(exponent + 1);
    }
}
