package dev.easel.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.server.http.Guarded;
import dev.easel.server.http.HttpError;
import dev.easel.server.http.Responses;
import dev.easel.server.store.JobPage;
import dev.easel.server.store.JobQuery;
import dev.easel.server.store.JobView;
import dev.easel.server.store.OwnerFilter;
import dev.easel.server.wire.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/** The jobs API (§2.5): queue and history as one list of jobs, plus cancelling. */
public final class JobsRoutes {
    private final Services services;

    public JobsRoutes(Services services) {
        this.services = services;
    }

    /** These paths already carry {@code /api}; ComfyUI's doubled {@code /api/api} form is left out. */
    public void register(RoutesConfig routes) {
        routes.get("/api/jobs", Guarded.handler(this::list));
        routes.get("/api/jobs/{job_id}", Guarded.handler(this::one));
        routes.post("/api/jobs/cancel", Guarded.handler(this::cancelMany));
        routes.post("/api/jobs/{job_id}/cancel", Guarded.handler(ctx -> Responses.json(ctx, cancelled(cancel(ctx.pathParam("job_id"), CallerJobs.of(ctx))))));
    }

    private void list(Context ctx) {
        JobQuery query = query(ctx);
        JobPage page = services.store().jobs(query);
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("jobs");
        page.jobs().forEach(j -> list.add(withOwner(j, j.summary())));
        ObjectNode pagination = body.putObject("pagination").put("offset", query.offset());
        query.limit().ifPresentOrElse(l -> pagination.put("limit", l), () -> pagination.putNull("limit"));
        pagination.put("total", page.total()).put("has_more", query.offset() + page.jobs().size() < page.total());
        Responses.json(ctx, body);
    }

    private static JobQuery query(Context ctx) {
        Set<JobView.Status> statuses = statuses(ctx.queryParam("status"));
        Optional<String> workflowId = Optional.ofNullable(ctx.queryParam("workflow_id"));
        String sortBy = Optional.ofNullable(ctx.queryParam("sort_by")).orElse("created_at");
        if (!sortBy.equals("created_at") && !sortBy.equals("execution_duration")) {
            throw HttpError.badRequest("sort_by must be 'created_at' or 'execution_duration'");
        }
        String order = Optional.ofNullable(ctx.queryParam("sort_order")).orElse("desc");
        if (!order.equals("asc") && !order.equals("desc")) throw HttpError.badRequest("sort_order must be 'asc' or 'desc'");
        OptionalInt limit = Optional.ofNullable(ctx.queryParam("limit")).map(v -> OptionalInt.of(integer("limit", v))).orElse(OptionalInt.empty());
        if (limit.isPresent() && limit.getAsInt() <= 0) throw HttpError.badRequest("limit must be a positive integer");
        int offset = Optional.ofNullable(ctx.queryParam("offset")).map(v -> integer("offset", v)).orElse(0);
        JobQuery.Sort sort = sortBy.equals("created_at") ? JobQuery.Sort.CREATED_AT : JobQuery.Sort.EXECUTION_DURATION;
        return new JobQuery(statuses, workflowId, sort, order.equals("desc"), limit, offset, CallerJobs.of(ctx));
    }

    private void one(Context ctx) {
        // another user's job is answered exactly as one that does not exist
        JobView job = services.store().job(ctx.pathParam("job_id"), CallerJobs.of(ctx))
                .orElseThrow(() -> HttpError.json(404, Json.object().put("error", "Job not found")));
        Responses.json(ctx, withOwner(job, job.detail()));
    }

    /**
     * With {@code --auth}, whose job it is ({@code "owner"}, an Easel addition): its images are in that user's
     * folders, so an admin showing another user's job adds {@code user=OWNER} to their {@code /view} URLs.
     */
    private ObjectNode withOwner(JobView job, ObjectNode json) {
        return services.config().access().auth() ? json.put("owner", job.item().user()) : json;
    }

    private boolean cancel(String id, OwnerFilter owners) {
        if (services.store().deletePending(id, owners)) {
            services.queueChanged();
            return true;
        }
        return services.interruptIfVisible(id, owners);
    }

    private void cancelMany(Context ctx) {
        JsonNode body = services.bodies().json(ctx).orElseThrow(() -> HttpError.badRequest("Request body must be valid JSON"));
        JsonNode ids = body.path("job_ids");
        if (!ids.isArray()) throw HttpError.badRequest("job_ids must be a list");
        ArrayNode invalid = Json.array();
        ids.forEach(id -> {
            if (!id.isTextual() || !PromptRoutes.isCanonicalUuid(id.asText())) invalid.add(id);
        });
        if (!invalid.isEmpty()) {
            ObjectNode error = Json.object().put("error", "job_ids contains invalid id(s)");
            error.set("invalid_ids", invalid);
            throw HttpError.json(400, error);
        }
        OwnerFilter owners = CallerJobs.of(ctx);
        boolean any = false;
        for (JsonNode id : ids) any |= cancel(id.asText(), owners);
        Responses.json(ctx, cancelled(any));
    }

    private static ObjectNode cancelled(boolean cancelled) {
        return Json.object().put("cancelled", cancelled);
    }

    private static Set<JobView.Status> statuses(String param) {
        if (param == null || param.isBlank()) return EnumSet.allOf(JobView.Status.class);
        Set<JobView.Status> chosen = EnumSet.noneOf(JobView.Status.class);
        List<String> unknown = new ArrayList<>();
        for (String raw : param.split(",")) {
            String name = raw.trim();
            Arrays.stream(JobView.Status.values()).filter(s -> s.wireName().equals(name)).findFirst()
                    .ifPresentOrElse(chosen::add, () -> unknown.add(name));
        }
        if (!unknown.isEmpty()) {
            String valid = Arrays.stream(JobView.Status.values()).map(JobView.Status::wireName).collect(Collectors.joining(", "));
            throw HttpError.badRequest("Invalid status value(s): " + String.join(", ", unknown) + ". Valid values: " + valid);
        }
        return chosen;
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw HttpError.badRequest(name + " must be an integer");
        }
    }
}
