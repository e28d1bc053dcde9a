#!/usr/bin/env bash
# Runs the whole course twice in one invocation and prints wall times and their ratio:
#   1. with the course runner (worker processes, fresh kernel per notebook), as the README runs it;
#   2. with dotnet-repl (pinned in .config/dotnet-tools.json), one process per notebook, one after another.
# Both run after a warm-up that restores every package, so neither pays for NuGet downloads.
# Usage: tests/benchmark/benchmark.sh [--parallel N]   (N defaults to the processor count)
set -euo pipefail
cd "$(dirname "$0")/../.."
parallel="${2:-$(nproc)}"
[ "${1:-}" = "--parallel" ] || parallel="$(nproc)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

echo "== build and restore (not timed)"
dotnet build Course.sln -c Debug -v q -nologo >/dev/null
dotnet tool restore >/dev/null
runner=(dotnet lib/MLCourse.Runner/bin/Debug/net10.0/MLCourse.Runner.dll run notebooks --parallel "$parallel")
"${runner[@]}" --output "$out/warmup" --no-site >/dev/null   # restores the notebooks' NuGet packages once

notebooks=(notebooks/*.ipynb)
now() { date +%s.%N; }

echo "== course runner: ${#notebooks[@]} notebooks, $parallel worker(s)"
start=$(now)
"${runner[@]}" --output "$out/runner" | tail -n 1
runner_seconds=$(echo "$(now) - $start" | bc -l)

echo "== dotnet-repl: one process per notebook"
start=$(now)
failures=0
for notebook in "${notebooks[@]}"; do
  name=$(basename "$notebook")
  nb_start=$(now)
  if (cd notebooks && dotnet repl --run "$name" --exit-after-run >"$out/repl-$name.log" 2>&1); then status=ok; else status=FAILED; failures=$((failures + 1)); fi
  printf '   %-45s %6.1f s  %s\n' "$name" "$(echo "$(now) - $nb_start" | bc -l)" "$status"
done
repl_seconds=$(echo "$(now) - $start" | bc -l)

echo
printf 'machine:      %s, %s cores, %s\n' "$(uname -sm)" "$(nproc)" "$(date -u +%Y-%m-%d)"
printf 'course runner: %6.1f s\n' "$runner_seconds"
printf 'dotnet-repl:   %6.1f s  (%d notebook(s) failed under dotnet-repl)\n' "$repl_seconds" "$failures"
printf 'ratio:         %6.2f x faster\n' "$(echo "$repl_seconds / $runner_seconds" | bc -l)"
