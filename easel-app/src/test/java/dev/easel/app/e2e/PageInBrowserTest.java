package dev.easel.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.testkit.Http;
import dev.easel.testkit.Multipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Easel's own page at {@code /}, in a real headless Chromium against the server {@code easel}
 * starts: the default workflow with its live previews, the queue, a reload mid-run, and
 * workflows opened from files. Writes the README's screenshots into {@code docs/images}.
 */
class PageInBrowserTest {
    private static final Path IMAGES = Path.of("..", "docs", "images");
    private static final Path EXAMPLES = Path.of("..", "examples");
    /** A complete estimate: "about 12.3 s", or "about 13 min 11 s". */
    private static final String ESTIMATE = "about (\\d+\\.\\d|\\d+ min \\d+) s";
    private static final String PROMPT_TEXT = "beautiful scenery nature glass bottle landscape, , purple galaxy bottle,";

    @TempDir
    Path base;
    private LiveServer server;
    private Browser browser;
    private Http http;
    /** Console errors a test causes on purpose (a refused request), after the server's address, in order. */
    private final List<String> expectedConsoleErrors = new ArrayList<>();
    /** Console errors a test causes any number of times (connection attempts while the server is down). */
    private final List<String> toleratedConsoleErrors = new ArrayList<>();

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
                List<String> errors = browser.consoleErrors().stream()
                        .filter(e -> toleratedConsoleErrors.stream().noneMatch(e::contains)).toList();
                browser.close();
                String origin = server.base();
                assertThat(errors).as("the browser console's errors")
                        .containsExactlyElementsOf(expectedConsoleErrors.stream().map(e -> origin + e).toList());
            }
        } finally {
            server.close();
        }
    }

    private String state(String testId) {
        return browser.state(testId);
    }

    private WebElement field(String node, String input) {
        return browser.field(node, input);
    }

    private void type(String node, String input, String value) {
        browser.type(node, input, value);
    }

    private String outcome() {
        return browser.outcome();
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

    private void recordPreviewsAndResults() {
        browser.recordPreviewsAndResults();
    }

    private JsonNode recorded() {
        return browser.recorded();
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
        browser.await("the result's image loaded", browser::resultImageLoaded);
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

    @Test
    void aReloadMidRunRestoresTheRunningView() {
        // a short run first: the server learns what each node takes at this size
        type("3", "steps", "2");
        browser.byTestId("run-button").click();
        browser.await("the short run finished", () -> outcome().equals("success"));
        type("3", "steps", "10000");
        browser.byTestId("run-button").click();
        browser.await("a few steps with their preview", () -> bar("progress-node") >= 3 && browser.byTestId("live-preview").isDisplayed());
        // every node still to run was timed in the short run: the estimate is complete
        browser.await("the server's estimate is shown", () -> browser.byTestId("eta").getText().matches(ESTIMATE));
        browser.screenshot(IMAGES.resolve("page-running.png"));
        List<String> running = queueItems("running");
        assertThat(running).hasSize(1);
        double stepBefore = bar("progress-node");
        double elapsedBefore = elapsedSeconds();

        browser.driver.navigate().refresh();
        browser.await("the page loaded again", () -> "true".equals(browser.script("return document.body.dataset.ready")));
        browser.await("the socket connected again", () -> state("connection-state").equals("connected"));
        browser.await("the running job is watched again", () -> browser.byTestId("job-state").getText().equals("Running")
                && browser.byTestId("running-node").getText().equals("KSampler #3")
                && bar("progress-node") > stepBefore && browser.byTestId("live-preview").isDisplayed());
        assertThat(queueItems("running")).isEqualTo(running);
        assertThat(browser.byTestId("progress-node").getDomAttribute("data-max")).isEqualTo("10000");
        browser.await("the estimate is shown again", () -> browser.byTestId("eta").getText().matches(ESTIMATE));
        assertThat(bar("progress-job")).isGreaterThan(0.0).isLessThan(1.0);
        // the clock counts from the job's start, not from the reload; the form shows what was run
        assertThat(elapsedSeconds()).isGreaterThanOrEqualTo(elapsedBefore);
        assertThat(field("3", "steps").getDomProperty("value")).isEqualTo("10000");

        browser.byCss("#interrupt").click();
        browser.await("the job was interrupted", () -> outcome().equals("interrupted"));
        assertThat(history().path(running.getFirst()).path("status").path("status_str").asText()).isEqualTo("error");
        assertThat(browser.byTestId("eta").getText()).isEqualTo("—");
    }

    /** The elapsed time shown: "12.3 s" or "13 min 11 s". */
    private double elapsedSeconds() {
        String text = browser.byTestId("elapsed").getText();
        var shown = java.util.regex.Pattern.compile("(?:(\\d+) min (\\d+)|(\\d+\\.\\d)) s").matcher(text);
        assertThat(shown.matches()).as(text).isTrue();
        return shown.group(3) != null ? Double.parseDouble(shown.group(3))
                : Integer.parseInt(shown.group(1)) * 60.0 + Integer.parseInt(shown.group(2));
    }

    @Test
    void aDroppedPngFromSaveImageAndAnOpenedJsonGiveTheirWorkflowsBack() throws Exception {
        ObjectNode saved = (ObjectNode) LiveServer.parse(Files.readString(EXAMPLES.resolve("default-text-to-image.json")));
        ((ObjectNode) saved.get("6").get("inputs")).put("text", "a red house by the sea");
        ((ObjectNode) saved.get("3").get("inputs")).put("seed", 4242).put("steps", 2);
        ((ObjectNode) saved.get("5").get("inputs")).put("width", 64).put("height", 64);
        ((ObjectNode) saved.get("9").get("inputs")).put("filename_prefix", "dropped");
        String savedId = server.queue(saved, "a-script");
        browser.await("the script's image was saved", () -> history().has(savedId));
        assertThat(history().path(savedId).path("outputs").path("9").path("images").get(0).path("filename").asText())
                .isEqualTo("dropped_00001_.png");

        browser.script("""
                fetch('view?filename=dropped_00001_.png&type=output').then((r) => r.blob()).then((png) => {
                  const files = new DataTransfer();
                  files.items.add(new File([png], 'dropped_00001_.png', { type: 'image/png' }));
                  document.querySelector('main').dispatchEvent(new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }));
                });""");
        browser.await("the PNG's workflow is shown", () -> browser.byCss("#workflow-name").getText().equals("dropped_00001_.png"));
        assertThat(field("6", "text").getDomProperty("value")).isEqualTo("a red house by the sea");
        assertThat(field("3", "seed").getDomProperty("value")).isEqualTo("4242");
        assertThat(field("9", "filename_prefix").getDomProperty("value")).isEqualTo("dropped");
        browser.byTestId("run-button").click();
        browser.await("the dropped workflow ran", () -> outcome().equals("success"));
        JsonNode again = history().path(queueOrHistoryIdOtherThan(savedId)).path("prompt").get(2);
        // the same inputs, numbers compared as numbers: a page sends cfg 8.0 as 8, as ComfyUI's does
        Comparator<JsonNode> numbersByValue = (a, b) -> a.isNumber() && b.isNumber()
                ? a.decimalValue().compareTo(b.decimalValue()) : (a.equals(b) ? 0 : 1);
        for (String node : List.of("3", "4", "5", "6", "7", "8", "9")) {
            JsonNode inputs = again.path(node).path("inputs");
            assertThat(inputs.equals(numbersByValue, saved.path(node).path("inputs"))).as(node + ": " + inputs).isTrue();
        }

        Path api = base.resolve("api.json");
        ObjectNode body = LiveServer.JSON.createObjectNode();
        body.set("prompt", saved.deepCopy());
        ((ObjectNode) body.get("prompt").get("6").get("inputs")).put("text", "opened from a file");
        Files.writeString(api, body.toString());
        browser.byTestId("workflow-file").sendKeys(api.toString());
        browser.await("the file's workflow is shown", () -> browser.byCss("#workflow-name").getText().equals("api.json"));
        assertThat(field("6", "text").getDomProperty("value")).isEqualTo("opened from a file");

        Path ui = base.resolve("ui.json");
        Files.writeString(ui, "{\"last_node_id\": 0, \"nodes\": [], \"links\": [], \"version\": 0.4}");
        browser.byTestId("workflow-file").sendKeys(ui.toString());
        browser.await("the error is shown", () -> browser.byTestId("error").isDisplayed());
        assertThat(browser.byTestId("error").getText())
                .isEqualTo("Cannot open ui.json\nThis UI-format workflow has no nodes that run.");
        // the workflow shown before is still there
        assertThat(browser.byCss("#workflow-name").getText()).isEqualTo("api.json");
        assertThat(field("6", "text").getDomProperty("value")).isEqualTo("opened from a file");
    }

    /** The id of the one history entry that is not {@code known}. */
    private String queueOrHistoryIdOtherThan(String known) {
        List<String> ids = new ArrayList<>();
        history().fieldNames().forEachRemaining(ids::add);
        ids.remove(known);
        assertThat(ids).hasSize(1);
        return ids.getFirst();
    }

    @Test
    void aRefusedPromptShowsTheServersErrorForTheNode() {
        type("3", "steps", "0");
        expectedConsoleErrors.add("/prompt - Failed to load resource: the server responded with a status of 400 (Bad Request)");
        browser.byTestId("run-button").click();
        browser.await("the error is shown", () -> browser.byTestId("error").isDisplayed());
        assertThat(browser.byTestId("error").getText())
                .isEqualTo("Prompt outputs failed validation\n#3 KSampler: Value 0 smaller than min of 1 (steps)");
        assertThat(http.get("/queue").json().path("queue_pending")).isEmpty();

        field("3", "steps").clear();
        browser.byTestId("run-button").click();
        browser.await("the form's own error is shown", () -> browser.byTestId("error").getText().startsWith("Cannot run"));
        assertThat(browser.byTestId("error").getText())
                .isEqualTo("Cannot run this workflow\nKSampler #3, steps: \"\" is not a whole number.");
        assertThat(history()).isEmpty();
    }

    private static String fixture(String name) throws Exception {
        try (var in = PageInBrowserTest.class.getResourceAsStream("/page/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * Hand-written UI-format workflows (ComfyUI's saved graph: nodes with widget values, links as
     * [id, from, slot, to, slot, type]) against the API prompts ComfyUI's editor queues for them.
     */
    @Test
    void uiFormatWorkflowsBecomeTheApiPromptComfyUisEditorQueues() throws Exception {
        for (String name : List.of("default", "reroute-primitive-bypass-mute")) {
            Object converted = browser.asyncScript("""
                    const [ui, done] = arguments;
                    Promise.all([import('./page/workflow.js'), import('./page/api.js'), fetch('object_info').then((r) => r.text())])
                      .then(([workflow, api, info]) => done(api.toJson(workflow.fromUiWorkflow(api.parseJson(ui), api.parseJson(info)))))
                      .catch((e) => done(`failed: ${e.message}`));""", fixture("ui-" + name + ".json"));
            assertThat(LiveServer.parse((String) converted)).as(name).isEqualTo(LiveServer.parse(fixture("api-" + name + ".json")));
        }

        Path file = base.resolve("ui-default.json");
        Files.writeString(file, fixture("ui-default.json"));
        browser.byTestId("workflow-file").sendKeys(file.toString());
        browser.await("the converted workflow is shown", () -> browser.byCss("#workflow-name").getText().equals("ui-default.json"));
        assertThat(field("6", "text").getDomProperty("value")).isEqualTo(PROMPT_TEXT);
        assertThat(field("3", "seed").getDomProperty("value")).isEqualTo("156680208700286");
        type("5", "width", "64");
        type("5", "height", "64");
        type("3", "steps", "2");
        browser.byTestId("run-button").click();
        browser.await("the converted workflow ran", () -> outcome().equals("success"));
        JsonNode ran = history().elements().next().path("prompt").get(2);
        assertThat(ran.path("7").path("_meta").path("title").asText()).isEqualTo("CLIP Text Encode (Prompt)");
        assertThat(ran.path("3").path("inputs").path("steps").asInt()).isEqualTo(2);
    }

    @Test
    void saveImageWebsocketFramesArriveAsResults() {
        browser.byTestId("workflow-file").sendKeys(EXAMPLES.resolve("live-previews-over-websocket.json").toAbsolutePath().normalize().toString());
        browser.await("the example is shown", () -> browser.byCss("#workflow-name").getText().equals("live-previews-over-websocket.json"));
        type("5", "width", "64");
        type("5", "height", "64");
        type("5", "batch_size", "2");
        type("3", "steps", "2");
        browser.byTestId("run-button").click();
        browser.await("the job finished", () -> outcome().equals("success"));
        browser.await("both images were painted", () -> Boolean.TRUE.equals(browser.script("""
                const images = [...document.querySelectorAll("[data-testid='output-image']")];
                return images.length === 2 && images.every((img) => img.complete && img.naturalWidth === 64 && img.naturalHeight === 64)""")));
        // whole PNG frames, kept in the page: nothing was saved on the server
        assertThat(browser.allByTestId("output-image")).allSatisfy(img -> assertThat(img.getDomAttribute("src")).startsWith("blob:"));
        assertThat(base.resolve("output").toFile().list()).isEmpty();
    }

    @Test
    void aNodeThatFailsIsShownWithItsTypeAndMessage() throws Exception {
        Multipart upload = new Multipart().file("image", "broken.png", "not a png at all".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(http.send(http.request("/upload/image", "Content-Type", upload.contentType())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(upload.body())).build()).status()).isEqualTo(200);
        Path workflow = base.resolve("broken.json");
        Files.writeString(workflow, """
                {"1": {"class_type": "LoadImage", "inputs": {"image": "broken.png"}},
                 "2": {"class_type": "PreviewImage", "inputs": {"images": ["1", 0]}}}""");
        browser.byTestId("workflow-file").sendKeys(workflow.toString());
        browser.await("the workflow is shown", () -> browser.byCss("#workflow-name").getText().equals("broken.json"));
        browser.byTestId("run-button").click();
        browser.await("the job failed", () -> outcome().equals("error"));
        assertThat(browser.byTestId("error").getText()).isEqualTo("Load Image #1 failed (LoadImage)\n"
                + "java.io.IOException: Cannot read image file broken.png: unsupported or damaged image file");
        assertThat(browser.byTestId("job-state").getText()).isEqualTo("Failed");
    }

    /** The gallery's items as "prompt id|settings", in the order shown. */
    @SuppressWarnings("unchecked")
    private List<String> galleryItems() {
        return (List<String>) browser.script("return [...document.querySelectorAll(\"[data-testid='gallery-item']\")]"
                + ".map((li) => li.dataset.promptId + '|' + li.querySelector('.gallery-settings').textContent)");
    }

    @Test
    void theGalleryShowsFinishedJobsNewestFirstAPageAtATimeAndRunsOneAgain() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int seed = 1; seed <= 9; seed++) {
            ObjectNode prompt = (ObjectNode) LiveServer.parse(Files.readString(EXAMPLES.resolve("default-text-to-image.json")));
            ((ObjectNode) prompt.get("3").get("inputs")).put("seed", seed).put("steps", 2);
            ((ObjectNode) prompt.get("5").get("inputs")).put("width", 64).put("height", 64);
            ids.add(server.queue(prompt, "a-script"));
        }
        browser.await("the script's jobs finished", () -> history().has(ids.getLast()));
        browser.driver.navigate().refresh();
        browser.await("the page loaded again", () -> "true".equals(browser.script("return document.body.dataset.ready")));

        String settings = "|seed %d · 2 steps · cfg 8 · euler / normal · 64×64";
        List<String> newest = new ArrayList<>();
        for (int i = 8; i >= 1; i--) newest.add(ids.get(i) + settings.formatted(i + 1));
        assertThat(galleryItems()).containsExactlyElementsOf(newest);
        assertThat(browser.byCss("#gallery-range").getText()).isEqualTo("1–8 of 9");
        browser.await("the thumbnails loaded", () -> Boolean.TRUE.equals(browser.script("""
                return [...document.querySelectorAll("[data-testid='gallery-item'] img")]
                  .every((img) => img.complete && img.naturalWidth === 64)""")));
        WebElement first = browser.byCss("[data-testid='gallery-item'][data-prompt-id='" + ids.get(8) + "']");
        JsonNode saved = history().path(ids.get(8)).path("outputs").path("9").path("images").get(0);
        String full = "view?filename=" + saved.path("filename").asText() + "&subfolder=&type=output";
        assertThat(first.findElement(org.openqa.selenium.By.cssSelector("a.download")).getDomAttribute("href")).isEqualTo(full);
        assertThat(first.findElement(org.openqa.selenium.By.cssSelector("a[target='_blank']")).getDomAttribute("href")).isEqualTo(full);
        browser.script("document.getElementById('gallery-panel').scrollIntoView()");
        browser.screenshot(IMAGES.resolve("page-gallery.png"));

        browser.byCss("#gallery-older").click();
        browser.await("the older page is shown", () -> galleryItems().equals(List.of(ids.getFirst() + settings.formatted(1))));
        assertThat(browser.byCss("#gallery-range").getText()).isEqualTo("9–9 of 9");
        browser.byCss("[data-testid='gallery-item'] button").click();
        browser.await("the job ran again", () -> outcome().equals("success"));
        browser.await("the gallery counts it", () -> browser.byCss("#gallery-range").getText().equals("9–10 of 10"));
        browser.byCss("#gallery-newer").click();
        browser.await("the newest page is shown", () -> browser.byCss("#gallery-range").getText().equals("1–8 of 10"));
        String again = galleryItems().getFirst();
        assertThat(again).endsWith(settings.formatted(1)).doesNotStartWith(ids.getFirst());
        assertThat(browser.byCss("#workflow-name").getText()).isEqualTo("From the gallery: job " + ids.getFirst().substring(0, 8));
    }

    @Test
    void aDroppedConnectionIsRetriedWithBackoffUntilTheServerIsBack() {
        int port = server.port();
        toleratedConsoleErrors.add("WebSocket connection to 'ws://127.0.0.1:" + port + "/ws?clientId=");
        server.close();
        // between attempts the state says when the next one comes
        browser.await("the page saw the connection drop", () ->
                browser.byTestId("connection-state").getText().matches("disconnected, retrying in \\d+\\.\\d s"));

        server = LiveServer.app(base, port);
        http = new Http(server.port());
        browser.await("the page connected again", () -> state("connection-state").equals("connected"));
        type("5", "width", "64");
        type("5", "height", "64");
        type("3", "steps", "2");
        browser.byTestId("run-button").click();
        browser.await("a job ran on the server that came back", () -> outcome().equals("success"));
        assertThat(history()).hasSize(1);
    }

    @Test
    void recentWorkflowsAreKeptInTheUsersSettingsAndThePageFitsAPhone() throws Exception {
        ObjectNode prompt = (ObjectNode) LiveServer.parse(Files.readString(EXAMPLES.resolve("default-text-to-image.json")));
        ((ObjectNode) prompt.get("6").get("inputs")).put("text", "kept for later");
        Path file = base.resolve("recent.json");
        Files.writeString(file, prompt.toString());
        browser.byTestId("workflow-file").sendKeys(file.toString());
        browser.await("the file's workflow is shown", () -> browser.byCss("#workflow-name").getText().equals("recent.json"));
        browser.byCss("#default-workflow").click();
        browser.await("the default workflow is shown", () -> field("6", "text").getDomProperty("value").equals(PROMPT_TEXT));

        JsonNode kept = LiveServer.parse(Files.readString(base.resolve("user/default/comfy.settings.json")));
        JsonNode newest = kept.path("Easel.RecentWorkflows").path(0);
        assertThat(newest.path("name").asText()).isEqualTo("recent.json");
        assertThat(newest.path("prompt").path("6").path("inputs").path("text").asText()).isEqualTo("kept for later");

        // another browser profile of the same user: the list comes from the server, not the browser
        browser.script("localStorage.clear(); sessionStorage.clear();");
        browser.get(server.base() + "/");
        browser.await("the page loaded again", () -> "true".equals(browser.script("return document.body.dataset.ready")));
        assertThat(browser.driver.findElements(org.openqa.selenium.By.cssSelector("#recent option")))
                .extracting(WebElement::getText).containsExactly("Recent workflows…", "recent.json");
        browser.byCss("#recent option[value='0']").click();
        browser.await("the recent workflow is shown", () -> browser.byCss("#workflow-name").getText().equals("recent.json"));
        assertThat(field("6", "text").getDomProperty("value")).isEqualTo("kept for later");

        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.await("the narrow layout is applied", () -> Boolean.TRUE.equals(browser.script("return window.innerWidth <= 390")));
        assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
    }
}
