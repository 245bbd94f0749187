package dev.easel.engine.node;

/**
 * The bounds that keep one request from exhausting the machine; every one is a server flag.
 *
 * @param maxImagePixels        the most pixels an image may declare in its header to be decoded
 *                              (PIL's decompression-bomb limit, 2 × 89,478,485, by default)
 * @param maxTempBytesPerPrompt the most bytes one prompt may write into {@code temp/} (2 GiB)
 * @param maxMetadataBytes      the most bytes of prompt and workflow text embedded in a saved
 *                              image; beyond it the metadata is left out and the log says so (4 MiB)
 * @param maxPromptNodes        the most nodes a submitted prompt may have (100,000)
 * @param maxJsonDepth          the deepest nesting of a JSON request body (256)
 * @param maxReportedErrors     the most failing nodes, outputs per node and failure lines a
 *                              validation error lists (100)
 * @param maxConcurrentDecodes  how many {@code /view} re-encodings run at once; others wait (2)
 */
public record ResourceLimits(long maxImagePixels, long maxTempBytesPerPrompt, long maxMetadataBytes,
                             int maxPromptNodes, int maxJsonDepth, int maxReportedErrors, int maxConcurrentDecodes) {

    public ResourceLimits {
        if (maxImagePixels < 1 || maxTempBytesPerPrompt < 0 || maxMetadataBytes < 0 || maxPromptNodes < 1
                || maxJsonDepth < 4 || maxReportedErrors < 1 || maxConcurrentDecodes < 1) {
            throw new IllegalArgumentException("resource limits out of range: " + this);
        }
    }

    public static ResourceLimits defaults() {
        return new ResourceLimits(178_956_970L, 2L << 30, 4L << 20, 100_000, 256, 100, 2);
    }

    public ResourceLimits withMaxImagePixels(long value) {
        return new ResourceLimits(value, maxTempBytesPerPrompt, maxMetadataBytes, maxPromptNodes, maxJsonDepth,
                maxReportedErrors, maxConcurrentDecodes);
    }

    public ResourceLimits withMaxTempBytesPerPrompt(long value) {
        return new ResourceLimits(maxImagePixels, value, maxMetadataBytes, maxPromptNodes, maxJsonDepth,
                maxReportedErrors, maxConcurrentDecodes);
    }

    public ResourceLimits withMaxMetadataBytes(long value) {
        return new ResourceLimits(maxImagePixels, maxTempBytesPerPrompt, value, maxPromptNodes, maxJsonDepth,
                maxReportedErrors, maxConcurrentDecodes);
    }

    public ResourceLimits withMaxPromptNodes(int value) {
        return new ResourceLimits(maxImagePixels, maxTempBytesPerPrompt, maxMetadataBytes, value, maxJsonDepth,
                maxReportedErrors, maxConcurrentDecodes);
    }

    public ResourceLimits withMaxReportedErrors(int value) {
        return new ResourceLimits(maxImagePixels, maxTempBytesPerPrompt, maxMetadataBytes, maxPromptNodes, maxJsonDepth,
                value, maxConcurrentDecodes);
    }
}
