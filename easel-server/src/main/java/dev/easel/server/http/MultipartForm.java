package dev.easel.server.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body, parsed from bytes already read under the upload limit.
 * Parsing here rather than in the servlet container keeps the size rule in one place
 * ({@link Bodies}), chunked bodies included.
 */
public final class MultipartForm {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=(?:\"([^\"]+)\"|([^;\\s]+))");
    private static final Pattern NAME = Pattern.compile("[;\\s]name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

    public record Part(String name, Optional<String> filename, byte[] content) {
        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private final Map<String, Part> parts;

    private MultipartForm(Map<String, Part> parts) {
        this.parts = parts;
    }

    public Optional<Part> part(String name) {
        return Optional.ofNullable(parts.get(name));
    }

    public Optional<String> field(String name) {
        return part(name).map(Part::text);
    }

    /** Parses the body; a body that is not multipart form data is a 400. */
    public static MultipartForm parse(String contentType, byte[] body) {
        Matcher m = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (contentType == null || !contentType.toLowerCase().startsWith("multipart/form-data") || !m.find()) {
            throw HttpError.badRequest("expected multipart/form-data");
        }
        byte[] delimiter = ("--" + (m.group(1) != null ? m.group(1) : m.group(2))).getBytes(StandardCharsets.ISO_8859_1);
        Map<String, Part> parts = new LinkedHashMap<>();
        int at = indexOf(body, delimiter, 0, body.length);
        while (at >= 0) {
            int start = at + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') break;
            start = skipLineEnd(body, start);
            int next = indexOf(body, delimiter, start, body.length);
            if (next < 0) throw HttpError.badRequest("unterminated multipart body");
            int end = next;
            if (end >= 2 && body[end - 2] == '\r' && body[end - 1] == '\n') end -= 2;
            addPart(parts, body, start, end);
            at = next;
        }
        return new MultipartForm(parts);
    }

    private static void addPart(Map<String, Part> parts, byte[] body, int start, int end) {
        // searched within the part only: a body of many header-less parts must stay linear
        int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start, end);
        if (headersEnd < 0) return;
        String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
        Matcher name = NAME.matcher(" " + headers);
        if (!name.find()) return;
        Matcher filename = FILENAME.matcher(headers);
        byte[] content = Arrays.copyOfRange(body, headersEnd + 4, end);
        parts.putIfAbsent(name.group(1), new Part(name.group(1),
                filename.find() ? Optional.of(filename.group(1)) : Optional.empty(), content));
    }

    private static int skipLineEnd(byte[] body, int at) {
        if (at < body.length && body[at] == '\r') at++;
        if (at < body.length && body[at] == '\n') at++;
        return at;
    }

    /** The first {@code needle} that starts at or after {@code from} and ends by {@code to}. */
    private static int indexOf(byte[] haystack, byte[] needle, int from, int to) {
        outer:
        for (int i = Math.max(0, from); i <= Math.min(to, haystack.length) - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
