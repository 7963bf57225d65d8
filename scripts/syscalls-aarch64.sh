#!/usr/bin/env bash
# Prints the aarch64 system call table (name number, by number) that the seccomp compiler
# reads (sixcontainer-core/.../security/syscalls-aarch64.txt), from the kernel UAPI header
# asm-generic/unistd.h (linux-libc-dev) with the __ARCH_WANT_* macros arm64's
# asm/unistd.h defines. Numbers from 424 on are the same on every architecture, so calls newer
# than the installed headers are appended from the x86_64 table.
#
#   usage: scripts/syscalls-aarch64.sh > sixcontainer-core/src/main/resources/io/sixcontainer/internal/security/syscalls-aarch64.txt
#
# Cross-check (done when the table was made: all 306 agreed): libseccomp's own aarch64 table,
# seccomp_syscall_resolve_name_arch(SCMP_ARCH_AARCH64, name), for every line.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cat >"$tmp/arm64.h" <<'H'
#define __ARCH_WANT_RENAMEAT
#define __ARCH_WANT_NEW_STAT
#define __ARCH_WANT_SET_GET_RLIMIT
#define __ARCH_WANT_TIME32_SYSCALLS
#define __ARCH_WANT_SYS_CLONE3
#define __ARCH_WANT_MEMFD_SECRET
#include <asm-generic/unistd.h>
H
# __NR_syscalls is a count and __NR_arch_specific_syscall a range start, not calls.
gcc -E -dM "$tmp/arm64.h" | awk '$1 == "#define" && $2 ~ /^__NR_[a-z]/ && $2 != "__NR_syscalls" \
    && $2 != "__NR_arch_specific_syscall" { print $2 }' | sort -u >"$tmp/names"
{
  echo '#include "arm64.h"'
  echo '#include <stdio.h>'
  echo 'int main(void) {'
  while read -r n; do echo "printf(\"%s %d\\n\", \"${n#__NR_}\", (int)($n));"; done <"$tmp/names"
  echo 'return 0; }'
} >"$tmp/print.c"
gcc -I"$tmp" -o "$tmp/print" "$tmp/print.c"
"$tmp/print" | sort -k2,2n >"$tmp/table"
last=$(tail -1 "$tmp/table" | cut -d' ' -f2)
version=$(dpkg-query -W -f '${Version}' linux-libc-dev 2>/dev/null || echo unknown)

echo "# aarch64 system call numbers: asm-generic/unistd.h of the UAPI headers $version with arm64's"
echo "# __ARCH_WANT_* (scripts/syscalls-aarch64.sh), and the calls after $last added since (the same numbers"
echo "# on every architecture)."
cat "$tmp/table"
awk -v last="$last" '!/^#/ && $2 > last' \
  sixcontainer-core/src/main/resources/io/sixcontainer/internal/security/syscalls-x86_64.txt
