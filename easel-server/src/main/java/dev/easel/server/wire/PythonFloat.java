package dev.easel.server.wire;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Python's {@code float(str)}: optional sign, decimal digits with single underscores between
 * them, an optional exponent, or {@code inf}, {@code infinity} and {@code nan} in any case;
 * surrounding whitespace ignored. Java's own parser differs on every edge (it takes hex, a
 * trailing {@code d} or {@code f}, and only {@code Infinity} and {@code NaN} spelt so).
 */
public final class PythonFloat {
    private static final String DIGITS = "[0-9](?:_?[0-9])*";
    private static final Pattern DECIMAL = Pattern.compile(
            "[+-]?(?:" + DIGITS + "(?:\\.(?:" + DIGITS + ")?)?|\\." + DIGITS + ")(?:[eE][+-]?" + DIGITS + ")?");
    private static final Pattern SPECIAL = Pattern.compile("([+-]?)(inf|infinity|nan)");

    private PythonFloat() {
    }

    public static Optional<Double> parse(String text) {
        String trimmed = text.strip();
        if (DECIMAL.matcher(trimmed).matches()) return Optional.of(Double.parseDouble(trimmed.replace("_", "")));
        var special = SPECIAL.matcher(trimmed.toLowerCase(Locale.ROOT));
        if (!special.matches()) return Optional.empty();
        if (special.group(2).equals("nan")) return Optional.of(Double.NaN);
        return Optional.of(special.group(1).equals("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
    }
}
