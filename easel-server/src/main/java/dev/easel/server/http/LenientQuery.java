package dev.easel.server.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * Repairs a raw query string the way aiohttp tolerates it before Jetty decodes it: characters
 * that should have been percent-encoded ({@code < > ^ | " { } `} and the like) are encoded, and
 * a {@code %} not followed by two hex digits stands for itself ({@code %25}). Clients send
 * {@code /ws?clientId=} values like these; without this Jetty refuses them as a bad query.
 */
public final class LenientQuery implements HttpConfiguration.Customizer {

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        HttpURI uri = request.getHttpURI();
        String query = uri.getQuery();
        if (query == null) return request;
        String repaired = repair(query);
        if (repaired.equals(query)) return request;
        HttpURI fixed = HttpURI.build(uri).query(repaired).asImmutable();
        return new Request.Wrapper(request) {
            @Override
            public HttpURI getHttpURI() {
                return fixed;
            }
        };
    }

    static String repair(String query) {
        StringBuilder out = null;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            boolean badEscape = c == '%' && !(i + 2 < query.length() && isHex(query.charAt(i + 1)) && isHex(query.charAt(i + 2)));
            boolean unsafe = c <= 0x20 || c == 0x7f || "<>^|\"{}`\\".indexOf(c) >= 0;
            if (badEscape || unsafe) {
                if (out == null) out = new StringBuilder(query.length() + 16).append(query, 0, i);
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? query : out.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80;
    }
}
