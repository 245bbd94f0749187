package dev.easel.app.serve;

import dev.easel.app.cli.EaselCommand;
import dev.easel.engine.node.NodeRegistry;
import dev.easel.server.EaselServer;
import dev.easel.server.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ServerStartTest {

    @TempDir
    Path base;

    @Test
    void startsOnTheConfiguredAddressAndAnswersHttp() throws Exception {
        ServerConfig config = ServerConfig.defaults(base).withPort(0);
        Optional<EaselServer> started = ServerLauncher.start(config, NodeRegistry.of(List.of()));
        assertThat(started).isPresent();
        try (EaselServer server = started.get()) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/system_stats")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aTakenPortMeansNoServer() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            ServerConfig config = ServerConfig.defaults(base).withPort(taken.getLocalPort());
            assertThat(ServerLauncher.start(config, NodeRegistry.of(List.of()))).isEmpty();
        }
    }

    @Test
    void easelExitsOneWhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            CommandLine cmd = EaselCommand.commandLine();
            cmd.setErr(new PrintWriter(new StringWriter(), true));
            int code = cmd.execute("--base-directory", base.toString(), "--port", String.valueOf(taken.getLocalPort()));
            assertThat(code).isEqualTo(1);
            // the folders were created before the bind was tried, as ComfyUI does
            assertThat(base.resolve("output")).isDirectory();
        }
    }

    @Test
    void authWithoutUsersExitsOneSayingHowToAddOne() {
        try (dev.easel.testkit.LogCapture log = dev.easel.testkit.LogCapture.of(ServerLauncher.class.getName())) {
            CommandLine cmd = EaselCommand.commandLine();
            cmd.setErr(new PrintWriter(new StringWriter(), true));
            int code = cmd.execute("--base-directory", base.toString(), "--port", "0", "--auth");
            assertThat(code).isEqualTo(1);
            assertThat(log.lines()).singleElement().satisfies(line -> {
                assertThat(line.message()).startsWith("The server could not start. --auth needs at least one user")
                        .contains("run 'easel users add NAME --admin'");
                assertThat(line.cause()).isEmpty();
            });
        }
    }

    /** As ComfyUI: --temp-directory DIR makes DIR/temp, and start-up empties that folder only. */
    @Test
    void startUpEmptiesTheTempFolderInsideTheTempDirectoryAndNothingBeside() throws Exception {
        Path parent = Files.createDirectories(base.resolve("scratch"));
        Path beside = Files.writeString(parent.resolve("notes.txt"), "not Easel's");
        Path leftover = Files.createDirectories(parent.resolve("temp/sub")).resolve("ComfyUI_temp_00001_.png");
        Files.write(leftover, new byte[100]);
        CommandLine cmd = EaselCommand.commandLine();
        cmd.parseArgs("--base-directory", base.toString(), "--temp-directory", parent.toString());
        ServerConfig config = ((EaselCommand) cmd.getCommand()).serverConfig().withPort(0);
        assertThat(config.folders().temp()).isEqualTo(parent.resolve("temp"));
        try (EaselServer server = ServerLauncher.start(config, NodeRegistry.of(List.of())).orElseThrow()) {
            assertThat(parent.resolve("temp")).isEmptyDirectory();
            assertThat(Files.readString(beside)).isEqualTo("not Easel's");
        }
    }
}
