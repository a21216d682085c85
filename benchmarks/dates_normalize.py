"""Benchmark of pipeline.normalize_dates.normalize on hand-written cases.

Reads benchmarks/dates_cases.tsv (text, reference, value, precision, category; an empty
reference means none, an empty value a rejected or unresolvable expression) and prints
accuracy overall and per category, the failures, and the speed.

    python benchmarks/dates_normalize.py [--cases FILE] [--fail-under ACCURACY]
"""

import argparse
import csv
import datetime as dt
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.normalize_dates import _normalize, normalize  # noqa: E402

Case = tuple[str, dt.date | None, tuple[str, str], str]


def load(path: Path) -> list[Case]:
    """Read the cases file."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [
            (row["text"], dt.date.fromisoformat(row["reference"]) if row["reference"] else None,
             (row["value"], row["precision"]), row["category"])
            for row in rows
        ]


def main() -> int:
    """Run the benchmark; exit status 1 when accuracy is under --fail-under."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=Path(__file__).with_name("dates_cases.tsv"))
    parser.add_argument("--fail-under", type=float, default=0.0)
    args = parser.parse_args()
    cases = load(args.cases)

    normalize("January 1, 2000", None)  # load dateparser's English data outside the timing
    _normalize.cache_clear()
    start = time.perf_counter()
    results = [normalize(text, ref) for text, ref, _, _ in cases]
    cold = time.perf_counter() - start
    start = time.perf_counter()
    for text, ref, _, _ in cases:
        normalize(text, ref)
    cached = time.perf_counter() - start

    per_category: dict[str, list[bool]] = defaultdict(list)
    failures = []
    for (text, ref, expected, category), got in zip(cases, results):
        per_category[category].append(got == expected)
        if got != expected:
            failures.append((category, text, ref, expected, got))

    n_right = sum(sum(v) for v in per_category.values())
    accuracy = n_right / len(cases)
    print(f"accuracy {accuracy:.3f} ({n_right}/{len(cases)})")
    for category, oks in sorted(per_category.items()):
        print(f"  {category:<16} {sum(oks) / len(oks):.3f} ({sum(oks)}/{len(oks)})")
    print(f"failures: {len(failures)}")
    for category, text, ref, expected, got in failures:
        print(f"  [{category}] {text!r} ref={ref} expected={expected} got={got}")
    print(f"speed: {len(cases) / cold:,.0f} cases/s uncached, {len(cases) / cached:,.0f} cases/s cached")
    return 0 if accuracy >= args.fail_under else 1


if __name__ == "__main__":
    sys.exit(main())
