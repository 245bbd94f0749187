package dev.easel.app.serve;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.BindException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServerLauncherTest {

    @Test
    void guiUrlsAreOnePerAddressWithIpv6InBrackets() {
        assertThat(ServerLauncher.guiUrls(List.of("127.0.0.1"), 8188)).containsExactly("http://127.0.0.1:8188");
        assertThat(ServerLauncher.guiUrls(List.of("0.0.0.0", "::"), 9000))
                .containsExactly("http://0.0.0.0:9000", "http://[::]:9000");
    }

    @Test
    void aBindExceptionAnywhereInTheCausesMeansThePortIsTaken() {
        RuntimeException wrapped = new IllegalStateException("start failed",
                new UncheckedIOException(new java.io.IOException("failed to bind", new BindException("Address already in use"))));
        assertThat(ServerLauncher.isBindFailure(wrapped)).isTrue();
        assertThat(ServerLauncher.isBindFailure(new IllegalStateException("something else"))).isFalse();
    }
}
