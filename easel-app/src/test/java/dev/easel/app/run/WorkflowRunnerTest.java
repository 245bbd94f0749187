package dev.easel.app.run;

import dev.easel.app.config.EaselSettings;
import dev.easel.app.config.Folders;
import dev.easel.app.config.PreviewMethod;
import dev.easel.app.packs.NodePacks;
import dev.easel.engine.cache.CachePolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkflowRunnerTest {

    @TempDir
    Path base;

    private EaselSettings settings;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() {
        settings = EaselSettings.of(Folders.under(base), List.of(), false, CachePolicy.classic(), PreviewMethod.NONE,
                512, false, dev.easel.engine.node.ResourceLimits.defaults());
        settings.folders().create();
    }

    private int run(String workflowJson) throws Exception {
        Path file = Files.writeString(base.resolve("workflow.json"), workflowJson);
        WorkflowRunner runner = new WorkflowRunner(NodePacks.load(settings).registry(), settings,
                new PrintWriter(out, true), new PrintWriter(err, true), false);
        return runner.run(file);
    }

    private static final String COUNT_AND_WRITE = """
            {"1": {"class_type": "AppTestCounter", "inputs": {"steps": 4}},
             "2": {"class_type": "AppTestWriteText", "inputs": {"text": ["1", 0], "name": "hello"}}}
            """;

    @Test
    void aSuccessfulRunExitsZeroAndPrintsTheFilesItWrote() throws Exception {
        int code = run(COUNT_AND_WRITE);

        Path written = base.toAbsolutePath().normalize().resolve("output/texts/hello.txt");
        assertThat(code).isZero();
        assertThat(written).hasContent("counted 4");
        assertThat(out.toString()).isEqualTo("#2 AppTestWriteText wrote " + written + System.lineSeparator());
    }

    @Test
    void progressIsDrawnPerNodeWithItsIdTypeAndCount() throws Exception {
        run(COUNT_AND_WRITE);

        List<String> lines = err.toString().lines().toList();
        assertThat(lines).filteredOn(l -> l.startsWith("#1 AppTestCounter [") && !l.endsWith("] 1/4"))
                .hasSize(3).allMatch(l -> l.matches(".* \\d+\\.\\d\\d (it/s|s/it), \\d+\\.\\d s left"));
        assertThat(lines.stream().map(l -> l.replaceAll(" \\d+\\.\\d\\d (it/s|s/it), \\d+\\.\\d s left$", ""))).containsSubsequence(
                "Running #1 AppTestCounter",
                "#1 AppTestCounter [##--------] 1/4",
                "#1 AppTestCounter [#####-----] 2/4",
                "#1 AppTestCounter [#######---] 3/4",
                "#1 AppTestCounter [##########] 4/4",
                "Running #2 AppTestWriteText");
    }

    @Test
    void theBodyOfAPromptRequestIsAcceptedToo() throws Exception {
        int code = run("{\"prompt\": " + COUNT_AND_WRITE + ", \"extra_data\": {\"extra_pnginfo\": {\"k\": 1}}}");

        assertThat(code).isZero();
        assertThat(base.resolve("output/texts/hello.txt")).hasContent("counted 4");
    }

    @Test
    void validationErrorsArePrintedPerNodeAndExitOne() throws Exception {
        int code = run("""
                {"2": {"class_type": "AppTestWriteText", "inputs": {"name": "x"}}}
                """);

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().lines().toList()).containsSubsequence(
                "Prompt rejected: Prompt outputs failed validation",
                "* node #2 (AppTestWriteText):",
                "  - Required input is missing: text",
                "  outputs affected: 2");
        assertThat(out.toString()).isEmpty();
        assertThat(base.resolve("output/texts")).doesNotExist();
    }

    @Test
    void aPromptWithoutOutputNodesIsRejected() throws Exception {
        int code = run("""
                {"1": {"class_type": "AppTestCounter", "inputs": {"steps": 2}}}
                """);

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("Prompt rejected: Prompt has no outputs");
    }

    @Test
    void aFailingNodeIsReportedWithItsTypeAndReasonAndExitsOne() throws Exception {
        int code = run("""
                {"1": {"class_type": "AppTestBoom", "inputs": {"text": "x"}},
                 "2": {"class_type": "AppTestWriteText", "inputs": {"text": ["1", 0], "name": "never"}}}
                """);

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("Failed at #1 AppTestBoom: ValueError: boom: x");
        assertThat(out.toString()).isEmpty();
        assertThat(base.resolve("output/texts/never.txt")).doesNotExist();
    }

    @Test
    void aUiFormatWorkflowIsRefusedWithAHint() throws Exception {
        assertThatThrownBy(() -> run("{\"nodes\": [], \"links\": []}"))
                .hasMessageContaining("is a UI-format workflow").hasMessageContaining("export it in API format");
    }

    @Test
    void invalidJsonIsRefusedNamingTheFile() throws Exception {
        assertThatThrownBy(() -> run("{\"1\": ")).hasMessageContaining("workflow.json is not valid JSON");
    }

    @Test
    void anUnknownNodeTypeIsRejectedNamingIt() throws Exception {
        int code = run("""
                {"1": {"class_type": "NoSuchNode", "inputs": {}}}
                """);

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("Prompt rejected: ").contains("NoSuchNode").doesNotContain(".:");
    }

    @Test
    void imagesSentOverTheSocketAreWrittenToTheOutputFolderAndListed() throws Exception {
        int code = run("""
                {"1": {"class_type": "EmptyImage", "inputs": {"width": 3, "height": 2, "batch_size": 2, "color": 16711935}},
                 "2": {"class_type": "SaveImageWebsocket", "inputs": {"images": ["1", 0]}}}
                """);

        Path output = base.toAbsolutePath().normalize().resolve("output");
        Path first = output.resolve("SaveImageWebsocket_00001_.png"), second = output.resolve("SaveImageWebsocket_00002_.png");
        assertThat(code).isZero();
        assertThat(out.toString().lines()).containsExactly("#2 SaveImageWebsocket wrote " + first,
                "#2 SaveImageWebsocket wrote " + second);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(second.toFile());
        assertThat(image.getWidth()).isEqualTo(3);
        assertThat(image.getHeight()).isEqualTo(2);
        assertThat(image.getRGB(2, 1) & 0xFFFFFF).isEqualTo(0xFF00FF);
    }

    @Test
    void theDefaultWorkflowRunsOnTheDemoModelAndSavesItsImage() throws Exception {
        dev.easel.app.config.DemoModelInstall.ensure(settings.folders());
        String workflow = Files.readString(Path.of("..", "examples", "default-text-to-image.json"))
                .replace("\"width\": 512, \"height\": 512", "\"width\": 128, \"height\": 128")
                .replace("\"steps\": 20", "\"steps\": 4");
        int code = run(workflow);

        Path image = base.toAbsolutePath().normalize().resolve("output/ComfyUI_00001_.png");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("#9 SaveImage wrote " + image + System.lineSeparator());
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(image.toFile());
        assertThat(png.getWidth()).isEqualTo(128);
        assertThat(png.getHeight()).isEqualTo(128);
        assertThat(err.toString()).contains("#3 KSampler [##########] 4/4");
    }
}
