package dev.easel.server.auth;

import dev.easel.server.EaselServer;
import dev.easel.server.ServerConfig;
import dev.easel.server.testkit.ServerTest;
import dev.easel.server.testkit.TestNodes;
import dev.easel.testkit.Http;
import dev.easel.testkit.LogCapture;
import dev.easel.testkit.WsClient;
import dev.easel.testkit.WsRecorder;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.easel.testkit.Http.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** {@code --auth}: the guard asks every route and the WebSocket for a token; the page's shell alone is public. */
class TokenAuthTest extends ServerTest {
    private static final String WRONG = Tokens.newToken();
    private String ana;
    private String bo;

    @Override
    protected ServerConfig configure(ServerConfig defaults) {
        Accounts accounts = Accounts.open(defaults.folders().user());
        ana = accounts.add("ana", Identity.Role.ADMIN);
        bo = accounts.add("bo", Identity.Role.USER);
        // the walk below presents hundreds of wrong tokens from one address; TokenGuessingTest tests the limit
        return defaults.withAuth(true).withGuessing(GuessLimit.of(100_000));
    }

    /** A concrete path for a route pattern: each path parameter gets a sample value (a real page file for the page's). */
    private static String sample(EaselServer.Route route) {
        String path = route.path().startsWith("/page/") ? route.path().replaceAll("\\{[^}]+}", "main.js")
                : route.path().replaceAll("\\{[^}]+}|<[^>]+>", "x");
        return path.replace("*", "x");
    }

    private Http.Response call(EaselServer.Route route, String suffix, String... headers) {
        HttpRequest.Builder request = fx.http.request(sample(route) + suffix, headers);
        return fx.http.send(request.method(route.method(), route.method().equals("GET") || route.method().equals("HEAD")
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}")).build());
    }

    private static void assertRefused(Http.Response response, String what) {
        assertThat(response.status()).as(what).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).as(what).isEqualTo("Bearer");
        if (!what.startsWith("HEAD")) {
            assertThat(response.json().path("error").path("type").asText()).as(what).isEqualTo("unauthorized");
            assertThat(response.json().path("error").path("message").asText()).as(what).isNotEmpty();
        }
    }

    @Test
    void everyRegisteredRouteRefusesAMissingOrWrongTokenAndOnlyThePageShellIsPublic() {
        List<EaselServer.Route> http = fx.server.routes().stream().filter(r -> !r.method().equals("WEBSOCKET")).toList();
        Set<String> paths = http.stream().map(EaselServer.Route::path).collect(Collectors.toSet());
        assertThat(paths).as("the router's own list, both spellings").contains("/prompt", "/api/prompt", "/userdata/{file}",
                "/api/userdata/{file}", "/internal/logs", "/api/jobs", "/view", "/api/view", "/upload/image", "/events");
        assertThat(http).hasSizeGreaterThan(80);
        List<String> open = new ArrayList<>();
        for (EaselServer.Route route : http) {
            String what = route.method() + " " + sample(route);
            Http.Response anonymous = call(route, "");
            if (anonymous.status() != 401) {
                open.add(route.method() + " " + route.path());
                continue;
            }
            assertRefused(anonymous, what);
            assertRefused(call(route, "", "Authorization", "Bearer " + WRONG), what + " with a wrong bearer token");
            assertRefused(call(route, (sample(route).contains("?") ? "&" : "?") + "token=" + WRONG), what + " with a wrong ?token=");
            assertRefused(call(route, "", "Authorization", "Basic " + ana), what + " with the token under another scheme");
            assertRefused(call(route, "", "Cookie", SessionCookie.NAME + "=" + WRONG, "Sec-Fetch-Site", "same-origin"),
                    what + " with a wrong sign-in cookie");
            assertRefused(call(route, "", "Cookie", SessionCookie.NAME + "=" + ana, "Sec-Fetch-Site", "same-site"),
                    what + " with the cookie from a sibling site");
        }
        assertThat(open).as("public without a token").containsExactlyInAnyOrder("GET /", "GET /page/{file}");
    }

    @Test
    void unknownPathsAreRefusedTooSoTheyRevealNothing() {
        assertRefused(fx.http.get("/no/such/route"), "GET /no/such/route");
        assertRefused(fx.http.get("/page/..%2Fprompt"), "a page path that is not a page file");
        assertRefused(fx.http.post("/", "{}"), "POST /");
    }

    @Test
    void everyWebSocketRouteRefusesAnUpgradeWithoutAValidTokenAndAcceptsOneWithIt() throws Exception {
        List<String> sockets = fx.server.routes().stream().filter(r -> r.method().equals("WEBSOCKET"))
                .map(EaselServer.Route::path).toList();
        assertThat(sockets).containsExactlyInAnyOrder("/ws", "/api/ws");
        for (String path : sockets) {
            for (String query : new String[] {"", "?token=" + WRONG, "?clientId=c1&token=" + WRONG}) {
                assertThat(WsClient.refusedStatus(URI.create("ws://127.0.0.1:" + fx.port() + path + query))).as(path + query)
                        .isEqualTo(401);
            }
            try (WsRecorder socket = WsRecorder.connect(fx.port(), path, "clientId=c1&token=" + bo)) {
                assertThat(socket.nextText().type()).isEqualTo("status");
            }
        }
    }

    @Test
    void withAGoodTokenRoutesAnswerAsWithoutAuthentication() {
        for (String token : new String[] {ana, bo}) {
            Http client = fx.http.withToken(token);
            assertThat(client.get("/system_stats").status()).isEqualTo(200);
            assertThat(client.get("/api/object_info").json().has("TestMakeInt")).isTrue();
            assertThat(client.get("/queue").json().has("queue_running")).isTrue();
            Http.Response queued = client.postJson("/prompt", map("prompt", TestNodes.simplePrompt(3)));
            assertThat(queued.status()).as(queued.text()).isEqualTo(200);
            assertThat(queued.json().path("prompt_id").asText()).isNotEmpty();
            assertThat(client.get("/view?filename=missing.png").status()).isEqualTo(404);
            assertThat(fx.http.get("/view?filename=missing.png&token=" + token).status()).as("?token=").isEqualTo(404);
            assertThat(fx.http.get("/api/history?token=" + token).status()).isEqualTo(200);
        }
        assertThat(fx.http.get("/system_stats", "authorization", "bearer " + ana).status()).as("scheme in any case").isEqualTo(200);
    }

    @Test
    void thePageShellIsServedWithoutAToken() {
        Http.Response index = fx.http.get("/");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.header("Content-Type")).startsWith("text/html");
        assertThat(fx.http.get("/page/main.js").status()).isEqualTo(200);
        assertThat(fx.http.get("/page/page.css").status()).isEqualTo(200);
    }

    @Test
    void corsPreflightNeedsNoToken() {
        Http.Response preflight = fx.http.send(fx.http.request("/prompt").method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.bytes()).isEmpty();
    }

    @Test
    void theTokensUserIsTheRequestsUserAndTheComfyUserHeaderIsIgnored() throws Exception {
        Http.Response saved = fx.http.send(fx.http.withToken(bo).request("/settings", "comfy-user", "ana",
                "Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"theme\":\"dark\"}")).build());
        assertThat(saved.status()).isEqualTo(200);
        assertThat(Files.readString(fx.config.folders().user().resolve("bo/comfy.settings.json"))).contains("dark");
        assertThat(fx.config.folders().user().resolve("ana")).doesNotExist();
        assertThat(fx.http.withToken(ana).get("/settings").json()).isEqualTo(Http.json("{}"));
        assertThat(fx.http.withToken(bo).get("/settings", "comfy-user", "ana").json()).isEqualTo(Http.json("{\"theme\":\"dark\"}"));
    }

    @Test
    void aTokenRevokedWhileTheServerRunsIsRefusedAtOnce() {
        assertThat(fx.http.withToken(bo).get("/queue").status()).isEqualTo(200);
        assertThat(Accounts.open(fx.config.folders().user()).revoke("bo")).isTrue();
        assertRefused(fx.http.withToken(bo).get("/queue"), "revoked");
        assertThat(fx.http.withToken(ana).get("/queue").status()).isEqualTo(200);
    }

    @Test
    void refusalsAreLoggedWithMethodPathAndAddressButNoTokenEverReachesTheLog() throws Exception {
        try (LogCapture log = new LogCapture()) {
            fx.http.get("/queue?token=" + WRONG);
            fx.http.get("/history", "Authorization", "Bearer " + WRONG);
            fx.http.get("/queue?token=" + ana);
            fx.http.get("/view?filename=nothing.png&token=" + ana);
            fx.http.withToken(bo).get("/userdata/..%2F..%2Fsecret");
            try (WsRecorder socket = WsRecorder.connect(fx.port(), "token=" + bo)) {
                socket.nextText();
            }
            catchThrowable(() -> WsRecorder.connect(fx.port(), "token=" + WRONG));
            fx.http.get("/prompt");
            List<String> lines = log.lines().stream().map(LogCapture.Line::text).toList();
            assertThat(lines).anyMatch(l -> l.equals("401 GET /queue from 127.0.0.1: a token that belongs to no user"));
            assertThat(lines).anyMatch(l -> l.equals("401 GET /history from 127.0.0.1: a token that belongs to no user"));
            assertThat(lines).anyMatch(l -> l.equals("401 GET /prompt from 127.0.0.1: no token"));
            assertThat(lines).anyMatch(l -> l.equals("401 GET /ws from 127.0.0.1: a token that belongs to no user"));
            for (String line : lines) {
                assertThat(line).doesNotContain(WRONG).doesNotContain(ana).doesNotContain(bo).doesNotContain("token=");
            }
        }
    }

    @Test
    void authWithoutAnyUserRefusesToStartAndSaysHowToAddOne() {
        ServerConfig empty = ServerConfig.defaults(dir.resolve("empty")).withPort(0).withAuth(true);
        Throwable refused = catchThrowable(() -> EaselServer.start(empty, TestNodes.registry()));
        assertThat(refused).isInstanceOf(AccountsUnusable.class)
                .hasMessageContaining("--auth needs at least one user")
                .hasMessageContaining("run 'easel users add NAME --admin'");
    }

    @Test
    void aCorruptAccountsFileStopsTheStartWithTheReason() throws Exception {
        ServerConfig corrupt = ServerConfig.defaults(dir.resolve("corrupt")).withPort(0).withAuth(true);
        Files.createDirectories(corrupt.folders().user());
        Files.writeString(corrupt.folders().user().resolve("auth.json"), "{\"users\": 3}");
        Throwable refused = catchThrowable(() -> EaselServer.start(corrupt, TestNodes.registry()));
        assertThat(refused).isInstanceOf(AccountsUnusable.class).hasMessageContaining("auth.json cannot be used: it has no \"users\" array");
    }
}
