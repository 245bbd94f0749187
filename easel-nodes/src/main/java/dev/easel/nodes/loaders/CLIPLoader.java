package dev.easel.nodes.loaders;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.models.library.ModelLibrary;
import dev.easel.nodes.DeclaredNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One text encoder stored on its own in {@code models/text_encoders} or {@code models/clip}. Every
 * type ComfyUI lists is offered so that workflows validate; Easel runs {@code stable_diffusion}
 * (CLIP-L for SD1.x, OpenCLIP-H for SD2.x) and says so for the others.
 */
public final class CLIPLoader extends DeclaredNode {
    static final List<String> TYPES = List.of("stable_diffusion", "stable_cascade", "sd3", "stable_audio", "mochi", "ltxv",
            "pixart", "cosmos", "lumina2", "wan", "hidream", "chroma", "ace", "omnigen2", "qwen_image", "hunyuan_image", "flux2",
            "ovis", "longcat_image", "cogvideox", "lens", "pixeldit", "ideogram4", "boogu", "krea2", "joyimage", "mage", "minimax", "yue2");
    static final List<String> DEVICES = List.of("default", "cpu");
    private final ModelLibrary library;

    public CLIPLoader(ModelLibrary library) {
        super(NodeSchema.builder("CLIPLoader")
                .displayName("Load CLIP")
                .category("model/loaders")
                .description("Recipes:\nsd: clip-l\nstable cascade: clip-g\nsd3: t5 xxl / clip-g / clip-l\nstable audio: t5 base\n"
                        + "mochi: t5 xxl\ncogvideox: t5 xxl (226-token padding)\ncosmos: old t5 xxl\nlumina2: gemma 2 2B\n"
                        + "wan: umt5 xxl\nhidream: llama-3.1 (Recommend) or t5\nomnigen2: qwen vl 2.5 3B\njoyimage: qwen3-vl 8B\n"
                        + "lens: gpt-oss-20b\npixeldit: gemma 2 2B elm\nminimax: MiniMax H3 Qwen3-VL or Music3 Qwen/RVQ")
                .requiredCombo("clip_name", textEncoders(library))
                .requiredCombo("type", TYPES)
                .optionalCombo("device", DEVICES, "advanced", true)
                .output("CLIP")
                .build());
        this.library = library;
    }

    static Supplier<List<Object>> textEncoders(ModelLibrary library) {
        return () -> new ArrayList<>(library.textEncoderNames());
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) throws IOException {
        return NodeResult.of(library.loadTextEncoders(List.of(inputs.getString("clip_name")), inputs.getString("type")));
    }
}
