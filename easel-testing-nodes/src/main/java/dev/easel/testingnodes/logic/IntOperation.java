package dev.easel.testingnodes.logic;

/**
 * Python integer arithmetic on 64-bit values: {@code divide} is floor division, {@code modulo}
 * takes the divisor's sign, {@code power} with a negative exponent gives a float. Results that
 * do not fit in 64 bits fail instead of wrapping.
 */
enum IntOperation {
    ADD("add"), SUBTRACT("subtract"), MULTIPLY("multiply"), DIVIDE("divide"), MODULO("modulo"), POWER("power");

    private final String wireName;

    IntOperation(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    static IntOperation of(String wireName) {
        return Logic.byWireName(IntOperation.class, IntOperation::wireName, wireName);
    }

    /** A {@code Long}, or a {@code Double} for a negative power. */
    Object apply(long a, long b) {
        if ((this == DIVIDE || this == MODULO) && b == 0) {
            throw new ArithmeticException("integer division or modulo by zero");
        }
        if (this == POWER && a == 0 && b < 0) {
            throw new ArithmeticException("0.0 cannot be raised to a negative power");
        }
        try {
            return switch (this) {
                case ADD -> Math.addExact(a, b);
                case SUBTRACT -> Math.subtractExact(a, b);
                case MULTIPLY -> Math.multiplyExact(a, b);
                case DIVIDE -> Math.floorDivExact(a, b);
                case MODULO -> Math.floorMod(a, b);
                case POWER -> power(a, b);
            };
        } catch (ArithmeticException overflow) {
            throw new ArithmeticException(a + " " + wireName + " " + b + " does not fit in 64 bits");
        }
    }

    private static Object power(long base, long exponent) {
        if (exponent < 0) return Math.pow(base, exponent);
        long result = 1;
        long factor = base;
        long e = exponent;
        while (e > 0) {
            if ((e & 1) == 1) result = Math.multiplyExact(result, factor);
            e >>= 1;
            if (e > 0) factor = Math.multiplyExact(factor, factor);
        }
        return result;
    }
}
