package dev.easel.server.files;

import java.net.URLConnection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Content types guessed from file names, and which of them a browser would run or render as
 * active content (markup, scripts, styles, SVG, XML, mail): those are never served inline from a
 * file a client put on the server, or a stored file would become script on the server's origin.
 */
public final class ContentTypes {
    private static final Set<String> DANGEROUS = Set.of("text/html", "text/html-sandboxed", "application/xhtml+xml",
            "application/javascript", "text/javascript", "application/x-javascript", "application/ecmascript",
            "text/css", "image/svg+xml", "application/xml", "text/xml", "message/rfc822");
    public static final String BINARY = "application/octet-stream";

    private ContentTypes() {
    }

    /** The type for a file name's extension, if known. */
    public static Optional<String> guess(String name) {
        return Optional.ofNullable(URLConnection.guessContentTypeFromName(name));
    }

    public static boolean dangerous(String type) {
        String base = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return DANGEROUS.contains(base) || base.endsWith("+xml") || base.endsWith("/xml");
    }

    /** {@code filename="..."} with quotes and backslashes escaped and line breaks dropped. */
    public static String filenameParameter(String name) {
        String safe = name.replace("\r", "").replace("\n", "").replace("\\", "\\\\").replace("\"", "\\\"");
        return "filename=\"" + safe + "\"";
    }
}
