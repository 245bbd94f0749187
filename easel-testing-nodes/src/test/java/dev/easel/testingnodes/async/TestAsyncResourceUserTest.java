package dev.easel.testingnodes.async;

import dev.easel.testingnodes.FakeNodeContext;
import dev.easel.testingnodes.python.RuntimeError;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.easel.testingnodes.Values.inputs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestAsyncResourceUserTest {
    private final TestAsyncResourceUser node = new TestAsyncResourceUser();

    @Test
    void aResourceHeldByOneExecutionIsRefusedToAnotherAndFreedAfter() throws Exception {
        FakeNodeContext holder = new FakeNodeContext();
        CompletableFuture<Object> first = CompletableFuture.supplyAsync(() -> {
            try {
                return node.execute(holder, inputs("value", 1L, "resource_id", "shared", "duration", 1.0));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        while (!TestAsyncResourceUser.inUse("shared")) Thread.sleep(1);

        assertThatThrownBy(() -> node.execute(new FakeNodeContext(), inputs("value", 2L, "resource_id", "shared", "duration", 0.0)))
                .isInstanceOf(RuntimeError.class).hasMessage("Resource shared is already in use!");
        assertThat(node.execute(new FakeNodeContext(), inputs("value", 3L, "resource_id", "other", "duration", 0.0))
                .outputs()).containsExactly(3L);

        holder.interrupt();
        assertThatThrownBy(() -> first.get(60, TimeUnit.SECONDS)).isInstanceOf(java.util.concurrent.ExecutionException.class);
        assertThat(TestAsyncResourceUser.inUse("shared")).isFalse();
        assertThat(node.execute(new FakeNodeContext(), inputs("value", 4L, "resource_id", "shared", "duration", 0.0))
                .outputs()).containsExactly(4L);
    }
}
