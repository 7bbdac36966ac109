#!/usr/bin/env python3
"""exit_code.py N COMMAND...: runs COMMAND and fails unless it exits with N
(lit's shell has no $?)."""
import subprocess
import sys

want = int(sys.argv[1])
got = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
if got != want:
    sys.exit("%s exited with %d, expected %d" % (sys.argv[2], got, want))
