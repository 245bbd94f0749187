package dev.easel.nodes.loaders;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.models.Checkpoint;
import dev.easel.models.library.ModelLibrary;
import dev.easel.nodes.DeclaredNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * ComfyUI's deprecated loader with a model configuration file: the checkpoint loads as with
 * {@link CheckpointLoaderSimple}, configured from its own tensors; the named config must exist but
 * is not read, since the tensors already say what it would.
 */
public final class CheckpointLoader extends DeclaredNode {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointLoader.class);
    private final ModelLibrary library;

    public CheckpointLoader(ModelLibrary library) {
        super(NodeSchema.builder("CheckpointLoader")
                .displayName("Load Checkpoint With Config (DEPRECATED)")
                .category("model/loaders")
                .deprecated()
                .searchAliases("load model", "model loader")
                .requiredCombo("config_name", () -> new ArrayList<Object>(library.configNames()))
                .requiredCombo("ckpt_name", () -> new ArrayList<Object>(library.checkpointNames()))
                .output("MODEL")
                .output("CLIP")
                .output("VAE")
                .build());
        this.library = library;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) throws IOException {
        String config = inputs.getString("config_name");
        library.config(config);
        LOG.info("CheckpointLoader: {} is configured from its tensors; the config {} is not read", inputs.getString("ckpt_name"), config);
        Checkpoint checkpoint = library.loadCheckpoint(inputs.getString("ckpt_name"));
        return NodeResult.ofList(List.of(checkpoint.model(), checkpoint.clip(), checkpoint.vae()));
    }
}
