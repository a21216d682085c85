"""Cost of the film knowledge base: file size, opening time, memory, and the link_films component's time.

    python benchmarks/film_kb.py [ARTICLES...]   # default: ../shared/corpus/dev

Prints the size and row counts of the bundled KB, the time to open it and answer a first lookup, the time
link_films takes on its own and the resident memory the KB adds once every film of the articles is linked,
the share of films linked to a QID, the pipeline's seconds on the articles with and without link_films, and
with and without the KB titles of extract_films (its `use_kb` setting), with the memory the title keys take.
"""

import sqlite3
import sys
import time
import tracemalloc
from importlib.resources import as_file
from pathlib import Path

import psutil

from pipeline import kb, resources
from pipeline.link_films import link_films
from pipeline.nlp import build_nlp, make_doc
from pipeline.read import iter_articles

ROOT = Path(__file__).resolve().parent.parent


def rss_mb() -> float:
    """This process's resident memory in MB."""
    return psutil.Process().memory_info().rss / 1e6


def describe_file(path: Path) -> None:
    """The KB's size and the rows of each table."""
    with sqlite3.connect(path) as db:
        counts = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("films", "aliases", "people", "cast")}
    print(f"KB {path.name}: {path.stat().st_size / 1e6:.1f} MB, " + ", ".join(f"{n:,} {t}" for t, n in counts.items()))


def pipeline_seconds(nlp, articles, disable: list[str]) -> tuple[float, list]:
    """Seconds to run the pipeline (less `disable`) over the article bodies, and the Docs."""
    start = time.perf_counter()
    with nlp.select_pipes(disable=disable):
        docs = list(nlp.pipe(make_doc(nlp, a.text[a.body_start:], None) for a in articles))
    return time.perf_counter() - start, docs


def main(inputs: list[str]) -> None:
    """Print the figures for the articles of `inputs`."""
    with as_file(resources.path(kb.KB_FILE)) as path:
        describe_file(path)
    articles = [a for a in iter_articles(inputs or [ROOT.parent / "shared" / "corpus" / "dev"]) if a.status == "ok"]
    nlp = build_nlp()
    _, docs = pipeline_seconds(nlp, articles, ["link_films"])  # also warms the model up
    before = rss_mb()
    start = time.perf_counter()
    kb.candidates("")
    print(f"open and first lookup: {(time.perf_counter() - start) * 1000:.1f} ms")
    start = time.perf_counter()
    for doc in docs:
        link_films(doc)
    print(f"link_films alone on {len(docs)} articles (cold cache): {(time.perf_counter() - start) * 1000:.1f} ms")
    print(f"memory the open KB and its caches add: {rss_mb() - before:.1f} MB (process {rss_mb():.0f} MB)")
    films = [f for doc in docs for f in doc._.films]
    print(f"films linked to a QID: {sum(bool(f.wikidata_id) for f in films)}/{len(films)}")
    runs = {"without": [], "with": []}
    for _ in range(2):
        runs["without"].append(pipeline_seconds(nlp, articles, ["link_films"])[0])
        runs["with"].append(pipeline_seconds(nlp, articles, [])[0])
    print(f"pipeline on {len(articles)} articles, best of 2: {min(runs['without']):.2f} s without link_films, "
          f"{min(runs['with']):.2f} s with it")
    kb_titles_cost(nlp, articles)


def kb_titles_cost(nlp, articles) -> None:
    """The memory of the KB's title keys and the pipeline's seconds with and without KB titles in extract_films."""
    tracemalloc.start()
    start = time.perf_counter()
    with as_file(resources.path(kb.KB_FILE)) as path:
        keys = kb.FilmKB(path).keys()  # a fresh copy: the pipeline's own was read on its first article
    seconds, (size, _) = time.perf_counter() - start, tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"KB title keys: {len(keys):,} read in {seconds * 1000:.0f} ms, {size / 1e6:.1f} MB")
    runs: dict[bool, list[float]] = {True: [], False: []}
    for _ in range(2):
        for use_kb in (False, True):
            nlp.replace_pipe("extract_films", "extract_films", config={"use_kb": use_kb})
            runs[use_kb].append(pipeline_seconds(nlp, articles, [])[0])
    print(f"pipeline on {len(articles)} articles, best of 2: {min(runs[False]):.2f} s without KB titles, "
          f"{min(runs[True]):.2f} s with them (x{min(runs[False]) / min(runs[True]):.3f} throughput)")

if __name__ == "__main__":
    main(sys.argv[1:])
