"""sigmas.json: ComfyUI's noise schedules for SD1.5's ModelSamplingDiscrete (eps), and KSampler's rules on top.

kind "scheduler": comfy.samplers.calculate_sigmas(model_sampling, scheduler, steps).
kind "ksampler":  comfy.samplers.KSampler(model, steps, sampler=..., scheduler=..., denoise=...).sigmas, which adds
                  the denoise < 1 rule (int(steps/denoise) steps, last steps+1 kept) and the discard-penultimate rule.
kind "sigma_table": the model's 1000 sigmas and their logs, as ModelSamplingDiscrete stores them (float32).
Usage: DEST/python sigmas_reference.py OUTDIR
"""
import torch

import comfy.model_base
import comfy.samplers
from reference_common import comfyui_info, f32_list, outdir_from_args, write_json

STEPS = [1, 4, 10, 25]
KSAMPLER_CASES = [  # (sampler, steps, denoise)
    ("euler", 10, 1.0), ("euler", 10, 0.6), ("euler", 4, 0.6),
    ("dpm_2", 10, 1.0), ("dpm_2", 10, 0.6), ("uni_pc", 4, 1.0),
]


class SamplingOnlyModel:
    """The one thing KSampler asks of its model when it computes sigmas."""

    def __init__(self, model_sampling):
        self.model_sampling = model_sampling

    def get_model_object(self, name):
        if name != "model_sampling":
            raise KeyError(name)
        return self.model_sampling


def sd15_model_sampling():
    # SD15's model config has no sampling settings, so ModelSamplingDiscrete's defaults are SD1.5's.
    return comfy.model_base.model_sampling(None, comfy.model_base.ModelType.EPS)


def main():
    outdir = outdir_from_args()
    ms = sd15_model_sampling()
    cases = [{"kind": "sigma_table", "sigmas": f32_list(ms.sigmas), "log_sigmas": f32_list(ms.log_sigmas)}]
    for scheduler in comfy.samplers.KSampler.SCHEDULERS:
        for steps in STEPS:
            sigmas = comfy.samplers.calculate_sigmas(ms, scheduler, steps)
            cases.append({"kind": "scheduler", "scheduler": scheduler, "steps": steps, "sigmas": f32_list(sigmas)})
    model = SamplingOnlyModel(ms)
    for scheduler in comfy.samplers.KSampler.SCHEDULERS:
        for sampler, steps, denoise in KSAMPLER_CASES:
            ks = comfy.samplers.KSampler(model, steps, "cpu", sampler=sampler, scheduler=scheduler, denoise=denoise)
            cases.append({"kind": "ksampler", "sampler": sampler, "scheduler": scheduler, "steps": steps,
                          "denoise": denoise,
                          "discard_penultimate": sampler in comfy.samplers.KSampler.DISCARD_PENULTIMATE_SIGMA_SAMPLERS,
                          "sigmas": f32_list(ks.sigmas)})
    header = dict(comfyui_info(),
                  model_sampling="ModelSamplingDiscrete + EPS, SD1.5 defaults (scaled linear betas 0.00085..0.012, 1000 steps)",
                  schedulers=list(comfy.samplers.KSampler.SCHEDULERS),
                  sigma_min=float(ms.sigma_min), sigma_max=float(ms.sigma_max))
    write_json(outdir, "sigmas.json", header, cases)


if __name__ == "__main__":
    main()
