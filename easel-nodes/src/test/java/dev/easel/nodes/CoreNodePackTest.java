package dev.easel.nodes;

import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodePack;
import dev.easel.engine.node.NodeRegistry;
import dev.easel.engine.node.NodeSchema;
import dev.easel.engine.node.PackEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class CoreNodePackTest {
    @TempDir
    Path base;

    @Test
    void isFoundThroughTheServiceLoader() {
        assertThat(ServiceLoader.load(NodePack.class).stream().map(p -> p.get().name())).contains("core");
    }

    @Test
    void registersEveryNodeOnceWithComfyNames() {
        NodeRegistry registry = NodeRegistry.builder().addPack(new CoreNodePack(), PackEnvironment.under(base)).build();
        assertThat(registry.all()).extracting(n -> describe(n.schema())).containsExactly(
                "SaveImage|Save Image|image|nodes",
                "PreviewImage|Preview Image|image|nodes",
                "LoadImage|Load Image|image|nodes",
                "LoadImageMask|Load Image (as Mask)|image|nodes",
                "ImageScale|Upscale Image|image/upscaling|nodes",
                "ImageScaleBy|Upscale Image By|image/upscaling|nodes",
                "ImageInvert|Invert Image Colors|image/color|nodes",
                "ImageBatch|Batch Images (DEPRECATED)|image/batch|nodes",
                "ImagePadForOutpaint|Pad Image for Outpainting|image/transform|nodes",
                "EmptyImage|Empty Image|image|nodes",
                "ImageToMask|Convert Image to Mask|image/mask|comfy_extras.nodes_mask",
                "MaskToImage|Convert Mask to Image|image/mask|comfy_extras.nodes_mask",
                "SolidMask|Create Solid Mask|image/mask|comfy_extras.nodes_mask",
                "InvertMask|Invert Mask|image/mask|comfy_extras.nodes_mask",
                "RebatchImages|Rebatch Images|image/batch|comfy_extras.nodes_rebatch",
                "ImageCrop|Crop Image (DEPRECATED)|image/transform|comfy_extras.nodes_images",
                "SaveImageWebsocket|Save Image (Websocket)|image|custom_nodes.websocket_image_save");
    }

    @Test
    void outputNodesAreTheSavers() {
        var nodes = new CoreNodePack().nodes(PackEnvironment.under(base));
        assertThat(nodes.stream().filter(n -> n.schema().outputNode()).map(n -> n.schema().classType()))
                .containsExactly("SaveImage", "PreviewImage", "SaveImageWebsocket");
        assertThat(nodes.stream().filter(NodeDefinition::hasFingerprint).map(n -> n.schema().classType()))
                .containsExactly("LoadImage", "LoadImageMask", "SaveImageWebsocket");
    }

    private static String describe(NodeSchema s) {
        return s.classType() + "|" + s.displayName() + "|" + s.category() + "|" + s.pythonModule();
    }
}
