package dev.easel.nodes.sampling;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PreviewMethodTest {

    @Test
    void withoutAnOverrideTheServersMethodApplies() {
        assertThat(PreviewMethod.forPrompt("latent2rgb", Map.of())).isEqualTo(PreviewMethod.LATENT2RGB);
    }

    @Test
    void defaultMeansTheServersMethod() {
        assertThat(PreviewMethod.forPrompt("taesd", Map.of("preview_method", "default"))).isEqualTo(PreviewMethod.TAESD);
    }

    @Test
    void aKnownOverrideWins() {
        assertThat(PreviewMethod.forPrompt("none", Map.of("preview_method", "auto"))).isEqualTo(PreviewMethod.AUTO);
    }

    @Test
    void anUnknownOverrideFallsBackToTheServersMethod() {
        assertThat(PreviewMethod.forPrompt("auto", Map.of("preview_method", "sharpest"))).isEqualTo(PreviewMethod.AUTO);
        assertThat(PreviewMethod.forPrompt("auto", Map.of("preview_method", 3))).isEqualTo(PreviewMethod.AUTO);
    }

    @Test
    void onlyNoneDrawsNothing() {
        assertThat(PreviewMethod.values()).filteredOn(m -> !m.draws()).containsExactly(PreviewMethod.NONE);
    }
}
