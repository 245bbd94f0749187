package dev.easel.models.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * ComfyUI's emphasis syntax: {@code (text)} multiplies the weight by 1.1 at each level,
 * {@code (text:1.3)} sets it (the last colon of the group, not at its start, followed by what
 * Python's {@code float()} accepts), and {@code \(} {@code \)} are literal parentheses. Unbalanced
 * parentheses are kept as text the way ComfyUI's parser leaves them.
 */
final class PromptWeights {

    // Stand-ins for escaped parentheses while groups are found: ComfyUI's own, so prompts match exactly.
    private static final String CLOSE = "\0\1";
    private static final String OPEN = "\0\2";
    private static final Pattern PYTHON_FLOAT = Pattern.compile(
            "[+-]?(?:(?:(?:[0-9](?:_?[0-9])*)?\\.[0-9](?:_?[0-9])*|[0-9](?:_?[0-9])*\\.?)(?:[eE][+-]?[0-9](?:_?[0-9])*)?"
                    + "|(?i:inf|infinity|nan))");

    private PromptWeights() {
    }

    /** The prompt's runs of text with their weights, escapes resolved, in order. */
    static List<WeightedText> parse(String prompt) {
        String escaped = prompt.replace("\\)", CLOSE).replace("\\(", OPEN);
        List<WeightedText> out = new ArrayList<>();
        weigh(escaped, 1.0, out);
        out.replaceAll(w -> new WeightedText(
                w.text().replace(CLOSE, ")").replace(OPEN, "("), w.weight()));
        return out;
    }

    private static void weigh(String text, double weight, List<WeightedText> out) {
        for (String part : topLevelGroups(text)) {
            if (part.length() >= 2 && part.charAt(0) == '(' && part.charAt(part.length() - 1) == ')') {
                String inner = part.substring(1, part.length() - 1);
                double innerWeight = weight * 1.1;
                int colon = inner.lastIndexOf(':');
                if (colon > 0) {
                    Double explicit = pythonFloat(inner.substring(colon + 1));
                    if (explicit != null) {
                        innerWeight = explicit;
                        inner = inner.substring(0, colon);
                    }
                }
                weigh(inner, innerWeight, out);
            } else {
                out.add(new WeightedText(part, weight));
            }
        }
    }

    /**
     * The text cut before each "(" that opens at depth zero and after each ")" that returns to it.
     * A ")" with nothing open drives the depth below zero, so until it climbs back, parentheses
     * stay inside the current run (ComfyUI's behaviour, kept for identical prompts).
     */
    static List<String> topLevelGroups(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                if (depth == 0 && !current.isEmpty()) {
                    parts.add(current.toString());
                    current.setLength(0);
                }
                current.append(c);
                depth++;
            } else if (c == ')') {
                depth--;
                current.append(c);
                if (depth == 0) {
                    parts.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            parts.add(current.toString());
        }
        return parts;
    }

    /** What Python's {@code float(s)} gives, or null where it raises. */
    static Double pythonFloat(String s) {
        String t = PromptPieces.stripPython(s);
        if (!PYTHON_FLOAT.matcher(t).matches()) {
            return null;
        }
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        double sign = lower.startsWith("-") ? -1.0 : 1.0;
        return switch (unsigned) {
            case "inf", "infinity" -> sign * Double.POSITIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> Double.parseDouble(t.replace("_", ""));
        };
    }
}
