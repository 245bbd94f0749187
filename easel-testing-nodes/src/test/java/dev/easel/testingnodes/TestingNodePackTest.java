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

    /** ComfyUI's NODE_DISPLAY_NAME_MAPPINGS of the pack. */
    private static final Map<String, String> DISPLAY_NAMES = Map.ofEntries(
            Map.entry("TestLazyMixImages", "Lazy Mix Images"),
            Map.entry("TestVariadicAverage", "Variadic Average"),
            Map.entry("TestCustomIsChanged", "Custom IsChanged"),
            Map.entry("TestIsChangedWithConstants", "IsChanged With Constants"),
            Map.entry("TestCustomValidation1", "Custom Validation 1"),
            Map.entry("TestCustomValidation2", "Custom Validation 2"),
            Map.entry("TestCustomValidation3", "Custom Validation 3"),
            Map.entry("TestCustomValidation4", "Custom Validation 4"),
            Map.entry("TestCustomValidation5", "Custom Validation 5"),
            Map.entry("TestDynamicDependencyCycle", "Dynamic Dependency Cycle"),
            Map.entry("TestMixedExpansionReturns", "Mixed Expansion Returns"),
            Map.entry("TestSamplingInExpansion", "Sampling In Expansion"),
            Map.entry("TestSleep", "Test Sleep"),
            Map.entry("TestParallelSleep", "Test Parallel Sleep"),
            Map.entry("TestOutputNodeWithSocketOutput", "Test Output Node With Socket Output"),
            Map.entry("TestWhileLoopOpen", "While Loop Open"),
            Map.entry("TestWhileLoopClose", "While Loop Close"),
            Map.entry("TestExecutionBlocker", "Execution Blocker"),
            Map.entry("TestAccumulateNode", "Accumulate"),
            Map.entry("TestAccumulationHeadNode", "Accumulation Head"),
            Map.entry("TestAccumulationTailNode", "Accumulation Tail"),
            Map.entry("TestAccumulationToListNode", "Accumulation to List"),
            Map.entry("TestListToAccumulationNode", "List to Accumulation"),
            Map.entry("TestAccumulationGetLengthNode", "Accumulation Get Length"),
            Map.entry("TestAccumulationGetItemNode", "Accumulation Get Item"),
            Map.entry("TestAccumulationSetItemNode", "Accumulation Set Item"),
            Map.entry("TestForLoopOpen", "For Loop Open"),
            Map.entry("TestForLoopClose", "For Loop Close"),
            Map.entry("TestIntMathOperation", "Int Math Operation"),
            Map.entry("TestMakeListNode", "Make List"),
            Map.entry("TestIntConditions", "Int Condition"),
            Map.entry("TestFloatConditions", "Float Condition"),
            Map.entry("TestStringConditions", "String Condition"),
            Map.entry("TestToBoolNode", "To Bool"),
            Map.entry("TestBoolOperationNode", "Bool Operation"),
            Map.entry("StubImage", "Stub Image"),
            Map.entry("StubConstantImage", "Stub Constant Image"),
            Map.entry("StubMask", "Stub Mask"),
            Map.entry("StubInt", "Stub Int"),
            Map.entry("StubFloat", "Stub Float"),
            Map.entry("TestAsyncValidation", "Test Async Validation"),
            Map.entry("TestAsyncError", "Test Async Error"),
            Map.entry("TestAsyncValidationError", "Test Async Validation Error"),
            Map.entry("TestAsyncTimeout", "Test Async Timeout"),
            Map.entry("TestSyncError", "Test Sync Error"),
            Map.entry("TestAsyncLazyCheck", "Test Async Lazy Check"),
            Map.entry("TestDynamicAsyncGeneration", "Test Dynamic Async Generation"),
            Map.entry("TestAsyncResourceUser", "Test Async Resource User"),
            Map.entry("TestAsyncBatchProcessing", "Test Async Batch Processing"),
            Map.entry("TestAsyncConcurrentLimit", "Test Async Concurrent Limit"),
            Map.entry("TestAsyncProgressUpdate", "Async Progress Update Test Node"),
            Map.entry("TestSyncProgressUpdate", "Sync Progress Update Test Node"));

    @Test
    void displayNamesAreComfysAndEveryNodeReportsThePacksModule() {
        Map<String, String> actual = nodes.stream().map(NodeDefinition::schema)
                .collect(Collectors.toMap(NodeSchema::classType, NodeSchema::displayName));
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(DISPLAY_NAMES);
        assertThat(nodes).allSatisfy(n -> assertThat(n.schema().pythonModule()).isEqualTo("custom_nodes.testing-pack"));
    }

    @Test
    void everyNodeHasADisplayNameAndOutputs() {
        assertThat(nodes).allSatisfy(n -> {
            assertThat(n.schema().displayName()).isNotBlank().isNotEqualTo(n.schema().classType());
            assertThat(n.schema().outputs()).isNotEmpty();
        });
    }
}
