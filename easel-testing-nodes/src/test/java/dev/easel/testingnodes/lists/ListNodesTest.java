package dev.easel.testingnodes.lists;

import dev.easel.engine.node.NodeDefinition;
import dev.easel.testingnodes.FakeNodeContext;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static dev.easel.testingnodes.Values.inputs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListNodesTest {
    private final FakeNodeContext ctx = new FakeNodeContext();
    private final Accumulation abc = new Accumulation(List.of("a", "b", "c"));

    private List<Object> run(NodeDefinition node, Object... pairs) throws Exception {
        return node.execute(ctx, inputs(pairs)).outputs();
    }

    @Test
    void makeListCollectsGivenValuesInNameOrder() throws Exception {
        TestMakeListNode node = new TestMakeListNode();
        assertThat(run(node, "value3", "c", "value1", "a", "value2", "b")).containsExactly(List.of("a", "b", "c"));
        assertThat(node.schema().outputs().getFirst().isList()).isTrue();
        assertThat(node.schema().outputs().getFirst().type()).isEqualTo("*");
        assertThat(node.schema().input("value9")).isPresent();
        assertThat(node.schema().input("value1").orElseThrow().section().wireName()).isEqualTo("required");
    }

    @Test
    void accumulateStartsAndGrows() throws Exception {
        TestAccumulateNode node = new TestAccumulateNode();
        Accumulation first = (Accumulation) run(node, "to_add", 1L).getFirst();
        Accumulation second = (Accumulation) run(node, "to_add", null, "accumulation", first).getFirst();
        assertThat(first.items()).containsExactly(1L);
        assertThat(second.items()).containsExactly(1L, null);
    }

    @Test
    void headAndTailSplitOffTheEnds() throws Exception {
        assertThat(run(new TestAccumulationHeadNode(), "accumulation", abc))
                .containsExactly(new Accumulation(List.of("b", "c")), "a");
        assertThat(run(new TestAccumulationTailNode(), "accumulation", abc))
                .containsExactly(new Accumulation(List.of("a", "b")), "c");
    }

    @Test
    void headAndTailOfAnEmptyAccumulationDifferInWhereTheyPutIt() throws Exception {
        Accumulation empty = new Accumulation(List.of());
        assertThat(run(new TestAccumulationHeadNode(), "accumulation", empty)).containsExactly(empty, null);
        assertThat(run(new TestAccumulationTailNode(), "accumulation", empty)).containsExactly(null, empty);
    }

    @Test
    void conversionsBetweenListsAndAccumulations() throws Exception {
        TestAccumulationToListNode toList = new TestAccumulationToListNode();
        TestListToAccumulationNode fromList = new TestListToAccumulationNode();
        assertThat(run(toList, "accumulation", abc)).containsExactly(List.of("a", "b", "c"));
        assertThat(toList.schema().outputs().getFirst().isList()).isTrue();
        assertThat(run(fromList, "list", Arrays.asList("x", null))).containsExactly(new Accumulation(Arrays.asList("x", null)));
        assertThat(fromList.schema().inputIsList()).isTrue();
    }

    @Test
    void lengthGetAndSetUsePythonIndexing() throws Exception {
        assertThat(run(new TestAccumulationGetLengthNode(), "accumulation", abc)).containsExactly(3L);
        assertThat(run(new TestAccumulationGetItemNode(), "accumulation", abc, "index", -1L)).containsExactly("c");
        assertThat(run(new TestAccumulationGetItemNode(), "accumulation", abc, "index", 0L)).containsExactly("a");
        assertThat(run(new TestAccumulationSetItemNode(), "accumulation", abc, "index", -3L, "value", "z"))
                .containsExactly(new Accumulation(List.of("z", "b", "c")));
        assertThat(abc.items()).containsExactly("a", "b", "c");
    }

    @Test
    void indexOutOfRangeFails() {
        assertThatThrownBy(() -> run(new TestAccumulationGetItemNode(), "accumulation", abc, "index", 3L))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> run(new TestAccumulationSetItemNode(), "accumulation", abc, "index", -4L, "value", 1L))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void schemas() {
        assertThat(new TestAccumulationGetItemNode().schema().input("index").orElseThrow().options())
                .containsEntry("default", 0L).containsEntry("step", 1L);
        assertThat(new TestAccumulateNode().schema().input("accumulation").orElseThrow().type()).isEqualTo("ACCUMULATION");
        assertThat(new TestAccumulationHeadNode().schema().outputs()).extracting(o -> o.type())
                .containsExactly("ACCUMULATION", "*");
        assertThat(new TestAccumulationToListNode().schema().displayName()).isEqualTo("Accumulation to List");
        assertThat(new TestAccumulationTailNode().schema().category()).isEqualTo("Testing/Lists");
    }
}
