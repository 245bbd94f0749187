package dev.easel.models.library;

import dev.easel.diffusion.model.DiffusionModel;
import dev.easel.models.Checkpoint;
import dev.easel.models.ClipModel;
import dev.easel.models.VaeModel;
import dev.easel.models.cache.ModelCache;
import dev.easel.models.cache.ModelKey;
import dev.easel.models.diffusers.DiffusersLoader;
import dev.easel.models.diffusers.OnnxClip;
import dev.easel.models.diffusers.OnnxUnet;
import dev.easel.models.lora.LoraApplication;
import dev.easel.models.single.SingleFileLoader;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What loader nodes call: the models in ComfyUI's model folders ({@code "checkpoints"} → folders,
 * the first being the default), listed by name and loaded through the {@link ModelCache}. Names
 * are relative to their folder with forward slashes; a diffusers ONNX folder is listed by its
 * folder name. When two folders hold the same name, the first folder's wins, as in ComfyUI.
 * Besides checkpoints: LoRAs merged into what a loader gave, and UNets, text encoders and VAEs
 * stored one to a file ({@link SingleFileParts}).
 */
public final class ModelLibrary {
    public static final String CHECKPOINTS = "checkpoints";
    /** ComfyUI's folder for diffusers-layout models, which its {@code DiffusersLoader} node lists. */
    public static final String DIFFUSERS = "diffusers";
    /** Folders holding a CLIP vocabulary for single-file checkpoints (Easel's own key; ComfyUI has none). */
    public static final String TOKENIZERS = "tokenizers";
    public static final String LORAS = "loras";
    public static final String VAE = "vae";
    public static final String DIFFUSION_MODELS = "diffusion_models";
    public static final String TEXT_ENCODERS = "text_encoders";
    public static final String CONFIGS = "configs";
    /** What ComfyUI lists in model folders ({@code folder_paths.supported_pt_extensions}). */
    private static final List<String> MODEL_EXTENSIONS = List.of(".ckpt", ".pt", ".pt2", ".bin", ".pth", ".safetensors", ".pkl", ".sft");

    private final Map<String, List<Path>> folders;
    private final ModelCache cache;
    private final List<CheckpointFormat> formats;
    private final SingleFileParts parts;

    public ModelLibrary(Map<String, List<Path>> modelFolders, ModelCache cache) {
        this(modelFolders, cache, List.of(new DiffusersOnnxFormat(DiffusersLoader.defaults()),
                SingleFileFormat.detecting(modelFolders.getOrDefault(TOKENIZERS, List.of()),
                        modelFolders.getOrDefault(CHECKPOINTS, List.of())),
                new PickledCheckpointFormat()));
    }

    /** With the checkpoint formats to recognise, asked in order. */
    public ModelLibrary(Map<String, List<Path>> modelFolders, ModelCache cache, List<CheckpointFormat> formats) {
        this.folders = Map.copyOf(modelFolders.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue()))));
        this.cache = cache;
        this.formats = List.copyOf(formats);
        this.parts = new SingleFileParts(SingleFileLoader.defaults(), folders(TOKENIZERS), folders(CHECKPOINTS));
    }

    /** Every checkpoint some format recognises in the {@code checkpoints} folders, sorted. */
    public List<String> checkpointNames() {
        return names(CHECKPOINTS, this::recognised);
    }

    /**
     * The named checkpoint, loaded now unless the cache holds it. Its parts lease it from the
     * cache for each call, so they keep working after an eviction or an unload (they load it again).
     */
    public Checkpoint loadCheckpoint(String name) throws IOException {
        return load(CHECKPOINTS, name);
    }

    /** The models in the {@code diffusers} folders ({@code DiffusersLoader}'s {@code model_path} choices). */
    public List<String> diffusersNames() {
        return names(DIFFUSERS, this::recognised);
    }

    /** The files in the {@code loras} folders ({@code LoraLoader}'s {@code lora_name} choices). */
    public List<String> loraNames() {
        return names(LORAS, ModelLibrary::isModelFile);
    }

    /**
     * {@code model} with the named LoRA merged into its UNet at {@code strength}, after any it
     * already has. The result is a model of its own (loaded now, cached apart); {@code model} and
     * the checkpoint it came from are unchanged. A model that cannot take a LoRA is an IOException saying why.
     */
    public DiffusionModel withLora(DiffusionModel model, String loraName, double strength) throws IOException {
        if (!(model instanceof CheckpointHandle.Model loaded)) throw notFromALoader("MODEL");
        return CheckpointHandle.withLora(loaded, lora(loraName, strength));
    }

    /** {@code clip} with the named LoRA merged into its text encoders at {@code strength}, as {@link #withLora(DiffusionModel, String, double)}. */
    public ClipModel withLora(ClipModel clip, String loraName, double strength) throws IOException {
        if (!(clip instanceof CheckpointHandle.Clip loaded)) throw notFromALoader("CLIP");
        return CheckpointHandle.withLora(loaded, lora(loraName, strength));
    }

    private static IOException notFromALoader(String type) {
        return new IOException("LoRAs merge into models loaded from single-file checkpoints; this " + type
                + " was not loaded from one");
    }

    private LoraApplication lora(String name, double strength) throws IOException {
        return new LoraApplication(ModelKey.of(safetensors(LORAS, name, "LoRA"), LORAS), strength);
    }

    /** The files in the {@code vae} folders ({@code VAELoader}'s {@code vae_name} choices, before its built-in ones). */
    public List<String> vaeNames() {
        return names(VAE, ModelLibrary::isModelFile);
    }

    /** The files in the {@code diffusion_models} folders ({@code models/unet}, {@code models/diffusion_models}). */
    public List<String> diffusionModelNames() {
        return names(DIFFUSION_MODELS, ModelLibrary::isModelFile);
    }

    /** The files in the {@code text_encoders} folders ({@code models/text_encoders}, {@code models/clip}). */
    public List<String> textEncoderNames() {
        return names(TEXT_ENCODERS, ModelLibrary::isModelFile);
    }

    /** The model configurations in the {@code configs} folders ({@code CheckpointLoader}'s {@code config_name} choices). */
    public List<String> configNames() {
        return names(CONFIGS, entry -> Files.isRegularFile(entry) && entry.getFileName().toString().endsWith(".yaml"));
    }

    /** The named {@code configs} file, checked to exist: Easel configures every checkpoint from its tensors instead. */
    public Path config(String name) throws IOException {
        return entry(CONFIGS, name).filter(Files::isRegularFile).orElseThrow(() -> new NoSuchFileException(name, null,
                "no config of that name in the " + CONFIGS + " folders " + folders(CONFIGS)));
    }

    /** A VAE stored alone in the {@code vae} folders, loaded now. */
    public VaeModel loadVae(String name) throws IOException {
        Path file = safetensors(VAE, name, "VAE");
        return CheckpointHandle.vae(Leased.of(cache, ModelKey.of(file, VAE), VaeModel.class, () -> parts.vae(file)));
    }

    /** A UNet stored alone in the {@code diffusion_models} folders, loaded now; LoRAs merge into it as into a checkpoint's. */
    public DiffusionModel loadDiffusionModel(String name) throws IOException {
        Path file = safetensors(DIFFUSION_MODELS, name, "diffusion model");
        ModelKey key = ModelKey.of(file, DIFFUSION_MODELS);
        LoraPatching patching = new LoraPatching() {
            @Override
            public OnnxUnet unet(List<LoraApplication> loras) throws IOException {
                return parts.unet(file, loras);
            }

            @Override
            public OnnxClip clip(List<LoraApplication> loras) throws IOException {
                throw new IOException(file.getFileName() + " is a UNet on its own, without text encoders");
            }
        };
        return CheckpointHandle.model(Leased.of(cache, key, DiffusionModel.class, () -> parts.unet(file, List.of())),
                new CheckpointHandle.Source(cache, key, Optional.of(patching), ""));
    }

    /**
     * Text encoders stored alone in the {@code text_encoders} folders, as {@code type} combines them
     * ({@code stable_diffusion}: one; {@code sdxl}: CLIP-L and bigG), loaded now.
     */
    public ClipModel loadTextEncoders(List<String> names, String type) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String name : names) files.add(safetensors(TEXT_ENCODERS, name, "text encoder"));
        ModelKey key = ModelKey.of(files.getFirst(), TEXT_ENCODERS + " " + type);
        for (Path other : files.subList(1, files.size())) key = key.variant("+ " + ModelKey.of(other, TEXT_ENCODERS).version());
        return CheckpointHandle.clip(Leased.of(cache, key, ClipModel.class, () -> parts.clip(files, type)),
                new CheckpointHandle.Source(cache, key, Optional.empty(), "LoRAs merge into the text encoders of single-file "
                        + "checkpoints; Easel does not merge them into text encoders loaded on their own yet"));
    }

    /** The named file of {@code folderKey}, which must be a {@code .safetensors} file: pickled ones are refused, saying why. */
    private Path safetensors(String folderKey, String name, String what) throws IOException {
        Path file = entry(folderKey, name).filter(Files::isRegularFile).orElseThrow(() -> new NoSuchFileException(name, null,
                "no " + what + " of that name in the " + folderKey + " folders " + folders(folderKey)));
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".safetensors") && !lower.endsWith(".sft")) throw PickledCheckpointFormat.refusal(file);
        return file;
    }

    private static boolean isModelFile(Path entry) {
        String name = entry.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(entry) && MODEL_EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    public Checkpoint loadDiffusers(String name) throws IOException {
        return load(DIFFUSERS, name);
    }

    private List<String> names(String folderKey, Predicate<Path> listed) {
        TreeSet<String> names = new TreeSet<>();
        for (Path root : folders(folderKey)) {
            if (Files.isDirectory(root)) collect(root, names, listed);
        }
        return List.copyOf(names);
    }

    /** The first folder's {@code name}, as ComfyUI's {@code get_full_path} finds it. */
    private Optional<Path> entry(String folderKey, String name) {
        return folders(folderKey).stream().map(root -> resolve(root, name)).flatMap(Optional::stream).findFirst();
    }

    private Checkpoint load(String folderKey, String name) throws IOException {
        for (Path root : folders(folderKey)) {
            Optional<Path> entry = resolve(root, name);
            if (entry.isEmpty()) continue;
            for (CheckpointFormat format : formats) {
                if (!format.recognises(entry.get())) continue;
                ModelKey key = ModelKey.of(entry.get(), format.id());
                return CheckpointHandle.open(cache, key, () -> format.load(entry.get()), format.loraPatching(entry.get()));
            }
        }
        throw new NoSuchFileException(name, null, "no checkpoint of that name in the " + folderKey
                + " folders " + folders(folderKey));
    }

    private List<Path> folders(String key) {
        return folders.getOrDefault(key, List.of());
    }

    /** {@code root/name}, if it exists and stays inside {@code root}. */
    private static Optional<Path> resolve(Path root, String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\")) return Optional.empty();
        Path base = root.toAbsolutePath().normalize();
        Path entry = base.resolve(name).normalize();
        if (!entry.startsWith(base) || entry.equals(base) || !Files.exists(entry)) return Optional.empty();
        return Optional.of(entry);
    }

    private static void collect(Path root, TreeSet<String> names, Predicate<Path> listed) {
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(root)) return FileVisitResult.CONTINUE;
                    if (listed.test(dir)) {
                        names.add(name(root, dir));
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (listed.test(file)) names.add(name(root, file));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // an unreadable entry or a link cycle hides that entry, not the whole listing
                    return e instanceof FileSystemLoopException ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("listing " + root, e);
        }
    }

    private boolean recognised(Path entry) {
        return formats.stream().anyMatch(f -> f.recognises(entry));
    }

    private static String name(Path root, Path entry) {
        return root.relativize(entry).toString().replace(entry.getFileSystem().getSeparator(), "/");
    }
}
