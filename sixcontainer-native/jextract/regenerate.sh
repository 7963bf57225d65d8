#!/usr/bin/env bash
# Regenerates the libc bindings with jextract into a scratch directory, for comparison with
# the committed ones (src/main/java/io/sixcontainer/ffi/libc). jextract is not needed by the
# build: the committed bindings are what the build compiles. See README.md for what is
# edited by hand after generation.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
command -v jextract >/dev/null || { echo "jextract not on PATH (https://jdk.java.net/jextract/)" >&2; exit 2; }
out=${1:-$(mktemp -d)}
mapfile -t includes < <(grep -v '^#' "$here/symbols.txt" | grep -v '^$' | tr ' ' '\n')
jextract --output "$out" --target-package io.sixcontainer.ffi.libc \
  -D_GNU_SOURCE "${includes[@]}" "$here/libc.h"
echo "generated into $out; diff it against src/main/java/io/sixcontainer/ffi/libc"
