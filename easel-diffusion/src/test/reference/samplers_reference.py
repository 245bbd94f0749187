"""samplers.json: every KSampler sampler x scheduler run through ComfyUI's own sampler path on an analytic toy problem.

The toy problem (reimplemented exactly on the Java side):
  latent   zeros [1,4,8,8]; noise = comfy.sample.prepare_noise(latent, seed=42)
  mu       mu[c,y,x] = 0.5*sin(0.7*c + 0.3*y - 0.2*x), computed in float64, stored as float32
  denoiser D(x, sigma) = mu + k*(x - mu), k = v/(v + sigma^2), v = 0.25, all in float32 (sigma as float32);
           the exact posterior mean for data ~ N(mu, v) per element, used as the already-guided model (no CFG,
           cfg 1). cfg_pp samplers get this same D as their unconditional prediction ("uncond_denoised").
  sigmas   comfy.samplers.KSampler(model, steps, sampler=..., scheduler=...).sigmas for SD1.5's eps
           ModelSamplingDiscrete (discard-penultimate rule included)
  run      comfy.samplers.sampler_object(name).sample(...) (KSAMPLER: ddim -> euler, uni_pc -> sample_unipc),
           which applies noise_scaling with max_denoise and passes extra_args {"seed": 42}, so ancestral samplers
           draw torch-generator noise exactly as ComfyUI's KSampler does.
  output   what KSAMPLER.sample returns (before the latent format's process_out).
  generator_draws: the first draws of ComfyUI's default_noise_sampler for seed 42 (each [1,4,8,8]), and
           generator_draws_torch_seed, the torch.manual_seed value that reproduces them (42 or 43, by version).
Samplers that need torchsde's Brownian tree cannot run here; their error is recorded instead of a result.
Usage: DEST/python samplers_reference.py OUTDIR
"""
import inspect
import math
import traceback

import torch

import comfy.k_diffusion.sampling
import comfy.model_base
import comfy.sample
import comfy.samplers
from reference_common import comfyui_info, f32, f32_list, outdir_from_args, write_json

SHAPE = [1, 4, 8, 8]
SEED = 42
VARIANCE = 0.25
EXTRA_STEPS = {"euler": [4], "heun": [4], "dpmpp_2m": [4], "uni_pc": [4]}
GENERATOR_DRAWS = 40
TRACED = [("euler_ancestral", "simple", 10), ("heun", "karras", 10), ("dpmpp_2m", "normal", 10)]


def toy_mean():
    c, y, x = torch.meshgrid(torch.arange(4, dtype=torch.float64), torch.arange(8, dtype=torch.float64),
                             torch.arange(8, dtype=torch.float64), indexing="ij")
    return (0.5 * torch.sin(0.7 * c + 0.3 * y - 0.2 * x)).to(torch.float32).unsqueeze(0)


class SamplingOnlyModel:
    def __init__(self, model_sampling):
        self.model_sampling = model_sampling

    def get_model_object(self, name):
        if name != "model_sampling":
            raise KeyError(name)
        return self.model_sampling


class BaseModelStub:
    def __init__(self, model_sampling):
        self.model_sampling = model_sampling


class Toy:
    """The toy model: a conditional mean and, for guided runs, an unconditional mean and a cfg scale."""

    def __init__(self, mean, uncond_mean=None, cfg=1.0):
        self.mean, self.uncond_mean, self.cfg = mean, uncond_mean, cfg


def posterior_mean(mean, x, s):
    mean = mean.to(x.dtype)
    k = VARIANCE / (VARIANCE + s * s)
    return mean + k * (x - mean)


class ToyGuider:
    """Stands where CFGGuider stands: called as model(x, sigma, model_options=..., seed=...), returns denoised."""

    def __init__(self, model_sampling, toy):
        self.inner_model = BaseModelStub(model_sampling)
        self.model_patcher = SamplingOnlyModel(model_sampling)
        self.toy = toy
        self.eval_sigmas = []

    def __call__(self, x, sigma, model_options={}, seed=None):
        s = sigma.to(x.dtype).view(-1, 1, 1, 1)
        self.eval_sigmas.append(f32(sigma.flatten()[0]))
        cond = posterior_mean(self.toy.mean, x, s)
        if self.toy.uncond_mean is None:
            uncond, denoised = cond, cond  # cfg 1: one prediction serves as both
        else:
            uncond = posterior_mean(self.toy.uncond_mean, x, s)
            denoised = uncond + (cond - uncond) * self.toy.cfg  # comfy.samplers.cfg_function's formula
        for fn in model_options.get("sampler_post_cfg_function", []):
            args = {"denoised": denoised, "cond": None, "uncond": None, "cond_scale": self.toy.cfg, "model": self.inner_model,
                    "uncond_denoised": uncond, "cond_denoised": cond, "sigma": sigma,
                    "model_options": model_options, "input": x}
            denoised = fn(args)
        return denoised


def run(ms, toy, sampler_name, scheduler, steps, trace):
    ks = comfy.samplers.KSampler(SamplingOnlyModel(ms), steps, "cpu", sampler=sampler_name, scheduler=scheduler, denoise=1.0)
    sigmas = ks.sigmas.clone()
    case = {"sampler": sampler_name, "scheduler": scheduler, "steps": steps, "sigmas": f32_list(sigmas)}
    latent = torch.zeros(SHAPE, dtype=torch.float32)
    noise = comfy.sample.prepare_noise(latent, SEED)
    guider = ToyGuider(ms, toy)
    steps_seen = []

    def callback(i, denoised, x, total):
        steps_seen.append({"i": i, "x": f32_list(x), "denoised": f32_list(denoised)})

    extra_args = {"model_options": {"transformer_options": {"sample_sigmas": sigmas.clone()}}, "seed": SEED}
    sampler = comfy.samplers.sampler_object(sampler_name)
    try:
        out = sampler.sample(guider, sigmas.clone(), extra_args, callback if trace else None, noise, latent, None, True)
    except Exception as e:  # noqa: BLE001  recorded, not hidden: the Java side skips nothing silently
        case["error"] = "%s: %s" % (type(e).__name__, str(e).splitlines()[0] if str(e) else "")
        case["error_at"] = traceback.extract_tb(e.__traceback__)[-1].name
        return case
    case["float64_max_abs_diff"] = float64_deviation(ms, toy, sampler_name, sigmas, noise, out)
    case["max_denoise"] = sampler.max_denoise(guider, sigmas)
    case["nfe"] = len(guider.eval_sigmas)
    case["eval_sigmas"] = guider.eval_sigmas
    case["x"] = f32_list(out)
    if not all(math.isfinite(v) for v in case["x"]):
        case["non_finite"] = True
    if trace:
        case["callbacks"] = steps_seen
    return case


def float64_deviation(ms, toy, sampler_name, sigmas, noise, out32):
    """How far the same run in float64 lands from the float32 one: the rounding noise any port must expect."""
    extra_args = {"model_options": {"transformer_options": {"sample_sigmas": sigmas.double()}}, "seed": SEED}
    sampler = comfy.samplers.sampler_object(sampler_name)
    if "noise_sampler" in inspect.signature(sampler.sampler_function).parameters:
        # the float32 generator noise of the real run, widened, so that only the arithmetic differs
        float32_noise = comfy.k_diffusion.sampling.default_noise_sampler(torch.zeros(SHAPE), seed=SEED)
        sampler.extra_options = dict(sampler.extra_options,
                                     noise_sampler=lambda sigma, sigma_next: float32_noise(sigma, sigma_next).double())
    try:
        out = sampler.sample(
            ToyGuider(ms, toy), sigmas.double(), extra_args, None, noise.double(),
            torch.zeros(SHAPE, dtype=torch.float64), None, True)
        return float("%.3g" % (out.double() - out32.double()).abs().max().item())
    except Exception:  # noqa: BLE001  some samplers build float32 tensors of their own
        return None


def generator_draws():
    """The successive draws of ComfyUI's default_noise_sampler for SEED on the CPU, and the torch seed they come from.

    ComfyUI 0.3.x seeds that generator with the run's seed; later versions add 1 on the CPU, so that ancestral
    noise differs from the initial noise.
    """
    noise_sampler = comfy.k_diffusion.sampling.default_noise_sampler(torch.zeros(SHAPE), seed=SEED)
    draws = [noise_sampler(None, None) for _ in range(GENERATOR_DRAWS)]
    torch_seed = next(s for s in (SEED, SEED + 1)
                      if torch.equal(torch.randn(SHAPE, generator=torch.Generator().manual_seed(s)), draws[0]))
    return torch_seed, [f32_list(d) for d in draws]


def main():
    outdir = outdir_from_args()
    ms = comfy.model_base.model_sampling(None, comfy.model_base.ModelType.EPS)
    mean = toy_mean()
    draws_seed, draws = generator_draws()
    cases = []
    for name in comfy.samplers.KSampler.SAMPLERS:
        for scheduler in comfy.samplers.KSampler.SCHEDULERS:
            for steps in [10] + EXTRA_STEPS.get(name, []):
                cases.append(run(ms, Toy(mean), name, scheduler, steps, (name, scheduler, steps) in TRACED))
    header = dict(comfyui_info(),
                  problem="see samplers_reference.py: latent zeros [1,4,8,8], noise prepare_noise(seed 42), "
                          "D = mu + v/(v+sigma^2)*(x-mu), v=0.25, mu[c,y,x]=0.5*sin(0.7c+0.3y-0.2x)",
                  seed=SEED, shape=SHAPE, variance=VARIANCE, mu=f32_list(mean),
                  noise=f32_list(comfy.sample.prepare_noise(torch.zeros(SHAPE), SEED)),
                  generator_draws_torch_seed=draws_seed, generator_draws=draws,
                  samplers=list(comfy.samplers.KSampler.SAMPLERS),
                  schedulers=list(comfy.samplers.KSampler.SCHEDULERS),
                  callbacks="for the traced cases: ComfyUI's callback per step, x = the sample entering step i, "
                            "denoised = D at that step (the last step's result is the case's x)")
    write_json(outdir, "samplers.json", header, cases)
    failed = sorted({(c["sampler"], c["error"]) for c in cases if "error" in c})
    for name, err in failed:
        print("FAILED %s: %s" % (name, err))


if __name__ == "__main__":
    main()
