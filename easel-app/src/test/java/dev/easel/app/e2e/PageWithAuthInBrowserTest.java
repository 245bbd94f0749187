package dev.easel.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.app.cli.EaselCommand;
import dev.easel.testkit.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Easel's page against {@code easel --auth}, in a real headless Chromium: it asks for a token,
 * says so when one is refused, and with a good one runs the default workflow to its image (the
 * socket and the image URLs carry the token as {@code ?token=}).
 */
class PageWithAuthInBrowserTest {
    @TempDir
    Path base;
    private String token;
    private LiveServer server;
    private Browser browser;

    @BeforeEach
    void start() {
        token = addUser("ana", "--admin");
        server = LiveServer.app(base, "--auth");
        browser = Browser.open();
    }

    /** Adds a user with {@code easel users add} and returns the token it prints. */
    private String addUser(String name, String... flags) {
        StringWriter out = new StringWriter();
        CommandLine users = EaselCommand.commandLine();
        users.setOut(new PrintWriter(out, true));
        users.setErr(new PrintWriter(new StringWriter(), true));
        List<String> args = new ArrayList<>(List.of("users", "add", name, "--base-directory", base.toString()));
        args.addAll(List.of(flags));
        assertThat(users.execute(args.toArray(String[]::new))).isZero();
        return out.toString().strip();
    }

    /** Runs the page's default workflow at 64×64 in two steps, from its Run button, to its end. */
    private void runTheDefaultWorkflowSmall() {
        browser.type("5", "width", "64");
        browser.type("5", "height", "64");
        browser.type("3", "steps", "2");
        browser.byTestId("run-button").click();
        browser.await("the job finished", () -> browser.outcome().equals("success"));
    }

    private void enterToken() {
        browser.get(server.base() + "/");
        browser.await("the page asked for a token", this::asking);
        browser.byTestId("token-input").sendKeys(token, Keys.ENTER);
        browser.await("the page loaded its workflow", () -> "true".equals(browser.script("return document.body.dataset.ready")));
    }

    @AfterEach
    void stop() {
        try {
            if (browser != null) browser.close();
        } finally {
            server.close();
        }
    }

    private boolean asking() {
        return browser.byTestId("token-input").isDisplayed();
    }

    @Test
    void thePageAsksForATokenAgainWhenOneIsRefusedThenRunsTheDefaultWorkflowToItsImage() {
        browser.get(server.base() + "/");
        browser.await("the page asked for a token", this::asking);
        assertThat(browser.script("return document.activeElement.dataset.testid")).as("focus is in the token field").isEqualTo("token-input");
        assertThat(browser.byCss("#token-message").getText()).contains("This server needs an API token");

        browser.byTestId("token-input").sendKeys("not-a-token", Keys.ENTER);
        browser.await("the refused token was asked for again", () -> asking()
                && browser.byCss("#token-message").getText().contains("That token was refused"));
        assertThat(browser.script("return sessionStorage.getItem('easel.token')")).as("a refused token is forgotten").isNull();

        browser.byTestId("token-input").sendKeys(token);
        browser.byTestId("token-submit").click();
        browser.await("the page loaded its workflow", () -> "true".equals(browser.script("return document.body.dataset.ready")));
        browser.await("the socket connected", () -> browser.state("connection-state").equals("connected"));
        assertThat(asking()).isFalse();
        assertThat(browser.script("return sessionStorage.getItem('easel.token')")).isEqualTo(token);

        runTheDefaultWorkflowSmall();
        browser.await("the result's image loaded through its ?token= URL", browser::resultImageLoaded);
        String src = browser.byCss("[data-testid='output-image']").getDomAttribute("src");
        assertThat(src).startsWith("view?filename=").endsWith("&token=" + token);

        Http.Response history = new Http(server.port()).withToken(token).get("/history");
        assertThat(history.json().size()).isEqualTo(1);
        // the refusals themselves are the only errors: object_info without a token, then with the wrong one, and
        // the socket's attempts that raced the first refusal (later ones wait for the token)
        List<String> errors = browser.consoleErrors();
        assertThat(errors).noneMatch(e -> e.contains(token));
        String socketAttempt = "WebSocket connection to 'ws://127.0.0.1:" + server.port() + "/ws?clientId=";
        assertThat(errors.stream().filter(e -> !e.contains(socketAttempt)).toList()).hasSize(2).allSatisfy(e -> assertThat(e)
                .startsWith(server.base() + "/object_info - Failed to load resource: the server responded with a status of 401"));
    }

    @Test
    void aTokenKeptForTheSessionIsUsedAfterAReloadWithoutAsking() {
        enterToken();
        browser.get(server.base() + "/");
        browser.await("the page loaded again", () -> "true".equals(browser.script("return document.body.dataset.ready")));
        browser.await("the socket connected", () -> browser.state("connection-state").equals("connected"));
        assertThat(asking()).isFalse();
    }

    @Test
    void anAdminsPageShowsAnotherUsersImagesFromThatUsersFoldersInTheGalleryAndOnTheJobsLink() throws Exception {
        Http bo = new Http(server.port()).withToken(addUser("bo"));
        ObjectNode prompt = (ObjectNode) LiveServer.parse(Files.readString(Path.of("..", "examples", "default-text-to-image.json")));
        ((ObjectNode) prompt.get("3").get("inputs")).put("steps", 2);
        ((ObjectNode) prompt.get("5").get("inputs")).put("width", 64).put("height", 48);
        String promptId = bo.postJson("/prompt", Map.of("prompt", prompt, "client_id", "bo-script")).json().path("prompt_id").asText();
        browser.await("bo's job finished", () -> bo.get("/history/" + promptId).json().has(promptId));
        JsonNode saved = bo.get("/history/" + promptId).json().path(promptId).path("outputs").path("9").path("images").get(0);
        assertThat(base.resolve("output").resolve("bo").resolve(saved.path("filename").asText())).exists();

        enterToken();
        String thumbnail = "[data-testid='gallery-item'][data-prompt-id='" + promptId + "'] img";
        browser.await("bo's image loaded in the admin's gallery", () -> Boolean.TRUE.equals(browser.script(
                "const img = document.querySelector(\"" + thumbnail + "\"); return !!img && img.complete && img.naturalWidth === 64")));
        assertThat(browser.byCss(thumbnail).getDomAttribute("src")).isEqualTo("view?filename=" + saved.path("filename").asText()
                + "&subfolder=&type=output&user=bo&token=" + token + "&preview=jpeg;85");

        browser.get(server.base() + "/?job=" + promptId);
        browser.await("the linked job's image loaded", browser::resultImageLoaded);
        assertThat(browser.byCss("[data-testid='output-image']").getDomAttribute("src")).isEqualTo("view?filename="
                + saved.path("filename").asText() + "&subfolder=&type=output&user=bo&token=" + token);
        assertThat(browser.script("return document.querySelector(\"[data-testid='output-image']\").naturalHeight")).isEqualTo(48L);
    }

    @Test
    void openingThePageWithTheTokenInItsAddressSignsTheBrowserInWithACookieThatItsRequestsAndSocketCarry() {
        browser.get(server.base() + "/?token=" + token);
        browser.await("the page loaded its workflow", () -> "true".equals(browser.script("return document.body.dataset.ready")));
        browser.await("the socket connected", () -> browser.state("connection-state").equals("connected"));
        assertThat(browser.driver.getCurrentUrl()).as("the token left the address").isEqualTo(server.base() + "/");
        assertThat(asking()).isFalse();
        assertThat(browser.script("return sessionStorage.getItem('easel.token')")).as("the page kept no token").isNull();
        assertThat(browser.script("return document.cookie")).as("no script reads the cookie").isEqualTo("");

        runTheDefaultWorkflowSmall();
        browser.await("the result's image loaded with the cookie", browser::resultImageLoaded);
        assertThat(browser.byCss("[data-testid='output-image']").getDomAttribute("src")).startsWith("view?filename=")
                .doesNotContain("token=");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
