package dev.easel.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.testkit.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job's link ({@code ?job=ID}) in a second headless Chromium: it opens the live view of a job
 * another browser queued, and both show the same progress and the same previews.
 */
class JobLinkInBrowserTest {
    @TempDir
    Path base;
    private LiveServer server;
    private Browser first;
    private Browser second;

    @BeforeEach
    void start() {
        server = LiveServer.app(base);
        first = Browser.open();
        first.get(server.base() + "/");
        awaitReady(first);
    }

    @AfterEach
    void stop() {
        try {
            for (Browser browser : new Browser[] {first, second}) {
                if (browser == null) continue;
                assertThat(browser.consoleErrors()).as("the browser console's errors").isEmpty();
                browser.close();
            }
        } finally {
            server.close();
        }
    }

    private static void awaitReady(Browser browser) {
        browser.await("the page loaded its workflow", () -> "true".equals(browser.script("return document.body.dataset.ready")));
        browser.await("the socket connected", () -> browser.state("connection-state").equals("connected"));
    }

    private static double step(Browser browser) {
        String value = browser.byTestId("progress-node").getDomAttribute("data-value");
        return value == null ? 0 : Double.parseDouble(value);
    }

    /** Each preview's bytes by the step it shows, once every recorded preview has been read. */
    private static Map<String, String> previewsByStep(Browser browser) {
        browser.await("every preview's bytes were read", () -> {
            for (JsonNode e : browser.recorded()) if (e.path("kind").asText().equals("preview") && e.path("hash").isNull()) return false;
            return true;
        });
        Map<String, String> byStep = new LinkedHashMap<>();
        for (JsonNode e : browser.recorded()) {
            if (e.path("kind").asText().equals("preview")) byStep.put(e.path("step").asText(), e.path("hash").asText());
        }
        return byStep;
    }

    @Test
    void aSecondBrowserOnTheJobLinkSeesTheSameProgressAndPreviews() {
        first.type("5", "width", "64");
        first.type("5", "height", "64");
        first.type("3", "steps", "10000");
        first.byTestId("run-button").click();
        first.await("a few steps with their preview", () -> step(first) >= 3 && first.byTestId("live-preview").isDisplayed());
        String link = first.byTestId("share-link").getDomAttribute("href");
        String promptId = (String) first.script("return new URLSearchParams(arguments[0]).get('job')", link);
        assertThat(link).isEqualTo("?job=" + promptId);
        assertThat(new Http(server.port()).get("/api/jobs/" + promptId).json().path("status").asText()).isEqualTo("in_progress");

        second = Browser.open();
        second.get(server.base() + "/" + link);
        awaitReady(second);
        second.await("the linked job's live view", () -> second.byTestId("job-state").getText().equals("Running")
                && second.byTestId("running-node").getText().equals("KSampler #3") && second.byTestId("live-preview").isDisplayed());
        assertThat(second.byTestId("progress-node").getDomAttribute("data-max")).isEqualTo("10000");
        assertThat(second.byTestId("share-link").getDomAttribute("href")).isEqualTo(link);

        first.recordPreviewsAndResults();
        second.recordPreviewsAndResults();
        double from = step(first);
        first.await("ten more steps", () -> step(first) >= from + 10 && step(second) >= from + 10);
        first.byCss("#interrupt").click();
        first.await("the first browser saw the end", () -> first.outcome().equals("interrupted"));
        second.await("the second browser saw the end", () -> second.outcome().equals("interrupted"));

        Map<String, String> seenFirst = previewsByStep(first);
        Map<String, String> seenSecond = previewsByStep(second);
        Map<String, String> shared = new LinkedHashMap<>(seenSecond);
        shared.keySet().retainAll(seenFirst.keySet());
        assertThat(shared).as("previews both browsers painted").hasSizeGreaterThanOrEqualTo(5);
        shared.forEach((step, hash) -> assertThat(seenFirst.get(step)).as("the preview of step " + step).isEqualTo(hash));
        assertThat(second.byTestId("progress-node").getDomAttribute("data-value"))
                .isEqualTo(first.byTestId("progress-node").getDomAttribute("data-value"));
    }
}
