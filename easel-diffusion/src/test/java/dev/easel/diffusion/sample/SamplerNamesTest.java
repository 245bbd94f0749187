package dev.easel.diffusion.sample;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SamplerNamesTest {
    /** ComfyUI's SAMPLER_NAMES, in its order. */
    private static final List<String> COMFY_ORDER = List.of(
            "euler", "euler_cfg_pp", "euler_ancestral", "euler_ancestral_cfg_pp",
            "heun", "heunpp2", "exp_heun_2_x0", "exp_heun_2_x0_sde",
            "dpm_2", "dpm_2_ancestral", "lms", "dpm_fast", "dpm_adaptive",
            "dpmpp_2s_ancestral", "dpmpp_2s_ancestral_cfg_pp", "dpmpp_sde", "dpmpp_sde_gpu",
            "dpmpp_2m", "dpmpp_2m_cfg_pp", "dpmpp_2m_sde", "dpmpp_2m_sde_gpu", "dpmpp_2m_sde_heun", "dpmpp_2m_sde_heun_gpu",
            "dpmpp_3m_sde", "dpmpp_3m_sde_gpu",
            "ddpm", "lcm", "ipndm", "ipndm_v", "deis",
            "res_multistep", "res_multistep_cfg_pp", "res_multistep_ancestral", "res_multistep_ancestral_cfg_pp",
            "gradient_estimation", "gradient_estimation_cfg_pp", "er_sde", "seeds_2", "seeds_3", "sa_solver", "sa_solver_pece",
            "ddim", "uni_pc", "uni_pc_bh2");
    @Test
    void wireNamesAreComfyUisInItsOrder() {
        assertThat(Sampler.wireNames()).containsExactlyElementsOf(COMFY_ORDER);
    }

    @Test
    void byWireNameFindsEverySampler() {
        for (Sampler s : Sampler.values()) assertThat(Sampler.byWireName(s.wireName())).contains(s);
    }

    @Test
    void byWireNameOfAnUnknownNameIsEmpty() {
        assertThat(Sampler.byWireName("cfgpp_ud10_ab")).isEmpty();
        assertThat(Sampler.byWireName("Euler")).isEmpty();
    }

    @Test
    void exactlyTheDpm2AndUniPcSamplersDiscardThePenultimateSigma() {
        assertThat(Arrays.stream(Sampler.values()).filter(Sampler::discardsPenultimateSigma))
                .containsExactlyInAnyOrder(Sampler.DPM_2, Sampler.DPM_2_ANCESTRAL, Sampler.UNI_PC, Sampler.UNI_PC_BH2);
    }

    @Test
    void exactlyTheCfgPpSamplersUseTheUnconditionalEstimate() {
        assertThat(Arrays.stream(Sampler.values()).filter(Sampler::usesUnconditional).map(Sampler::wireName))
                .containsExactlyInAnyOrder("euler_cfg_pp", "euler_ancestral_cfg_pp", "dpmpp_2s_ancestral_cfg_pp",
                        "dpmpp_2m_cfg_pp", "res_multistep_cfg_pp", "res_multistep_ancestral_cfg_pp", "gradient_estimation_cfg_pp");
    }
}
