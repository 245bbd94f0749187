package dev.easel.testingnodes.logic;

import dev.easel.engine.node.Inputs;
import dev.easel.testingnodes.python.PythonInts;

import java.math.BigInteger;

/** The six comparisons of the number-condition nodes, keyed by their operator text. */
enum Comparison {
    EQ("=="), NE("!="), LT("<"), GT(">"), LE("<="), GE(">=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    String symbol() {
        return symbol;
    }

    static Comparison of(String symbol) {
        return Logic.byWireName(Comparison.class, Comparison::symbol, symbol);
    }

    /** Applies the node's {@code operation} to its {@code a} and {@code b} inputs. */
    static boolean evaluate(Inputs inputs) {
        return of(inputs.getString("operation")).test(inputs.get("a", Number.class), inputs.get("b", Number.class));
    }

    /** Integers compare exactly at any size; anything else as doubles, where NaN is unordered. */
    boolean test(Object a, Object b) {
        if (isIntegral(a) && isIntegral(b)) {
            int order = PythonInts.toBig(a, "a").compareTo(PythonInts.toBig(b, "b"));
            return holds(order);
        }
        double x = ((Number) a).doubleValue();
        double y = ((Number) b).doubleValue();
        return switch (this) {
            case EQ -> x == y;
            case NE -> x != y;
            case LT -> x < y;
            case GT -> x > y;
            case LE -> x <= y;
            case GE -> x >= y;
        };
    }

    private boolean holds(int order) {
        return switch (this) {
            case EQ -> order == 0;
            case NE -> order != 0;
            case LT -> order < 0;
            case GT -> order > 0;
            case LE -> order <= 0;
            case GE -> order >= 0;
        };
    }

    private static boolean isIntegral(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof BigInteger || value instanceof Boolean;
    }
}
