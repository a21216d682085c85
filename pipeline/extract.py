"""Run an extraction job: stream articles, extract them in batches (in processes or on Dask), write the tables."""

import hashlib
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, partial
from itertools import tee
from multiprocessing import get_context
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from tqdm import tqdm

from . import nlp as nlp_module
from .read import Article, count_articles, iter_articles
from .tables import Rows, rows_for
from .write import Journal, Output

ENGINES = ("local", "dask")
BATCH_SIZE = 32  # docs per nlp.pipe batch
# Articles are tokenized outside the memory zone (the tokenizer caches nothing inside one) until the string store
# holds STRINGS_CAP strings (at most ~35 MB more); past it, new words live only as long as their batch's memory zone.
STRINGS_CAP = 250_000
CHUNK_CHARS, CHUNK_ARTICLES = 50_000, 256  # the most text and articles sent to a worker in one task
_LOCK = threading.Lock()  # a process's pipeline (and its memory zones) serves one batch at a time

Batches = Callable[[Iterator[list[Article]]], Iterator[list[Rows]]]


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
    """This process's spaCy pipeline for `model`, built on first use and kept for the process's life."""
    return nlp_module.build_nlp(model)


def extract_batch(articles: list[Article], model: str, published: date | None) -> list[Rows]:
    """The rows of each readable article, in order: the per-article work that every engine maps over batches."""
    if not articles:
        return []
    nlp = pipeline_for(model)
    with _LOCK:
        try:
            tokenized = [_doc(nlp, a, published) for a in articles] if len(nlp.vocab.strings) < STRINGS_CAP else None
            with nlp.memory_zone():
                docs = nlp.pipe(tokenized or (_doc(nlp, a, published) for a in articles), batch_size=BATCH_SIZE)
                return [rows_for(a, doc) for a, doc in zip(articles, docs)]
        except Exception:
            return [_extract_one(nlp, a, published) for a in articles]


def _extract_one(nlp: Language, article: Article, published: date | None) -> Rows:
    """One article's rows; an article the pipeline fails on becomes an error row."""
    try:
        with nlp.memory_zone():
            return rows_for(article, nlp(_doc(nlp, article, published)))
    except Exception as exc:
        error = " ".join(f"extraction failed: {type(exc).__name__}: {exc}".split())[:300]
        return rows_for(replace(article, status="error", error=error), None)


def _doc(nlp: Language, article: Article, published: date | None) -> Doc:
    """The article body as a Doc carrying its publication date; a body over the model's limit is refused."""
    body = article.text[article.body_start:]
    if len(body) > nlp.max_length:
        raise ValueError(f"article too long: {len(body):,} characters (limit {nlp.max_length:,})")
    return nlp_module.make_doc(nlp, body, parse_published(article.published) or published)


def map_batches(job: Callable[[list[Article]], list[Rows]], batches: Iterator[list[Article]], workers: int = 1,
                engine: str = "local", scheduler: str | None = None) -> Iterator[list[Rows]]:
    """job(batch) for every batch, in order: in this process, in `workers` processes, or on a Dask cluster."""
    if engine == "dask":
        from distributed import Client, LocalCluster

        cluster = nullcontext(scheduler) if scheduler else LocalCluster(
            n_workers=workers, threads_per_worker=1, dashboard_address=None)
        with cluster as target, Client(target) as client:
            yield from _in_order(partial(client.submit, job, pure=False), batches,
                                 2 * sum(client.nthreads().values()))
    elif workers > 1:
        with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
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


def _chunks(articles: Iterable[Article]) -> Iterator[list[Article]]:
    """Group articles into chunks of at most CHUNK_ARTICLES articles and (past the first) CHUNK_CHARS characters."""
    chunk: list[Article] = []
    size = 0
    for article in articles:
        if chunk and (size + len(article.text) > CHUNK_CHARS or len(chunk) >= CHUNK_ARTICLES):
            yield chunk
            chunk, size = [], 0
        chunk.append(article)
        size += len(article.text)
    if chunk:
        yield chunk


def extract_all(articles: Iterable[Article], journal: Journal, settings: str,
                batches: Batches) -> Iterator[tuple[Article, Rows]]:
    """(article, rows) in input order: failed reads as error rows, journaled articles from the journal, the rest
    extracted by `batches` and journaled."""
    keyed = ([(a, article_key(a, settings) if a.status == "ok" else "") for a in chunk] for chunk in _chunks(articles))
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
    batches = partial(map_batches, job, workers=workers, engine=engine, scheduler=scheduler)
    summary = Summary()
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
