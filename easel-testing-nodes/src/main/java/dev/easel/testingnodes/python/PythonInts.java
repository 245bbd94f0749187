package dev.easel.testingnodes.python;

import java.math.BigInteger;

/**
 * Python integers as the pack uses them. Values beyond 64 bits are declared in schemas (ComfyUI's
 * {@code 0xffffffffffffffff} bounds) but arithmetic stays within {@code long} and fails loudly.
 */
public final class PythonInts {
    private PythonInts() {}

    /** {@code 0xffffffffffffffff}, a bound several ComfyUI inputs declare. */
    public static final BigInteger U64_MAX = new BigInteger("ffffffffffffffff", 16);
    public static final BigInteger U64_MIN = U64_MAX.negate();

    /** The value as a long; Python ints beyond 64 bits are refused rather than silently wrapped. */
    public static long toLong(Object value, String name) {
        return switch (value) {
            case BigInteger big -> {
                if (big.bitLength() > 63) {
                    throw new ArithmeticException(name + " = " + big + " does not fit in 64 bits");
                }
                yield big.longValue();
            }
            case Long l -> l;
            case Integer i -> i;
            case Boolean b -> b ? 1 : 0;
            case Double d when d == Math.rint(d) && Math.abs(d) < 0x1p63 -> d.longValue();
            case null -> throw new IllegalArgumentException(name + " is None, expected an int");
            default -> throw new IllegalArgumentException(name + " is " + PythonText.typeOf(value) + ", expected an int");
        };
    }

    public static BigInteger toBig(Object value, String name) {
        return switch (value) {
            case BigInteger big -> big;
            case Boolean b -> b ? BigInteger.ONE : BigInteger.ZERO;
            default -> BigInteger.valueOf(toLong(value, name));
        };
    }
}
