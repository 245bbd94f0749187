package dev.easel.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.engine.graph.Prompt;
import dev.easel.engine.validate.PromptValidator;
import dev.easel.engine.validate.ValidationResult;
import dev.easel.server.auth.Identity;
import dev.easel.server.http.Api;
import dev.easel.server.http.HttpError;
import dev.easel.server.http.Responses;
import dev.easel.server.store.OwnerFilter;
import dev.easel.server.store.QueueItem;
import dev.easel.server.wire.Json;
import dev.easel.server.wire.PromptErrors;
import dev.easel.server.wire.PythonFloat;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@code GET/POST /prompt}: queue length, and submitting a workflow (§2.2). */
public final class PromptRoutes {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PromptRoutes.class);
    private static final List<String> SENSITIVE = List.of("auth_token_comfy_org", "api_key_comfy_org");

    private final Services services;
    private final PromptValidator validator;

    public PromptRoutes(Services services) {
        this.services = services;
        this.validator = new PromptValidator(services.registry(), services.config().limits().maxReportedErrors());
    }

    public void register(Api api) {
        api.get("/prompt", this::queueInfo);
        api.post("/prompt", this::submit);
    }

    private void queueInfo(Context ctx) {
        ObjectNode body = Json.object();
        body.putObject("exec_info").put("queue_remaining", services.store().remaining());
        Responses.json(ctx, body);
    }

    private void submit(Context ctx) {
        LOG.info("got prompt");
        JsonNode body = services.bodies().jsonOrExplain(ctx, reason -> invalidJson("Invalid JSON in request body: " + reason));
        if (!body.isObject()) throw invalidJson("Request body must be a JSON object");
        NumericNode number = number(body);
        JsonNode promptJson = body.get("prompt");
        if (promptJson == null || promptJson.isNull()) {
            throw HttpError.json(400, PromptErrors.simple("no_prompt", "No prompt provided", "No prompt provided"));
        }
        if (!promptJson.isObject()) {
            throw HttpError.json(400, PromptErrors.simple("invalid_prompt", "Prompt must be a JSON object",
                    "The prompt field must map node ids to nodes"));
        }
        int maxNodes = services.config().limits().maxPromptNodes();
        if (promptJson.size() > maxNodes) {
            throw HttpError.json(400, PromptErrors.simple("prompt_too_large", "Prompt has too many nodes",
                    "The prompt has " + promptJson.size() + " nodes; this server accepts at most " + maxNodes
                            + " (--max-prompt-nodes)"));
        }
        String promptId = promptId(body.get("prompt_id"));
        requireOwnIds(ctx, body, promptId);
        ValidationResult verdict = validator.validate(Prompt.parse((ObjectNode) promptJson), partialTargets(body),
                services.files().of(ctx));
        switch (verdict) {
            case ValidationResult.Invalid invalid -> {
                RejectionLog.rejected(invalid.error(), invalid.nodeErrors());
                throw HttpError.json(400, PromptErrors.body(invalid.error(), invalid.nodeErrors()));
            }
            case ValidationResult.Valid valid -> {
                RejectionLog.outputsDropped(valid.nodeErrors());
                services.enqueue(queueItem(ctx, body, number, promptId, valid.outputs()));
                ObjectNode answer = Json.object().put("prompt_id", promptId);
                answer.set("number", number);
                answer.set("node_errors", PromptErrors.nodeErrors(valid.nodeErrors()));
                Responses.json(ctx, answer);
            }
        }
    }

    /** A client-supplied number is Python's {@code float()} of it; otherwise the counter. */
    private NumericNode number(JsonNode body) {
        JsonNode given = body.get("number");
        if (given != null && !given.isNull()) {
            if (given.isNumber()) return DoubleNode.valueOf(given.asDouble());
            if (given.isBoolean()) return DoubleNode.valueOf(given.asBoolean() ? 1.0 : 0.0);
            if (given.isTextual()) {
                Optional<Double> parsed = PythonFloat.parse(given.asText());
                if (parsed.isPresent()) return DoubleNode.valueOf(parsed.get());
            }
            throw HttpError.json(400, PromptErrors.simple("invalid_number", "number must be a number",
                    "number must be a number, got " + given));
        }
        long next = services.store().nextNumber();
        long signed = body.path("front").asBoolean(false) ? -next : next;
        return signed == (int) signed ? IntNode.valueOf((int) signed) : LongNode.valueOf(signed);
    }

    private static String promptId(JsonNode given) {
        if (given == null || given.isNull()) return UUID.randomUUID().toString();
        if (given.isTextual() && isCanonicalUuid(given.asText())) return given.asText();
        throw HttpError.json(400, PromptErrors.simple("invalid_prompt_id", "prompt_id must be a valid UUID",
                "prompt_id must be a UUID string in canonical lowercase hyphenated form; omit it to let the server generate one"));
    }

    /**
     * A client id or prompt id that belongs to another user's socket or job is refused (403):
     * queueing with it would send the run's messages to their socket, or replace their job's history.
     */
    private void requireOwnIds(Context ctx, JsonNode body, String promptId) {
        Identity caller = Identity.of(ctx);
        JsonNode clientId = body.get("client_id");
        if (clientId != null && clientId.isTextual() && !services.hub().claimClientId(clientId.asText(), caller)) {
            LOG.warn("refused a prompt of user {}: client_id {} belongs to another user", caller.user(), clientId.asText());
            throw HttpError.json(403, PromptErrors.simple("client_id_taken", "client_id belongs to another user",
                    "This client_id is bound to another user's connection; use a client id of your own"));
        }
        boolean othersJob = body.hasNonNull("prompt_id")
                && services.store().job(promptId, OwnerFilter.ALL).filter(job -> !caller.sees(job.item().user())).isPresent();
        if (othersJob) {
            LOG.warn("refused a prompt of user {}: prompt_id {} is another user's job", caller.user(), promptId);
            throw HttpError.json(403, PromptErrors.simple("prompt_id_taken", "prompt_id belongs to another user's job",
                    "A job of another user has this prompt_id; omit prompt_id to let the server generate one"));
        }
    }

    public static boolean isCanonicalUuid(String text) {
        try {
            return UUID.fromString(text).toString().equals(text);
        } catch (IllegalArgumentException notUuid) {
            return false;
        }
    }

    private static Optional<List<String>> partialTargets(JsonNode body) {
        JsonNode targets = body.get("partial_execution_targets");
        if (targets == null || !targets.isArray()) return Optional.empty();
        List<String> ids = new ArrayList<>();
        targets.forEach(t -> ids.add(t.asText()));
        return Optional.of(ids);
    }

    private QueueItem queueItem(Context ctx, JsonNode body, NumericNode number, String promptId, List<String> outputs) {
        JsonNode given = body.get("extra_data");
        ObjectNode extra = given != null && given.isObject() ? ((ObjectNode) given).deepCopy() : Json.object();
        if (body.has("client_id")) extra.set("client_id", body.get("client_id"));
        String usage = ctx.header("Comfy-Usage-Source");
        if (!extra.has("comfy_usage_source") && usage != null) extra.put("comfy_usage_source", usage);
        Map<String, String> sensitive = new LinkedHashMap<>();
        for (String key : SENSITIVE) {
            JsonNode value = extra.remove(key);
            if (value != null && !value.isNull()) sensitive.put(key, value.asText());
        }
        extra.put("create_time", System.currentTimeMillis());
        return new QueueItem(number, promptId, (ObjectNode) body.get("prompt"), extra, outputs, sensitive, Identity.of(ctx).user());
    }

    private static HttpError invalidJson(String details) {
        return HttpError.json(400, PromptErrors.simple("invalid_json", "Invalid JSON in request body", details));
    }
}
