"""Cost of the corpus database at 10,000 articles, next to writing the CSV tables.

    python benchmarks/corpus_db.py [N] [ARTICLES...]   # default: 10000 articles from ../shared/corpus/dev and seed

Extracts the articles once, then repeats their rows and texts under distinct ids up to N articles (the pipeline's
own time is not what is measured here). Prints the seconds to write the N articles' CSV tables (write.Output), to
build the database from that folder, to run the same folder again (nothing to change), and to add one more
article; the database's size beside the CSV folder's; the entity counts.
"""

import sys
import tempfile
import time
from pathlib import Path

from pipeline import database, extract
from pipeline.write import Output

ROOT = Path(__file__).resolve().parent.parent


def seconds(job) -> tuple[float, object]:
    """The wall time of job() and its result."""
    start = time.perf_counter()
    result = job()
    return time.perf_counter() - start, result


def repeated(folder: Path, n: int) -> list[tuple[str, dict, str | None]]:
    """(article id, rows, text) of n articles: the folder's articles over and over, each copy with its own id."""
    tables, texts = database.read_folder(folder)
    articles = list(database.by_article(tables).items())
    copies = []
    for i in range(n):
        article_id, rows = articles[i % len(articles)]
        new_id = f"{article_id}~{i}"
        copies.append((new_id, {t: [{**r, "article_id": new_id} for r in table_rows] for t, table_rows in rows.items()},
                       texts.get(article_id)))
    return copies


def write_csv(out_dir: Path, articles: list[tuple[str, dict, str | None]]) -> None:
    """Write the articles' tables and texts as extract does."""
    with Output(out_dir, "csv") as output:
        for article_id, rows, text in articles:
            output.add(rows, article_id, text)
        output.commit()


def size_mb(path: Path) -> float:
    """A file's or folder's size in MB."""
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 1e6


def main(n: int, inputs: list[Path]) -> None:
    """Print the figures for n articles repeated from `inputs`."""
    with tempfile.TemporaryDirectory(prefix="corpus-db-") as tmp:
        root = Path(tmp)
        extract.run(inputs, root / "source", quiet=True)
        articles = repeated(root / "source", n)
        csv_seconds, _ = seconds(lambda: write_csv(root / "csv", articles[:-1]))
        db = root / "corpus.db"
        build_seconds, changes = seconds(lambda: database.update(root / "csv", db))
        again_seconds, _ = seconds(lambda: database.update(root / "csv", db))
        write_csv(root / "one", articles[-1:])
        add_seconds, _ = seconds(lambda: database.update(root / "one", db))
        tables = {t: len(r) for t, r in database.read_folder(root / "csv")[0].items()}
        print(f"{n - 1:,} articles ({', '.join(f'{c:,} {t}' for t, c in tables.items() if t != 'articles')})")
        print(f"write CSV tables:   {csv_seconds:7.1f} s   {size_mb(root / 'csv'):7.1f} MB (with texts.jsonl)")
        print(f"build database:     {build_seconds:7.1f} s   {size_mb(db):7.1f} MB   "
              f"{build_seconds / csv_seconds:.1f}x the CSV time ({changes.added:,} articles added)")
        print(f"same folder again:  {again_seconds:7.1f} s   (nothing written)")
        print(f"add one article:    {add_seconds:7.1f} s   (a copy of the file; entities resolved again where it can "
              "change them)")
        counts = database.sqlite_utils.Database(db).execute(
            "SELECT (SELECT count(*) FROM film_entities), (SELECT count(*) FROM person_entities)").fetchone()
        print(f"entities: {counts[0]:,} films, {counts[1]:,} people")


if __name__ == "__main__":
    args = sys.argv[1:]
    count = int(args.pop(0)) if args and args[0].isdigit() else 10_000
    shared = ROOT.parent / "shared" / "corpus"
    main(count, [Path(a) for a in args] or [shared / "dev", shared / "seed"])
