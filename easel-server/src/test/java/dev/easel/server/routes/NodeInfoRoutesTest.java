package dev.easel.server.routes;

import dev.easel.engine.node.HiddenInput;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeRegistry;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.engine.node.Inputs;
import dev.easel.testkit.Http;
import dev.easel.server.testkit.ServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NodeInfoRoutesTest {
    @TempDir
    Path dir;

    static NodeDefinition define(NodeSchema schema) {
        return new NodeDefinition() {
            @Override
            public NodeSchema schema() {
                return schema;
            }

            @Override
            public NodeResult execute(NodeContext ctx, Inputs inputs) {
                return NodeResult.of();
            }
        };
    }

    @Test
    void rendersTheV1NodeInfoShape() {
        NodeSchema sampler = NodeSchema.builder("TestSampler").displayName("Test Sampler").category("sampling")
                .description("Samples.").pythonModule("custom_nodes.test")
                .required("model", "MODEL")
                .required("seed", "INT", "default", 0, "min", 0, "max", 10, "control_after_generate", true)
                .requiredCombo("sampler", List.of("euler", "ddim"))
                .optionalCombo("mode", List.of("a", "b"), "default", "a")
                .optional("cfg", "FLOAT", "default", 8.0, "step", 0.5)
                .hidden("prompt", HiddenInput.PROMPT).hidden("unique_id", HiddenInput.UNIQUE_ID)
                .output("LATENT", "latent").outputTooltip("the result").listOutput("INT", "counts")
                .experimental().build();
        NodeSchema plain = NodeSchema.builder("Plain").outputNode().build();
        try (ServerFixture fx = ServerFixture.start(dir, NodeRegistry.of(List.of(define(sampler), define(plain))))) {
            Http.Response response = fx.http.get("/object_info/TestSampler");
            assertThat(response.json()).isEqualTo(Http.json("""
                    {"TestSampler": {
                      "input": {
                        "required": {
                          "model": ["MODEL"],
                          "seed": ["INT", {"default": 0, "min": 0, "max": 10, "control_after_generate": true}],
                          "sampler": [["euler", "ddim"]]
                        },
                        "optional": {
                          "mode": [["a", "b"], {"default": "a"}],
                          "cfg": ["FLOAT", {"default": 8.0, "step": 0.5}]
                        },
                        "hidden": {"prompt": "PROMPT", "unique_id": "UNIQUE_ID"}
                      },
                      "input_order": {"required": ["model", "seed", "sampler"], "optional": ["mode", "cfg"],
                                      "hidden": ["prompt", "unique_id"]},
                      "is_input_list": false,
                      "output": ["LATENT", "INT"],
                      "output_is_list": [false, true],
                      "output_name": ["latent", "counts"],
                      "name": "TestSampler",
                      "display_name": "Test Sampler",
                      "description": "Samples.",
                      "python_module": "custom_nodes.test",
                      "category": "sampling",
                      "output_node": false,
                      "has_intermediate_output": false,
                      "search_aliases": [],
                      "output_tooltips": ["the result", null],
                      "experimental": true
                    }}"""));
            assertThat(response.text()).contains("\"cfg\":[\"FLOAT\",{\"default\":8.0,\"step\":0.5}]");

            var all = fx.http.get("/api/object_info").json();
            assertThat(all.fieldNames()).toIterable().containsExactly("TestSampler", "Plain");
            assertThat(all.path("Plain")).isEqualTo(Http.json("""
                    {"input": {}, "input_order": {}, "is_input_list": false, "output": [], "output_is_list": [],
                     "output_name": [], "name": "Plain", "display_name": "Plain", "description": "",
                     "python_module": "nodes", "category": "sd", "output_node": true,
                     "has_intermediate_output": false, "search_aliases": []}"""));
            assertThat(fx.http.get("/object_info/Unknown").json()).isEqualTo(Http.json("{}"));
        }
    }

    @Test
    void schemaBasedNodesListEveryFieldAndComboOptions() {
        NodeSchema v3 = NodeSchema.builder("TestV3").v3().category("x")
                .requiredCombo("mode", List.of("a", "b"), "default", "a").required("image", "IMAGE")
                .hidden("prompt", HiddenInput.PROMPT).output("IMAGE").hasIntermediateOutput().build();
        NodeSchema aliased = NodeSchema.builder("Aliased").searchAliases("alias").essentialsCategory("basics").build();
        try (ServerFixture fx = ServerFixture.start(dir, NodeRegistry.of(List.of(define(v3), define(aliased))))) {
            assertThat(fx.http.get("/object_info/TestV3").json()).isEqualTo(Http.json("""
                    {"TestV3": {
                      "input": {"required": {"mode": ["COMBO", {"default": "a", "options": ["a", "b"]}], "image": ["IMAGE", {}]},
                                "hidden": {"prompt": "PROMPT"}},
                      "input_order": {"required": ["mode", "image"], "hidden": ["prompt"]},
                      "is_input_list": false, "output": ["IMAGE"], "output_is_list": [false], "output_name": ["IMAGE"],
                      "output_tooltips": [null], "output_matchtypes": null,
                      "name": "TestV3", "display_name": "TestV3", "description": "", "python_module": "nodes",
                      "category": "x", "output_node": false, "deprecated": false, "experimental": false,
                      "dev_only": false, "api_node": false, "price_badge": null, "search_aliases": null,
                      "essentials_category": null, "has_intermediate_output": true}}"""));
            assertThat(fx.http.get("/object_info/TestV3").json().at("/TestV3/input/required/mode").toString())
                    .isEqualTo("[\"COMBO\",{\"default\":\"a\",\"options\":[\"a\",\"b\"]}]");
            var info = fx.http.get("/object_info/Aliased").json().path("Aliased");
            assertThat(info.path("search_aliases")).isEqualTo(Http.json("[\"alias\"]"));
            assertThat(info.path("essentials_category").asText()).isEqualTo("basics");
        }
    }
}
