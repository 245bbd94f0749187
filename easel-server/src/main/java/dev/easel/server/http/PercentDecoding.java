package dev.easel.server.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding as Python does it, leniently: a {@code %} not followed by two hex digits
 * stays as it is and bytes that are not UTF-8 become U+FFFD; nothing here throws.
 */
public final class PercentDecoding {
    private PercentDecoding() {
    }

    /** Python's {@code urllib.parse.unquote}: {@code +} stays a plus. */
    public static String unquote(String text) {
        return decode(text, false);
    }

    /** A query string part as yarl reads it: {@code +} is a space. */
    public static String queryPart(String text) {
        return decode(text, true);
    }

    private static String decode(String text, boolean plusIsSpace) {
        if (text.indexOf('%') < 0 && !(plusIsSpace && text.indexOf('+') >= 0)) return text;
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                out.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 3;
            } else if (c == '+' && plusIsSpace) {
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
