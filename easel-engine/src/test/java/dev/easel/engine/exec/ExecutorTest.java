package dev.easel.engine.exec;

import dev.easel.engine.cache.CachePolicy;
import dev.easel.engine.event.ExecutionEvent;
import dev.easel.engine.event.NodeProgress;
import dev.easel.engine.files.FileSpace;
import dev.easel.engine.kit.PromptBuilder;
import dev.easel.engine.kit.RecordingListener;
import dev.easel.engine.kit.TestNodes;
import dev.easel.engine.node.NodeRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutorTest {
    private final NodeRegistry registry = TestNodes.registry();

    private RecordingListener run(PromptExecutor executor, PromptBuilder prompt, String... outputs) {
        RecordingListener events = new RecordingListener();
        executor.execute(new ExecutionRequest("p1", prompt.build(), List.of(outputs), Map.of(), TestNodes.FILES), events, new InterruptSignal());
        return events;
    }

    private static PromptBuilder addChain() {
        PromptBuilder p = new PromptBuilder();
        p.node("1", "Int").set("value", 2);
        p.node("2", "Int").set("value", 3);
        p.node("3", "Add").link("a", "1", 0).link("b", "2", 0);
        p.node("4", "Show").link("value", "3", 0);
        return p;
    }

    @Test
    void aSimpleRunEmitsComfyUisMessageOrder() {
        RecordingListener events = run(new PromptExecutor(registry, CachePolicy.classic()), addChain(), "4");
        assertThat(events.kinds()).startsWith("ExecutionStart", "ExecutionCached", "ProgressState", "Executing", "ProgressState")
                .endsWith("Executing", "Executed", "ProgressState", "ExecutionSuccess");
        // ComfyUI's scheduling order: ancestors are stacked, so the last input is visited first
        assertThat(events.executing()).containsExactly("2", "1", "3", "4");
        ExecutionEvent.Executed executed = events.of(ExecutionEvent.Executed.class).get(0);
        assertThat(executed.nodeId()).isEqualTo("4");
        assertThat(executed.output()).contains(Map.of("text", List.of("5")));
    }

    @Test
    void anIdenticalSecondRunIsServedFromTheCacheWithoutExecuting() {
        PromptExecutor executor = new PromptExecutor(registry, CachePolicy.classic());
        run(executor, addChain(), "4");
        RecordingListener second = run(executor, addChain(), "4");
        assertThat(second.cached()).containsExactly("1", "2", "3", "4");
        assertThat(second.executing()).isEmpty();
        assertThat(second.of(ExecutionEvent.Executed.class)).singleElement()
                .satisfies(e -> assertThat(e.output()).contains(Map.of("text", List.of("5"))));
    }

    @Test
    void anotherUsersIdenticalRunReusesTheSharedNodesButRunsItsOutputNodeInItsOwnFiles() {
        PromptExecutor executor = new PromptExecutor(registry, CachePolicy.classic());
        PromptBuilder p = addChain();
        p.node("4", "ShowWhose").link("value", "3", 0);
        RecordingListener alice = runIn(executor, p, TestNodes.FILES.of("alice"));
        RecordingListener aliceAgain = runIn(executor, p, TestNodes.FILES.of("alice"));
        RecordingListener bob = runIn(executor, p, TestNodes.FILES.of("bob"));

        assertThat(alice.executing()).containsExactly("2", "1", "3", "4");
        assertThat(aliceAgain.cached()).containsExactly("1", "2", "3", "4");
        assertThat(aliceAgain.of(ExecutionEvent.Executed.class)).singleElement()
                .satisfies(e -> assertThat(e.output()).contains(Map.of("text", List.of("5 in alice"))));
        assertThat(bob.cached()).containsExactly("1", "2", "3");
        assertThat(bob.executing()).containsExactly("4");
        assertThat(bob.of(ExecutionEvent.Executed.class)).singleElement()
                .satisfies(e -> assertThat(e.output()).contains(Map.of("text", List.of("5 in bob"))));
    }

    private static RecordingListener runIn(PromptExecutor executor, PromptBuilder prompt, FileSpace files) {
        RecordingListener events = new RecordingListener();
        executor.execute(new ExecutionRequest("p1", prompt.build(), List.of("4"), Map.of(), files), events, new InterruptSignal());
        return events;
    }

    @Test
    void changingOneConstantRerunsOnlyItsDescendants() {
        PromptExecutor executor = new PromptExecutor(registry, CachePolicy.classic());
        run(executor, addChain(), "4");
        PromptBuilder changed = addChain();
        changed.node("2", "Int").set("value", 4);
        RecordingListener second = run(executor, changed, "4");
        assertThat(second.cached()).containsExactly("1");
        assertThat(second.executing()).containsExactly("2", "3", "4");
    }

    @Test
    void cacheNoneRerunsEverything() {
        PromptExecutor executor = new PromptExecutor(registry, CachePolicy.none());
        run(executor, addChain(), "4");
        RecordingListener second = run(executor, addChain(), "4");
        assertThat(second.cached()).isEmpty();
        assertThat(second.executing()).containsExactly("2", "1", "3", "4");
    }

    @Test
    void lruKeepsEntriesOfEarlierPrompts() {
        PromptExecutor executor = new PromptExecutor(registry, CachePolicy.lru(100));
        run(executor, addChain(), "4");
        PromptBuilder other = new PromptBuilder();
        other.node("9", "Int").set("value", 7);
        other.node("10", "Show").link("value", "9", 0);
        run(executor, other, "10");
        assertThat(run(executor, addChain(), "4").cached()).containsExactly("1", "2", "3", "4");
        PromptExecutor classic = new PromptExecutor(registry, CachePolicy.classic());
        run(classic, addChain(), "4");
        run(classic, other, "10");
        assertThat(run(classic, addChain(), "4").cached()).isEmpty();
    }

    @Test
    void aFailingNodeEndsTheRunWithItsErrorAndInputs() {
        PromptBuilder p = new PromptBuilder();
        p.node("1", "Int").set("value", 2);
        p.node("2", "Fail").link("a", "1", 0);
        p.node("3", "Show").link("value", "2", 0);
        RecordingListener events = run(new PromptExecutor(registry, CachePolicy.classic()), p, "3");
        ExecutionEvent.ExecutionError error = events.of(ExecutionEvent.ExecutionError.class).get(0);
        assertThat(error.nodeId()).isEqualTo("2");
        assertThat(error.nodeType()).isEqualTo("Fail");
        assertThat(error.exceptionMessage()).isEqualTo("boom 2\n");
        assertThat(error.exceptionType()).isEqualTo("RuntimeError");
        assertThat(error.executed()).containsExactly("1");
        assertThat(error.currentInputs()).contains(Map.of("a", List.of(2L)));
        assertThat(events.events().get(events.events().size() - 1)).isSameAs(error);
        assertThat(events.of(ExecutionEvent.ExecutionSuccess.class)).isEmpty();
    }

    @Test
    void progressReportsStateThenProgressAndClampsToMax() {
        PromptBuilder p = new PromptBuilder();
        p.node("1", "Int").set("value", 1);
        p.node("2", "Steps").link("value", "1", 0).set("steps", 2);
        p.node("3", "Show").link("value", "2", 0);
        RecordingListener events = run(new PromptExecutor(registry, CachePolicy.classic()), p, "3");
        List<ExecutionEvent.Progress> progress = events.of(ExecutionEvent.Progress.class);
        assertThat(progress).extracting(ExecutionEvent.Progress::value).containsExactly(1, 2);
        assertThat(progress).allSatisfy(e -> assertThat(e.nodeId()).isEqualTo("2"));
        List<String> kinds = events.kinds();
        int firstProgress = kinds.indexOf("Progress");
        assertThat(kinds.get(firstProgress - 1)).isEqualTo("ProgressState");
        ExecutionEvent.ProgressState last = events.of(ExecutionEvent.ProgressState.class).get(events.of(ExecutionEvent.ProgressState.class).size() - 1);
        assertThat(last.nodes().keySet()).containsExactlyInAnyOrder("1", "2", "3");
        assertThat(last.nodes().values()).allSatisfy(n -> assertThat(n.state()).isEqualTo(NodeProgress.State.FINISHED));
    }

    @Test
    void listOutputsMapDownstreamNodesOncePerElement() {
        PromptBuilder p = new PromptBuilder();
        p.node("1", "Range").set("count", 3);
        p.node("2", "Int").set("value", 10);
        p.node("3", "Add").link("a", "1", 0).link("b", "2", 0);
        p.node("4", "Show").link("value", "3", 0);
        p.node("5", "Sum").link("values", "3", 0);
        p.node("6", "Show").link("value", "5", 0);
        RecordingListener events = run(new PromptExecutor(registry, CachePolicy.classic()), p, "4", "6");
        Map<String, Object> outputs = new java.util.HashMap<>();
        events.of(ExecutionEvent.Executed.class).forEach(e -> outputs.put(e.nodeId(), e.output().orElseThrow().get("text")));
        assertThat(outputs).containsEntry("4", List.of("10", "11", "12")).containsEntry("6", List.of("33"));
    }

    @Test
    void lazyInputsRunOnlyTheBranchAskedFor() {
        PromptBuilder p = new PromptBuilder();
        p.node("1", "Int").set("value", 1);
        p.node("2", "Int").set("value", 2);
        p.node("3", "LazySwitch").set("cond", false).link("then", "1", 0).link("otherwise", "2", 0);
        p.node("4", "Show").link("value", "3", 0);
        RecordingListener events = run(new PromptExecutor(registry, CachePolicy.classic()), p, "4");
        assertThat(events.executing()).containsExactly("3", "2", "3", "4");
        assertThat(events.of(ExecutionEvent.Executed.class).get(0).output().orElseThrow()).containsEntry("text", List.of("2"));
    }

    @Test
    void expansionRunsEphemeralNodesWithPrefixedIdsAndDisplaysTheParent() {
        PromptBuilder p = new PromptBuilder();
        p.node("1", "Int").set("value", 21);
        p.node("2", "Double").link("value", "1", 0);
        p.node("3", "Show").link("value", "2", 0);
        RecordingListener events = run(new PromptExecutor(registry, CachePolicy.classic()), p, "3");
        assertThat(events.executing()).containsExactly("1", "2", "2.0.0.1", "3");
        ExecutionEvent.Executing ephemeral = events.of(ExecutionEvent.Executing.class).get(2);
        assertThat(ephemeral.displayNodeId()).isEqualTo("2");
        assertThat(events.of(ExecutionEvent.Executed.class).get(0).output().orElseThrow()).containsEntry("text", List.of("42"));
    }

    @Test
    void aNodeThatExpandsAgainFindsItsUnchangedPartsInTheClassicCache() {
        PromptBuilder p = new PromptBuilder();
        p.node("1", "Int").set("value", 21);
        p.node("2", "DoubleFresh").link("value", "1", 0);
        p.node("3", "Show").link("value", "2", 0);
        PromptExecutor executor = new PromptExecutor(registry, CachePolicy.classic());
        assertThat(run(executor, p, "3").executing()).containsExactly("1", "2", "2.0.0.1", "3");
        RecordingListener again = run(executor, p, "3");
        assertThat(again.executing()).containsExactly("2", "3");
        assertThat(again.of(ExecutionEvent.Executed.class).get(again.of(ExecutionEvent.Executed.class).size() - 1)
                .output().orElseThrow()).containsEntry("text", List.of("42"));
    }

    @Test
    void aBlockedValueSilentlyBlocksConsumersAndAMessageIsReported() {
        PromptBuilder p = new PromptBuilder();
        p.node("1", "Int").set("value", 1);
        p.node("2", "Block").link("value", "1", 0).set("block", true).set("message", "stop");
        p.node("3", "Show").link("value", "2", 0);
        RecordingListener events = run(new PromptExecutor(registry, CachePolicy.classic()), p, "3");
        ExecutionEvent.ExecutionError blocked = events.of(ExecutionEvent.ExecutionError.class).get(0);
        assertThat(blocked.exceptionType()).isEqualTo("ExecutionBlocked");
        assertThat(blocked.exceptionMessage()).isEqualTo("Execution Blocked: stop");
        assertThat(blocked.nodeId()).isEqualTo("3");
        assertThat(blocked.timestamp()).isEmpty();
        assertThat(events.of(ExecutionEvent.Executed.class)).isEmpty();
        assertThat(events.kinds()).endsWith("ExecutionSuccess");
    }

    @Test
    void aBlockedCallAsksForNoLazyInputs() {
        PromptBuilder p = new PromptBuilder();
        p.node("1", "Int").set("value", 1);
        p.node("2", "Block").link("value", "1", 0).set("block", true);
        p.node("3", "Int").set("value", 3);
        p.node("4", "LazySwitch").link("cond", "2", 0).link("then", "3", 0).link("otherwise", "3", 0);
        p.node("5", "Show").link("value", "4", 0);
        RecordingListener events = run(new PromptExecutor(registry, CachePolicy.classic()), p, "5");
        assertThat(events.kinds()).endsWith("ExecutionSuccess");
        assertThat(events.didRun("3")).isFalse();
        assertThat(events.of(ExecutionEvent.Executed.class)).isEmpty();
    }

    @Test
    void apiKeysNeverAppearInAFailuresInputs() {
        dev.easel.engine.node.NodeSchema schema = dev.easel.engine.node.NodeSchema.builder("Paid").outputNode()
                .required("value", "INT").hidden("key", dev.easel.engine.node.HiddenInput.API_KEY_COMFY_ORG)
                .hidden("id", dev.easel.engine.node.HiddenInput.UNIQUE_ID).build();
        dev.easel.engine.node.NodeDefinition paid = new dev.easel.engine.node.NodeDefinition() {
            public dev.easel.engine.node.NodeSchema schema() { return schema; }
            public dev.easel.engine.node.NodeResult execute(dev.easel.engine.node.NodeContext ctx, dev.easel.engine.node.Inputs in) {
                throw new IllegalStateException("service refused");
            }
        };
        PromptBuilder p = new PromptBuilder();
        p.node("1", "Paid").set("value", 1);
        RecordingListener events = new RecordingListener();
        new PromptExecutor(NodeRegistry.of(List.of(paid)), CachePolicy.classic()).execute(
                new ExecutionRequest("p1", p.build(), List.of("1"), Map.of("api_key_comfy_org", "sk-secret"), TestNodes.FILES), events,
                new InterruptSignal());
        ExecutionEvent.ExecutionError error = events.of(ExecutionEvent.ExecutionError.class).get(0);
        assertThat(error.currentInputs().orElseThrow()).containsOnlyKeys("value", "id");
        assertThat(error.toString()).doesNotContain("sk-secret");
    }

    @Test
    void aRunningNodeSeesThePromptsExtraData() {
        dev.easel.engine.node.NodeSchema schema = dev.easel.engine.node.NodeSchema.builder("Method").outputNode().build();
        java.util.concurrent.atomic.AtomicReference<Object> seen = new java.util.concurrent.atomic.AtomicReference<>();
        dev.easel.engine.node.NodeDefinition reader = new dev.easel.engine.node.NodeDefinition() {
            public dev.easel.engine.node.NodeSchema schema() { return schema; }
            public dev.easel.engine.node.NodeResult execute(dev.easel.engine.node.NodeContext ctx, dev.easel.engine.node.Inputs in) {
                seen.set(ctx.extraData().get("preview_method"));
                return dev.easel.engine.node.NodeResult.of();
            }
        };
        PromptBuilder p = new PromptBuilder();
        p.node("1", "Method");
        new PromptExecutor(NodeRegistry.of(List.of(reader)), CachePolicy.classic()).execute(
                new ExecutionRequest("p1", p.build(), List.of("1"), Map.of("preview_method", "latent2rgb"), TestNodes.FILES),
                new RecordingListener(), new InterruptSignal());
        assertThat(seen.get()).isEqualTo("latent2rgb");
    }

    @Test
    void asyncNodesAreAllStartedBeforeAnyOfThemFinishes() {
        PromptBuilder p = new PromptBuilder();
        p.node("1", "Int").set("value", 1);
        for (int i = 0; i < 3; i++) {
            p.node("s" + i, "Sleep").link("value", "1", 0).set("ms", 300);
            p.node("o" + i, "Show").link("value", "s" + i, 0);
        }
        RecordingListener events = run(new PromptExecutor(registry, CachePolicy.classic()), p, "o0", "o1", "o2");
        assertThat(events.kinds()).endsWith("ExecutionSuccess");
        List<ExecutionEvent> all = events.events();
        int firstShown = all.indexOf(events.of(ExecutionEvent.Executed.class).get(0));
        List<Integer> sleepStarts = events.of(ExecutionEvent.Executing.class).stream()
                .filter(e -> e.nodeId().startsWith("s")).map(all::indexOf).toList();
        assertThat(sleepStarts).hasSize(3).allSatisfy(at -> assertThat(at).isLessThan(firstShown));
        assertThat(events.of(ExecutionEvent.Executed.class)).hasSize(3);
    }

    @Test
    void interruptStopsARunningAsyncNodeWithExecutionInterrupted() throws Exception {
        PromptBuilder p = new PromptBuilder();
        p.node("1", "Int").set("value", 1);
        p.node("2", "Sleep").link("value", "1", 0).set("ms", 60_000);
        p.node("3", "Show").link("value", "2", 0);
        InterruptSignal signal = new InterruptSignal();
        RecordingListener events = new RecordingListener();
        Thread worker = Thread.ofVirtual().start(() -> new PromptExecutor(registry, CachePolicy.classic())
                .execute(new ExecutionRequest("p1", p.build(), List.of("3"), Map.of(), TestNodes.FILES), events, signal));
        while (!events.executing().contains("2")) Thread.sleep(5);
        signal.raise();
        worker.join(10_000);
        ExecutionEvent.ExecutionInterrupted interrupted = events.of(ExecutionEvent.ExecutionInterrupted.class).get(0);
        assertThat(interrupted.nodeId()).isEqualTo("2");
        assertThat(interrupted.nodeType()).isEqualTo("Sleep");
    }
}
