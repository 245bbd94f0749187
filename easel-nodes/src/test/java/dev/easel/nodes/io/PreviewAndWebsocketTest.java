package dev.easel.nodes.io;

import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.files.FileSpace;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.PackEnvironment;
import dev.easel.engine.node.Preview;
import dev.easel.nodes.NodeCalls;
import dev.easel.nodes.RecordingContext;
import dev.easel.tensor.Tensor;
import dev.easel.tensor.image.DecodedImage;
import dev.easel.tensor.image.ImageDecoding;
import dev.easel.tensor.image.ImageTensors;
import dev.easel.tensor.png.PngEncoder;
import dev.easel.tensor.png.PngTextReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreviewAndWebsocketTest {
    @TempDir
    Path base;

    private NodeResult run(NodeDefinition node, Object... pairs) throws Exception {
        return NodeCalls.runIn(FileSpace.under(base), node, pairs);
    }

    @Test
    void previewWritesFastPngsIntoTheTempFolder() throws Exception {
        Tensor image = Tensor.of(new float[] {0.5f, 0.25f, 1f}, 1, 1, 1, 3);
        NodeResult result = run(new PreviewImage(PackEnvironment.under(base)), "images", image);
        assertThat(result.outputs()).containsExactly(image);
        Map<?, ?> entry = (Map<?, ?>) result.ui().get("images").get(0);
        assertThat(entry.get("type")).isEqualTo("temp");
        assertThat(entry.get("subfolder")).isEqualTo("");
        String name = (String) entry.get("filename");
        assertThat(name).matches("ComfyUI_temp_[a-z]{5}_00001_\\.png");
        byte[] file = Files.readAllBytes(base.resolve("temp").resolve(name));
        assertThat(file).isEqualTo(new PngEncoder(1).encode(ImageTensors.toPixels(image, 0)));
    }

    @Test
    void previewKeepsPromptMetadataLikeSaveImage() throws Exception {
        NodeResult result = run(new PreviewImage(PackEnvironment.under(base)), "images", Tensor.zeros(1, 1, 1, 3),
                "extra_pnginfo", Map.of("workflow", Map.of("id", "w1")));
        String name = (String) ((Map<?, ?>) result.ui().get("images").get(0)).get("filename");
        assertThat(PngTextReader.read(Files.readAllBytes(base.resolve("temp").resolve(name))))
                .containsExactly(Map.entry("workflow", "{\"id\": \"w1\"}"));
    }

    @Test
    void previewSchemaIsAnOutputNodeWithHiddenMetadata() {
        var schema = new PreviewImage(PackEnvironment.under(base)).schema();
        assertThat(schema.displayName()).isEqualTo("Preview Image");
        assertThat(schema.outputNode()).isTrue();
        assertThat(schema.input("images").orElseThrow().options()).isEmpty();
        assertThat(schema.input("prompt").orElseThrow().type()).isEqualTo("PROMPT");
    }

    @Test
    void websocketSaverSendsOneFullSizePngFramePerImage() throws Exception {
        float[] data = {0f, 0f, 0f, 1f, 1f, 1f, 0.5f, 0.5f, 0.5f, 0.25f, 0.25f, 0.25f};
        Tensor images = Tensor.of(data, 2, 1, 2, 3);
        RecordingContext ctx = new RecordingContext();
        NodeResult result = new SaveImageWebsocket().execute(ctx, NodeCalls.inputs("images", images));
        assertThat(result.outputs()).isEmpty();
        assertThat(result.ui()).isEmpty();
        assertThat(ctx.progress).extracting(p -> p.value().intValue() + "/" + p.max().intValue()).containsExactly("0/2", "1/2");
        for (int i = 0; i < 2; i++) {
            Preview preview = ctx.progress.get(i).preview().orElseThrow();
            assertThat(preview.format()).isEqualTo(Preview.Format.PNG);
            assertThat(preview.encoded()).isEqualTo(new PngEncoder(1).encode(ImageTensors.toPixels(images, i)));
            assertThat(PngTextReader.read(preview.encoded())).isEmpty();
        }
        DecodedImage second = ImageDecoding.decode(ctx.progress.get(1).preview().orElseThrow().encoded());
        assertThat(second.image().data()).containsExactly(127 / 255f, 127 / 255f, 127 / 255f, 63 / 255f, 63 / 255f, 63 / 255f);
    }

    @Test
    void websocketSaverAlwaysReRuns() throws Exception {
        SaveImageWebsocket node = new SaveImageWebsocket();
        assertThat(node.hasFingerprint()).isTrue();
        double before = oneSecondAgo();
        Object fingerprint = node.fingerprint(NodeCalls.inputs("images", null));
        assertThat((Double) fingerprint).isGreaterThanOrEqualTo(before);
        assertThat(node.schema().outputs()).isEmpty();
        assertThat(node.schema().outputNode()).isTrue();
        assertThat(node.schema().pythonModule()).isEqualTo("custom_nodes.websocket_image_save");
    }

    private static double oneSecondAgo() {
        return System.currentTimeMillis() / 1000.0 - 1;
    }

    @Test
    void anInterruptedRunStopsPreviewImageBeforeItWritesAnImage() throws Exception {
        RecordingContext ctx = new RecordingContext();
        ctx.interrupt();
        assertThatThrownBy(() -> new PreviewImage(PackEnvironment.under(base))
                .execute(ctx, NodeCalls.inputs("images", Tensor.zeros(3, 2, 2, 3))))
                .isInstanceOf(dev.easel.engine.node.ExecutionInterruptedException.class);
        assertThat(base.resolve("temp")).satisfiesAnyOf(
                temp -> assertThat(temp).doesNotExist(), temp -> assertThat(temp).isEmptyDirectory());
    }
}
