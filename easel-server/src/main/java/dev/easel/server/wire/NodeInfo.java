package dev.easel.server.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.engine.node.InputSection;
import dev.easel.engine.node.InputSpec;
import dev.easel.engine.node.NodeSchema;
import dev.easel.engine.node.OutputSpec;

import java.util.List;

/** A schema as ComfyUI's V1 {@code node_info}: the entry {@code /object_info} lists per class. */
public final class NodeInfo {

    private NodeInfo() {
    }

    public static ObjectNode of(NodeSchema schema) {
        ObjectNode info = Json.object();
        ObjectNode input = info.putObject("input");
        ObjectNode order = Json.object();
        for (InputSection section : InputSection.values()) {
            List<InputSpec> specs = schema.inputs(section);
            if (specs.isEmpty()) continue;
            ObjectNode sectionNode = input.putObject(section.wireName());
            ArrayNode names = order.putArray(section.wireName());
            for (InputSpec spec : specs) {
                sectionNode.set(spec.name(), inputSpec(spec));
                names.add(spec.name());
            }
        }
        info.set("input_order", order);
        info.put("is_input_list", schema.inputIsList());
        ArrayNode output = info.putArray("output");
        ArrayNode outputIsList = info.putArray("output_is_list");
        ArrayNode outputName = info.putArray("output_name");
        for (OutputSpec out : schema.outputs()) {
            output.add(out.type());
            outputIsList.add(out.isList());
            outputName.add(out.name());
        }
        info.put("name", schema.classType());
        info.put("display_name", schema.displayName());
        info.put("description", schema.description());
        info.put("python_module", schema.pythonModule());
        info.put("category", schema.category());
        info.put("output_node", schema.outputNode());
        info.put("has_intermediate_output", false);
        info.putArray("search_aliases");
        if (schema.outputs().stream().anyMatch(o -> o.tooltip().isPresent())) {
            ArrayNode tooltips = info.putArray("output_tooltips");
            schema.outputs().forEach(o -> o.tooltip().ifPresentOrElse(tooltips::add, tooltips::addNull));
        }
        if (schema.deprecated()) info.put("deprecated", true);
        if (schema.experimental()) info.put("experimental", true);
        return info;
    }

    /** {@code [TYPE]}, {@code [TYPE, {options}]}, {@code [[choices], {options}]}, or a bare hidden marker. */
    private static JsonNode inputSpec(InputSpec spec) {
        if (spec.section() == InputSection.HIDDEN && spec.options().isEmpty()) {
            return Json.tree(spec.type());
        }
        ArrayNode array = Json.array();
        if (spec.isCombo()) {
            array.add(Json.tree(spec.choiceList()));
        } else {
            array.add(spec.type());
        }
        if (!spec.options().isEmpty()) array.add(Json.tree(spec.options()));
        return array;
    }
}
