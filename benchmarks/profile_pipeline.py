"""Where extraction time goes: milliseconds per article and share of the total, per stage and per pipeline component.

    python benchmarks/profile_pipeline.py                  # the dev corpus repeated to 1,000 articles
    python benchmarks/profile_pipeline.py --articles 200   # quicker
    python benchmarks/profile_pipeline.py --articles 200 --no-freeze-gc   # without gc.freeze() after start-up

Runs in one process what `pipeline extract --workers 1` does (read, tokenize, each component over batches of
BATCH_SIZE docs as nlp.pipe would, tables, write), timing each step apart in CPU time of this process (so other
jobs on the machine do not inflate the figures); start-up (model, our components with
their patterns and the knowledge base) is timed on its own and left out of the shares, and its objects are frozen
out of the garbage collector's passes as extract does (pipeline.extract.freeze_startup). Prints a Markdown table.
(Not named profile.py: in this folder that name would shadow the standard library's `profile`, which spaCy imports,
for every script here.)
"""

import argparse
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path

import spacy
from spacy.tokens import Doc
from threadpoolctl import threadpool_limits

from pipeline import DEFAULT_MODEL, kb
from pipeline.extract import (BATCH_SIZE, SECTION_CHARS, STRINGS_CAP, _body, _doc, _rows, freeze_startup,
                              section_bounds)
from pipeline.nlp import build_nlp
from pipeline.read import Article, iter_articles
from pipeline.write import Output

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "corpus" / "dev"


class Clock:
    """Seconds spent per named step, summed over calls."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def time(self, name: str, work: Callable[[], object]) -> object:
        """Run `work`, adding its time to step `name`; return its result."""
        start = time.process_time()
        result = work()
        self.seconds[name] += time.process_time() - start
        return result


def repeated_articles(folder: Path, n: int, clock: Clock) -> Iterator[Article]:
    """n articles: the folder's read again and again (every read timed as 'read')."""
    given = 0
    while given < n:
        articles = clock.time("read", lambda: list(iter_articles([folder])))
        if not articles:
            raise SystemExit(f"no articles in {folder}")
        for article in islice(articles, n - given):
            given += 1
            yield article


def run_component(proc: object, docs: list[Doc]) -> list[Doc]:
    """One pipeline component over a batch of docs, as nlp.pipe runs it."""
    if hasattr(proc, "pipe"):
        return list(proc.pipe(docs, batch_size=BATCH_SIZE))
    return [proc(doc) for doc in docs]


def profile(folder: Path, n: int, model: str, out: Path, freeze_gc: bool = True
            ) -> tuple[Clock, dict[str, float], list[str], list[str]]:
    """The clock of a run over n articles, the start-up times, the pipeline's component names and the model's; with
    `freeze_gc`, the objects made at start-up are moved out of the garbage collector's reach (gc.freeze) first."""
    startup: dict[str, float] = {}
    threadpool_limits(1, user_api="blas")  # as pipeline_for does
    start = time.process_time()
    model_parts = spacy.load(model).pipe_names
    startup["model (spacy.load)"] = time.process_time() - start
    start = time.process_time()
    nlp = build_nlp(model)
    startup["model + our components and patterns (build_nlp)"] = time.process_time() - start
    start = time.process_time()
    kb.preload()
    startup["knowledge base"] = time.process_time() - start
    if freeze_gc:
        freeze_startup()
    clock = Clock()
    articles = repeated_articles(folder, n, clock)
    with Output(out, "csv") as output:
        while batch := list(islice(articles, BATCH_SIZE)):
            sections = [(a, s, e) for a in batch if a.status == "ok" for s, e in section_bounds(_body(a), SECTION_CHARS)]
            # as extract does: tokenized outside the memory zone until the string store reaches its cap
            docs = [clock.time("tokenize", lambda s=s: _doc(nlp, s, None)) for s in sections] \
                if len(nlp.vocab.strings) < STRINGS_CAP else None
            with nlp.memory_zone():
                docs = docs or [clock.time("tokenize", lambda s=s: _doc(nlp, s, None)) for s in sections]
                for name, proc in nlp.pipeline:
                    docs = clock.time(name, lambda p=proc, d=docs: run_component(p, d))
                rows = [clock.time("tables", lambda s=s, d=d: _rows(s, d)) for s, d in zip(sections, docs)]
            for (article, _, _), article_rows in zip(sections, rows):
                clock.time("write", lambda a=article, r=article_rows: output.add(r, a.article_id, a.text))
        clock.time("write", output.commit)
    return clock, startup, nlp.pipe_names, model_parts


def report(clock: Clock, startup: dict[str, float], names: list[str], model_parts: list[str], n: int) -> None:
    """Print the table: stages in run order, the model's components apart from ours, subtotals."""
    ours = [name for name in names if name not in model_parts]
    total = sum(clock.seconds.values())

    def line(label: str, seconds: float) -> None:
        print(f"| {label} | {1000 * seconds / n:.1f} | {100 * seconds / total:.1f}% |")

    print(f"\n{n} articles, {total:.1f} CPU s ({1000 * total / n:.1f} ms per article) after start-up\n")
    print("| stage / component | CPU ms per article | share |\n|---|---:|---:|")
    line("read", clock.seconds["read"])
    line("tokenize", clock.seconds["tokenize"])
    for name in names:
        line(f"{'model' if name in model_parts else 'ours'}: {name}", clock.seconds[name])
    line("tables", clock.seconds["tables"])
    line("write", clock.seconds["write"])
    line("**model components**", sum(clock.seconds[name] for name in model_parts))
    line("**ours (components, read, tables, write)**",
         sum(clock.seconds[name] for name in [*ours, "read", "tables", "write"]))
    print("\nstart-up (CPU): " + ", ".join(f"{label} {seconds:.2f} s" for label, seconds in startup.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="number of articles (the corpus repeated)")
    parser.add_argument("--corpus", type=Path, default=DEV, help="folder of articles to repeat")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--no-freeze-gc", dest="freeze_gc", action="store_false",
                        help="no gc.freeze() after start-up (what the collector's passes over start-up objects cost)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        clock, startup, names, model_parts = profile(args.corpus, args.articles, args.model, Path(tmp) / "out",
                                                     args.freeze_gc)
    report(clock, startup, names, model_parts, args.articles)


if __name__ == "__main__":
    main()
