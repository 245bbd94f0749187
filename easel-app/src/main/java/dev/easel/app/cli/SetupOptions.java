package dev.easel.app.cli;

import dev.easel.app.config.EaselSettings;
import dev.easel.app.config.ExtraModelPaths;
import dev.easel.app.config.Folders;
import dev.easel.app.config.PreviewMethod;
import dev.easel.engine.cache.CachePolicy;
import dev.easel.engine.node.ResourceLimits;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** ComfyUI's flags for folders, node packs, caching and previews; shared by the server and {@code run}. */
public final class SetupOptions {

    @Option(names = "--base-directory", paramLabel = "DIR",
            description = "Base folder for models, custom_nodes, input, output, temp and user (default: the working directory).")
    Path baseDirectory;

    @Option(names = "--output-directory", paramLabel = "DIR", description = "Output folder (default: <base>/output).")
    Path outputDirectory;

    @Option(names = "--input-directory", paramLabel = "DIR", description = "Input folder (default: <base>/input).")
    Path inputDirectory;

    @Option(names = "--temp-directory", paramLabel = "DIR", description = "Parent of the temp folder: temp/ is made inside DIR, as ComfyUI does (default: <base>).")
    Path tempDirectory;

    @Option(names = "--user-directory", paramLabel = "DIR", description = "User folder (default: <base>/user).")
    Path userDirectory;

    @Option(names = "--models-directory", paramLabel = "DIR", description = "Models folder (default: <base>/models).")
    Path modelsDirectory;

    @Option(names = "--extra-model-paths-config", paramLabel = "PATH", arity = "1..*",
            description = "Load one or more extra_model_paths.yaml files (repeatable).")
    List<Path> extraModelPathsConfigs = new ArrayList<>();

    @Option(names = "--enable-test-nodes", description = "Enable the 'testing' node pack (ComfyUI's compatibility nodes).")
    boolean enableTestNodes;

    @Option(names = "--cpu", description = "Run on the CPU (accepted for compatibility; Easel always does here).")
    boolean cpu;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    CacheOptions cache;

    @Option(names = "--preview-method", paramLabel = "METHOD", converter = PreviewMethodConverter.class,
            defaultValue = "none", description = "Latent previews: none, auto, latent2rgb or taesd (default: ${DEFAULT-VALUE}).")
    PreviewMethod previewMethod;

    @Option(names = "--preview-size", paramLabel = "PX", defaultValue = "512",
            description = "Maximum preview size in pixels (default: ${DEFAULT-VALUE}).")
    int previewSize;

    @Option(names = "--disable-metadata", description = "Do not save the prompt in saved files.")
    boolean disableMetadata;

    public Folders folders() {
        return Folders.resolve(Optional.ofNullable(baseDirectory), Optional.ofNullable(outputDirectory),
                Optional.ofNullable(inputDirectory), Optional.ofNullable(tempDirectory),
                Optional.ofNullable(userDirectory), Optional.ofNullable(modelsDirectory));
    }

    public CachePolicy cachePolicy() {
        return cache == null ? CachePolicy.classic() : cache.policy();
    }

    /** Reads the extra model path files and resolves everything; throws ConfigException on a bad file. */
    public EaselSettings settings(ResourceLimits limits) {
        List<ExtraModelPaths> extra = extraModelPathsConfigs.stream().map(ExtraModelPaths::load).toList();
        return EaselSettings.of(folders(), extra, enableTestNodes, cachePolicy(), previewMethod, previewSize,
                disableMetadata, limits);
    }
}
