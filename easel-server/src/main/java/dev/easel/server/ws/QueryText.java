package dev.easel.server.ws;

import dev.easel.server.http.PercentDecoding;

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
            String key = PercentDecoding.queryPart(eq < 0 ? pair : pair.substring(0, eq));
            if (key.equals(name)) return Optional.of(eq < 0 ? "" : PercentDecoding.queryPart(pair.substring(eq + 1)));
        }
        return Optional.empty();
    }
}
