package dev.easel.testingnodes.flow;

import dev.easel.engine.graph.DynamicPrompt;
import dev.easel.engine.graph.GraphBuilder;
import dev.easel.engine.graph.InputValue;
import dev.easel.engine.graph.Link;
import dev.easel.engine.graph.PromptNode;
import dev.easel.engine.node.HiddenInput;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.testingnodes.TestingPackSchema;
import dev.easel.testingnodes.python.PythonTruth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedSet;

/**
 * The tail of a while loop. While the condition holds it copies the loop body (every node from
 * the open node to itself) into an expansion whose open node starts from this round's values;
 * the copy of itself, {@code Recurse}, decides about the next round. Each copy keeps showing as
 * the client's original node.
 */
public final class TestWhileLoopClose implements NodeDefinition {
    static final String RECURSE = "Recurse";

    private static final NodeSchema SCHEMA = FlowSockets.anyOutputs(FlowSockets.optionalInitials(
                    TestingPackSchema.builder("TestWhileLoopClose").displayName("While Loop Close")
                            .category(FlowSockets.CATEGORY)
                            .required("flow_control", FlowSockets.FLOW_CONTROL, "rawLink", true)
                            .required("condition", "BOOLEAN", "forceInput", true), 0)
                    .hidden("dynprompt", HiddenInput.DYNPROMPT)
                    .hidden("unique_id", HiddenInput.UNIQUE_ID), 0)
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public NodeResult execute(NodeContext ctx, Inputs inputs) {
        if (!PythonTruth.of(inputs.get("condition"))) {
            return NodeResult.ofList(FlowSockets.initials(inputs, 0));
        }
        DynamicPrompt prompt = inputs.get("dynprompt") instanceof DynamicPrompt p ? p : ctx.dynamicPrompt();
        String self = inputs.get("unique_id") instanceof String id ? id : ctx.uniqueId();
        String openId = FlowSockets.rawLink(inputs.get("flow_control"), "flow_control").nodeId();
        SequencedSet<String> body = LoopBody.between(prompt, openId, self);

        GraphBuilder graph = ctx.newGraph();
        for (String id : body) {
            graph.node(prompt.require(id).classType(), localId(id, self)).overrideDisplayId(id);
        }
        for (String id : body) {
            copyInputs(prompt.require(id), graph, body, self, id.equals(openId));
        }
        GraphBuilder.NodeBuilder open = graph.lookup(localId(openId, self)).orElseThrow();
        for (int i = 0; i < FlowSockets.COUNT; i++) {
            Object value = inputs.get(FlowSockets.initial(i));
            if (value != null) open.set(FlowSockets.initial(i), value);
        }
        GraphBuilder.NodeBuilder recurse = graph.lookup(RECURSE).orElseThrow();
        List<Object> outputs = new ArrayList<>(FlowSockets.COUNT);
        for (int i = 0; i < FlowSockets.COUNT; i++) outputs.add(recurse.out(i));
        return new NodeResult(outputs, Map.of(), Optional.of(graph.build()));
    }

    /**
     * Links inside the body point at the copies; everything else is copied as it is. The open
     * node's initial values are left out: the caller sets this round's values (absent for None).
     */
    private static void copyInputs(PromptNode original, GraphBuilder graph, SequencedSet<String> body,
                                   String self, boolean isOpen) {
        GraphBuilder.NodeBuilder copy = graph.lookup(localId(original.id(), self)).orElseThrow();
        for (Map.Entry<String, InputValue> input : original.inputs().entrySet()) {
            String name = input.getKey();
            if (isOpen && name.startsWith("initial_value")) continue;
            if (input.getValue() instanceof InputValue.Linked linked && body.contains(linked.link().nodeId())) {
                Link link = linked.link();
                copy.set(name, graph.lookup(localId(link.nodeId(), self)).orElseThrow().out(link.slot()));
            } else {
                copy.setInput(name, input.getValue());
            }
        }
    }

    private static String localId(String id, String self) {
        return id.equals(self) ? RECURSE : id;
    }
}
