package dev.easel.server.store;

import java.util.List;

/** One page of the jobs API and how many jobs matched in all. */
public record JobPage(List<JobView> jobs, int total) {

    public JobPage {
        jobs = List.copyOf(jobs);
    }
}
