"""Cross-article resolution: one film, one person and one other named work across the articles of a corpus, as pure
functions over the rows of the tables (dicts with the table's columns).

Films are one entity by Wikidata id, else by title key with years at most YEAR_SLACK apart (a 1965 film and its 2004
remake stay two); a film with no year joins the one entity of its key, or stays a yearless entity of its own when the
key has none or several. People are one entity by full-name key, and two full names that are each other's only
variant ("Chris Lane" / "Christopher Lane", "Ana Ruiz" / "Ana M. Ruiz") are one. A one-word name ("Lane") resolves
inside its own article only: to the article's one full name ending (else starting) with it, else to the one cast
member of that surname of a film the article links to the knowledge base, else to an entity of that article alone.
Other works (TV shows, songs, stage shows, organisations, ...) are one entity by work key and type.
"""

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import groupby

YEAR_SLACK = 1  # release years drift (festival premiere, release) by a year
MIN_PREFIX = 3  # a shortened first name keeps at least this many letters ("Chris", not "C")

Ref = tuple[str, str]  # (article_id, key): a film or person as one article names it
CastOf = Callable[[str, str], frozenset[str]]  # (film key, Wikidata id) -> the person keys of its KB cast


@dataclass
class Entities:
    """The entity rows of one kind, and the entity id of every (article_id, key) that names one."""

    rows: list[dict] = field(default_factory=list)
    ids: dict[Ref, str] = field(default_factory=dict)


def no_cast(film_key: str, qid: str) -> frozenset[str]:
    """A cast lookup that knows no film."""
    return frozenset()


def _most_common(values: Iterable) -> object:
    """The most frequent value, the smallest of those tied (deterministic)."""
    counts = Counter(v for v in values if v not in ("", None))
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def _year(value: object) -> int | None:
    """A year cell as an int (None when empty)."""
    return int(value) if value not in ("", None) else None


# ---------------------------------------------------------------- films


def year_clusters(years: list[int], anchors: dict[int, str], key: str) -> dict[int, str]:
    """The entity id of each stated year of one title key: the nearest anchor (a linked film's KB year) within
    YEAR_SLACK, else a run of years each within YEAR_SLACK of the last, named after its first year."""
    ids: dict[int, str] = {}
    previous = None
    for year in sorted(set(years)):
        near = [a for a in anchors if abs(a - year) <= YEAR_SLACK]
        if near:
            ids[year] = anchors[min(near, key=lambda a: (abs(a - year), a))]
        elif previous is not None and year - previous[0] <= YEAR_SLACK:
            ids[year] = previous[1]
        else:
            ids[year] = f"{key} ({year})"
        previous = (year, ids[year]) if not near else None
    return ids


def film_ids(films: list[dict], references: list[dict]) -> dict[Ref, str]:
    """The film entity id of every (article_id, film_key) of the films rows and of the credits and dates rows."""
    ids: dict[Ref, str] = {}
    anchors: dict[str, dict[int, str]] = {}
    for row in films:
        if row["wikidata_id"]:
            ids[(row["article_id"], row["film_key"])] = row["wikidata_id"]
            if (year := _year(row["kb_year"])) is not None:
                anchors.setdefault(row["film_key"], {})[year] = row["wikidata_id"]
    unlinked = sorted((r for r in films if not r["wikidata_id"]), key=lambda r: r["film_key"])
    for key, rows in groupby(unlinked, key=lambda r: r["film_key"]):
        rows = list(rows)
        by_year = year_clusters([y for r in rows if (y := _year(r["year"])) is not None], anchors.get(key, {}), key)
        for row in rows:
            if (year := _year(row["year"])) is not None:
                ids[(row["article_id"], key)] = by_year[year]
    entities_of_key: dict[str, set[str]] = {}
    for (_, key), entity in ids.items():
        entities_of_key.setdefault(key, set()).add(entity)
    named = [(r["article_id"], r["film_key"]) for r in [*films, *references] if r["film_key"]]
    for ref in named:
        if ref not in ids:
            only = entities_of_key.get(ref[1], set())
            ids[ref] = next(iter(only)) if len(only) == 1 else ref[1]
    return ids


def resolve_films(films: list[dict], references: list[dict]) -> Entities:
    """Film entities of a corpus from its films rows and the (article_id, film, film_key) of credits and dates."""
    ids = film_ids(films, references)
    members: dict[str, list[dict]] = {}
    for row in films:
        members.setdefault(ids[(row["article_id"], row["film_key"])], []).append(row)
    for row in references:
        if row["film_key"] and ids[(row["article_id"], row["film_key"])] not in members:
            members[ids[(row["article_id"], row["film_key"])]] = []
    titles: dict[str, list[str]] = {}
    for row in references:
        if row["film_key"]:
            titles.setdefault(ids[(row["article_id"], row["film_key"])], []).append(row["film"])
    articles = _articles_of(ids)
    rows = [_film_entity(entity, rows, titles.get(entity, []), articles[entity])
            for entity, rows in sorted(members.items())]
    return Entities(rows, ids)


def _articles_of(ids: dict[Ref, str]) -> dict[str, set[str]]:
    """The articles naming each entity."""
    articles: dict[str, set[str]] = {}
    for (article, _), entity in ids.items():
        articles.setdefault(entity, set()).add(article)
    return articles


def _film_entity(entity: str, rows: list[dict], other_titles: list[str], articles: set[str]) -> dict:
    """One film entity's row: canonical title and key, year (the KB's when linked), links, counts."""
    title = _most_common(r["title"] for r in rows) or _most_common(other_titles)
    linked = [r for r in rows if r["wikidata_id"]]
    year = _most_common(_year(r["kb_year"]) for r in linked) or _most_common(_year(r["year"]) for r in rows)
    return {"id": entity, "title": title, "film_key": _most_common(r["film_key"] for r in rows) or
            _film_key_of(entity), "year": year, "wikidata_id": linked[0]["wikidata_id"] if linked else "",
            "imdb_id": _most_common(r["imdb_id"] for r in linked) or "", "n_articles": len(articles),
            "n_mentions": sum(int(r["n_mentions"]) for r in rows)}


def _film_key_of(entity: str) -> str:
    """The title key an unlinked film's id is made of."""
    return entity.split(" (")[0]


# ---------------------------------------------------------------- people


def compatible(one: str, other: str) -> bool:
    """Whether two full-name keys may name one person: the same surname, one first name the other's start (at least
    MIN_PREFIX letters), and every middle name of the one with fewer words in the other (or its initial there)."""
    a, b = sorted((one.split(), other.split()), key=lambda words: (len(words), len("".join(words))))
    if a == b or a[-1] != b[-1]:
        return False
    first, other = sorted((a[0], b[0]), key=len)
    if not (other.startswith(first) and len(first) >= MIN_PREFIX):
        return False
    middles = b[1:-1]
    return all(any(m == n or (len(m) == 1 and n.startswith(m)) for n in middles) for m in a[1:-1])


def alias_map(keys: set[str]) -> dict[str, str]:
    """Full-name keys that are each other's one compatible variant, mapped to one of the two (the longer, else the
    first in order); every other key maps to itself."""
    by_surname: dict[str, list[str]] = {}
    for key in sorted(keys):
        by_surname.setdefault(key.split()[-1], []).append(key)
    partners = {k: [o for o in group if o != k and compatible(k, o)] for group in by_surname.values() for k in group}
    canonical = {k: k for k in keys}
    for key, found in partners.items():
        if len(found) == 1 and partners[found[0]] == [key]:
            canonical[key] = max((key, found[0]), key=lambda k: (len(k), k))
    return canonical


def _short_target(key: str, full_keys: set[str], cast: set[str]) -> str | None:
    """The one full name of an article (by surname, else first name), else of its films' KB cast, a one-word key
    stands for; None when there is not exactly one."""
    for pool, position in ((full_keys, -1), (full_keys, 0), (cast, -1)):
        found = {k for k in pool if k.split()[position] == key}
        if found:
            return found.pop() if len(found) == 1 else None
    return None


def linked_films(films: Entities) -> dict[str, set[tuple[str, str]]]:
    """The (film key, Wikidata id) of the films each article links to the knowledge base."""
    keys = {f["id"]: f["film_key"] for f in films.rows if f["wikidata_id"]}
    linked: dict[str, set[tuple[str, str]]] = {}
    for (article, _), entity in films.ids.items():
        if entity in keys:
            linked.setdefault(article, set()).add((keys[entity], entity))
    return linked


def person_ids(mentions: list[dict], canonical: dict[str, str], linked: dict[str, set[tuple[str, str]]],
               cast_of: CastOf) -> dict[Ref, str]:
    """The person entity id of every (article_id, person_key) named in mentions (article_id, person_key), given the
    alias map of the corpus's full names and the films each article links to the knowledge base."""
    ids: dict[Ref, str] = {}
    for article, rows in groupby(sorted(mentions, key=lambda m: m["article_id"]), key=lambda m: m["article_id"]):
        keys = {m["person_key"] for m in rows if m["person_key"]}
        full_here = {k for k in keys if len(k.split()) > 1}
        cast = set().union(*(cast_of(key, qid) for key, qid in linked.get(article, ())))
        for key in keys:
            target = key if key in full_here else _short_target(key, full_here, cast)
            ids[(article, key)] = canonical.get(target, target) if target else f"{key} @ {article}"
    return ids


def mentions(people: list[dict], credits: list[dict], quotes: list[dict]) -> list[dict]:
    """Every naming of a person in people, credits (person, role) and quotes (speaker) as rows with article_id, name,
    person_key, and role or n_mentions where the table has one."""
    return [*people, *({"article_id": c["article_id"], "name": c["person"], "person_key": c["person_key"],
                        "role": c["role"]} for c in credits),
            *({"article_id": q["article_id"], "name": q["speaker"], "person_key": q["speaker_key"]} for q in quotes)]


def resolve_people(people: list[dict], credits: list[dict], quotes: list[dict], films: Entities,
                   cast_of: CastOf = no_cast) -> Entities:
    """Person entities of a corpus from its people rows, credits (person, person_key, role) and quotes (speaker,
    speaker_key); `films` gives the films each article links to the KB, whose cast `cast_of` names."""
    named = mentions(people, credits, quotes)
    canonical = alias_map({m["person_key"] for m in named if len(m["person_key"].split()) > 1})
    ids = person_ids(named, canonical, linked_films(films), cast_of)
    return Entities(person_rows(named, ids), ids)


def person_rows(named: list[dict], ids: dict[Ref, str]) -> list[dict]:
    """The entity row of every person the mentions name, given the entity id of each (article_id, person_key)."""
    members: dict[str, list[dict]] = {}
    for row in named:
        if row["person_key"]:
            members.setdefault(ids[(row["article_id"], row["person_key"])], []).append(row)
    return [_person_entity(entity, rows) for entity, rows in sorted(members.items())]


def _person_entity(entity: str, rows: list[dict]) -> dict:
    """One person entity's row: the most used full name, the other names, the roles credited, counts."""
    names = [r["name"] for r in rows]
    name = _most_common(n for n in names if len(n.split()) > 1) or _most_common(names)
    return {"id": entity, "name": name, "person_key": entity.split(" @ ")[0],
            "aliases": "; ".join(sorted(set(names) - {name})),
            "roles": ", ".join(sorted({r["role"] for r in rows if r.get("role")})),
            "n_articles": len({r["article_id"] for r in rows}),
            "n_mentions": sum(int(r["n_mentions"]) for r in rows if "n_mentions" in r)}


# ---------------------------------------------------------------- other works


def work_id(work_key: str, type_: str) -> str:
    """The entity id of a work: its key and its type ('night shift (tv)')."""
    return f"{work_key} ({type_})"


def resolve_works(works: list[dict]) -> Entities:
    """Work entities of a corpus from its works rows: one per work key and type."""
    ids = {(r["article_id"], r["work_key"]): work_id(r["work_key"], r["type"]) for r in works}
    members: dict[str, list[dict]] = {}
    for row in works:
        members.setdefault(ids[(row["article_id"], row["work_key"])], []).append(row)
    articles = _articles_of(ids)
    return Entities([_work_entity(entity, rows, articles[entity]) for entity, rows in sorted(members.items())], ids)


def _work_entity(entity: str, rows: list[dict], articles: set[str]) -> dict:
    """One work entity's row: the title most articles use, key, type, counts."""
    return {"id": entity, "title": _most_common(r["title"] for r in rows), "work_key": rows[0]["work_key"],
            "type": rows[0]["type"], "n_articles": len(articles), "n_mentions": sum(int(r["n_mentions"]) for r in rows)}
