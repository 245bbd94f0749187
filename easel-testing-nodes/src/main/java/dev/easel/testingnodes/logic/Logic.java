package dev.easel.testingnodes.logic;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Shared facts of the condition and arithmetic nodes. */
final class Logic {
    private Logic() {}

    static final String CATEGORY = "Testing/Logic";

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
