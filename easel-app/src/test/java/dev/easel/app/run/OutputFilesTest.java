package dev.easel.app.run;

import dev.easel.app.config.Folders;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OutputFilesTest {
    private final Folders folders = Folders.under(Path.of("/srv/easel"));

    record Saved(String filename, String subfolder, String type) {}

    @Test
    void eachTypeResolvesIntoItsFolder() {
        Map<String, List<Object>> ui = Map.of("images", List.of(
                Map.of("filename", "ComfyUI_00001_.png", "subfolder", "", "type", "output"),
                Map.of("filename", "ComfyUI_temp_abcde_00001_.png", "subfolder", "", "type", "temp"),
                Map.of("filename", "photo.png", "subfolder", "uploads", "type", "input")));
        assertThat(OutputFiles.of(ui, folders)).containsExactly(
                Path.of("/srv/easel/output/ComfyUI_00001_.png"),
                Path.of("/srv/easel/temp/ComfyUI_temp_abcde_00001_.png"),
                Path.of("/srv/easel/input/uploads/photo.png"));
    }

    @Test
    void recordsAndOtherFileKeysCountToo() {
        Map<String, List<Object>> ui = Map.of("audio", List.of(new Saved("a.flac", "sound", "output")),
                "text", List.of("not a file"));
        assertThat(OutputFiles.of(ui, folders)).containsExactly(Path.of("/srv/easel/output/sound/a.flac"));
    }

    @Test
    void entriesWithoutAFilenameAreSkipped() {
        Map<String, List<Object>> ui = Map.of("images", List.of(Map.of("subfolder", "x"), "oops", List.of(true)));
        assertThat(OutputFiles.of(ui, folders)).isEmpty();
    }
}
