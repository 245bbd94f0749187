package dev.easel.nodes;

import dev.easel.engine.node.InputSection;
import dev.easel.engine.node.InputSpec;
import dev.easel.engine.node.NodeSchema;
import dev.easel.engine.node.NodeSchema.Style;
import dev.easel.engine.node.PackEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The schema details /object_info shows for each core node, as ComfyUI lists them. */
class SchemaParityTest {
    @TempDir
    Path base;

    private Map<String, NodeSchema> schemas() {
        Map<String, NodeSchema> byType = new LinkedHashMap<>();
        new CoreNodePack().nodes(PackEnvironment.under(base)).forEach(n -> byType.put(n.schema().classType(), n.schema()));
        return byType;
    }

    @Test
    void schemaBasedNodesAreTheOnesComfyDefinesWithASchema() {
        List<String> v3 = new ArrayList<>();
        schemas().forEach((type, schema) -> {
            if (schema.style() == Style.V3) v3.add(type);
        });
        assertThat(v3).containsExactly("ImageToMask", "MaskToImage", "SolidMask", "InvertMask", "RebatchImages", "ImageCrop");
    }

    @Test
    void searchAliasesAndEssentialsCategories() {
        Map<String, String> described = new LinkedHashMap<>();
        schemas().forEach((type, s) -> described.put(type,
                s.essentialsCategory().orElse("-") + " " + s.searchAliases()));
        assertThat(described).containsExactly(
                entry("SaveImage", "Basics [save, save image, export image, output image, write image, download]"),
                entry("PreviewImage", "Basics [preview, preview image, show image, view image, display image, image viewer]"),
                entry("LoadImage", "Basics [load image, open image, import image, image input, upload image, read image, image loader]"),
                entry("LoadImageMask", "Image Tools [import mask, alpha mask, channel mask]"),
                entry("ImageScale", "Image Tools [resize, resize image, scale image, image resize, zoom, zoom in, change size]"),
                entry("ImageScaleBy", "Image Tools []"),
                entry("ImageInvert", "Image Tools [reverse colors]"),
                entry("ImageBatch", "- [combine images, merge images, stack images]"),
                entry("ImagePadForOutpaint", "- [extend canvas, expand image]"),
                entry("EmptyImage", "- []"),
                entry("ImageToMask", "- [extract channel, channel to mask]"),
                entry("MaskToImage", "- [convert mask]"),
                entry("SolidMask", "- []"),
                entry("InvertMask", "- [reverse mask, flip mask]"),
                entry("RebatchImages", "- []"),
                entry("ImageCrop", "Image Tools [trim]"),
                entry("SaveImageWebsocket", "- []"));
    }

    @Test
    void deprecatedNodesAndDescriptions() {
        Map<String, NodeSchema> all = schemas();
        assertThat(all.values().stream().filter(NodeSchema::deprecated).map(NodeSchema::classType))
                .containsExactly("ImageBatch", "ImageCrop");
        assertThat(all.values().stream().filter(s -> !s.description().isEmpty()).map(NodeSchema::classType))
                .containsExactly("SaveImage", "PreviewImage");
        assertThat(all.values().stream().filter(NodeSchema::hasIntermediateOutput)).isEmpty();
    }

    @Test
    void rebatchImagesListsItsOptionsInSchemaOrder() {
        NodeSchema s = schemas().get("RebatchImages");
        assertThat(s.inputIsList()).isTrue();
        assertThat(s.inputs(InputSection.REQUIRED)).extracting(InputSpec::name).containsExactly("images", "batch_size");
        // kept optional on purpose, unlike ComfyUI, so older prompts without them still validate
        assertThat(s.inputs(InputSection.OPTIONAL)).extracting(InputSpec::name).containsExactly("overlap", "merge_overlap_mode");
        assertThat(s.input("batch_size").orElseThrow().options()).containsExactly(
                entry("tooltip", "Number of images or frames in each output batch."),
                entry("default", 1L), entry("min", 1L), entry("max", 4096L));
        assertThat(s.input("overlap").orElseThrow().options()).containsExactly(
                entry("tooltip", "Frames duplicated between output splits and reconciled between input batches."),
                entry("advanced", true), entry("default", 0L), entry("min", 0L), entry("max", 4096L));
        InputSpec mode = s.input("merge_overlap_mode").orElseThrow();
        assertThat(mode.choiceList()).containsExactly("truncate start", "truncate end", "fade smooth", "fade linear");
        assertThat(mode.options()).containsExactly(
                entry("tooltip", "How overlapping frames from consecutive input batches are merged."),
                entry("advanced", true), entry("default", "truncate start"), entry("multiselect", false));
        assertThat(s.outputs()).singleElement().satisfies(o -> {
            assertThat(o.name()).isEqualTo("IMAGE");
            assertThat(o.isList()).isTrue();
            assertThat(o.tooltip()).isEmpty();
        });
    }

    @Test
    void comboChoicesAndOptions() {
        Map<String, NodeSchema> all = schemas();
        InputSpec channel = all.get("ImageToMask").input("channel").orElseThrow();
        assertThat(channel.choiceList()).containsExactly("red", "green", "blue", "alpha");
        assertThat(channel.options()).containsExactly(entry("multiselect", false));
        assertThat(all.get("LoadImageMask").input("channel").orElseThrow().choiceList())
                .containsExactly("alpha", "red", "green", "blue");
        assertThat(all.get("LoadImage").input("image").orElseThrow().options()).containsExactly(entry("image_upload", true));
        assertThat(all.get("ImageScale").input("upscale_method").orElseThrow().choiceList())
                .containsExactly("nearest-exact", "bilinear", "area", "bicubic", "lanczos");
        assertThat(all.get("ImageScale").input("crop").orElseThrow().choiceList()).containsExactly("disabled", "center");
        assertThat(all.get("ImageCrop").input("x").orElseThrow().options()).containsExactly(
                entry("default", 0L), entry("min", 0L), entry("max", (long) Resolution.MAX), entry("step", 1L));
        assertThat(all.get("SaveImage").input("filename_prefix").orElseThrow().options()).containsKeys("default", "tooltip")
                .containsEntry("default", "ComfyUI");
    }

    @Test
    void outputNamesFollowComfy() {
        Map<String, NodeSchema> all = schemas();
        assertThat(all.get("SaveImage").outputs()).extracting(o -> o.type() + ":" + o.name()).containsExactly("IMAGE:images");
        assertThat(all.get("PreviewImage").outputs()).extracting(o -> o.type() + ":" + o.name()).containsExactly("IMAGE:images");
        assertThat(all.get("SaveImageWebsocket").outputs()).isEmpty();
        assertThat(all.get("ImagePadForOutpaint").outputs()).extracting(o -> o.type() + ":" + o.name())
                .containsExactly("IMAGE:IMAGE", "MASK:MASK");
        assertThat(all.values()).allSatisfy(s -> assertThat(s.outputs()).allMatch(o -> o.tooltip().isEmpty()));
    }
}
