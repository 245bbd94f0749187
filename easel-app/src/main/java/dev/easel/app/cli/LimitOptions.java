package dev.easel.app.cli;

import dev.easel.engine.node.ResourceLimits;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The bounds the image nodes keep, for the server and {@code run} alike: pixels decoded, bytes
 * written to {@code temp/} by one prompt, and prompt text embedded in a saved image.
 */
public final class LimitOptions {
    static final long MB = 1024 * 1024;

    @Option(names = "--max-image-pixels", paramLabel = "N", defaultValue = "178956970",
            description = "Largest image decoded, in pixels, checked from its header (default: ${DEFAULT-VALUE}).")
    long maxImagePixels;

    @Option(names = "--max-temp-size-per-prompt", paramLabel = "MB", defaultValue = "2048",
            description = "Most bytes one prompt may write to temp/, in MB (default: ${DEFAULT-VALUE}).")
    double maxTempSizeMb;

    @Option(names = "--max-metadata-size", paramLabel = "MB", defaultValue = "4",
            description = "Largest prompt and workflow text embedded in a saved image, in MB; beyond it none is (default: ${DEFAULT-VALUE}).")
    double maxMetadataSizeMb;

    /** The limits these flags set, the server-only ones at their defaults; a value out of range is a usage error. */
    public ResourceLimits limits(CommandLine commandLine) {
        atLeast(commandLine, "--max-image-pixels", maxImagePixels, 1);
        atLeast(commandLine, "--max-temp-size-per-prompt", maxTempSizeMb, 0);
        atLeast(commandLine, "--max-metadata-size", maxMetadataSizeMb, 0);
        return ResourceLimits.defaults().withMaxImagePixels(maxImagePixels)
                .withMaxTempBytesPerPrompt(bytes(maxTempSizeMb)).withMaxMetadataBytes(bytes(maxMetadataSizeMb));
    }

    static long bytes(double megabytes) {
        return Math.round(megabytes * MB);
    }

    static void atLeast(CommandLine commandLine, String flag, double value, double min) {
        if (!(value >= min)) {
            String shown = value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
            String least = min == Math.rint(min) ? String.valueOf((long) min) : String.valueOf(min);
            throw new ParameterException(commandLine, flag + " must be at least " + least + ", was " + shown);
        }
    }
}
