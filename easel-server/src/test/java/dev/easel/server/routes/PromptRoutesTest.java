package dev.easel.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.testkit.Http;
import dev.easel.testkit.LogCapture;
import dev.easel.server.testkit.ServerTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.easel.testkit.Http.map;
import static dev.easel.server.testkit.TestNodes.simplePrompt;
import static org.assertj.core.api.Assertions.assertThat;

class PromptRoutesTest extends ServerTest {

    @Test
    void getPromptReportsQueueRemaining() {
        Http.Response response = fx.http.get("/prompt");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json()).isEqualTo(Http.json("{\"exec_info\": {\"queue_remaining\": 0}}"));
        assertThat(fx.http.get("/api/prompt").json()).isEqualTo(response.json());
    }

    @Test
    void malformedJsonIsA400InComfyUiErrorShape() {
        Http.Response response = fx.http.post("/prompt", "{not json", "Content-Type", "text/plain");
        assertThat(response.status()).isEqualTo(400);
        JsonNode body = response.json();
        assertThat(body.path("error").path("type").asText()).isEqualTo("invalid_json");
        assertThat(body.path("error").path("message").asText()).isEqualTo("Invalid JSON in request body");
        assertThat(body.path("error").path("details").asText()).startsWith("Invalid JSON in request body: ");
        assertThat(body.path("error").path("extra_info")).isEqualTo(Http.json("{}"));
        assertThat(body.path("node_errors")).isEqualTo(Http.json("{}"));
    }

    @Test
    void nonObjectBodyIsInvalidJson() {
        Http.Response response = fx.http.post("/prompt", "[1, 2]");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").path("type").asText()).isEqualTo("invalid_json");
        assertThat(response.json().path("error").path("details").asText()).isEqualTo("Request body must be a JSON object");
    }

    @Test
    void missingPromptIsNoPrompt() {
        Http.Response response = fx.http.postJson("/prompt", map("client_id", "x"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json()).isEqualTo(Http.json("""
                {"error": {"type": "no_prompt", "message": "No prompt provided", "details": "No prompt provided",
                 "extra_info": {}}, "node_errors": {}}"""));
    }

    @Test
    void nonCanonicalPromptIdIsRejected() {
        for (Object bad : List.of("ABCDEF00-0000-4000-8000-000000000000", "not-a-uuid", 12)) {
            Http.Response response = fx.http.postJson("/prompt", map("prompt", simplePrompt(1), "prompt_id", bad));
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().path("error").path("type").asText()).isEqualTo("invalid_prompt_id");
            assertThat(response.json().path("error").path("message").asText()).isEqualTo("prompt_id must be a valid UUID");
        }
    }

    @Test
    void validPromptIsQueuedWithClientIdAndCreateTimeAndIntegerNumber() {
        fx.http.postJson("/queue", map("clear", true));
        String id = "0b6f0e1a-1111-4222-8333-444455556666";
        Http.Response response = fx.http.postJson("/prompt", map("prompt", simplePrompt(3), "prompt_id", id,
                "client_id", "abc", "extra_data", map("extra_pnginfo", map("workflow", map("id", "wf")),
                        "api_key_comfy_org", "secret")));
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("prompt_id").asText()).isEqualTo(id);
        assertThat(body.path("number").isIntegralNumber()).isTrue();
        assertThat(body.path("node_errors")).isEqualTo(Http.json("{}"));
    }

    @Test
    void clientNumberIsEchoedAsFloat() {
        Http.Response response = fx.http.post("/prompt",
                "{\"prompt\": " + Http.json(toJson(simplePrompt(1))) + ", \"number\": 5}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).contains("\"number\":5.0");
    }

    @Test
    void invalidPromptAnswers400WithNodeErrors() {
        Map<String, Object> prompt = simplePrompt(1000);
        Http.Response response = fx.http.postJson("/prompt", map("prompt", prompt));
        assertThat(response.status()).isEqualTo(400);
        JsonNode body = response.json();
        assertThat(body.path("error").path("type").asText()).isEqualTo("prompt_outputs_failed_validation");
        assertThat(body.path("node_errors").path("1").path("errors").get(0).path("type").asText())
                .isEqualTo("value_bigger_than_max");
        assertThat(body.path("node_errors").path("1").path("class_type").asText()).isEqualTo("TestMakeInt");
    }

    @Test
    void aRejectedPromptIsLoggedWithItsReasonsPerNode() {
        try (LogCapture log = LogCapture.of("dev.easel.server.Validation")) {
            fx.http.postJson("/prompt", map("prompt", simplePrompt(1000)));
            assertThat(log.messages()).hasSize(2);
            assertThat(log.messages().get(0)).isEqualTo("invalid prompt: Prompt outputs failed validation: ");
            assertThat(log.messages().get(1)).isEqualTo("* TestMakeInt 1:\n  - Value 1000 bigger than max of 100: value");
        }
    }

    @Test
    void unknownNodeTypeIsMissingNodeType() {
        Http.Response response = fx.http.postJson("/prompt",
                map("prompt", map("1", map("class_type", "Nope", "inputs", map()))));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").path("type").asText()).isEqualTo("missing_node_type");
    }

    static String toJson(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
