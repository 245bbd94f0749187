package dev.easel.server.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.engine.node.InputSection;
import dev.easel.engine.node.InputSpec;
import dev.easel.engine.node.NodeSchema;
import dev.easel.engine.node.OutputSpec;

import java.util.List;

/**
 * A schema as ComfyUI lists it in {@code /object_info}. Classic (V1) nodes list only what they
 * set; schema-based (V3) nodes go through a dataclass, so every field is present (null when
 * unset) and combos read {@code ["COMBO", {"options": [...]}]}.
 */
public final class NodeInfo {

    private NodeInfo() {
    }

    public static ObjectNode of(NodeSchema schema) {
        boolean v3 = schema.style() == NodeSchema.Style.V3;
        ObjectNode info = Json.object();
        inputs(info, schema, v3);
        info.put("is_input_list", schema.inputIsList());
        ArrayNode output = info.putArray("output");
        ArrayNode outputIsList = info.putArray("output_is_list");
        ArrayNode outputName = info.putArray("output_name");
        for (OutputSpec out : schema.outputs()) {
            output.add(out.type());
            outputIsList.add(out.isList());
            outputName.add(out.name());
        }
        boolean anyTooltip = schema.outputs().stream().anyMatch(o -> o.tooltip().isPresent());
        if (v3 || anyTooltip) {
            ArrayNode tooltips = info.putArray("output_tooltips");
            schema.outputs().forEach(o -> o.tooltip().ifPresentOrElse(tooltips::add, tooltips::addNull));
        }
        if (v3) info.putNull("output_matchtypes");
        info.put("name", schema.classType());
        info.put("display_name", schema.displayName());
        info.put("description", schema.description());
        info.put("python_module", schema.pythonModule());
        info.put("category", schema.category());
        info.put("output_node", schema.outputNode());
        return v3 ? v3Tail(info, schema) : v1Tail(info, schema);
    }

    private static ObjectNode v1Tail(ObjectNode info, NodeSchema schema) {
        info.put("has_intermediate_output", schema.hasIntermediateOutput());
        ArrayNode aliases = info.putArray("search_aliases");
        schema.searchAliases().forEach(aliases::add);
        schema.essentialsCategory().ifPresent(c -> info.put("essentials_category", c));
        if (schema.deprecated()) info.put("deprecated", true);
        if (schema.experimental()) info.put("experimental", true);
        return info;
    }

    private static ObjectNode v3Tail(ObjectNode info, NodeSchema schema) {
        info.put("deprecated", schema.deprecated());
        info.put("experimental", schema.experimental());
        info.put("dev_only", false);
        info.put("api_node", false);
        info.putNull("price_badge");
        if (schema.searchAliases().isEmpty()) {
            info.putNull("search_aliases");
        } else {
            ArrayNode aliases = info.putArray("search_aliases");
            schema.searchAliases().forEach(aliases::add);
        }
        schema.essentialsCategory().ifPresentOrElse(c -> info.put("essentials_category", c),
                () -> info.putNull("essentials_category"));
        info.put("has_intermediate_output", schema.hasIntermediateOutput());
        return info;
    }

    private static void inputs(ObjectNode info, NodeSchema schema, boolean v3) {
        ObjectNode input = info.putObject("input");
        ObjectNode order = Json.object();
        for (InputSection section : InputSection.values()) {
            List<InputSpec> specs = schema.inputs(section);
            if (specs.isEmpty()) continue;
            ObjectNode sectionNode = input.putObject(section.wireName());
            ArrayNode names = order.putArray(section.wireName());
            for (InputSpec spec : specs) {
                sectionNode.set(spec.name(), v3 ? v3Input(spec) : v1Input(spec));
                names.add(spec.name());
            }
        }
        info.set("input_order", order);
    }

    /** {@code [TYPE]}, {@code [TYPE, {options}]}, {@code [[choices], {options}]}, or a bare hidden marker. */
    private static JsonNode v1Input(InputSpec spec) {
        if (spec.section() == InputSection.HIDDEN && spec.options().isEmpty()) return Json.tree(spec.type());
        ArrayNode array = Json.array();
        if (spec.isCombo()) {
            array.add(Json.tree(spec.choiceList()));
        } else {
            array.add(spec.type());
        }
        if (!spec.options().isEmpty()) array.add(Json.tree(spec.options()));
        return array;
    }

    /** {@code [TYPE, {options}]} always; a combo is {@code ["COMBO", {"options": [...], ...}]}. */
    private static JsonNode v3Input(InputSpec spec) {
        if (spec.section() == InputSection.HIDDEN && spec.options().isEmpty()) return Json.tree(spec.type());
        ArrayNode array = Json.array();
        array.add(spec.isCombo() ? InputSpec.COMBO : spec.type());
        ObjectNode options = Json.object();
        options.setAll((ObjectNode) Json.tree(spec.options()));
        // ComfyUI lists a schema-based combo's choices after its other options
        if (spec.isCombo()) options.set("options", Json.tree(spec.choiceList()));
        array.add(options);
        return array;
    }
}
