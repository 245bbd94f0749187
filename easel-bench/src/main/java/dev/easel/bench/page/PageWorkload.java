package dev.easel.bench.page;

import dev.easel.bench.Options;
import dev.easel.bench.generation.DefaultWorkflow;

/**
 * What the page benchmarks run: the default workflow on the demo model with {@code steps} steps
 * at {@code width}×{@code height}, its sampler's model stamped, previews fitting in
 * {@code previewSize}² ({@code --steps}, {@code --width}, {@code --height}, {@code --preview-size}).
 */
public record PageWorkload(int steps, int width, int height, int previewSize, int timeoutSeconds) {

    static PageWorkload of(Options options) {
        return new PageWorkload(options.integer("steps", 20), options.integer("width", 512), options.integer("height", 512),
                options.integer("preview-size", 512), options.integer("timeout-s", 120));
    }

    PageSession open() {
        return PageSession.open(previewSize, timeoutSeconds);
    }

    DefaultWorkflow prompt(long seed) {
        return DefaultWorkflow.load().withSeed(seed).withSteps(steps).withSize(width, height).withStampedModel();
    }

    @Override
    public String toString() {
        return String.format("default workflow, %d steps, %dx%d, preview_method latent2rgb, preview size %d",
                steps, width, height, previewSize);
    }
}
