package dev.easel.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.app.config.EaselSettings;
import dev.easel.app.packs.NodePacks;
import dev.easel.engine.node.ResourceLimits;
import dev.easel.server.EaselServer;
import dev.easel.server.ServerConfig;
import dev.easel.server.auth.GuessLimit;
import dev.easel.server.ws.SocketLimits;
import dev.easel.testkit.Http;
import dev.easel.testkit.WsRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static dev.easel.testkit.Http.map;
import static org.assertj.core.api.Assertions.assertThat;

/** Every limit the server enforces is a flag with a documented default, and reaches the server and the nodes. */
class LimitFlagsTest {

    @TempDir
    Path base;

    private EaselCommand parse(String... args) {
        CommandLine cmd = EaselCommand.commandLine();
        cmd.parseArgs(Stream.concat(Stream.of("--base-directory", base.toString()), Stream.of(args)).toArray(String[]::new));
        return cmd.getCommand();
    }

    private String usageError(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cmd = EaselCommand.commandLine();
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(Stream.concat(Stream.of("--base-directory", base.toString()), Stream.of(args))
                .toArray(String[]::new));
        assertThat(code).as(err.toString()).isEqualTo(2);
        return err.toString().lines().findFirst().orElse("");
    }

    @Test
    void withoutFlagsTheLimitsAreTheDefaults() {
        ServerConfig config = parse().serverConfig();
        assertThat(config.limits()).isEqualTo(ResourceLimits.defaults());
        assertThat(config.sockets()).isEqualTo(SocketLimits.defaults());
        assertThat(config.network().maxUploadBytes()).isEqualTo(100L << 20);
        assertThat(config.access().guessing().maxFailures()).isEqualTo(GuessLimit.DEFAULT_MAX_FAILURES).isEqualTo(20);
        assertThat(config.access().guessing().window()).isEqualTo(Duration.ofMinutes(1));
        assertThat(parse().settings().packEnvironment().limits()).isEqualTo(ResourceLimits.defaults());
    }

    @Test
    void eachLimitFlagSetsItsLimit() {
        EaselCommand command = parse("--max-image-pixels", "1000", "--max-temp-size-per-prompt", "1.5",
                "--max-metadata-size", "0", "--max-prompt-nodes", "10", "--max-json-depth", "16",
                "--max-reported-errors", "3", "--max-concurrent-decodes", "1", "--ws-queue-soft-limit", "1",
                "--ws-queue-limit", "2", "--ws-write-timeout", "0.5", "--ws-max-message-size", "128",
                "--ws-ping-interval", "5", "--ws-ping-timeout", "0.25", "--auth-max-failures", "7");
        ServerConfig config = command.serverConfig();
        assertThat(config.access().guessing().maxFailures()).isEqualTo(7);
        assertThat(config.limits()).isEqualTo(new ResourceLimits(1000, 1_572_864, 0, 10, 16, 3, 1));
        assertThat(config.sockets()).isEqualTo(new SocketLimits(1 << 20, 2 << 20, Duration.ofMillis(500), 128 << 10,
                Duration.ofSeconds(5), Duration.ofMillis(250)));
        // the nodes get the same pixel, temp and metadata limits as the server
        ResourceLimits nodes = command.settings().packEnvironment().limits();
        assertThat(nodes.maxImagePixels()).isEqualTo(1000);
        assertThat(nodes.maxTempBytesPerPrompt()).isEqualTo(1_572_864);
        assertThat(nodes.maxMetadataBytes()).isZero();
    }

    @Test
    void runTakesTheNodeLimits() {
        CommandLine cmd = EaselCommand.commandLine();
        CommandLine.ParseResult result = cmd.parseArgs("run", "flow.json", "--max-image-pixels", "64",
                "--max-temp-size-per-prompt", "0", "--max-metadata-size", "0.25");
        RunCommand run = result.subcommand().commandSpec().commandLine().getCommand();
        ResourceLimits limits = run.settings().packEnvironment().limits();
        assertThat(limits).isEqualTo(ResourceLimits.defaults().withMaxImagePixels(64).withMaxTempBytesPerPrompt(0)
                .withMaxMetadataBytes(262_144));
    }

    @Test
    void aLimitOutOfRangeIsAUsageErrorNamingTheFlag() {
        assertThat(usageError("--max-json-depth", "2")).isEqualTo("--max-json-depth must be at least 4, was 2");
        assertThat(usageError("--max-image-pixels", "0")).isEqualTo("--max-image-pixels must be at least 1, was 0");
        assertThat(usageError("--max-temp-size-per-prompt", "-1"))
                .isEqualTo("--max-temp-size-per-prompt must be at least 0, was -1");
        assertThat(usageError("--max-prompt-nodes", "0")).isEqualTo("--max-prompt-nodes must be at least 1, was 0");
        assertThat(usageError("--ws-queue-soft-limit", "8", "--ws-queue-limit", "4"))
                .isEqualTo("--ws-queue-limit must be at least 8, was 4");
        assertThat(usageError("--ws-max-message-size", "NaN")).isEqualTo("--ws-max-message-size must be at least 1, was NaN");
        assertThat(usageError("--ws-ping-interval", "-1")).isEqualTo("--ws-ping-interval must be at least 0, was -1");
        assertThat(usageError("--ws-ping-timeout", "0")).isEqualTo("--ws-ping-timeout must be at least 0.001, was 0");
        assertThat(usageError("--auth", "--auth-max-failures", "0")).isEqualTo("--auth-max-failures must be at least 1, was 0");
        assertThat(base.resolve("output")).doesNotExist();
    }

    @Test
    void helpListsEveryLimitFlagWithItsDefault() {
        StringWriter out = new StringWriter();
        CommandLine cmd = EaselCommand.commandLine();
        cmd.setOut(new PrintWriter(out));
        assertThat(cmd.execute("--help")).isZero();
        String help = out.toString().replaceAll("\\s+", " ");
        for (String flagAndDefault : List.of("--max-image-pixels=N Largest image decoded, in pixels, checked from its header (default: 178956970)",
                "--max-temp-size-per-prompt=MB", "(default: 2048)", "--max-metadata-size=MB", "(default: 4)",
                "--max-prompt-nodes=N", "(default: 100000)", "--max-json-depth=N", "(default: 256)",
                "--max-reported-errors=N", "--max-concurrent-decodes=N", "--ws-queue-soft-limit=MB", "(default: 8)",
                "--ws-queue-limit=MB", "(default: 64)", "--ws-write-timeout=SECONDS", "(default: 60)",
                "--ws-max-message-size=KB", "--auth-max-failures=N", "(default: 20)")) {
            assertThat(help).contains(flagAndDefault);
        }
    }

    /** The flags reach a real server: prompt size, JSON depth, client message size, and the pixel limit of LoadImage. */
    @Test
    void aServerStartedFromTheFlagsEnforcesThem() throws Exception {
        EaselCommand command = parse("--max-prompt-nodes", "2", "--max-json-depth", "8", "--ws-max-message-size", "1",
                "--max-image-pixels", "100");
        EaselSettings settings = command.settings();
        settings.folders().create();
        BufferedImage image = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(image, "png", settings.folders().input().resolve("twenty.png").toFile());
        try (EaselServer server = EaselServer.start(command.serverConfig().withPort(0),
                NodePacks.load(settings).registry())) {
            Http http = new Http(server.port());

            Http.Response tooMany = http.postJson("/prompt", map("prompt", map(
                    "1", map("class_type", "LoadImage", "inputs", map("image", "twenty.png")),
                    "2", map("class_type", "PreviewImage", "inputs", map("images", List.of("1", 0))),
                    "3", map("class_type", "PreviewImage", "inputs", map("images", List.of("1", 0))))));
            assertThat(tooMany.status()).isEqualTo(400);
            assertThat(tooMany.json().path("error").path("type").asText()).isEqualTo("prompt_too_large");

            Http.Response deep = http.post("/prompt", "{\"prompt\": [[[[[[[[[[1]]]]]]]]]]}");
            assertThat(deep.status()).isEqualTo(400);
            assertThat(deep.json().path("error").path("type").asText()).isEqualTo("invalid_json");
            assertThat(deep.json().path("error").path("details").asText()).contains("maximum allowed (8");
            Http.Response shallow = http.post("/prompt", "{\"prompt\": [[[[[[1]]]]]]}");
            assertThat(shallow.json().path("error").path("type").asText()).isEqualTo("invalid_prompt");

            try (WsRecorder ws = WsRecorder.connect(server.port(), "clientId=big")) {
                assertThat(ws.nextText().type()).isEqualTo("status");
                ws.send("{\"type\": \"feature_flags\", \"data\": {\"pad\": \"" + "x".repeat(900) + "\"}}");
                assertThat(ws.awaitType("feature_flags").data().has("max_upload_size")).isTrue();
                ws.send("{\"type\": \"feature_flags\", \"data\": {\"pad\": \"" + "x".repeat(2048) + "\"}}");
                WsRecorder.Message last = ws.until(m -> m instanceof WsRecorder.Message.Closed).getLast();
                assertThat(((WsRecorder.Message.Closed) last).code()).isEqualTo(1009);
            }

            Http.Response queued = http.postJson("/prompt", map("prompt", map(
                    "1", map("class_type", "LoadImage", "inputs", map("image", "twenty.png")),
                    "2", map("class_type", "PreviewImage", "inputs", map("images", List.of("1", 0))))));
            assertThat(queued.status()).as(queued.text()).isEqualTo(200);
            String id = queued.json().path("prompt_id").asText();
            JsonNode entry = awaitHistory(http, id);
            JsonNode error = entry.path("status").path("messages").get(2).get(1);
            assertThat(error.path("exception_message").asText()).isEqualTo(
                    "Cannot read image file twenty.png: image of 20x20 (400 pixels) exceeds the limit of 100 pixels\n");
        }
    }

    private static JsonNode awaitHistory(Http http, String id) throws InterruptedException {
        for (int i = 0; i < 3000; i++) {
            JsonNode entry = http.get("/history/" + id).json().path(id);
            if (!entry.isMissingNode()) return entry;
            Thread.sleep(10);
        }
        throw new AssertionError("prompt " + id + " never finished");
    }
}
