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
# and commit the result to the target's replay directory (REPLAY below:
# Tests/BlueprintKitTests/FuzzCorpus/TARGET/ or Tests/EditorUITests/FuzzCorpus/TARGET/),
# where `swift test` (FuzzReplayTests, EditorFuzzReplayTests) replays it.
#
# BlueprintKit targets compile the BlueprintKit sources and the harness as one
# module. EditorUI targets (theme, config) first build BlueprintKit as a static
# library module (instrumented the same way), then the EditorUI sources and the
# harness against it.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

# One line per target: NAME KIND HARNESS. KIND is `model` (BlueprintKit) or `editorui`.
TARGETS=(
  "json      model    Tests/Fuzz/FuzzJSON.swift"
  "blueprint model    Tests/Fuzz/FuzzBlueprint.swift"
  "recovery  model    Tests/Fuzz/FuzzRecovery.swift"
  "catalog   model    Tests/Fuzz/FuzzCatalog.swift"
  "theme     editorui Tests/Fuzz/FuzzTheme.swift"
  "config    editorui Tests/Fuzz/FuzzConfig.swift"
)

seconds=${1:-600}
shift || true
want=("$@")
scratch=${FUZZ_SCRATCH:-/tmp/scened-fuzz}
mkdir -p "$scratch/bin" "$scratch/logs"
summary=()
status=0

for line in "${TARGETS[@]}"; do
  read -r name kind harness <<<"$line"
  if [ ${#want[@]} -gt 0 ] && [[ ! " ${want[*]} " =~ " $name " ]]; then continue; fi
  bin="$scratch/bin/fuzz-$name"
  corpus="$scratch/corpus/$name"
  artifacts="$scratch/artifacts/$name/"
  mkdir -p "$corpus" "$artifacts"
  echo "== $name: building"
  flags=(-swift-version 6 -sanitize=fuzzer,address -parse-as-library -O)
  if [ "$kind" = editorui ]; then
    replay="Tests/EditorUITests/FuzzCorpus/$name"
    lib="$scratch/lib"
    mkdir -p "$lib"
    # shellcheck disable=SC2046
    swiftc "${flags[@]}" -emit-library -static -emit-module -module-name BlueprintKit \
      $(find Sources/BlueprintKit -name '*.swift' | sort) -o "$lib/libBlueprintKit.a" \
      -emit-module-path "$lib/BlueprintKit.swiftmodule" >"$scratch/logs/$name.lib.log" 2>&1 \
      || { cat "$scratch/logs/$name.lib.log"; exit 1; }
    # shellcheck disable=SC2046
    swiftc "${flags[@]}" -D FUZZING -D FUZZ_EDITORUI -module-name "Fuzz_$name" -I "$lib" -L "$lib" -lBlueprintKit \
      $(find Sources/EditorUI -name '*.swift' | sort) Tests/Fuzz/FuzzSupport.swift Tests/EditorUITests/EditorFuzzTargets.swift "$harness" \
      -o "$bin" >"$scratch/logs/$name.build.log" 2>&1 || { cat "$scratch/logs/$name.build.log"; exit 1; }
  else
    replay="Tests/BlueprintKitTests/FuzzCorpus/$name"
    # shellcheck disable=SC2046
    swiftc "${flags[@]}" -D FUZZING -module-name "Fuzz_$name" \
      $(find Sources/BlueprintKit -name '*.swift' | sort) Tests/Fuzz/FuzzSupport.swift Tests/BlueprintKitTests/FuzzTargets.swift "$harness" \
      -o "$bin" >"$scratch/logs/$name.build.log" 2>&1 || { cat "$scratch/logs/$name.build.log"; exit 1; }
  fi
  # Seeds: the committed replay corpus, and the real blueprints when ../shared is there.
  seeds=("$replay")
  if [ "$kind" = model ] && [ "$name" != recovery ] && [ -d ../shared/corpus ]; then seeds+=(../shared/corpus/blueprints ../shared/corpus/invalid); fi
  dict=()
  if [ "$kind" = model ]; then dict=(-dict=Tests/Fuzz/json.dict); fi
  log="$scratch/logs/$name.log"
  echo "== $name: fuzzing for ${seconds}s (log: $log)"
  set +e
  # leak_check_at_exit=0: libFuzzer still checks every input for leaks; the check at exit
  # only reports objects of process-lifetime statics (the shipped catalog), which LSan
  # cannot see through Swift enum payload pointers (spare bits) and calls leaks.
  ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}leak_check_at_exit=0" SWIFT_BACKTRACE=enable=no "$bin" "$corpus" "${seeds[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 "${dict[@]}" -artifact_prefix="$artifacts" -print_final_stats=1 >"$log" 2>&1
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
