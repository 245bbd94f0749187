#!/usr/bin/python3
"""ComfyUI's side of the `checkpoint` benchmark (docs/BENCHMARKS.md): the same single-file checkpoint,
loaded by ComfyUI's own loader (what CheckpointLoaderSimple calls), then its UNet evaluated on a batch of
two (cond and uncond, as ComfyUI batches them at cfg != 1) through the model's apply_model, at each
torch thread count in a process of its own so that each peak RSS is that run's alone.

Run with Python that can import ComfyUI (its folder as the working directory and on the path):
  python3 comfyui_checkpoint_bench.py CHECKPOINT.safetensors [--size 512] [--threads 1,2] [--warmup 1] [--reps 5]
Prints, per thread count: load seconds, peak RSS (ru_maxrss), each timed evaluation and their median.
"""
import argparse
import os
import resource
import statistics
import subprocess
import sys
import time

BATCH = 2
TOKENS = 77
TIMESTEP = 500  # a mid-schedule timestep of the 1000 discrete ones, as the Easel side uses


def one(args):
    import torch
    torch.set_num_threads(args.one)
    started = time.perf_counter()
    import comfy.sd
    import comfy.model_management
    imported = time.perf_counter()
    model, clip, vae, _ = comfy.sd.load_checkpoint_guess_config(args.checkpoint, output_vae=True, output_clip=True)
    loaded = time.perf_counter()
    # what sampling does first: bring the model to its device (here the CPU)
    comfy.model_management.load_models_gpu([model])
    ready = time.perf_counter()
    base = model.model
    context_dim = base.model_config.unet_config["context_dim"]
    generator = torch.Generator().manual_seed(0)
    latent = torch.randn((BATCH, 4, args.size // 8, args.size // 8), generator=generator)
    context = torch.randn((BATCH, TOKENS, context_dim), generator=generator)
    sigma = base.model_sampling.sigma(torch.full((BATCH,), float(TIMESTEP)))
    times = []
    with torch.inference_mode():
        for i in range(args.warmup + args.reps):
            t = time.perf_counter()
            out = base.apply_model(latent, sigma, c_crossattn=context)
            if i >= args.warmup:
                times.append(time.perf_counter() - t)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{args.checkpoint.rsplit('/', 1)[-1]}: {type(base).__name__} {base.model_config.__class__.__name__}, "
          f"latent {args.size // 8}x{args.size // 8} (image {args.size}x{args.size}), batch {BATCH} (cond + uncond), "
          f"torch threads {torch.get_num_threads()}, UNet dtype {base.get_dtype()}, output {list(out.shape)}")
    print(f"  load: load_checkpoint_guess_config {loaded - imported:.2f} s, load_models_gpu {ready - loaded:.2f} s "
          f"(importing ComfyUI {imported - started:.2f} s, not counted); peak RSS (ru_maxrss): {peak_kib / 1048576:.2f} GiB")
    print(f"  UNet evaluation: median {statistics.median(times):.3f} s over {len(times)} (after {args.warmup} warm-up); each: "
          + " ".join(f"{t:.3f}" for t in times) + " s", flush=True)
    # ComfyUI's model patchers fail in their finalisers at interpreter shutdown; nothing is left to clean up
    os._exit(0)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("checkpoint")
    p.add_argument("--size", type=int, default=512)
    p.add_argument("--threads", default="1,2")
    p.add_argument("--warmup", type=int, default=1)
    p.add_argument("--reps", type=int, default=5)
    p.add_argument("--one", type=int, help=argparse.SUPPRESS)  # one thread count, in this process
    args = p.parse_args()
    if args.size % 8 or args.reps < 1:
        p.error("--size must be a multiple of 8 and --reps at least 1")
    if args.one is not None:
        one(args)
        return
    for threads in args.threads.split(","):
        command = [sys.executable, __file__, args.checkpoint, "--size", str(args.size), "--warmup", str(args.warmup),
                   "--reps", str(args.reps), "--one", threads.strip()]
        if subprocess.run(command).returncode != 0:
            sys.exit(f"the run at {threads} threads failed")


if __name__ == "__main__":
    main()
