"""Time and peak memory of extracting one long synthetic article (100 KB, 1 MB, 5 MB by default).

    python benchmarks/long_articles.py                    # 100 KB, 1 MB and 5 MB: several minutes
    python benchmarks/long_articles.py --sizes 300000 --profile   # cProfile's top functions for one size

Each size runs `python -m pipeline extract` on a fresh process (model loading included, shown apart as the
run with a one-paragraph article) and reports wall seconds and the process's peak RSS. The article repeats
invented film-news sentences (names, titles and dates varied) in paragraphs, in a temporary folder.
"""

import argparse
import cProfile
import io
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GIVEN = ["Rosa", "Omar", "Lucy", "Brendan", "Ingrid", "Tariq", "Mirela", "Joaquin", "Hana", "Dmitri"]
FAMILY = ["Delgado", "Haddad", "Fenwick", "Sato", "Holm", "Mensah", "Varga", "Okafor", "Lindqvist", "Petrov"]
TITLES = ["Silver Current", "The Glass Orchard", "Night Ferry", "Copper Saints", "Harbour Lights", "Salt Road"]
MONTHS = ["January", "March", "May", "July", "September", "November"]
SENTENCES = [
    'The thriller {film} wrapped filming in Lisbon in {month} {year}, {person} said.',
    '{person} plays Captain {family}, a retired smuggler, in {film}.',
    '"We shot every night scene twice," {person} told Empire.',
    'Director {person} said the sequel to {film} would open on {month} {day}, {year}.',
    '{film} will stream on Netflix from {month} {year}, according to {person}.',
    'Producer {person} described the shoot as "a long winter at sea."',
    'The cast of {film} also includes {person} and {other}.',
]
EXTRACT = """
import resource, sys
from pipeline.cli import app
try:
    app(sys.argv[1:], prog_name="pipeline")
finally:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def synthetic_article(n_chars: int) -> str:
    """An article of about n_chars characters: paragraphs of invented film-news sentences, every one varied."""
    paragraphs, size, i = [], 0, 0
    while size < n_chars:
        sentences = []
        for _ in range(5):
            g, f = GIVEN[i % 10], FAMILY[(i // 10) % 10]
            sentences.append(SENTENCES[i % len(SENTENCES)].format(
                film=TITLES[(i // 7) % len(TITLES)], person=f"{g} {f}", other=f"{GIVEN[(i + 3) % 10]} {f}",
                family=FAMILY[(i + 5) % 10], month=MONTHS[i % 6], day=i % 27 + 1, year=1990 + i % 35))
            i += 1
        paragraphs.append(" ".join(sentences))
        size += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs)[:n_chars].rstrip() + ".\n"


def measure(path: Path, out: Path) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MB) and the summary line of one `extract` process over `path`."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", EXTRACT, "extract", str(path), "--out", str(out), "--quiet"],
                          cwd=ROOT, check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    summary, rss = done.stdout.strip().splitlines()
    return seconds, float(rss) / 1024, summary


def profile(path: Path, out: Path, top: int = 25) -> str:
    """cProfile's top functions by cumulative time for extracting `path` in this process."""
    from pipeline import extract

    profiler = cProfile.Profile()
    profiler.runcall(extract.run, [path], out, quiet=True)
    stream = io.StringIO()
    pstats.Stats(profiler, stream=stream).sort_stats("tottime").print_stats(top)
    return stream.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000, 5_000_000])
    parser.add_argument("--profile", action="store_true", help="print cProfile's top functions instead")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.profile:
            for size in args.sizes:
                (folder / f"long-{size}.txt").write_text(synthetic_article(size), encoding="utf-8")
                print(profile(folder / f"long-{size}.txt", folder / f"out-{size}"))
            return
        print(f"{'chars':>10} {'seconds':>8} {'peak RSS MB':>12}  summary")
        for size in [300, *args.sizes]:  # the 300-character run is model loading and a tiny article
            path = folder / f"long-{size}.txt"
            path.write_text(synthetic_article(size), encoding="utf-8")
            seconds, rss, summary = measure(path, folder / f"out-{size}")
            print(f"{size:>10,} {seconds:>8.1f} {rss:>12.0f}  {summary}", flush=True)


if __name__ == "__main__":
    main()
