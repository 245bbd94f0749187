"""guided_samplers.json: every sampler on the toy problem of samplers.json, but guided: cfg 2.5 between two models.

cond     D_c(x, sigma) = mu   + k*(x - mu),   mu as in samplers.json
uncond   D_u(x, sigma) = mu_u + k*(x - mu_u), mu_u[c,y,x] = 0.5*cos(0.5*c - 0.4*y + 0.3*x) (float64, stored float32)
guided   D = D_u + (D_c - D_u)*2.5 (comfy.samplers.cfg_function's formula), all float32
The samplers see D; the cfg_pp ones also get D_u as "uncond_denoised" through ComfyUI's post-CFG hook, so their
own update rules are exercised, which cfg 1 (D_u == D) cannot do.
Usage: DEST/python guided_samplers_reference.py OUTDIR
"""
import torch

import comfy.model_base
import comfy.samplers
from reference_common import comfyui_info, f32_list, outdir_from_args, write_json
from samplers_reference import SEED, SHAPE, VARIANCE, Toy, run, toy_mean

CFG = 2.5
SCHEDULERS = ["simple", "karras", "normal"]
TRACED = [("dpmpp_2s_ancestral_cfg_pp", "karras", 10)]


def uncond_mean():
    c, y, x = torch.meshgrid(torch.arange(4, dtype=torch.float64), torch.arange(8, dtype=torch.float64),
                             torch.arange(8, dtype=torch.float64), indexing="ij")
    return (0.5 * torch.cos(0.5 * c - 0.4 * y + 0.3 * x)).to(torch.float32).unsqueeze(0)


def main():
    outdir = outdir_from_args()
    ms = comfy.model_base.model_sampling(None, comfy.model_base.ModelType.EPS)
    toy = Toy(toy_mean(), uncond_mean(), CFG)
    cases = [run(ms, toy, name, scheduler, 10, (name, scheduler, 10) in TRACED)
             for name in comfy.samplers.KSampler.SAMPLERS for scheduler in SCHEDULERS]
    header = dict(comfyui_info(),
                  problem="see guided_samplers_reference.py: samplers.json's toy, guided with cfg %s "
                          "between D_c (mean mu) and D_u (mean mu_u)" % CFG,
                  seed=SEED, shape=SHAPE, variance=VARIANCE, cfg=CFG, mu=f32_list(toy.mean),
                  mu_uncond=f32_list(toy.uncond_mean), schedulers=SCHEDULERS,
                  note="initial noise and generator draws are those of samplers.json")
    write_json(outdir, "guided_samplers.json", header, cases)
    for name, err in sorted({(c["sampler"], c["error"]) for c in cases if "error" in c}):
        print("FAILED %s: %s" % (name, err))


if __name__ == "__main__":
    main()
