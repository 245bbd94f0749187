package dev.easel.testingnodes.logic;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The string tests of {@link TestStringConditions}, keyed by their option text. */
enum StringOperation {
    EQUALS("a == b"), NOT_EQUALS("a != b"), IN("a IN b"), MATCH_REGEX("a MATCH REGEX(b)"),
    BEGINS_WITH("a BEGINSWITH b"), ENDS_WITH("a ENDSWITH b");

    private final String label;

    StringOperation(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static StringOperation of(String label) {
        return Logic.byWireName(StringOperation.class, StringOperation::label, label);
    }

    boolean test(String a, String b) {
        return switch (this) {
            case EQUALS -> a.equals(b);
            case NOT_EQUALS -> !a.equals(b);
            case IN -> b.contains(a);
            case MATCH_REGEX -> matchesAtStart(b, a);
            case BEGINS_WITH -> a.startsWith(b);
            case ENDS_WITH -> a.endsWith(b);
        };
    }

    /** Python's {@code re.match}: anchored at the start only; a pattern that does not compile is no match. */
    private static boolean matchesAtStart(String regex, String text) {
        try {
            return Pattern.compile(regex).matcher(text).lookingAt();
        } catch (PatternSyntaxException invalid) {
            return false;
        }
    }
}
