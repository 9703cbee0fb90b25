#!/bin/sh
# Builds the libFuzzer targets with -sanitize=fuzzer,address and runs each for SECONDS.
#
#   Fuzz/run.sh SECONDS [FuzzLoader|FuzzNumbers|all] [libFuzzer flags...]
#
# Seeds come from the committed fixtures (header plus one small case per seed, so every seed
# is a valid fixture well under -max_len), the bad-fixture corpus under Tests/, and
# Fuzz/seeds/<target>. Inputs libFuzzer finds interesting accumulate in Fuzz/corpus/<target>
# and crashes, leaks and timeouts are written to Fuzz/artifacts/<target>/ (both ignored by
# git). The script exits non-zero if any target finds something.
set -eu

usage="usage: Fuzz/run.sh SECONDS [FuzzLoader|FuzzNumbers|all] [libFuzzer flags...]"
seconds=${1:?$usage}
case $seconds in *[!0-9]* | '') echo "$usage" >&2; exit 2 ;; esac
which=${2:-all}
[ $# -ge 2 ] && shift 2 || shift $#
case $which in
  all) targets="FuzzLoader FuzzNumbers" ;;
  FuzzLoader | FuzzNumbers) targets=$which ;;
  *) echo "$usage" >&2; exit 2 ;;
esac

fuzz=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$fuzz")
cd "$fuzz"

flags="-c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library"
# shellcheck disable=SC2086
swift build $flags
# shellcheck disable=SC2086
bin=$(swift build $flags --show-bin-path)

max_len=8192
seeds="$fuzz/.build/seeds"
rm -rf "$seeds"
mkdir -p "$seeds/FuzzLoader" "$seeds/FuzzNumbers"

# Loader seeds: each committed fixture cut into single-case fixtures (cases of at most
# 3000 bytes, up to 150 per file). Relies on the recorder's layout: cases open with "    {"
# and close with "    }" or "    }," inside "  \"cases\": [".
for fixture in "$root"/Fixtures/*.json; do
  [ -f "$fixture" ] || continue
  name=$(basename "$fixture" .json)
  awk -v out="$seeds/FuzzLoader" -v name="$name" -v maxcase=3000 -v maxseeds=150 '
    !incases { header = header $0 "\n"; if ($0 ~ /^  "cases": \[$/) incases = 1; next }
    /^    \{$/ { buffer = "" }
    { buffer = buffer $0 "\n" }
    /^    \},?$/ {
      if (length(buffer) <= maxcase && n < maxseeds) {
        n++
        sub(/\},\n$/, "}\n", buffer)
        file = sprintf("%s/%s-%03d.json", out, name, n)
        printf "%s%s  ]\n}\n", header, buffer > file
        close(file)
      }
      buffer = ""
    }
  ' "$fixture"
done
cp "$root"/Tests/ParityFixturesTests/Corpus/bad/*.json "$seeds/FuzzLoader/" 2>/dev/null || true
cp "$fuzz"/seeds/FuzzLoader/* "$seeds/FuzzLoader/" 2>/dev/null || true

# Number seeds: the distinct `data` arrays of the committed fixtures, one per file.
n=0
for fixture in "$root"/Fixtures/*.json; do
  [ -f "$fixture" ] || continue
  grep -o '"data": \[[^]]*\]' "$fixture" | sed 's/^"data": //' | sort -u | head -n 300
done | while IFS= read -r line; do
  n=$((n + 1))
  printf '%s' "$line" | head -c $max_len > "$seeds/FuzzNumbers/data-$n.json"
done
cp "$fuzz"/seeds/FuzzNumbers/* "$seeds/FuzzNumbers/" 2>/dev/null || true

status=0
for target in $targets; do
  corpus="$fuzz/corpus/$target"
  artifacts="$fuzz/artifacts/$target"
  mkdir -p "$corpus" "$artifacts"
  dict="$fuzz/$target.dict"
  echo "== $target for ${seconds}s (seeds: $(ls "$seeds/$target" | wc -l), corpus: $(ls "$corpus" | wc -l))"
  # -timeout: one input may take 10 s (a hang is a finding); -rss_limit_mb: the loader's own
  # limits must keep memory far below this; -detect_leaks: LeakSanitizer at exit and on the way.
  "$bin/$target" "$corpus" "$seeds/$target" \
    -max_total_time="$seconds" -max_len=$max_len -timeout=10 -rss_limit_mb=2048 -detect_leaks=1 \
    -dict="$dict" -artifact_prefix="$artifacts/" -print_final_stats=1 "$@" || status=$?
done
exit $status
