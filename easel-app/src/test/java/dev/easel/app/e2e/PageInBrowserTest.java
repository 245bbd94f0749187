package dev.easel.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.testkit.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Easel's own page at {@code /}, in a real headless Chromium against the server {@code easel}
 * starts: the default workflow with its live previews, the queue, a reload mid-run, and
 * workflows opened from files. Writes the README's screenshots into {@code docs/images}.
 */
class PageInBrowserTest {
    private static final Path IMAGES = Path.of("..", "docs", "images");
    private static final String PROMPT_TEXT = "beautiful scenery nature glass bottle landscape, , purple galaxy bottle,";

    @TempDir
    Path base;
    private LiveServer server;
    private Browser browser;
    private Http http;

    @BeforeEach
    void start() {
        server = LiveServer.app(base);
        http = new Http(server.port());
        browser = Browser.open();
        browser.get(server.base() + "/");
        browser.await("the page loaded its workflow", () -> "true".equals(browser.script("return document.body.dataset.ready")));
        browser.await("the socket connected", () -> state("connection-state").equals("connected"));
    }

    @AfterEach
    void stop() {
        try {
            if (browser != null) {
                List<String> errors = browser.consoleErrors();
                browser.close();
                assertThat(errors).as("the browser console's errors").isEmpty();
            }
        } finally {
            server.close();
        }
    }

    private String state(String testId) {
        String value = browser.byTestId(testId).getDomAttribute("data-state");
        return value == null ? "" : value;
    }

    private WebElement field(String node, String input) {
        return browser.byCss("[data-node='" + node + "'][data-input='" + input + "']");
    }

    private void type(String node, String input, String value) {
        WebElement el = field(node, input);
        el.clear();
        el.sendKeys(value);
    }

    private String outcome() {
        String value = browser.byTestId("job-state").getDomAttribute("data-outcome");
        return value == null ? "" : value;
    }

    private double bar(String testId) {
        String value = browser.byTestId(testId).getDomAttribute("data-value");
        return value == null ? 0 : Double.parseDouble(value);
    }

    /** The prompt ids of the queue's items in this state, in the order shown. */
    @SuppressWarnings("unchecked")
    private List<String> queueItems(String state) {
        return (List<String>) browser.script("return [...document.querySelectorAll(\"[data-testid='queue-item']\")]"
                + ".filter((li) => li.dataset.state === arguments[0]).map((li) => li.dataset.promptId)", state);
    }

    private void cancel(String promptId) {
        browser.byCss("[data-testid='queue-item'][data-prompt-id='" + promptId + "'] [data-testid='cancel-button']").click();
    }

    private JsonNode history() {
        return http.get("/history").json();
    }

    /** Records, in order, every new live-preview image (its step and a hash of its bytes) and every result added. */
    private void recordPreviewsAndResults() {
        browser.script("""
                window.recorded = [];
                const preview = document.querySelector("[data-testid='live-preview']");
                new MutationObserver(() => {
                  const entry = { kind: 'preview', step: preview.dataset.step, src: preview.getAttribute('src'), hash: null };
                  window.recorded.push(entry);
                  fetch(entry.src).then((r) => r.arrayBuffer()).then((b) => {
                    let h = 0;
                    for (const x of new Uint8Array(b)) h = (h * 31 + x) | 0;
                    entry.hash = `${b.byteLength}:${h}`;
                  });
                }).observe(preview, { attributes: true, attributeFilter: ['src'] });
                new MutationObserver((changes) => {
                  for (const change of changes) for (const added of change.addedNodes) {
                    window.recorded.push({ kind: 'output', src: added.querySelector('img').getAttribute('src') });
                  }
                }).observe(document.querySelector("[data-testid='outputs']"), { childList: true });
                """);
    }

    private JsonNode recorded() {
        return LiveServer.parse((String) browser.script("return JSON.stringify(window.recorded)"));
    }

    @Test
    void theDefaultWorkflowRunsWithANewPreviewAtEveryStepBeforeTheImage() throws Exception {
        assertThat(field("6", "text").getDomProperty("value")).isEqualTo(PROMPT_TEXT);
        assertThat(field("4", "ckpt_name").getDomProperty("value")).isEqualTo("easel-demo-v1");
        assertThat(field("3", "sampler_name").findElements(org.openqa.selenium.By.tagName("option")))
                .extracting(WebElement::getText).contains("euler", "dpmpp_2m", "uni_pc");
        assertThat(field("3", "steps").getDomAttribute("min")).isEqualTo("1");
        assertThat(field("3", "steps").getDomAttribute("max")).isEqualTo("10000");
        assertThat(field("5", "width").getDomAttribute("step")).isEqualTo("8");
        browser.screenshot(IMAGES.resolve("page-idle.png"));

        // three steps: the sampler keeps three steps waiting for the encoder, so none loses its preview
        type("5", "width", "128");
        type("5", "height", "128");
        type("3", "steps", "3");
        recordPreviewsAndResults();
        browser.byTestId("run-button").click();
        browser.await("the job finished", () -> outcome().equals("success"));
        browser.await("the result's image loaded", () -> Boolean.TRUE.equals(browser.script(
                "const img = document.querySelector(\"[data-testid='output-image']\"); return !!img && img.complete && img.naturalWidth > 0")));
        browser.await("every preview's bytes were read", () -> {
            JsonNode entries = recorded();
            for (JsonNode e : entries) if (e.path("kind").asText().equals("preview") && e.path("hash").isNull()) return false;
            return true;
        });

        JsonNode entries = recorded();
        List<String> kinds = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (JsonNode e : entries) {
            kinds.add(e.path("kind").asText());
            if (e.path("kind").asText().equals("preview")) {
                steps.add(e.path("step").asText());
                hashes.add(e.path("hash").asText());
            }
        }
        assertThat(kinds).containsExactly("preview", "preview", "preview", "output");
        assertThat(steps).containsExactly("1", "2", "3");
        assertThat(hashes).doesNotHaveDuplicates();

        JsonNode entry = history().elements().next();
        JsonNode prompt = entry.path("prompt").get(2);
        assertThat(prompt.path("5").path("inputs").path("width").asInt()).isEqualTo(128);
        assertThat(prompt.path("5").path("inputs").path("height").asInt()).isEqualTo(128);
        assertThat(prompt.path("3").path("inputs").path("steps").asInt()).isEqualTo(3);
        assertThat(prompt.path("3").path("inputs").path("seed").asLong()).isEqualTo(156680208700286L);
        assertThat(prompt.path("3").path("inputs").path("cfg").asDouble()).isEqualTo(8.0);
        assertThat(prompt.path("6").path("inputs").path("text").asText()).isEqualTo(PROMPT_TEXT);
        JsonNode extra = entry.path("prompt").get(3);
        assertThat(extra.path("client_id").asText()).isEqualTo(browser.script("return sessionStorage.getItem('easel.clientId')"));
        assertThat(extra.path("preview_method").asText()).isEqualTo("auto");
        JsonNode saved = entry.path("outputs").path("9").path("images").get(0);
        assertThat(entries.get(3).path("src").asText())
                .isEqualTo("view?filename=" + saved.path("filename").asText() + "&subfolder=&type=output");
        assertThat(bar("progress-job")).isEqualTo(1.0);
        assertThat(browser.byTestId("job-state").getText()).isEqualTo("Finished");
        assertThat(browser.byTestId("error").isDisplayed()).isFalse();
    }

    @Test
    void aPendingJobIsCancelledAndTheRunningOneStopped() throws Exception {
        type("3", "steps", "10000");
        type("5", "width", "256");
        type("5", "height", "256");
        browser.byCss("[data-randomize='seed']").click();
        browser.byTestId("run-button").click();
        browser.await("the first job runs", () -> queueItems("running").size() == 1);
        String firstSeed = field("3", "seed").getDomProperty("value");
        browser.byTestId("run-button").click();
        browser.await("the second job waits", () -> queueItems("pending").size() == 1);
        String secondSeed = field("3", "seed").getDomProperty("value");

        JsonNode queue = http.get("/queue").json();
        String running = queue.path("queue_running").get(0).get(1).asText();
        String pending = queue.path("queue_pending").get(0).get(1).asText();
        // each Run drew a seed, showed it and queued it
        assertThat(firstSeed).isNotEqualTo("156680208700286").isNotEqualTo(secondSeed);
        assertThat(queue.path("queue_running").get(0).get(2).path("3").path("inputs").path("seed").asText()).isEqualTo(firstSeed);
        assertThat(queue.path("queue_pending").get(0).get(2).path("3").path("inputs").path("seed").asText()).isEqualTo(secondSeed);
        assertThat(queueItems("running")).containsExactly(running);
        assertThat(queueItems("pending")).containsExactly(pending);

        cancel(pending);
        browser.await("the pending job left the queue", () -> queueItems("pending").isEmpty());
        assertThat(http.get("/queue").json().path("queue_pending")).isEmpty();
        assertThat(queueItems("running")).containsExactly(running);

        cancel(running);
        browser.await("the running job was interrupted", () -> outcome().equals("interrupted"));
        browser.await("the queue is empty", () -> browser.allByTestId("queue-item").isEmpty());
        JsonNode history = history();
        assertThat(history.has(pending)).isFalse();
        assertThat(history.path(running).path("status").path("status_str").asText()).isEqualTo("error");
    }
}
