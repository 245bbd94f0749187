package dev.easel.app.cli;

import dev.easel.app.config.Folders;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/** Where the user directory is, named as the server names it: {@code --user-directory}, or {@code user/} under {@code --base-directory}. */
public final class UserDirectoryOptions {

    @Option(names = "--base-directory", paramLabel = "DIR",
            description = "Base folder of the server (default: the working directory); the users are kept in <base>/user.")
    Path baseDirectory;

    @Option(names = "--user-directory", paramLabel = "DIR", description = "User folder (default: <base>/user).")
    Path userDirectory;

    public Path userDirectory() {
        return Folders.resolve(Optional.ofNullable(baseDirectory), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.ofNullable(userDirectory), Optional.empty()).user();
    }
}
