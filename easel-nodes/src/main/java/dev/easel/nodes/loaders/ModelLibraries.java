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

    /** The folders a loader reads, as ComfyUI lays them out under {@code models/}. */
    private static final Map<String, List<String>> DEFAULT_FOLDERS = Map.of(
            ModelLibrary.CHECKPOINTS, List.of("checkpoints"),
            ModelLibrary.LORAS, List.of("loras"));

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
     * The environment's folders, with ComfyUI's default folders under {@code models/} for the keys
     * it names none for, and a {@code tokenizers} folder beside the first checkpoints folder.
     */
    private static Map<String, List<Path>> folders(PackEnvironment env) {
        Map<String, List<Path>> folders = new LinkedHashMap<>(env.modelFolders());
        Path defaults = env.baseDir().resolve("models");
        DEFAULT_FOLDERS.forEach((key, subfolders) -> folders.putIfAbsent(key, subfolders.stream().map(defaults::resolve).toList()));
        // beside the default checkpoints folder, so that a models directory moved elsewhere takes it along
        Path models = folders.get(ModelLibrary.CHECKPOINTS).getFirst().toAbsolutePath().getParent();
        if (models != null) folders.putIfAbsent(ModelLibrary.TOKENIZERS, List.of(models.resolve(ModelLibrary.TOKENIZERS)));
        return folders;
    }
}
