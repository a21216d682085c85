#!/bin/sh
# Extract dev and check into DIR and print the macro F1 and per-score F1 of each (scores only: check is never read).
set -eu
out=${1:-/tmp/scores}
for corpus in dev check; do
    python -m pipeline extract "../shared/corpus/$corpus" --out "$out/$corpus" --quiet >/dev/null
    printf '%s: ' "$corpus"
    python -m pipeline evaluate --gold "../shared/corpus/$corpus/gold" --pred "$out/$corpus" --json "$out/$corpus.json" >/dev/null
    python -c "import json,sys; s=json.load(open(sys.argv[1])); print(' '.join(f'{k} {v[\"f1\"]:.3f}' for k,v in s.items() if isinstance(v, dict)), f'macro {s[\"macro_f1\"]:.3f}')" "$out/$corpus.json"
done
