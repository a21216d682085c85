"""Turn an article and its processed Doc into rows of the six tables and the works table (offsets into the article
text)."""

from spacy.tokens import Doc

from . import docindex, works  # noqa: F401  (doc._.text, doc._.works)
from .keys import name_key
from .read import Article

Rows = dict[str, list[dict]]
ALIAS_SEPARATOR = "; "  # between the other titles an article gives one film (films.aliases)


def longest(mentions: list[tuple[int, int]]) -> tuple[int, int]:
    """The first of the longest mentions: the fullest form of a name as written."""
    return max(mentions, key=lambda m: (m[1] - m[0], -m[0]))


def article_row(article: Article) -> dict:
    """The articles-table row of an article (read or failed)."""
    return {"article_id": article.article_id, "source": article.source, "title": article.title,
            "published": article.published, "url": article.url, "author": article.author,
            "n_chars": len(article.text), "status": article.status, "error": article.error}


def rows_for(article: Article, doc: Doc | None, start: int = 0) -> Rows:
    """All table rows of one article; `doc` is the processed article body, or the section of it that begins
    `start` characters into the body (None when unreadable)."""
    rows: Rows = {"articles": [article_row(article)], "films": [], "people": [], "credits": [], "dates": [],
                  "quotes": [], "works": []}
    if doc is None:
        return rows
    shift, aid = article.body_start + start, article.article_id
    for film in doc._.films:
        start, end = longest(film.mentions)
        rows["films"].append({"article_id": aid, "title": film.title, "film_key": name_key(film.title),
                              "year": film.year or "", "n_mentions": len(film.mentions),
                              "start": start + shift, "end": end + shift, "wikidata_id": film.wikidata_id,
                              "imdb_id": film.imdb_id, "kb_year": film.kb_year or "",
                              "aliases": ALIAS_SEPARATOR.join(film.aliases)})
    for work in doc._.works:
        if work.type in works.NOT_IN_TABLE:
            continue
        start, end = longest(work.mentions)
        rows["works"].append({"article_id": aid, "title": work.title, "work_key": name_key(work.title),
                              "type": work.type, "evidence": work.evidence, "n_mentions": len(work.mentions),
                              "start": start + shift, "end": end + shift})
    for person in doc._.people:
        if person.fictional:
            continue
        start, end = longest(person.mentions)
        rows["people"].append({"article_id": aid, "name": person.name, "person_key": name_key(person.name),
                               "n_mentions": len(person.mentions), "start": start + shift, "end": end + shift})
    for c in doc._.credits:
        rows["credits"].append({"article_id": aid, "film": c.film, "film_key": name_key(c.film), "person": c.person,
                                "person_key": name_key(c.person), "role": c.role, "character": c.character,
                                "character_note": c.character_note, "start": c.start + shift, "end": c.end + shift,
                                "construction": c.construction, "kb": c.kb})
    def as_read(value: str, start: int, end: int) -> str:
        """The value as the article wrote it, where it is the evidence itself (the Doc reads no-break spaces as spaces)."""
        return article.text[start + shift:end + shift] if doc._.text[start:end] == value else value

    for d in doc._.dates:
        rows["dates"].append({"article_id": aid, "film": d.film, "film_key": name_key(d.film), "event": d.event,
                              "text": as_read(d.text, d.start, d.end), "value": d.value, "precision": d.precision,
                              "platform": d.platform, "start": d.start + shift, "end": d.end + shift})
    for q in doc._.quotes:
        rows["quotes"].append({"article_id": aid, "speaker": q.speaker, "speaker_key": name_key(q.speaker),
                               "quote": as_read(q.quote, q.start, q.end), "kind": q.kind, "cue": q.cue,
                               "outlet": q.outlet, "start": q.start + shift, "end": q.end + shift,
                               "source": q.source, "quote_id": q.quote_id})
    return rows


def merge_rows(parts: list[Rows]) -> Rows:
    """One article's rows from those of its sections, in order: films and people of the same key are one row, and
    each section's quote ids follow on from the last section's."""
    rows = {table: [row for part in parts for row in part[table]] for table in parts[0]}
    rows["articles"] = parts[0]["articles"]
    rows["quotes"] = _renumbered_quotes(parts)
    rows["films"] = _merge_named(rows["films"], "film_key")
    rows["people"] = _merge_named(rows["people"], "person_key")
    rows["works"] = _merge_named(rows.get("works", []), "work_key")  # parts journalled before the works table have none
    return rows


def _joined_aliases(first: str, second: str, title: str) -> str:
    """Two rows' alias lists as one, in order, without repeats or the title's own key."""
    names = [n for n in (first + ALIAS_SEPARATOR + second).split(ALIAS_SEPARATOR) if n]
    unique = {name_key(n): n for n in reversed(names) if name_key(n) != name_key(title)}
    return ALIAS_SEPARATOR.join(reversed(unique.values()))


def _renumbered_quotes(parts: list[Rows]) -> list[dict]:
    """The quotes of all sections, each section's quote ids shifted past the ids of the sections before it."""
    quotes: list[dict] = []
    for part in parts:
        shift = max((row["quote_id"] for row in quotes), default=0)
        quotes += [{**row, "quote_id": row["quote_id"] + shift} for row in part["quotes"]]
    return quotes


def _merge_named(rows: list[dict], key: str) -> list[dict]:
    """Rows of one key as one: the first row's name, mentions summed, the fullest mention, the first year and the
    first knowledge-base link given."""
    merged: dict[str, dict] = {}
    for row in rows:
        kept = merged.setdefault(row[key], {**row, "n_mentions": 0})
        kept["n_mentions"] += row["n_mentions"]
        kept["start"], kept["end"] = longest([(kept["start"], kept["end"]), (row["start"], row["end"])])
        if "year" in kept and not kept["year"]:
            kept["year"] = row["year"]
        if "aliases" in kept:
            kept["aliases"] = _joined_aliases(kept["aliases"], row["aliases"], kept["title"])
        if "wikidata_id" in kept and not kept["kb_year"]:
            kept.update({c: row[c] for c in ("wikidata_id", "imdb_id", "kb_year")})
    return list(merged.values())
