package dev.easel.nodes.loaders;

import dev.easel.diffusion.model.DiffusionModel;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.models.library.ModelLibrary;
import dev.easel.nodes.DeclaredNode;

import java.io.IOException;

/** A LoRA from the loras folders merged into a model's UNet only. */
public final class LoraLoaderModelOnly extends DeclaredNode {
    private final ModelLibrary library;

    public LoraLoaderModelOnly(ModelLibrary library) {
        super(NodeSchema.builder("LoraLoaderModelOnly")
                .displayName("Load LoRA")
                .category("model/loaders")
                .description("This LoRAs loader is used to modify the diffusion model, altering the way in which latents are "
                        + "denoised such as applying styles. Multiple LoRA nodes can be linked together.")
                .searchAliases(LoraLoader.aliases())
                .required("model", "MODEL")
                .requiredCombo("lora_name", LoraLoader.names(library))
                .required("strength_model", "FLOAT", LoraLoader.STRENGTH)
                .output("MODEL")
                .build());
        this.library = library;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) throws IOException {
        DiffusionModel model = inputs.get("model", DiffusionModel.class);
        double strength = inputs.getDouble("strength_model");
        return NodeResult.of(strength == 0 ? model : library.withLora(model, inputs.getString("lora_name"), strength));
    }
}
