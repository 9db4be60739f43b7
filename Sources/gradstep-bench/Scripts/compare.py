#!/usr/bin/env python3
"""Run the peer benchmarks and gradstep-bench back to back, then write the comparison
tables into README.md between <!-- bench:start --> and <!-- bench:end -->.

  Sources/gradstep-bench/Scripts/compare.py            # full run: peers ~7 min, ours ~1 min
  Sources/gradstep-bench/Scripts/compare.py --quick    # smoke run (QUICK=1 peers, --quick bench)
  --no-readme      print the tables instead of writing README.md
  --from DIR       re-render from the raw lines an earlier run saved in DIR (no new measurements)

Environment: GRADSTEP_PEERS_DIR (default <repo>/../shared/bench/peers; its graphs/ folder is
passed to gradstep-bench as GRADSTEP_GRAPHS_DIR), PEERS_VENV (default ~/.cache/gradstep-peers;
its python also runs w7_torch.py). A missing peer, interpreter, torch or dot is shown as
unavailable. The release `gradstep` binary is rebuilt first, for W6. Raw lines go to <repo>/.build/bench-compare/<UTC time>/.
Only ratios from one run of this script are comparable (shared, noisy VM)."""
import argparse
import datetime
import json
import os
import platform
import re
import shutil
import subprocess
import sys
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
REPO = SCRIPTS.parents[2]
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
W1_PEERS = ["python", "seed", "dezero", "micrograd", "torch", "autograd"]


def log(msg):
    print(f"compare: {msg}", file=sys.stderr, flush=True)


def json_lines(text):
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def run_peers(out, quick, venv):
    peers = peers_dir()
    script = peers / "run_all.sh"
    if not script.exists():
        log(f"no {script}: every peer is unavailable")
        return [], f"unavailable ({script} not found)"
    env = {**os.environ, "RESULTS_DIR": str(out / "peers"), "PEERS_VENV": str(venv),
           "QUICK": "1" if quick else "0"}
    log(f"running {script}{' (QUICK=1)' if quick else ''}")
    subprocess.run(["bash", str(script)], env=env, stdout=subprocess.DEVNULL, check=False)
    lines = out / "peers" / "results.jsonl"
    if not lines.exists():
        return [], "unavailable (run_all.sh wrote no results.jsonl)"
    meta = out / "peers" / "results.json"
    python = json.loads(meta.read_text())["meta"].get("python") if meta.exists() else None
    return json_lines(lines.read_text()), f"CPython {python}" if python else "?"


def ensure_tools(venv):
    """Installs what the run needs when it is missing: Graphviz (dot, for W4 and W6) with apt-get,
    and the peers' Python environment (their requirements.txt, and onnx for W10's export) in `venv`. A failure is logged, and
    the cases that needed the tool are then reported unavailable or failed, never silently dropped."""
    if shutil.which("dot") is None and shutil.which("apt-get") is not None:
        log("installing graphviz for dot")
        subprocess.run(["apt-get", "update", "-qq"], check=False)
        subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "graphviz"], check=False)
    requirements = peers_dir() / "requirements.txt"
    if not (Path(venv) / "bin" / "python").exists() and requirements.exists():
        log(f"creating the peers' environment in {venv}")
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=False)
        subprocess.run([str(Path(venv) / "bin" / "pip"), "install", "-q", "-r", str(requirements)], check=False)
    python = Path(venv) / "bin" / "python"
    if python.exists() and subprocess.run([str(python), "-c", "import onnx"], capture_output=True).returncode != 0:
        log(f"installing onnx in {venv} (W10 exports its model with torch.onnx)")
        subprocess.run([str(python), "-m", "pip", "install", "-q", "onnx", "onnxscript"], check=False)


def peers_dir():
    return Path(os.environ.get("GRADSTEP_PEERS_DIR", REPO.parent / "shared" / "bench" / "peers"))


def run_ours(quick):
    build = ["swift", "build", "-c", "release", "--product", "gradstep"]
    log(" ".join(build) + "   (W6 starts this binary; do not edit Sources/ while this script runs)")
    built = subprocess.run(build, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                           check=False)
    if built.returncode != 0:
        log(f"the build failed (status {built.returncode}); W6 will fail:\n{built.stdout}")
    cmd = ["swift", "run", "-c", "release", "gradstep-bench", "--json-only"] + (["--quick"] if quick else [])
    log(" ".join(cmd))
    env = {"GRADSTEP_GRAPHS_DIR": str(peers_dir() / "graphs"), **os.environ}
    done = subprocess.run(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, text=True, check=False)
    if done.returncode != 0:
        log(f"gradstep-bench exited with {done.returncode} (failed cases are marked in the table)")
    return json_lines(done.stdout)


def run_torch_w7(venv, n):
    python = Path(venv) / "bin" / "python"
    if not python.exists():
        return {"workload": "W7", "fw": "torch", "n": n, "status": "unavailable",
                "error": f"torch unavailable (no {python})"}
    log(f"w7_torch.py --n {n}")
    done = subprocess.run([str(python), str(SCRIPTS / "w7_torch.py"), "--n", str(n)],
                          stdout=subprocess.PIPE, text=True, check=False)
    lines = json_lines(done.stdout)
    return lines[-1] if lines else {"workload": "W7", "fw": "torch", "n": n, "status": "failed",
                                    "error": f"w7_torch.py exited with {done.returncode}"}


W11_PEERS = ["dezero", "torch", "autograd", "micrograd"]


def run_w11_peers(venv, quick):
    """W11 for the peers: w11_rosenbrock.py per framework (the peers' venv python when there is
    one, else this python), 1,000 iterations when quick, else 10,000; one JSON line each."""
    python = Path(venv) / "bin" / "python"
    python = str(python) if python.exists() else sys.executable
    lines = []
    for fw in W11_PEERS:
        n = 1_000 if quick else 10_000
        log(f"w11_rosenbrock.py {fw} --iterations {n}")
        done = subprocess.run([python, str(SCRIPTS / "w11_rosenbrock.py"), fw, "--iterations", str(n)],
                              stdout=subprocess.PIPE, text=True, check=False)
        found = json_lines(done.stdout)
        lines.append(found[-1] if found else {"workload": "W11", "fw": fw, "status": "failed",
                                              "error": f"w11_rosenbrock.py exited with {done.returncode}"})
    return lines


def machine():
    cpu = "?"
    with open("/proc/cpuinfo") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO,
                            capture_output=True, text=True).stdout.strip()
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True)
    swift = next((l for l in (swift.stdout + swift.stderr).splitlines() if "Swift version" in l), "?")
    return {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "cpu": cpu, "cores": os.cpu_count(), "kernel": platform.release(),
            "commit": commit, "swift": re.sub(r"\s*\(.*", "", swift)}


# ---------------------------------------------------------------- rendering

def find(res, **kw):
    for r in res:
        if all(r.get(k) == v for k, v in kw.items()) and ("reclimit" in kw or r.get("reclimit", 1000) == 1000):
            return r
    return None


def ok(r):
    return r is not None and r.get("status") == "ok"


def why(r):
    if r is None:
        return "not run"
    return r.get("status", "?") + (f" (max N {r['max_ok_n']:,})" if "max_ok_n" in r else "")


def num(x, places=1):
    return f"{x:,.{places}f}"


def speedup(peer, ours):
    if ours <= 0:
        return "∞"
    ratio = peer / ours
    return f"**{ratio:,.1f}×**" if ratio >= 1 else f"{ratio:.2g}× (gradstep {1 / ratio:,.1f}× slower)"


def target(label, value, goal, higher=True, places=1):
    met = value >= goal if higher else value <= goal
    return f"- {label}: {value:,.{places}f}× (target {'≥' if higher else '≤'} {goal:g}×) {'✅ met' if met else '❌ missed'}"


def render(res, info):
    md = [f"Measured {info['date']} on {info['cpu']}, {info['cores']} cores (Linux {info['kernel']}), "
          f"commit `{info['commit']}`, {info['swift']}, peers on {info['peers_python']}. "
          "Written by `Sources/gradstep-bench/Scripts/compare.py` from one run of the peers "
          "(`run_all.sh`) and `gradstep-bench`, back to back; the VM is shared and noisy (±20 % "
          "between runs), so only ratios within this run mean anything. “Speed-up” is the peer's "
          "time over gradstep's (> 1: gradstep is faster)."]
    goals = []

    ours = find(res, workload="W1", fw="gradstep")
    md += ["", "**W1 seed graph** (leaf, Square → Exp → Square, backward, read grad), ns per repetition:", "",
           "| | ns/rep | speed-up of gradstep |", "|---|---:|---:|"]
    if ok(ours):
        md.append(f"| gradstep | {num(ours['ns_per_rep'])} | |")
        closed = find(res, workload="W1", fw="swift-closed-form")
        floor = find(res, workload="W1", fw="swift-object-floor")
        rows = [("Swift closed form 4x·exp(2x²)", closed), ("Swift closed form + 4 objects (floor)", floor)]
        rows += [(fw, find(res, workload="W1", fw=fw)) for fw in W1_PEERS]
        for name, r in rows:
            name = "python (closed form)" if name == "python" else name
            md.append(f"| {name} | {num(r['ns_per_rep'])} | {speedup(r['ns_per_rep'], ours['ns_per_rep'])} |"
                      if ok(r) else f"| {name} | {why(r)} | |")
        for fw, goal in (("dezero", 100), ("torch", 100)):
            r = find(res, workload="W1", fw=fw)
            if ok(r):
                goals.append(target(f"W1 vs {fw}", r["ns_per_rep"] / ours["ns_per_rep"], goal))
        if ok(closed):
            goals.append(target("W1 gradstep ÷ Swift closed form", ours["ns_per_rep"] / closed["ns_per_rep"], 10,
                                higher=False))
            if ok(floor):
                goals.append(f"  - of which the floor: allocating and freeing the seed graph's 4 variables around the "
                             f"closed form alone is {floor['ns_per_rep'] / closed['ns_per_rep']:,.1f}× the closed "
                             f"form; gradstep is {ours['ns_per_rep'] / floor['ns_per_rep']:,.2f}× the floor")
        if ok(floor):
            goals.append(target("W1 gradstep ÷ the object floor", ours["ns_per_rep"] / floor["ns_per_rep"], 1.5,
                                higher=False, places=2))
    else:
        md.append(f"| gradstep | {why(ours)} | |")

    ns = sorted({r["n"] for r in res if r.get("workload") == "W2" and r.get("fw") == "gradstep"})
    md += ["", "**W2 deep chain** (Square/Sqrt alternating), forward / backward: ms, and ns per function; "
           "gradstep's graph release is timed apart (`dealloc`) and not included:", "",
           "| N | gradstep ms | torch ms | gradstep ns/fn | torch ns/fn | speed-up fwd / bwd | gradstep dealloc ms |",
           "|---:|---:|---:|---:|---:|---:|---:|"]
    for n in ns:
        g, t = find(res, workload="W2", fw="gradstep", n=n), find(res, workload="W2", fw="torch", n=n)
        md.append(graph_row(f"{n:,}", g, t, "op"))
        if n == 100_000 and ok(g) and ok(t):
            goals.append(target("W2 vs torch at N=100k, forward", t["forward_ms"] / g["forward_ms"], 20))
            goals.append(target("W2 vs torch at N=100k, backward", t["backward_ms"] / g["backward_ms"], 20))

    md += ["", "**W3 fan-out** (sum of N terms x·x), forward / backward as in W2:", "",
           "| reduce, N | gradstep ms | torch ms | gradstep ns/term | torch ns/term | speed-up fwd / bwd | gradstep dealloc ms |",
           "|---|---:|---:|---:|---:|---:|---:|"]
    lin = []
    for reduce in ("fold", "tree"):
        ns = sorted({r["n"] for r in res if r.get("workload") == "W3" and r.get("fw") == "gradstep"
                     and r.get("reduce") == reduce})
        for n in ns:
            g = find(res, workload="W3", fw="gradstep", n=n, reduce=reduce)
            t = find(res, workload="W3", fw="torch", n=n, reduce=reduce)
            md.append(graph_row(f"{reduce} {n:,}", g, t, "term"))
            if n == ns[-1] and ok(g) and ok(t):
                for phase in ("forward", "backward"):
                    goals.append(target(f"W3 {reduce} vs torch at N={n:,}, {phase}",
                                        t[f"{phase}_ms"] / g[f"{phase}_ms"], 20))
        if len(ns) > 1:
            lin.append(linearity(res, reduce, ns[0], ns[-1]))
    md += ["", "W3 linearity: time per term at the largest N over time per term at the smallest "
           "(1.0 = linear):", "", "| reduce | gradstep fwd / bwd | torch fwd / bwd |", "|---|---:|---:|"] + lin

    md += ["", "**W7 memory**: peak resident memory of the W2 chain (forward + backward) in a child process, "
           "minus an idle child's, per function:", "",
           "| | N | bytes per function | torch ÷ gradstep |", "|---|---:|---:|---:|"]
    torch = find(res, workload="W7", fw="torch")
    for r in [r for r in res if r.get("workload") == "W7" and r.get("fw") == "gradstep"]:
        name = f"gradstep, retainGrad {'true' if r.get('retain_grad') else 'false'}"
        ratio = f"{torch['bytes_per_function'] / r['bytes_per_function']:,.1f}×" if ok(torch) and ok(r) else ""
        md.append(f"| {name} | {r['n']:,} | {num(r['bytes_per_function']) if ok(r) else why(r)} | {ratio} |")
    if torch:
        md.append(f"| torch | {torch['n']:,} | {num(torch['bytes_per_function']) if ok(torch) else torch.get('error', why(torch))} | |")

    md += render_own(res, goals)
    md += render_w8(res, goals)
    md += render_w9(res, goals)
    md += render_w10(res, goals)
    md += render_w11(res, goals)

    failed = [r for r in res if (r.get("fw") == "gradstep" and r.get("status") not in ("ok", "timed out", "memory cap"))
              or (r.get("fw") == "dot" and r.get("status") == "failed")]
    md += ["", "**Targets** (ratios within this run):", ""] + (goals or ["- (no pair to compare)"])
    if failed:
        md += ["", f"**{len(failed)} gradstep case(s) FAILED**: " + "; ".join(
            f"{r['workload']} {r['fw']} {r.get('graph', r.get('program', ''))} {r.get('n', '')} {r.get('error', '')}"
            for r in failed)]
    return "\n".join(md) + "\n"


OWN_SPEC = """\
**Workloads of our own** (W4's gradstep side, W5, W6, W8, W9; `gradstep-bench w4 w5 w6 w8 w9`,
specified in `Sources/gradstep-bench/W4Layout.swift`, `W5StepCost.swift`, `W6StartUp.swift`,
`W8SharedParameters.swift`, `W9Load.swift`):

* **W4, gradstep side.** Read `graphs/{chain,dag}_N.json` (N = 10, 100, 1,000, 5,000; checked
  against `graphs/SHA256SUMS` first, a mismatch fails the case), build a `GraphLayout.LayoutInput`
  with the Visualizer's *compact* box sizes (`GraphScene`, `BoxStyle.compact`): a func box is its
  label + 2 border columns wide and 3 rows high; a var box is max(label, 2 + 6) + 2 columns wide
  (as if its widest value, `d 1.6487`, were 6 characters: the files carry no values) and 5 rows
  high. Lay it out with `layoutGraph` (compact layer gap 2; chains left-to-right and DAGs
  top-to-bottom, as the `.dot` files ask dot). Draw the first frame into a 120×40 `ScreenBuffer`
  as the app's `GraphView` does: the view centred on node 0's box and moved back inside the layout,
  every route whose bounds meet the view (`polyline` with arrowhead), then every box in view
  (cleared, `box`, label). The app itself cannot show these files (a `dag` variable can have
  several producers, which no Autodiff graph has), hence this path. **Time**: the whole process
  `gradstep-bench w4-child FILE` (read + JSON decode + layout + draw + exit), started with
  `posix_spawn` and waited for, exactly as `dot -Tplain FILE.dot` is timed next to it by the same
  code: one warm-up each, then the median of 5 runs (1 run when the warm-up took over 5 s), ours
  and dot's taken in turn so that a change in the machine's load reaches both alike, output to a
  file read after the clock stops. In-process time (decode + layout + draw, same runs) is shown
  too; the difference is process start-up. `dot (run_all)` is the peers' own timing of the same
  command (`w4_layout.py`, Python `subprocess.run`), for reference. **Checks**: one box per node,
  each at least its size, inside the layout, no two of a layer overlapping; every edge routed,
  axis-aligned, from just outside its source box to just outside its target box, to a later layer;
  the crossings recounted from the geometry (rule below) equal `Layout.crossings`; the child's
  box/route/crossing/ink counts equal the in-process ones; the frame is not blank; dot's output
  has every node and edge.
* **Crossings, one rule for both** (`LayeredCrossings.swift`). Ranks: dot's are the distinct node
  centre y values (x for `rankdir=LR`), rounded to 0.001 in; ours are `Layout.layerOf`. A node's
  position is its centre on the other axis. An edge spanning k > 1 ranks gets k − 1 dummies, each
  where the drawn edge first crosses the rank's coordinate along the rank axis, linearly
  interpolated: for dot, the `-Tplain` B-spline flattened to 32 straight pieces per cubic, at the
  rank's node centre line; for us, the route polyline, at the middle of the cells the layer's
  boxes span. Between adjacent ranks, two pieces cross when their ends are in strictly opposite
  order at both ranks (shared ends never cross); the sum over all rank pairs is the count.
* **W5 step cost.** A program is parsed (`Program.parse`), turned into a `Session` and an
  `AppState` (left-to-right) as `gradstep` does, and rendered with one `Screen`. One step =
  `AppState.update(.next)` + `Screen.render` of the whole 120×40 frame, timed alone with
  `ContinuousClock`. After the first frame (which lays out: `first frame`) and 100 untimed steps,
  2,000 steps are timed in two windows of 1,000 consecutive steps: from step 0 and from the end of
  the forward pass; at the last step the cursor goes back to 0 untimed (the seed wraps many times).
  Reported: the median (and 90th percentile) per step. Programs: `seed` (`Assets/Examples/seed.grad`,
  3 functions, 7 steps); `chain` (5,000 functions from x = 0.5: `v1 = square(x)`, `v2 = sqrt(v1)`,
  …, alternating); `dag` (5,000 functions: 50 inputs `v0_i = 0.1 + 0.8·i/50`; 99 layers of 50
  statements `v<l>_<i>` with a = `v<l−1>_<i>`, b = `v<l−1>_<j>`, j ≠ i from a 64-bit LCG with
  seed 42, being `a * b`, `cos(a)`, `a * b`, `tanh(a)` by (l + i) mod 4; then
  `s = v99_0 + … + v99_49` and `y = tanh(s)`). **Checks**: the function count; every step moves
  the cursor by exactly one; every frame's title shows `step k/N` and its graph area is not empty.
* **W6 start-up.** The whole process `.build/release/gradstep --headless` (the built-in seed, one
  80×24 frame printed) next to `dot -Tplain graphs/chain_10.dot`, both via `posix_spawn` with
  output to a file: one untimed warm-up of each, then 21 rounds of gradstep then dot, alternating
  so noise hits both alike; the median of each. **Checks**: exit status 0 for both; gradstep's
  output contains `step 0/7`, dot's is a `-Tplain` document; the binary exists and is newer than
  every source file it is built from (else: stale, the case fails).
* **W8 shared parameters.** Programs generated by `W8Programs.swift`: the recurrence
  `h_t = tanh(w*h_{t-1} + u*x)` unrolled at T = 100, 1,000, 10,000 (inputs `w u x h0`; 4 functions
  a step) and the fan-out sum `x = 0.5`, `y = x + x + … + x` on one line at N = 1,000, 10,000,
  200,000 terms (N − 1 Adds). Each is run as the whole process `.build/release/gradstep --headless
  --keys b FILE` next to a plain chain with the same number of functions (W5's `chain`), and the
  200,000-term sum also with `--json`. Time: wall clock from `posix_spawn` to `waitpid`; peak
  memory: the child's own (`ru_maxrss` when above the bench's peak, else `VmHWM` polled every 1–5
  ms); one run, or the median of three when both first runs took under 10 s, the graph's and the
  chain's taken in turn. Every child runs under a 120 s limit and a 3 GB resident-memory cap and is killed
  (SIGKILL) past either, reported as "timed out" or "memory cap". `dot -Tplain` gets the same graph
  (`W8Programs.dot`: variables and functions as nodes, left to right) with a 60 s limit ("did not
  finish") and the same cap; a signal is reported by name. **Checks**: gradstep exits 0 and shows
  `· done` (`"phase": "done"` in JSON); dot's output has every node and edge.
* **W9 load.** A child process (`gradstep-bench w9-child FILE`) reads a file and runs
  `Program.parse(bytes:)` (parse, shape check, graph and forward pass); its time, and its peak
  resident memory minus an idle child's. Two programs at 1, 4 and 12 MB: a plain chain (as W5's)
  and one input a line (`c0 = 1.0`, `c1 = 1.0`, …, then `y = c0 + c1`), the kind of file that once
  took 16.5 s and 1.1 GB to reach an error. Reported per MB, and the inputs' throughput (MB/s)
  over the chain's at the same size. Then two files past the limits, given to the whole process
  `gradstep --headless`: 3.4 M lines `cN = 1.0` (50 MB, over 32 MiB) and 1.05 M such lines (over
  1,000,000 variables); each must exit 2 naming the limit.
* **W10 your PyTorch model.** The whole process `gradstep mlp_784_1024_10.onnx --headless --keys b`
  (an MLP 784→1024→10 with ReLU, 814,090 parameters, exported by `w10_torch.py --export` with
  torch's TorchScript exporter at opset 17; no `--set`, so the input is filled) to the frame of the
  last step: time (median of 5 after a warm-up) and peak resident memory (the child's own, as in W8). Beside it,
  `w10_torch.py`: a Python process that imports torch, builds the same model and runs forward and
  backward once (median of 5 after a warm-up, `VmHWM`). Targets: faster than that process, and a
  peak under 10× the weights' float32 bytes. **Checks**: gradstep exits 0 and shows `· done`.
* `--quick` (smoke): W4 at N = 10, 100; W5 with 1,000-function programs and 200 steps; W6 with
  5 rounds; W8 at T = 10, 100 and N = 100, 300 (30 s, 1 GB and dot 10 s limits); W9 at 0.25 and 1 MB.
"""


def render_own(res, goals):
    md = ["", OWN_SPEC.rstrip(), "",
          "**W4 layout**: whole process (ms) of gradstep (read JSON, lay out, draw the 120×40 first "
          "frame) and of `dot -Tplain` (layout only), and crossings by the rule above:", "",
          "| graph | gradstep ms | in-process ms | dot ms | dot ms (run_all) | speed-up | crossings gradstep / dot |",
          "|---|---:|---:|---:|---:|---:|---:|"]
    for graph in ("chain", "dag"):
        for n in sorted({r["n"] for r in res if r.get("workload") == "W4" and r.get("fw") == "gradstep"
                         and r.get("graph") == graph}):
            g = find(res, workload="W4", fw="gradstep", graph=graph, n=n)
            d = find(res, workload="W4", fw="dot", graph=graph, n=n)
            p = find(res, workload="W4", tool="dot", graph=graph, n=n)
            cells = [f"{graph}_{n:,}"]
            cells += [num(g["ms"]), num(g["in_process_ms"], 2)] if ok(g) else [why(g), ""]
            cells += [num(d["ms"]) if ok(d) else why(d), num(p["ms"]) if ok(p) else why(p)]
            cells.append(speedup(d["ms"], g["ms"]) if ok(g) and ok(d) else "")
            cells.append(f"{g['crossings']:,} / {d['crossings']:,}" if ok(g) and ok(d)
                         else f"{g['crossings']:,} / –" if ok(g) else "")
            md.append("| " + " | ".join(cells) + " |")
    pairs = [(f"{r['graph']}_{r['n']:,}", r, find(res, workload="W4", fw="dot", graph=r["graph"], n=r["n"]))
             for r in res if r.get("workload") == "W4" and r.get("fw") == "gradstep"]
    pairs = [(name, g, d) for name, g, d in pairs if ok(g) and ok(d)]
    if pairs:
        name, g, d = min(pairs, key=lambda pair: pair[2]["ms"] / pair[1]["ms"])
        goals.append(target(f"W4 vs dot -Tplain at every size, whole process, slowest case ({name})",
                            d["ms"] / g["ms"], 1, places=2))
        worse = [f"{name} ({g['crossings']:,} > {d['crossings']:,})" for name, g, d in pairs
                 if g["crossings"] > d["crossings"]]
        goals.append(f"- W4 crossings at every size: no more than dot's in {len(pairs) - len(worse)} of "
                     f"{len(pairs)} graphs{': more in ' + ', '.join(worse) if worse else ''} "
                     f"(target: all) {'❌ missed' if worse else '✅ met'}")
    g = find(res, workload="W4", fw="gradstep", graph="dag", n=5000)
    d = find(res, workload="W4", fw="dot", graph="dag", n=5000)
    if ok(g) and ok(d):
        goals.append(target("W4 dag_5000 vs dot -Tplain, whole process", d["ms"] / g["ms"], 50))
        met = g["crossings"] <= d["crossings"]
        goals.append(f"- W4 dag_5000 crossings: gradstep {g['crossings']:,}, dot {d['crossings']:,} "
                     f"(target: no more than dot) {'✅ met' if met else '❌ missed'}")

    md += ["", "**W5 step cost**: one step (`update(.next)` + `Screen.render` at 120×40), median over the "
           "timed steps:", "",
           "| program | functions | steps | µs per step | p90 µs | ÷ seed | first frame ms |",
           "|---|---:|---:|---:|---:|---:|---:|"]
    seed = find(res, workload="W5", fw="gradstep", program="seed")
    for r in [r for r in res if r.get("workload") == "W5" and r.get("fw") == "gradstep"]:
        name = r["program"]
        if not ok(r):
            md.append(f"| {name} | {r.get('functions', '')} | {why(r)} | | | | |")
            continue
        ratio = r["step_us"] / seed["step_us"] if ok(seed) else None
        md.append(f"| {name} | {r['functions']:,} | {r['steps']:,} | {num(r['step_us'], 1)} | {num(r['p90_us'], 1)} "
                  f"| {f'{ratio:.2f}×' if ratio else ''} | {num(r['first_frame_ms'], 1)} |")
        if name != "seed" and ratio:
            goals.append(target(f"W5 {name} of {r['functions']:,} functions ÷ seed, per step", ratio, 3,
                                higher=False, places=2))

    md += ["", "**W5 edit cost** (issue 11): at the last step, the first input given a new value with the "
           "value editor: the recompute (forward replayed, a new timeline and backward pass) and the frame "
           "after it (120×40, with the new gradient check), median of 5 runs:", "",
           "| program | functions | ms per edit | recompute ms | frame ms | ÷ seed |",
           "|---|---:|---:|---:|---:|---:|"]
    for r in [r for r in res if r.get("workload") == "W5edit" and r.get("fw") == "gradstep"]:
        if not ok(r):
            md.append(f"| {r['program']} | {r.get('functions', '')} | {why(r)} | | | |")
            continue
        ratio = r.get("ratio_to_seed")
        md.append(f"| {r['program']} | {r['functions']:,} | {num(r['edit_ms'], 2)} | {num(r['recompute_ms'], 2)} "
                  f"| {num(r['frame_ms'], 2)} | {f'{ratio}×' if ratio else ''} |")
        if r["program"] != "seed":
            met = r["edit_ms"] < 1000
            goals.append(f"- W5 edit of {r['program']} ({r['functions']:,} functions): {num(r['edit_ms'], 1)} ms "
                         f"(target: well under a second) {'✅ met' if met else '❌ missed'}")

    md += ["", "**W6 start-up**: whole process, median of the alternating runs:", "",
           "| command | ms | min ms | ÷ dot |", "|---|---:|---:|---:|"]
    g, d = find(res, workload="W6", fw="gradstep"), find(res, workload="W6", fw="dot")
    for name, r in (("`gradstep --headless` (seed)", g), ("`dot -Tplain chain_10.dot`", d)):
        ratio = f"{r['ms'] / d['ms']:.2f}×" if ok(r) and ok(d) else ""
        md.append(f"| {name} | {num(r['ms'], 2)} | {num(r['min_ms'], 2)} | {ratio} |" if ok(r)
                  else f"| {name} | {why(r)} | | |")
    if ok(g) and ok(d):
        goals.append(target("W6 gradstep start-up ÷ dot's", g["ms"] / d["ms"], 1, higher=False, places=2))
    return md


def render_w8(res, goals):
    md = ["", "**W8 shared parameters**: whole process `gradstep --headless --keys b` (time, peak memory) beside a "
          "plain chain with the same number of functions, and `dot -Tplain` on the same graph:", "",
          "| graph | functions | gradstep ms | peak MB | chain ms | chain peak MB | time ÷ chain | memory ÷ chain "
          "| dot -Tplain |", "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    rows = [r for r in res if r.get("workload") == "W8" and r.get("fw") == "gradstep"]
    for r in rows:
        graph = "recurrence T" if r["graph"] == "recurrence" else "fan-out N"
        name = f"{graph} = {r['n']:,}" + (" `--json`" if r.get("mode") == "json" else "")
        d = find(res, workload="W8", fw="dot", graph=r["graph"], n=r["n"]) if r.get("mode") != "json" else None
        dot = "" if r.get("mode") == "json" else (
            "not run" if d is None else f"{num(d['ms'])} ms" if ok(d)
            else f"{d['status']} ({num(d['ms'] / 1e3)} s)" if "ms" in d else d["status"])
        if "ms" not in r:
            md.append(f"| {name} | {r['functions']:,} | {why(r)}: {r.get('error', '')} | | | | | | {dot} |")
            continue
        mine = num(r["ms"]) if ok(r) else f"{r['status']} at {num(r['ms'] / 1e3)} s"
        ratios = [f"{r['time_ratio']:.2f}×", f"{r['memory_ratio']:.2f}×"] if ok(r) else ["", ""]
        md.append(f"| {name} | {r['functions']:,} | {mine} | {num(r['peak_mb'])} | {num(r['chain_ms'])} "
                  f"| {num(r['chain_peak_mb'])} | {ratios[0]} | {ratios[1]} | {dot} |")
        label = f"W8 {name} ÷ chain"
        if ok(r):
            goals.append(target(f"{label}, time", r["time_ratio"], 2, higher=False, places=2))
            goals.append(target(f"{label}, memory", r["memory_ratio"], 2, higher=False, places=2))
        else:
            goals.append(f"- {label}: {r['status']} (target ≤ 2×) ❌ missed")
        if r["n"] == 200_000 and r["graph"] == "fanout":
            met = ok(r) and r["ms"] < 10_000 and r["peak_mb"] < 1_000
            goals.append(f"- W8 {name}: {num(r['ms'] / 1e3, 2)} s, {num(r['peak_mb'])} MB "
                         f"(target < 10 s and < 1 GB) {'✅ met' if met else '❌ missed'}")
    return md


def render_w9(res, goals):
    md = ["", "**W9 load**: `Program.parse(bytes:)` of a file in a child process (parse, check, build, forward), "
          "per MB of source; the inputs' throughput over the chain's at the same size:", "",
          "| program | MB | ms | ms per MB | MB/s | peak MB | peak bytes per source byte | throughput ÷ chain |",
          "|---|---:|---:|---:|---:|---:|---:|---:|"]
    loads = [r for r in res if r.get("workload") == "W9" and r.get("program") in ("chain", "inputs")]
    for r in loads:
        if not ok(r):
            md.append(f"| {r['program']} | | {why(r)} | | | | | |")
            continue
        ratio = f"{r['throughput_vs_chain']:.2f}×" if "throughput_vs_chain" in r else ""
        md.append(f"| {r['program']} ({r['variables']:,} variables) | {num(r['bytes'] / 1e6, 2)} | {num(r['ms'])} "
                  f"| {num(r['ms_per_mb'])} | {num(r['mb_per_s'], 2)} | {num(r['peak_mb'])} "
                  f"| {num(r['peak_per_source_byte'])} | {ratio} |")
    inputs = [r for r in loads if r["program"] == "inputs" and ok(r)]
    if inputs:
        worst = min(r["throughput_vs_chain"] for r in inputs)
        goals.append(target("W9 one-input-a-line throughput ÷ chain's, worst size", worst, 0.5, places=2))
        growth = inputs[-1]["ms_per_mb"] / inputs[0]["ms_per_mb"]
        goals.append(target(f"W9 inputs ms per MB at {num(inputs[-1]['bytes'] / 1e6)} MB ÷ at "
                            f"{num(inputs[0]['bytes'] / 1e6, 2)} MB (linearity)", growth, 1.5, higher=False, places=2))
    refusals = [r for r in res if r.get("workload") == "W9" and r.get("program") == "refused"]
    if refusals:
        md += ["", "Past the limits, the whole process `gradstep --headless FILE`:", "",
               "| file | MB | exit 2 after ms | peak MB | message |", "|---|---:|---:|---:|---|"]
        for r in refusals:
            name = f"{r['lines']:,} lines `cN = 1.0`"
            if not ok(r):
                md.append(f"| {name} | | {why(r)}: {r.get('error', '')} | | |")
                continue
            message = r["message"].split(": error: ", 1)[-1].split(" | ")[0].split("': ", 1)[-1]
            md.append(f"| {name} | {num(r['bytes'] / 1e6)} | {num(r['ms'])} | {num(r['peak_mb'])} | {message} |")
    return md


def render_w10(res, goals):
    md = ["", "**W10 your PyTorch model**: MLP 784→1024→10 (814,090 parameters), whole process from start to "
          "the last step's frame, beside a Python process that imports torch and runs forward and backward once:",
          "", "| command | ms | min ms | peak MB | peak ÷ float32 weights |", "|---|---:|---:|---:|---:|"]
    g, t = find(res, workload="W10", fw="gradstep"), find(res, workload="W10", fw="torch")
    weights = 814_090 * 4
    for name, r in (("`gradstep mlp_784_1024_10.onnx --headless --keys b`", g), ("`python w10_torch.py` child", t)):
        if r is None or not ok(r):
            md.append(f"| {name} | {why(r) if r else 'not run'}: {(r or {}).get('error', '')} | | | |")
            continue
        md.append(f"| {name} | {num(r['ms'])} | {num(r['min_ms'])} | {num(r['peak_bytes'] / 1e6)} "
                  f"| {r['peak_bytes'] / weights:.1f}× |")
    if g and ok(g) and t and ok(t):
        goals.append(target("W10 torch process time ÷ gradstep's", t["ms"] / g["ms"], 1, places=2))
        goals.append(target("W10 gradstep peak ÷ float32 weights", g["peak_bytes"] / weights, 10, higher=False))
    return md


def torch_python(venv):
    """The venv's python when there is one, else this interpreter (which may have torch)."""
    python = Path(venv) / "bin" / "python"
    return python if python.exists() else Path(sys.executable)


def export_w10_model(venv):
    """Writes the W10 model with torch where gradstep-bench w10 looks for it, unless it is there."""
    model = REPO / ".build" / "bench-w10" / "mlp_784_1024_10.onnx"
    if model.exists():
        return
    model.parent.mkdir(parents=True, exist_ok=True)
    log(f"w10_torch.py --export {model}")
    done = subprocess.run([str(torch_python(venv)), str(SCRIPTS / "w10_torch.py"), "--export", str(model)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        log(f"w10_torch.py --export failed ({done.returncode}): {last}; W10's gradstep side will be unavailable")


def run_torch_w10(venv, quick):
    log("w10_torch.py")
    done = subprocess.run([str(torch_python(venv)), str(SCRIPTS / "w10_torch.py"), "--runs", "1" if quick else "5"],
                          stdout=subprocess.PIPE, text=True, check=False)
    lines = json_lines(done.stdout)
    return lines[-1] if lines else {"workload": "W10", "fw": "torch", "status": "failed",
                                    "error": f"w10_torch.py exited with {done.returncode}"}


def graph_row(name, g, t, unit):
    if not ok(g):
        return f"| {name} | {why(g)} | | | | | |"
    gms = f"{num(g['forward_ms'], 2)} / {num(g['backward_ms'], 2)}"
    gns = f"{num(g[f'forward_ns_per_{unit}'])} / {num(g[f'backward_ns_per_{unit}'])}"
    if not ok(t):
        return f"| {name} | {gms} | {why(t)} | {gns} | | | {num(g['dealloc_ms'], 2)} |"
    tms = f"{num(t['forward_ms'], 2)} / {num(t['backward_ms'], 2)}"
    tns = f"{num(t[f'forward_ns_per_{unit}'])} / {num(t[f'backward_ns_per_{unit}'])}"
    up = f"{speedup(t['forward_ms'], g['forward_ms'])} / {speedup(t['backward_ms'], g['backward_ms'])}"
    return f"| {name} | {gms} | {tms} | {gns} | {tns} | {up} | {num(g['dealloc_ms'], 2)} |"


def linearity(res, reduce, small, large):
    cells = []
    for fw in ("gradstep", "torch"):
        a = find(res, workload="W3", fw=fw, n=small, reduce=reduce)
        b = find(res, workload="W3", fw=fw, n=large, reduce=reduce)
        if ok(a) and ok(b):
            cells.append(" / ".join(f"{b[f'{p}_ns_per_term'] / a[f'{p}_ns_per_term']:.2f}"
                                    for p in ("forward", "backward")))
        else:
            cells.append(why(b if ok(a) else a))
    return f"| {reduce}, N={large:,} vs {small:,} | {cells[0]} | {cells[1]} |"


def write_readme(section):
    readme = REPO / "README.md"
    text = readme.read_text()
    if START not in text or END not in text:
        sys.exit(f"compare: README.md has no {START} … {END} markers")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    readme.write_text(f"{head}{START}\n{section}{END}{tail}")
    log("README.md updated")


def render_w11(res, goals):
    ours = find(res, workload="W11", fw="gradstep")
    md = ["", "**W11 optimisation loop**: DeZero step 28, gradient descent on the Rosenbrock function "
          "(x0 = 0, x1 = 2, lr = 0.001), per iteration (forward, clear the gradients, backward, update). "
          "gradstep: the whole process `gradstep --headless --keys '}' rosenbrock.grad` with `repeat N` "
          "minus the same with `repeat 1000`, over N − 1,000 (`W11Rosenbrock.swift`); the peers: the same "
          "loop in Python (`w11_rosenbrock.py`), timed in-process. x0 after 1,000 iterations checks that "
          "every loop computes the same thing:", "",
          "| | iterations | µs per iteration | speed-up of gradstep | x0 after 1,000 |", "|---|---:|---:|---:|---:|"]
    if not ok(ours):
        return md + [f"| gradstep | | {why(ours)} {ours.get('error', '') if ours else ''} | | |"]
    md.append(f"| gradstep | {ours['iterations']:,} | {ours['ns_per_iteration'] / 1e3:,.3f} | | {ours['x0_1000']!r} |")
    for fw in W11_PEERS:
        r = find(res, workload="W11", fw=fw)
        if not ok(r):
            md.append(f"| {fw} | | {why(r)} | | |")
            continue
        x0 = r.get("x0_1000", r["x0"] if r["iterations"] == 1000 else None)
        md.append(f"| {fw} | {r['iterations']:,} | {r['ns_per_iteration'] / 1e3:,.1f} | "
                  f"{speedup(r['ns_per_iteration'], ours['ns_per_iteration'])} | {x0!r} |")
        if fw in ("dezero", "torch"):
            goals.append(target(f"W11 vs {fw}, per iteration", r["ns_per_iteration"] / ours["ns_per_iteration"], 50))
    md += ["", f"gradstep's {ours['iterations']:,}-iteration process: {ours['process_ms']:,.0f} ms, peak "
           f"{ours['peak_mb']:,.1f} MB resident (target: seconds, under 500 MB)."]
    met = ours["peak_mb"] < 500 and ours["process_ms"] < 10_000
    goals.append(f"- W11 {ours['iterations']:,} iterations: {ours['process_ms'] / 1e3:,.1f} s, {ours['peak_mb']:,.0f} MB "
                 f"(target: seconds and < 500 MB) {'✅ met' if met else '❌ missed'}")
    return md


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true")
    p.add_argument("--no-readme", action="store_true")
    p.add_argument("--from", dest="source", type=Path)
    a = p.parse_args()
    if a.source:
        saved = json.loads((a.source / "compare.json").read_text())
        res, info = saved["results"], saved["machine"]
    else:
        venv = Path(os.environ.get("PEERS_VENV", Path.home() / ".cache" / "gradstep-peers"))
        ensure_tools(venv)
        info = machine()
        out = REPO / ".build" / "bench-compare" / datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        out.mkdir(parents=True)
        export_w10_model(venv)
        ours = run_ours(a.quick)
        peers, info["peers_python"] = run_peers(out, a.quick, venv)
        torch = run_torch_w7(venv, max((r["n"] for r in ours if r.get("workload") == "W7"), default=1_000_000))
        res = peers + ours + [torch, run_torch_w10(venv, a.quick)] + run_w11_peers(venv, a.quick)
        (out / "compare.json").write_text(json.dumps({"machine": info, "results": res}, indent=1) + "\n")
        log(f"raw lines in {out}/compare.json")
    section = render(res, info)
    if a.no_readme:
        print(section)
    else:
        write_readme(section)


if __name__ == "__main__":
    main()
