#!/usr/bin/env python3
"""run.py: gradc's random differential tester.

For each seed of a range, generates a file of --per-file functions
(gen.py), runs gradc on it, compiles the generated header and the harness
with sanitizers, runs it (every gradient against central finite
differences, through test/support/gradc_check.h) and holds the compiled
gradients to gradc's interpreter (test/support/vs_interpreter.py, which
runs `gradc --function f --at ...`). Each function's outcome is one of:

  ok         the gradient agrees with finite differences and the interpreter
  skipped    no candidate point was far enough from every branch threshold
             (counted apart: neither passed nor failed)
  refused    gradc exited 1 with a diagnostic (the generator only writes
             supported code, so this is a failure of its own kind)
  internal   gradc reported an internal error, or crashed
  header     the generated header does not compile, or warns (-Wall -Wextra
             warnings located in the generated header: lit tests compile
             with -Werror, so the generated code must be clean; warnings in
             the generated source itself are not gradc's and are ignored)
  sanitizer  AddressSanitizer / UBSan stopped the harness
  wrong      a gradient disagrees with finite differences (or is overwritten
             instead of added into, or the pullback does not scale by dout)
  interp     the compiled gradient differs from `gradc --at` (beyond 1e-9
             relative: g++ -O1 folds pow(x, 2.0) into x * x, which changes
             the last bits), or --at refused the point
  timeout    a step ran longer than --timeout
  harness    the generated source itself does not compile (a generator bug)

When a batch fails as a whole (gradc, the compiler or the harness stopped),
each function is run alone to find the culprits. A failing function is then
reduced (statements deleted, ifs replaced by a branch, expressions by an
operand or 1.0, unused parameters dropped) while its failure keeps its kind
(and its message, for refused / internal / header), and kept in --keep DIR
with a note of how to rerun it.

    run.py --seeds 0:20 --per-file 10 --jobs 2 --keep failures
"""
import argparse
import concurrent.futures
import copy
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import gen  # noqa: E402

VS_INTERPRETER = os.path.join(ROOT, "test", "support", "vs_interpreter.py")
# -O0: the sanitizers see as much, and g++ takes a third of -O1 -g's time.
CXXFLAGS = ["-std=c++17", "-O0", "-fsanitize=address,undefined",
            "-fno-sanitize-recover=all", "-Wall", "-Wextra"]
# Kinds in the order a function's outcome is chosen when several apply.
FAILURES = ["refused", "internal", "timeout", "harness", "header", "sanitizer",
            "wrong", "interp"]
INTERP_TOL = 1e-9


class Outcome:
    def __init__(self, kind, detail=""):
        self.kind, self.detail = kind, detail

    def signature(self):
        """What must persist while reducing: the kind, and for failures
        with a message, the message without numbers and generated names."""
        if self.kind not in ("refused", "internal", "header", "harness"):
            return (self.kind, "")
        text = re.sub(r"\S+\.(cpp|h):\d+:\d+:", "", self.detail)
        text = re.sub(r"\bf\d+_\d+\w*", "F", text)
        text = re.sub(r"[‘’'][^‘’']*[‘’']", "'_'", text)
        return (self.kind, re.sub(r"\d+", "#", text).strip())

    def __repr__(self):
        return "%s%s" % (self.kind, ": " + self.detail if self.detail else "")


def run(cmd, timeout, stdin=None, cwd=None):
    """(returncode or 'timeout', stdout, stderr)"""
    for attempt in range(60):
        try:
            p = subprocess.run(cmd, input=stdin, capture_output=True, text=True,
                               timeout=timeout, cwd=cwd, errors="replace")
            return p.returncode, p.stdout, p.stderr
        except subprocess.TimeoutExpired as e:
            out = e.stdout.decode(errors="replace") if isinstance(e.stdout, bytes) else (e.stdout or "")
            return "timeout", out, ""
        except OSError:
            # gradc is being rebuilt (missing, or busy being written):
            # wait for the new one.
            if attempt == 59:
                raise
            time.sleep(5)


def first_error(text, pattern=r"(error|warning):"):
    for line in text.splitlines():
        if re.search(pattern, line):
            return line.strip()
    return text.strip().splitlines()[-1] if text.strip() else ""


def owner_of_line(lines, lineno):
    """The generated function (f<seed>_<i>) whose code holds line lineno of
    a source or header: the last definition that names one above it."""
    for line in reversed(lines[:lineno]):
        m = re.match(r"^\S.*\b(f\d+_\d+)(_\w+)?\(", line)
        if m:
            return m.group(1)
    return None


class Checker:
    """Runs one file of functions through the pipeline."""

    def __init__(self, opts):
        self.opts = opts

    def check(self, funcs, work, mode="full"):
        """{function name: Outcome}, and whether the batch finished (every
        function got an outcome of its own). mode: "full"; "gradc" (stop
        after gradc); "syntax" (gradc, then g++ -fsyntax-only); "fast"
        (no sanitizers, -O0, no interpreter: for wrong while reducing);
        "fast-interp" (the same with the interpreter)."""
        os.makedirs(work, exist_ok=True)
        src, hdr, exe = (os.path.join(work, n) for n in ("t.cpp", "t.grad.h", "t"))
        text = gen.render_file(funcs)
        with open(src, "w") as fh:
            fh.write(text)
        names = [f.name for f in funcs]
        res = {}

        def everyone(outcome):
            return {n: outcome for n in names}, len(names) == 1

        # 1. gradc
        rc, out, err = run([self.opts.gradc, src, "-o", hdr], self.opts.timeout)
        if rc == "timeout":
            return everyone(Outcome("timeout", "gradc"))
        if rc == 1 and "internal error" not in err:
            return everyone(Outcome("refused", first_error(err, r"error:")))
        if rc != 0:
            return everyone(Outcome("internal", "exit %s: %s" % (rc, first_error(err, r"error|internal|Assert|Segment"))))
        if mode == "gradc":
            return everyone(Outcome("ok"))
        # 2. the compiler
        flags = list(CXXFLAGS)
        if mode.startswith("fast"):
            flags = ["-std=c++17", "-O0", "-Wall", "-Wextra"]
        cmd = ["g++"] + flags + ["-I", os.path.join(ROOT, "include"),
                                 "-I", os.path.join(ROOT, "test", "support"),
                                 '-DGRADC_OUT="%s"' % hdr, src, "-o", exe]
        if mode == "syntax":
            cmd = cmd[:-2] + ["-fsyntax-only"]
        rc, out, err = run(cmd, self.opts.timeout)
        if rc == "timeout":
            return everyone(Outcome("timeout", "g++"))
        hdr_lines = open(hdr).read().splitlines()
        for m in re.finditer(r"^(\S*t\.grad\.h):(\d+):\d+: (error|warning): (.*)$", err, re.M):
            owner = owner_of_line(hdr_lines, int(m.group(2)))
            if owner and owner not in res:
                res[owner] = Outcome("header", "%s: %s" % (m.group(3), m.group(4)))
        if rc != 0:
            if not res:  # the error is in the generated source
                return everyone(Outcome("harness", first_error(err, r"error:")))
            return res, len(names) == 1
        if mode == "syntax":
            return res, True
        # 3. the harness
        rc, out, err = run([exe], self.opts.timeout)
        finished = set()
        started = None
        for line in out.splitlines():
            m = re.match(r"(f\d+_\d+): (start|done|SKIP)", line)
            if m:
                started = m.group(1)
                if m.group(2) == "done":
                    finished.add(started)
                elif m.group(2) == "SKIP":
                    finished.add(started)
                    res.setdefault(started, Outcome("skipped"))
            m = re.match(r"FAIL: (f\d+_\d+): (.*)", line)
            if m and m.group(1) not in res:
                res[m.group(1)] = Outcome("wrong", m.group(2))
        complete = True
        if started and started not in finished:
            # It stopped in `started`; the ones after it did not run.
            if rc == "timeout":
                res.setdefault(started, Outcome("timeout", "harness"))
            else:
                res.setdefault(started, Outcome(
                    "sanitizer" if re.search(r"Sanitizer|runtime error", err) else "internal",
                    first_error(err, r"ERROR: AddressSanitizer|runtime error|Sanitizer") or "exit %s" % rc))
            complete = False
        # 4. the interpreter, on the points the harness checked
        if mode == "fast-interp" or mode == "full" and self.opts.interp:
            rc2, out2, err2 = run([sys.executable, VS_INTERPRETER, self.opts.gradc, src],
                                  self.opts.timeout * 2, stdin=out)
            if rc2 == "timeout":
                complete = False
            for line in out2.splitlines():
                m = re.match(r"(MISMATCH|REFUSED) (f\d+_\d+) at \S+: (.*)", line)
                if not m or m.group(2) in res:
                    continue
                if m.group(1) == "MISMATCH" and within_tolerance(m.group(3)):
                    continue
                res[m.group(2)] = Outcome("interp", line[:400])
        for n in names:
            if n not in res and (n in finished or complete and started is None):
                res[n] = Outcome("ok")
        return res, complete and all(n in res for n in names)


def within_tolerance(text):
    """A MISMATCH line of vs_interpreter.py whose numbers agree to
    INTERP_TOL (last-bit differences from g++'s folding of library calls)."""
    m = re.match(r"compiled f=(\S+) d=\[(.*)\], interpreter f=(\S+) d=\[(.*)\]", text)
    if not m:
        return False
    try:
        a = [float(m.group(1))] + [float(x) for x in m.group(2).split(",") if x.strip()]
        b = [float(m.group(3))] + [float(x) for x in m.group(4).split(",") if x.strip()]
    except ValueError:  # None: a row the interpreter did not print
        return False
    return len(a) == len(b) and all(
        abs(x - y) <= INTERP_TOL * max(1.0, abs(x), abs(y)) for x, y in zip(a, b))


# ------------------------------------------------------------- reduction

def blocks(f):
    """Every statement list of f and its helpers, outermost first."""
    todo = [f.body] + [h.body for h in gen.used_helpers(f)]
    while todo:
        b = todo.pop(0)
        yield b
        for s in b:
            todo.extend(s.blocks)


def expr_slots(f):
    """(container list, index) of every expression, outermost first."""
    out = []
    for b in blocks(f):
        for s in b:
            todo = [(s.exprs, i) for i in range(len(s.exprs))]
            while todo:
                lst, i = todo.pop(0)
                out.append((lst, i))
                todo.extend((lst[i].kids, j) for j in range(len(lst[i].kids)))
    return out


def candidates(f):
    """Edits of f, as functions that apply one to a copy of f (which has
    the same shape, so positions found in f are found again)."""
    edits = []
    for bi, b in enumerate(blocks(f)):
        # Halves and quarters first (ddmin), then single statements.
        for parts in (2, 4):
            step = len(b) // parts
            if step > 1:
                edits += [("chunk", bi, (i, i + step)) for i in range(0, len(b), step)]
        for si in reversed(range(len(b))):
            if not b[si].extra.get("keep"):
                edits.append(("delete", bi, si))
            if b[si].op == "if":
                edits.append(("then", bi, si))
                if len(b[si].blocks) > 1 and b[si].blocks[1]:
                    edits.append(("else", bi, si))
                    edits.append(("noelse", bi, si))
    for xi, (lst, i) in enumerate(expr_slots(f)):
        e = lst[i]
        if e.op in ("lit", "var"):
            continue
        for k, kid in enumerate(e.kids):
            # A kept expression (a divisor 0.75 + e * e) is never replaced
            # by an operand: that could bring it near zero.
            if kid.ty == e.ty and not (e.op == "cond" and k == 0) and not getattr(e, "keep", False):
                edits.append(("kid", xi, k))
        if e.ty == "d":
            edits.append(("one", xi, 0))
    for p in f.params:
        edits.append(("param", p["name"], 0))
    return edits


def apply_edit(f, edit):
    """A copy of f with edit applied, or None when it does not apply."""
    g = copy.deepcopy(f)
    what, a, b = edit
    if what == "chunk":
        blk = list(blocks(g))[a]
        if any(s.extra.get("keep") for s in blk[b[0]:b[1]]):
            return None
        del blk[b[0]:b[1]]
    elif what in ("delete", "then", "else", "noelse"):
        blk = list(blocks(g))[a]
        s = blk[b]
        if what == "delete":
            del blk[b]
        elif what == "noelse":
            s.blocks = s.blocks[:1]
        else:
            blk[b:b + 1] = s.blocks[0 if what == "then" else 1]
    elif what in ("kid", "one"):
        lst, i = expr_slots(g)[a]
        lst[i] = lst[i].kids[b] if what == "kid" else gen.Expr("lit", "1.0")
    elif what == "param":
        text = "\n".join(gen.render_func(g)[1:])
        if re.search(r"\b%s\b" % re.escape(a), text):
            return None
        g.params = [p for p in g.params if p["name"] != a]
        for pt in g.points:
            pt.pop(a, None)
    return g


def reduce(checker, f, outcome, work, deadline):
    """Greedy delta debugging: apply every edit that keeps the failure's
    signature, until none does or the deadline passes."""
    want = outcome.signature()
    mode = {"refused": "gradc", "internal": "gradc", "header": "syntax",
            "wrong": "fast", "interp": "fast-interp"}.get(outcome.kind, "full")
    seen = set()
    tries = 0
    k = 0
    while time.time() < deadline:
        edits = candidates(f)
        if k >= len(edits):
            break
        g = apply_edit(f, edits[k])
        if g is None:
            k += 1
            continue
        key = gen.render_file([g])
        if key in seen:
            k += 1
            continue
        seen.add(key)
        tries += 1
        res, _ = checker.check([g], os.path.join(work, "r"), mode)
        got = res.get(g.name, Outcome("none"))
        if got.signature() == want:
            f = g  # the edit is kept; the next one is now at position k
        else:
            k += 1
    return f, tries, time.time() >= deadline


# ---------------------------------------------------------------- driver

class Campaign:
    def __init__(self, opts):
        self.opts = opts
        self.checker = Checker(opts)
        self.lock = threading.Lock()
        self.counts = {}
        self.failures = []  # (name, Outcome, kept path)
        self.reduced = {}   # signature -> how many kept
        self.start = time.time()

    def out_of_time(self):
        return self.opts.time_limit and time.time() - self.start > self.opts.time_limit

    def log(self, text):
        with self.lock:
            print(text, flush=True)

    def batch(self, seed):
        if self.out_of_time():
            return
        funcs = gen.generate_file(seed, self.opts.per_file, self.opts.feats)
        work = os.path.join(self.opts.work, "s%d" % seed)
        res, complete = self.checker.check(funcs, work)
        if not complete:
            # Run each function alone: one culprit stopped the rest.
            for f in funcs:
                if f.name not in res or len(funcs) > 1 and res[f.name].kind in (
                        "refused", "internal", "timeout", "harness"):
                    r, _ = self.checker.check([f], os.path.join(work, f.name))
                    res[f.name] = r.get(f.name, Outcome("internal", "no outcome"))
        for f in funcs:
            o = res[f.name]
            with self.lock:
                self.counts[o.kind] = self.counts.get(o.kind, 0) + 1
            if o.kind in FAILURES:
                kept = self.keep(f, o, os.path.join(work, f.name))
                with self.lock:
                    self.failures.append((f.name, o, kept))
                self.log("FAIL %s %s%s" % (f.name, o, " -> " + kept if kept else ""))
        kinds = [res[f.name].kind for f in funcs]
        self.log("seed %d: %s" % (seed, ", ".join(
            "%d %s" % (kinds.count(k), k) for k in sorted(set(kinds)))))

    def keep(self, f, o, work):
        """Reduces f (unless told not to, or this signature was reduced
        often enough) and writes the reproducer into --keep."""
        if not self.opts.keep:
            return None
        os.makedirs(self.opts.keep, exist_ok=True)
        sig = o.signature()
        with self.lock:
            n = self.reduced.get(sig, 0)
            self.reduced[sig] = n + 1
        small, note = f, "not reduced"
        if self.opts.reduce and n < self.opts.max_reduce and not self.out_of_time():
            small, tries, timed_out = reduce(self.checker, f, o, work,
                                             time.time() + self.opts.reduce_time)
            final, _ = self.checker.check([small], os.path.join(work, "final"))
            got = final.get(small.name, Outcome("none"))
            note = "reduced in %d tries%s; the reduced file gives: %s" % (
                tries, " (stopped by the time limit)" if timed_out else "", got)
            if got.signature() != sig:
                # The quick checks of the reducer let another failure in:
                # keep the original.
                small, note = f, note + "\nnot the same failure: the original is kept"
        path = os.path.join(self.opts.keep, "%s-%s.cpp" % (o.kind, f.name))
        with open(path, "w") as fh:
            fh.write(gen.render_file([small], "reduced reproducer of %s" % f.name))
        with open(path[:-4] + ".orig.cpp", "w") as fh:
            fh.write(gen.render_file([f], "original of %s" % f.name))
        with open(path[:-4] + ".txt", "w") as fh:
            fh.write("function: %s (gen.py --seed %s; function %s)\nfeatures: %s\n"
                     "outcome: %s\n%s\n\nRerun:\n  %s %s -o t.grad.h\n"
                     "  g++ %s -I%s/include -I%s/test/support -DGRADC_OUT='\"t.grad.h\"' %s -o t && ./t > t.out\n"
                     "  python3 %s %s %s < t.out\n" % (
                         f.name, f.name[1:].split("_")[0], f.name.split("_")[1],
                         ",".join(sorted(self.opts.feats)), o, note,
                         self.opts.gradc, path, " ".join(CXXFLAGS), ROOT, ROOT, path,
                         VS_INTERPRETER, self.opts.gradc, path))
        return path

    def summary(self):
        c = self.counts
        failed = sum(c.get(k, 0) for k in FAILURES)
        print("outcomes: " + ", ".join("%s %d" % (k, c[k]) for k in sorted(c)))
        if c.get("skipped"):
            print("%d skipped (no well-conditioned point; neither passed nor failed)" % c["skipped"])
        if self.out_of_time():
            print("stopped by --time-limit %ss" % self.opts.time_limit)
        print("%d passed, %d failed" % (c.get("ok", 0), failed))
        return failed


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("--seeds", default="0:10", help="A:B, seeds A to B-1")
    ap.add_argument("--per-file", type=int, default=10, help="functions per file")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", help="directory for reduced reproducers")
    ap.add_argument("--gradc", default=os.path.join(ROOT, "build", "bin", "gradc"))
    ap.add_argument("--features", default="all",
                    help="gen.py features: 'all', 'safe' (no known bug), a comma list, -name")
    ap.add_argument("--time-limit", type=float, default=0,
                    help="start no batch after this many seconds (0: none)")
    ap.add_argument("--timeout", type=float, default=120, help="per step, seconds")
    ap.add_argument("--no-reduce", dest="reduce", action="store_false")
    ap.add_argument("--reduce-time", type=float, default=240, help="seconds per reduction")
    ap.add_argument("--max-reduce", type=int, default=2,
                    help="reductions per failure signature (kind and message)")
    ap.add_argument("--no-interp", dest="interp", action="store_false",
                    help="skip the comparison with gradc --at")
    ap.add_argument("--work", help="work directory (default: a temporary one, removed)")
    opts = ap.parse_args()
    opts.feats = gen.parse_features(opts.features)
    a, b = (int(x) for x in opts.seeds.split(":"))
    if not os.path.exists(opts.gradc):
        sys.exit("run.py: no gradc at %s" % opts.gradc)
    tmp = None
    if not opts.work:
        opts.work = tmp = tempfile.mkdtemp(prefix="gradc-random-")
    camp = Campaign(opts)
    try:
        with concurrent.futures.ThreadPoolExecutor(opts.jobs) as pool:
            for fut in [pool.submit(camp.batch, s) for s in range(a, b)]:
                fut.result()
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    for name, o, kept in camp.failures:
        print("FAILED %s %s%s" % (name, o.kind, " (" + kept + ")" if kept else ""))
    failed = camp.summary()
    sys.exit(1 if failed or not camp.counts.get("ok") else 0)


if __name__ == "__main__":
    main()
