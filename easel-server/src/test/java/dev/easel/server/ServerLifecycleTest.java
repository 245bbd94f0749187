package dev.easel.server;

import dev.easel.testkit.Http;
import dev.easel.server.store.JobStoreUnavailable;
import dev.easel.server.testkit.TestNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class ServerLifecycleTest {
    @TempDir
    Path dir;

    @Test
    void startCreatesTheDirectoriesAndCloseFreesThePort() {
        ServerConfig config = ServerConfig.defaults(dir).withPort(0);
        int port;
        try (EaselServer server = EaselServer.start(config, TestNodes.registry())) {
            port = server.port();
            assertThat(port).isPositive();
            assertThat(new Http(port).get("/prompt").status()).isEqualTo(200);
            assertThat(Files.isDirectory(config.folders().output())).isTrue();
            assertThat(Files.isDirectory(config.folders().input())).isTrue();
            assertThat(Files.isDirectory(config.folders().temp())).isTrue();
        }
        try (EaselServer again = EaselServer.start(config.withPort(port), TestNodes.registry())) {
            assertThat(again.port()).isEqualTo(port);
        }
    }

    @Test
    void aTakenPortFailsWithTheBindErrorInTheCauseChain() {
        try (EaselServer first = EaselServer.start(ServerConfig.defaults(dir).withPort(0), TestNodes.registry())) {
            Throwable failure = catchThrowable(() ->
                    EaselServer.start(ServerConfig.defaults(dir.resolve("second")).withPort(first.port()), TestNodes.registry()).close());
            assertThat(failure).isNotNull();
            boolean bind = false;
            for (Throwable t = failure; t != null; t = t.getCause()) bind |= t instanceof BindException;
            assertThat(bind).as(String.valueOf(failure)).isTrue();
        }
    }

    @Test
    void aSecondServerOnTheSameBaseDirectoryIsRefusedByTheJobStore() {
        try (EaselServer first = EaselServer.start(ServerConfig.defaults(dir).withPort(0), TestNodes.registry())) {
            assertThatThrownBy(() -> EaselServer.start(ServerConfig.defaults(dir).withPort(0), TestNodes.registry()).close())
                    .isInstanceOf(JobStoreUnavailable.class).hasMessageContaining("another Easel server is using it");
            assertThat(new Http(first.port()).get("/prompt").status()).isEqualTo(200);
        }
    }
}
