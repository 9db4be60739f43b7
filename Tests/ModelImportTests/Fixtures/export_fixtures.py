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


class Encoder(torch.nn.Module):
    """nn.TransformerEncoderLayer (batch_first, 2 heads), with a padding mask (a bool input), a
    causal mask, or neither; the TorchScript exporter computes its head shapes with Mod, Cast and
    Slice, and the masks with Equal, Trilu and Where. Its biases and layer norms are random (as
    after training: the exporters share equal initializers, such as zero biases, between
    parameters), and a linear head follows (the sum of a layer norm's output is nearly constant)."""

    def __init__(self, mask=None):
        super().__init__()
        self.layer = torch.nn.TransformerEncoderLayer(8, 2, dim_feedforward=16, batch_first=True)
        with torch.no_grad():
            for name, parameter in self.layer.named_parameters():
                if "bias" in name or "norm" in name:
                    parameter.add_(0.2 * torch.randn_like(parameter))
        self.head = torch.nn.Linear(8, 2)
        self.mask = mask

    def forward(self, x, *pad):
        if self.mask == "padding":
            return self.head(self.layer(x, src_key_padding_mask=pad[0]))
        if self.mask == "causal":
            causal = torch.nn.Transformer.generate_square_subsequent_mask(x.shape[1])
            return self.head(self.layer(x, src_mask=causal, is_causal=True))
        return self.head(self.layer(x))


class MaskedAttention(torch.nn.Module):
    """Causal attention written by hand, as in nanoGPT: split of a fused qkv projection, tril,
    masked_fill with -inf (Where with a computed branch), softmax."""

    def __init__(self):
        super().__init__()
        self.qkv = torch.nn.Linear(8, 24)
        self.out = torch.nn.Linear(8, 2)

    def forward(self, x):
        q, k, v = self.qkv(x).split(8, -1)
        scores = q @ k.transpose(-2, -1) / 8**0.5
        length = x.shape[1]
        causal = torch.tril(torch.ones(length, length, dtype=torch.bool))
        scores = scores.masked_fill(~causal, float("-inf"))
        return self.out(torch.softmax(scores, -1) @ v)


class TextCNN(torch.nn.Module):
    """A text CNN (as Kim 2014): embedded tokens, a Conv1d over the sequence, MaxPool1d and
    AvgPool1d, a max over time, a linear head."""

    def __init__(self):
        super().__init__()
        self.embed = torch.nn.Embedding(10, 4)
        self.conv = torch.nn.Conv1d(4, 6, 3, padding=1, dilation=1)
        self.conv2 = torch.nn.Conv1d(6, 4, 2, stride=2, padding=1)
        self.max = torch.nn.MaxPool1d(2, ceil_mode=True)
        self.avg = torch.nn.AvgPool1d(2)
        self.fc = torch.nn.Linear(4, 2)

    def forward(self, tokens):
        y = self.max(torch.relu(self.conv(self.embed(tokens).transpose(1, 2))))
        y = self.avg(torch.tanh(self.conv2(y)))
        return self.fc(y.amax(-1))


class Recurrent(torch.nn.Module):
    """A sequence classifier on an nn.LSTM, nn.GRU or nn.RNN (batch_first), from its last step's
    output: the exporters write one ONNX LSTM, GRU or RNN node per layer."""

    def __init__(self, kind, **options):
        super().__init__()
        self.rnn = getattr(torch.nn, kind)(4, 5, batch_first=True, **options)
        width = 10 if options.get("bidirectional") else 5
        self.fc = torch.nn.Linear(width, 3)

    def forward(self, x):
        out, _ = self.rnn(x)
        return self.fc(out[:, -1])


# PyTorch's gate blocks for each of ONNX's, in ONNX's order: LSTM i, o, f, c from PyTorch's
# i, f, g, o; GRU z, r, h from r, z, n.
GATE_ORDER = {"LSTM": [0, 3, 1, 2], "GRU": [1, 0, 2], "RNN": [0]}


def recurrent_grads(name, model, grads):
    """Adds to NAME.json the gradients of the W, R and B initializers of each recurrent node, made
    from PyTorch's by the exporters' own reordering (gate blocks, directions stacked, the two biases
    joined), after checking the exported values are PyTorch's weights so reordered."""
    proto = onnx.load(os.path.join(HERE, name + ".onnx"))
    initializers = {i.name: numpy_helper.to_array(i) for i in proto.graph.initializer}
    params = dict(model.named_parameters())
    nodes = [n for n in proto.graph.node if n.op_type in GATE_ORDER]
    for layer, node in enumerate(nodes):
        order = GATE_ORDER[node.op_type]
        suffixes = [""] + (["_reverse"] if model.rnn.bidirectional else [])

        def reordered(values, key):
            blocks = np.split(np.asarray(values[key], dtype=np.float64), len(order))
            return np.concatenate([blocks[k] for k in order])

        def stacked(values, parts):
            return np.stack([np.concatenate([reordered(values, f"rnn.{part}_l{layer}{suffix}") for part in parts])
                             for suffix in suffixes])

        weights = {k: v.detach().numpy() for k, v in params.items()}
        shaped = {k: np.array(v).reshape(params[k].shape) for k, v in grads.items() if k in params}
        for position, parts in ((1, ["weight_ih"]), (2, ["weight_hh"]), (3, ["bias_ih", "bias_hh"])):
            assert np.array_equal(stacked(weights, parts).astype(np.float32), initializers[node.input[position]])
            grads[node.input[position]] = stacked(shaped, parts).flatten().tolist()


class MobileNetBlock(torch.nn.Module):
    """An inverted residual block as MobileNetV3: 1×1 expand with ReLU6 (Clip), a depthwise 3×3
    with Hardswish, a squeeze-and-excite gate with Hardsigmoid, 1×1 project, a residual add."""

    def __init__(self):
        super().__init__()
        self.expand = torch.nn.Conv2d(4, 8, 1)
        self.depthwise = torch.nn.Conv2d(8, 8, 3, padding=1, groups=8)
        self.excite = torch.nn.Linear(8, 8)
        self.project = torch.nn.Conv2d(8, 4, 1)
        self.fc = torch.nn.Linear(4, 2)

    def forward(self, x):
        y = torch.nn.functional.hardswish(self.depthwise(torch.nn.functional.relu6(self.expand(x))))
        gate = torch.nn.functional.hardsigmoid(self.excite(y.mean((2, 3))))
        y = self.project(y * gate[:, :, None, None])
        return self.fc((x + y).mean((2, 3)))


class ConvDecoder(torch.nn.Module):
    """A decoder as in autoencoders, GANs and U-Nets: ConvTranspose2d with output_padding and
    with a 4×4 kernel, GroupNorm (InstanceNormalization), nearest upsampling (Resize), a sigmoid."""

    def __init__(self):
        super().__init__()
        self.up1 = torch.nn.ConvTranspose2d(3, 4, 3, stride=2, padding=1, output_padding=1)
        self.norm = torch.nn.GroupNorm(2, 4)
        self.up2 = torch.nn.ConvTranspose2d(4, 2, 4, stride=2, padding=1, bias=False)
        self.resize = torch.nn.Upsample(scale_factor=2, mode="nearest")
        self.out = torch.nn.Conv2d(2, 1, 3, padding=1)
        with torch.no_grad():
            self.norm.weight.add_(0.3 * torch.randn(4))
            self.norm.bias.add_(0.3 * torch.randn(4))

    def forward(self, x):
        y = torch.nn.functional.silu(self.norm(self.up1(x)))
        return torch.sigmoid(self.out(self.resize(torch.relu(self.up2(y)))))


class Activations(torch.nn.Module):
    """An MLP through ELU, Softplus, PReLU (one slope per feature) and Hardtanh (Clip)."""

    def __init__(self):
        super().__init__()
        self.l1, self.l2, self.l3, self.l4 = (torch.nn.Linear(4, 6), torch.nn.Linear(6, 6),
                                              torch.nn.Linear(6, 6), torch.nn.Linear(6, 2))
        self.prelu = torch.nn.PReLU(6)
        with torch.no_grad():
            self.prelu.weight.uniform_(0.05, 0.5)

    def forward(self, x):
        y = torch.nn.functional.elu(self.l1(x), alpha=0.7)
        y = torch.nn.functional.softplus(self.l2(y))
        y = torch.nn.functional.hardtanh(self.prelu(self.l3(y)), -0.5, 0.8)
        return self.l4(y)


class LossInside(torch.nn.Module):
    """A classifier that returns its own loss: F.cross_entropy with an ignored label
    (SoftmaxCrossEntropyLoss) plus F.nll_loss summed (NegativeLogLikelihoodLoss), and x.std()
    (which the TorchScript exporter counts with ReduceProd)."""

    def __init__(self):
        super().__init__()
        self.fc = torch.nn.Linear(4, 3)

    def forward(self, x, labels):
        logits = self.fc(x)
        ignored = torch.nn.functional.cross_entropy(logits, labels, ignore_index=1)
        summed = torch.nn.functional.nll_loss(torch.log_softmax(logits, 1), labels, reduction="sum")
        return ignored + summed + logits.std(-1).sum()


class Interpolate(torch.nn.Module):
    """F.interpolate: bilinear without and with align_corners (Resize linear), nearest to a size."""

    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(2, 2, 3, padding=1)

    def forward(self, x):
        y = torch.tanh(self.conv(x))
        a = torch.nn.functional.interpolate(y, scale_factor=2, mode="bilinear", align_corners=False)
        b = torch.nn.functional.interpolate(y, size=(5, 7), mode="bilinear", align_corners=True)
        c = torch.nn.functional.interpolate(y, size=(5, 7), mode="nearest")
        return a.mean((2, 3)) * 2 + (b * c).mean((2, 3))


class EinsumModel(torch.nn.Module):
    """torch.einsum as attention code writes it: scores "btd,bsd->bts", values "bts,bsd->btd", a
    weight shared by the batch "btd,de->bte", a summed letter "btd->bd", and the implicit output of
    "bd,bd" (a scalar)."""

    def __init__(self):
        super().__init__()
        self.q, self.k = torch.nn.Linear(4, 4), torch.nn.Linear(4, 4)
        self.w = torch.nn.Parameter(torch.randn(4, 3))
        self.v = torch.nn.Parameter(torch.randn(2, 3))

    def forward(self, x):
        scores = torch.softmax(torch.einsum("btd,bsd->bts", self.q(x), self.k(x)), -1)
        mixed = torch.einsum("bts,bsd->btd", scores, x)
        projected = torch.tanh(torch.einsum("btd,de->bte", mixed, self.w))
        return torch.einsum("bd,bd", torch.einsum("btd->bd", projected), self.v)


class WhereByValue(torch.nn.Module):
    """torch.where on a condition computed from values (Greater, then Where with both sides
    computed): a leaky ReLU by hand."""

    def __init__(self):
        super().__init__()
        self.l1, self.l2 = torch.nn.Linear(3, 4), torch.nn.Linear(4, 2)

    def forward(self, x):
        y = self.l1(x)
        return self.l2(torch.where(y > 0, y, 0.1 * y))


def random_batch_norm(norm):
    """`norm` with random running statistics, scale and shift, as after training."""
    with torch.no_grad():
        norm.running_mean.copy_(torch.randn_like(norm.running_mean))
        norm.running_var.copy_(torch.rand_like(norm.running_var) + 0.5)
        norm.weight.copy_(torch.randn_like(norm.weight))
        norm.bias.copy_(torch.randn_like(norm.bias))
    return norm


class TinyResNet(torch.nn.Module):
    """A residual block as in ResNet: Conv, BatchNorm (which the TorchScript exporter folds into
    the Conv), ReLU, a residual add, global average pooling, flatten and a linear head."""

    def __init__(self):
        super().__init__()
        self.stem = torch.nn.Conv2d(3, 4, 3, padding=1, bias=False)
        self.stem_norm = random_batch_norm(torch.nn.BatchNorm2d(4))
        self.conv1 = torch.nn.Conv2d(4, 4, 3, padding=1, bias=False)
        self.norm1 = random_batch_norm(torch.nn.BatchNorm2d(4))
        self.conv2 = torch.nn.Conv2d(4, 4, 3, padding=1, bias=False)
        self.norm2 = random_batch_norm(torch.nn.BatchNorm2d(4))
        self.pool = torch.nn.AdaptiveAvgPool2d(1)
        self.fc = torch.nn.Linear(4, 3)

    def forward(self, x):
        x = torch.relu(self.stem_norm(self.stem(x)))
        y = self.norm2(self.conv2(torch.relu(self.norm1(self.conv1(x)))))
        return self.fc(torch.flatten(self.pool(torch.relu(x + y)), 1))


class BatchNormMLP(torch.nn.Module):
    """BatchNorm1d between linear layers, in inference mode: an ONNX BatchNormalization node."""

    def __init__(self):
        super().__init__()
        self.l1 = torch.nn.Linear(4, 6)
        self.norm = random_batch_norm(torch.nn.BatchNorm1d(6))
        self.l2 = torch.nn.Linear(6, 2)

    def forward(self, x):
        return self.l2(torch.relu(self.norm(self.l1(x))))


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
    """Models with what the importer still refuses, each named with its node and attribute: a 3-d
    convolution, a MaxPool asked for its Indices output, an auto_pad value ONNX does not define,
    a group that does not divide the channels, BatchNormalization in training mode, a cast to
    string, an integer Mod by zero, an LSTM given sequence lengths, bicubic Resize, a grouped
    ConvTranspose, ReduceProd of a computed value, and an Einsum diagonal."""
    w = numpy_helper.from_array(np.ones((1, 1, 3, 3, 3), dtype=np.float32), "w")
    w2 = numpy_helper.from_array(np.ones((2, 1, 1, 1), dtype=np.float32), "w")
    stats = [numpy_helper.from_array(np.ones(1, dtype=np.float32), name) for name in ("s", "b", "m", "v")]
    zero = numpy_helper.from_array(np.zeros(1, dtype=np.int64), "zero")
    lstm = [numpy_helper.from_array(np.ones(shape, dtype=np.float32), name)
            for name, shape in (("W", (1, 8, 3)), ("R", (1, 8, 2)))]
    lstm.append(numpy_helper.from_array(np.array([2], dtype=np.int32), "lengths"))
    scales = numpy_helper.from_array(np.array([1, 1, 2, 2], dtype=np.float32), "scales")
    w4 = numpy_helper.from_array(np.ones((2, 1, 2, 2), dtype=np.float32), "w")
    cases = [
        ("refused_bad_group", [helper.make_node("Conv", ["x", "w"], ["y"], name="conv_groups", group=2)],
         [1, 3, 2, 2], [w2]),
        ("refused_conv3d", [helper.make_node("Conv", ["x", "w"], ["y"], name="conv3d", kernel_shape=[3, 3, 3])],
         [1, 1, 4, 4, 4], [w]),
        ("refused_batchnorm_training",
         [helper.make_node("BatchNormalization", ["x", "s", "b", "m", "v"], ["y"], name="bn_train", training_mode=1)],
         [2, 1], stats),
        ("refused_cast_string",
         [helper.make_node("Cast", ["x"], ["y"], name="to_text", to=TensorProto.STRING)], [2], []),
        ("refused_mod_zero",
         [helper.make_node("Shape", ["x"], ["s"], name="shape"),
          helper.make_node("Mod", ["s", "zero"], ["y"], name="mod_zero")], [2], [zero]),
        ("refused_lstm_lengths",
         [helper.make_node("LSTM", ["x", "W", "R", "", "lengths"], ["y"], name="lstm", hidden_size=2)],
         [2, 1, 3], lstm),
        ("refused_resize_cubic",
         [helper.make_node("Resize", ["x", "", "scales"], ["y"], name="bicubic", mode="cubic")], [1, 1, 2, 2], [scales]),
        ("refused_conv_transpose_groups",
         [helper.make_node("ConvTranspose", ["x", "w"], ["y"], name="up", group=2)], [1, 2, 3, 3], [w4]),
        ("refused_einsum_diagonal",
         [helper.make_node("Einsum", ["x"], ["y"], name="trace", equation="ii->")], [2, 2], []),
        ("refused_reduce_prod",
         [helper.make_node("ReduceProd", ["x"], ["y"], name="product", keepdims=0)], [3], []),
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


def gradients(model, inputs, integer=(), boolean=()):
    """PyTorch's float64 gradients of out.sum() for every parameter and float input, by name
    (inputs named in `integer` are int64 indices and those in `boolean` masks: they have none)."""
    model = copy.deepcopy(model).double()
    xs = {name: tensor(name, value, torch.float64, integer, boolean) for name, value in inputs.items()}
    for name, x in xs.items():
        if x.is_floating_point():
            x.requires_grad_()
    out = model(*xs.values())
    loss = out.sum()
    loss.backward()
    grads = {name: p.grad.flatten().tolist() for name, p in model.named_parameters()}
    grads.update({name: x.grad.flatten().tolist() for name, x in xs.items() if x.is_floating_point()})
    return float(loss), grads


def tensor(name, value, dtype, integer, boolean):
    """An input's tensor: int64 if named in `integer`, bool (from 0 and 1) if in `boolean`."""
    if name in integer:
        return torch.tensor(value, dtype=torch.int64)
    if name in boolean:
        return torch.tensor(value, dtype=torch.bool)
    return torch.tensor(value, dtype=dtype)


def write(name, model, inputs, dynamo, opset, external=False, integer=(), boolean=(), recurrent=False):
    model.eval()
    path = os.path.join(HERE, name + ".onnx")
    example = tuple(tensor(k, v, torch.float32, integer, boolean) for k, v in inputs.items())
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
    loss, grads = gradients(model, inputs, integer, boolean)
    if recurrent:
        recurrent_grads(name, model, grads)
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
    """A model with an operator the importer does not map (Det, a determinant)."""
    graph = helper.make_graph(
        [helper.make_node("Det", ["x"], ["y"], name="the_det")],
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
    torch.manual_seed(12)
    x = torch.randn(2, 4, 8).tolist()
    padding = {"x": x, "pad": [[0, 0, 0, 1], [0, 0, 0, 0]]}
    write("encoder_padding", Encoder("padding"), padding, dynamo=False, opset=17, boolean=["pad"])
    write("encoder_padding_dynamo", Encoder("padding"), padding, dynamo=True, opset=18, boolean=["pad"])
    write("encoder_causal", Encoder("causal"), {"x": x}, dynamo=False, opset=17)
    write("encoder_dynamo", Encoder(), {"x": x}, dynamo=True, opset=18)
    torch.manual_seed(13)
    write("masked_attention", MaskedAttention(), {"x": torch.randn(2, 4, 8).tolist()}, dynamo=False, opset=17)
    torch.manual_seed(14)
    write("tiny_resnet", TinyResNet(), {"x": torch.randn(2, 3, 6, 6).tolist()}, dynamo=False, opset=17)
    torch.manual_seed(15)
    write("batchnorm_mlp", BatchNormMLP(), {"x": torch.randn(3, 4).tolist()}, dynamo=False, opset=17)
    torch.manual_seed(16)
    tokens = {"tokens": [[1, 2, 3, 0, 9, 4, 4], [5, 6, 7, 8, 1, 1, 2]]}
    write("text_cnn", TextCNN(), tokens, dynamo=False, opset=17, integer=["tokens"])
    write("text_cnn_dynamo", TextCNN(), tokens, dynamo=True, opset=18, integer=["tokens"])
    torch.manual_seed(17)
    sequence = {"x": torch.randn(2, 5, 4).tolist()}
    lstm = Recurrent("LSTM", num_layers=2, bidirectional=True)
    write("lstm", lstm, sequence, dynamo=False, opset=17, recurrent=True)
    write("lstm_dynamo", Recurrent("LSTM"), sequence, dynamo=True, opset=18, recurrent=True)
    write("gru", Recurrent("GRU", bidirectional=True), sequence, dynamo=False, opset=17, recurrent=True)
    write("gru_dynamo", Recurrent("GRU", num_layers=2), sequence, dynamo=True, opset=18, recurrent=True)
    write("rnn_relu", Recurrent("RNN", nonlinearity="relu"), sequence, dynamo=False, opset=17, recurrent=True)
    torch.manual_seed(18)
    image = {"x": torch.randn(2, 4, 5, 5).tolist()}
    write("mobilenet_block", MobileNetBlock(), image, dynamo=False, opset=17)
    write("mobilenet_block_dynamo", MobileNetBlock(), image, dynamo=True, opset=18)
    torch.manual_seed(19)
    code = {"x": torch.randn(1, 3, 2, 3).tolist()}
    write("conv_decoder", ConvDecoder(), code, dynamo=False, opset=17)
    write("conv_decoder_dynamo", ConvDecoder(), code, dynamo=True, opset=18)
    torch.manual_seed(20)
    write("activations", Activations(), {"x": (2 * torch.randn(5, 4)).tolist()}, dynamo=False, opset=17)
    torch.manual_seed(21)
    labelled = {"x": torch.randn(4, 4).tolist(), "labels": [0, 1, 2, 2]}
    write("loss_inside", LossInside(), labelled, dynamo=False, opset=17, integer=["labels"])
    write("loss_inside_dynamo", LossInside(), labelled, dynamo=True, opset=18, integer=["labels"])
    torch.manual_seed(22)
    small = {"x": torch.randn(1, 2, 3, 4).tolist()}
    write("interpolate", Interpolate(), small, dynamo=False, opset=17)
    write("interpolate_dynamo", Interpolate(), small, dynamo=True, opset=18)
    torch.manual_seed(23)
    tokens3 = {"x": torch.randn(2, 3, 4).tolist()}
    write("einsum", EinsumModel(), tokens3, dynamo=False, opset=17)
    write("einsum_dynamo", EinsumModel(), tokens3, dynamo=True, opset=18)
    torch.manual_seed(24)
    write("where_by_value", WhereByValue(), {"x": torch.randn(3, 3).tolist()}, dynamo=False, opset=17)
    same_pad_model()
    refused_models()
    dtypes_model()
    ops_model()
    unknown_op_model()
    too_large_model()
    deep_sigmoid_example()


if __name__ == "__main__":
    main()
