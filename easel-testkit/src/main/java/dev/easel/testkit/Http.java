package dev.easel.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A small HTTP client bound to one server. */
public final class Http {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient client;
    private final String base;
    private final String[] always;

    public Http(int port) {
        this(HttpClient.newHttpClient(), "http://127.0.0.1:" + port, new String[0]);
    }

    private Http(HttpClient client, String base, String[] always) {
        this.client = client;
        this.base = base;
        this.always = always;
    }

    /** A client for the same server that sends {@code Authorization: Bearer token} on every request. */
    public Http withToken(String token) {
        return new Http(client, base, new String[] {"Authorization", "Bearer " + token});
    }

    /** A client for the same server whose connections come from {@code local}, an address of this machine (another loopback one, say). */
    public Http from(InetAddress local) {
        return new Http(HttpClient.newBuilder().localAddress(local).build(), base, always);
    }

    public record Response(int status, byte[] bytes, java.net.http.HttpHeaders headers) {
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return MAPPER.readTree(bytes);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text(), e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public Response get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    public Response post(String path, String body, String... headers) {
        return send(request(path, headers).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Response postJson(String path, Object body) {
        try {
            return post(path, MAPPER.writeValueAsString(body), "Content-Type", "application/json");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    public HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        for (int i = 0; i < always.length; i += 2) builder.header(always[i], always[i + 1]);
        for (int i = 0; i < headers.length; i += 2) builder.header(headers[i], headers[i + 1]);
        return builder;
    }

    public static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    public static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) map.put((String) pairs[i], pairs[i + 1]);
        return map;
    }
}
