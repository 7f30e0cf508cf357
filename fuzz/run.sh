#!/usr/bin/env bash
# Runs each fuzz target for SECONDS seconds (default 600) with cargo-fuzz
# (nightly). Seeds are in fuzz/corpus/<target>; what the fuzzer finds goes to a
# scratch corpus so the committed seeds stay small. Crashes land in fuzz/artifacts/.
# Leak detection is off: the CSV loader checks blocks on two threads, and
# LeakSanitizer reports glibc's per-thread TLS-destructor record (32 bytes from
# __cxa_thread_atexit_impl) as a leak; that report is not about this code.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${SECONDS_PER_TARGET:-600}
for target in ${TARGETS:-csv_loader plan_parser number_reader workbook_loader import_reader}; do
  work=${FUZZ_WORK:-/tmp/plan-check-fuzz}/$target
  mkdir -p "$work"
  echo "== $target for ${seconds}s"
  cargo +nightly fuzz run "$target" "$work" "corpus/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=262144 -detect_leaks=0 2>&1 | tail -n 40
done
