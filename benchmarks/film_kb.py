"""Cost of the film knowledge base: file size, opening time, memory, and the link_films component's time.

    python benchmarks/film_kb.py [--runs N] [ARTICLES...]   # default: 3 runs on ../shared/corpus/dev

Needs psutil, of the `bench` extra (`pip install -e '.[bench]'`). Prints the size and row counts of the bundled KB;
for a fresh copy of it (the pipeline's own is warm): the time to open it and answer a first lookup, to read its
title keys, subtitles and given names and the memory they take, the time link_films takes on its own with cold
caches, and the resident memory all that adds; the share of films linked to a QID; the pipeline's CPU seconds on the
articles with and without link_films, and with and without the KB titles of extract_films (its `use_kb` setting),
then extract_films's own CPU time with and without them and the throughput ratio that cost makes (steadier than the
whole pipeline's). The runs with and without alternate; medians are printed with their spread.
"""

import argparse
import sqlite3
import statistics
import time
import tracemalloc
from collections.abc import Callable
from importlib.resources import as_file
from pathlib import Path

import psutil
from spacy.language import Language

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
    """CPU seconds of this process to run the pipeline (less `disable`) over the article bodies, and the Docs (CPU
    time, unlike wall time, hardly moves with what other processes run meanwhile)."""
    start = time.process_time()
    with nlp.select_pipes(disable=disable):
        docs = list(nlp.pipe(make_doc(nlp, a.text[a.body_start:], None) for a in articles))
    return time.process_time() - start, docs


def main(inputs: list[str], runs: int) -> None:
    """Print the figures for the articles of `inputs`, timing `runs` runs of the pipeline each way."""
    articles = [a for a in iter_articles(inputs or [ROOT.parent / "shared" / "corpus" / "dev"]) if a.status == "ok"]
    nlp = build_nlp()
    _, docs = pipeline_seconds(nlp, articles, ["link_films"])  # also warms the model up
    with as_file(resources.path(kb.KB_FILE)) as path:
        describe_file(path)
        fresh_kb_cost(path, docs)
    films = [f for doc in docs for f in doc._.films]
    print(f"films linked to a QID: {sum(bool(f.wikidata_id) for f in films)}/{len(films)}")
    seconds = alternate(runs, lambda linked: pipeline_seconds(nlp, articles, [] if linked else ["link_films"])[0])
    print(f"pipeline on {len(articles)} articles, {compare(seconds)} link_films")

    seconds = alternate(runs, lambda on: pipeline_seconds(with_kb_titles(nlp, on), articles, [])[0])
    print(f"pipeline on {len(articles)} articles, {compare(seconds)} KB titles")
    films_seconds = alternate(runs, lambda on: component_seconds(with_kb_titles(nlp, on), articles, "extract_films"))
    without, cost = (statistics.median(films_seconds[on]) * 1000 / len(articles) for on in (False, True))
    cost -= without
    per_article = statistics.median(seconds[False]) * 1000 / len(articles)
    print(f"extract_films alone, median of {runs}: {without:.1f} CPU ms per article without KB titles, {cost:+.1f} ms "
          f"with them: x{per_article / (per_article + cost):.3f} of the pipeline's {per_article:.0f} ms")


def with_kb_titles(nlp: Language, on: bool) -> Language:
    """The pipeline with the KB titles of extract_films (its `use_kb`) on or off."""
    nlp.replace_pipe("extract_films", "extract_films", config={"use_kb": on})
    return nlp


def component_seconds(nlp: Language, articles, name: str) -> float:
    """CPU seconds one component takes on the article bodies, the pipeline run a component at a time (a figure that
    the rest of the pipeline leaves out, and its noise with it)."""
    spent = 0.0
    for article in articles:
        doc = make_doc(nlp, article.text[article.body_start:], None)
        for component, process in nlp.pipeline:
            start = time.process_time()
            doc = process(doc)
            spent += time.process_time() - start if component == name else 0.0
    return spent


def fresh_kb_cost(path: Path, docs: list) -> None:
    """Time and memory of a fresh copy of the KB (the pipeline's own is warm): opening it, a first lookup, reading its
    title keys, subtitles and given names, and link_films on the Docs with its caches cold."""
    before = rss_mb()
    tracemalloc.start()
    start = time.perf_counter()
    base = kb.load(str(path))  # by its path: not the copy the pipeline opened
    base.candidates("")
    print(f"open and first lookup: {(time.perf_counter() - start) * 1000:.1f} ms")
    start = time.perf_counter()
    sizes = [len(base.keys()), len(base.subtitles()), len(base.given_names())]
    seconds, (size, _) = time.perf_counter() - start, tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"KB tables read once: {sizes[0]:,} title keys, {sizes[1]:,} subtitle keys, {sizes[2]:,} given names in "
          f"{seconds * 1000:.0f} ms, {size / 1e6:.1f} MB")
    start = time.perf_counter()
    for doc in docs:
        link_films(doc, str(path))
    print(f"link_films alone on {len(docs)} articles (cold cache): {(time.perf_counter() - start) * 1000:.1f} ms")
    print(f"memory a fresh KB adds, with its tables and link_films' caches: {rss_mb() - before:.1f} MB "
          f"(process {rss_mb():.0f} MB)")


def alternate(runs: int, seconds: Callable[[bool], float]) -> dict[bool, list[float]]:
    """The `seconds(False)` and `seconds(True)` of `runs` alternating runs."""
    found: dict[bool, list[float]] = {False: [], True: []}
    for _ in range(runs):
        for on in (False, True):
            found[on].append(seconds(on))
    return found


def compare(seconds: dict[bool, list[float]]) -> str:
    """The median seconds without and with a part, their spread (without, with), and the throughput ratio of the
    medians."""
    off, on = statistics.median(seconds[False]), statistics.median(seconds[True])
    spread = ", ".join(f"{min(s):.2f}-{max(s):.2f}" for s in seconds.values())
    return f"median of {len(seconds[True])}: {off:.2f} CPU s without, {on:.2f} with (spread {spread}): x{off / on:.3f}"


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs with and without each part (alternating)")
    parser.add_argument("articles", nargs="*")
    options = parser.parse_args()
    main(options.articles, options.runs)
