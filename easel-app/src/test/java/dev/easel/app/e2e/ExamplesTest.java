package dev.easel.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.testkit.WsRecorder;
import dev.easel.testkit.WsRecorder.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every workflow in {@code examples/}, unchanged, on the server {@code easel} starts on a fresh
 * base directory (the demo model only): each runs to {@code execution_success} and every image
 * its outputs list is on disk.
 */
class ExamplesTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    @TempDir
    static Path base;
    private static LiveServer server;

    @BeforeAll
    static void start() {
        server = LiveServer.app(base);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<String> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
            assertThat(names).hasSizeGreaterThanOrEqualTo(7);
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void runsOnAFreshServer(String example) throws Exception {
        String client = "examples-" + example.hashCode();
        ObjectNode prompt = (ObjectNode) LiveServer.parse(Files.readString(EXAMPLES.resolve(example)));
        String promptId;
        List<Message> messages;
        try (WsRecorder ws = WsRecorder.connect(server.port(), "clientId=" + client)) {
            ws.awaitType("status");
            promptId = server.queue(prompt, client);
            messages = ws.untilPromptEnd(promptId);
        }
        assertThat(WsRecorder.types(messages)).as(example).contains("execution_success").doesNotContain("execution_error");
        int images = 0;
        JsonNode outputs = LiveServer.parse(server.get("/history/" + promptId).body()).path(promptId).path("outputs");
        for (JsonNode output : outputs) {
            for (JsonNode image : output.path("images")) {
                Path file = base.resolve(image.path("type").asText()).resolve(image.path("subfolder").asText())
                        .resolve(image.path("filename").asText());
                assertThat(ImageIO.read(file.toFile())).as(file.toString()).isNotNull();
                images++;
            }
        }
        // SaveImageWebsocket's images come as frames, not in the history
        boolean toSocket = prompt.findValues("class_type").stream().anyMatch(t -> t.asText().equals("SaveImageWebsocket"));
        if (toSocket) images += (int) messages.stream().filter(Message.Binary.class::isInstance).count();
        assertThat(images).as(example + ": images made").isPositive();
    }
}
