#!/bin/sh
# cmake --install to a fresh prefix, then use what it installed from another folder:
#   install_test.sh CMAKE BUILD_DIR SOURCE_DIR PYTHON
set -eu
cmake="$1" build="$2" source="$3" python="$4"
prefix="$(mktemp -d "${TMPDIR:-/tmp}/salesim-install-XXXXXX")"
trap 'rm -rf "$prefix"' EXIT

"$cmake" --install "$build" --prefix "$prefix" >/dev/null
"$prefix/bin/salesim" --version | grep -q '^salesim .* (git .*)$'
test -f "$prefix/share/salesim/scenarios/classroom/baseline.yaml"
"$prefix/bin/salesim" validate "$prefix/share/salesim/scenarios/classroom/baseline.yaml" >/dev/null

# Far from the source tree, only the prefix on PYTHONPATH: `import salesim` is the installed module.
cd "$prefix"
PYTHONPATH="$prefix/lib/python3/dist-packages" "$python" -c '
import os, sys, salesim
assert salesim.__file__.startswith(sys.argv[1]), salesim.__file__
assert callable(salesim.load) and callable(salesim.units)
import salesim_xarray
assert salesim_xarray.__file__.startswith(sys.argv[1]), salesim_xarray.__file__' "$prefix"

# The same module from analysis/pyproject.toml with Debian's setuptools, no network, no index.
# A copy of the package folder keeps setuptools' build/ and egg-info out of the source tree.
mkdir "$prefix/package"
cp "$source/analysis/pyproject.toml" "$source/analysis/salesim.py" "$source/analysis/salesim_xarray.py" "$prefix/package/"
"$python" -m pip install --quiet --no-build-isolation --no-index --no-deps --no-cache-dir \
  --target "$prefix/pip" "$prefix/package" >/dev/null 2>&1 || {
  echo "pip could not install analysis/pyproject.toml offline" >&2
  exit 1
}
PYTHONPATH="$prefix/pip" "$python" -c '
import sys, salesim
assert salesim.__file__.startswith(sys.argv[1]), salesim.__file__' "$prefix/pip"
echo "installed and imported under $prefix"
