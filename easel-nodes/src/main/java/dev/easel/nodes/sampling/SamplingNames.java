package dev.easel.nodes.sampling;

import dev.easel.diffusion.sample.Sampler;
import dev.easel.diffusion.schedule.Scheduler;

/** Sampler and scheduler inputs by wire name; validation has checked them, so a miss is a bug. */
final class SamplingNames {
    private SamplingNames() {
    }

    static Sampler sampler(String name) {
        return Sampler.byWireName(name).orElseThrow(() ->
                new IllegalArgumentException("unknown sampler '" + name + "', expected one of " + Sampler.wireNames()));
    }

    static Scheduler scheduler(String name) {
        return Scheduler.byWireName(name).orElseThrow(() ->
                new IllegalArgumentException("unknown scheduler '" + name + "', expected one of " + Scheduler.wireNames()));
    }
}
