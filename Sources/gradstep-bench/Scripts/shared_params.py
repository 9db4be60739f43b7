#!/usr/bin/env python3
"""Writes the programs of issue #10 ("shared parameters") to a directory, for timing by hand or by W8.

    python3 Sources/gradstep-bench/Scripts/shared_params.py OUT_DIR [--steps 100,1000] [--terms 1000]

For each recurrence length T and each fan-out size N it writes the program and a plain chain with
the same number of functions:

* `rnn_T.grad`: `w = 0.5`, `u = 0.8`, `x = 1`, `h0 = 0`, then `h<t> = tanh(w*h<t-1> + u*x)` for
  t = 1..T (4 functions a step: two Mul, an Add, a Tanh; `w`, `u`, `x` are used at every step).
* `sum_N.grad`: `x = 0.5` and `y = x + x + … + x` with N terms on one line (N - 1 Adds).
* `chain_F.grad`: `x = 0.5`, then `v1 = sin(x)`, `v2 = sin(v1)`, …, F functions, one a statement.
"""
import argparse
import pathlib


def recurrence(steps):
    lines = ["# h_t = tanh(w*h_{t-1} + u*x), T = %d" % steps, "w = 0.5", "u = 0.8", "x = 1", "h0 = 0"]
    lines += ["h%d = tanh(w*h%d + u*x)" % (t, t - 1) for t in range(1, steps + 1)]
    return "\n".join(lines) + "\n"


def fan_out_sum(terms):
    return "x = 0.5\ny = " + " + ".join(["x"] * terms) + "\n"


def chain(functions):
    lines = ["x = 0.5"] + ["v%d = sin(%s)" % (i, "x" if i == 1 else "v%d" % (i - 1)) for i in range(1, functions + 1)]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--steps", default="100,1000,10000", help="recurrence lengths T")
    parser.add_argument("--terms", default="1000,10000,200000", help="fan-out sizes N")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for steps in map(int, args.steps.split(",")):
        (args.out / ("rnn_%d.grad" % steps)).write_text(recurrence(steps))
        (args.out / ("chain_%d.grad" % (4 * steps))).write_text(chain(4 * steps))
    for terms in map(int, args.terms.split(",")):
        (args.out / ("sum_%d.grad" % terms)).write_text(fan_out_sum(terms))
        (args.out / ("chain_%d.grad" % (terms - 1))).write_text(chain(terms - 1))


if __name__ == "__main__":
    main()
