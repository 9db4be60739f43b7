#!/usr/bin/env python3
"""Runs GradStep programs (.grad files) with PyTorch in float64 and writes their output and the
gradient of the output (seeded with ones) with respect to every input, as JSON.

GradStep's syntax is close to Python's, so each statement is parsed with Python's `ast` after
`^` becomes `**`; indexing becomes `getitem` (PyTorch has no negative slice steps), `keepdims`
a marker, and every GradStep function a PyTorch one below. `backward`/`cleargrad` lines are
skipped: the reference is the plain gradient of the output.

    cd Tests/GraphProgramTests/TorchReference
    E=../../../Assets/Examples; python3 reference.py *.grad $E/softmax_ce.grad $E/attention.grad \
      $E/double_backward.grad $E/mlp.grad > expected.json

Only this script needs torch; the Swift tests read the JSON it wrote.
"""
import ast
import json
import os
import sys

import torch

torch.set_default_dtype(torch.float64)
KEEPDIMS = object()


def as_tensor(x):
    return x if isinstance(x, torch.Tensor) else torch.tensor(float(x))


def reduction(op):
    def reduce(x, *args):
        keep = bool(args) and args[-1] is KEEPDIMS
        axes = tuple(int(a) for a in (args[:-1] if keep else args))
        if not axes:
            axes = tuple(range(x.dim()))
        if not axes:  # a scalar
            return op(x.reshape(1), (0,), False).reshape(())
        return op(x, axes, keep)
    return reduce


def concat(*args):
    return torch.cat([as_tensor(a) for a in args[:-1]], dim=int(args[-1]))


def getitem(x, items):
    """x[items] with Python's slice rules, negative steps included, by index_select per axis; with
    lists of positions, PyTorch's advanced indexing."""
    if not isinstance(items, tuple):
        items = (items,)
    if any(isinstance(item, list) for item in items):
        # Lists of positions: PyTorch's own advanced indexing (it pairs lists as NumPy does).
        return x[tuple(torch.tensor(item) if isinstance(item, list) else item for item in items)]
    dim = 0
    for item in items:
        n = x.shape[dim]
        if isinstance(item, slice):
            positions = list(range(*item.indices(n)))
            x = torch.index_select(x, dim, torch.tensor(positions, dtype=torch.long))
            dim += 1
        else:
            x = x.select(dim, int(item))
    return x


def transpose(x, *axes):
    return x.permute(*(axes or reversed(range(x.dim()))))


def sum_to(x, *shape):
    shape = list(shape)
    lead = x.dim() - len(shape)
    dims = list(range(lead)) + [lead + i for i, n in enumerate(shape) if n == 1 and x.shape[lead + i] != 1]
    return x.sum(dim=dims, keepdim=True).reshape(shape) if dims else x


def grad(y, v):
    return torch.autograd.grad(y, v, grad_outputs=torch.ones_like(y), create_graph=True)[0]


def tensors(f):
    """`f` with number arguments made tensors, as GradStep makes them constant leaves."""
    return lambda *args: f(*(as_tensor(a) for a in args))


FUNCTIONS = {
    **{name: tensors(f) for name, f in {
        "square": torch.square, "exp": torch.exp, "sin": torch.sin, "cos": torch.cos, "tanh": torch.tanh,
        "log": torch.log, "sqrt": torch.sqrt, "sigmoid": torch.sigmoid, "relu": torch.relu, "neg": torch.neg,
        "pow": torch.pow, "add": torch.add, "sub": torch.sub, "mul": torch.mul, "div": torch.div,
        "matmul": torch.matmul, "abs": torch.abs, "maximum": torch.maximum, "minimum": torch.minimum,
    }.items()},
    "sum": reduction(lambda x, d, k: torch.sum(x, dim=d, keepdim=k)),
    "mean": reduction(lambda x, d, k: torch.mean(x, dim=d, keepdim=k)),
    "max": reduction(lambda x, d, k: torch.amax(x, dim=d, keepdim=k)),
    "min": reduction(lambda x, d, k: torch.amin(x, dim=d, keepdim=k)),
    "logsumexp": reduction(lambda x, d, k: torch.logsumexp(x, dim=d, keepdim=k)),
    "clip": lambda x, lo, hi: torch.clamp(x, lo, hi), "softmax": lambda x, a: torch.softmax(x, int(a)),
    "log_softmax": lambda x, a: torch.log_softmax(x, int(a)), "concat": concat,
    "reshape": lambda x, *s: x.reshape([int(n) for n in s]), "transpose": transpose,
    "broadcast_to": lambda x, *s: x.broadcast_to([int(n) for n in s]), "sum_to": sum_to,
    "grad": grad, "getitem": getitem, "keepdims": KEEPDIMS,
}


class Subscripts(ast.NodeTransformer):
    """`x[i, a:b]` → `getitem(x, (i, slice(a, b, None)))`."""

    def visit_Subscript(self, node):
        self.generic_visit(node)
        return ast.Call(ast.Name("getitem", ast.Load()), [node.value, node.slice], [])

    def visit_Slice(self, node):
        self.generic_visit(node)
        parts = [p if p is not None else ast.Constant(None) for p in (node.lower, node.upper, node.step)]
        return ast.Call(ast.Name("slice", ast.Load()), parts, [])


def run(path):
    scope = dict(FUNCTIONS)
    inputs, last, output = [], None, None
    for line in open(path, encoding="utf-8"):
        for statement in line.split("#")[0].split(";"):
            statement = statement.strip()
            if not statement or statement in ("backward", "cleargrad"):
                continue
            if statement.startswith("output "):
                output = statement.split()[1]
                continue
            name, expression = (part.strip() for part in statement.split("=", 1))
            tree = ast.fix_missing_locations(Subscripts().visit(ast.parse(expression.replace("^", "**"), mode="eval")))
            value = eval(compile(tree, path, "eval"), scope)
            if not isinstance(value, torch.Tensor):
                value = torch.tensor(value, dtype=torch.float64, requires_grad=True)
                inputs.append(name)
            scope[name] = value
            last = name
    y = scope[output or last]
    grads = torch.autograd.grad(y, [scope[n] for n in inputs], torch.ones_like(y), allow_unused=True)
    def flat(t):
        return {"shape": list(t.shape), "values": t.detach().reshape(-1).tolist()}
    return {
        "output": flat(y),
        "gradients": {n: flat(g if g is not None else torch.zeros_like(scope[n])) for n, g in zip(inputs, grads)},
    }


if __name__ == "__main__":
    results = {os.path.basename(p): run(p) for p in sys.argv[1:]}
    json.dump({"torch": torch.__version__, "programs": results}, sys.stdout, indent=1, sort_keys=True, allow_nan=False)
    print()
