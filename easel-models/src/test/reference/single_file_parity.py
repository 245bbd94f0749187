#!/usr/bin/python3
"""Reference numbers for Easel's single-file checkpoint graphs, computed by ComfyUI's own model code.

Reads the tiny random-weight checkpoints that Easel's test code writes
(dev.easel.models.toy.WriteToyCheckpoints: sd1, sd2v and sdxl .safetensors, seed and layout in
ToyCheckpoints), builds ComfyUI's UNet, text encoder and VAE classes with the same tiny
configurations, loads the files' tensors into them strictly (every key used, none missing), and
records, per family:
  clip       text-encoder conditioning (and pooled output) for token rows given as ids
  unet       one UNet evaluation on fixed inputs
  vae        one decode and one encode
  euler      a 4-step euler / normal sampling run with CFG from ComfyUI's sampler, and its decode
Inputs are closed-form (sin of an index), so the Java test rebuilds them exactly. Arrays are
stored as base64 of little-endian float32 with their shape.

  DEST/python single_file_parity.py CHECKPOINT_DIR OUT.json     (DEST from shared/reference/setup.sh)
"""
import base64
import hashlib
import json
import math
import os
import sys

import numpy as np
import torch

import comfy.cli_args
comfy.cli_args.args.cpu = True
# ComfyUI's default CPU attention with this torch (1.13, no SDPA) is the sub-quadratic kernel, which
# returns NaN here for batches of two (CFG); the split kernel computes the plain softmax(q·kᵀ)·v
comfy.cli_args.args.use_split_cross_attention = True
import comfy.model_management  # noqa: E402
import comfy.model_patcher  # noqa: E402
import comfy.sample  # noqa: E402
import comfy.samplers  # noqa: E402
import comfy.sd1_clip  # noqa: E402
import comfy.sdxl_clip  # noqa: E402
import comfy.supported_models  # noqa: E402
import comfy.text_encoders.sd2_clip  # noqa: E402
import comfy.utils  # noqa: E402
from comfy.ldm.models.autoencoder import AutoencoderKL  # noqa: E402
from comfy.model_base import ModelType  # noqa: E402

START, END = 49406, 49407

# The tiny configurations of dev.easel.models.toy.ToyCheckpoints, in ComfyUI's terms.
UNET = {
    "sd1": dict(in_channels=4, out_channels=4, model_channels=32, channel_mult=[1, 2, 2, 2], num_res_blocks=[2, 2, 2, 2],
                transformer_depth=[1, 1, 1, 1, 1, 1, 0, 0], transformer_depth_middle=1,
                transformer_depth_output=[1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0], num_heads=8, num_head_channels=-1,
                context_dim=32, use_linear_in_transformer=False, adm_in_channels=None),
    "sd2v": dict(in_channels=4, out_channels=4, model_channels=32, channel_mult=[1, 2, 2, 2], num_res_blocks=[2, 2, 2, 2],
                 transformer_depth=[1, 1, 1, 1, 1, 1, 0, 0], transformer_depth_middle=1,
                 transformer_depth_output=[1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0], num_heads=-1, num_head_channels=16,
                 context_dim=64, use_linear_in_transformer=True, adm_in_channels=None),
    "sdxl": dict(in_channels=4, out_channels=4, model_channels=32, channel_mult=[1, 2, 2], num_res_blocks=[2, 2, 2],
                 transformer_depth=[0, 0, 1, 1, 2, 2], transformer_depth_middle=2,
                 transformer_depth_output=[0, 0, 0, 1, 1, 1, 2, 2, 2], num_heads=-1, num_head_channels=16,
                 context_dim=96, use_linear_in_transformer=True, adm_in_channels=64 + 6 * 256, num_classes="sequential"),
}
COMMON_UNET = dict(image_size=32, use_spatial_transformer=True, legacy=False, use_checkpoint=False,
                   use_temporal_attention=False, use_temporal_resblock=False)
CLIP_L = dict(hidden_size=32, num_hidden_layers=3, num_attention_heads=4, intermediate_size=64, hidden_act="quick_gelu")
OPEN_CLIP = dict(hidden_size=64, num_hidden_layers=3, num_attention_heads=4, intermediate_size=128, hidden_act="gelu")
VAE = {"double_z": True, "z_channels": 4, "resolution": 256, "in_channels": 3, "out_ch": 3, "ch": 32,
       "ch_mult": [1, 2, 2, 2], "num_res_blocks": 2, "attn_resolutions": [], "dropout": 0.0}
MODEL_CLASS = {"sd1": comfy.supported_models.SD15, "sd2v": comfy.supported_models.SD20, "sdxl": comfy.supported_models.SDXL}
MODEL_TYPE = {"sd1": ModelType.EPS, "sd2v": ModelType.V_PREDICTION, "sdxl": ModelType.EPS}

# token rows (ids between start and end); the Java test feeds the same words to its id tokenizer
PROMPTS = {
    "plain": [(320, 1.0), (1000, 1.0), (42, 1.0), (7, 1.0)],
    "weighted": [(320, 1.0), (1000, 1.3), (42, 1.0), (7, 0.8)],
    "long": [((i * 37 + 11) % 49000, 1.0) for i in range(80)],
    "negative": [(555, 1.0), (9, 1.0)],
}


def formula(shape, a, b, scale=1.0, offset=0.0):
    n = int(np.prod(shape))
    return (offset + scale * np.sin(a * np.arange(n, dtype=np.float64) + b)).astype(np.float32).reshape(shape)


def pack(t):
    a = np.ascontiguousarray(t.detach().cpu().numpy().astype("<f4") if torch.is_tensor(t) else np.asarray(t, "<f4"))
    return {"shape": list(a.shape), "float32_base64": base64.b64encode(a.tobytes()).decode("ascii"),
            "mean": float(a.mean()), "std": float(a.std()), "first": [float(x) for x in a.reshape(-1)[:4]]}


def chunks(words, pad):
    """ComfyUI's chunking of whole words (no word is cut: these are single tokens): start, ≤ 75 tokens, end, pad."""
    out = []
    for i in range(0, max(1, len(words)), 75):
        part = words[i:i + 75]
        row = [(START, 1.0)] + part + [(END, 1.0)]
        row += [(pad, 1.0)] * (77 - len(row))
        out.append(row)
    return out


def load(path):
    sd = comfy.utils.load_torch_file(path)
    return {k: v.to(torch.float32) for k, v in sd.items()}


def strict(module, sd, what, allowed_missing=()):
    missing, unexpected = module.load_state_dict(sd, strict=False)
    missing = [k for k in missing if not any(k.endswith(a) for a in allowed_missing)]
    if missing or unexpected:
        raise SystemExit(f"{what}: missing {missing[:5]} unexpected {unexpected[:5]}")


def text_encoder(name, model_config, sd):
    opts = {"clip_l_model_config": CLIP_L, "clip_h_model_config": OPEN_CLIP, "clip_g_model_config": OPEN_CLIP}
    if name == "sd1":
        clip = comfy.sd1_clip.SD1ClipModel(dtype=torch.float32, model_options=opts)
    elif name == "sd2v":
        clip = comfy.text_encoders.sd2_clip.SD2ClipModel(dtype=torch.float32, model_options=opts)
    else:
        clip = comfy.sdxl_clip.SDXLClipModel(dtype=torch.float32, model_options=opts)
    clip_sd = model_config.process_clip_state_dict(dict(sd))
    # logit_scale is never used; CLIP-L has no projection in these files (ComfyUI leaves it unused for SD1 and SDXL-L)
    strict(clip, clip_sd, name + " text encoder", allowed_missing=("logit_scale", "clip_l.transformer.text_projection.weight"))
    return clip.eval()


def encode(name, clip, words):
    if name == "sd1":
        pairs = {"l": chunks(words, END)}
    elif name == "sd2v":
        pairs = {"h": chunks(words, 0)}
    else:
        pairs = {"l": chunks(words, END), "g": chunks(words, 0)}
    with torch.no_grad():
        z, pooled = clip.encode_token_weights(pairs)
    return z, pooled


def main():
    src, out_path = sys.argv[1], sys.argv[2]
    torch.manual_seed(0)
    result = {"generator": "single_file_parity.py (ComfyUI model code on CPU, float32)", "families": {}}
    for name in ("sd1", "sd2v", "sdxl"):
        path = os.path.join(src, name + ".safetensors")
        with open(path, "rb") as f:
            sha = hashlib.sha256(f.read()).hexdigest()
        sd = load(path)
        used = set()
        fam = {"sha256": sha}

        # UNet through ComfyUI's model class for the family, with the tiny config
        mc = MODEL_CLASS[name](dict(UNET[name], **COMMON_UNET))
        mc.unet_config.update(UNET[name])  # the class's own head settings would replace the tiny ones
        mc.set_inference_dtype(torch.float32, None)
        model = comfy.model_base.SDXL(mc, model_type=MODEL_TYPE[name]) if name == "sdxl" \
            else comfy.model_base.BaseModel(mc, model_type=MODEL_TYPE[name])
        unet_sd = {k[len("model.diffusion_model."):]: v for k, v in sd.items() if k.startswith("model.diffusion_model.")}
        strict(model.diffusion_model, unet_sd, name + " UNet")
        model.eval()

        clip = text_encoder(name, mc, sd)
        clip_out = {}
        for key, words in PROMPTS.items():
            z, pooled = encode(name, clip, words)
            clip_out[key] = {"hidden": pack(z), "pooled": pack(pooled) if pooled is not None else None}
        if name == "sd1":
            clip.set_clip_options({"layer": -2})
            z, _ = encode(name, clip, PROMPTS["plain"])
            clip_out["plain_layer_-2"] = {"hidden": pack(z), "pooled": None}
            clip.reset_clip_options()
        fam["clip"] = clip_out

        ctx_dim = UNET[name]["context_dim"]
        x = torch.from_numpy(formula((1, 4, 12, 16), 0.37, 0.1))
        ctx = torch.from_numpy(formula((1, 77, ctx_dim), 0.11, 0.3))
        t = torch.tensor([637.0])
        kwargs = {}
        if name == "sdxl":
            pooled = torch.from_numpy(formula((1, 64), 0.23, 0.5))
            kwargs["y"] = model.encode_adm(pooled_output=pooled, width=128, height=96, crop_w=0, crop_h=0,
                                           target_width=128, target_height=96)
        with torch.no_grad():
            eps = model.diffusion_model(x, timesteps=t, context=ctx, **kwargs)
        fam["unet"] = {"timestep": 637.0, "out": pack(eps)}

        vae = AutoencoderKL(ddconfig=VAE, embed_dim=4)
        vae_sd = {k[len("first_stage_model."):]: v for k, v in sd.items() if k.startswith("first_stage_model.")}
        strict(vae, vae_sd, name + " VAE")
        vae.eval()
        z = torch.from_numpy(formula((1, 4, 4, 6), 0.29, 0.2, scale=2.0))
        image_hwc = torch.from_numpy(formula((1, 32, 48, 3), 0.013, 0.0, scale=0.5, offset=0.5))
        with torch.no_grad():
            decoded = torch.clamp((vae.decode(z) + 1.0) / 2.0, 0.0, 1.0)
            encoded = vae.encode(image_hwc.movedim(-1, 1) * 2.0 - 1.0)
        fam["vae"] = {"decoded_nchw": pack(decoded), "encoded": pack(encoded)}

        # 4 euler steps with CFG through ComfyUI's sampler, from ComfyUI's own conditioning
        patcher = comfy.model_patcher.ModelPatcher(model, load_device=torch.device("cpu"), offload_device=torch.device("cpu"))
        def cond(words):
            z, pooled = encode(name, clip, words)
            extra = {"pooled_output": pooled} if name == "sdxl" else {}
            return [[z, extra]]
        latent = torch.zeros((1, 4, 6, 8))
        seed, steps, cfg = 42, 4, 6.0
        noise = comfy.sample.prepare_noise(latent, seed)
        with torch.no_grad():
            samples = comfy.sample.sample(patcher, noise, steps, cfg, "euler", "normal", cond(PROMPTS["plain"]),
                                          cond(PROMPTS["negative"]), latent, denoise=1.0, seed=seed)
            image = torch.clamp((vae.decode(samples) + 1.0) / 2.0, 0.0, 1.0)
        fam["euler"] = {"seed": seed, "steps": steps, "cfg": cfg, "sampler": "euler", "scheduler": "normal",
                        "latent": pack(samples), "decoded_nchw": pack(image)}
        result["families"][name] = fam
        print(name, "done", file=sys.stderr)
    with open(out_path, "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
