package dev.easel.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.server.ServerConfig;
import dev.easel.server.testkit.GatedServerTest;
import dev.easel.server.testkit.TestNodes;
import dev.easel.server.wire.Json;
import dev.easel.testkit.Http;
import dev.easel.testkit.LogCapture;
import dev.easel.testkit.SseReader;
import dev.easel.testkit.WsClient;
import dev.easel.testkit.WsRecorder;
import dev.easel.testkit.WsRecorder.Message;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static dev.easel.testkit.Http.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** {@code --auth} over real HTTP and WebSocket: each user sees and manages their own jobs and messages, an admin everyone's. */
class IsolationTest extends GatedServerTest {
    private String alice;
    private String bob;
    private String root;

    @Override
    protected ServerConfig configure(ServerConfig defaults) {
        Accounts accounts = Accounts.open(defaults.folders().user());
        alice = accounts.add("alice", Identity.Role.USER);
        bob = accounts.add("bob", Identity.Role.USER);
        root = accounts.add("root", Identity.Role.ADMIN);
        return defaults.withAuth(true);
    }

    private static Map<String, Object> gated() {
        return map("1", map("class_type", "TestPreviewer", "inputs", map("steps", 2, "size", 4)),
                "2", map("class_type", "TestGate", "inputs", map("value", List.of("1", 0))));
    }

    private Http as(String token) {
        return fx.http.withToken(token);
    }

    private String queue(String token, Map<String, Object> prompt, String clientId) {
        Map<String, Object> body = clientId == null ? map("prompt", prompt) : map("prompt", prompt, "client_id", clientId);
        Http.Response response = as(token).postJson("/prompt", body);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json().path("prompt_id").asText();
    }

    private WsRecorder socket(String token, String clientId) throws Exception {
        WsRecorder ws = WsRecorder.connect(fx.port(), "clientId=" + clientId + "&token=" + token);
        assertThat(ws.nextText().type()).isEqualTo("status");
        return ws;
    }

    private static List<String> ids(JsonNode list, int idIndex) {
        List<String> ids = new ArrayList<>();
        list.forEach(entry -> ids.add(entry.get(idIndex).asText()));
        return ids;
    }

    private List<String> jobIds(String token) {
        List<String> ids = new ArrayList<>();
        as(token).get("/api/jobs").json().path("jobs").forEach(job -> ids.add(job.path("id").asText()));
        return ids;
    }

    private List<String> historyIds(String token) {
        List<String> ids = new ArrayList<>();
        as(token).get("/history").json().fieldNames().forEachRemaining(ids::add);
        return ids;
    }

    @Test
    void eachUserSeesOnlyTheirOwnQueueHistoryAndJobsAndAnAdminSeesBoth() throws Exception {
        String running = queue(alice, gated(), null);
        assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();
        String pending = queue(bob, TestNodes.simplePrompt(1), null);

        JsonNode alicesQueue = as(alice).get("/queue").json();
        assertThat(ids(alicesQueue.path("queue_running"), 1)).containsExactly(running);
        assertThat(alicesQueue.path("queue_pending")).isEmpty();
        JsonNode bobsQueue = as(bob).get("/api/queue").json();
        assertThat(bobsQueue.path("queue_running")).isEmpty();
        assertThat(ids(bobsQueue.path("queue_pending"), 1)).containsExactly(pending);
        JsonNode rootsQueue = as(root).get("/queue").json();
        assertThat(ids(rootsQueue.path("queue_running"), 1)).containsExactly(running);
        assertThat(ids(rootsQueue.path("queue_pending"), 1)).containsExactly(pending);
        // the queue length every socket is told stays the whole queue's
        assertThat(as(bob).get("/prompt").json().path("exec_info").path("queue_remaining").asInt()).isEqualTo(2);

        assertThat(jobIds(alice)).containsExactly(running);
        assertThat(jobIds(bob)).containsExactly(pending);
        assertThat(jobIds(root)).containsExactlyInAnyOrder(running, pending);
        assertThat(as(bob).get("/api/jobs").json().path("pagination").path("total").asInt()).isEqualTo(1);
        Http.Response foreign = as(bob).get("/api/jobs/" + running);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json()).isEqualTo(Http.json("{\"error\": \"Job not found\"}"));
        assertThat(as(root).get("/api/jobs/" + running).json().path("status").asText()).isEqualTo("in_progress");
        // with --auth each job names its owner, whose folders hold its images
        assertThat(as(root).get("/api/jobs/" + running).json().path("owner").asText()).isEqualTo("alice");
        Map<String, String> owners = new HashMap<>();
        as(root).get("/api/jobs").json().path("jobs").forEach(job -> owners.put(job.path("id").asText(), job.path("owner").asText()));
        assertThat(owners).isEqualTo(Map.of(running, "alice", pending, "bob"));
        assertThat(as(bob).get("/api/jobs/" + pending).json().path("owner").asText()).isEqualTo("bob");

        release.countDown();
        try (WsRecorder watcher = socket(root, "root-tab")) {
            watcher.send("{\"type\": \"watch\", \"data\": {\"prompt_id\": \"" + pending + "\"}}");
            watcher.untilPromptEnd(pending);
        }
        assertThat(historyIds(alice)).containsExactly(running);
        assertThat(historyIds(bob)).containsExactly(pending);
        assertThat(historyIds(root)).containsExactly(running, pending);
        assertThat(as(bob).get("/history/" + running).json()).isEqualTo(Http.json("{}"));
        assertThat(as(bob).get("/history?max_items=5&offset=0").json().size()).isEqualTo(1);
        assertThat(as(alice).get("/history/" + running).json().has(running)).isTrue();

        // clearing and deleting reach only the caller's own entries
        as(bob).postJson("/history", map("delete", List.of(running)));
        as(bob).postJson("/history", map("clear", true));
        assertThat(historyIds(root)).containsExactly(running);
        as(root).postJson("/history", map("clear", true));
        assertThat(historyIds(alice)).isEmpty();
    }

    @Test
    void aUserCanCancelAndInterruptOnlyTheirOwnJobs() throws Exception {
        try (WsRecorder alices = socket(alice, "alice-tab")) {
            String running = queue(alice, gated(), "alice-tab");
            assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();
            String pending = queue(alice, TestNodes.simplePrompt(2), "alice-tab");
            as(bob).postJson("/queue", map("clear", true));
            as(bob).postJson("/queue", map("delete", List.of(pending)));
            assertThat(as(bob).postJson("/api/jobs/cancel", map("job_ids", List.of(pending, running))).json())
                    .isEqualTo(Http.json("{\"cancelled\": false}"));
            assertThat(as(bob).post("/api/jobs/" + running + "/cancel", "").json()).isEqualTo(Http.json("{\"cancelled\": false}"));
            assertThat(as(bob).postJson("/interrupt", map("prompt_id", running)).status()).isEqualTo(200);
            assertThat(as(bob).post("/interrupt", "").status()).isEqualTo(200);
            JsonNode queue = as(alice).get("/queue").json();
            assertThat(ids(queue.path("queue_running"), 1)).containsExactly(running);
            assertThat(ids(queue.path("queue_pending"), 1)).containsExactly(pending);

            as(alice).postJson("/queue", map("delete", List.of(pending)));
            assertThat(as(alice).get("/queue").json().path("queue_pending")).isEmpty();
            assertThat(as(alice).post("/interrupt", "").status()).isEqualTo(200);
            assertThat(WsRecorder.types(alices.untilPromptEnd(running))).contains("execution_interrupted");
            assertThat(as(alice).get("/api/jobs/" + running).json().path("status").asText()).isEqualTo("cancelled");
        }
    }

    @Test
    void aJobsMessagesReachItsOwnerAndAdminsButNotAnotherUserWhileStatusReachesEveryone() throws Exception {
        try (WsRecorder alices = socket(alice, "alice-tab");
             WsRecorder bobs = socket(bob, "bob-tab");
             WsRecorder roots = socket(root, "root-tab");
             SseReader bobsEvents = SseReader.connect(fx.port(), "clientId=bob-sse&token=" + bob)) {
            assertThat(bobsEvents.status()).isEqualTo(200);
            release.countDown();
            // without a client id ComfyUI broadcasts progress, previews and progress_state
            String id = queue(alice, gated(), null);
            String bobsJob = queue(bob, TestNodes.simplePrompt(4), "bob-tab");
            List<String> toAlice = WsRecorder.types(alices.until(m -> m instanceof Message.Text t
                    && t.type().equals("progress_state") && t.data().path("nodes").path("2").path("state").asText().equals("finished")));
            assertThat(toAlice).contains("progress", "binary:1");
            List<String> toRoot = WsRecorder.types(roots.until(m -> m instanceof Message.Text t
                    && t.type().equals("progress_state") && t.data().path("nodes").path("2").path("state").asText().equals("finished")));
            assertThat(toRoot).contains("progress", "binary:1");
            List<Message> toBob = bobs.untilPromptEnd(bobsJob);
            for (Message message : toBob) {
                if (message instanceof Message.Text text) {
                    assertThat(text.data().path("prompt_id").asText("")).as(text.json().toString()).isNotEqualTo(id);
                } else {
                    assertThat(message).as("bob's socket gets no binary frame of alice's job").isNotInstanceOf(Message.Binary.class);
                }
            }
            assertThat(WsRecorder.types(toBob)).contains("status", "execution_start", "execution_success");
            // the Server-Sent Events fallback follows the same rule
            List<Message> toBobsStream = SseReader.messages(bobsEvents.until(m -> m instanceof Message.Text t
                    && t.type().equals("status") && t.data().path("status").path("exec_info").path("queue_remaining").asInt() == 0));
            assertThat(toBobsStream).allMatch(m -> m instanceof Message.Text t && t.type().equals("status"));
            assertThat(toBob.stream().filter(m -> m instanceof Message.Text t && t.type().equals("status")).count())
                    .as("bob hears the queue change for both jobs").isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void nobodyTakesOverAnotherUsersClientIdOrPromptId() throws Exception {
        try (WsRecorder alices = socket(alice, "alice-tab")) {
            assertThat(WsClient.refusedStatus(URI.create("ws://127.0.0.1:" + fx.port() + "/ws?clientId=alice-tab&token=" + bob)))
                    .isEqualTo(403);

            try (SseReader stream = SseReader.connect(fx.port(), "clientId=alice-tab&token=" + bob)) {
                assertThat(stream.status()).isEqualTo(403);
            }
            Http.Response prompt = as(bob).postJson("/prompt", map("prompt", TestNodes.simplePrompt(1), "client_id", "alice-tab"));
            assertThat(prompt.status()).isEqualTo(403);
            assertThat(prompt.json().path("error").path("type").asText()).isEqualTo("client_id_taken");
            // bob's prompt bound his own id first: alice cannot connect with it either
            queue(bob, TestNodes.simplePrompt(1), "bobs-id");
            Throwable taken = catchThrowable(() -> WsRecorder.connect(fx.port(), "clientId=bobs-id&token=" + alice));
            assertThat(taken).isNotNull();

            release.countDown();
            String alicesJob = queue(alice, TestNodes.simplePrompt(2), "alice-tab");
            alices.untilPromptEnd(alicesJob);
            Http.Response reused = as(bob).postJson("/prompt", map("prompt", TestNodes.simplePrompt(3), "prompt_id", alicesJob));
            assertThat(reused.status()).isEqualTo(403);
            assertThat(reused.json().path("error").path("type").asText()).isEqualTo("prompt_id_taken");
            assertThat(as(alice).get("/history/" + alicesJob).json().path(alicesJob).path("prompt").get(2))
                    .isEqualTo(Json.tree(TestNodes.simplePrompt(2)));
            // the owner itself may reuse its socket's id and its job's prompt id, as in ComfyUI
            assertThat(as(alice).postJson("/prompt", map("prompt", TestNodes.simplePrompt(2), "client_id", "alice-tab",
                    "prompt_id", UUID.randomUUID().toString())).status()).isEqualTo(200);
        }
    }

    @Test
    void onlyAUserWhoSeesAJobMayWatchIt() throws Exception {
        try (WsRecorder bobs = socket(bob, "bob-tab");
             WsRecorder roots = socket(root, "root-tab")) {
            String id = queue(alice, gated(), null);
            assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();
            String watch = "{\"type\": \"watch\", \"data\": {\"prompt_id\": \"" + id + "\"}}";
            bobs.send(watch);
            assertThat(bobs.awaitType("watch_error").data().path("error").asText()).isEqualTo("no job with this prompt_id that you may see");
            roots.send(watch);
            assertThat(roots.awaitType("watching").data().path("status").asText()).isEqualTo("in_progress");
            release.countDown();
            assertThat(WsRecorder.types(roots.untilPromptEnd(id))).contains("executed", "execution_success");
        }
    }

    private Http.Response subscribeToLog(String token, String clientId) {
        return as(token).send(as(token).request("/internal/logs/subscribe", "Content-Type", "application/json").method("PATCH",
                HttpRequest.BodyPublishers.ofString("{\"clientId\": \"" + clientId + "\", \"enabled\": true}")).build());
    }

    @Test
    void theServerWideLogAndFoldersAreForAdminsOnly() {
        try (LogCapture log = new LogCapture()) {
            for (String path : List.of("/internal/logs", "/internal/logs/raw", "/internal/folder_paths")) {
                Http.Response refused = as(bob).get(path);
                assertThat(refused.status()).as(path).isEqualTo(403);
                assertThat(refused.json()).as(path).isEqualTo(Http.json("{\"error\": {\"type\": \"forbidden\", \"message\": "
                        + "\"GET " + path + " is for admin only\", \"details\": \"The token's user bob has the role user\", "
                        + "\"extra_info\": {}}, \"node_errors\": {}}"));
                assertThat(as(root).get(path).status()).as(path).isEqualTo(200);
                // Javalin answers HEAD on a GET route empty without running its handler: nothing to refuse
                Http.Response head = as(bob).send(as(bob).request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
                assertThat(head.status()).as("HEAD " + path).isEqualTo(200);
                assertThat(head.header("Content-Length")).as("HEAD " + path).isEqualTo("0");
            }
            Http.Response subscribe = subscribeToLog(alice, "alice-tab");
            assertThat(subscribe.status()).isEqualTo(403);
            assertThat(subscribe.json().path("error").path("message").asText()).isEqualTo("PATCH /internal/logs/subscribe is for admin only");
            assertThat(log.messages()).contains(
                    "403 GET /internal/logs/raw from 127.0.0.1: user bob has the role user, the route is for admin",
                    "403 PATCH /internal/logs/subscribe from 127.0.0.1: user alice has the role user, the route is for admin");
        }
        assertThat(as(root).get("/internal/folder_paths").json().path("checkpoints"))
                .isEqualTo(Http.json("[\"" + dir.resolve("models/checkpoints") + "\"]"));
    }

    @Test
    void theLogReachesOnlyAdminsSocketsEvenWhenAnAdminSubscribedAUsersClientId() throws Exception {
        try (LogCapture log = new LogCapture();
             WsRecorder bobs = socket(bob, "bob-tab");
             WsRecorder roots = socket(root, "root-tab")) {
            assertThat(subscribeToLog(root, "bob-tab").status()).isEqualTo(200);
            assertThat(subscribeToLog(root, "root-tab").status()).isEqualTo(200);
            LoggerFactory.getLogger("dev.easel.test.Terminal").warn("a line for admins");
            roots.until(m -> m instanceof Message.Text t && t.type().equals("logs") && t.data().toString().contains("a line for admins"));
            // every batch is offered to bob's socket before root's, and this status after all of them
            as(root).postJson("/queue", map("clear", true));
            assertThat(bobs.until(m -> m instanceof Message.Text t && t.type().equals("status")))
                    .noneMatch(m -> m instanceof Message.Text t && t.type().equals("logs"));
            assertThat(log.messages()).contains("stopped sending the log to client bob-tab: its user bob is not an admin");
        }
    }
}
