package dev.easel.app.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ComfyUI's model folder keys and where each is searched: its default folders under
 * {@code models/}, then the extra paths from the YAML configs ({@code is_default} ones first).
 */
public final class ModelFolders {

    /** Folder key → sub-folders of {@code models/}, as ComfyUI lays them out. */
    private static final Map<String, List<String>> DEFAULTS = defaults();

    /** Old names still accepted in configs, mapped to the key they became. */
    private static final Map<String, String> LEGACY = Map.of("clip", "text_encoders", "unet", "diffusion_models");

    private ModelFolders() {
    }

    public static Map<String, List<Path>> build(Path modelsDir, List<ExtraModelPaths.Entry> extras) {
        Map<String, List<Path>> folders = new LinkedHashMap<>();
        DEFAULTS.forEach((key, subdirs) -> folders.put(key,
                new ArrayList<>(subdirs.stream().map(modelsDir::resolve).toList())));
        for (ExtraModelPaths.Entry entry : extras) {
            String key = LEGACY.getOrDefault(entry.folderKey(), entry.folderKey());
            List<Path> paths = folders.computeIfAbsent(key, k -> new ArrayList<>());
            boolean known = paths.contains(entry.path());
            if (entry.isDefault()) {
                paths.remove(entry.path());
                paths.add(0, entry.path());
            } else if (!known) {
                paths.add(entry.path());
            }
        }
        Map<String, List<Path>> frozen = new LinkedHashMap<>();
        folders.forEach((key, paths) -> frozen.put(key, List.copyOf(paths)));
        return frozen;
    }

    /** The sub-folders of {@code models/} that ComfyUI creates, in its order. */
    public static List<String> defaultSubfolders() {
        return DEFAULTS.values().stream().flatMap(List::stream).distinct().toList();
    }

    private static Map<String, List<String>> defaults() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        map.put("checkpoints", List.of("checkpoints"));
        map.put("configs", List.of("configs"));
        map.put("loras", List.of("loras"));
        map.put("vae", List.of("vae"));
        map.put("text_encoders", List.of("text_encoders", "clip"));
        map.put("diffusion_models", List.of("unet", "diffusion_models"));
        map.put("clip_vision", List.of("clip_vision"));
        map.put("style_models", List.of("style_models"));
        map.put("embeddings", List.of("embeddings"));
        map.put("diffusers", List.of("diffusers"));
        map.put("vae_approx", List.of("vae_approx"));
        map.put("controlnet", List.of("controlnet", "t2i_adapter"));
        map.put("gligen", List.of("gligen"));
        map.put("upscale_models", List.of("upscale_models"));
        map.put("latent_upscale_models", List.of("latent_upscale_models"));
        map.put("hypernetworks", List.of("hypernetworks"));
        map.put("photomaker", List.of("photomaker"));
        map.put("classifiers", List.of("classifiers"));
        map.put("model_patches", List.of("model_patches"));
        map.put("audio_encoders", List.of("audio_encoders"));
        return map;
    }
}
