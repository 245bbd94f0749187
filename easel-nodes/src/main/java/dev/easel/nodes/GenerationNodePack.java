package dev.easel.nodes;

import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodePack;
import dev.easel.engine.node.PackEnvironment;
import dev.easel.models.library.ModelLibrary;
import dev.easel.nodes.conditioning.CLIPSetLastLayer;
import dev.easel.nodes.conditioning.CLIPTextEncode;
import dev.easel.nodes.conditioning.ConditioningCombine;
import dev.easel.nodes.conditioning.ConditioningSetArea;
import dev.easel.nodes.conditioning.ConditioningZeroOut;
import dev.easel.nodes.latent.EmptyLatentImage;
import dev.easel.nodes.latent.LatentFromBatch;
import dev.easel.nodes.latent.LatentUpscale;
import dev.easel.nodes.latent.LatentUpscaleBy;
import dev.easel.nodes.latent.RepeatLatentBatch;
import dev.easel.nodes.latent.SetLatentNoiseMask;
import dev.easel.nodes.latent.VAEDecode;
import dev.easel.nodes.latent.VAEEncode;
import dev.easel.nodes.latent.VAEEncodeForInpaint;
import dev.easel.nodes.loaders.CheckpointLoaderSimple;
import dev.easel.nodes.loaders.LoraLoader;
import dev.easel.nodes.loaders.LoraLoaderModelOnly;
import dev.easel.nodes.loaders.ModelLibraries;
import dev.easel.nodes.sampling.BasicScheduler;
import dev.easel.nodes.sampling.CFGGuider;
import dev.easel.nodes.sampling.DisableNoise;
import dev.easel.nodes.sampling.KSampler;
import dev.easel.nodes.sampling.KSamplerAdvanced;
import dev.easel.nodes.sampling.KSamplerSelect;
import dev.easel.nodes.sampling.RandomNoise;
import dev.easel.nodes.sampling.SamplerCustomAdvanced;
import dev.easel.nodes.sampling.SamplingProgress;

import java.util.List;

/**
 * The generation nodes: loaders, conditioning, latents and sampling, under ComfyUI's class
 * types and in its registration order (nodes.py, then comfy_extras/nodes_custom_sampler.py). It
 * owns the model library of each environment, and so answers {@code /free}.
 */
public final class GenerationNodePack implements NodePack {
    private final ModelLibraries libraries;

    public GenerationNodePack() {
        this(new ModelLibraries());
    }

    GenerationNodePack(ModelLibraries libraries) {
        this.libraries = libraries;
    }

    @Override
    public String name() {
        return "generation";
    }

    @Override
    public List<NodeDefinition> nodes(PackEnvironment env) {
        SamplingProgress.warmUpInBackground(env.previewSize());
        ModelLibrary library = libraries.forEnvironment(env);
        return List.of(
                new KSampler(env),
                new CheckpointLoaderSimple(library),
                new CLIPTextEncode(),
                new CLIPSetLastLayer(),
                new VAEDecode(),
                new VAEEncode(),
                new VAEEncodeForInpaint(),
                new EmptyLatentImage(),
                new LatentUpscale(),
                new LatentUpscaleBy(),
                new LatentFromBatch(),
                new RepeatLatentBatch(),
                new ConditioningCombine(),
                new ConditioningSetArea(),
                new KSamplerAdvanced(env),
                new SetLatentNoiseMask(),
                new LoraLoader(library),
                new ConditioningZeroOut(),
                new LoraLoaderModelOnly(library),
                new BasicScheduler(),
                new KSamplerSelect(),
                new CFGGuider(),
                new RandomNoise(),
                new DisableNoise(),
                new SamplerCustomAdvanced(env));
    }

    @Override
    public void unloadModels() {
        libraries.unloadAll();
    }
}
