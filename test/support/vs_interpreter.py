#!/usr/bin/env python3
"""vs_interpreter.py GRADC SOURCE < OUTPUT

Holds the compiled generated code to gradc's interpreter. OUTPUT is what a
test program printed through gradc_check.h ("name: at ...", "name: f = ...",
"name: d[i] = ..."). For every checked function whose parameters are all
given (all wrt), reruns the point with `gradc SOURCE --function name --at`
and requires the very same value and gradient. Fails when a number differs,
or when no function could be checked at all."""
import re
import subprocess
import sys

gradc, source = sys.argv[1], sys.argv[2]
runs = []  # (name, point, f, grads)
for line in sys.stdin:
    m = re.match(r"(\w+): at(.*)$", line)
    if m:
        runs.append([m.group(1), m.group(2).split(), None, []])
        continue
    m = re.match(r"(\w+): f = (\S+)", line)
    if m and runs and runs[-1][0] == m.group(1):
        runs[-1][2] = float(m.group(2))
        continue
    m = re.match(r"(\w+): d\[\d+\] = (\S+)", line)
    if m and runs and runs[-1][0] == m.group(1):
        runs[-1][3].append(float(m.group(2)))

ir = subprocess.run([gradc, source, "--emit=ir", "-o", "-"], check=True,
                    capture_output=True, text=True).stdout
params = {m.group(1): re.findall(r"%(\w+):", m.group(2))
          for m in re.finditer(r"^func @(\w+)\((.*)\)", ir, re.M)}

checked, failures = 0, 0
for name, point, f, grads in runs:
    names = params.get(name)
    if names is None or len(names) != len(point) or len(grads) != len(point):
        continue  # passive parameters: the harness does not know their values
    at = ",".join("%s=%s" % (n, v) for n, v in zip(names, point))
    out = subprocess.run([gradc, source, "--function", name, "--at", at],
                         check=True, capture_output=True, text=True).stdout
    value = float(re.search(r"\) = (\S+)", out).group(1))
    table = {m.group(1): float(m.group(2)) for m in
             re.finditer(r"^param\s+(\w+)\s+\S+\s+(\S+)$", out, re.M)}
    got = [table[n] for n in names]
    if value != f or got != grads:
        failures += 1
        print("MISMATCH %s at %s: compiled f=%r d=%r, interpreter f=%r d=%r"
              % (name, at, f, grads, value, got))
    checked += 1
print("%d checked against the interpreter, %d mismatches" % (checked, failures))
sys.exit(1 if failures or checked == 0 else 0)
