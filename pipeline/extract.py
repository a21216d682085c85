"""Run the whole extraction job: read articles, process them with spaCy, collect rows, write tables."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from spacy.language import Language
from tqdm import tqdm

from . import nlp as nlp_module
from .read import Article, iter_articles
from .schema import TABLES
from .tables import Rows, rows_for
from .write import write_all


@dataclass
class Summary:
    """What a run did: articles read and failed, rows per table."""

    ok: int = 0
    errors: int = 0
    rows: dict[str, int] = field(default_factory=dict)


def parse_published(value: str | None) -> date | None:
    """An article's publication date from 'YYYY-MM-DD' (or a longer ISO timestamp); None if absent or bad."""
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def process(nlp: Language, articles: Iterable[Article], published: date | None = None,
            batch_size: int = 32) -> Iterator[Rows]:
    """Yield the rows of each article in order; failed reads give only their articles row."""
    pending: list[Article] = []

    def flush() -> Iterator[Rows]:
        docs = (nlp_module.make_doc(nlp, a.text[a.body_start:], parse_published(a.published) or published)
                for a in pending)
        for article, doc in zip(pending, nlp.pipe(docs, batch_size=batch_size)):
            yield rows_for(article, doc)
        pending.clear()

    for article in articles:
        if article.status != "ok":
            yield from flush()
            yield rows_for(article, None)
            continue
        pending.append(article)
        if len(pending) >= batch_size:
            yield from flush()
    yield from flush()


def run(inputs: list[Path], out_dir: Path, published: date | None = None, model: str = nlp_module.DEFAULT_MODEL,
        fmt: str = "csv", quiet: bool = False) -> Summary:
    """Extract every input article into out_dir and return a summary."""
    nlp = nlp_module.build_nlp(model)
    tables: Rows = {t: [] for t in TABLES}
    texts: list[tuple[str, str]] = []
    summary = Summary()
    articles = _remember_texts(iter_articles(inputs), texts)
    for rows in tqdm(process(nlp, articles, published), unit=" articles", disable=quiet, desc="extract"):
        for table, table_rows in rows.items():
            tables[table].extend(table_rows)
        if rows["articles"][0]["status"] == "ok":
            summary.ok += 1
        else:
            summary.errors += 1
    write_all(out_dir, tables, texts, fmt)
    summary.rows = {t: len(r) for t, r in tables.items()}
    return summary


def _remember_texts(articles: Iterable[Article], texts: list[tuple[str, str]]) -> Iterator[Article]:
    """Pass articles through, keeping (article_id, text) of each readable one."""
    for article in articles:
        if article.status == "ok":
            texts.append((article.article_id, article.text))
        yield article
