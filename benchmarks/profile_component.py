"""cProfile of one pipeline component: where its time goes, function by function, over a corpus's articles.

    python benchmarks/profile_component.py extract_quotes             # the dev corpus, top 30 by own time
    python benchmarks/profile_component.py extract_people --sort cumulative --top 50
    python benchmarks/profile_component.py extract_quotes --callers __getitem__   # who calls it, how often

The components before the named one run unprofiled; then the named one runs over every doc under cProfile, and the
functions it spent most time in are printed (pstats). With --warm-up the component first runs once over the corpus
unprofiled, so that one-off costs (lazily compiled regexes, caches) stay out of the figures.
"""

import argparse
import cProfile
import pstats
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import DEFAULT_MODEL
from pipeline.extract import SECTION_CHARS, _body, _doc, section_bounds
from pipeline.nlp import build_nlp
from pipeline.read import iter_articles

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dev"


def docs_before(nlp: Language, corpus: Path, component: str) -> list[Doc]:
    """The corpus's articles (sections) as docs that every component before `component` has run over."""
    articles = [a for a in iter_articles([corpus]) if a.status == "ok"]
    docs = [_doc(nlp, (a, s, e), None) for a in articles for s, e in section_bounds(_body(a), SECTION_CHARS)]
    for name, proc in nlp.pipeline:
        if name == component:
            break
        docs = [proc(doc) for doc in docs]
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("component", help="name of a pipeline component (extract_quotes, extract_people, ...)")
    parser.add_argument("--corpus", type=Path, default=DEV, help="folder of articles")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--sort", default="tottime", help="pstats sort key (tottime, cumulative, ...)")
    parser.add_argument("--top", type=int, default=30, help="how many functions to print")
    parser.add_argument("--warm-up", action="store_true",
                        help="run the component over the corpus once unprofiled first (caches, lazy regexes)")
    parser.add_argument("--callers", default="", help="print who calls the functions matching this instead")
    args = parser.parse_args()
    nlp = build_nlp(args.model)
    if args.component not in nlp.pipe_names:
        raise SystemExit(f"no component {args.component!r}; the pipeline has {', '.join(nlp.pipe_names)}")
    component = nlp.get_pipe(args.component)
    if args.warm_up:
        for doc in docs_before(nlp, args.corpus, args.component):
            component(doc)
    docs = docs_before(nlp, args.corpus, args.component)
    profiler = cProfile.Profile()
    profiler.enable()
    for doc in docs:
        component(doc)
    profiler.disable()
    print(f"{args.component} over {len(docs)} docs")
    stats = pstats.Stats(profiler).sort_stats(args.sort)
    if args.callers:
        stats.print_callers(args.callers)
    else:
        stats.print_stats(args.top)


if __name__ == "__main__":
    main()
