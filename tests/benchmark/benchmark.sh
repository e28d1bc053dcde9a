#!/usr/bin/env bash
# Runs the whole course two or three times in one invocation and prints the wall times and the ratios:
#   1. with the course runner (worker processes, fresh kernel per notebook), exactly as the README runs it;
#   2. with dotnet-repl (pinned in .config/dotnet-tools.json), one process per notebook, one after another;
#   3. with `jupyter nbconvert --execute` and the .NET Interactive kernel (.net-csharp), one notebook after another,
#      when Jupyter and that kernel are installed (Debian: jupyter-nbconvert python3-nbclient jupyter-client
#      python3-ipykernel; then `dotnet tool install -g Microsoft.dotnet-interactive --version 1.0.712001` and
#      `dotnet interactive jupyter install`); otherwise this column is skipped.
# Each tool first runs one notebook untimed, so none pays for NuGet downloads or its first package restore.
# Usage: tests/benchmark/benchmark.sh [--parallel N]   (N defaults to the processor count)
set -euo pipefail
cd "$(dirname "$0")/../.."
parallel="$(nproc)"
[ "${1:-}" = "--parallel" ] && parallel="${2:?--parallel needs a number}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

notebooks=(notebooks/*.ipynb)
now() { date +%s.%N; }
elapsed() { echo "$(now) - $1" | bc -l; }
export PATH="$PATH:$HOME/.dotnet/tools"   # where `dotnet tool install -g` puts dotnet-interactive, which the kernel starts
nbconvert=0
if command -v jupyter >/dev/null 2>&1 && jupyter kernelspec list 2>/dev/null | grep -q '\.net-csharp' && dotnet interactive --version >/dev/null 2>&1; then
  nbconvert=1
fi

# one_by_one NAME COMMAND…: runs COMMAND NOTEBOOK for each notebook in turn; sets NAME_seconds and NAME_failures.
one_by_one() {
  local tool=$1 failures=0 start nb_start notebook status; shift
  start=$(now)
  for notebook in "${notebooks[@]}"; do
    nb_start=$(now)
    if "$@" "$notebook" >"$out/$tool-$(basename "$notebook").log" 2>&1; then status=ok; else status=FAILED; failures=$((failures + 1)); fi
    printf '   %-45s %6.1f s  %s\n' "$(basename "$notebook")" "$(elapsed "$nb_start")" "$status"
  done
  printf -v "${tool}_seconds" '%s' "$(elapsed "$start")"
  printf -v "${tool}_failures" '%s' "$failures"
}
repl() { (cd notebooks && dotnet repl --run "$(basename "$1")" --exit-after-run); }
execute() { jupyter nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=.net-csharp --ExecutePreprocessor.timeout=600 --output-dir "$out/nbconvert" "$1"; }

echo "== build and warm-up (not timed)"
dotnet build Course.sln -v q -nologo >/dev/null
dotnet tool restore >/dev/null
dotnet run --project lib/MLCourse.Runner -- run notebooks --output "$out/warmup" --no-site >/dev/null || true   # restores the notebooks' packages
repl "${notebooks[0]}" >/dev/null 2>&1 || true
if [ $nbconvert = 1 ]; then execute "${notebooks[0]}" >/dev/null 2>&1 || true; fi

echo "== course runner, as the README runs it: ${#notebooks[@]} notebooks, $parallel at a time, with the site"
start=$(now)
{ dotnet run --project lib/MLCourse.Runner -- run notebooks --output "$out/runner" --parallel "$parallel" || true; } | grep -E '^(PASS|FAIL)  |passed,' || true
runner_seconds=$(elapsed "$start")

echo "== dotnet-repl: one process per notebook"
one_by_one repl repl

if [ $nbconvert = 1 ]; then
  echo "== jupyter nbconvert --execute, .NET Interactive kernel: one notebook after another"
  one_by_one nbconvert execute
fi

echo
printf 'machine:        %s, %s cores, %s GiB, .NET SDK %s, %s\n' "$(uname -sm)" "$(nproc)" "$(free -g | awk '/^Mem:/ {print $2}')" "$(dotnet --version)" "$(date -u +%Y-%m-%d)"
printf 'notebooks:      %d\n' "${#notebooks[@]}"
printf 'course runner:  %6.1f s  (%.2f s per notebook)\n' "$runner_seconds" "$(echo "$runner_seconds / ${#notebooks[@]}" | bc -l)"
printf 'dotnet-repl:    %6.1f s  (%d notebook(s) failed under dotnet-repl)  ratio %.1fx\n' "$repl_seconds" "$repl_failures" "$(echo "$repl_seconds / $runner_seconds" | bc -l)"
if [ $nbconvert = 1 ]; then
  printf 'nbconvert:      %6.1f s  (%d notebook(s) failed under nbconvert)  ratio %.1fx\n' "$nbconvert_seconds" "$nbconvert_failures" "$(echo "$nbconvert_seconds / $runner_seconds" | bc -l)"
else
  echo "nbconvert:      skipped (install Jupyter and the .NET Interactive kernel to compare)"
fi
