"""noise.json: the initial noise of ComfyUI's comfy.sample.prepare_noise for a few seeds, shapes and batch indices.

Torch's CPU randn (tensors of 16 elements or more) has two kernels: a vectorised one (AVX2 and up) and a scalar
one, which differ in the last bits of some values. Both are recorded: "vectorized" is what this machine picks by
itself, "scalar" is the same run with ATEN_CPU_CAPABILITY=default.
Usage: DEST/python noise_reference.py OUTDIR
"""
import json
import os
import subprocess
import sys

import torch

import comfy.sample
from reference_common import comfyui_info, f32_list, f64, outdir_from_args, write_json

SEEDS = [0, 42, 2**32 + 7, 123456789]
SHAPES = [[1, 4, 8, 8], [2, 4, 8, 8], [1, 4, 3, 5], [1, 1, 1, 3]]
BIG = [([1, 4, 64, 64], 42, None), ([1, 4, 64, 64], 0, None)]
BATCH_INDEX = [([1, 4, 8, 8], 42, [2]), ([3, 4, 8, 8], 42, [1, 0, 1])]
FULL_LIMIT = 1024
PREFIX = 64


def case(shape, seed, batch_index):
    latent = torch.zeros(shape, dtype=torch.float32)
    noise = comfy.sample.prepare_noise(latent, seed, batch_index)
    result = {"seed": seed, "shape": shape, "batch_index": batch_index, "out_shape": list(noise.shape)}
    if noise.numel() <= FULL_LIMIT:
        result["values"] = f32_list(noise)
    else:
        flat = noise.flatten().to(torch.float64)
        result["first"] = f32_list(noise.flatten()[:PREFIX])
        result["sum"] = f64(flat.sum())
        result["sum_of_squares"] = f64((flat * flat).sum())
    return result


def cases():
    out = [case(shape, seed, None) for seed in SEEDS for shape in SHAPES]
    out += [case(shape, seed, bi) for shape, seed, bi in BATCH_INDEX]
    out += [case(shape, seed, bi) for shape, seed, bi in BIG]
    return out


def main():
    if "--cases-only" in sys.argv:
        json.dump(cases(), sys.stdout)
        return
    outdir = outdir_from_args()
    vectorized = cases()
    env = dict(os.environ, ATEN_CPU_CAPABILITY="default")
    scalar = json.loads(subprocess.check_output([sys.executable, os.path.abspath(__file__), "--cases-only"], env=env))
    all_cases = [dict(c, kernel="vectorized") for c in vectorized] + [dict(c, kernel="scalar") for c in scalar]
    header = dict(comfyui_info(),
                  source="comfy.sample.prepare_noise(torch.zeros(shape), seed, batch_index); float32",
                  note="values: all values in row-major order; big tensors: first %d values, float64 sum and sum of squares" % PREFIX)
    write_json(outdir, "noise.json", header, all_cases)


if __name__ == "__main__":
    main()
