#!/usr/bin/env python3
"""W11 for the peers: DeZero step 28's loop, gradient descent on the Rosenbrock function
(x0 = 0, x1 = 2, lr = 0.001; y = 100 (x1 - x0^2)^2 + (x0 - 1)^2), in float64, as
Assets/Examples/rosenbrock.grad writes it. Each iteration: forward, clear the gradients,
backward, update both parameters.

  w11_rosenbrock.py FRAMEWORK --iterations N     # dezero, torch, autograd or micrograd

Times the N iterations with time.perf_counter (after one untimed warm-up iteration on separate
variables) and prints one JSON line: ns per iteration and the final x0, x1, which compare.py
checks against gradstep's (x0 after 1,000 iterations). A framework that does not import is "unavailable"."""
import argparse
import json
import time

X0, X1, LR = 0.0, 2.0, 0.001


def dezero_loop(n):
    import numpy as np
    np.int = int  # dezero 0.0.13 still names np.int, which NumPy 1.24 removed
    from dezero import Variable

    x0, x1 = Variable(np.array(X0)), Variable(np.array(X1))
    start = time.perf_counter()
    for _ in range(n):
        y = 100 * (x1 - x0 ** 2) ** 2 + (x0 - 1) ** 2
        x0.cleargrad()
        x1.cleargrad()
        y.backward()
        x0.data -= LR * x0.grad.data
        x1.data -= LR * x1.grad.data
    return time.perf_counter() - start, float(x0.data), float(x1.data)


def torch_loop(n):
    import torch

    x0 = torch.tensor(X0, dtype=torch.float64, requires_grad=True)
    x1 = torch.tensor(X1, dtype=torch.float64, requires_grad=True)
    start = time.perf_counter()
    for _ in range(n):
        y = 100 * (x1 - x0 ** 2) ** 2 + (x0 - 1) ** 2
        x0.grad = None
        x1.grad = None
        y.backward()
        with torch.no_grad():
            x0 -= LR * x0.grad
            x1 -= LR * x1.grad
    return time.perf_counter() - start, x0.item(), x1.item()


def autograd_loop(n):
    from autograd import grad

    def rosenbrock(x0, x1):
        return 100 * (x1 - x0 ** 2) ** 2 + (x0 - 1) ** 2

    d0, d1 = grad(rosenbrock, 0), grad(rosenbrock, 1)
    x0, x1 = X0, X1
    start = time.perf_counter()
    for _ in range(n):
        g0, g1 = d0(x0, x1), d1(x0, x1)  # autograd has no retained graph: one pass per gradient
        x0, x1 = x0 - LR * g0, x1 - LR * g1
    return time.perf_counter() - start, float(x0), float(x1)


def micrograd_loop(n):
    from micrograd.engine import Value

    x0, x1 = Value(X0), Value(X1)
    start = time.perf_counter()
    for _ in range(n):
        y = 100 * (x1 - x0 ** 2) ** 2 + (x0 - 1) ** 2
        x0.grad = 0.0
        x1.grad = 0.0
        y.backward()
        x0.data -= LR * x0.grad
        x1.data -= LR * x1.grad
    return time.perf_counter() - start, x0.data, x1.data


LOOPS = {"dezero": dezero_loop, "torch": torch_loop, "autograd": autograd_loop, "micrograd": micrograd_loop}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("framework", choices=sorted(LOOPS))
    parser.add_argument("--iterations", type=int, default=10_000)
    args = parser.parse_args()
    result = {"workload": "W11", "fw": args.framework, "iterations": args.iterations}
    try:
        LOOPS[args.framework](1)
        seconds, x0, x1 = LOOPS[args.framework](args.iterations)
    except ImportError as error:
        result.update(status="unavailable", error=str(error))
    else:
        result.update(status="ok", ns_per_iteration=seconds * 1e9 / args.iterations, x0=x0, x1=x1)
        if args.iterations != 1000:
            result["x0_1000"] = LOOPS[args.framework](1000)[1]
    print(json.dumps(result))


if __name__ == "__main__":
    main()
