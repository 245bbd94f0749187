package dev.easel.nodes.image;

import dev.easel.engine.node.ExecutionInterruptedException;
import dev.easel.nodes.NodeCalls;
import dev.easel.nodes.RecordingContext;
import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.easel.nodes.NodeCalls.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageNodesTest {

    private static Tensor out(Object value) {
        return (Tensor) value;
    }

    private static Tensor ramp(int b, int h, int w, int c) {
        float[] data = new float[b * h * w * c];
        for (int i = 0; i < data.length; i++) data[i] = i / (float) data.length;
        return Tensor.of(data, b, h, w, c);
    }

    @Test
    void emptyImageFillsTheColourPerChannel() throws Exception {
        Tensor image = out(run(new EmptyImage(), "width", 3, "height", 2, "batch_size", 2, "color", 0xFF8000).outputs().get(0));
        assertThat(image.shape()).containsExactly(2, 2, 3, 3);
        assertThat(image.get(1, 1, 2, 0)).isEqualTo(1f);
        assertThat(image.get(1, 1, 2, 1)).isEqualTo((float) (128 / 255.0));
        assertThat(image.get(0, 0, 0, 2)).isEqualTo(0f);
    }

    @Test
    void emptyImageSchemaHasComfyDefaults() {
        var schema = new EmptyImage().schema();
        assertThat(schema.displayName()).isEqualTo("Empty Image");
        assertThat(schema.input("width").orElseThrow().options())
                .containsExactly(Map.entry("default", 512L), Map.entry("min", 1L), Map.entry("max", 16384L), Map.entry("step", 1L));
        assertThat(schema.input("batch_size").orElseThrow().options())
                .containsExactly(Map.entry("default", 1L), Map.entry("min", 1L), Map.entry("max", 4096L));
        assertThat(schema.input("color").orElseThrow().options()).containsEntry("max", 0xFFFFFFL).containsEntry("display", "color");
    }

    @Test
    void imageScaleWithBothSizesZeroReturnsTheInput() throws Exception {
        Tensor image = ramp(1, 2, 2, 3);
        Object result = run(new ImageScale(), "image", image, "upscale_method", "bilinear", "width", 0, "height", 0, "crop", "disabled")
                .outputs().get(0);
        assertThat(result).isSameAs(image);
    }

    @Test
    void imageScaleKeepsAspectWhenOneSizeIsZeroRoundingHalfToEven() throws Exception {
        Tensor scaled = out(run(new ImageScale(), "image", ramp(1, 2, 5, 3), "upscale_method", "nearest-exact",
                "width", 0, "height", 1, "crop", "disabled").outputs().get(0));
        assertThat(scaled.shape()).containsExactly(1, 1, 2, 3); // 5 * 1 / 2 = 2.5 rounds to 2
        Tensor tall = out(run(new ImageScale(), "image", ramp(1, 4, 6, 3), "upscale_method", "area",
                "width", 3, "height", 0, "crop", "center").outputs().get(0));
        assertThat(tall.shape()).containsExactly(1, 2, 3, 3);
    }

    @Test
    void imageScaleAreaAveragesPixels() throws Exception {
        Tensor image = Tensor.of(new float[] {0f, 1f, 0.5f, 0.5f}, 1, 2, 2, 1);
        Tensor scaled = out(run(new ImageScale(), "image", image, "upscale_method", "area", "width", 1, "height", 1, "crop", "disabled")
                .outputs().get(0));
        assertThat(scaled.data()).containsExactly(0.5f);
    }

    @Test
    void imageScaleSchemaListsMethodsAndCrops() {
        var schema = new ImageScale().schema();
        assertThat(schema.displayName()).isEqualTo("Upscale Image");
        assertThat(schema.category()).isEqualTo("image/upscaling");
        assertThat(schema.input("upscale_method").orElseThrow().choiceList())
                .containsExactly("nearest-exact", "bilinear", "area", "bicubic", "lanczos");
        assertThat(schema.input("crop").orElseThrow().choiceList()).containsExactly("disabled", "center");
        assertThat(schema.input("width").orElseThrow().options())
                .containsExactly(Map.entry("default", 512L), Map.entry("min", 0L), Map.entry("max", 16384L), Map.entry("step", 1L));
        assertThat(schema.inputs()).extracting(i -> i.name()).containsExactly("image", "upscale_method", "width", "height", "crop");
    }

    @Test
    void imageScaleByRoundsSizesAndRepeatsPixels() throws Exception {
        Tensor image = Tensor.of(new float[] {0.1f, 0.9f}, 1, 1, 2, 1);
        Tensor doubled = out(run(new ImageScaleBy(), "image", image, "upscale_method", "nearest-exact", "scale_by", 2.0).outputs().get(0));
        assertThat(doubled.shape()).containsExactly(1, 2, 4, 1);
        assertThat(doubled.data()).containsExactly(0.1f, 0.1f, 0.9f, 0.9f, 0.1f, 0.1f, 0.9f, 0.9f);
        Tensor halved = out(run(new ImageScaleBy(), "image", ramp(1, 5, 5, 3), "upscale_method", "bilinear", "scale_by", 0.5).outputs().get(0));
        assertThat(halved.shape()).containsExactly(1, 2, 2, 3);
        assertThat(new ImageScaleBy().schema().input("scale_by").orElseThrow().options())
                .containsExactly(Map.entry("default", 1.0), Map.entry("min", 0.01), Map.entry("max", 8.0), Map.entry("step", 0.01));
    }

    @Test
    void imageScaleByToNothingIsAClearError() {
        assertThatThrownBy(() -> run(new ImageScaleBy(), "image", ramp(1, 1, 1, 3), "upscale_method", "area", "scale_by", 0.01))
                .hasMessageContaining("gives an empty image");
    }

    @Test
    void invertFlipsColoursButKeepsAlpha() throws Exception {
        Tensor rgba = Tensor.of(new float[] {0.25f, 1f, 0f, 0.3f}, 1, 1, 1, 4);
        assertThat(out(run(new ImageInvert(), "image", rgba).outputs().get(0)).data()).containsExactly(0.75f, 0f, 1f, 0.3f);
        Tensor rgb = Tensor.of(new float[] {0.25f, 1f, 0f}, 1, 1, 1, 3);
        assertThat(out(run(new ImageInvert(), "image", rgb).outputs().get(0)).data()).containsExactly(0.75f, 0f, 1f);
    }

    @Test
    void batchAddsOpaqueAlphaToMatchChannels() throws Exception {
        Tensor rgb = Tensor.of(new float[] {0.1f, 0.2f, 0.3f}, 1, 1, 1, 3);
        Tensor rgba = Tensor.of(new float[] {0.4f, 0.5f, 0.6f, 0.7f}, 1, 1, 1, 4);
        Tensor joined = out(run(new ImageBatch(), "image1", rgb, "image2", rgba).outputs().get(0));
        assertThat(joined.shape()).containsExactly(2, 1, 1, 4);
        assertThat(joined.data()).containsExactly(0.1f, 0.2f, 0.3f, 1f, 0.4f, 0.5f, 0.6f, 0.7f);
    }

    @Test
    void batchResizesTheSecondImageToTheFirst() throws Exception {
        Tensor joined = out(run(new ImageBatch(), "image1", Tensor.zeros(2, 4, 4, 3), "image2", Tensor.full(0.5f, 1, 2, 2, 3))
                .outputs().get(0));
        assertThat(joined.shape()).containsExactly(3, 4, 4, 3);
        assertThat(joined.slice0(2, 3).allEqual(0.5f)).isTrue();
        assertThat(new ImageBatch().schema().deprecated()).isTrue();
    }

    @Test
    void cropClipsTheRegionToTheImage() throws Exception {
        Tensor image = ramp(1, 4, 4, 1);
        Tensor cropped = out(run(new ImageCrop(), "image", image, "width", 2, "height", 2, "x", 1, "y", 1).outputs().get(0));
        assertThat(cropped.data()).containsExactly(image.get(0, 1, 1, 0), image.get(0, 1, 2, 0), image.get(0, 2, 1, 0), image.get(0, 2, 2, 0));
        Tensor clipped = out(run(new ImageCrop(), "image", image, "width", 5, "height", 2, "x", 3, "y", 10).outputs().get(0));
        assertThat(clipped.shape()).containsExactly(1, 1, 1, 1);
        assertThat(clipped.item()).isEqualTo(image.get(0, 3, 3, 0));
    }

    @Test
    void padForOutpaintFillsGreyAndFeathersTheMask() throws Exception {
        Tensor image = Tensor.ones(1, 6, 6, 3);
        var result = run(new ImagePadForOutpaint(), "image", image, "left", 2, "top", 0, "right", 0, "bottom", 0, "feathering", 2);
        Tensor padded = out(result.outputs().get(0));
        Tensor mask = out(result.outputs().get(1));
        assertThat(padded.shape()).containsExactly(1, 6, 8, 3);
        assertThat(padded.get(0, 3, 1, 2)).isEqualTo(0.5f);
        assertThat(padded.get(0, 3, 2, 0)).isEqualTo(1f);
        assertThat(mask.shape()).containsExactly(1, 6, 8);
        for (int row = 0; row < 6; row++) {
            assertThat(java.util.Arrays.copyOfRange(mask.data(), row * 8, row * 8 + 8))
                    .containsExactly(1f, 1f, 1f, 0.25f, 0f, 0f, 0f, 0f);
        }
    }

    @Test
    void padForOutpaintSkipsFeatheringWhenTheImageIsTooSmall() throws Exception {
        var result = run(new ImagePadForOutpaint(), "image", Tensor.ones(2, 2, 2, 3), "left", 0, "top", 1, "right", 0, "bottom", 0, "feathering", 40);
        Tensor mask = out(result.outputs().get(1));
        assertThat(mask.shape()).containsExactly(1, 3, 2);
        assertThat(mask.data()).containsExactly(1f, 1f, 0f, 0f, 0f, 0f);
        assertThat(out(result.outputs().get(0)).shape()).containsExactly(2, 3, 2, 3);
        assertThat(new ImagePadForOutpaint().schema().input("feathering").orElseThrow().flag("advanced")).isTrue();
    }

    /** The resizing nodes check for an interrupt on every row, so /interrupt stops a long resize inside the node. */
    @Test
    void anInterruptedRunStopsTheResizingNodesInsideTheirLoops() {
        RecordingContext ctx = new RecordingContext();
        ctx.interrupt();
        assertThatThrownBy(() -> new ImageScale().execute(ctx, NodeCalls.inputs("image", ramp(1, 8, 8, 3),
                "upscale_method", "bicubic", "width", 16, "height", 16, "crop", "disabled")))
                .isInstanceOf(ExecutionInterruptedException.class);
        assertThatThrownBy(() -> new ImageScaleBy().execute(ctx, NodeCalls.inputs("image", ramp(1, 8, 8, 3),
                "upscale_method", "lanczos", "scale_by", 2.0)))
                .isInstanceOf(ExecutionInterruptedException.class);
        assertThatThrownBy(() -> new ImageBatch().execute(ctx, NodeCalls.inputs("image1", ramp(1, 8, 8, 3),
                "image2", ramp(1, 4, 4, 3))))
                .isInstanceOf(ExecutionInterruptedException.class);
    }
}
