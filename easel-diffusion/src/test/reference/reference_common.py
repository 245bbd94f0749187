"""What every reference script shares: the ComfyUI build it ran against, number formatting, JSON output.

Numbers are written so that Java reads them back exactly: a float32 as its shortest decimal of at most
9 significant digits (enough to round-trip any float32), a float64 as Python's repr; NaN and infinities,
which JSON lacks, as the strings "NaN", "Infinity", "-Infinity".
"""
import json
import math
import os
import platform
import sys

import torch


def comfyui_info():
    """The ComfyUI version and commit the numbers came from (commit: COMFYUI_COMMIT, set by whoever runs this)."""
    version = "unknown"
    try:
        import comfyui_version
        version = comfyui_version.__version__
    except ImportError:
        pass
    return {
        "comfyui_version": version,
        "comfyui_commit": os.environ.get("COMFYUI_COMMIT", "unknown"),
        "torch_version": torch.__version__,
        "machine": platform.machine(),
        "aten_cpu_capability": os.environ.get("ATEN_CPU_CAPABILITY", "") or "auto",
    }


def _number(value):
    # JSON has no NaN or infinity: those are written as the strings Java's Double.parseDouble reads
    if math.isnan(value) or math.isinf(value):
        return repr(value).replace("nan", "NaN").replace("inf", "Infinity")
    return float("%.9g" % value)


def f32(value):
    """A float32 as the shortest double that prints with at most 9 significant digits and casts back to it."""
    return _number(float(torch.tensor(float(value), dtype=torch.float32)))


def f32_list(tensor):
    return [_number(v) for v in tensor.detach().to(torch.float32).flatten().tolist()]


def f64(value):
    return float(repr(float(value)))


def write_json(outdir, name, header, cases):
    """Writes {header..., "cases": [...]} with one case per line, so that diffs stay readable."""
    os.makedirs(outdir, exist_ok=True)
    path = os.path.join(outdir, name)
    with open(path, "w") as out:
        out.write("{\n")
        for key, value in header.items():
            out.write("  %s: %s,\n" % (json.dumps(key), json.dumps(value)))
        out.write('  "cases": [\n')
        for i, case in enumerate(cases):
            out.write("    " + json.dumps(case, separators=(",", ":")) + (",\n" if i + 1 < len(cases) else "\n"))
        out.write("  ]\n}\n")
    print("wrote %s (%d cases)" % (path, len(cases)), file=sys.stderr)


def outdir_from_args():
    if len(sys.argv) < 2:
        sys.exit("usage: DEST/python %s OUTDIR" % sys.argv[0])
    return os.path.abspath(sys.argv[1])
