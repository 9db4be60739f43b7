"""Which common small PyTorch architectures GradStep opens: exports each with both exporters
(TorchScript at opset 17, dynamo at opset 18), runs `gradstep MODEL.onnx --json --keys fb` on it
with the same input, and compares the gradient norm of every parameter that keeps its PyTorch name
(and of the input) with PyTorch's float64 autograd, within 1e-5 relative.

    python3 Tests/ModelImportTests/Fixtures/architecture_panel.py [GRADSTEP] [OUT_DIR]

GRADSTEP defaults to .build/debug/gradstep, OUT_DIR to a temporary directory. Prints a Markdown
table: the model, then for each exporter `opens` (with the number of gradients compared), the
first line of gradstep's error, or the exporter's. Needs torch, onnx and onnxscript; nothing in
the tests depends on it.
"""

import copy
import json
import math
import os
import subprocess
import sys
import tempfile
import warnings

import numpy as np
import torch
from torch import nn
import torch.nn.functional as F

warnings.filterwarnings("ignore")
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..")


class Encoder(nn.Module):
    def __init__(self, mask=None, layers=1):
        super().__init__()
        layer = nn.TransformerEncoderLayer(8, 2, dim_feedforward=16, batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.mask = mask

    def forward(self, x, *pad):
        if self.mask == "padding":
            return self.encoder(x, src_key_padding_mask=pad[0])
        if self.mask == "causal":
            causal = nn.Transformer.generate_square_subsequent_mask(x.shape[1])
            return self.encoder(x, mask=causal, is_causal=True)
        return self.encoder(x)


class Decoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.layer = nn.TransformerDecoderLayer(8, 2, dim_feedforward=16, batch_first=True)

    def forward(self, x, memory):
        return self.layer(x, memory)


class MHA(nn.Module):
    def __init__(self):
        super().__init__()
        self.mha = nn.MultiheadAttention(8, 2, batch_first=True)

    def forward(self, x):
        return self.mha(x, x, x, need_weights=False)[0]


class SDPA(nn.Module):
    """Attention with F.scaled_dot_product_attention, causal, as modern GPT code writes it."""

    def __init__(self):
        super().__init__()
        self.qkv = nn.Linear(8, 24)
        self.out = nn.Linear(8, 2)

    def forward(self, x):
        b, t, _ = x.shape
        q, k, v = self.qkv(x).view(b, t, 3, 2, 4).permute(2, 0, 3, 1, 4)
        y = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        return self.out(y.transpose(1, 2).reshape(b, t, 8))


class MaskedAttention(nn.Module):
    """Causal attention by hand, as nanoGPT: split, tril, masked_fill(-inf), softmax."""

    def __init__(self):
        super().__init__()
        self.qkv = nn.Linear(8, 24)
        self.out = nn.Linear(8, 2)

    def forward(self, x):
        q, k, v = self.qkv(x).split(8, -1)
        scores = q @ k.transpose(-2, -1) / math.sqrt(8)
        length = x.shape[1]
        causal = torch.tril(torch.ones(length, length, dtype=torch.bool))
        return self.out(torch.softmax(scores.masked_fill(~causal, float("-inf")), -1) @ v)


class TinyResNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1, bias=False), nn.BatchNorm2d(4), nn.ReLU())
        self.block = nn.Sequential(nn.Conv2d(4, 4, 3, padding=1, bias=False), nn.BatchNorm2d(4), nn.ReLU(),
                                   nn.Conv2d(4, 4, 3, padding=1, bias=False), nn.BatchNorm2d(4))
        self.fc = nn.Linear(4, 10)

    def forward(self, x):
        x = self.stem(x)
        x = torch.relu(x + self.block(x))
        return self.fc(torch.flatten(F.adaptive_avg_pool2d(x, 1), 1))


class LeNet5(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(1, 6, 5, padding=2)
        self.c2 = nn.Conv2d(6, 16, 5)
        self.f1, self.f2, self.f3 = nn.Linear(400, 120), nn.Linear(120, 84), nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(torch.relu(self.c1(x)), 2)
        x = F.max_pool2d(torch.relu(self.c2(x)), 2)
        x = x.view(x.size(0), -1)
        return self.f3(torch.relu(self.f2(torch.relu(self.f1(x)))))


class MobileNetBlock(nn.Module):
    """An inverted residual block as MobileNetV2/V3: 1×1 expand, ReLU6, depthwise 3×3, Hardswish,
    1×1 project, a residual add."""

    def __init__(self):
        super().__init__()
        self.expand = nn.Conv2d(4, 8, 1)
        self.depthwise = nn.Conv2d(8, 8, 3, padding=1, groups=8)
        self.project = nn.Conv2d(8, 4, 1)
        self.fc = nn.Linear(4, 2)

    def forward(self, x):
        y = self.project(F.hardswish(self.depthwise(F.relu6(self.expand(x)))))
        return self.fc((x + y).mean((2, 3)))


class ConvAutoencoder(nn.Module):
    """A convolutional autoencoder: strided Conv down, ConvTranspose2d up, sigmoid."""

    def __init__(self):
        super().__init__()
        self.down = nn.Conv2d(1, 4, 3, stride=2, padding=1)
        self.up = nn.ConvTranspose2d(4, 1, 2, stride=2)

    def forward(self, x):
        return torch.sigmoid(self.up(torch.relu(self.down(x))))


class UpsampleCNN(nn.Module):
    """nn.Upsample (nearest) between convolutions, as in a U-Net decoder."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(2, 2, 3, padding=1)
        self.up = nn.Upsample(scale_factor=2, mode="nearest")

    def forward(self, x):
        return self.conv(self.up(x))


class GroupNormCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(2, 4, 3, padding=1)
        self.norm = nn.GroupNorm(2, 4)
        self.fc = nn.Linear(4, 2)

    def forward(self, x):
        return self.fc(F.silu(self.norm(self.conv(x))).mean((2, 3)))


class Recurrent(nn.Module):
    def __init__(self, kind, **options):
        super().__init__()
        self.rnn = getattr(nn, kind)(4, 6, batch_first=True, **options)
        self.fc = nn.Linear(12 if options.get("bidirectional") else 6, 3)

    def forward(self, x):
        out, _ = self.rnn(x)
        return self.fc(out[:, -1])


class LanguageModel(nn.Module):
    """Embedding, LSTM, a linear layer over every step (next-token logits), log_softmax."""

    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(10, 4)
        self.lstm = nn.LSTM(4, 6, batch_first=True)
        self.head = nn.Linear(6, 10)

    def forward(self, tokens):
        return F.log_softmax(self.head(self.lstm(self.embed(tokens))[0]), -1)


class TextModel(nn.Module):
    """Token and position embeddings, LayerNorm, GELU, mean pooling."""

    def __init__(self):
        super().__init__()
        self.tok, self.pos = nn.Embedding(10, 8), nn.Embedding(5, 8)
        self.norm, self.fc = nn.LayerNorm(8), nn.Linear(8, 2)

    def forward(self, t):
        positions = torch.arange(t.shape[1]).unsqueeze(0)
        return self.fc(F.gelu(self.norm(self.tok(t) + self.pos(positions))).mean(1))


class TextCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb, self.conv, self.fc = nn.Embedding(10, 4), nn.Conv1d(4, 6, 3, padding=1), nn.Linear(6, 2)

    def forward(self, t):
        return self.fc(torch.relu(self.conv(self.emb(t).transpose(1, 2))).max(-1).values)


class PatchEmbedding(nn.Module):
    """A ViT's start: patches by a strided Conv, flatten, a class token, position embeddings,
    a pre-norm encoder layer, the class token's head."""

    def __init__(self):
        super().__init__()
        self.patch = nn.Conv2d(3, 8, 4, stride=4)
        self.cls = nn.Parameter(torch.randn(1, 1, 8))
        self.pos = nn.Parameter(torch.randn(1, 5, 8))
        self.layer = nn.TransformerEncoderLayer(8, 2, 16, batch_first=True, norm_first=True, activation="gelu")
        self.head = nn.Linear(8, 3)

    def forward(self, x):
        tokens = self.patch(x).flatten(2).transpose(1, 2)
        tokens = torch.cat([self.cls.expand(x.shape[0], -1, -1), tokens], 1) + self.pos
        return self.head(self.layer(tokens)[:, 0])


class WithLoss(nn.Module):
    """A classifier that returns its own F.cross_entropy loss, as training code often does."""

    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 3)

    def forward(self, x, labels):
        return F.cross_entropy(self.fc(x), labels)


class Einsum(nn.Module):
    """Attention scores written with torch.einsum."""

    def __init__(self):
        super().__init__()
        self.q, self.k = nn.Linear(8, 8), nn.Linear(8, 8)

    def forward(self, x):
        return torch.softmax(torch.einsum("btd,bsd->bts", self.q(x), self.k(x)), -1)


class Bilinear(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(2, 2, 3, padding=1)

    def forward(self, x):
        return self.conv(F.interpolate(x, scale_factor=2, mode="bilinear", align_corners=False))


class AdaptivePool(nn.Module):
    """A VGG-style head: AdaptiveAvgPool2d((2, 2)) before the classifier."""

    def __init__(self):
        super().__init__()
        self.conv, self.fc = nn.Conv2d(1, 2, 3, padding=1), nn.Linear(8, 2)

    def forward(self, x):
        return self.fc(torch.flatten(F.adaptive_avg_pool2d(torch.relu(self.conv(x)), (2, 2)), 1))


class Standardize(nn.Module):
    """x.std() and x.var() (as in hand-written normalizations)."""

    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 4)

    def forward(self, x):
        y = self.fc(x)
        return (y - y.mean(-1, keepdim=True)) / y.std(-1, keepdim=True) + y.var()


class TinyGPT(nn.Module):
    """A GPT: token and position embeddings, two causal pre-norm encoder layers, a final
    LayerNorm, and a language-model head tied to the token embedding."""

    def __init__(self):
        super().__init__()
        self.tok, self.pos = nn.Embedding(10, 8), nn.Embedding(6, 8)
        layer = nn.TransformerEncoderLayer(8, 2, 16, batch_first=True, norm_first=True, activation="gelu")
        self.blocks = nn.TransformerEncoder(layer, 2, enable_nested_tensor=False)
        self.norm = nn.LayerNorm(8)
        self.head = nn.Linear(8, 10, bias=False)
        self.head.weight = self.tok.weight

    def forward(self, t):
        h = self.tok(t) + self.pos(torch.arange(t.shape[1]).unsqueeze(0))
        causal = nn.Transformer.generate_square_subsequent_mask(t.shape[1])
        return self.head(self.norm(self.blocks(h, mask=causal, is_causal=True)))


class TinyUNet(nn.Module):
    """A U-Net: a conv block, MaxPool down, a conv block, ConvTranspose up, a skip concatenation."""

    def __init__(self):
        super().__init__()
        self.enc = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.ReLU())
        self.mid = nn.Sequential(nn.Conv2d(4, 8, 3, padding=1), nn.ReLU())
        self.up = nn.ConvTranspose2d(8, 4, 2, stride=2)
        self.dec = nn.Conv2d(8, 1, 3, padding=1)

    def forward(self, x):
        skip = self.enc(x)
        y = self.up(self.mid(F.max_pool2d(skip, 2)))
        return self.dec(torch.cat([y, skip], 1))


class DenseBlock(nn.Module):
    """DenseNet-style: each layer sees the concatenation of all before it (BN, ReLU, Conv)."""

    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList(
            nn.Sequential(nn.BatchNorm2d(2 + 2 * i), nn.ReLU(), nn.Conv2d(2 + 2 * i, 2, 3, padding=1))
            for i in range(3))
        self.fc = nn.Linear(8, 2)

    def forward(self, x):
        features = [x]
        for layer in self.layers:
            features.append(layer(torch.cat(features, 1)))
        return self.fc(torch.cat(features, 1).mean((2, 3)))


def sequential(*layers):
    class Wrapped(nn.Module):
        def __init__(self):
            super().__init__()
            self.net = nn.Sequential(*layers)

        def forward(self, x):
            return self.net(x)
    return Wrapped()


B, T = 2, 4
TOKENS = torch.tensor([[1, 2, 3, 0], [4, 4, 9, 1]])
PAD = torch.tensor([[False, False, False, True], [False, False, False, False]])
PANEL = [
    ("TransformerEncoderLayer", lambda: Encoder(), lambda: (torch.randn(B, T, 8),)),
    ("TransformerEncoder, 2 layers, causal mask", lambda: Encoder("causal", 2), lambda: (torch.randn(B, T, 8),)),
    ("TransformerEncoderLayer + key padding mask", lambda: Encoder("padding"), lambda: (torch.randn(B, T, 8), PAD)),
    ("TransformerDecoderLayer", lambda: Decoder(), lambda: (torch.randn(B, T, 8), torch.randn(B, 3, 8))),
    ("nn.MultiheadAttention", lambda: MHA(), lambda: (torch.randn(B, T, 8),)),
    ("scaled_dot_product_attention (causal)", lambda: SDPA(), lambda: (torch.randn(B, T, 8),)),
    ("nanoGPT masked_fill attention", lambda: MaskedAttention(), lambda: (torch.randn(B, T, 8),)),
    ("tiny ResNet (Conv+BN+ReLU, residual, GAP)", lambda: TinyResNet(), lambda: (torch.randn(1, 3, 8, 8),)),
    ("LeNet-5", lambda: LeNet5(), lambda: (torch.randn(1, 1, 28, 28),)),
    ("MobileNetV2/V3 block (ReLU6, Hardswish)", lambda: MobileNetBlock(), lambda: (torch.randn(1, 4, 6, 6),)),
    ("conv autoencoder (ConvTranspose2d)", lambda: ConvAutoencoder(), lambda: (torch.randn(1, 1, 8, 8),)),
    ("nn.Upsample + Conv", lambda: UpsampleCNN(), lambda: (torch.randn(1, 2, 4, 4),)),
    ("GroupNorm + SiLU CNN", lambda: GroupNormCNN(), lambda: (torch.randn(1, 2, 6, 6),)),
    ("nn.LSTM classifier", lambda: Recurrent("LSTM"), lambda: (torch.randn(B, 5, 4),)),
    ("nn.LSTM 2 layers bidirectional", lambda: Recurrent("LSTM", num_layers=2, bidirectional=True),
     lambda: (torch.randn(B, 5, 4),)),
    ("nn.GRU classifier", lambda: Recurrent("GRU"), lambda: (torch.randn(B, 5, 4),)),
    ("nn.RNN classifier", lambda: Recurrent("RNN"), lambda: (torch.randn(B, 5, 4),)),
    ("Embedding + LSTM language model", lambda: LanguageModel(), lambda: (TOKENS,)),
    ("MLP + Dropout (eval)", lambda: sequential(nn.Linear(4, 8), nn.ReLU(), nn.Dropout(0.5), nn.Linear(8, 3)),
     lambda: (torch.randn(B, 4),)),
    ("MLP + BatchNorm1d", lambda: sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 3)),
     lambda: (torch.randn(B, 4),)),
    ("MLP + ELU, Softplus, PReLU", lambda: sequential(nn.Linear(4, 8), nn.ELU(), nn.Linear(8, 8), nn.Softplus(),
                                                      nn.Linear(8, 8), nn.PReLU(), nn.Linear(8, 3)),
     lambda: (torch.randn(B, 4),)),
    ("softmax classifier", lambda: sequential(nn.Linear(4, 3), nn.Softmax(-1)), lambda: (torch.randn(B, 4),)),
    ("SiLU/Sigmoid autoencoder", lambda: sequential(nn.Linear(8, 4), nn.SiLU(), nn.Linear(4, 8), nn.Sigmoid()),
     lambda: (torch.randn(B, 8),)),
    ("Embedding + positions + LayerNorm + GELU + mean", lambda: TextModel(), lambda: (TOKENS,)),
    ("text CNN (Embedding, Conv1d, max over time)", lambda: TextCNN(), lambda: (TOKENS,)),
    ("ViT patch embedding + class token + pre-norm layer", lambda: PatchEmbedding(),
     lambda: (torch.randn(2, 3, 8, 8),)),
    ("VGG-style AdaptiveAvgPool2d((2, 2))", lambda: AdaptivePool(), lambda: (torch.randn(1, 1, 8, 8),)),
    ("bilinear F.interpolate", lambda: Bilinear(), lambda: (torch.randn(1, 2, 4, 4),)),
    ("einsum attention scores", lambda: Einsum(), lambda: (torch.randn(B, T, 8),)),
    ("x.std() and x.var()", lambda: Standardize(), lambda: (torch.randn(B, 4),)),
    ("tiny GPT (tied embedding head, causal blocks)", lambda: TinyGPT(), lambda: (TOKENS,)),
    ("tiny U-Net (MaxPool, ConvTranspose, skip concat)", lambda: TinyUNet(), lambda: (torch.randn(1, 1, 8, 8),)),
    ("DenseNet block (BN-ReLU-Conv on concatenations)", lambda: DenseBlock(), lambda: (torch.randn(1, 2, 5, 5),)),
    ("model returning F.cross_entropy", lambda: WithLoss(), lambda: (torch.randn(B, 4), torch.tensor([0, 2]))),
]


def randomize(model):
    """Every parameter and running statistic moved at random, as after training (so that no two
    parameters are equal, as the stacked copies of nn.TransformerEncoder are: the exporters would
    share one initializer between them)."""
    with torch.no_grad():
        for p in model.parameters():
            p.add_(0.1 * torch.randn_like(p))
        for module in model.modules():
            if isinstance(module, nn.modules.batchnorm._BatchNorm):
                module.running_mean.normal_()
                module.running_var.uniform_(0.5, 1.5)
    return model


def torch_norms(model, args):
    """PyTorch's float64 gradient norm of out.sum() for each parameter and float input."""
    model = copy.deepcopy(model).double()
    xs = [a.double().requires_grad_() if a.is_floating_point() else a for a in args]
    model(*xs).sum().backward()
    norms = {name: p.grad.norm().item() for name, p in model.named_parameters() if p.grad is not None}
    return norms, [x.grad.norm().item() if x.is_floating_point() else None for x in xs]


def gradstep_run(gradstep, path, args, names, folder):
    command = [gradstep, path, "--json", "--keys", "fb"]
    for name, arg in zip(names, args):
        file = os.path.join(folder, name.replace(":", "_").replace("/", "_") + ".npy")
        np.save(file, arg.numpy().astype(np.int64 if not arg.is_floating_point() else np.float32))
        command += ["--input", f"{name}={file}"]
    return subprocess.run(command, capture_output=True, text=True)


def check(gradstep, folder, label, model, args, dynamo):
    import onnx
    tag = "dynamo" if dynamo else "torchscript"
    path = os.path.join(folder, f"{label[:24].replace(' ', '_').replace('/', '_')}_{tag}.onnx")
    try:
        options = dict(opset_version=18 if dynamo else 17, dynamo=dynamo)
        if dynamo:
            options["optimize"] = True
        torch.onnx.export(model, args, path, **options)
        proto = onnx.load(path)
        onnx.save_model(proto, path)
        if os.path.exists(path + ".data"):
            os.remove(path + ".data")
    except Exception as error:  # the exporter's failure, not GradStep's
        return "export fails: " + str(error).strip().splitlines()[0][:100]
    names = [i.name for i in proto.graph.input if i.name not in {t.name for t in proto.graph.initializer}]
    result = gradstep_run(gradstep, path, args, names, folder)
    if result.returncode != 0:
        message = (result.stderr.strip().splitlines() or [f"exit {result.returncode}"])[0]
        return message.replace("gradstep: error: ", "").split(" (supported:")[0][:160]
    reported = {p["name"]: p["grad_norm"] for p in json.loads(result.stdout)["gradients"]["parameters"]}
    expected, inputs = torch_norms(model, args)
    expected.update({n: g for n, g in zip(names, inputs) if g is not None})
    exported = {t.name: onnx.numpy_helper.to_array(t) for t in proto.graph.initializer}
    weights = dict(model.named_parameters())
    compared, folded, copied = 0, [], []
    for name, norm in expected.items():
        if name in weights and name in exported and not np.array_equal(
                exported[name], weights[name].detach().numpy().reshape(exported[name].shape)):
            folded.append(name)  # the exporter folded another op (a BatchNorm) into this weight
            continue
        if name in weights and name in reported and weights[name].dim() == 2 and any(
                other != name and other in reported and np.array_equal(value, weights[name].detach().numpy().T)
                for other, value in exported.items()):
            copied.append(name)  # used as it is and as a transposed copy the exporter wrote: two leaves
            continue
        if name in reported and reported[name] is not None:
            if abs(reported[name] - norm) > 1e-5 * max(norm, 1e-8):
                return f"opens, but the gradient norm of {name} is {reported[name]}, PyTorch's {norm}"
            compared += 1
    note = f"; {', '.join(folded)} folded by the exporter, not compared" if folded else ""
    if copied:
        note += f"; {', '.join(copied)} also used as a transposed copy the exporter wrote, not compared"
    return f"opens ({compared} gradients match{note})"


def main():
    gradstep = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "gradstep")
    folder = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp()
    os.makedirs(folder, exist_ok=True)
    print("| model | TorchScript exporter (opset 17) | dynamo exporter (opset 18) |")
    print("|---|---|---|")
    for label, make, make_args in PANEL:
        torch.manual_seed(0)
        model, args = randomize(make()).eval(), make_args()
        cells = [check(gradstep, folder, label, model, args, dynamo) for dynamo in (False, True)]
        print(f"| {label} | {cells[0]} | {cells[1]} |", flush=True)


if __name__ == "__main__":
    main()
