package dev.easel.app.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code ~} and {@code $VAR} / {@code ${VAR}} in configured paths, as ComfyUI does
 * for {@code base_path}; unknown variables are left as written.
 */
final class PathExpansion {
    private static final Pattern VARIABLE = Pattern.compile("\\$(\\w+|\\{[^}]*})");

    private PathExpansion() {
    }

    static Path expand(String raw) {
        return Path.of(expand(raw, System.getenv(), System.getProperty("user.home")));
    }

    static String expand(String raw, Map<String, String> env, String home) {
        String text = raw;
        if (text.equals("~") || text.startsWith("~/")) {
            text = home + text.substring(1);
        }
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).startsWith("{") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
            String value = env.get(name);
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
