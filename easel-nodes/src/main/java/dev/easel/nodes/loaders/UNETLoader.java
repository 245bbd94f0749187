package dev.easel.nodes.loaders;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.models.library.ModelLibrary;
import dev.easel.nodes.DeclaredNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A diffusion model (UNet) stored on its own in {@code models/diffusion_models} or
 * {@code models/unet}. {@code weight_dtype} is accepted as ComfyUI offers it; Easel keeps the
 * weights as the file stores them and computes in float32, so an fp8 choice changes nothing.
 */
public final class UNETLoader extends DeclaredNode {
    private static final Logger LOG = LoggerFactory.getLogger(UNETLoader.class);
    static final List<String> WEIGHT_DTYPES = List.of("default", "fp8_e4m3fn", "fp8_e4m3fn_fast", "fp8_e5m2");
    private final ModelLibrary library;

    public UNETLoader(ModelLibrary library) {
        super(NodeSchema.builder("UNETLoader")
                .displayName("Load Diffusion Model")
                .category("model/loaders")
                .requiredCombo("unet_name", () -> new ArrayList<Object>(library.diffusionModelNames()))
                .requiredCombo("weight_dtype", WEIGHT_DTYPES, "advanced", true)
                .output("MODEL")
                .build());
        this.library = library;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) throws IOException {
        String dtype = inputs.getString("weight_dtype");
        if (!dtype.equals("default")) {
            LOG.info("UNETLoader: weight_dtype {} asked; Easel keeps the file's weights and computes in float32", dtype);
        }
        return NodeResult.of(library.loadDiffusionModel(inputs.getString("unet_name")));
    }
}
