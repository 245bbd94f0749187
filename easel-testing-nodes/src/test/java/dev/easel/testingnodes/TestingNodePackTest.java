package dev.easel.testingnodes;

import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodePack;
import dev.easel.engine.node.NodeRegistry;
import dev.easel.engine.node.NodeSchema;
import dev.easel.engine.node.PackEnvironment;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class TestingNodePackTest {
    private final List<NodeDefinition> nodes = new TestingNodePack().nodes(PackEnvironment.under(Path.of("base")));

    @Test
    void isFoundThroughTheServiceLoaderAndOffByDefault() {
        List<NodePack> packs = ServiceLoader.load(NodePack.class).stream().map(ServiceLoader.Provider::get).toList();
        assertThat(packs).filteredOn(p -> p.name().equals("testing")).singleElement()
                .satisfies(p -> assertThat(p.enabledByDefault()).isFalse())
                .isInstanceOf(TestingNodePack.class);
    }

    @Test
    void registersEveryComfyTestNodeOnce() {
        NodeRegistry registry = NodeRegistry.builder().addPack(new TestingNodePack(), PackEnvironment.under(Path.of("base"))).build();
        assertThat(registry.all()).hasSize(52);
        assertThat(nodes).extracting(n -> n.schema().classType()).contains(
                "StubImage", "StubConstantImage", "StubMask", "StubInt", "StubFloat",
                "TestLazyMixImages", "TestVariadicAverage", "TestCustomIsChanged", "TestIsChangedWithConstants",
                "TestCustomValidation1", "TestCustomValidation2", "TestCustomValidation3", "TestCustomValidation4",
                "TestCustomValidation5", "TestDynamicDependencyCycle", "TestMixedExpansionReturns",
                "TestSamplingInExpansion", "TestSleep", "TestParallelSleep", "TestOutputNodeWithSocketOutput",
                "TestWhileLoopOpen", "TestWhileLoopClose", "TestExecutionBlocker", "TestForLoopOpen", "TestForLoopClose",
                "TestIntMathOperation", "TestMakeListNode", "TestAccumulateNode", "TestAccumulationHeadNode",
                "TestAccumulationTailNode", "TestAccumulationToListNode", "TestListToAccumulationNode",
                "TestAccumulationGetLengthNode", "TestAccumulationGetItemNode", "TestAccumulationSetItemNode",
                "TestIntConditions", "TestFloatConditions", "TestStringConditions", "TestToBoolNode",
                "TestBoolOperationNode", "TestAsyncValidation", "TestAsyncError", "TestAsyncValidationError",
                "TestAsyncTimeout", "TestSyncError", "TestAsyncLazyCheck", "TestDynamicAsyncGeneration",
                "TestAsyncResourceUser", "TestAsyncBatchProcessing", "TestAsyncConcurrentLimit",
                "TestAsyncProgressUpdate", "TestSyncProgressUpdate");
    }

    @Test
    void exactlyTheNodesWithAsyncFunctionsAreAsync() {
        assertThat(nodes).filteredOn(n -> n.schema().async()).extracting(n -> n.schema().classType())
                .containsExactlyInAnyOrder("TestSleep", "TestAsyncError", "TestAsyncTimeout", "TestAsyncResourceUser",
                        "TestAsyncBatchProcessing", "TestAsyncConcurrentLimit", "TestAsyncProgressUpdate");
    }

    @Test
    void outputNodesAreTheTwoComfyMarks() {
        assertThat(nodes).filteredOn(n -> n.schema().outputNode()).extracting(n -> n.schema().classType())
                .containsExactlyInAnyOrder("TestParallelSleep", "TestOutputNodeWithSocketOutput");
    }

    @Test
    void categoriesFollowComfysFiles() {
        Map<String, Long> perCategory = nodes.stream().map(NodeDefinition::schema)
                .collect(Collectors.groupingBy(NodeSchema::category, Collectors.counting()));
        assertThat(perCategory).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Testing/Stub Nodes", 5L, "Testing/Nodes", 12L, "_for_testing", 3L, "Testing/Flow", 5L,
                "Testing/Lists", 9L, "Testing/Logic", 6L, "_for_testing/async", 12L));
    }

    @Test
    void everyNodeHasADisplayNameAndOutputs() {
        assertThat(nodes).allSatisfy(n -> {
            assertThat(n.schema().displayName()).isNotBlank().isNotEqualTo(n.schema().classType());
            assertThat(n.schema().outputs()).isNotEmpty();
        });
    }
}
