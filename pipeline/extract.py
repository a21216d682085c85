"""Run an extraction job: stream articles, extract them in batches (in processes or on Dask), write the tables."""

import ctypes
import gc
import hashlib
import os
import re
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, partial
from itertools import tee
from multiprocessing import get_all_start_methods, get_context
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc
from threadpoolctl import threadpool_limits
from tqdm import tqdm

from . import kb, nlp as nlp_module
from .read import Article, count_articles, iter_articles
from .tables import Rows, merge_rows, rows_for
from .write import Journal, Output, check_out_dir

ENGINES = ("local", "dask")
BATCH_SIZE = 32  # docs per nlp.pipe batch
# Articles are tokenized outside the memory zone (the tokenizer caches nothing inside one) until the string store
# holds STRINGS_CAP strings (at most ~35 MB more); past it, new words live only as long as their batch's memory zone.
STRINGS_CAP = 250_000
CHUNK_CHARS, CHUNK_ARTICLES = 50_000, 256  # the most text and articles sent to a worker in one task
# The longest text one Doc holds: a longer article is cut into sections (at paragraph ends where it can be) extracted
# apart, so time and memory grow linearly with its length (several rules compare every candidate with every entity).
SECTION_CHARS = 100_000
_BREAKS = [re.compile(p) for p in (r"\n[ \t]*\n\s*", r"\n\s*", r"[.!?][\"'”’)\]]*\s+", r"\s+")]
_LOCK = threading.Lock()  # a process's pipeline (and its memory zones) serves one batch at a time
PR_SET_PDEATHSIG = 1  # linux/prctl.h
WATCH_SECONDS = 0.5  # how often a worker checks that the process that started it is alive

Batches = Callable[[Iterator[list[Article]]], Iterator[list[Rows]]]
Section = tuple[Article, int, int]  # an article, and where one section of its body starts and ends
T = TypeVar("T")


@dataclass
class Summary:
    """What a run did: articles extracted and failed, rows per table."""

    ok: int = 0
    errors: int = 0
    rows: dict[str, int] = field(default_factory=dict)


def parse_published(value: str | None) -> date | None:
    """An article's publication date from 'YYYY-MM-DD' (or a longer ISO timestamp); None if absent or bad."""
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


@cache
def pipeline_for(model: str) -> Language:
    """This process's spaCy pipeline for `model`, built on first use with the knowledge base's whole-file tables, and
    kept for the process's life; what start-up made is then frozen (`freeze_startup`). The process's BLAS runs one
    thread: a job's parallelism is its workers, which would otherwise contend for the same cores."""
    threadpool_limits(1, user_api="blas")
    nlp = nlp_module.build_nlp(model)
    kb.preload()
    freeze_startup()
    return nlp


def freeze_startup() -> None:
    """Move every object alive now (the model, the patterns, the knowledge base) out of the garbage collector's
    passes, which would otherwise walk them again and again as articles make and drop objects, and, in workers
    forked later, write to (and so copy) the pages they share with their parent."""
    gc.collect()
    gc.freeze()


def section_bounds(text: str, limit: int) -> list[tuple[int, int]]:
    """Cut a text into sections of at most `limit` characters, each ending at its window's last paragraph break
    (blank line), else line break, else sentence end, else space (else at the limit); (start, end) of each."""
    bounds, start = [], 0
    while len(text) - start > limit:
        end = next((ends[-1] for pattern in _BREAKS if (ends := [m.end() for m in
                    pattern.finditer(text, start + 1, start + limit)])), start + limit)
        bounds.append((start, end))
        start = end
    return [*bounds, (start, len(text))]


def extract_batch(articles: list[Article], model: str, published: date | None) -> list[Rows]:
    """The rows of each readable article, in order: the per-article work that every engine maps over batches.
    An article longer than SECTION_CHARS is extracted section by section and its rows merged."""
    if not articles:
        return []
    nlp = pipeline_for(model)
    sections = [(a, start, end) for a in articles for start, end in section_bounds(_body(a), SECTION_CHARS)]
    with _LOCK:
        groups = _groups(sections, lambda section: section[2] - section[1])
        results = [result for group in groups for result in _extract_group(nlp, group, published)]
    by_article: dict[int, list[Rows | str]] = {}
    for (article, _, _), result in zip(sections, results):
        by_article.setdefault(id(article), []).append(result)
    return [_article_rows(a, by_article[id(a)]) for a in articles]


def _extract_group(nlp: Language, group: list[Section], published: date | None) -> list[Rows | str]:
    """The rows of each section of a group, in one memory zone; a section the pipeline fails on gets its error."""
    try:
        tokenized = [_doc(nlp, s, published) for s in group] if len(nlp.vocab.strings) < STRINGS_CAP else None
        with nlp.memory_zone():
            docs = nlp.pipe(tokenized or (_doc(nlp, s, published) for s in group), batch_size=BATCH_SIZE)
            return [_rows(section, doc) for section, doc in zip(group, docs)]
    except Exception:
        return [_extract_one(nlp, s, published) for s in group]


def _extract_one(nlp: Language, section: Section, published: date | None) -> Rows | str:
    """One section's rows, or the one-line reason the pipeline failed on it."""
    try:
        with nlp.memory_zone():
            return _rows(section, nlp(_doc(nlp, section, published)))
    except Exception as exc:
        return " ".join(f"extraction failed: {type(exc).__name__}: {exc}".split())[:300]


def _rows(section: Section, doc: Doc) -> Rows:
    """A section's rows from its doc, which is then released (freed as soon as it is dropped)."""
    rows = rows_for(section[0], doc, section[1])
    nlp_module.release(doc)
    return rows


def _article_rows(article: Article, results: list[Rows | str]) -> Rows:
    """An article's rows from its sections' (merged where there are several); an error row if one failed."""
    error = next((r for r in results if isinstance(r, str)), None)
    if error is not None:
        return rows_for(replace(article, status="error", error=error), None)
    return results[0] if len(results) == 1 else merge_rows(results)  # type: ignore[return-value]


def _body(article: Article) -> str:
    """The article's text past its front matter: what the pipeline reads."""
    return article.text[article.body_start:]


def _doc(nlp: Language, section: Section, published: date | None) -> Doc:
    """A section of an article body as a Doc carrying the article's publication date."""
    article, start, end = section
    return nlp_module.make_doc(nlp, article.text[article.body_start + start:article.body_start + end],
                               parse_published(article.published) or published)


def die_with_parent(parent: int) -> None:
    """Make this worker process end when `parent` does: at once on Linux (the parent-death signal), and within
    WATCH_SECONDS elsewhere (a thread watching the parent's pid)."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="watch-parent").start()


def _watch_parent(parent: int) -> None:
    """End this process once it is no longer the child of `parent`."""
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)


def worker_context() -> BaseContext:
    """How worker processes start: forked on Linux, sharing what this process loaded (copy-on-write), else spawned
    (each loads its own pipeline; forking a process with the model loaded is not safe on macOS)."""
    return get_context("fork" if sys.platform.startswith("linux") and "fork" in get_all_start_methods() else "spawn")


def load_shared(model: str) -> None:
    """Load the pipeline and the knowledge base's whole-file tables in this process (frozen out of the garbage
    collector's passes), for forked workers to share."""
    pipeline_for(model)


def map_batches(job: Callable[[list[Article]], list[Rows]], batches: Iterator[list[Article]], workers: int = 1,
                engine: str = "local", scheduler: str | None = None,
                preload: Callable[[], None] = lambda: None) -> Iterator[list[Rows]]:
    """job(batch) for every batch, in order: in this process, in `workers` processes (forked after `preload` where
    the OS can fork), or on a Dask cluster."""
    if engine == "dask":
        from distributed import Client, LocalCluster

        cluster = nullcontext(scheduler) if scheduler else LocalCluster(
            n_workers=workers, threads_per_worker=1, dashboard_address=None)
        with cluster as target, Client(target) as client:
            yield from _in_order(partial(client.submit, job, pure=False), batches,
                                 2 * sum(client.nthreads().values()))
    elif workers > 1:
        context = worker_context()
        if context.get_start_method() == "fork":
            preload()
        with ProcessPoolExecutor(workers, mp_context=context, initializer=die_with_parent,
                                 initargs=(os.getpid(),)) as pool:
            yield from _in_order(partial(pool.submit, job), batches, 2 * workers)
    else:
        yield from map(job, batches)


def _in_order(submit: Callable, batches: Iterator[list[Article]], window: int) -> Iterator[list[Rows]]:
    """Submit batches keeping `window` of them in flight; yield their results in submission order."""
    pending: deque = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def article_key(article: Article, settings: str) -> str:
    """The journal key of an article: a hash of its id, text and metadata and of the run's settings."""
    digest = hashlib.sha1()
    for part in (article.article_id, article.source, article.title, article.published, article.url, article.author,
                 settings, article.text):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


def _groups(items: Iterable[T], size: Callable[[T], int]) -> Iterator[list[T]]:
    """Group items (articles, sections) into lists of at most CHUNK_ARTICLES items and (past the first)
    CHUNK_CHARS characters."""
    chunk: list[T] = []
    total = 0
    for item in items:
        if chunk and (total + size(item) > CHUNK_CHARS or len(chunk) >= CHUNK_ARTICLES):
            yield chunk
            chunk, total = [], 0
        chunk.append(item)
        total += size(item)
    if chunk:
        yield chunk


def extract_all(articles: Iterable[Article], journal: Journal, settings: str,
                batches: Batches) -> Iterator[tuple[Article, Rows]]:
    """(article, rows) in input order: failed reads as error rows, journaled articles from the journal, the rest
    extracted by `batches` and journaled."""
    keyed = ([(a, article_key(a, settings) if a.status == "ok" else "") for a in chunk] for chunk in _groups(articles, lambda a: len(a.text)))
    planned = ((chunk, [a for a, key in chunk if key and key not in journal]) for chunk in keyed)
    mine, theirs = tee(planned)
    for (chunk, fresh), results in zip(mine, batches(fresh for _, fresh in theirs)):
        extracted = dict(zip(map(id, fresh), results))
        for article, key in chunk:
            if id(article) in extracted:
                journal.add(key, extracted[id(article)])
                yield article, extracted[id(article)]
            else:
                yield article, journal.get(key) if key else rows_for(article, None)


def run(inputs: list[Path], out_dir: Path, published: date | None = None, model: str = nlp_module.DEFAULT_MODEL,
        fmt: str = "csv", quiet: bool = False, workers: int = 1, resume: bool = False, engine: str = "local",
        scheduler: str | None = None) -> Summary:
    """Extract every input article into out_dir and return a summary; `resume` reuses earlier runs' articles."""
    job = partial(extract_batch, model=model, published=published)
    batches = partial(map_batches, job, workers=workers, engine=engine, scheduler=scheduler,
                      preload=partial(load_shared, model))
    summary = Summary()
    check_out_dir(out_dir)
    with Journal(out_dir / ".journal", resume) as journal, Output(out_dir, fmt) as output, \
            tqdm(total=None if quiet else count_articles(inputs), unit=" articles", desc="extract",
                 postfix={"errors": 0}, disable=quiet) as bar:
        for article, rows in extract_all(iter_articles(inputs), journal, f"{model}\0{published}", batches):
            output.add(rows, article.article_id, article.text if article.status == "ok" else None)
            if rows["articles"][0]["status"] == "ok":
                summary.ok += 1
            else:
                summary.errors += 1
                bar.set_postfix(errors=summary.errors, refresh=False)
            bar.update()
        output.commit()
    summary.rows = output.counts
    return summary
