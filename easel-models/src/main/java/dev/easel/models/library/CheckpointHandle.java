package dev.easel.models.library;

import dev.easel.diffusion.cond.Conditioning;
import dev.easel.diffusion.cond.ConditioningEntry;
import dev.easel.diffusion.latent.LatentFormat;
import dev.easel.diffusion.model.DiffusionModel;
import dev.easel.diffusion.model.ModelSampling;
import dev.easel.models.Checkpoint;
import dev.easel.models.ClipModel;
import dev.easel.models.VaeModel;
import dev.easel.models.cache.ModelCache;
import dev.easel.models.cache.ModelKey;
import dev.easel.models.lora.LoraApplication;
import dev.easel.tensor.Tensor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A checkpoint as loader nodes hand it out: parts that are {@link Leased} from the cache for each
 * call. What does not need the networks (sampling, latent format) is read once. A part with LoRAs
 * is a network of its own, cached under the checkpoint's key with the part and the LoRAs (file
 * versions and strengths, in order) added, so the checkpoint itself is never changed and the same
 * LoRA chain is merged once.
 */
final class CheckpointHandle {

    private CheckpointHandle() {
    }

    /** Where parts come from: the checkpoint's key, and how LoRAs merge into it if they can. */
    record Source(ModelCache cache, ModelKey key, Optional<LoraPatching> patching) {
        LoraPatching lorasOrRefuse() throws IOException {
            return patching.orElseThrow(() -> new IOException("LoRAs merge into single-file .safetensors checkpoints only; "
                    + key.realPath().getFileName() + " is loaded as " + key.kind() + ", whose weights are inside its ONNX graphs"));
        }

        ModelKey variant(String part, List<LoraApplication> loras) {
            return key.variant(part + " + " + loras.stream().map(LoraApplication::id).collect(Collectors.joining(", ")));
        }
    }

    /** Loads the checkpoint now (so that a broken one fails at its loader node) and returns its parts. */
    static Checkpoint open(ModelCache cache, ModelKey key, ModelCache.Loader<LoadedCheckpoint> loader,
                           Optional<LoraPatching> patching) throws IOException {
        Leased<Checkpoint> whole = Leased.of(cache, key, LoadedCheckpoint.class, loader).map(LoadedCheckpoint::checkpoint);
        Checkpoint loaded = whole.load(c -> c);
        Source source = new Source(cache, key, patching);
        return new Checkpoint(
                new Model(whole.map(Checkpoint::model), loaded.model().sampling(), loaded.model().latentFormat(),
                        loaded.model().maxBatch(), source, List.of()),
                new Clip(whole.map(Checkpoint::clip), UnaryOperator.identity(), source, List.of()),
                new Vae(whole.map(Checkpoint::vae), loaded.vae().latentFormat(), loaded.vae().downscale()));
    }

    /** The model with {@code lora} merged after the LoRAs it already has. */
    static DiffusionModel withLora(Model model, LoraApplication lora) throws IOException {
        List<LoraApplication> all = append(model.loras(), lora);
        LoraPatching patching = model.source().lorasOrRefuse();
        return new Model(merged(model.source(), "unet", all, DiffusionModel.class, () -> patching.unet(all)),
                model.sampling(), model.latentFormat(), model.maxBatch(), model.source(), all);
    }

    /** The text encoders with {@code lora} merged after the LoRAs they already have; a layer chosen before stays chosen. */
    static ClipModel withLora(Clip clip, LoraApplication lora) throws IOException {
        List<LoraApplication> all = append(clip.loras(), lora);
        LoraPatching patching = clip.source().lorasOrRefuse();
        return new Clip(merged(clip.source(), "clip", all, ClipModel.class, () -> patching.clip(all)), clip.view(), clip.source(), all);
    }

    /** A part with LoRAs merged, loaded now (so that a bad LoRA fails at its node) and cached under its own key. */
    private static <T> Leased<T> merged(Source source, String part, List<LoraApplication> loras, Class<T> type,
                                        ModelCache.Loader<? extends T> loader) throws IOException {
        Leased<T> net = Leased.of(source.cache(), source.variant(part, loras), type, loader);
        net.load(value -> value);
        return net;
    }

    private static List<LoraApplication> append(List<LoraApplication> loras, LoraApplication lora) {
        List<LoraApplication> all = new ArrayList<>(loras);
        all.add(lora);
        return List.copyOf(all);
    }

    record Model(Leased<DiffusionModel> net, ModelSampling sampling, LatentFormat latentFormat, int maxBatch, Source source,
                 List<LoraApplication> loras) implements DiffusionModel {
        @Override
        public Tensor apply(Tensor xIn, double[] timesteps, List<ConditioningEntry> conds) {
            return net.with(m -> m.apply(xIn, timesteps, conds));
        }
    }

    /** The text encoders, or a view of them ({@code withLastLayer}) that {@code view} makes of the loaded ones. */
    record Clip(Leased<ClipModel> net, UnaryOperator<ClipModel> view, Source source, List<LoraApplication> loras)
            implements ClipModel {
        @Override
        public Conditioning encode(String text) {
            return net.with(c -> view.apply(c).encode(text));
        }

        @Override
        public ClipModel withLastLayer(int layer) {
            UnaryOperator<ClipModel> base = view;
            // asked of the loaded encoder now, so that a layer it lacks fails at CLIPSetLastLayer
            net.with(c -> base.apply(c).withLastLayer(layer));
            return new Clip(net, c -> base.apply(c).withLastLayer(layer), source, loras);
        }
    }

    private record Vae(Leased<VaeModel> net, LatentFormat latentFormat, int downscale) implements VaeModel {
        @Override
        public Tensor decode(Tensor latent) {
            return net.with(v -> v.decode(latent));
        }

        @Override
        public Tensor encode(Tensor image) {
            return net.with(v -> v.encode(image));
        }
    }
}
