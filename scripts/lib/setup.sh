# Shared by scripts/demo and scripts/test: installs the Debian packages that
# are missing, then configures and builds gradc into build/. Sourced.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# SANITIZE=1: a second build, build-sanitize/, under ASan and UBSan.
SANITIZE=${SANITIZE:-0}
if [[ $SANITIZE == 1 ]]; then
  BUILD="$ROOT/build-sanitize"
  CONFIG=(-DGRADC_SANITIZE=ON -DGRADC_BUILD_BENCH=OFF -DGRADC_BUILD_FUZZERS=OFF)
else
  BUILD="$ROOT/build"
  CONFIG=()
fi

PACKAGES=(cmake ninja-build make g++ python3 ccache
  llvm-19-dev libclang-19-dev clang-19 libclang-rt-19-dev llvm-19-tools libzstd-dev
  libboost-dev libgtest-dev libbenchmark-dev clang-format-19 graphviz)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$p")
done
if ((${#missing[@]})); then
  echo "== installing: ${missing[*]}"
  SUDO=""
  [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

echo "== configuring and building into $BUILD"
if [[ ! -f "$BUILD/CMakeCache.txt" ]]; then
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release "${CONFIG[@]}"
fi
cmake --build "$BUILD" -j "$(nproc)"
