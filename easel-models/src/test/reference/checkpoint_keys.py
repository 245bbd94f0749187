#!/usr/bin/python3
"""Lists the tensors of full-size SD1.5, SD2.x and SDXL single-file checkpoints as ComfyUI's own classes define them.

For each family: the UNet (ComfyUI's UNetModel with the family's detected config), the VAE (AutoencoderKL) and the
text encoders (ComfyUI's CLIP classes), built on the meta device (no weights), their parameter names turned back into
checkpoint key names by ComfyUI's own process_*_state_dict_for_saving. One line per tensor: "key shape" (shape as
comma-separated sizes, empty for a scalar), sorted. The Java test compares these with the tensors Easel's graphs read.

  DEST/python checkpoint_keys.py OUT_DIR      writes sd15-keys.txt, sd2-keys.txt, sdxl-keys.txt
"""
import os
import sys

import torch

import comfy.cli_args
comfy.cli_args.args.cpu = True
import comfy.ops  # noqa: E402
import comfy.sd1_clip  # noqa: E402
import comfy.sdxl_clip  # noqa: E402
import comfy.supported_models  # noqa: E402
import comfy.text_encoders.sd2_clip  # noqa: E402
from comfy.ldm.models.autoencoder import AutoencoderKL  # noqa: E402
from comfy.ldm.modules.diffusionmodules.openaimodel import UNetModel  # noqa: E402

BASE = dict(image_size=32, in_channels=4, out_channels=4, model_channels=320, num_res_blocks=[2, 2, 2, 2],
            channel_mult=[1, 2, 4, 4], transformer_depth=[1, 1, 1, 1, 1, 1, 0, 0], transformer_depth_middle=1,
            transformer_depth_output=[1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0], use_spatial_transformer=True, legacy=False,
            use_checkpoint=False, use_temporal_attention=False, use_temporal_resblock=False, adm_in_channels=None)
FAMILIES = {
    "sd15": (comfy.supported_models.SD15, dict(BASE, context_dim=768, use_linear_in_transformer=False),
             comfy.sd1_clip.SD1ClipModel),
    "sd2": (comfy.supported_models.SD20, dict(BASE, context_dim=1024, use_linear_in_transformer=True),
            comfy.text_encoders.sd2_clip.SD2ClipModel),
    "sdxl": (comfy.supported_models.SDXL,
             dict(BASE, num_res_blocks=[2, 2, 2], channel_mult=[1, 2, 4], transformer_depth=[0, 0, 2, 2, 10, 10],
                  transformer_depth_middle=10, transformer_depth_output=[0, 0, 0, 2, 2, 2, 10, 10, 10],
                  context_dim=2048, use_linear_in_transformer=True, adm_in_channels=2816, num_classes="sequential"),
             comfy.sdxl_clip.SDXLClipModel),
}
VAE = {"double_z": True, "z_channels": 4, "resolution": 256, "in_channels": 3, "out_ch": 3, "ch": 128,
       "ch_mult": [1, 2, 4, 4], "num_res_blocks": 2, "attn_resolutions": [], "dropout": 0.0}


def shapes(module):
    return {k: v for k, v in module.state_dict().items()}


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    ops = comfy.ops.disable_weight_init
    for name, (cls, unet_config, clip_cls) in FAMILIES.items():
        mc = cls(unet_config)
        cfg = dict(mc.unet_config, device="meta", dtype=torch.float16, operations=ops)
        keys = {}
        keys.update(mc.process_unet_state_dict_for_saving(shapes(UNetModel(**cfg))))
        clip = clip_cls(device="meta", dtype=torch.float16, model_options={"custom_operations": ops})
        keys.update(mc.process_clip_state_dict_for_saving(shapes(clip)))
        vae = AutoencoderKL(ddconfig=VAE, embed_dim=4)
        keys.update(mc.process_vae_state_dict_for_saving(shapes(vae)))
        with open(os.path.join(out, name + "-keys.txt"), "w") as f:
            for k in sorted(keys):
                f.write(k + " " + ",".join(str(d) for d in keys[k].shape) + "\n")
        print(name, len(keys), file=sys.stderr)


if __name__ == "__main__":
    main()
