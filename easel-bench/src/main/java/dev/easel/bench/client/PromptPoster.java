package dev.easel.bench.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/** {@code POST /prompt} with a client-chosen {@code prompt_id}, so socket messages can be matched before the reply. */
public final class PromptPoster {
    private final HttpClient http;
    private final URI endpoint;
    private final String clientId;

    public PromptPoster(HttpClient http, URI base, String clientId) {
        this.http = http;
        this.endpoint = base.resolve("/prompt");
        this.clientId = clientId;
    }

    /** Posts an API-format prompt given as JSON text; completes with the HTTP status and body. */
    public CompletableFuture<HttpResponse<String>> post(String promptId, String promptJson) {
        return post(promptId, promptJson, "{}");
    }

    /** The same, with {@code extra_data} given as a JSON object's text. */
    public CompletableFuture<HttpResponse<String>> post(String promptId, String promptJson, String extraDataJson) {
        String body = "{\"client_id\":\"" + clientId + "\",\"prompt_id\":\"" + promptId + "\",\"prompt\":" + promptJson
                + ",\"extra_data\":" + extraDataJson + "}";
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** An HTTP/1.1 client (the JDK would otherwise try an h2c upgrade on every connection). */
    public static HttpClient httpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }
}
