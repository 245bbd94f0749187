package dev.easel.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The folders the server reads and writes, laid out as ComfyUI does; the command line resolves
 * them from its folder flags, {@link #under} puts them all under one base directory.
 *
 * @param base         the base directory; model folders not listed in {@code modelFolders} are under it
 * @param output       where nodes save their outputs ({@code type=output})
 * @param input        where uploads go and {@code LoadImage} reads ({@code type=input})
 * @param temp         previews and other files of {@code type=temp}; emptied when the server starts
 * @param user         settings, user data, {@code users.json}, {@code auth.json} and the job store's file
 * @param modelFolders ComfyUI model folder keys to the directories searched (from the models
 *                     directory and extra_model_paths files); a key not listed means
 *                     {@code <base>/models/<key>}
 */
public record ServerFolders(Path base, Path output, Path input, Path temp, Path user,
                            Map<String, List<Path>> modelFolders) {

    public ServerFolders {
        modelFolders = Map.copyOf(modelFolders);
    }

    /** Every folder under {@code base} by its ComfyUI name, and no model folder beyond the defaults. */
    public static ServerFolders under(Path base) {
        return new ServerFolders(base, base.resolve("output"), base.resolve("input"), base.resolve("temp"),
                base.resolve("user"), Map.of());
    }

    /** The directories searched for a folder key; {@code custom_nodes} is beside {@code models}, not in it. */
    public List<Path> modelPaths(String folder) {
        Path byDefault = folder.equals("custom_nodes") ? base.resolve(folder) : base.resolve("models").resolve(folder);
        return modelFolders.getOrDefault(folder, List.of(byDefault));
    }

    /** The folders the server writes to, which it creates when it starts if they are missing. */
    public List<Path> written() {
        return List.of(output, input, temp, user);
    }

    public ServerFolders withModelFolders(Map<String, List<Path>> newModelFolders) {
        return new ServerFolders(base, output, input, temp, user, newModelFolders);
    }
}
