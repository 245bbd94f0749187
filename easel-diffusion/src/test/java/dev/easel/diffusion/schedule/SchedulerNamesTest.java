package dev.easel.diffusion.schedule;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulerNamesTest {

    @Test
    void wireNamesAreComfyUIsInItsOrder() {
        assertThat(Scheduler.wireNames()).containsExactly("simple", "sgm_uniform", "karras", "exponential",
                "ddim_uniform", "beta", "normal", "linear_quadratic", "kl_optimal");
    }

    @Test
    void aWireNameFindsItsScheduler() {
        assertThat(Scheduler.byWireName("kl_optimal")).contains(Scheduler.KL_OPTIMAL);
        assertThat(Scheduler.SGM_UNIFORM.wireName()).isEqualTo("sgm_uniform");
    }

    @Test
    void anUnknownWireNameFindsNothing() {
        assertThat(Scheduler.byWireName("Karras")).isEmpty();
    }
}
