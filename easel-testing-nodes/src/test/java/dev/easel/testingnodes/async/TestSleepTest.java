package dev.easel.testingnodes.async;

import dev.easel.engine.node.ExecutionInterruptedException;
import dev.easel.engine.node.HiddenInput;
import dev.easel.tensor.Tensor;
import dev.easel.testingnodes.FakeNodeContext;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static dev.easel.testingnodes.Values.inputs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestSleepTest {
    private final TestSleep node = new TestSleep();

    @Test
    void isAnAsyncNodeWithComfysSchema() {
        assertThat(node.schema().async()).isTrue();
        assertThat(node.schema().category()).isEqualTo("_for_testing");
        assertThat(node.schema().displayName()).isEqualTo("Test Sleep");
        assertThat(node.schema().hasHidden(HiddenInput.UNIQUE_ID)).isTrue();
        assertThat(node.schema().input("value").orElseThrow().type()).isEqualTo("*");
        assertThat(node.schema().input("seconds").orElseThrow().options())
                .containsEntry("default", 1.0).containsEntry("min", 0.0).containsEntry("max", 9999.0)
                .containsEntry("step", 0.01).containsEntry("tooltip", "The amount of seconds to sleep.");
        assertThat(node.schema().outputs().getFirst().type()).isEqualTo("*");
    }

    @Test
    void returnsItsValueAndReportsElapsedTimeUpToTheDuration() throws Exception {
        FakeNodeContext ctx = new FakeNodeContext();
        Tensor image = Tensor.ones(1, 1, 1, 3);
        assertThat(node.execute(ctx, inputs("value", image, "seconds", 0.05, "unique_id", "5")).outputs())
                .containsExactly(image);
        assertThat(ctx.progress()).isNotEmpty();
        assertThat(ctx.progress()).allSatisfy(p -> {
            assertThat(p.max()).isEqualTo(0.05);
            assertThat(p.value()).isBetween(0.0, 0.05);
        });
        assertThat(ctx.progress().getLast().value()).isEqualTo(0.05);
    }

    @Test
    void zeroSecondsReturnsAtOnceWithoutProgress() throws Exception {
        FakeNodeContext ctx = new FakeNodeContext();
        assertThat(node.execute(ctx, inputs("value", 7L, "seconds", 0.0)).outputs()).containsExactly(7L);
        assertThat(ctx.progress()).isEmpty();
    }

    @Test
    void stopsWhenTheRunIsInterrupted() throws Exception {
        FakeNodeContext ctx = new FakeNodeContext();
        CompletableFuture<Object> run = CompletableFuture.supplyAsync(() -> {
            try {
                return node.execute(ctx, inputs("value", 1L, "seconds", 9999.0));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        while (ctx.progress().isEmpty()) Thread.sleep(5);
        ctx.interrupt();
        assertThatThrownBy(() -> run.get(60, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasRootCauseInstanceOf(ExecutionInterruptedException.class);
    }
}
