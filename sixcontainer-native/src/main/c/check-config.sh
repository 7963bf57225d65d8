#!/bin/sh
# Fuzzes `sixc-helper check-config` (make check): a valid config must pass,
# every truncation and bad header must be rejected, and random garbage and
# byte mutations must end in "ok"/"invalid: ..." with exit 0/2 - never a
# crash or a sanitizer report.
set -eu

helper=$1
rounds=${ROUNDS:-100}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# One record of each tag: ROOTFS /r, ARG x, ENV A=b, HOSTNAME h, CWD /,
# MOUNT proc on /proc, FLAGS 1, OVERLAY /d lowerdir=a. Payload 136 bytes.
printf 'SIXC\001\000\000\000\210\000\000\000' >"$tmp/valid"
printf '\001\000\000\000\003\000\000\000/r\000' >>"$tmp/valid"
printf '\002\000\000\000\002\000\000\000x\000' >>"$tmp/valid"
printf '\003\000\000\000\004\000\000\000A=b\000' >>"$tmp/valid"
printf '\005\000\000\000\002\000\000\000h\000' >>"$tmp/valid"
printf '\004\000\000\000\002\000\000\000/\000' >>"$tmp/valid"
printf '\006\000\000\000\051\000\000\000' >>"$tmp/valid"
printf '\001\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000' >>"$tmp/valid"
printf '\000\000\000\000\000\000\000\000proc\000/proc\000proc\000\000' >>"$tmp/valid"
printf '\007\000\000\000\004\000\000\000\001\000\000\000' >>"$tmp/valid"
printf '\012\000\000\000\016\000\000\000/d\000lowerdir=a\000' >>"$tmp/valid"
size=$(wc -c <"$tmp/valid")

# expect <file> <ok|invalid|any> <label>
expect() {
	rc=0
	"$helper" check-config <"$1" >"$tmp/out" 2>"$tmp/err" || rc=$?
	out=$(head -c 300 "$tmp/out")
	case "$rc:$out" in
	0:ok) got=ok ;;
	"2:invalid: "*) got=invalid ;;
	*) got="rc=$rc out=$out $(head -c 2000 "$tmp/err")" ;;
	esac
	if [ "$2" = any ] && { [ "$got" = ok ] || [ "$got" = invalid ]; }; then
		return 0
	fi
	if [ "$got" != "$2" ]; then
		echo "check-config: $3: expected $2, got $got" >&2
		od -An -tx1 "$1" | head -n 20 >&2
		fail=1
	fi
}

expect "$tmp/valid" ok "valid config"

n=0
while [ "$n" -lt "$size" ]; do
	head -c "$n" "$tmp/valid" >"$tmp/in"
	expect "$tmp/in" invalid "truncated to $n bytes"
	n=$((n + 1))
done

{ cat "$tmp/valid"; printf 'x'; } >"$tmp/in"
expect "$tmp/in" invalid "trailing byte"
printf 'SIXC\001\000\000\000\377\377\377\377' >"$tmp/in"
expect "$tmp/in" invalid "giant payload length"
printf 'SIXC\001\000\000\000\001\000\020\000' >"$tmp/in"
expect "$tmp/in" invalid "1 MiB + 1 payload length"
printf 'SIXC\002\000\000\000\000\000\000\000' >"$tmp/in"
expect "$tmp/in" invalid "version 2"
printf 'SIXD\001\000\000\000\000\000\000\000' >"$tmp/in"
expect "$tmp/in" invalid "bad magic"
: >"$tmp/in"
expect "$tmp/in" invalid "empty input"

i=0
while [ "$i" -lt "$rounds" ]; do
	len=$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')
	head -c "$((len % 4096))" /dev/urandom >"$tmp/in"
	expect "$tmp/in" any "random garbage"
	{ head -c 12 "$tmp/valid"; head -c "$((len % 200))" /dev/urandom; } >"$tmp/in"
	expect "$tmp/in" any "garbage payload"

	cp "$tmp/valid" "$tmp/in"
	for _ in 1 2 3; do
		set -- $(od -An -N3 -tu1 /dev/urandom)
		off=$((($1 * 256 + $2) % size))
		printf "\\$(printf %o "$3")" |
			dd of="$tmp/in" bs=1 seek="$off" conv=notrunc status=none
	done
	expect "$tmp/in" any "mutation"
	i=$((i + 1))
done

[ "$fail" -eq 0 ] && echo "check-config: $helper passed"
exit "$fail"
