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
}
