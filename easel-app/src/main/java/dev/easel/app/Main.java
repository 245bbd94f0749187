package dev.easel.app;

import dev.easel.app.cli.EaselCommand;

/** The {@code easel} entry point. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(EaselCommand.commandLine().execute(args));
    }
}
