#!/usr/bin/env python3
"""run.py: time gradc itself on large generated inputs (gen_large.py).

For each case it generates the source, runs gradc on it --repeat times and
keeps the smallest wall time, CPU time (user + system) and peak RSS of the
runs (from the child's own rusage, as /usr/bin/time -v reports them; on a
shared machine the CPU time is the steadier figure), counts the header's
lines and bytes, and times g++ -O2 -c on the source alone and on the source
followed by its header and a pointer to each generated function, which makes
g++ generate their code, as a program calling them would. A benchmark,
not a test: it prints a table and checks nothing but success.

    bench/scale/run.py --gradc build/bin/gradc --out /tmp/scale \\
        --case straight:1000,4000,16000 --case chain:8000 --repeat 3

--smoke runs one small case with g++ and fails if anything fails (ctest).
"""
import argparse
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_CASES = ["straight:1000,4000,16000,100000", "many:200", "loops:100",
                 "chain:8000", "relay:2000"]


def timed(cmd, timeout=None):
    """Runs cmd; returns (wall s, CPU s, peak RSS in MB, exit status)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = None if timeout is None else start + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if deadline and time.monotonic() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            return None, None, None, "timeout"
        time.sleep(0.01)
    elapsed = time.monotonic() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    rc = os.waitstatus_to_exitcode(status)
    if rc != 0:
        sys.stderr.write(err)
    cpu = usage.ru_utime + usage.ru_stime
    return elapsed, cpu, usage.ru_maxrss / 1024.0, rc


def best(cmd, repeat, timeout):
    runs = []
    for _ in range(repeat):
        run = timed(cmd, timeout)
        if run[3] != 0:
            return None, None, None, run[3]
        runs.append(run)
    return min(r[0] for r in runs), min(r[1] for r in runs), min(r[2] for r in runs), 0


def run_case(args, shape, n):
    stem = os.path.join(args.out, "%s_%d" % (shape, n))
    src, hdr = stem + ".cpp", stem + ".grad.h"
    subprocess.run([sys.executable, os.path.join(HERE, "gen_large.py"), shape,
                    "-n", str(n), "--seed", str(args.seed), "-o", src], check=True)
    with open(src) as f:
        src_lines = sum(1 for _ in f)
    t, cpu, rss, rc = best([args.gradc, src, "-o", hdr], args.repeat, args.timeout)
    row = {"case": "%s %d" % (shape, n), "src_lines": src_lines, "gradc_s": t,
           "gradc_cpu": cpu, "rss_mb": rss, "rc": rc}
    if rc != 0:
        return row
    with open(hdr, "rb") as f:
        data = f.read()
    row["hdr_lines"] = data.count(b"\n")
    row["hdr_bytes"] = len(data)
    if args.gxx_max is not None and src_lines > args.gxx_max:
        return row
    both = stem + ".both.cpp"
    names = re.findall(rb"^inline [^(]*?\b(\w+)\(", data, re.M)
    with open(both, "w") as f:
        f.write('#include "%s"\n#include "%s"\n' % (os.path.basename(src),
                                                    os.path.basename(hdr)))
        for i, name in enumerate(names):
            f.write("auto *gradc_keep_%d = &%s;\n" % (i, name.decode()))
    gxx = ["g++", "-std=c++17", "-O2", "-c",
           "-I" + os.path.join(ROOT, "include"), "-o", os.devnull]
    _, row["gxx_src_s"], _, rc1 = best(gxx + [src], args.gxx_repeat, args.timeout)
    _, row["gxx_both_s"], _, rc2 = best(gxx + [both], args.gxx_repeat, args.timeout)
    row["rc"] = rc1 or rc2
    return row


def fmt(v, spec):
    return "" if v is None else format(v, spec)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gradc", default=os.path.join(ROOT, "build", "bin", "gradc"))
    ap.add_argument("--out", default="/tmp/gradc-scale")
    ap.add_argument("--case", action="append",
                    help="shape:n1,n2,... (default: %s)" % " ".join(DEFAULT_CASES))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3, help="gradc runs per case (min kept)")
    ap.add_argument("--gxx-repeat", type=int, default=1)
    ap.add_argument("--gxx-max", type=int, default=20000,
                    help="skip g++ on sources longer than this many lines")
    ap.add_argument("--timeout", type=float, default=None, help="seconds per run")
    ap.add_argument("--smoke", action="store_true",
                    help="one small case, g++ included; exit 1 on any failure")
    args = ap.parse_args()
    cases = args.case or DEFAULT_CASES
    if args.smoke:
        cases, args.repeat, args.gxx_max = ["straight:200", "loops:10"], 1, None
    os.makedirs(args.out, exist_ok=True)
    print("| case | source lines | gradc wall s | gradc CPU s | peak MB | header lines "
          "| header KB | g++ source CPU s | g++ source+header CPU s |")
    print("|---|---|---|---|---|---|---|---|---|")
    failed = False
    for spec in cases:
        shape, sizes = spec.split(":")
        for n in sizes.split(","):
            r = run_case(args, shape, int(n))
            failed |= r["rc"] != 0
            print("| %s | %d | %s | %s | %s | %s | %s | %s | %s |%s" % (
                r["case"], r["src_lines"], fmt(r["gradc_s"], ".2f"),
                fmt(r["gradc_cpu"], ".2f"),
                fmt(r["rss_mb"], ".0f"), r.get("hdr_lines", ""),
                fmt(r.get("hdr_bytes") and r["hdr_bytes"] / 1024, ".0f"),
                fmt(r.get("gxx_src_s"), ".2f"), fmt(r.get("gxx_both_s"), ".2f"),
                "" if r["rc"] == 0 else " failed: %s" % r["rc"]), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
