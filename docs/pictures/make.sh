#!/usr/bin/env bash
# Regenerates the pictures of docs/ with the gradc in build/ (needs Graphviz):
# the seed's sigmoid neuron and the CS231n f(x, y), each wire labelled with
# its value (green) and gradient (red) at the seeds' inputs.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
GRADC="$ROOT/build/bin/gradc"
cd "$ROOT/docs/pictures"
"$GRADC" "$ROOT/examples/seeds.cpp" --function neuron \
  --at w0=2,w1=-3,w2=-3,x0=-1,x1=-2 --emit=svg -o neuron.svg
"$GRADC" "$ROOT/examples/cs231n.cpp" --at x=3,y=-4 --emit=svg -o cs231n.svg
echo "wrote docs/pictures/neuron.svg and docs/pictures/cs231n.svg"
