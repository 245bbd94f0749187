package dev.easel.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RunCommandTest {

    @TempDir
    Path base;

    @Test
    void easelRunCreatesTheFoldersRunsTheWorkflowAndExitsZero() throws Exception {
        Path workflow = Files.writeString(base.resolve("flow.json"), """
                {"1": {"class_type": "AppTestCounter", "inputs": {"steps": 3}},
                 "2": {"class_type": "AppTestWriteText", "inputs": {"text": ["1", 0], "name": "cli"}}}
                """);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = EaselCommand.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));

        int code = cmd.execute("run", workflow.toString(), "--base-directory", base.toString(),
                "--output-directory", base.resolve("results").toString());

        Path written = base.toAbsolutePath().normalize().resolve("results/texts/cli.txt");
        assertThat(code).isZero();
        assertThat(written).hasContent("counted 3");
        assertThat(out.toString()).isEqualTo("#2 AppTestWriteText wrote " + written + System.lineSeparator());
        assertThat(err.toString()).contains("#1 AppTestCounter [##########] 3/3");
        assertThat(base.resolve("input")).isDirectory();
        assertThat(base.resolve("temp")).isDirectory();
        assertThat(base.resolve("user")).isDirectory();
    }

    @Test
    void aMissingWorkflowFileFailsWithOneLine() {
        StringWriter err = new StringWriter();
        CommandLine cmd = EaselCommand.commandLine();
        cmd.setErr(new PrintWriter(err, true));

        int code = cmd.execute("run", base.resolve("nope.json").toString(), "--base-directory", base.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("easel: cannot read workflow ").contains("nope.json");
    }

    @Test
    void easelRunSavesAPngWithTheBuiltInNodes() throws Exception {
        Path workflow = Files.writeString(base.resolve("stub.json"), """
                {"1": {"class_type": "StubImage", "inputs": {"content": "WHITE", "height": 8, "width": 8, "batch_size": 1}},
                 "9": {"class_type": "SaveImage", "inputs": {"images": ["1", 0], "filename_prefix": "stub"}}}
                """);
        StringWriter out = new StringWriter();
        CommandLine cmd = EaselCommand.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(new StringWriter(), true));

        int code = cmd.execute("run", workflow.toString(), "--base-directory", base.toString(), "--enable-test-nodes");

        Path png = base.toAbsolutePath().normalize().resolve("output/stub_00001_.png");
        assertThat(code).isZero();
        assertThat(out.toString()).isEqualTo("#9 SaveImage wrote " + png + System.lineSeparator());
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(8);
        assertThat(image.getRGB(3, 3) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }
    @Test
    void flagsBeforeRunAreAUsageErrorRatherThanIgnored() {
        StringWriter err = new StringWriter();
        CommandLine cmd = EaselCommand.commandLine();
        cmd.setErr(new PrintWriter(err, true));

        int code = cmd.execute("--base-directory", base.toString(), "--preview-method", "auto", "run", "flow.json");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("flags go after 'run' (easel run [FLAGS] WORKFLOW.json); "
                + "--base-directory, --preview-method came before it");
        assertThat(base.resolve("output")).doesNotExist();
    }
}
