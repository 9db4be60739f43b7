#!/usr/bin/env python3
"""W7 for PyTorch: peak resident memory of the W2 chain (x = 0.5, N ops alternating
torch.square / torch.sqrt, float64 0-d tensors), forward plus backward, per function.

Measured as gradstep-bench measures its own: two child processes, each reading VmHWM from
/proc/self/status at its end. The idle child imports torch and creates the leaf; the chain
child does the same, then builds the chain and runs backward. bytes_per_function is the
difference over N. Prints one JSON line; without torch, "status": "unavailable"."""
import argparse
import json
import subprocess
import sys


def peak_bytes():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def child(n):
    import torch
    x = torch.tensor(0.5, dtype=torch.float64, requires_grad=True)
    grad = None
    if n:
        y = x
        for i in range(n):
            y = torch.square(y) if i % 2 == 0 else torch.sqrt(y)
        y.backward()
        grad = x.grad.item()
    print(json.dumps({"peak_bytes": peak_bytes(), "grad": grad, "version": torch.__version__}))


def spawn(n):
    out = subprocess.run([sys.executable, __file__, "--child", str(n)],
                         capture_output=True, text=True, timeout=600)
    if out.returncode != 0:
        raise RuntimeError(f"child exited {out.returncode}: {out.stderr.strip()[-200:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--n", type=int, default=1_000_000)
    p.add_argument("--child", type=int, help=argparse.SUPPRESS)
    a = p.parse_args()
    if a.child is not None:
        return child(a.child)
    line = {"workload": "W7", "fw": "torch", "n": a.n}
    try:
        import torch  # noqa: F401  (only to tell "unavailable" from "failed")
    except ImportError as e:
        print(json.dumps({**line, "status": "unavailable", "error": f"torch unavailable ({e})"}))
        return
    try:
        idle, chain = spawn(0), spawn(a.n)
        if abs(chain["grad"] - 1.0) > 1e-12:
            raise RuntimeError(f"x.grad = {chain['grad']}, expected 1.0 within 1e-12")
    except Exception as e:
        print(json.dumps({**line, "status": "failed", "error": str(e)}))
        return
    print(json.dumps({**line, "version": chain["version"], "status": "ok", "runs": 1,
                      "grad": chain["grad"], "peak_bytes": chain["peak_bytes"],
                      "baseline_bytes": idle["peak_bytes"],
                      "bytes_per_function": round((chain["peak_bytes"] - idle["peak_bytes"]) / a.n, 1)}))


if __name__ == "__main__":
    main()
