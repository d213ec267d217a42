#!/usr/bin/env bash
# Compares `ropa check` with `cue vet -c` on the same synthetic models, at
# growing sizes: wall time and peak memory, the median of N alternating
# runs each. The cue
# directory holds the model plus the embedded schema with #Model embedded at
# the package root, the closest plain-CUE equivalent of what ropa checks
# (it does not catch a misspelt top-level field, and resolves no reference).
#   scripts/bench-check.sh [runs]   (default 5)
set -euo pipefail
runs=${1:-5}
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/ropa" ./cmd/ropa
go build -o "$work/cue" cuelang.org/go/cmd/cue   # the version go.mod's tool directive pins
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "bench-check needs GNU time (Debian package 'time')" >&2; exit 2; }

# pair runs ropa check on $1 and cue vet in $2, alternately, $runs times,
# and prints "ropa_s ropa_kb cue_s cue_kb", each the median of its runs:
# alternating keeps drift in the machine's load from favouring either.
pair() {
	local rs=() rkb=() cs=() ckb=()
	for _ in $(seq "$runs"); do
		"$TIME" -o "$work/t" -f '%e %M' "$work/ropa" check "$1" --fail-on none >/dev/null 2>&1 || true
		read -r s kb < "$work/t"; rs+=("$s"); rkb+=("$kb")
		(cd "$2" && "$TIME" -o "$work/t" -f '%e %M' "$work/cue" vet -c . >/dev/null 2>&1) || true
		read -r s kb < "$work/t"; cs+=("$s"); ckb+=("$kb")
	done
	local mid=$(( (runs + 1) / 2 ))
	med() { printf '%s\n' "$@" | sort -g | sed -n "${mid}p"; }
	echo "$(med "${rs[@]}") $(med "${rkb[@]}") $(med "${cs[@]}") $(med "${ckb[@]}")"
}

printf '%-11s %12s %12s %12s %12s %8s %8s\n' activities "ropa s" "cue vet s" "ropa MB" "cue MB" "time x" "mem x"
for n in 500 1000 2000 5000; do
	d="$work/m$n"; c="$work/c$n"
	go run ./internal/synth/gen -activities "$n" -categories $((n * 3 / 50)) -recipients $((n / 10)) -out "$d"
	mkdir -p "$c"; cp "$d/model.cue" "$c/"
	{ "$work/ropa" schema | sed 's/^package schema/package synth/'; printf '\n#Model\n'; } > "$c/schema.cue"
	read -r rs rkb cs ckb < <(pair "$d" "$c")
	awk -v n="$n" -v rs="$rs" -v cs="$cs" -v rkb="$rkb" -v ckb="$ckb" 'BEGIN {
		printf "%-11s %12.2f %12.2f %12.0f %12.0f %8.2f %8.2f\n", n, rs, cs, rkb/1024, ckb/1024, rs/cs, rkb/ckb }'
done
