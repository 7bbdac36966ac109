#!/usr/bin/env python3
"""vs_interpreter.py GRADC SOURCE < OUTPUT

Holds the compiled generated code to gradc's interpreter. OUTPUT is what a
test program printed through gradc_check.h:

- GRADC_CHECK_*: "name: at 3 -4", "name: f = ...", "name: d[i] = ...", one
  number per parameter, in order. Rerun when every parameter is given (all
  of them wrt).
- check_arrays: "name: at w=[2,-3],b=[0.5],n=[3]", "name: f = ...",
  "name: d(w[0]) = ...". Every parameter is named; scalars are written as
  one-element lists, which are unwrapped here for the parameters whose IR
  type is not a pointer. The seeds of out arrays may be named too
  ("dD=[1,0,0,2]" for an out array D), as `gradc --at` takes them; then
  f is the seed-weighted sum of the outputs, sum of dD[i] * D[i] in order.

Reruns every point with `gradc SOURCE --at-batch FILE` (as `--function
name --at ...` each, in one process) and requires the very same value and
gradient, up to 4 units in the last place of the gradient's largest entry
(the "param" rows of the table; for a function returning void, the value
of its one "out" row). Fails when a number
differs, when gradc refuses a point, or when no function was checked."""
import os
import re
import subprocess
import sys
import tempfile

gradc, source = sys.argv[1], sys.argv[2]
runs = []  # [name, point, f, grads]; grads: [(row name or None, value)]
for line in sys.stdin:
    m = re.match(r"([\w<>:]+): at(.*)$", line)
    if m:
        runs.append([m.group(1), m.group(2).strip(), None, []])
        continue
    m = re.match(r"([\w<>:]+): f = (\S+)", line)
    if m and runs and runs[-1][0] == m.group(1):
        runs[-1][2] = float(m.group(2))
        continue
    m = re.match(r"([\w<>:]+): d\[\d+\] = (\S+)", line)
    if m and runs and runs[-1][0] == m.group(1):
        runs[-1][3].append((None, float(m.group(2))))
        continue
    m = re.match(r"([\w<>:]+): d\(([\w.]+)\[(\d+)\]\) = (\S+)", line)
    if m and runs and runs[-1][0] == m.group(1):
        runs[-1][3].append(((m.group(2), int(m.group(3))),
                            float(m.group(4))))

ir = subprocess.run([gradc, source, "--emit=ir", "-o", "-"], check=True,
                    capture_output=True, text=True).stdout
# (Functions of one name in several namespaces: each one's parameters.)
params = {}
for m in re.finditer(r"^func @([\w<>]+)\((.*)\)", ir, re.M):
    params.setdefault(m.group(1), []).append(
        re.findall(r"%([\w.]+): ([^,]+)", m.group(2)))


def named_point(point, types):
    """"w=[1,2],n=[3]" -> the --at text, scalars unwrapped."""
    # (A std::vector of std::vector is given as rows: X=[[1,2],[3,4]].)
    items = re.findall(r"([\w.]+)=\[((?:[^\[\]]|\[[^\]]*\])*)\]", point)

    def is_array(n):  # a pointer parameter, or the seed dD of one
        return types.get(n, types.get(n[1:], "") if n.startswith("d")
                         else "").startswith("ptr")
    return ",".join("%s=[%s]" % (n, v) if is_array(n)
                    else "%s=%s" % (n, v) for n, v in items)


# Every point is rerun by one gradc process (--at-batch: one parse).
jobs = []  # (name, at, f, rows, grads)
for name, point, f, grads in runs:
    # (`a::f`, a function of a namespace: the IR names it f.)
    plists = params.get(name, params.get(name.split("::")[-1], []))
    if "=" not in point:
        plists = [p for p in plists if len(p) == len(point.split())] or plists
    if not plists:
        continue
    plist = plists[0]
    types = dict(plist)
    names = [n for n, _ in plist]
    if "=" in point:
        at = named_point(point, types)
        rows = [k for k, _ in grads]
    else:
        values = point.split()
        if len(names) != len(values) or len(grads) != len(values):
            continue  # passive parameters: the harness does not know them
        at = ",".join("%s=%s" % nv for nv in zip(names, values))
        rows = [(n, 0) for n in names]
    jobs.append((name, at, f, rows, grads, types))

outputs = []
if jobs:
    with tempfile.NamedTemporaryFile("w", suffix=".at", delete=False) as batch:
        batch.write("".join("%s %s\n" % (name, at)
                            for name, at, _, _, _, _ in jobs))
    try:
        run = subprocess.run([gradc, source, "--at-batch", batch.name],
                             capture_output=True, text=True)
    finally:
        os.unlink(batch.name)
    outputs = re.split(r"^=== .*\n", run.stdout, flags=re.M)[1:]
    if len(outputs) != len(jobs):
        print("gradc --at-batch answered %d of %d points: %s"
              % (len(outputs), len(jobs), run.stderr.strip()))
        sys.exit(1)

def same(got, want):
    """The very same numbers, up to 4 units in the last place of the largest:
    when one adjoint is passed twice by reference (`h(x, x)`), compiled code
    adds into it as each pullback runs, the interpreter adds its copies when
    the call returns, in another order."""
    if len(got) != len(want) or None in got:
        return False
    tol = 4 * 2.0 ** -52 * max([abs(w) for w in want] + [0.0])
    return all(abs(g - w) <= tol for g, w in zip(got, want))


checked, failures = 0, 0
for (name, at, f, rows, grads, types), out in zip(jobs, outputs):
    if out.startswith("error: "):
        failures += 1
        print("REFUSED %s at %s: %s" % (name, at, out[7:].strip()))
        continue
    m = re.search(r"^\S+\(.*\) = (\S+)$", out, re.M)
    outs = re.findall(r"^out\s+\S+\s+(\S+)\s+(\S+)$", out, re.M)
    value = float(m.group(1)) if m else None
    if not m and len(outs) == 1:
        value = float(outs[0][0])
    elif not m and outs:
        value = 0.0  # several outputs: weighted by their seeds
        for v, seed in outs:
            value += float(seed) * float(v)
    # Each parameter's rows in order (`w[1]`, `cam.r[0]`, `cams[1].f`): the
    # k-th is element k as the harness counts them. A passive element (an
    # int member of a struct) has no gradient: 0 in compiled code.
    table = {}
    for m in re.finditer(r"^param\s+(\S+)\s+\S+\s+(\S+)$", out, re.M):
        grad = 0.0 if m.group(2) == "(passive)" else float(m.group(2))
        # (`L.W[0]`: a member of a struct holding vectors is a parameter.)
        key = re.match(r"[\w.]+", m.group(1)).group(0)
        if key not in types:
            key = re.match(r"\w+", key).group(0)
        table.setdefault(key, []).append(grad)
    got = [table[n][i] if i < len(table.get(n, [])) else None
           for n, i in rows]
    want = [g for _, g in grads]
    if value != f or not same(got, want):
        failures += 1
        print("MISMATCH %s at %s: compiled f=%r d=%r, interpreter f=%r d=%r"
              % (name, at, f, want, value, got))
    checked += 1
print("%d checked against the interpreter, %d mismatches" % (checked, failures))
sys.exit(1 if failures or checked == 0 else 0)
