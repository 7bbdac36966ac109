#!/usr/bin/env python3
"""Regenerates the CHECK lines of lit tests from gradc's current output.

A test opts in with a line `// UPDATE: <gradc arguments>`, where %s is the
test itself and %src_root the repository; everything between
`// BEGIN-GENERATED-CHECKS` and `// END-GENERATED-CHECKS` is replaced by one
CHECK line per line of output (CHECK-NEXT after the first, CHECK-EMPTY for
blank lines). Review the diff before committing: the new text is what the
tests will pin.

  test/update_checks.py build/bin/gradc test/lit/emit/*.cpp
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def escape(line):
    # FileCheck treats {{ and [[ as regex and variable syntax.
    return re.sub(r"(\{\{|\[\[)", lambda m: "{{\\" + m.group(1)[0] + "\\" + m.group(1)[0] + "}}", line)


def update(gradc, path):
    text = open(path).read()
    m = re.search(r"^// UPDATE: (.*)$", text, re.M)
    if not m:
        return False
    args = m.group(1).replace("%src_root", ROOT).replace("%s", path).split()
    out = subprocess.run([gradc] + args + ["-o", "-"], check=True,
                         capture_output=True, text=True).stdout
    checks = []
    for i, line in enumerate(out.rstrip("\n").split("\n")):
        if not line.strip():
            checks.append("// CHECK-EMPTY:")
        else:
            checks.append("// CHECK%s: %s" % ("" if i == 0 else "-NEXT", escape(line)))
    new = re.sub(r"(// BEGIN-GENERATED-CHECKS\n).*?(// END-GENERATED-CHECKS)",
                 lambda mm: mm.group(1) + "\n".join(checks) + "\n" + mm.group(2),
                 text, flags=re.S)
    if new != text:
        open(path, "w").write(new)
        print("updated", path)
    return True


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    for path in sys.argv[2:]:
        update(sys.argv[1], path)


if __name__ == "__main__":
    main()
