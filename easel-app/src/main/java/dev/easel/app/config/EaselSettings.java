package dev.easel.app.config;

import dev.easel.engine.cache.CachePolicy;
import dev.easel.engine.node.PackEnvironment;
import dev.easel.engine.node.ResourceLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What both {@code easel} (the server) and {@code easel run} are configured with, resolved
 * from the flags and the extra model path files.
 *
 * @param customNodeDirs folders scanned for node pack jars ({@code <base>/custom_nodes} first)
 * @param enabledPacks   packs that are off by default but switched on
 * @param limits         what one prompt may decode and write (the nodes' share of the server's limits)
 */
public record EaselSettings(Folders folders, Map<String, List<Path>> modelFolders, List<Path> customNodeDirs,
                            Set<String> enabledPacks, CachePolicy cache, PreviewMethod previewMethod,
                            int previewSize, boolean metadataDisabled, ResourceLimits limits) {

    /** The name of ComfyUI's compatibility node pack. */
    public static final String TESTING_PACK = "testing";

    /** The folder name by which ComfyUI's test harness points {@code custom_nodes} at its test pack. */
    static final String TESTING_NODES_FOLDER = "testing_nodes";

    private static final Logger log = LoggerFactory.getLogger(EaselSettings.class);

    public EaselSettings {
        modelFolders = Map.copyOf(modelFolders);
        customNodeDirs = List.copyOf(customNodeDirs);
        enabledPacks = Set.copyOf(enabledPacks);
    }

    /**
     * Splits the extra paths: {@code custom_nodes} entries are folders of node packs (a folder
     * named {@code testing_nodes} switches on the testing pack instead), the rest are model folders.
     */
    public static EaselSettings of(Folders folders, List<ExtraModelPaths> extraPaths, boolean enableTestNodes,
                                   CachePolicy cache, PreviewMethod previewMethod, int previewSize,
                                   boolean metadataDisabled, ResourceLimits limits) {
        Set<String> enabled = new LinkedHashSet<>();
        if (enableTestNodes) enabled.add(TESTING_PACK);
        List<Path> customNodeDirs = new ArrayList<>(List.of(folders.customNodes()));
        List<ExtraModelPaths.Entry> modelEntries = new ArrayList<>();
        for (ExtraModelPaths config : extraPaths) {
            for (ExtraModelPaths.Entry entry : config.entries()) {
                if (!entry.folderKey().equals("custom_nodes")) {
                    modelEntries.add(entry);
                } else if (entry.path().getFileName() != null
                        && entry.path().getFileName().toString().equals(TESTING_NODES_FOLDER)) {
                    log.info("custom_nodes {} names the test node folder: enabling node pack '{}'", entry.path(), TESTING_PACK);
                    enabled.add(TESTING_PACK);
                } else if (!customNodeDirs.contains(entry.path())) {
                    customNodeDirs.add(entry.path());
                }
            }
        }
        return new EaselSettings(folders, ModelFolders.build(folders.models(), modelEntries), customNodeDirs,
                enabled, cache, previewMethod, previewSize, metadataDisabled, limits);
    }

    public PackEnvironment packEnvironment() {
        return new PackEnvironment(folders.base(), folders.output(), folders.input(), folders.temp(),
                metadataDisabled, previewMethod.wireName(), previewSize, modelFolders, limits);
    }
}
