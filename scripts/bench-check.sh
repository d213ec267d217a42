#!/usr/bin/env bash
# Compares ropa with the cue tool on the same synthetic models, at growing
# sizes, in two pairs:
#   check: `ropa check` against `cue vet -c`
#   build: `ropa build` (every output family, --internal too) against
#          `cue export` (the evaluated model as JSON, written to a file)
# Each line gives wall time, CPU time (user + system) and peak memory
# (maximum resident set: for ropa, its supervised child, the larger of the
# two processes), each the median of N runs, the two tools' runs
# alternating so that drift in the machine's load favours neither; then
# ropa's over cue's. The cue directory holds the model plus the embedded
# schema with #Model embedded at the package root, the closest plain-CUE
# equivalent of what ropa checks (it does not catch a misspelt top-level
# field, and resolves no reference). Wall time on a busy machine says more
# about the machine than the tools: read it beside the CPU time and the
# load average printed above the tables.
#   scripts/bench-check.sh [runs] [sizes...]   (default 5; 500 1000 2000 5000)
set -euo pipefail
runs=${1:-5}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(500 1000 2000 5000)
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/ropa" ./cmd/ropa
go build -o "$work/cue" cuelang.org/go/cmd/cue   # the version go.mod's tool directive pins
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "bench-check needs GNU time (Debian package 'time')" >&2; exit 2; }

# measure runs a command under GNU time and appends "wall cpu kb" to the
# file named by $1.
measure() {
	local into=$1
	shift
	"$TIME" -o "$work/t" -f '%e %U %S %M' "$@" >/dev/null 2>&1 || true
	awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$work/t" >> "$into"
}

# median prints the median of column $2 of file $1.
median() {
	local mid=$(( (runs + 1) / 2 ))
	awk -v c="$2" '{ print $c }' "$1" | sort -g | sed -n "${mid}p"
}

# pair runs ropa's and cue's command for $2 (check or build) alternately,
# $runs times each, in the model directory $3 and the cue directory $4,
# and prints one row of the table for $1 activities.
pair() {
	local n=$1 what=$2 d=$3 c=$4
	: > "$work/r"; : > "$work/c"
	for _ in $(seq "$runs"); do
		rm -rf "$work/out" "$work/internal"
		case $what in
		check) measure "$work/r" "$work/ropa" check "$d" --fail-on none ;;
		build) measure "$work/r" "$work/ropa" build "$d" --out "$work/out" --internal "$work/internal" --quiet ;;
		esac
		case $what in
		check) (cd "$c" && measure "$work/c" "$work/cue" vet -c .) ;;
		build) (cd "$c" && measure "$work/c" "$work/cue" export . --outfile "$work/export.json" --force) ;;
		esac
	done
	awk -v n="$n" -v rw="$(median "$work/r" 1)" -v cw="$(median "$work/c" 1)" \
		-v rc="$(median "$work/r" 2)" -v cc="$(median "$work/c" 2)" \
		-v rk="$(median "$work/r" 3)" -v ck="$(median "$work/c" 3)" 'BEGIN {
		printf "%-11s %7.2f %7.2f %6.2f %8.2f %8.2f %6.2f %8.0f %8.0f %6.2f\n",
			n, rw, cw, rw/cw, rc, cc, rc/cc, rk/1024, ck/1024, rk/ck }'
}

for n in "${sizes[@]}"; do
	d="$work/m$n"; c="$work/c$n"
	go run ./internal/synth/gen -activities "$n" -categories $((n * 3 / 50)) -recipients $((n / 10)) -out "$d"
	mkdir -p "$c"; cp "$d/model.cue" "$c/"
	{ "$work/ropa" schema | sed 's/^package schema/package synth/'; printf '\n#Model\n'; } > "$c/schema.cue"
done

echo "$(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg); median of $runs alternating runs"
for what in check build; do
	case $what in
	check) echo; echo "ropa check against cue vet -c" ;;
	build) echo; echo "ropa build (all outputs) against cue export" ;;
	esac
	printf '%-11s %7s %7s %6s %8s %8s %6s %8s %8s %6s\n' activities "ropa s" "cue s" "wall x" "ropa cpu" "cue cpu" "cpu x" "ropa MB" "cue MB" "mem x"
	for n in "${sizes[@]}"; do
		pair "$n" "$what" "$work/m$n" "$work/c$n"
	done
done
echo; echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
