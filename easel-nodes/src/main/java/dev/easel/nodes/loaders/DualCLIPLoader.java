package dev.easel.nodes.loaders;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.models.library.ModelLibrary;
import dev.easel.nodes.DeclaredNode;

import java.io.IOException;
import java.util.List;

/** Two text encoders stored on their own, combined as {@code type} says; Easel runs {@code sdxl} (CLIP-L and OpenCLIP bigG). */
public final class DualCLIPLoader extends DeclaredNode {
    static final List<String> TYPES = List.of("sdxl", "sd3", "flux", "hunyuan_video", "hidream", "hunyuan_image", "hunyuan_video_15",
            "kandinsky5", "kandinsky5_image", "ltxv", "newbie", "ace");
    private final ModelLibrary library;

    public DualCLIPLoader(ModelLibrary library) {
        super(NodeSchema.builder("DualCLIPLoader")
                .displayName("Load CLIP (Dual)")
                .category("model/loaders")
                .description("Recipes:\nsdxl: clip-l, clip-g\nsd3: clip-l, clip-g / clip-l, t5 / clip-g, t5\nflux: clip-l, t5\n"
                        + "hidream: at least one of t5 or llama, recommended t5 and llama\nhunyuan_image: qwen2.5vl 7b and byt5 small\n"
                        + "newbie: gemma-3-4b-it, jina clip v2")
                .requiredCombo("clip_name1", CLIPLoader.textEncoders(library))
                .requiredCombo("clip_name2", CLIPLoader.textEncoders(library))
                .requiredCombo("type", TYPES)
                .optionalCombo("device", CLIPLoader.DEVICES, "advanced", true)
                .output("CLIP")
                .build());
        this.library = library;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) throws IOException {
        return NodeResult.of(library.loadTextEncoders(List.of(inputs.getString("clip_name1"), inputs.getString("clip_name2")),
                inputs.getString("type")));
    }
}
