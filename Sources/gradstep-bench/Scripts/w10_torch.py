#!/usr/bin/env python3
"""W10 for PyTorch, and the model W10 opens: an MLP 784→1024→10 (ReLU between, ≈0.8 M
parameters, torch.manual_seed(0)).

  w10_torch.py --export PATH   writes the model as ONNX (TorchScript exporter, opset 17) for
                               `gradstep-bench w10` (GRADSTEP_W10_MODEL=PATH)
  w10_torch.py [--runs N]      times N whole processes (median) that import torch, build the same
                               model and run forward and backward once on a (1, 784) input, each
                               reporting its peak resident memory (VmHWM); prints one JSON line

Without torch, "status": "unavailable"."""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time


def build():
    import torch
    torch.manual_seed(0)
    return torch.nn.Sequential(torch.nn.Linear(784, 1024), torch.nn.ReLU(), torch.nn.Linear(1024, 10))


def peak_bytes():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def child():
    import torch
    model = build()
    x = torch.randn(1, 784)
    model(x).sum().backward()
    grad = float(model[0].weight.grad.abs().sum())
    print(json.dumps({"peak_bytes": peak_bytes(), "grad_abs_sum": grad, "version": torch.__version__}))


def export(path):
    import torch
    torch.onnx.export(build().eval(), (torch.randn(1, 784),), path, input_names=["x"], output_names=["y"],
                      opset_version=17, dynamo=False)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--export")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    a = p.parse_args()
    if a.child:
        return child()
    if a.export:
        return export(a.export)
    line = {"workload": "W10", "fw": "torch", "parameters": 784 * 1024 + 1024 + 1024 * 10 + 10}
    try:
        import torch  # noqa: F401  (only to tell "unavailable" from "failed")
    except ImportError as e:
        print(json.dumps({**line, "status": "unavailable", "error": f"torch unavailable ({e})"}))
        return
    times, peaks, version = [], [], None
    try:
        for _ in range(a.runs + 1):
            start = time.perf_counter()
            out = subprocess.run([sys.executable, os.path.abspath(__file__), "--child"], capture_output=True, text=True,
                                 timeout=600)
            elapsed = time.perf_counter() - start
            if out.returncode != 0:
                raise RuntimeError(f"child exited {out.returncode}: {out.stderr.strip()[-200:]}")
            report = json.loads(out.stdout.strip().splitlines()[-1])
            times.append(elapsed)
            peaks.append(report["peak_bytes"])
            version = report["version"]
    except Exception as e:
        print(json.dumps({**line, "status": "failed", "error": str(e)}))
        return
    times, peaks = times[1:], peaks[1:]  # the first run warms the file cache
    print(json.dumps({**line, "version": version, "status": "ok", "runs": len(times),
                      "ms": round(statistics.median(times) * 1e3, 1), "min_ms": round(min(times) * 1e3, 1),
                      "peak_bytes": max(peaks)}))


if __name__ == "__main__":
    main()
