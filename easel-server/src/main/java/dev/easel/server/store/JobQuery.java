package dev.easel.server.store;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What {@code GET /api/jobs} asks for. Sorting is stable over ComfyUI's gathering order
 * (running, pending in run order, history newest first), so ties keep that order either way.
 */
public record JobQuery(Set<JobView.Status> statuses, Optional<String> workflowId, Sort sort, boolean descending,
                       OptionalInt limit, int offset, OwnerFilter owners) {

    public enum Sort {
        CREATED_AT, EXECUTION_DURATION
    }

    public JobQuery {
        statuses = statuses.isEmpty() ? EnumSet.noneOf(JobView.Status.class) : EnumSet.copyOf(statuses);
        offset = Math.max(0, offset);
    }

    public static JobQuery all() {
        return new JobQuery(EnumSet.allOf(JobView.Status.class), Optional.empty(), Sort.CREATED_AT, true, OptionalInt.empty(), 0,
                OwnerFilter.ALL);
    }

    public boolean matches(JobView job) {
        return statuses.contains(job.status()) && (workflowId.isEmpty() || job.workflowId().equals(workflowId))
                && owners.admits(job.item());
    }

    /** Filters, sorts and slices jobs given in gathering order; what a store without a query language does. */
    public JobPage apply(List<JobView> gathered) {
        Comparator<JobView> key = sort == Sort.CREATED_AT
                ? Comparator.comparingLong(j -> j.createTime().orElse(0))
                : Comparator.comparingLong(JobView::duration);
        List<JobView> matching = gathered.stream().filter(this::matches)
                .sorted(descending ? key.reversed() : key).toList();
        int from = Math.min(offset, matching.size());
        int to = limit.isPresent() ? Math.min(matching.size(), from + limit.getAsInt()) : matching.size();
        return new JobPage(matching.subList(from, to), matching.size());
    }
}
