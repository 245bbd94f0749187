package dev.easel.nodes.loaders;

import dev.easel.engine.node.PackEnvironment;
import dev.easel.models.cache.ModelCache;
import dev.easel.models.library.ModelLibrary;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link ModelLibrary} per pack environment, shared by every loader node built for it, each
 * with its own {@link ModelCache}; {@link #unloadAll} empties them all ({@code POST /free}).
 */
public final class ModelLibraries {
    private record Entry(ModelLibrary library, ModelCache cache) {}

    private final Map<PackEnvironment, Entry> byEnvironment = new ConcurrentHashMap<>();
    private final long budgetBytes;

    public ModelLibraries() {
        this(MemoryBudget.defaultBytes());
    }

    public ModelLibraries(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    public ModelLibrary forEnvironment(PackEnvironment env) {
        return byEnvironment.computeIfAbsent(env, e -> {
            ModelCache cache = ModelCache.lru(budgetBytes);
            return new Entry(new ModelLibrary(folders(e), cache), cache);
        }).library();
    }

    public void unloadAll() {
        byEnvironment.values().forEach(entry -> entry.cache().unloadAll());
    }

    /**
     * The environment's folders, with {@code models/checkpoints} when it names none, and a
     * {@code tokenizers} folder beside the first checkpoints folder.
     */
    private static Map<String, List<Path>> folders(PackEnvironment env) {
        Map<String, List<Path>> folders = new LinkedHashMap<>(env.modelFolders());
        folders.putIfAbsent(ModelLibrary.CHECKPOINTS, List.of(env.baseDir().resolve("models").resolve(ModelLibrary.CHECKPOINTS)));
        // beside the default checkpoints folder, so that a models directory moved elsewhere takes it along
        Path models = folders.get(ModelLibrary.CHECKPOINTS).getFirst().toAbsolutePath().getParent();
        if (models != null) folders.putIfAbsent(ModelLibrary.TOKENIZERS, List.of(models.resolve(ModelLibrary.TOKENIZERS)));
        return folders;
    }
}
