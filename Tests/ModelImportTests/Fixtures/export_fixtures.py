"""Exports the small ONNX models the ModelImport tests load, with PyTorch's float64 gradients.

Run from anywhere with torch, onnx and onnxscript installed:

    python3 Tests/ModelImportTests/Fixtures/export_fixtures.py

It also writes Assets/Examples/deep_sigmoid.onnx, the example of vanishing gradients.

For each model NAME it writes NAME.onnx (and NAME.onnx.data for external weights) and NAME.json:
the input values, the loss (the sum of the output, as `out.sum().backward()`), and the gradient of
every named parameter and input, computed by autograd in float64 on the exported float32 weights.
The tests need neither torch nor onnx: only these files.
"""

import copy
import json
import os
import warnings

import numpy as np
import onnx
import torch
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.join(HERE, "..", "..", "..", "Assets", "Examples")
warnings.filterwarnings("ignore")


class MLP(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.l1 = torch.nn.Linear(4, 8)
        self.l2 = torch.nn.Linear(8, 3)

    def forward(self, x):
        return self.l2(torch.tanh(self.l1(x)))


class Attention(torch.nn.Module):
    """One head of self-attention with a residual, layer norm, and a linear head (so that the
    sum of the output depends on every parameter)."""

    def __init__(self, d=8):
        super().__init__()
        self.q = torch.nn.Linear(d, d)
        self.k = torch.nn.Linear(d, d)
        self.v = torch.nn.Linear(d, d)
        self.norm = torch.nn.LayerNorm(d)
        self.head = torch.nn.Linear(d, 2)
        self.d = d

    def forward(self, x):
        q, k, v = self.q(x), self.k(x), self.v(x)
        scores = torch.matmul(q, k.transpose(-2, -1)) / (self.d**0.5)
        return self.head(self.norm(torch.matmul(torch.softmax(scores, dim=-1), v) + x))


class MultiHead(torch.nn.Module):
    """Two heads of self-attention on a batch of 2: stacks of matrices on both sides of MatMul."""

    def __init__(self, d=8, heads=2):
        super().__init__()
        self.qkv = torch.nn.Linear(d, 3 * d)
        self.out = torch.nn.Linear(d, 2)
        self.heads = heads

    def forward(self, x):
        b, t, d = x.shape
        q, k, v = self.qkv(x).reshape(b, t, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        scores = torch.softmax(q @ k.transpose(-2, -1) / (d // self.heads) ** 0.5, dim=-1)
        return self.out((scores @ v).transpose(1, 2).reshape(b, t, d))


class GeluMLP(torch.nn.Module):
    def __init__(self, approximate="none"):
        super().__init__()
        self.l1 = torch.nn.Linear(4, 6)
        self.act = torch.nn.GELU(approximate=approximate)
        self.l2 = torch.nn.Linear(6, 2)

    def forward(self, x):
        return self.l2(self.act(self.l1(x)))


class RNN(torch.nn.Module):
    """An Elman RNN over 3 steps, unrolled: h = tanh(W_ih x_t + W_hh h + b)."""

    def __init__(self):
        super().__init__()
        self.ih = torch.nn.Linear(4, 5)
        self.hh = torch.nn.Linear(5, 5, bias=False)
        self.out = torch.nn.Linear(5, 2)

    def forward(self, x):
        h = x.new_zeros(x.shape[0], 5)
        for t in range(x.shape[1]):
            h = torch.tanh(self.ih(x[:, t]) + self.hh(h))
        return self.out(h)


class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(1, 2, 3, padding=1)
        self.pool = torch.nn.MaxPool2d(2)
        self.conv2 = torch.nn.Conv2d(2, 2, 2, stride=1, dilation=1)
        self.avg = torch.nn.AvgPool2d(2)
        self.fc = torch.nn.Linear(2, 3)

    def forward(self, x):
        y = self.pool(torch.relu(self.conv(x)))
        y = self.avg(torch.nn.functional.leaky_relu(self.conv2(y), 0.1))
        return self.fc(torch.flatten(y, 1))


class DepthwiseSeparable(torch.nn.Module):
    """A depthwise-separable block as in MobileNet: a depthwise 3×3 convolution with a channel
    multiplier of 2 (groups = channels), a pointwise 1×1 one, then a grouped strided convolution
    as in ResNeXt (3 groups of 2 channels) and a linear head."""

    def __init__(self):
        super().__init__()
        self.depthwise = torch.nn.Conv2d(3, 6, 3, padding=1, groups=3)
        self.pointwise = torch.nn.Conv2d(6, 6, 1)
        self.grouped = torch.nn.Conv2d(6, 3, 2, stride=2, groups=3, bias=False)
        self.fc = torch.nn.Linear(12, 2)

    def forward(self, x):
        y = torch.relu(self.pointwise(torch.relu(self.depthwise(x))))
        return self.fc(torch.flatten(self.grouped(y), 1))


class CeilPool(torch.nn.Module):
    """Pooling with ceil_mode=True on a 7×5 image, where the last windows run past the edge: max,
    average counting padding, and average not counting it."""

    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(1, 2, 1)
        self.max = torch.nn.MaxPool2d(2, ceil_mode=True)
        self.avg = torch.nn.AvgPool2d(3, 2, padding=1, ceil_mode=True)
        self.avg_exclude = torch.nn.AvgPool2d(2, ceil_mode=True, count_include_pad=False)
        self.fc = torch.nn.Linear(2 * (12 + 12 + 12), 2)

    def forward(self, x):
        y = torch.tanh(self.conv(x))
        pooled = [torch.flatten(pool(y), 1) for pool in (self.max, self.avg, self.avg_exclude)]
        return self.fc(torch.cat(pooled, 1))


class Embedding(torch.nn.Module):
    """A text model's start: an embedding lookup of (batch, sequence) tokens, their mean, a linear
    head and tanh (so that the gradient depends on which tokens share a row, not only how often
    each occurs)."""

    def __init__(self):
        super().__init__()
        self.embed = torch.nn.Embedding(6, 4)
        self.head = torch.nn.Linear(4, 2)

    def forward(self, tokens):
        return torch.tanh(self.head(self.embed(tokens).mean(1)))


class SamePadding(torch.nn.Module):
    """padding="same" with an even kernel and a dilated one, which torch exports as auto_pad
    SAME_UPPER (the odd row and column of padding at the end)."""

    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(2, 2, (4, 2), padding="same", dilation=(1, 3))
        self.fc = torch.nn.Linear(2 * 5 * 5, 2)

    def forward(self, x):
        return self.fc(torch.flatten(torch.tanh(self.conv(x)), 1))


def same_pads(length, kernel, stride, upper):
    """ONNX's SAME padding of one axis: (before, after)."""
    outputs = -(-length // stride)
    total = max(0, (outputs - 1) * stride + kernel - length)
    return (total // 2, total - total // 2) if upper else (total - total // 2, total // 2)


def same_pad_model():
    """What torch does not export: auto_pad SAME_LOWER on a strided Conv, SAME_UPPER on a MaxPool,
    SAME_LOWER on an AveragePool not counting padding. Built with the onnx helper; the reference
    pads explicitly in torch (zeros for the convolution, -inf for the max, and a count of the
    real taps for the average)."""
    rng = np.random.default_rng(7)
    x = rng.standard_normal((1, 2, 7, 6)).astype(np.float32)
    w = rng.standard_normal((3, 2, 3, 2)).astype(np.float32)
    b = rng.standard_normal(3).astype(np.float32)
    nodes = [
        helper.make_node("Conv", ["x", "w", "b"], ["c"], name="conv_same_lower", auto_pad="SAME_LOWER",
                         kernel_shape=[3, 2], strides=[2, 2]),
        helper.make_node("Tanh", ["c"], ["t"]),
        helper.make_node("MaxPool", ["t"], ["m"], name="max_same_upper", auto_pad="SAME_UPPER",
                         kernel_shape=[2, 3], strides=[2, 2]),
        helper.make_node("AveragePool", ["t"], ["a"], name="avg_same_lower", auto_pad="SAME_LOWER",
                         kernel_shape=[3, 3], count_include_pad=0),
        helper.make_node("ReduceSum", ["m"], ["ms"], keepdims=0),
        helper.make_node("Mul", ["a", "a"], ["a2"]),
        helper.make_node("ReduceSum", ["a2"], ["as"], keepdims=0),
        helper.make_node("Add", ["ms", "as"], ["y"]),
    ]
    graph = helper.make_graph(
        nodes, "same_pad", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 2, 7, 6])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [])],
        [numpy_helper.from_array(w, "w"), numpy_helper.from_array(b, "b")])
    onnx.save_model(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]),
                    os.path.join(HERE, "same_pad.onnx"))
    F = torch.nn.functional
    xt, wt, bt = (torch.tensor(v, dtype=torch.float64, requires_grad=True) for v in (x, w, b))

    def pad(t, kernel, stride, upper, value=0.0):
        (top, bottom), (left, right) = (same_pads(t.shape[2 + i], kernel[i], stride[i], upper) for i in (0, 1))
        return F.pad(t, (left, right, top, bottom), value=value)

    t = torch.tanh(F.conv2d(pad(xt, (3, 2), (2, 2), False), wt, bt, stride=2))
    m = F.max_pool2d(pad(t, (2, 3), (2, 2), True, -float("inf")), (2, 3), 2)
    sums = F.avg_pool2d(pad(t, (3, 3), (1, 1), False), 3, 1, divisor_override=1)
    counts = F.avg_pool2d(pad(torch.ones_like(t), (3, 3), (1, 1), False), 3, 1, divisor_override=1)
    a = sums / counts
    out = m.sum() + (a * a).sum()
    out.backward()
    grads = {"x": xt.grad.flatten().tolist(), "w": wt.grad.flatten().tolist(), "b": bt.grad.flatten().tolist()}
    save_json("same_pad", {"x": x.tolist()}, float(out), grads)


def refused_models():
    """Models with what the importer still refuses, each named with its node and attribute: a 1-d
    convolution, a MaxPool asked for its Indices output, an auto_pad value ONNX does not define,
    and a group that does not divide the channels."""
    w = numpy_helper.from_array(np.ones((1, 1, 3), dtype=np.float32), "w")
    w2 = numpy_helper.from_array(np.ones((2, 1, 1, 1), dtype=np.float32), "w")
    cases = [
        ("refused_bad_group", [helper.make_node("Conv", ["x", "w"], ["y"], name="conv_groups", group=2)],
         [1, 3, 2, 2], [w2]),
        ("refused_conv1d", [helper.make_node("Conv", ["x", "w"], ["y"], name="conv1d", kernel_shape=[3])],
         [1, 1, 5], [w]),
        ("refused_maxpool_indices",
         [helper.make_node("MaxPool", ["x"], ["y", "i"], name="pool_with_indices", kernel_shape=[2, 2])],
         [1, 1, 4, 4], []),
        ("refused_auto_pad",
         [helper.make_node("AveragePool", ["x"], ["y"], name="pool_same", kernel_shape=[2, 2], auto_pad="SAME")],
         [1, 1, 4, 4], []),
    ]
    for name, nodes, shape, initializers in cases:
        graph = helper.make_graph(
            nodes, name, [helper.make_tensor_value_info("x", TensorProto.FLOAT, shape)],
            [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)], initializers)
        onnx.save_model(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]),
                        os.path.join(HERE, name + ".onnx"))


def gradients(model, inputs, integer=()):
    """PyTorch's float64 gradients of out.sum() for every parameter and float input, by name
    (inputs named in `integer` are int64 indices, which have none)."""
    model = copy.deepcopy(model).double()
    xs = {name: torch.tensor(value, dtype=torch.int64) if name in integer
          else torch.tensor(value, dtype=torch.float64, requires_grad=True) for name, value in inputs.items()}
    out = model(*xs.values())
    loss = out.sum()
    loss.backward()
    grads = {name: p.grad.flatten().tolist() for name, p in model.named_parameters()}
    grads.update({name: x.grad.flatten().tolist() for name, x in xs.items() if name not in integer})
    return float(loss), grads


def write(name, model, inputs, dynamo, opset, external=False, integer=()):
    model.eval()
    path = os.path.join(HERE, name + ".onnx")
    example = tuple(torch.tensor(v, dtype=torch.int64 if k in integer else torch.float32)
                    for k, v in inputs.items())
    kwargs = dict(input_names=list(inputs), output_names=["y"], opset_version=opset, dynamo=dynamo)
    if dynamo:
        kwargs["optimize"] = True
    torch.onnx.export(model, example, path, **kwargs)
    proto = onnx.load(path)
    onnx.save_model(proto, path)  # one file, whatever the exporter wrote
    if os.path.exists(path + ".data"):
        os.remove(path + ".data")
    if external:
        onnx.save_model(
            proto, path, save_as_external_data=True, all_tensors_to_one_file=True,
            location=name + ".onnx.data", size_threshold=0)
    loss, grads = gradients(model, inputs, integer)
    save_json(name, inputs, loss, grads)


def save_json(name, inputs, loss, grads):
    with open(os.path.join(HERE, name + ".json"), "w") as f:
        json.dump({"inputs": inputs, "loss": loss, "grads": grads}, f, indent=1)
        f.write("\n")


def dtypes_model():
    """MatMul by a float64 weight (double_data), a float16 bias (raw_data), a float32 scale
    (float_data), and a Reshape to an int64 shape initializer: each way a tensor can be stored."""
    rng = np.random.default_rng(3)
    w = rng.standard_normal((3, 4))
    b = rng.standard_normal(4).astype(np.float16)
    c = np.float32(0.75)
    w_proto = helper.make_tensor("w", TensorProto.DOUBLE, [3, 4], w.flatten().tolist())
    b_proto = numpy_helper.from_array(b, "b")
    c_proto = helper.make_tensor("c", TensorProto.FLOAT, [], [float(c)])
    shape = numpy_helper.from_array(np.array([2, 2, 2], dtype=np.int64), "shape")
    nodes = [
        helper.make_node("MatMul", ["x", "w"], ["xw"], name="matmul"),
        helper.make_node("Add", ["xw", "b"], ["z"], name="add"),
        helper.make_node("Reshape", ["z", "shape"], ["r"], name="reshape"),
        helper.make_node("Mul", ["r", "c"], ["y"], name="scale"),
    ]
    graph = helper.make_graph(
        nodes, "dtypes",
        [helper.make_tensor_value_info("x", TensorProto.DOUBLE, [2, 3])],
        [helper.make_tensor_value_info("y", TensorProto.DOUBLE, [2, 2, 2])],
        [w_proto, b_proto, c_proto, shape])
    onnx.save_model(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]),
                    os.path.join(HERE, "dtypes.onnx"))
    x = rng.standard_normal((2, 3))
    params = {name: torch.tensor(v.astype(np.float64), requires_grad=True)
              for name, v in [("w", w), ("b", b), ("c", np.array(c))]}
    xt = torch.tensor(x, requires_grad=True)
    out = ((xt @ params["w"] + params["b"]).reshape(2, 2, 2) * params["c"])
    out.sum().backward()
    grads = {name: p.grad.flatten().tolist() for name, p in params.items()}
    grads["x"] = xt.grad.flatten().tolist()
    save_json("dtypes", {"x": x.tolist()}, float(out.sum()), grads)


def ops_model():
    """One graph through the mappings the exported models miss (opset 18: axes as inputs):
    Sigmoid, Neg, Exp, Sqrt, Log, Concat, Slice, Unsqueeze, Squeeze, ReduceMean, Sub, Pow (constant
    and variable exponents), ReduceMax, LogSoftmax, ReduceSum, Dropout, Identity, Flatten, Expand."""
    rng = np.random.default_rng(5)
    w = rng.standard_normal((3, 4)).astype(np.float32)
    x = rng.standard_normal((2, 3)).astype(np.float32)

    def ints(name, values):
        return numpy_helper.from_array(np.array(values, dtype=np.int64), name)

    def scalar(name, value):
        return numpy_helper.from_array(np.array(value, dtype=np.float32), name)

    constants = [
        ints("one_axis", [1]), ints("zero_axis", [0]), ints("starts", [1]), ints("ends", [7]),
        ints("steps", [2]), ints("expand_shape", [2, 3]), scalar("one", 1.0), scalar("two", 2.0),
    ]
    nodes = [
        helper.make_node("MatMul", ["x", "w"], ["h"]),
        helper.make_node("Sigmoid", ["h"], ["a"]),
        helper.make_node("Neg", ["a"], ["na"]),
        helper.make_node("Exp", ["na"], ["b"]),
        helper.make_node("Add", ["b", "one"], ["b1"]),
        helper.make_node("Sqrt", ["b1"], ["c"]),
        helper.make_node("Log", ["c"], ["d"]),
        helper.make_node("Concat", ["d", "h"], ["e"], axis=1),
        helper.make_node("Slice", ["e", "starts", "ends", "one_axis", "steps"], ["f"]),
        helper.make_node("Unsqueeze", ["f", "zero_axis"], ["g"]),
        helper.make_node("Squeeze", ["g", "zero_axis"], ["g2"]),
        helper.make_node("ReduceMean", ["g2", "one_axis"], ["m"], keepdims=1),
        helper.make_node("Sub", ["g2", "m"], ["s"]),
        helper.make_node("Pow", ["s", "two"], ["p"]),
        helper.make_node("Pow", ["a", "a"], ["pv"]),
        helper.make_node("ReduceMax", ["p", "one_axis"], ["r"], keepdims=0),
        helper.make_node("LogSoftmax", ["e"], ["ls"], axis=1),
        helper.make_node("Dropout", ["ls"], ["ls2"]),
        helper.make_node("Identity", ["ls2"], ["ls3"]),
        helper.make_node("ReduceSum", ["ls3", "zero_axis"], ["lsum"], keepdims=0),
        helper.make_node("Flatten", ["pv"], ["pf"], axis=0),
        helper.make_node("ReduceSum", ["pf"], ["pvsum"], keepdims=1),
        helper.make_node("Unsqueeze", ["r", "one_axis"], ["r2"]),
        helper.make_node("Expand", ["r2", "expand_shape"], ["re"]),
        helper.make_node("ReduceSum", ["re"], ["rsum"], keepdims=0),
        helper.make_node("Mul", ["lsum", "rsum"], ["y0"]),
        helper.make_node("Add", ["y0", "pvsum"], ["y"]),
    ]
    graph = helper.make_graph(
        nodes, "ops", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2, 3])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)],
        [numpy_helper.from_array(w, "w")] + constants)
    onnx.save_model(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 18)]),
                    os.path.join(HERE, "ops.onnx"))
    xt = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    wt = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    h = xt @ wt
    a = torch.sigmoid(h)
    e = torch.cat([torch.log(torch.sqrt(torch.exp(-a) + 1)), h], dim=1)
    g2 = e[:, 1:7:2]
    p = (g2 - g2.mean(dim=1, keepdim=True)) ** 2
    r = p.amax(dim=1)
    lsum = torch.log_softmax(e, dim=1).sum(dim=0)
    rsum = r.unsqueeze(1).expand(2, 3).sum()
    out = lsum * rsum + (a**a).sum()
    out.sum().backward()
    save_json("ops", {"x": x.tolist()}, float(out.sum()), {"w": wt.grad.flatten().tolist(),
                                                            "x": xt.grad.flatten().tolist()})


def too_large_model():
    """A weight of 4000 × 3000 = 12 M parameters, over the 10 M limit, its data in an external file
    that does not exist: the importer must refuse it by its size before looking for the data."""
    weight = TensorProto(name="big.weight", data_type=TensorProto.FLOAT, dims=[4000, 3000],
                         data_location=TensorProto.EXTERNAL)
    weight.external_data.add(key="location", value="too_large.onnx.data")
    graph = helper.make_graph(
        [helper.make_node("MatMul", ["x", "big.weight"], ["y"], name="big")], "too_large",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 4000])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 3000])], [weight])
    onnx.save_model(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]),
                    os.path.join(HERE, "too_large.onnx"))


class DeepSigmoid(torch.nn.Module):
    """Ten sigmoid layers of width 4: each multiplies the gradient by at most 0.25 times a small
    weight, so the first layer's gradient vanishes (the gradient-flow view's example)."""

    def __init__(self):
        super().__init__()
        self.layers = torch.nn.ModuleList(torch.nn.Linear(4, 4) for _ in range(10))
        self.out = torch.nn.Linear(4, 1)

    def forward(self, x):
        for layer in self.layers:
            x = torch.sigmoid(layer(x))
        return self.out(x)


def deep_sigmoid_example():
    torch.manual_seed(4)
    path = os.path.join(EXAMPLES, "deep_sigmoid.onnx")
    model = DeepSigmoid().eval()
    torch.onnx.export(model, (torch.randn(1, 4),), path, input_names=["x"], output_names=["y"],
                      opset_version=17, dynamo=False)


def unknown_op_model():
    """A model with an operator the importer does not map (Einsum)."""
    graph = helper.make_graph(
        [helper.make_node("Einsum", ["x", "x"], ["y"], name="the_einsum", equation="ij,ij->")],
        "unknown", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2, 2])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [])])
    onnx.save_model(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]),
                    os.path.join(HERE, "unknown_op.onnx"))


def main():
    torch.manual_seed(0)
    x = torch.randn(2, 4).tolist()
    mlp = MLP()
    write("mlp_torchscript", mlp, {"x": x}, dynamo=False, opset=17)
    write("mlp_dynamo", mlp, {"x": x}, dynamo=True, opset=18)
    write("mlp_external", mlp, {"x": x}, dynamo=False, opset=17, external=True)
    torch.manual_seed(1)
    write("attention", Attention(), {"x": torch.randn(1, 3, 8).tolist()}, dynamo=False, opset=17)
    torch.manual_seed(5)
    write("multihead", MultiHead(), {"x": torch.randn(2, 3, 8).tolist()}, dynamo=True, opset=18)
    torch.manual_seed(6)
    write("gelu_erf", GeluMLP(), {"x": torch.randn(3, 4).tolist()}, dynamo=False, opset=17)
    write("gelu_tanh", GeluMLP("tanh"), {"x": torch.randn(3, 4).tolist()}, dynamo=True, opset=20)
    torch.manual_seed(2)
    write("rnn", RNN(), {"x": torch.randn(1, 3, 4).tolist()}, dynamo=True, opset=18)
    torch.manual_seed(3)
    write("cnn", CNN(), {"x": torch.randn(1, 1, 6, 6).tolist()}, dynamo=False, opset=17)
    torch.manual_seed(8)
    write("depthwise", DepthwiseSeparable(), {"x": torch.randn(1, 3, 4, 4).tolist()}, dynamo=False, opset=17)
    torch.manual_seed(9)
    write("ceil_pool", CeilPool(), {"x": torch.randn(1, 1, 7, 5).tolist()}, dynamo=False, opset=17)
    torch.manual_seed(10)
    tokens = {"tokens": [[1, 2, 0], [3, 3, 5]]}
    write("embedding", Embedding(), tokens, dynamo=False, opset=17, integer=["tokens"])
    write("embedding_dynamo", Embedding(), tokens, dynamo=True, opset=18, integer=["tokens"])
    torch.manual_seed(11)
    write("same_upper", SamePadding(), {"x": torch.randn(1, 2, 5, 5).tolist()}, dynamo=False, opset=17)
    same_pad_model()
    refused_models()
    dtypes_model()
    ops_model()
    unknown_op_model()
    too_large_model()
    deep_sigmoid_example()


if __name__ == "__main__":
    main()
