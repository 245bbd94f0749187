package dev.easel.diffusion.sample;

import dev.easel.tensor.Tensor;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * ComfyUI's KSampler samplers, keyed by their wire name and listed in ComfyUI's
 * {@code SAMPLER_NAMES} order. Parameters are KSampler's defaults (eta 1, s_noise 1, r ½ where a
 * method has them). Samplers that inject noise take it from the context; for the SDE samplers
 * (dpmpp_sde, dpmpp_2m_sde, dpmpp_3m_sde and their variants) ComfyUI uses a seeded Brownian tree
 * instead, so those match ComfyUI in distribution, not bit for bit.
 *
 * <p>The update rules are those ComfyUI uses for ε- and v-prediction models (σ-space, α = 1).
 * For flow models ComfyUI switches the ancestral samplers to rectified-flow variants and the
 * half-log-SNR samplers to logit(σ); those variants are not implemented here.
 */
public enum Sampler {
    EULER("euler", new Euler()),
    EULER_CFG_PP("euler_cfg_pp", new EulerAncestralCfgPp(0.0, 0.0)),
    EULER_ANCESTRAL("euler_ancestral", new EulerAncestral()),
    EULER_ANCESTRAL_CFG_PP("euler_ancestral_cfg_pp", new EulerAncestralCfgPp(1.0, 1.0)),
    HEUN("heun", new Heun()),
    HEUNPP2("heunpp2", new HeunPlusPlus()),
    EXP_HEUN_2_X0("exp_heun_2_x0", new Seeds2(0.0, 0.0, 1.0, Seeds2.Blend.PHI_2)),
    EXP_HEUN_2_X0_SDE("exp_heun_2_x0_sde", new Seeds2(1.0, 1.0, 1.0, Seeds2.Blend.PHI_2)),
    DPM_2("dpm_2", new Dpm2()),
    DPM_2_ANCESTRAL("dpm_2_ancestral", new Dpm2Ancestral()),
    LMS("lms", new Lms()),
    DPM_FAST("dpm_fast", new DpmFast()),
    DPM_ADAPTIVE("dpm_adaptive", new DpmAdaptive()),
    DPMPP_2S_ANCESTRAL("dpmpp_2s_ancestral", new DpmPp2sAncestral()),
    DPMPP_2S_ANCESTRAL_CFG_PP("dpmpp_2s_ancestral_cfg_pp", new DpmPp2sAncestralCfgPp()),
    DPMPP_SDE("dpmpp_sde", new DpmPpSde()),
    DPMPP_SDE_GPU("dpmpp_sde_gpu", new DpmPpSde()),
    DPMPP_2M("dpmpp_2m", new DpmPp2m()),
    DPMPP_2M_CFG_PP("dpmpp_2m_cfg_pp", new DpmPp2mCfgPp()),
    DPMPP_2M_SDE("dpmpp_2m_sde", new DpmPp2mSde(DpmPp2mSde.Correction.MIDPOINT)),
    DPMPP_2M_SDE_GPU("dpmpp_2m_sde_gpu", new DpmPp2mSde(DpmPp2mSde.Correction.MIDPOINT)),
    DPMPP_2M_SDE_HEUN("dpmpp_2m_sde_heun", new DpmPp2mSde(DpmPp2mSde.Correction.HEUN)),
    DPMPP_2M_SDE_HEUN_GPU("dpmpp_2m_sde_heun_gpu", new DpmPp2mSde(DpmPp2mSde.Correction.HEUN)),
    DPMPP_3M_SDE("dpmpp_3m_sde", new DpmPp3mSde()),
    DPMPP_3M_SDE_GPU("dpmpp_3m_sde_gpu", new DpmPp3mSde()),
    DDPM("ddpm", new Ddpm()),
    LCM("lcm", new Lcm()),
    IPNDM("ipndm", new Ipndm()),
    IPNDM_V("ipndm_v", new IpndmVariable()),
    DEIS("deis", new Deis()),
    RES_MULTISTEP("res_multistep", new ResMultistep(0.0, false)),
    RES_MULTISTEP_CFG_PP("res_multistep_cfg_pp", new ResMultistep(0.0, true)),
    RES_MULTISTEP_ANCESTRAL("res_multistep_ancestral", new ResMultistep(1.0, false)),
    RES_MULTISTEP_ANCESTRAL_CFG_PP("res_multistep_ancestral_cfg_pp", new ResMultistep(1.0, true)),
    GRADIENT_ESTIMATION("gradient_estimation", new GradientEstimation(false)),
    GRADIENT_ESTIMATION_CFG_PP("gradient_estimation_cfg_pp", new GradientEstimation(true)),
    ER_SDE("er_sde", new ErSde()),
    SEEDS_2("seeds_2", new Seeds2(1.0, 1.0, 0.5, Seeds2.Blend.PHI_1)),
    SEEDS_3("seeds_3", new Seeds3()),
    SA_SOLVER("sa_solver", SaSolver.forDiscreteModels(false)),
    SA_SOLVER_PECE("sa_solver_pece", SaSolver.forDiscreteModels(true)),
    /** ComfyUI runs ddim as euler (and renoises inpainting with fresh noise, which is the caller's concern). */
    DDIM("ddim", new Euler()),
    UNI_PC("uni_pc", new UniPc(UniPc.Variant.BH1)),
    UNI_PC_BH2("uni_pc_bh2", new UniPc(UniPc.Variant.BH2));

    private static final Map<String, Sampler> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Sampler::wireName, Function.identity()));

    private final String wireName;
    private final SamplerAlgorithm algorithm;

    Sampler(String wireName, SamplerAlgorithm algorithm) {
        this.wireName = wireName;
        this.algorithm = algorithm;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Sampler> byWireName(String name) {
        return Optional.ofNullable(BY_WIRE_NAME.get(name));
    }

    /** The wire names in ComfyUI's order, as the KSampler node lists them. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(Sampler::wireName).toList();
    }

    /**
     * Samples from {@code x}, already noised to {@code sigmas[0]}, down the sigmas; returns the
     * final x. The listener hears once per step with the step's denoised estimate; an exception
     * it throws ends sampling and propagates unchanged.
     */
    public Tensor sample(Denoiser model, Tensor x, double[] sigmas, SamplingContext ctx) {
        return algorithm.sample(model, x, sigmas, ctx);
    }

    /** KSampler computes steps + 1 sigmas for these and drops the penultimate one. */
    public boolean discardsPenultimateSigma() {
        return this == DPM_2 || this == DPM_2_ANCESTRAL || this == UNI_PC || this == UNI_PC_BH2;
    }

    /**
     * Whether the sampler reads {@link Prediction#unconditional()} (the CFG++ family). ComfyUI
     * turns off the cfg = 1 shortcut for them, so their guidance must evaluate the negative
     * conditioning even at cfg 1 (see {@code CfgGuider.alwaysUnconditional}).
     */
    public boolean usesUnconditional() {
        return wireName.endsWith("_cfg_pp");
    }
}
