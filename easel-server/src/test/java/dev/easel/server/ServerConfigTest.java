package dev.easel.server;

import dev.easel.server.auth.GuessLimit;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ServerConfigTest {
    private final Path base = Path.of("/srv/easel");

    @Test
    void defaultsPutEveryFolderUnderTheBaseAndListenOnLoopback() {
        ServerConfig config = ServerConfig.defaults(base);
        assertThat(config.folders().written()).containsExactly(base.resolve("output"), base.resolve("input"),
                base.resolve("temp"), base.resolve("user"));
        assertThat(config.network()).isEqualTo(new Network(List.of("127.0.0.1"), 8188, Optional.empty(), 100.0));
        assertThat(config.network().maxUploadBytes()).isEqualTo(100L << 20);
        assertThat(config.access().multiUser()).isFalse();
        assertThat(config.access().auth()).isFalse();
        assertThat(config.images()).isEqualTo(new ImageSettings(false, "none", 512));
    }

    @Test
    void aModelFolderNotListedIsUnderModelsAndCustomNodesBesideIt() {
        ServerFolders folders = ServerFolders.under(base)
                .withModelFolders(Map.of("loras", List.of(Path.of("/a"), Path.of("/b"))));
        assertThat(folders.modelPaths("checkpoints")).containsExactly(base.resolve("models/checkpoints"));
        assertThat(folders.modelPaths("custom_nodes")).containsExactly(base.resolve("custom_nodes"));
        assertThat(folders.modelPaths("loras")).containsExactly(Path.of("/a"), Path.of("/b"));
    }

    @Test
    void withChangesOnePartAndKeepsTheRest() {
        GuessLimit three = GuessLimit.of(3);
        ServerConfig config = ServerConfig.defaults(base).withPort(0).withAuth(true).withGuessing(three).withMultiUser(true);
        assertThat(config.network().port()).isZero();
        assertThat(config.network().listen()).containsExactly("127.0.0.1");
        assertThat(config.access()).isEqualTo(new Access(true, true, three));
        assertThat(config.folders()).isEqualTo(ServerFolders.under(base));
    }
}
