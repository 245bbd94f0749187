package dev.easel.engine.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContainedPathTest {
    @TempDir
    Path dir;

    private Path root() throws IOException {
        return Files.createDirectories(dir.resolve("root"));
    }

    @Test
    void aPlainNameInsideTheRootResolves() throws IOException {
        Path root = root();
        assertThat(ContainedPath.resolve(root, "sub/a.png")).contains(root.resolve("sub/a.png"));
    }

    @Test
    void dotDotLeavingTheRootIsRefused() throws IOException {
        assertThat(ContainedPath.resolve(root(), "../x.png")).isEmpty();
    }

    @Test
    void aNulInTheNameIsRefused() throws IOException {
        assertThat(ContainedPath.resolve(root(), "a\0.png")).isEmpty();
    }

    @Test
    void aDanglingLinkIsRefusedEvenThoughItsTargetDoesNotExistYet() throws IOException {
        Path root = root();
        Files.createSymbolicLink(root.resolve("evil.png"), dir.resolve("outside.png"));
        assertThat(ContainedPath.resolve(root, "evil.png")).isEmpty();
    }

    @Test
    void aDanglingLinkedFolderIsRefused() throws IOException {
        Path root = root();
        Files.createSymbolicLink(root.resolve("sub"), dir.resolve("gone"));
        assertThat(ContainedPath.resolve(root, "sub/a.png")).isEmpty();
    }

    @Test
    void aLinkedFolderLeavingTheRootIsRefused() throws IOException {
        Path root = root();
        Files.createSymbolicLink(root.resolve("sub"), Files.createDirectories(dir.resolve("elsewhere")));
        assertThat(ContainedPath.resolve(root, "sub/a.png")).isEmpty();
    }

    @Test
    void aLinkedFolderStayingInsideTheRootResolves() throws IOException {
        Path root = root();
        Files.createDirectories(root.resolve("real"));
        Files.createSymbolicLink(root.resolve("alias"), root.resolve("real"));
        assertThat(ContainedPath.resolve(root, "alias/a.png")).contains(root.resolve("alias/a.png"));
    }

    @Test
    void writingNeverFollowsALink() throws IOException {
        Path root = root();
        Path outside = Files.writeString(dir.resolve("outside.txt"), "kept");
        Path link = Files.createSymbolicLink(root.resolve("x.txt"), outside);
        assertThatThrownBy(() -> ContainedPath.write(link, "changed".getBytes())).isInstanceOf(IOException.class);
        assertThat(Files.readString(outside)).isEqualTo("kept");
    }
}
