package dev.easel.server.files;

import dev.easel.testkit.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Emptying temp/ removes what is inside it and nothing a link inside it points at. */
class TempFolderTest {
    @TempDir
    Path dir;

    private static long entries(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.count() - 1;
        }
    }

    @Test
    void filesAndFoldersInsideAreRemovedAndTheFolderStays() throws IOException {
        Path temp = Files.createDirectories(dir.resolve("temp/a/b"));
        Files.write(temp.resolve("deep.png"), new byte[10]);
        Files.write(dir.resolve("temp/top.png"), new byte[10]);
        try (LogCapture log = LogCapture.of("dev.easel.server.files")) {
            assertThat(TempFolder.empty(dir.resolve("temp"))).isEqualTo(4);
            assertThat(log.messages()).containsExactly(
                    "emptied the temp folder " + dir.resolve("temp") + " (4 entries left by an earlier run)");
        }
        assertThat(dir.resolve("temp")).isDirectory();
        assertThat(entries(dir.resolve("temp"))).isZero();
    }

    @Test
    void linksInsideAreRemovedAndTheirTargetsKept() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside/nested"));
        Files.writeString(outside.resolve("precious.txt"), "kept");
        Path file = Files.writeString(dir.resolve("outside/file.txt"), "kept too");
        Path temp = Files.createDirectories(dir.resolve("temp"));
        Files.createSymbolicLink(temp.resolve("folder-link"), dir.resolve("outside"));
        Files.createSymbolicLink(temp.resolve("file-link"), file);
        Files.createSymbolicLink(temp.resolve("dangling"), dir.resolve("nowhere"));
        Path sub = Files.createDirectories(temp.resolve("sub"));
        Files.createSymbolicLink(sub.resolve("up"), dir);

        assertThat(TempFolder.empty(temp)).isEqualTo(5);

        assertThat(entries(temp)).isZero();
        assertThat(Files.readString(outside.resolve("precious.txt"))).isEqualTo("kept");
        assertThat(Files.readString(file)).isEqualTo("kept too");
        assertThat(entries(dir.resolve("outside"))).isEqualTo(3);
    }

    @Test
    void aTempFolderThatIsALinkIsLeftAloneWithAWarning() throws IOException {
        Path target = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(target.resolve("someone-elses.txt"), "kept");
        Path temp = Files.createSymbolicLink(dir.resolve("temp"), target);
        try (LogCapture log = LogCapture.of("dev.easel.server.files")) {
            assertThat(TempFolder.empty(temp)).isZero();
            assertThat(log.messages()).containsExactly("the temp folder " + temp
                    + " is a link; it is not emptied, so files left there by earlier runs stay");
        }
        assertThat(Files.readString(target.resolve("someone-elses.txt"))).isEqualTo("kept");
    }

    @Test
    void aMissingFolderIsNothingToDo() {
        assertThat(TempFolder.empty(dir.resolve("absent"))).isZero();
        assertThat(dir.resolve("absent")).doesNotExist();
    }
}
