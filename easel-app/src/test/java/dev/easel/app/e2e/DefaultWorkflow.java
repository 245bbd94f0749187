package dev.easel.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.testkit.WsRecorder.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** ComfyUI's default text-to-image workflow in API format, queued and watched as its example scripts do. */
final class DefaultWorkflow {

    private DefaultWorkflow() {
    }

    /** The default workflow at 64×64 (an 8×8 latent), SaveImage with prefix "e2e". */
    static ObjectNode defaultWorkflow(String checkpoint, int steps, long seed) {
        ObjectNode prompt = LiveServer.JSON.createObjectNode();
        node(prompt, "4", "CheckpointLoaderSimple").put("ckpt_name", checkpoint);
        node(prompt, "5", "EmptyLatentImage").put("width", 64).put("height", 64).put("batch_size", 1);
        ObjectNode positive = node(prompt, "6", "CLIPTextEncode").put("text", "a bottle on a table");
        positive.putArray("clip").add("4").add(1);
        ObjectNode negative = node(prompt, "7", "CLIPTextEncode").put("text", "");
        negative.putArray("clip").add("4").add(1);
        ObjectNode sampler = node(prompt, "3", "KSampler").put("seed", seed).put("steps", steps).put("cfg", 8.0)
                .put("sampler_name", "euler").put("scheduler", "normal").put("denoise", 1.0);
        sampler.putArray("model").add("4").add(0);
        sampler.putArray("positive").add("6").add(0);
        sampler.putArray("negative").add("7").add(0);
        sampler.putArray("latent_image").add("5").add(0);
        ObjectNode decode = node(prompt, "8", "VAEDecode");
        decode.putArray("samples").add("3").add(0);
        decode.putArray("vae").add("4").add(2);
        ObjectNode save = node(prompt, "9", "SaveImage").put("filename_prefix", "e2e");
        save.putArray("images").add("8").add(0);
        return prompt;
    }

    /** Adds node {@code id} of {@code classType} and returns its inputs. */
    static ObjectNode node(ObjectNode prompt, String id, String classType) {
        ObjectNode node = prompt.putObject(id);
        node.put("class_type", classType);
        return node.putObject("inputs");
    }

    /** {@code POST /prompt} for {@code client}, checked to be accepted; the prompt id. */
    static String queue(LiveServer server, String client, ObjectNode prompt, Map<String, String> extraData) throws Exception {
        ObjectNode body = LiveServer.JSON.createObjectNode();
        body.set("prompt", prompt);
        body.put("client_id", client);
        ObjectNode extra = body.putObject("extra_data");
        extraData.forEach(extra::put);
        var response = server.post("/prompt", body.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return LiveServer.parse(response.body()).get("prompt_id").asText();
    }

    static List<Message.Text> texts(List<Message> messages, String type) {
        return messages.stream().filter(m -> m instanceof Message.Text t && t.type().equals(type))
                .map(Message.Text.class::cast).toList();
    }

    static List<Message.Binary> binaries(List<Message> messages) {
        return messages.stream().filter(Message.Binary.class::isInstance).map(Message.Binary.class::cast).toList();
    }

    /** The sampler's progress values, each checked to have max = steps, node 3 and this prompt. */
    static List<Integer> samplerSteps(List<Message> messages, String promptId, int steps) {
        List<Integer> values = new ArrayList<>();
        for (Message.Text progress : texts(messages, "progress")) {
            JsonNode data = progress.data();
            assertThat(data.path("node").asText()).isEqualTo("3");
            assertThat(data.path("prompt_id").asText()).isEqualTo(promptId);
            assertThat(data.path("max").asInt()).isEqualTo(steps);
            values.add(data.path("value").asInt());
        }
        return values;
    }

    static List<Integer> rangeFromOne(int steps) {
        return java.util.stream.IntStream.rangeClosed(1, steps).boxed().toList();
    }
}
