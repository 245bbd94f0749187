package dev.easel.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.server.http.Guarded;
import dev.easel.server.http.HttpError;
import dev.easel.server.http.Responses;
import dev.easel.server.store.JobView;
import dev.easel.server.wire.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
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
        routes.post("/api/jobs/{job_id}/cancel", Guarded.handler(ctx -> Responses.json(ctx, cancelled(cancel(ctx.pathParam("job_id"))))));
    }

    private void list(Context ctx) {
        Set<JobView.Status> statuses = statuses(ctx.queryParam("status"));
        Optional<String> workflowId = Optional.ofNullable(ctx.queryParam("workflow_id"));
        String sortBy = Optional.ofNullable(ctx.queryParam("sort_by")).orElse("created_at");
        if (!sortBy.equals("created_at") && !sortBy.equals("execution_duration")) {
            throw HttpError.badRequest("sort_by must be 'created_at' or 'execution_duration'");
        }
        String order = Optional.ofNullable(ctx.queryParam("sort_order")).orElse("desc");
        if (!order.equals("asc") && !order.equals("desc")) throw HttpError.badRequest("sort_order must be 'asc' or 'desc'");
        Optional<Integer> limit = Optional.ofNullable(ctx.queryParam("limit")).map(v -> integer("limit", v));
        if (limit.isPresent() && limit.get() <= 0) throw HttpError.badRequest("limit must be a positive integer");
        int offset = Math.max(0, Optional.ofNullable(ctx.queryParam("offset")).map(v -> integer("offset", v)).orElse(0));

        List<JobView> jobs = new ArrayList<>(allJobs().stream()
                .filter(j -> statuses.contains(j.status()))
                .filter(j -> workflowId.isEmpty() || j.workflowId().equals(workflowId)).toList());
        Comparator<JobView> comparator = sortBy.equals("created_at")
                ? Comparator.comparingLong(j -> j.createTime().orElse(0))
                : Comparator.comparingLong(JobsRoutes::duration);
        jobs.sort(order.equals("desc") ? comparator.reversed() : comparator);
        int total = jobs.size();
        int from = Math.min(offset, total);
        int to = limit.map(l -> Math.min(total, from + l)).orElse(total);
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("jobs");
        jobs.subList(from, to).forEach(j -> list.add(j.summary()));
        ObjectNode pagination = body.putObject("pagination").put("offset", offset);
        limit.ifPresentOrElse(l -> pagination.put("limit", l), () -> pagination.putNull("limit"));
        pagination.put("total", total).put("has_more", to < total);
        Responses.json(ctx, body);
    }

    private static long duration(JobView job) {
        if (job.startTime().isEmpty() || job.endTime().isEmpty()) return 0;
        return job.endTime().getAsLong() - job.startTime().getAsLong();
    }

    private void one(Context ctx) {
        String id = ctx.pathParam("job_id");
        JobView job = allJobs().stream().filter(j -> j.id().equals(id)).findFirst()
                .orElseThrow(() -> HttpError.json(404, Json.object().put("error", "Job not found")));
        Responses.json(ctx, job.detail());
    }

    /** Running first, then pending in run order, then history newest first. */
    private List<JobView> allJobs() {
        List<JobView> jobs = new ArrayList<>();
        services.store().running().ifPresent(item -> jobs.add(JobView.running(item)));
        services.store().pending().forEach(item -> jobs.add(JobView.pending(item)));
        services.store().allHistory().reversed().forEach(entry -> jobs.add(JobView.finished(entry)));
        return jobs;
    }

    private boolean cancel(String id) {
        if (services.store().deletePending(id)) {
            services.queueChanged();
            return true;
        }
        return services.worker().interruptIfRunning(id);
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
        boolean any = false;
        for (JsonNode id : ids) any |= cancel(id.asText());
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
