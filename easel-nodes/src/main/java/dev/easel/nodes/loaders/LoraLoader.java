package dev.easel.nodes.loaders;

import dev.easel.diffusion.model.DiffusionModel;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.models.ClipModel;
import dev.easel.models.library.ModelLibrary;
import dev.easel.nodes.DeclaredNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/** A LoRA from the loras folders merged into a model and its text encoders, each at its own strength. */
public final class LoraLoader extends DeclaredNode {
    static final Object[] STRENGTH = {"default", 1.0, "min", -100.0, "max", 100.0, "step", 0.01};
    private final ModelLibrary library;

    public LoraLoader(ModelLibrary library) {
        super(NodeSchema.builder("LoraLoader")
                .displayName("Load LoRA (Model and CLIP)")
                .category("model/loaders")
                .description("This LoRA loader is used to modify both diffusion and CLIP models, altering the way in which "
                        + "latents are denoised such as applying styles. Multiple LoRA nodes can be linked together.")
                .searchAliases(aliases())
                .essentialsCategory("Image Generation")
                .required("model", "MODEL", "tooltip", "The diffusion model the LoRA will be applied to.")
                .required("clip", "CLIP", "tooltip", "The CLIP model the LoRA will be applied to.")
                .requiredCombo("lora_name", names(library), "tooltip", "The name of the LoRA.")
                .required("strength_model", "FLOAT", withTooltip("How strongly to modify the diffusion model. This value can be negative."))
                .required("strength_clip", "FLOAT", withTooltip("How strongly to modify the CLIP model. This value can be negative."))
                .output("MODEL")
                .outputTooltip("The modified diffusion model.")
                .output("CLIP")
                .outputTooltip("The modified CLIP model.")
                .build());
        this.library = library;
    }

    static String[] aliases() {
        return new String[]{"lora", "load lora", "apply lora", "lora loader", "lora model"};
    }

    /** The loras folders, listed anew for every /object_info and validation. */
    static Supplier<List<Object>> names(ModelLibrary library) {
        return () -> new ArrayList<>(library.loraNames());
    }

    private static Object[] withTooltip(String tooltip) {
        Object[] options = Arrays.copyOf(STRENGTH, STRENGTH.length + 2);
        options[STRENGTH.length] = "tooltip";
        options[STRENGTH.length + 1] = tooltip;
        return options;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) throws IOException {
        DiffusionModel model = inputs.get("model", DiffusionModel.class);
        ClipModel clip = inputs.get("clip", ClipModel.class);
        String lora = inputs.getString("lora_name");
        double strengthModel = inputs.getDouble("strength_model"), strengthClip = inputs.getDouble("strength_clip");
        // a strength of 0 leaves that part as it is, without merging anything
        DiffusionModel outModel = strengthModel == 0 ? model : library.withLora(model, lora, strengthModel);
        ClipModel outClip = strengthClip == 0 ? clip : library.withLora(clip, lora, strengthClip);
        return NodeResult.ofList(List.of(outModel, outClip));
    }
}
