package dev.easel.nodes.io;

import dev.easel.nodes.NodeCalls;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.files.FileSpace;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.PackEnvironment;
import dev.easel.tensor.Tensor;
import dev.easel.tensor.image.ImageTensors;
import dev.easel.tensor.png.PngEncoder;
import dev.easel.tensor.png.PngTextReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SaveImageTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);

    @TempDir
    Path base;

    private NodeResult run(NodeDefinition node, Object... pairs) throws Exception {
        return NodeCalls.runIn(FileSpace.under(base), node, pairs);
    }

    private PackEnvironment env(boolean metadataDisabled) {
        PackEnvironment d = PackEnvironment.under(base);
        return new PackEnvironment(d.baseDir(), d.outputDir(), d.inputDir(), d.tempDir(), metadataDisabled,
                d.previewMethod(), d.previewSize(), d.modelFolders());
    }

    private static Tensor twoPixels() {
        return Tensor.of(new float[] {0.25f, 0.5f, 0.3f, 0.1f, 0.6666667f, 1f}, 1, 1, 2, 3);
    }

    private static ObjectNode prompt() throws Exception {
        return (ObjectNode) new ObjectMapper().readTree("{\"1\":{\"class_type\":\"EmptyImage\",\"inputs\":{\"width\":2,\"scale\":1.5}}}");
    }

    static List<Object> filenames(NodeResult result) {
        return result.ui().get("images").stream().map(e -> ((Map<?, ?>) e).get("filename")).map(Object.class::cast).toList();
    }

    @Test
    void writesTruncatedPixelValuesAndReportsTheFile() throws Exception {
        Tensor image = twoPixels();
        NodeResult result = run(new SaveImage(env(false), CLOCK), "images", image, "filename_prefix", "ComfyUI");
        assertThat(result.outputs()).containsExactly(image);
        assertThat(result.ui()).containsOnlyKeys("images");
        assertThat(result.ui().get("images")).containsExactly(
                Map.of("filename", "ComfyUI_00001_.png", "subfolder", "", "type", "output"));
        BufferedImage png = ImageIO.read(base.resolve("output/ComfyUI_00001_.png").toFile());
        assertThat(png.getRGB(0, 0) & 0xFFFFFF).isEqualTo(63 << 16 | 127 << 8 | 76);
        assertThat(png.getRGB(1, 0) & 0xFFFFFF).isEqualTo(25 << 16 | 170 << 8 | 255);
    }

    @Test
    void embedsPromptAndExtraPngInfoAsPythonJson() throws Exception {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("workflow", Map.of("nodes", List.of(1, 2)));
        run(new SaveImage(env(false), CLOCK), "images", twoPixels(), "filename_prefix", "meta",
                "prompt", prompt(), "extra_pnginfo", extra);
        byte[] file = Files.readAllBytes(base.resolve("output/meta_00001_.png"));
        assertThat(PngTextReader.read(file)).containsExactly(
                Map.entry("prompt", "{\"1\": {\"class_type\": \"EmptyImage\", \"inputs\": {\"width\": 2, \"scale\": 1.5}}}"),
                Map.entry("workflow", "{\"nodes\": [1, 2]}"));
    }

    @Test
    void savedBytesAreThoseOfTheLevelFourEncoder() throws Exception {
        run(new SaveImage(env(false), CLOCK), "images", twoPixels(), "filename_prefix", "exact", "prompt", prompt());
        byte[] expected = new PngEncoder(4).encode(ImageTensors.toPixels(twoPixels(), 0),
                Map.of("prompt", PythonJson.dumps(prompt())));
        assertThat(Files.readAllBytes(base.resolve("output/exact_00001_.png"))).isEqualTo(expected);
    }

    @Test
    void writesNoTextWhenMetadataIsDisabled() throws Exception {
        run(new SaveImage(env(true), CLOCK), "images", twoPixels(), "filename_prefix", "plain",
                "prompt", prompt(), "extra_pnginfo", Map.of("workflow", Map.of()));
        assertThat(PngTextReader.read(Files.readAllBytes(base.resolve("output/plain_00001_.png")))).isEmpty();
    }

    @Test
    void counterContinuesAfterTheHighestExistingNumberOfThatPrefix() throws Exception {
        Path out = Files.createDirectories(base.resolve("output"));
        Files.write(out.resolve("ComfyUI_00003_.png"), new byte[0]);
        Files.write(out.resolve("ComfyUI_00007_.png"), new byte[0]);
        Files.write(out.resolve("ComfyUI_notes.txt"), new byte[0]);
        Files.write(out.resolve("Other_00042_.png"), new byte[0]);
        Files.write(out.resolve("ComfyUIx_00099_.png"), new byte[0]);
        NodeResult result = run(new SaveImage(env(false), CLOCK), "images", Tensor.zeros(2, 1, 1, 3), "filename_prefix", "ComfyUI");
        assertThat(filenames(result))
                .containsExactly("ComfyUI_00008_.png", "ComfyUI_00009_.png");
        assertThat(out.resolve("ComfyUI_00009_.png")).exists();
    }

    @Test
    void laterSavesContinueTheCounterAndSkipNumbersWrittenMeanwhile() throws Exception {
        SaveImage node = new SaveImage(env(false), CLOCK);
        assertThat(filenames(run(node, "images", Tensor.zeros(2, 1, 1, 3), "filename_prefix", "again")))
                .containsExactly("again_00001_.png", "again_00002_.png");
        assertThat(filenames(run(node, "images", Tensor.zeros(1, 1, 1, 3), "filename_prefix", "again")))
                .containsExactly("again_00003_.png");
        Files.write(base.resolve("output/again_00004_.png"), new byte[0]);
        Files.write(base.resolve("output/again_00010_.png"), new byte[0]);
        assertThat(filenames(run(node, "images", Tensor.zeros(1, 1, 1, 3), "filename_prefix", "again")))
                .containsExactly("again_00011_.png");
    }

    @Test
    void prefixMayNameASubfolderAndUseVariables() throws Exception {
        NodeResult result = run(new SaveImage(env(false), CLOCK), "images", Tensor.zeros(1, 3, 5, 3),
                "filename_prefix", "runs/%year%-%month%-%day%/img_%width%x%height%_%hour%%minute%%second%");
        assertThat(result.ui().get("images")).containsExactly(Map.of(
                "filename", "img_5x3_050607_00001_.png", "subfolder", "runs/2026-03-04", "type", "output"));
        assertThat(base.resolve("output/runs/2026-03-04/img_5x3_050607_00001_.png")).exists();
    }

    @Test
    void squareBracketsInPrefixesAreKept() throws Exception {
        NodeResult result = run(new SaveImage(env(false), CLOCK), "images", Tensor.zeros(1, 1, 1, 3), "filename_prefix", "[draft] cat");
        assertThat(filenames(result)).containsExactly("[draft] cat_00001_.png");
    }

    @Test
    void batchNumberVariableNamesEachImage() throws Exception {
        NodeResult result = run(new SaveImage(env(false), CLOCK), "images", Tensor.zeros(2, 1, 1, 3), "filename_prefix", "b%batch_num%");
        assertThat(filenames(result))
                .containsExactly("b0_00001_.png", "b1_00002_.png");
    }

    @Test
    void prefixLeavingTheOutputFolderIsAnError() {
        assertThatThrownBy(() -> run(new SaveImage(env(false), CLOCK), "images", twoPixels(), "filename_prefix", "../escape"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Saving image outside the output folder is not allowed");
        assertThat(base.resolve("escape_00001_.png")).doesNotExist();
    }

    @Test
    void rgbaImagesKeepAlpha() throws Exception {
        run(new SaveImage(env(false), CLOCK), "images", Tensor.of(new float[] {1f, 0f, 0f, 0.5f}, 1, 1, 1, 4), "filename_prefix", "a");
        BufferedImage png = ImageIO.read(base.resolve("output/a_00001_.png").toFile());
        assertThat(png.getRGB(0, 0) >>> 24).isEqualTo(127);
    }

    @Test
    void schemaMatchesComfyUi() {
        var schema = new SaveImage(env(false), CLOCK).schema();
        assertThat(schema.classType()).isEqualTo("SaveImage");
        assertThat(schema.displayName()).isEqualTo("Save Image");
        assertThat(schema.category()).isEqualTo("image");
        assertThat(schema.pythonModule()).isEqualTo("nodes");
        assertThat(schema.outputNode()).isTrue();
        assertThat(schema.outputs()).extracting(o -> o.type() + ":" + o.name()).containsExactly("IMAGE:images");
        assertThat(schema.input("filename_prefix").orElseThrow().options()).containsEntry("default", "ComfyUI");
        assertThat(schema.inputs()).extracting(i -> i.section().wireName() + ":" + i.name() + ":" + i.type())
                .containsExactly("required:images:IMAGE", "required:filename_prefix:STRING",
                        "hidden:prompt:PROMPT", "hidden:extra_pnginfo:EXTRA_PNGINFO");
    }
}
