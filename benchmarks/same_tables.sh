#!/bin/sh
# Extract the seed, dev and check corpora with the current code and diff the tables against a saved run.
# Usage: benchmarks/same_tables.sh BASE_DIR NEW_DIR   (first run with BASE_DIR only: saves the tables there)
set -eu
base=$1
new=${2:-$1}
for corpus in seed dev check; do
    python -m pipeline extract "../shared/corpus/$corpus" --out "$new/$corpus" --quiet >/dev/null
done
[ "$base" = "$new" ] && { echo "saved tables in $base"; exit 0; }
if diff -r -x .journal "$base" "$new" >/dev/null; then echo "tables identical on seed, dev and check"; else
    diff -rq -x .journal "$base" "$new"; echo "TABLES DIFFER (file names only: never read check's rows)"; exit 1; fi
