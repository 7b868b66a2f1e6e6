#!/usr/bin/env bash
# Builds each libFuzzer target (BlueprintKit sources + one harness, ASan) and
# fuzzes it for N seconds, then prints executions per second.
#
#   Tests/Fuzz/run.sh [SECONDS] [TARGET...]       default: 600 seconds, every target
#   FUZZ_SCRATCH=/tmp/x Tests/Fuzz/run.sh 60 json
#
# Work files (binaries, the growing corpus, crash artifacts, logs) live in
# $FUZZ_SCRATCH (default /tmp/scened-fuzz), never in the repository. A crash
# or hang is written to $FUZZ_SCRATCH/artifacts/TARGET/; minimize it with
#   $FUZZ_SCRATCH/bin/fuzz-TARGET -minimize_crash=1 -runs=10000 FILE
# and commit the result to Tests/BlueprintKitTests/FuzzCorpus/TARGET/, where
# `swift test` (FuzzReplayTests) replays it.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

# One line per target: NAME HARNESS [EXTRA-SOURCE-DIRS...] (relative to the package root).
TARGETS=(
  "json      Tests/Fuzz/FuzzJSON.swift"
  "blueprint Tests/Fuzz/FuzzBlueprint.swift"
  "recovery  Tests/Fuzz/FuzzRecovery.swift"
)

seconds=${1:-600}
shift || true
want=("$@")
scratch=${FUZZ_SCRATCH:-/tmp/scened-fuzz}
mkdir -p "$scratch/bin" "$scratch/logs"
summary=()
status=0

for line in "${TARGETS[@]}"; do
  read -r name harness extra <<<"$line"
  if [ ${#want[@]} -gt 0 ] && [[ ! " ${want[*]} " =~ " $name " ]]; then continue; fi
  bin="$scratch/bin/fuzz-$name"
  corpus="$scratch/corpus/$name"
  artifacts="$scratch/artifacts/$name/"
  mkdir -p "$corpus" "$artifacts"
  echo "== $name: building"
  # shellcheck disable=SC2046
  swiftc -swift-version 6 -sanitize=fuzzer,address -parse-as-library -O -D FUZZING -module-name "Fuzz_$name" \
    $(find Sources/BlueprintKit $extra -name '*.swift' | sort) Tests/Fuzz/FuzzSupport.swift Tests/BlueprintKitTests/FuzzTargets.swift "$harness" \
    -o "$bin" >"$scratch/logs/$name.build.log" 2>&1 || { cat "$scratch/logs/$name.build.log"; exit 1; }
  # Seeds: the committed replay corpus, and the real blueprints when ../shared is there.
  seeds=("Tests/BlueprintKitTests/FuzzCorpus/$name")
  if [ "$name" != recovery ] && [ -d ../shared/corpus ]; then seeds+=(../shared/corpus/blueprints ../shared/corpus/invalid); fi
  log="$scratch/logs/$name.log"
  echo "== $name: fuzzing for ${seconds}s (log: $log)"
  set +e
  SWIFT_BACKTRACE=enable=no "$bin" "$corpus" "${seeds[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -dict=Tests/Fuzz/json.dict -artifact_prefix="$artifacts" -print_final_stats=1 >"$log" 2>&1
  rc=$?
  set -e
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  if [ $rc -ne 0 ]; then
    status=1
    summary+=("$name: FAILED (exit $rc) after $execs executions; see $log and $artifacts")
  else
    summary+=("$name: ok, $execs executions in ${seconds}s, $rate exec/s")
  fi
done

echo "== summary"
printf '%s\n' "${summary[@]}"
exit $status
