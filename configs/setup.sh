#!/usr/bin/env bash
# Installs what salesim needs from Debian (only what is missing), builds it in Release,
# then runs a scenario (`setup.sh run [salesim run options]`) or the tests (`setup.sh test`).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  cmake ninja-build g++ git pkg-config
  libtbb-dev libeigen3-dev libboost-graph-dev libboost-dev libyaml-cpp-dev libhdf5-dev
  libcli11-dev libfmt-dev librandom123-dev libxxhash-dev libutfcpp-dev libnlopt-cxx-dev libhwy-dev libsleef-dev catch2
  hdf5-tools python3-h5py python3-numpy python3-pandas python3-xarray python3-yaml python3-jsonschema clang-format
  clang libclang-rt-14-dev openmpi-bin libopenmpi-dev nlohmann-json3-dev
  chromium  # the report tests render pages headless; node and npm (the report's charts) come with CI
)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
# The report's charts are installed with npm at build time; CI machines bring their own node and npm.
command -v npm >/dev/null || missing+=(nodejs npm)
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

mode="${1:-run}"
shift || true
# Tests build with warnings as errors, as CI does.
preset=release
[ "$mode" = test ] && preset=ci
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" --parallel "$(nproc)"
echo "salesim is at $PWD/build/$preset/sim/cli/salesim" >&2
echo "  put it on PATH: export PATH=\"$PWD/build/$preset/sim/cli:\$PATH\"" >&2
echo "  or install it:  cmake --install build/$preset --prefix ~/.local" >&2

case "$mode" in
  run)
    "build/$preset/sim/cli/salesim" run scenarios/classroom/baseline.yaml "$@"
    ;;
  test)
    ctest --preset "$preset" --parallel "$(nproc)" "$@"
    # The suite once more under AddressSanitizer and UndefinedBehaviorSanitizer: any report fails it.
    # SALESIM_SANITIZERS=0 skips this pass for a quick local run.
    if [ "${SALESIM_SANITIZERS:-1}" != 0 ]; then
      cmake --preset asan >/dev/null
      cmake --build --preset asan --parallel "$(nproc)"
      ctest --preset asan --parallel "$(nproc)" "$@"
    fi
    ;;
  *)
    echo "usage: configs/setup.sh run|test [options]" >&2
    exit 2
    ;;
esac
