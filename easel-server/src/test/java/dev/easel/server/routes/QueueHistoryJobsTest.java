package dev.easel.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.server.testkit.GatedServerTest;
import dev.easel.testkit.Http;
import dev.easel.testkit.WsRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.easel.testkit.Http.map;
import static dev.easel.server.testkit.TestNodes.simplePrompt;
import static org.assertj.core.api.Assertions.assertThat;

class QueueHistoryJobsTest extends GatedServerTest {
    WsRecorder ws;
    @BeforeEach
    void connect() throws Exception {
        ws = WsRecorder.connect(fx.port(), "clientId=q");
        ws.nextText();
    }

    @AfterEach
    void disconnect() {
        release.countDown();
        ws.close();
    }

    private String run(int value) {
        Http.Response response = fx.http.postJson("/prompt", map("prompt", simplePrompt(value),
                "client_id", "q", "extra_data", map("extra_pnginfo", map("workflow", map("id", "wf-" + value)))));
        assertThat(response.status()).isEqualTo(200);
        ws.untilPromptEnd();
        return response.json().path("prompt_id").asText();
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void historyPagesLikeComfyUi() {
        String a = run(1);
        String b = run(2);
        String c = run(3);
        assertThat(keys(fx.http.get("/history").json())).containsExactly(a, b, c);
        assertThat(keys(fx.http.get("/history?max_items=2").json())).containsExactly(b, c);
        assertThat(keys(fx.http.get("/api/history?offset=1&max_items=1").json())).containsExactly(b);
        assertThat(keys(fx.http.get("/history?offset=2").json())).containsExactly(c);
        assertThat(fx.http.get("/history/" + a).json().path(a).path("prompt").get(2))
                .isEqualTo(Http.json(PromptRoutesTest.toJson(simplePrompt(1))));
        assertThat(fx.http.get("/history/unknown").json()).isEqualTo(Http.json("{}"));

        assertThat(fx.http.postJson("/history", map("delete", List.of(b))).status()).isEqualTo(200);
        assertThat(keys(fx.http.get("/history").json())).containsExactly(a, c);
        fx.http.postJson("/history", map("clear", true));
        assertThat(fx.http.get("/history").json()).isEqualTo(Http.json("{}"));
    }

    @Test
    void jobPagesNeverOverlapAndANegativeOffsetCountsFromZero() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) ids.add(run(i));
        List<String> seen = new ArrayList<>();
        for (int offset = 0; offset < 5; offset += 2) {
            JsonNode page = fx.http.get("/api/jobs?limit=2&offset=" + offset).json();
            page.path("jobs").forEach(j -> seen.add(j.path("id").asText()));
            assertThat(page.path("pagination")).isEqualTo(Http.json("{\"offset\": " + offset + ", \"limit\": 2, \"total\": 5, "
                    + "\"has_more\": " + (offset + 2 < 5) + "}"));
        }
        assertThat(seen).containsExactlyElementsOf(ids.reversed());
        assertThat(fx.http.get("/api/jobs?offset=-3&limit=1").json().path("pagination"))
                .isEqualTo(Http.json("{\"offset\": 0, \"limit\": 1, \"total\": 5, \"has_more\": true}"));
        assertThat(fx.http.get("/api/jobs?offset=9").json())
                .isEqualTo(Http.json("{\"jobs\": [], \"pagination\": {\"offset\": 9, \"limit\": null, \"total\": 5, \"has_more\": false}}"));
    }

    @Test
    void nonIntegerPagingParametersAre400() {
        Http.Response maxItems = fx.http.get("/history?max_items=x");
        assertThat(maxItems.status()).isEqualTo(400);
        assertThat(maxItems.json()).isEqualTo(Http.json("{\"error\": \"max_items must be an integer\"}"));
        assertThat(fx.http.get("/history?offset=1.5").json()).isEqualTo(Http.json("{\"error\": \"offset must be an integer\"}"));
    }

    @Test
    void queueListsRunningAndPendingAndDeletesPending() throws Exception {
        Http.Response gate = fx.http.postJson("/prompt", map("prompt", map(
                "1", map("class_type", "TestGate", "inputs", map("value", 1))), "client_id", "q"));
        assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();
        String first = fx.http.postJson("/prompt", map("prompt", simplePrompt(1))).json().path("prompt_id").asText();
        String second = fx.http.postJson("/prompt", map("prompt", simplePrompt(2), "front", true))
                .json().path("prompt_id").asText();
        JsonNode queue = fx.http.get("/queue").json();
        assertThat(queue.path("queue_running").get(0).get(1).asText()).isEqualTo(gate.json().path("prompt_id").asText());
        assertThat(queue.path("queue_running").get(0)).hasSize(5);
        JsonNode pending = queue.path("queue_pending");
        assertThat(pending).hasSize(2);
        assertThat(pending.get(0).get(1).asText()).isEqualTo(second);    // front: negative number runs first
        assertThat(pending.get(0).get(0).asLong()).isNegative();
        assertThat(pending.get(0).get(3).has("create_time")).isTrue();

        assertThat(fx.http.postJson("/queue", map("delete", List.of(first))).status()).isEqualTo(200);
        assertThat(fx.http.get("/queue").json().path("queue_pending")).hasSize(1);
        fx.http.postJson("/queue", map("clear", true));
        assertThat(fx.http.get("/queue").json().path("queue_pending")).isEmpty();
        assertThat(fx.http.get("/prompt").json().path("exec_info").path("queue_remaining").asInt()).isEqualTo(1);
    }

    @Test
    void jobsListFiltersSortsAndPages() {
        String a = run(1);
        String b = run(2);
        JsonNode all = fx.http.get("/api/jobs").json();
        assertThat(all.path("jobs")).hasSize(2);
        assertThat(all.path("jobs").get(0).path("id").asText()).isEqualTo(b);     // newest first
        assertThat(all.path("pagination")).isEqualTo(Http.json(
                "{\"offset\": 0, \"limit\": null, \"total\": 2, \"has_more\": false}"));
        JsonNode job = all.path("jobs").get(1);
        assertThat(job.path("status").asText()).isEqualTo("completed");
        assertThat(job.path("workflow_id").asText()).isEqualTo("wf-1");
        assertThat(job.path("outputs_count").asInt()).isEqualTo(1);
        assertThat(job.path("previewable_outputs_count").asInt()).isEqualTo(0);
        assertThat(job.path("execution_end_time").asLong()).isGreaterThanOrEqualTo(job.path("execution_start_time").asLong());
        assertThat(job.has("execution_error")).isFalse();
        // ComfyUI's keys only: the owner is named with --auth alone
        assertThat(keys(job)).containsExactly("id", "status", "priority", "create_time", "execution_start_time",
                "execution_end_time", "outputs_count", "previewable_outputs_count", "workflow_id");

        JsonNode page = fx.http.get("/api/jobs?sort_order=asc&limit=1").json();
        assertThat(page.path("jobs").get(0).path("id").asText()).isEqualTo(a);
        assertThat(page.path("pagination").path("has_more").asBoolean()).isTrue();
        assertThat(fx.http.get("/api/jobs?workflow_id=wf-2").json().path("jobs").get(0).path("id").asText()).isEqualTo(b);
        assertThat(fx.http.get("/api/jobs?status=pending").json().path("jobs")).isEmpty();

        JsonNode detail = fx.http.get("/api/jobs/" + a).json();
        assertThat(detail.path("outputs")).isEqualTo(Http.json("{\"2\": {\"text\": [\"1\"]}}"));
        assertThat(detail.path("execution_status").path("status_str").asText()).isEqualTo("success");
        assertThat(detail.path("workflow").path("extra_data").path("client_id").asText()).isEqualTo("q");
    }

    @Test
    void jobsApiRejectsBadParameters() {
        assertThat(fx.http.get("/api/jobs?status=done").json().path("error").asText())
                .startsWith("Invalid status value(s): done");
        assertThat(fx.http.get("/api/jobs?limit=0").json()).isEqualTo(Http.json("{\"error\": \"limit must be a positive integer\"}"));
        assertThat(fx.http.get("/api/jobs?limit=x").json()).isEqualTo(Http.json("{\"error\": \"limit must be an integer\"}"));
        assertThat(fx.http.get("/api/jobs?offset=x").status()).isEqualTo(400);
        assertThat(fx.http.get("/api/jobs?sort_by=name").status()).isEqualTo(400);
        assertThat(fx.http.get("/api/jobs?sort_order=up").status()).isEqualTo(400);
        Http.Response missing = fx.http.get("/api/jobs/" + java.util.UUID.randomUUID());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json()).isEqualTo(Http.json("{\"error\": \"Job not found\"}"));
        assertThat(fx.http.post("/api/jobs/cancel", "{oops").json())
                .isEqualTo(Http.json("{\"error\": \"Request body must be valid JSON\"}"));
        assertThat(fx.http.postJson("/api/jobs/cancel", map("job_ids", "x")).json())
                .isEqualTo(Http.json("{\"error\": \"job_ids must be a list\"}"));
        assertThat(fx.http.postJson("/api/jobs/cancel", map("job_ids", List.of("nope"))).json())
                .isEqualTo(Http.json("{\"error\": \"job_ids contains invalid id(s)\", \"invalid_ids\": [\"nope\"]}"));
    }

    @Test
    void sensitiveKeysNeverAppearInQueueOrHistory() {
        Http.Response response = fx.http.postJson("/prompt", map("prompt", simplePrompt(1),
                "client_id", "q", "extra_data", map("api_key_comfy_org", "secret", "auth_token_comfy_org", "t")));
        ws.untilPromptEnd();
        String id = response.json().path("prompt_id").asText();
        String history = fx.http.get("/history/" + id).text();
        assertThat(history).doesNotContain("secret").doesNotContain("auth_token_comfy_org").contains("create_time");
        assertThat(fx.http.get("/api/jobs/" + id).text()).doesNotContain("secret");
    }
}
