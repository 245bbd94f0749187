package dev.easel.engine.validate;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a linked output type may feed an input type: equal names match, {@code *} matches
 * anything, and comma-separated names are sets that must share a member (ComfyUI's
 * {@code validate_node_input}); the strict form asks for a subset, as VariantSupport does.
 */
public final class TypeMatch {
    private TypeMatch() {}

    public static boolean matches(String received, String declared) {
        return matches(received, declared, false);
    }

    public static boolean matches(String received, String declared, boolean strict) {
        if (received.equals(declared)) return true;
        if (received.equals("*") || declared.equals("*")) return true;
        if (received.equals("COMFY_MATCHTYPE_V3") || declared.equals("COMFY_MATCHTYPE_V3")) return true;
        Set<String> got = split(received);
        Set<String> want = split(declared);
        if (got.contains("*") || want.contains("*")) return true;
        if (strict) return want.containsAll(got);
        return got.stream().anyMatch(want::contains);
    }

    private static Set<String> split(String type) {
        return Arrays.stream(type.split(",")).map(String::strip).collect(Collectors.toSet());
    }
}
