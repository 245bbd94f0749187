package dev.easel.server.auth;

import dev.easel.server.ServerConfig;
import dev.easel.server.testkit.ServerTest;
import dev.easel.testkit.Http;
import dev.easel.testkit.LogCapture;
import dev.easel.testkit.WsClient;
import dev.easel.testkit.WsRecorder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --auth}: {@code /?token=} signs a browser in with a cookie that only its own origin's requests may use, so
 * that a front end which cannot send a token (ComfyUI's) loads and talks to the server.
 */
class SessionCookieTest extends ServerTest {
    private static final String SAME_ORIGIN = "same-origin";
    private String ana;

    private static final String INDEX = "<!doctype html><script type=\"module\" src=\"./assets/app.js\"></script>";

    /** A built front end, as ComfyUI's under {@code --front-end-root}, which cannot send a token itself. */
    @Override
    protected ServerConfig configure(ServerConfig defaults) {
        ana = Accounts.open(defaults.folders().user()).add("ana", Identity.Role.ADMIN);
        Path root = defaults.folders().base().resolve("web");
        try {
            Files.createDirectories(root.resolve("assets"));
            Files.writeString(root.resolve("index.html"), INDEX);
            Files.writeString(root.resolve("assets/app.js"), "export {}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return defaults.withAuth(true).withFrontEndRoot(Optional.of(root));
    }

    private Http.Response withCookie(String path, String token, String fetchSite) {
        return fx.http.get(path, "Cookie", SessionCookie.NAME + "=" + token, "Sec-Fetch-Site", fetchSite);
    }

    @Test
    void openingThePageWithAValidTokenSetsTheCookieAndRedirectsToTheSamePageWithoutTheToken() throws Exception {
        // a plain client that follows no redirect, to see the answer itself
        HttpResponse<String> signIn = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + fx.port() + "/?job=a%20b&token=" + ana)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(303);
        assertThat(signIn.headers().firstValue("Location")).hasValue("./?job=a+b");
        assertThat(signIn.headers().allValues("Set-Cookie")).containsExactly("easel_token=" + ana + "; HttpOnly; SameSite=Strict");
        assertThat(signIn.headers().firstValue("Cache-Control")).hasValue("no-store, must-revalidate");

        HttpResponse<String> bare = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + fx.port() + "/?token=" + ana)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bare.headers().firstValue("Location")).hasValue("./");
    }

    @Test
    void aSignedInBrowserLoadsTheFrontEndsFilesWithTheCookie() {
        assertThat(withCookie("/", ana, "none").text()).isEqualTo(INDEX);
        Http.Response script = withCookie("/assets/app.js", ana, SAME_ORIGIN);
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.text()).isEqualTo("export {}");
        assertThat(fx.http.get("/assets/app.js").status()).as("without the cookie").isEqualTo(401);
    }

    @Test
    void aWrongTokenOnThePageSetsNoCookieAndShowsThePageThatAsksForOne() {
        Http.Response page = fx.http.get("/?token=" + Tokens.newToken());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Set-Cookie")).isNull();
        assertThat(page.text()).isEqualTo(INDEX);
        assertThat(fx.http.withToken(ana).get("/").header("Set-Cookie")).as("a header token signs nothing in").isNull();
    }

    @Test
    void theCookieNamesItsUserForRequestsOfTheSameOriginOrOfThePersonOnly() {
        assertThat(withCookie("/queue", ana, SAME_ORIGIN).status()).isEqualTo(200);
        assertThat(withCookie("/api/jobs", ana, "none").status()).as("typed or bookmarked").isEqualTo(200);
        assertThat(withCookie("/queue", ana, "same-site").status()).as("a sibling site's page").isEqualTo(401);
        assertThat(fx.http.get("/queue", "Cookie", SessionCookie.NAME + "=" + ana).status()).as("neither metadata nor origin")
                .isEqualTo(401);
        String here = "http://127.0.0.1:" + fx.port();
        assertThat(fx.http.get("/queue", "Cookie", SessionCookie.NAME + "=" + ana, "Origin", here).status())
                .as("no fetch metadata, this origin").isEqualTo(200);
        assertThat(fx.http.get("/queue", "Cookie", SessionCookie.NAME + "=" + ana, "Origin", "http://localhost:" + fx.port()).status())
                .as("another origin than the loopback host asked, refused before any token").isEqualTo(403);
        assertThat(fx.http.get("/queue", "Cookie", SessionCookie.NAME + "=" + ana, "Origin", "null").status())
                .as("an opaque origin, refused before any token").isEqualTo(403);
        assertThat(withCookie("/queue", ana, "cross-site").status()).as("another site, refused before any token").isEqualTo(403);
        assertThat(fx.http.get("/queue", "Cookie", "other=" + ana, "Sec-Fetch-Site", SAME_ORIGIN).status()).isEqualTo(401);
    }

    @Test
    void aCookieThatSignsInNoOneIsRefusedLoggedWithoutItAndForgotten() {
        String revoked = Tokens.newToken();
        try (LogCapture log = new LogCapture()) {
            Http.Response refused = withCookie("/queue", revoked, SAME_ORIGIN);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("Set-Cookie")).isEqualTo("easel_token=; Max-Age=0; HttpOnly; SameSite=Strict");
            assertThat(refused.json().path("error").path("message").asText()).isEqualTo("The API token is not valid (mistyped, or revoked)");
            assertThat(log.messages()).anySatisfy(line -> assertThat(line).contains("401 GET /queue").contains("a token that belongs to no user"));
            assertThat(log.lines()).noneMatch(line -> line.text().contains(revoked));
        }
        Http.Response overridden = fx.http.get("/queue", "Cookie", SessionCookie.NAME + "=" + revoked, "Sec-Fetch-Site", SAME_ORIGIN,
                "Authorization", "Bearer " + ana);
        assertThat(overridden.status()).as("a header token goes before the cookie").isEqualTo(200);
    }

    /** Chromium sends no fetch metadata with a WebSocket handshake, always its page's {@code Origin}. */
    @Test
    void theSocketOfASignedInPageConnectsWithTheCookieAndItsOrigin() throws Exception {
        String cookie = SessionCookie.NAME + "=" + ana;
        try (WsRecorder socket = WsRecorder.connectWithHeaders(fx.port(), "clientId=tab-1",
                "Cookie", cookie, "Origin", "http://127.0.0.1:" + fx.port())) {
            assertThat(socket.nextText().type()).isEqualTo("status");
        }
        URI ws = URI.create("ws://127.0.0.1:" + fx.port() + "/ws?clientId=tab-2");
        assertThat(WsClient.refusedStatus(ws, "Cookie", cookie)).as("no origin").isEqualTo(401);
        assertThat(WsClient.refusedStatus(ws, "Cookie", cookie, "Sec-Fetch-Site", "same-site")).isEqualTo(401);
        assertThat(WsClient.refusedStatus(ws, "Cookie", cookie, "Origin", "http://evil.example")).as("another site's page")
                .isEqualTo(403);
    }
}
