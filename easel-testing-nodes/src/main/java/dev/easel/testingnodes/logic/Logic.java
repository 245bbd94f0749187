package dev.easel.testingnodes.logic;

import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.python.PythonInts;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Shared facts of the condition and arithmetic nodes. */
final class Logic {
    private Logic() {}

    static final String CATEGORY = "Testing/Logic";

    /** Declares the {@code a} and {@code b} INT operands, bounded to what a 64-bit value can hold either way. */
    static NodeSchema.Builder intOperands(NodeSchema.Builder schema) {
        return operands(schema, "INT", PythonInts.U64_MIN, PythonInts.U64_MAX);
    }

    static NodeSchema.Builder floatOperands(NodeSchema.Builder schema) {
        return operands(schema, "FLOAT", -999999999999.0, 999999999999.0);
    }

    // The default is the int 0 for FLOAT operands too, as /object_info has always shown it.
    private static NodeSchema.Builder operands(NodeSchema.Builder schema, String type, Object min, Object max) {
        return schema
                .required("a", type, "default", 0, "min", min, "max", max, "step", 1)
                .required("b", type, "default", 0, "min", min, "max", max, "step", 1);
    }

    /** The wire names of an enum's constants, in declaration order, for a combo input. */
    static <E extends Enum<E>> List<String> wireNames(Class<E> type, Function<E, String> name) {
        return Arrays.stream(type.getEnumConstants()).map(name).toList();
    }

    static <E extends Enum<E>> E byWireName(Class<E> type, Function<E, String> name, String wire) {
        for (E constant : type.getEnumConstants()) {
            if (name.apply(constant).equals(wire)) return constant;
        }
        throw new IllegalArgumentException("unknown operation " + wire);
    }
}
