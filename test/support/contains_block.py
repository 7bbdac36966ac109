#!/usr/bin/env python3
"""contains_block.py DOC GENERATED START END: fails unless DOC contains,
verbatim, the block of GENERATED from the line matching START to the next
line matching END. Keeps documentation true to what gradc generates."""
import re
import sys

doc, generated, start, end = sys.argv[1:5]
lines = open(generated).read().split("\n")
begin = next(i for i, l in enumerate(lines) if re.search(start, l))
stop = next(i for i in range(begin + 1, len(lines)) if re.search(end, lines[i]))
block = "\n".join(lines[begin:stop + 1])
if block not in open(doc).read():
    sys.exit("%s does not contain the current generated block:\n%s" % (doc, block))
