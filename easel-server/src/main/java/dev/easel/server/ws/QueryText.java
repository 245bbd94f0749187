package dev.easel.server.ws;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads a parameter from a raw query string as aiohttp (yarl) does: leniently. A {@code %} not
 * followed by two hex digits stays as it is, {@code +} is a space, and bytes that are not UTF-8
 * become U+FFFD; nothing here throws, so a careless client id never costs the connection.
 */
final class QueryText {
    private QueryText() {
    }

    static Optional<String> param(String query, String name) {
        if (query == null || query.isEmpty()) return Optional.empty();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (key.equals(name)) return Optional.of(eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return Optional.empty();
    }

    static String decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                out.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 3;
            } else if (c == '+') {
                out.write(' ');
                i++;
            } else {
                int cp = text.codePointAt(i);
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
