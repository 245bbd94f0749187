package dev.easel.models.library;

import dev.easel.models.Checkpoint;
import dev.easel.models.cache.ModelCache;
import dev.easel.models.safetensors.DType;
import dev.easel.models.safetensors.SafetensorsFile;
import dev.easel.models.single.CheckpointConfig;
import dev.easel.models.single.SingleFileLoader;
import dev.easel.models.single.TokenizerSource;
import dev.easel.models.toy.ToyCheckpoints;
import dev.easel.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SingleFileFormatTest {
    @TempDir
    Path dir;

    /** The tiny SD1 checkpoint's own configuration, which no released model has (so detection refuses it). */
    private static final SingleFileFormat.Resolver TOY = new SingleFileFormat.Resolver() {
        @Override
        public CheckpointConfig config(SafetensorsFile file) {
            return ToyCheckpoints.sd1();
        }

        @Override
        public TokenizerSource tokenizers(Path entry) {
            return ToyCheckpoints.tokenizers();
        }
    };

    private Path checkpoints() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("checkpoints"));
        ToyCheckpoints.write(folder.resolve("tiny-sd1.safetensors"), ToyCheckpoints.sd1(), ToyCheckpoints.SEED, DType.F16);
        return folder;
    }

    private Path tokenizers() throws IOException {
        Path folder = dir.resolve("tokenizers");
        dev.easel.models.text.VocabularyWriter.writeWithClipIds(folder, List.of("a", "cat"));
        return folder;
    }

    @Test
    void aSafetensorsFileIsListedAndLoadsAsTheThreeParts() throws IOException {
        Path folder = checkpoints();
        ModelLibrary library = new ModelLibrary(Map.of(ModelLibrary.CHECKPOINTS, List.of(folder)), ModelCache.lru(1L << 30),
                List.of(new SingleFileFormat(SingleFileLoader.defaults(), TOY)));

        assertThat(library.checkpointNames()).containsExactly("tiny-sd1.safetensors");
        Checkpoint checkpoint = library.loadCheckpoint("tiny-sd1.safetensors");
        Tensor context = checkpoint.clip().encode("1 2 3").entries().getFirst().crossAttn();
        assertThat(context.shape()).containsExactly(1, 77, 32);
        assertThat(checkpoint.vae().decode(Tensor.zeros(1, 4, 2, 2)).shape()).containsExactly(1, 16, 16, 3);
        assertThat(checkpoint.model().latentFormat()).isEqualTo(dev.easel.diffusion.latent.LatentFormat.SD15);
    }

    @Test
    void theDefaultFormatConfiguresATinyCheckpointFromItsTensors() throws IOException {
        Path folder = checkpoints();
        ModelLibrary library = new ModelLibrary(Map.of(ModelLibrary.CHECKPOINTS, List.of(folder)), ModelCache.lru(1L << 30),
                List.of(new SingleFileFormat(SingleFileLoader.defaults(), TOY)));
        ModelLibrary detecting = new ModelLibrary(Map.of(ModelLibrary.CHECKPOINTS, List.of(folder),
                ModelLibrary.TOKENIZERS, List.of(tokenizers())), ModelCache.lru(1L << 30));

        assertThat(detecting.checkpointNames()).containsExactly("tiny-sd1.safetensors");
        Tensor x = Tensor.zeros(1, 4, 4, 4);
        Checkpoint configured = library.loadCheckpoint("tiny-sd1.safetensors");
        Checkpoint detected = detecting.loadCheckpoint("tiny-sd1.safetensors");
        // the same networks: one UNet evaluation and one decode agree to the last bit
        var cond = configured.clip().encode("5 6").entries();
        assertThat(detected.model().apply(x, new double[]{500}, cond).data())
                .containsExactly(configured.model().apply(x, new double[]{500}, cond).data());
        assertThat(detected.vae().decode(x).data()).containsExactly(configured.vae().decode(x).data());
    }

    @Test
    void aDamagedFileIsRefusedNamingItAndTheProblem() throws IOException {
        Path folder = checkpoints();
        Path file = folder.resolve("tiny-sd1.safetensors");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        ModelLibrary library = new ModelLibrary(Map.of(ModelLibrary.CHECKPOINTS, List.of(folder)), ModelCache.lru(1L << 30));

        assertThatThrownBy(() -> library.loadCheckpoint("tiny-sd1.safetensors"))
                .hasMessageStartingWith(file.toRealPath() + ": truncated: tensor ");
    }
}
