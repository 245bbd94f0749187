package dev.easel.diffusion.schedule;

import dev.easel.diffusion.model.ModelSampling;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * ComfyUI's schedulers ({@code SCHEDULER_NAMES}, in its order; the first is the default). Each
 * turns a step count into the σ values the sampler walks through, computed as ComfyUI's float32
 * tensors hold them.
 */
public enum Scheduler {
    SIMPLE("simple"),
    SGM_UNIFORM("sgm_uniform"),
    KARRAS("karras"),
    EXPONENTIAL("exponential"),
    DDIM_UNIFORM("ddim_uniform"),
    BETA("beta"),
    NORMAL("normal"),
    LINEAR_QUADRATIC("linear_quadratic"),
    KL_OPTIMAL("kl_optimal");

    private static final List<String> WIRE_NAMES = Arrays.stream(values()).map(Scheduler::wireName).toList();

    private final String wireName;

    Scheduler(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Scheduler> byWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }

    public static List<String> wireNames() {
        return WIRE_NAMES;
    }

    /**
     * The σ schedule for {@code steps} steps: normally {@code steps + 1} values ending in 0. As in
     * ComfyUI, {@code beta} drops repeated timesteps (fewer values for many steps),
     * {@code ddim_uniform} takes every ⌊1000/steps⌋-th table entry (more values when that does
     * not divide evenly), and {@code kl_optimal} with one step is NaN (a division 0/0).
     */
    public double[] sigmas(ModelSampling ms, int steps) {
        if (steps < 1) throw new IllegalArgumentException("a schedule needs at least one step, got " + steps);
        return switch (this) {
            case SIMPLE -> TableSchedules.simple(ms, steps);
            case SGM_UNIFORM -> TimestepSchedules.uniform(ms, steps, true);
            case KARRAS -> FormulaSchedules.karras(ms.sigmaMin(), ms.sigmaMax(), steps);
            case EXPONENTIAL -> FormulaSchedules.exponential(ms.sigmaMin(), ms.sigmaMax(), steps);
            case DDIM_UNIFORM -> TableSchedules.ddimUniform(ms, steps);
            case BETA -> TableSchedules.beta(ms, steps);
            case NORMAL -> TimestepSchedules.uniform(ms, steps, false);
            case LINEAR_QUADRATIC -> FormulaSchedules.linearQuadratic(ms.sigmaMax(), steps);
            case KL_OPTIMAL -> FormulaSchedules.klOptimal(ms.sigmaMin(), ms.sigmaMax(), steps);
        };
    }
}
