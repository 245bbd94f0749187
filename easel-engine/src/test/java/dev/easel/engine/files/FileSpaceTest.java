package dev.easel.engine.files;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileSpaceTest {
    private final FileSpace shared = FileSpace.under(Path.of("base"));

    @Test
    void aUsersSpaceIsAFolderNamedAfterThemInEachSharedFolder() {
        FileSpace alice = shared.of("alice");
        assertThat(alice.owner()).isEqualTo("alice");
        assertThat(alice.isShared()).isFalse();
        assertThat(alice.output()).isEqualTo(Path.of("base", "output", "alice").toAbsolutePath());
        assertThat(alice.root("input")).contains(Path.of("base", "input", "alice").toAbsolutePath());
        assertThat(alice.root("temp")).contains(Path.of("base", "temp", "alice").toAbsolutePath());
        assertThat(alice.root("models")).isEmpty();
        assertThat(shared.root("output")).contains(Path.of("base", "output").toAbsolutePath());
    }

    @Test
    void anOwnerIsOnePlainPathSegment() {
        for (String name : new String[] {"..", ".", "a/b", "a\\b", "", "a b", "x".repeat(65)}) {
            assertThatThrownBy(() -> shared.of(name)).as(name).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(shared.of("_build-01").owner()).isEqualTo("_build-01");
    }

    @Test
    void onlyTheSharedSpaceHasUsers() {
        assertThatThrownBy(() -> shared.of("alice").of("bob")).isInstanceOf(IllegalStateException.class);
    }
}
