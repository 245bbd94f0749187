package dev.easel.testingnodes;

import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodePack;
import dev.easel.engine.node.PackEnvironment;
import dev.easel.testingnodes.async.TestAsyncBatchProcessing;
import dev.easel.testingnodes.async.TestAsyncConcurrentLimit;
import dev.easel.testingnodes.async.TestAsyncError;
import dev.easel.testingnodes.async.TestAsyncLazyCheck;
import dev.easel.testingnodes.async.TestAsyncProgressUpdate;
import dev.easel.testingnodes.async.TestAsyncResourceUser;
import dev.easel.testingnodes.async.TestAsyncTimeout;
import dev.easel.testingnodes.async.TestAsyncValidation;
import dev.easel.testingnodes.async.TestAsyncValidationError;
import dev.easel.testingnodes.async.TestDynamicAsyncGeneration;
import dev.easel.testingnodes.async.TestParallelSleep;
import dev.easel.testingnodes.async.TestSleep;
import dev.easel.testingnodes.async.TestSyncError;
import dev.easel.testingnodes.async.TestSyncProgressUpdate;
import dev.easel.testingnodes.flow.TestExecutionBlocker;
import dev.easel.testingnodes.flow.TestForLoopClose;
import dev.easel.testingnodes.flow.TestForLoopOpen;
import dev.easel.testingnodes.flow.TestWhileLoopClose;
import dev.easel.testingnodes.flow.TestWhileLoopOpen;
import dev.easel.testingnodes.lists.TestAccumulateNode;
import dev.easel.testingnodes.lists.TestAccumulationGetItemNode;
import dev.easel.testingnodes.lists.TestAccumulationGetLengthNode;
import dev.easel.testingnodes.lists.TestAccumulationHeadNode;
import dev.easel.testingnodes.lists.TestAccumulationSetItemNode;
import dev.easel.testingnodes.lists.TestAccumulationTailNode;
import dev.easel.testingnodes.lists.TestAccumulationToListNode;
import dev.easel.testingnodes.lists.TestListToAccumulationNode;
import dev.easel.testingnodes.lists.TestMakeListNode;
import dev.easel.testingnodes.logic.TestBoolOperationNode;
import dev.easel.testingnodes.logic.TestFloatConditions;
import dev.easel.testingnodes.logic.TestIntConditions;
import dev.easel.testingnodes.logic.TestIntMathOperation;
import dev.easel.testingnodes.logic.TestStringConditions;
import dev.easel.testingnodes.logic.TestToBoolNode;
import dev.easel.testingnodes.specific.TestCustomIsChanged;
import dev.easel.testingnodes.specific.TestCustomValidation1;
import dev.easel.testingnodes.specific.TestCustomValidation2;
import dev.easel.testingnodes.specific.TestCustomValidation3;
import dev.easel.testingnodes.specific.TestCustomValidation4;
import dev.easel.testingnodes.specific.TestCustomValidation5;
import dev.easel.testingnodes.specific.TestDynamicDependencyCycle;
import dev.easel.testingnodes.specific.TestIsChangedWithConstants;
import dev.easel.testingnodes.specific.TestLazyMixImages;
import dev.easel.testingnodes.specific.TestMixedExpansionReturns;
import dev.easel.testingnodes.specific.TestOutputNodeWithSocketOutput;
import dev.easel.testingnodes.specific.TestSamplingInExpansion;
import dev.easel.testingnodes.specific.TestVariadicAverage;
import dev.easel.testingnodes.stubs.StubConstantImage;
import dev.easel.testingnodes.stubs.StubFloat;
import dev.easel.testingnodes.stubs.StubImage;
import dev.easel.testingnodes.stubs.StubInt;
import dev.easel.testingnodes.stubs.StubMask;

import java.util.List;

/**
 * ComfyUI's execution test nodes, with its class names, inputs and behaviour, so that clients
 * written against ComfyUI's execution semantics can check this server. Off unless enabled.
 */
public final class TestingNodePack implements NodePack {

    @Override
    public String name() {
        return "testing";
    }

    @Override
    public boolean enabledByDefault() {
        return false;
    }

    @Override
    public List<NodeDefinition> nodes(PackEnvironment env) {
        return List.of(
                new TestLazyMixImages(), new TestVariadicAverage(), new TestCustomIsChanged(),
                new TestIsChangedWithConstants(), new TestCustomValidation1(), new TestCustomValidation2(),
                new TestCustomValidation3(), new TestCustomValidation4(), new TestCustomValidation5(),
                new TestDynamicDependencyCycle(), new TestMixedExpansionReturns(), new TestSamplingInExpansion(),
                new TestSleep(), new TestParallelSleep(), new TestOutputNodeWithSocketOutput(),
                new TestWhileLoopOpen(), new TestWhileLoopClose(), new TestExecutionBlocker(),
                new TestAccumulateNode(), new TestAccumulationHeadNode(), new TestAccumulationTailNode(),
                new TestAccumulationToListNode(), new TestListToAccumulationNode(),
                new TestAccumulationGetLengthNode(), new TestAccumulationGetItemNode(),
                new TestAccumulationSetItemNode(), new TestForLoopOpen(), new TestForLoopClose(),
                new TestIntMathOperation(), new TestMakeListNode(),
                new TestIntConditions(), new TestFloatConditions(), new TestStringConditions(),
                new TestToBoolNode(), new TestBoolOperationNode(),
                new StubImage(), new StubConstantImage(), new StubMask(), new StubInt(), new StubFloat(),
                new TestAsyncValidation(), new TestAsyncError(), new TestAsyncValidationError(),
                new TestAsyncTimeout(), new TestSyncError(), new TestAsyncLazyCheck(),
                new TestDynamicAsyncGeneration(), new TestAsyncResourceUser(), new TestAsyncBatchProcessing(),
                new TestAsyncConcurrentLimit(), new TestAsyncProgressUpdate(), new TestSyncProgressUpdate());
    }
}
