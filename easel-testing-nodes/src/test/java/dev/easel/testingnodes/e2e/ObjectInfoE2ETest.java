package dev.easel.testingnodes.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The pack's nodes as {@code /object_info} lists them, compared with what ComfyUI lists. */
class ObjectInfoE2ETest {
    @RegisterExtension
    static final EaselFixture easel = EaselFixture.classic();

    private static JsonNode info(String classType) throws Exception {
        return easel.client().get("/object_info/" + classType).path(classType);
    }

    @Test
    void whileLoopCloseDeclaresItsRawLinkForcedInputAndHiddenValues() throws Exception {
        JsonNode close = info("TestWhileLoopClose");
        assertThat(close.path("input").path("required").toString())
                .isEqualTo("{\"flow_control\":[\"FLOW_CONTROL\",{\"rawLink\":true}],\"condition\":[\"BOOLEAN\",{\"forceInput\":true}]}");
        assertThat(close.path("input").path("hidden").toString())
                .isEqualTo("{\"dynprompt\":\"DYNPROMPT\",\"unique_id\":\"UNIQUE_ID\"}");
        assertThat(close.path("input").path("optional").path("initial_value4").toString()).isEqualTo("[\"*\"]");
        assertThat(close.path("output").toString()).isEqualTo("[\"*\",\"*\",\"*\",\"*\",\"*\"]");
        assertThat(close.path("output_name").toString())
                .isEqualTo("[\"value0\",\"value1\",\"value2\",\"value3\",\"value4\"]");
        assertThat(close.path("category").asText()).isEqualTo("Testing/Flow");
        assertThat(close.path("display_name").asText()).isEqualTo("While Loop Close");
        assertThat(close.path("python_module").asText()).isEqualTo("custom_nodes.testing-pack");
    }

    @Test
    void sixtyFourBitBoundsKeepTheirFullValue() throws Exception {
        JsonNode math = info("TestIntMathOperation");
        assertThat(math.path("input").path("required").path("a").toString())
                .isEqualTo("[\"INT\",{\"default\":0,\"min\":-18446744073709551615,\"max\":18446744073709551615,\"step\":1}]");
        assertThat(math.path("input").path("required").path("operation").toString())
                .isEqualTo("[[\"add\",\"subtract\",\"multiply\",\"divide\",\"modulo\",\"power\"]]");
    }

    @Test
    void listFlagsAndOutputNodesAreListed() throws Exception {
        assertThat(info("TestMakeListNode").path("output_is_list").toString()).isEqualTo("[true]");
        assertThat(info("TestListToAccumulationNode").path("is_input_list").asBoolean()).isTrue();
        assertThat(info("TestParallelSleep").path("output_node").asBoolean()).isTrue();
        assertThat(info("TestLazyMixImages").path("input").path("required").path("image1").toString())
                .isEqualTo("[\"IMAGE\",{\"lazy\":true}]");
        assertThat(info("TestCustomIsChanged").path("input").path("optional").path("should_change").toString())
                .isEqualTo("[\"BOOL\",{\"default\":false}]");
        assertThat(info("TestSleep").path("category").asText()).isEqualTo("_for_testing");
        assertThat(info("TestAsyncValidation").path("category").asText()).isEqualTo("_for_testing/async");
    }
}
