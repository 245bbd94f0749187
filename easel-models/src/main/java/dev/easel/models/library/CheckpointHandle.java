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
import dev.easel.tensor.Tensor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

/**
 * A checkpoint as loader nodes hand it out: parts that hold the model's cache key, not its
 * sessions. Each network call leases the loaded checkpoint from the {@link ModelCache} for the
 * length of the call, loading it again if it was evicted or unloaded ({@code POST /free}) since,
 * so an output the engine keeps from an earlier prompt stays usable and no session is closed
 * while it runs. What does not need the networks (sampling, latent format) is read once.
 */
final class CheckpointHandle {
    private final ModelCache cache;
    private final ModelKey key;
    private final ModelCache.Loader<LoadedCheckpoint> loader;

    private CheckpointHandle(ModelCache cache, ModelKey key, ModelCache.Loader<LoadedCheckpoint> loader) {
        this.cache = cache;
        this.key = key;
        this.loader = loader;
    }

    /** Loads the checkpoint now (so that a broken one fails at its loader node) and returns its handle parts. */
    static Checkpoint open(ModelCache cache, ModelKey key, ModelCache.Loader<LoadedCheckpoint> loader) throws IOException {
        CheckpointHandle handle = new CheckpointHandle(cache, key, loader);
        try (ModelCache.Lease<LoadedCheckpoint> lease = handle.lease()) {
            Checkpoint loaded = lease.value().checkpoint();
            return new Checkpoint(
                    new Model(handle, loaded.model().sampling(), loaded.model().latentFormat(), loaded.model().maxBatch()),
                    new Clip(handle, Checkpoint::clip),
                    new Vae(handle, loaded.vae().latentFormat(), loaded.vae().downscale()));
        }
    }

    private ModelCache.Lease<LoadedCheckpoint> lease() throws IOException {
        return cache.acquire(key, key.size(), LoadedCheckpoint.class, loader);
    }

    /** Runs {@code call} on the loaded checkpoint, leased for the call. */
    private <T> T with(Function<Checkpoint, T> call) {
        try (ModelCache.Lease<LoadedCheckpoint> lease = lease()) {
            return call.apply(lease.value().checkpoint());
        } catch (IOException e) {
            throw new UncheckedIOException("reloading " + key.realPath(), e);
        }
    }

    private record Model(CheckpointHandle handle, ModelSampling sampling, LatentFormat latentFormat, int maxBatch)
            implements DiffusionModel {
        @Override
        public Tensor apply(Tensor xIn, double[] timesteps, List<ConditioningEntry> conds) {
            return handle.with(c -> c.model().apply(xIn, timesteps, conds));
        }
    }

    /** The text encoder, or a view of it ({@code withLastLayer}) that {@code part} picks from the loaded checkpoint. */
    private record Clip(CheckpointHandle handle, Function<Checkpoint, ClipModel> part) implements ClipModel {
        @Override
        public Conditioning encode(String text) {
            return handle.with(c -> part.apply(c).encode(text));
        }

        @Override
        public ClipModel withLastLayer(int layer) {
            Function<Checkpoint, ClipModel> base = part;
            // asked of the loaded encoder now, so that a layer it lacks fails at CLIPSetLastLayer
            handle.with(c -> base.apply(c).withLastLayer(layer));
            return new Clip(handle, c -> base.apply(c).withLastLayer(layer));
        }
    }

    private record Vae(CheckpointHandle handle, LatentFormat latentFormat, int downscale) implements VaeModel {
        @Override
        public Tensor decode(Tensor latent) {
            return handle.with(c -> c.vae().decode(latent));
        }

        @Override
        public Tensor encode(Tensor image) {
            return handle.with(c -> c.vae().encode(image));
        }
    }
}
