package dev.easel.models.library;

import dev.easel.models.Checkpoint;
import dev.easel.models.cache.ModelCache;
import dev.easel.models.diffusers.DiffusersLoader;
import dev.easel.models.onnx.SessionSettings;
import dev.easel.models.toy.ToyDiffusers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelLibraryTest {
    @TempDir
    Path dir;

    private static final CheckpointFormat DIFFUSERS = new DiffusersOnnxFormat(
            new DiffusersLoader(SessionSettings.defaults().withIntraOpThreads(1), ToyDiffusers.tokenizers()));

    private ModelLibrary library(ModelCache cache, Path... checkpointFolders) {
        return new ModelLibrary(Map.of(ModelLibrary.CHECKPOINTS, List.of(checkpointFolders)), cache, List.of(DIFFUSERS));
    }

    @Test
    void diffusersFoldersAreListedByTheirNamesWithForwardSlashesSorted() throws IOException {
        Path first = dir.resolve("checkpoints"), second = dir.resolve("more");
        ToyDiffusers.sd15().writeTo(first.resolve("sd15"));
        ToyDiffusers.sd15().writeTo(first.resolve("xl/base"));
        ToyDiffusers.sd15().writeTo(second.resolve("another"));
        Files.writeString(first.resolve("notes.txt"), "not a model");
        Files.createDirectories(first.resolve("empty"));

        assertThat(library(ModelCache.lru(1 << 30), first, second).checkpointNames())
                .containsExactly("another", "sd15", "xl/base");
    }

    @Test
    void aFolderThatDoesNotExistListsNothing() {
        assertThat(library(ModelCache.lru(1 << 30), dir.resolve("missing")).checkpointNames()).isEmpty();
    }

    @Test
    void aLoadedCheckpointIsServedFromTheCache() throws IOException {
        Path folder = dir.resolve("checkpoints");
        ToyDiffusers.sd15().writeTo(folder.resolve("sd15"));
        java.util.concurrent.atomic.AtomicInteger loads = new java.util.concurrent.atomic.AtomicInteger();
        CheckpointFormat counting = new CheckpointFormat() {
            public String id() { return DIFFUSERS.id(); }
            public boolean recognises(Path entry) { return DIFFUSERS.recognises(entry); }
            public LoadedCheckpoint load(Path entry) throws IOException {
                loads.incrementAndGet();
                return DIFFUSERS.load(entry);
            }
        };
        ModelLibrary library = new ModelLibrary(Map.of(ModelLibrary.CHECKPOINTS, List.of(folder)),
                ModelCache.lru(1 << 30), List.of(counting));
        Checkpoint first = library.loadCheckpoint("sd15");
        Checkpoint second = library.loadCheckpoint("sd15");
        float[] once = first.clip().encode("5").entries().getFirst().crossAttn().data();

        assertThat(second.clip().encode("5").entries().getFirst().crossAttn().data()).containsExactly(once);
        assertThat(first.vae().downscale()).isEqualTo(8);
        assertThat(loads).hasValue(1);
    }

    @Test
    void aNestedCheckpointLoadsByItsSlashedName() throws IOException {
        Path folder = dir.resolve("checkpoints");
        ToyDiffusers.sdxl().writeTo(folder.resolve("xl/base"));

        Checkpoint c = library(ModelCache.lru(1 << 30), folder).loadCheckpoint("xl/base");

        assertThat(c.model().latentFormat()).isEqualTo(dev.easel.diffusion.latent.LatentFormat.SDXL);
    }

    @Test
    void theFirstFolderWinsWhenTwoHoldTheSameName() throws IOException {
        Path first = dir.resolve("a"), second = dir.resolve("b");
        ToyDiffusers.sd15().writeTo(first.resolve("model"));
        ToyDiffusers.sdxl().writeTo(second.resolve("model"));

        Checkpoint c = library(ModelCache.lru(1 << 30), first, second).loadCheckpoint("model");

        assertThat(c.model().latentFormat()).isEqualTo(dev.easel.diffusion.latent.LatentFormat.SD15);
    }

    @Test
    void anUnknownNameIsAnErrorNamingTheFoldersSearched() {
        Path first = dir.resolve("a"), second = dir.resolve("b");

        assertThatThrownBy(() -> library(ModelCache.lru(1 << 30), first, second).loadCheckpoint("nope"))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessage("nope: no checkpoint of that name in the checkpoints folders [" + first + ", " + second + "]");
    }

    @Test
    void aNameCannotLeaveItsFolder() throws IOException {
        ToyDiffusers.sd15().writeTo(dir.resolve("outside"));
        Path folder = Files.createDirectories(dir.resolve("checkpoints"));

        assertThatThrownBy(() -> library(ModelCache.lru(1 << 30), folder).loadCheckpoint("../outside"))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aCheckpointKeptAcrossAnUnloadLoadsAgainAtItsNextUse() throws IOException {
        Path folder = dir.resolve("checkpoints");
        ToyDiffusers.sd15().writeTo(folder.resolve("sd15"));
        ModelCache cache = ModelCache.lru(1 << 30);
        Checkpoint c = library(cache, folder).loadCheckpoint("sd15");
        float[] before = c.clip().encode("5").entries().getFirst().crossAttn().data();
        cache.unloadAll();
        assertThat(cache.size()).isZero();

        // what a prompt kept from before the unload loads the checkpoint again when it is used
        assertThat(c.clip().encode("5").entries().getFirst().crossAttn().data()).containsExactly(before);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void anotherFormatSlotsInWithoutChangingCallers() throws IOException {
        Path folder = dir.resolve("checkpoints");
        Path toy = ToyDiffusers.sd15().writeTo(dir.resolve("elsewhere/sd15"));
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("model.safetensors"), "stands for the toy folder");
        CheckpointFormat singleFile = new CheckpointFormat() {
            public String id() { return "single-file"; }
            public boolean recognises(Path entry) { return entry.toString().endsWith(".safetensors"); }
            public LoadedCheckpoint load(Path entry) throws IOException { return DIFFUSERS.load(toy); }
        };
        ModelLibrary library = new ModelLibrary(Map.of(ModelLibrary.CHECKPOINTS, List.of(folder)),
                ModelCache.lru(1 << 30), List.of(DIFFUSERS, singleFile));

        assertThat(library.checkpointNames()).containsExactly("model.safetensors");
        assertThat(library.loadCheckpoint("model.safetensors").vae().downscale()).isEqualTo(8);
    }

    @Test
    void theDiffusersFoldersAreListedAndLoadedOnTheirOwn() throws IOException {
        Path checkpoints = dir.resolve("checkpoints"), diffusers = dir.resolve("diffusers");
        ToyDiffusers.sd15().writeTo(checkpoints.resolve("a"));
        ToyDiffusers.sd15().writeTo(diffusers.resolve("b"));
        ModelLibrary library = new ModelLibrary(Map.of(ModelLibrary.CHECKPOINTS, List.of(checkpoints),
                ModelLibrary.DIFFUSERS, List.of(diffusers)), ModelCache.lru(1 << 30), List.of(DIFFUSERS));

        assertThat(library.diffusersNames()).containsExactly("b");
        assertThat(library.loadDiffusers("b").vae().downscale()).isEqualTo(8);
        assertThatThrownBy(() -> library.loadDiffusers("a")).hasMessageContaining("no checkpoint of that name in the diffusers folders");
    }
    @Test
    void pickledCheckpointsAreListedAndRefusedWhenLoaded() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("checkpoints"));
        Files.write(folder.resolve("v1-5-pruned-emaonly.ckpt"), new byte[]{'P', 'K', 3, 4});
        ModelLibrary library = new ModelLibrary(Map.of(ModelLibrary.CHECKPOINTS, List.of(folder)), ModelCache.lru(1 << 30));

        assertThat(library.checkpointNames()).containsExactly("v1-5-pruned-emaonly.ckpt");
        assertThatThrownBy(() -> library.loadCheckpoint("v1-5-pruned-emaonly.ckpt")).isInstanceOf(IOException.class)
                .hasMessage("v1-5-pruned-emaonly.ckpt is a pickled PyTorch checkpoint, which Easel never loads because "
                        + "unpickling runs code from the file; use the model's .safetensors release, or convert the file "
                        + "to .safetensors with a tool you trust");
    }
}
