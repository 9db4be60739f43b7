"""The optimisation examples run as DeZero loops in float64, for OptimizationTests.

Each loop is DeZero's training loop (steps 28, 33, 42, 45-46): forward on the current values,
cleargrad, backward, then every update with that iteration's values. The optimiser's rule is
PyTorch's torch.optim.Adam, written out in NumPy in PyTorch's order of operations (DeZero's own
Adam puts eps elsewhere), and checked against torch.optim.Adam when torch is installed.

The inputs are read from the examples' literal lines, so both sides start from the same numbers.
Writes dezero_loops.json next to this file: for each example, every iteration's loss and
parameters (entries 0..N, entry N after the last update), as `gradstep --json` writes them.

    pip install dezero matplotlib numpy   # dezero 0.0.13 imports matplotlib
    python3 Tests/VisualizerTests/Fixtures/dezero_loops.py
"""

import json
import os
import re

import numpy as np

np.int = int  # dezero 0.0.13 still names np.int, which NumPy 1.24 removed
import dezero.functions as F  # noqa: E402
from dezero import Variable  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.join(HERE, "..", "..", "..", "Assets", "Examples")


def literals(name):
    """The `name = literal` lines of an example, as float64 arrays."""
    values = {}
    with open(os.path.join(EXAMPLES, name + ".grad")) as file:
        for line in file:
            match = re.match(r"^(\w+) = ([-\d.\[\], e]+)$", line.strip())
            if match:
                values[match.group(1)] = np.array(json.loads(match.group(2)), dtype=np.float64)
    return values


def value(array):
    return float(array) if np.ndim(array) == 0 else np.asarray(array).tolist()


def record(loss, params):
    return {"loss": float(loss.data), "parameters": {k: value(v.data) for k, v in params.items()}}


def rosenbrock():
    v = literals("rosenbrock")
    x0, x1, lr = Variable(v["x0"]), Variable(v["x1"]), float(v["lr"])
    entries = []
    for i in range(1000 + 1):
        y = 100 * (x1 - x0**2) ** 2 + (x0 - 1) ** 2
        entries.append(record(y, {"x0": x0, "x1": x1}))
        if i == 1000:
            break
        x0.cleargrad()
        x1.cleargrad()
        y.backward()
        x0.data = x0.data - lr * x0.grad.data
        x1.data = x1.data - lr * x1.grad.data
    return entries


def newton():
    x = Variable(literals("newton")["x"])
    entries = []
    for i in range(10 + 1):
        y = x**4 - 2 * x**2
        entries.append(record(y, {"x": x}))
        if i == 10:
            break
        x.cleargrad()
        y.backward(create_graph=True)
        gx = x.grad
        x.cleargrad()
        gx.backward()
        gx2 = x.grad
        x.data = x.data - gx.data / gx2.data
    return entries


def regression():
    v = literals("regression")
    x, y = v["x"], v["y"]
    W, b, lr = Variable(v["W"]), Variable(v["b"]), float(v["lr"])
    entries = []
    for i in range(100 + 1):
        y_pred = F.matmul(x, W) + b
        loss = F.sum((y - y_pred) ** 2) / 100
        entries.append(record(loss, {"W": W, "b": b}))
        if i == 100:
            break
        W.cleargrad()
        b.cleargrad()
        loss.backward()
        W.data = W.data - lr * W.grad.data
        b.data = b.data - lr * b.grad.data
    return entries


class TorchAdam:
    """torch.optim.Adam's single-tensor update (no weight decay, no amsgrad), in NumPy."""

    def __init__(self, lr, beta1=0.9, beta2=0.999, eps=1e-8):
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.m, self.v, self.t = None, None, 0

    def step(self, params, grads):
        if self.m is None:
            self.m = [np.zeros_like(p) for p in params]
            self.v = [np.zeros_like(p) for p in params]
        self.t += 1
        bias1 = 1 - self.beta1**self.t
        bias2_sqrt = (1 - self.beta2**self.t) ** 0.5
        step_size = self.lr / bias1
        out = []
        for k, (p, g) in enumerate(zip(params, grads)):
            self.m[k] = self.m[k] + (1 - self.beta1) * (g - self.m[k])
            self.v[k] = self.v[k] * self.beta2 + (1 - self.beta2) * g * g
            denom = np.sqrt(self.v[k]) / bias2_sqrt + self.eps
            out.append(p + -step_size * (self.m[k] / denom))
        return out


def xor_train():
    v = literals("xor_train")
    X, Y = v["X"], v["Y"]
    names = ["W1", "b1", "W2", "b2"]
    params = {n: Variable(v[n]) for n in names}
    adam = TorchAdam(0.05)
    entries = []
    for i in range(2000 + 1):
        h = F.tanh(F.matmul(X, params["W1"]) + params["b1"])
        p = F.matmul(h, params["W2"]) + params["b2"]
        loss = F.sum((p - Y) ** 2) / 4
        entries.append(record(loss, params))
        if i == 2000 or float(loss.data) < 0.01:
            break
        for q in params.values():
            q.cleargrad()
        loss.backward()
        new = adam.step([params[n].data for n in names], [params[n].grad.data for n in names])
        for n, q in zip(names, new):
            params[n].data = q
    check_against_torch(v, names, entries)
    return entries


def check_against_torch(v, names, entries):
    """The same XOR loop in PyTorch float64 with torch.optim.Adam agrees to 1e-12, when torch is here."""
    try:
        import torch
    except ImportError:
        return
    t = {n: torch.tensor(v[n], dtype=torch.float64, requires_grad=True) for n in names}
    X, Y = torch.tensor(v["X"], dtype=torch.float64), torch.tensor(v["Y"], dtype=torch.float64)
    opt = torch.optim.Adam([t[n] for n in names], lr=0.05, foreach=False)
    for entry in entries:
        loss = ((torch.tanh(X @ t["W1"] + t["b1"]) @ t["W2"] + t["b2"] - Y) ** 2).sum() / 4
        assert abs(loss.item() - entry["loss"]) < 1e-12, (loss.item(), entry["loss"])
        opt.zero_grad()
        loss.backward()
        opt.step()


def main():
    results = {
        "rosenbrock": rosenbrock(),
        "newton": newton(),
        "regression": regression(),
        "xor_train": xor_train(),
    }
    with open(os.path.join(HERE, "dezero_loops.json"), "w") as file:
        json.dump(results, file, indent=1)
        file.write("\n")


if __name__ == "__main__":
    main()
