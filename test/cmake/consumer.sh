#!/usr/bin/env bash
# Installs gradc to a temporary prefix, builds examples/cmake-consumer with
# Ninja and with Makefiles, checks that a no-op build touches nothing, then
# changes a header that only model.cpp includes and checks that exactly
# model.grad.h is regenerated and the program's result follows.
#   consumer.sh <gradc build dir> <gradc source dir>
set -euo pipefail
BUILD=$1
SRC=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

cmake --install "$BUILD" --prefix "$T/prefix" > /dev/null
# The pullbacks gradc ships are installed beside gradc.h.
[[ -f "$T/prefix/include/gradc/std_pullbacks.h" ]] || { echo "FAIL: gradc/std_pullbacks.h is not installed"; exit 1; }
pass=0
for gen in Ninja "Unix Makefiles"; do
  slug=${gen// /-}
  proj="$T/src-$slug"
  b="$T/build-$slug"
  cp -r "$SRC/examples/cmake-consumer" "$proj"
  cmake -S "$proj" -B "$b" -G "$gen" -DCMAKE_PREFIX_PATH="$T/prefix" > /dev/null
  cmake --build "$b" > "$T/log" 2>&1 || { cat "$T/log"; exit 1; }
  out=$("$b/train")
  echo "[$gen] $out"
  grep -q "learned w = 2.000" <<< "$out" || { echo "FAIL [$gen]: expected w = 2.000"; exit 1; }

  gen_dir="$b/gradc/train"
  stamps() { stat -c '%n %y' "$gen_dir/model.grad.h" "$gen_dir/regularizer.grad.h"; }
  before=$(stamps)
  # A build with nothing changed runs no gradc and touches no output.
  cmake --build "$b" > "$T/log" 2>&1
  if grep -q "gradc " "$T/log"; then echo "FAIL [$gen]: a no-op build ran gradc"; cat "$T/log"; exit 1; fi
  [[ $(stamps) == "$before" ]] || { echo "FAIL [$gen]: a no-op build touched an output"; exit 1; }
  regularizer_before=$(stat -c '%y' "$gen_dir/regularizer.grad.h")

  # The header only model.cpp includes: model.grad.h alone is regenerated.
  sleep 1
  sed -i 's/kSlope = 2.0/kSlope = 3.0/' "$proj/config/model_params.h"
  cmake --build "$b" > "$T/log" 2>&1 || { cat "$T/log"; exit 1; }
  grep -q "gradc model.cpp" "$T/log" || { echo "FAIL [$gen]: model.grad.h was not regenerated"; cat "$T/log"; exit 1; }
  if grep -q "gradc regularizer.cpp" "$T/log"; then echo "FAIL [$gen]: regularizer.grad.h was regenerated"; exit 1; fi
  [[ $(stat -c '%y' "$gen_dir/regularizer.grad.h") == "$regularizer_before" ]] || { echo "FAIL [$gen]: regularizer.grad.h was touched"; exit 1; }
  out=$("$b/train")
  echo "[$gen] after kSlope = 3.0: $out"
  grep -q "learned w = 3.000" <<< "$out" || { echo "FAIL [$gen]: expected w = 3.000"; exit 1; }
  pass=$((pass + 1))
done
echo "cmake-consumer: $pass generators passed"
