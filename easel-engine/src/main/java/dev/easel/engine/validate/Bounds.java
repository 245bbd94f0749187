package dev.easel.engine.validate;

import dev.easel.engine.node.InputSpec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The built-in checks on a constant: {@code min}, {@code max} and combo membership. */
final class Bounds {
    private Bounds() {}

    static Optional<ErrorInfo> check(String name, InputSpec spec, Object value) {
        if (value instanceof Number number) {
            Optional<Object> min = spec.option("min");
            if (min.isPresent() && min.get() instanceof Number m && compare(number, m) < 0) {
                return Optional.of(ValidationErrors.smallerThanMin(name, spec, value, m));
            }
            Optional<Object> max = spec.option("max");
            if (max.isPresent() && max.get() instanceof Number m && compare(number, m) > 0) {
                return Optional.of(ValidationErrors.biggerThanMax(name, spec, value, m));
            }
        }
        if (spec.isCombo() && !spec.flag("remote_combo") && spec.option("remote").isEmpty()) {
            List<Object> choices = spec.choiceList();
            List<Object> invalid = new ArrayList<>();
            if (spec.flag("multiselect") && value instanceof List<?> list) {
                list.stream().filter(v -> !contains(choices, v)).forEach(invalid::add);
            } else if (!contains(choices, value)) {
                invalid.add(value);
            }
            if (!invalid.isEmpty()) {
                return Optional.of(ValidationErrors.notInList(name, spec, invalid, choices, value));
            }
        }
        return Optional.empty();
    }

    /** Python equality for combo values: numbers compare by value, so 1 == 1.0. */
    static boolean contains(List<Object> choices, Object value) {
        for (Object choice : choices) {
            if (choice == null ? value == null : choice.equals(value)) return true;
            if (choice instanceof Number a && value instanceof Number b && compare(a, b) == 0) return true;
        }
        return false;
    }

    static int compare(Number a, Number b) {
        if (a instanceof Double d && d.isNaN() || b instanceof Double e && e.isNaN()) return 0;
        return toDecimal(a).compareTo(toDecimal(b));
    }

    private static BigDecimal toDecimal(Number n) {
        if (n instanceof Double d) {
            if (d.isInfinite()) return d > 0 ? BigDecimal.valueOf(Double.MAX_VALUE).multiply(BigDecimal.TEN) : BigDecimal.valueOf(-Double.MAX_VALUE).multiply(BigDecimal.TEN);
            return new BigDecimal(d);
        }
        if (n instanceof Float f) return new BigDecimal(f);
        return new BigDecimal(n.toString());
    }
}
