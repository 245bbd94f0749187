package dev.easel.server.models;

import dev.easel.server.ServerFolders;
import dev.easel.server.files.FileStamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * ComfyUI's model folder keys, the directories each is searched in, and the file extensions
 * each takes, as {@code folder_paths} declares them; keys named only by the configuration
 * follow ComfyUI's, with no extensions of their own.
 */
public final class ModelCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(ModelCatalog.class);
    /** ComfyUI's keys, in its order. */
    public static final List<String> KEYS = List.of("checkpoints", "configs", "loras", "vae", "text_encoders",
            "diffusion_models", "clip_vision", "style_models", "embeddings", "diffusers", "vae_approx", "controlnet",
            "gligen", "upscale_models", "latent_upscale_models", "custom_nodes", "hypernetworks", "photomaker",
            "classifiers", "model_patches", "audio_encoders");
    /** The weight files ComfyUI lists in model folders. */
    public static final Set<String> WEIGHT_EXTENSIONS =
            Set.of(".ckpt", ".pt", ".pt2", ".bin", ".pth", ".safetensors", ".pkl", ".sft");

    private final ServerFolders folders;

    public ModelCatalog(ServerFolders folders) {
        this.folders = folders;
    }

    /** A file of a model folder as {@code /experiment/models/{folder}} lists it. */
    public record ModelFile(String name, int pathIndex, double modified, double created, long size) {}

    public List<String> keys() {
        Set<String> keys = new LinkedHashSet<>(KEYS);
        keys.addAll(new TreeSet<>(folders.modelFolders().keySet()));
        return List.copyOf(keys);
    }

    public boolean known(String key) {
        return keys().contains(key);
    }

    public List<Path> paths(String key) {
        return folders.modelPaths(key);
    }

    /** The extensions a folder takes, sorted; {@code folder} for diffusers, one empty one for classifiers. */
    public List<String> extensions(String key) {
        Set<String> set = switch (key) {
            case "configs" -> Set.of(".yaml");
            case "diffusers" -> Set.of("folder");
            case "classifiers" -> Set.of("");
            case "custom_nodes" -> Set.of();
            default -> KEYS.contains(key) ? WEIGHT_EXTENSIONS : Set.of();
        };
        return List.copyOf(new TreeSet<>(set));
    }

    /**
     * The weight files under each directory of a folder, first directory first, each directory's
     * files sorted and before those of its sub-directories; hidden names (so {@code .git}) skipped.
     */
    public List<ModelFile> files(String key) throws IOException {
        List<ModelFile> out = new ArrayList<>();
        List<Path> dirs = paths(key);
        for (int index = 0; index < dirs.size(); index++) {
            Path dir = dirs.get(index);
            if (Files.isDirectory(dir)) out.addAll(walk(dir, index));
        }
        return out;
    }

    /** Files of a directory (names sorted) before those of its sub-directories, links followed once. */
    private static List<ModelFile> walk(Path root, int index) throws IOException {
        List<ModelFile> out = new ArrayList<>();
        walk(root, root, index, out, new HashSet<>());
        return out;
    }

    private static void walk(Path root, Path dir, int index, List<ModelFile> out, Set<Path> seen) throws IOException {
        if (!seen.add(dir.toRealPath())) return;
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        List<Path> subdirs = new ArrayList<>();
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                subdirs.add(entry);
            } else if (WEIGHT_EXTENSIONS.contains(extension(entry.getFileName().toString()))) {
                try {
                    out.add(new ModelFile(root.relativize(entry).toString(), index, FileStamps.modified(entry),
                            FileStamps.changed(entry), Files.size(entry)));
                } catch (IOException unreadable) {
                    LOG.warn("Skipping model file {}: {}", entry, unreadable.toString());
                }
            }
        }
        for (Path sub : subdirs) walk(root, sub, index, out, seen);
    }

    /** Python's {@code os.path.splitext(name)[1].lower()}: a leading dot alone is no extension. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || name.substring(0, dot).chars().allMatch(c -> c == '.')) return "";
        return name.substring(dot).toLowerCase(Locale.ROOT);
    }
}
