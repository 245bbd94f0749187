package dev.easel.nodes.io;

import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.files.FileSpace;
import dev.easel.engine.node.CustomValidation;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.PackEnvironment;
import dev.easel.nodes.NodeCalls;
import dev.easel.tensor.Tensor;
import dev.easel.tensor.image.Pixels8;
import dev.easel.tensor.png.PngEncoder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadImageTest {
    @TempDir
    Path base;

    private NodeResult run(NodeDefinition node, Object... pairs) throws Exception {
        return NodeCalls.runIn(FileSpace.under(base), node, pairs);
    }
    PackEnvironment env;

    @BeforeEach
    void folders() throws Exception {
        env = PackEnvironment.under(base);
        Files.createDirectories(env.inputDir());
        Files.createDirectories(env.outputDir());
        // 2x1 RGBA: opaque red, half-transparent green
        Files.write(env.inputDir().resolve("rgba.png"), new PngEncoder(4).encode(
                new Pixels8(2, 1, 4, new byte[] {(byte) 255, 0, 0, (byte) 255, 0, (byte) 255, 0, (byte) 128})));
        Files.write(env.inputDir().resolve("b.png"), new PngEncoder(4).encode(new Pixels8(1, 1, 3, new byte[] {10, 20, 30})));
        Files.write(env.inputDir().resolve("notes.txt"), "not an image".getBytes());
        Files.write(env.outputDir().resolve("out.png"), new PngEncoder(1).encode(new Pixels8(1, 1, 3, new byte[] {1, 2, 3})));
        Files.write(base.resolve("secret.png"), new PngEncoder(1).encode(new Pixels8(1, 1, 3, new byte[3])));
    }

    @Test
    void listsImageFilesOfTheInputFolderSortedWithUploadOption() {
        var input = new LoadImage(env).schema().in(env.files()).input("image").orElseThrow();
        assertThat(input.choiceList()).containsExactly("b.png", "rgba.png");
        assertThat(input.options()).containsExactly(Map.entry("image_upload", true));
    }

    @Test
    void listingIsComputedOnEveryCall() throws Exception {
        var input = new LoadImage(env).schema().in(env.files()).input("image").orElseThrow();
        Files.write(env.inputDir().resolve("a.jpg"), new byte[] {1});
        assertThat(input.choiceList()).containsExactly("a.jpg", "b.png", "rgba.png");
    }

    @Test
    void loadsColourAndMaskFromAlpha() throws Exception {
        NodeResult result = run(new LoadImage(env), "image", "rgba.png");
        Tensor image = (Tensor) result.outputs().get(0);
        Tensor mask = (Tensor) result.outputs().get(1);
        assertThat(image.shape()).containsExactly(1, 1, 2, 3);
        assertThat(image.data()).containsExactly(1f, 0f, 0f, 0f, 1f, 0f);
        assertThat(mask.shape()).containsExactly(1, 1, 2);
        assertThat(mask.data()).containsExactly(0f, 1f - 128 / 255f);
    }

    @Test
    void imageWithoutAlphaHasAnEmpty64By64Mask() throws Exception {
        NodeResult result = run(new LoadImage(env), "image", "b.png");
        assertThat(((Tensor) result.outputs().get(0)).data()).containsExactly(10 / 255f, 20 / 255f, 30 / 255f);
        Tensor mask = (Tensor) result.outputs().get(1);
        assertThat(mask.shape()).containsExactly(1, 64, 64);
        assertThat(mask.allEqual(0f)).isTrue();
    }

    @Test
    void annotatedNamesPickTheOutputFolder() throws Exception {
        NodeResult result = run(new LoadImage(env), "image", "out.png [output]");
        assertThat(((Tensor) result.outputs().get(0)).data()).containsExactly(1 / 255f, 2 / 255f, 3 / 255f);
    }

    @Test
    void validationRejectsMissingFilesAndEscapes() throws Exception {
        CustomValidation validation = new LoadImage(env).customValidation().orElseThrow();
        assertThat(validation.takes("image")).isTrue();
        assertThat(validation.check().validate(NodeCalls.inputs("image", "b.png"), Map.of(), env.files())).isEmpty();
        assertThat(validation.check().validate(NodeCalls.inputs("image", "missing.png"), Map.of(), env.files()))
                .isEqualTo(Optional.of("Invalid image file: missing.png"));
        assertThat(validation.check().validate(NodeCalls.inputs("image", "../secret.png"), Map.of(), env.files()))
                .isEqualTo(Optional.of("Invalid image file: ../secret.png"));
        assertThatThrownBy(() -> run(new LoadImage(env), "image", "../secret.png")).hasMessage("Invalid image file: ../secret.png");
    }

    @Test
    void fingerprintIsTheFilesSha256() throws Exception {
        LoadImage node = new LoadImage(env);
        assertThat(node.hasFingerprint()).isTrue();
        byte[] bytes = Files.readAllBytes(env.inputDir().resolve("b.png"));
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(node.fingerprint(NodeCalls.inputs("image", "b.png"), env.files())).isEqualTo(expected);
    }

    @Test
    void unreadableImagesFailWithTheirName() throws Exception {
        Files.write(env.inputDir().resolve("broken.png"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> run(new LoadImage(env), "image", "broken.png"))
                .hasMessageStartingWith("Cannot read image file broken.png");
    }

    @Test
    void maskLoaderGivesTheChosenChannel() throws Exception {
        LoadImageMask node = new LoadImageMask(env);
        assertThat(((Tensor) run(node, "image", "rgba.png", "channel", "alpha").outputs().get(0)).data())
                .containsExactly(0f, 1f - 128 / 255f);
        assertThat(((Tensor) run(node, "image", "rgba.png", "channel", "red").outputs().get(0)).data())
                .containsExactly(1f, 0f);
        Tensor green = (Tensor) run(node, "image", "rgba.png", "channel", "green").outputs().get(0);
        assertThat(green.shape()).containsExactly(1, 1, 2);
        assertThat(green.data()).containsExactly(0f, 1f);
        assertThat(((Tensor) run(node, "image", "b.png", "channel", "alpha").outputs().get(0)).shape()).containsExactly(1, 64, 64);
    }

    @Test
    void maskLoaderSchemaListsChannels() {
        var schema = new LoadImageMask(env).schema();
        assertThat(schema.displayName()).isEqualTo("Load Image (as Mask)");
        assertThat(schema.input("channel").orElseThrow().choiceList()).containsExactly("alpha", "red", "green", "blue");
        assertThat(schema.input("image").orElseThrow().flag("image_upload")).isTrue();
        assertThat(schema.outputs()).extracting(o -> o.type()).containsExactly("MASK");
    }
}
