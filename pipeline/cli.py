"""Command line: extract, db, evaluate, review, gold-from-review, build-kb (python -m pipeline --help)."""

import json
import sys
from pathlib import Path
from typing import Annotated, Literal, Optional, get_args

import typer

from . import DEFAULT_MODEL

app = typer.Typer(help="Turn film news articles into checkable tables and score them against gold.",
                  no_args_is_help=True, add_completion=False)


Format = Literal["csv", "parquet"]  # write.FORMATS
Engine = Literal["local", "dask"]  # extract.ENGINES


EXIT_FAILED, EXIT_USAGE, EXIT_OUTPUT = 1, 2, 3  # README "Exit codes": nothing read or a failed gate, usage, output


def _fail(message: str, code: int = EXIT_USAGE) -> None:
    """Print a one-line error and exit with `code`."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _is_path(model: str) -> bool:
    """Whether --model names a folder rather than an installed package (package names hold no slash or dot)."""
    return any(c in model for c in "/\\.~")


@app.command()
def extract(
    inputs: Annotated[list[Path], typer.Argument(help="Article files and folders (.txt .md .jsonl .html).")],
    out: Annotated[Path, typer.Option("--out", help="Folder for the tables and texts.jsonl.")],
    published: Annotated[Optional[str], typer.Option(help="Reference date YYYY-MM-DD for articles without one.")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes (Dask: LocalCluster workers).")] = 1,
    fmt: Annotated[Format, typer.Option("--format", help="Table format.")] = "csv",
    model: Annotated[str, typer.Option(help="spaCy pipeline to use (installed name or path).")] = DEFAULT_MODEL,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    resume: Annotated[bool, typer.Option(help="Reuse the articles an earlier run into DIR already extracted.")] = False,
    engine: Annotated[Engine, typer.Option(help="Where articles are processed.")] = "local",
    scheduler: Annotated[Optional[str], typer.Option(help="Dask scheduler address (default: a LocalCluster).")] = None,
    db: Annotated[Optional[Path], typer.Option(help="Also add the articles to this SQLite corpus database.")] = None,
) -> None:
    """Extract films, people, credits, dates and quotes from articles into DIR (and a corpus database)."""
    from . import extract as extract_job
    from .errors import ModelNotFound, OutputError

    if _is_path(model) and not Path(model).expanduser().exists():
        _fail(f"--model {model}: the path does not exist (give a spaCy pipeline folder or an installed name)")
    reference = extract_job.parse_published(published)
    if published and reference is None:
        _fail(f"--published must be a date YYYY-MM-DD, got {published!r}")
    try:
        summary = extract_job.run(inputs, out, reference, model=model, fmt=fmt, quiet=quiet or not sys.stderr.isatty(),
                                  workers=workers, resume=resume, engine=engine, scheduler=scheduler)
    except ModelNotFound as exc:
        _fail(str(exc))
    except OutputError as exc:
        _fail(str(exc), EXIT_OUTPUT)
    counts = ", ".join(f"{n} {t}" for t, n in summary.rows.items() if t != "articles")
    typer.echo(f"{summary.ok} articles extracted, {summary.errors} errors -> {out} ({counts})")
    if db is not None:
        build_db(out, db)
    if summary.ok == 0:
        raise typer.Exit(EXIT_FAILED)


@app.command("db")
def build_db(
    out_dir: Annotated[Path, typer.Argument(help="Folder written by extract.")],
    db: Annotated[Path, typer.Option("--db", help="SQLite corpus database to create or update.")],
) -> None:
    """Add DIR's articles to a SQLite corpus database: new ones added, changed ones replaced, entities resolved."""
    from . import database

    if not any((out_dir / f"articles.{fmt}").is_file() for fmt in get_args(Format)):
        _fail(f"{out_dir} is not a folder written by extract (no articles.csv or articles.parquet)")
    try:
        changes = database.update(out_dir, db)
    except ValueError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"cannot write {db}: {exc.strerror or exc}", EXIT_OUTPUT)
    typer.echo(f"{changes.added} articles added, {changes.replaced} replaced, {changes.unchanged} unchanged -> {db}")


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Option(help="Gold folder of <article_id>.json or one .jsonl file.")] = Path("corpus/gold"),
    pred: Annotated[Path, typer.Option(help="Folder written by extract.")] = Path("outputs"),
    json_out: Annotated[Optional[Path], typer.Option("--json", help="Also write the scores as JSON here.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List missed and spurious rows per article.")] = False,
    fail_under: Annotated[Optional[float], typer.Option(
        help="Exit 1 when macro F1 is below this, or when gold articles are missing from DIR.")] = None,
) -> None:
    """Score extracted tables against a gold file (SPEC scoring)."""
    from . import evaluate as ev

    try:
        gold_docs, predictions = ev.load_gold(gold), ev.load_predictions(pred)
    except (OSError, ValueError) as exc:
        _fail(str(exc))
    report = ev.score(gold_docs, predictions)
    missing = ev.missing_articles(gold_docs, predictions)
    typer.echo(ev.format_table(report))
    if verbose:
        typer.echo(ev.format_verbose(report))
    if json_out:
        try:
            json_out.write_text(json.dumps(ev.report_to_json(report), indent=1), encoding="utf-8")
        except OSError as exc:
            _fail(f"cannot write {json_out}: {exc.strerror or exc}", EXIT_OUTPUT)
    if missing:
        typer.echo(f"warning: {len(missing)} of {len(gold_docs)} gold articles are not in {pred} "
                   f"(first: {', '.join(map(repr, missing[:3]))}); their rows all count as missed", err=True)
    if fail_under is not None and (missing or report.macro_f1 < fail_under):
        typer.echo(f"macro F1 below {fail_under}" if report.macro_f1 < fail_under else
                   "--fail-under: gold and predictions are not the same articles", err=True)
        raise typer.Exit(EXIT_FAILED)


@app.command()
def review(
    out_dir: Annotated[Path, typer.Argument(help="Folder written by extract.")] = Path("outputs"),
    html: Annotated[Path, typer.Option(help="HTML report to write.")] = Path("outputs/review.html"),
    gold: Annotated[Optional[Path], typer.Option(help="Gold to diff against.")] = None,
) -> None:
    """Write a self-contained HTML report of the evidence, and DIR/review.csv for verdicts."""
    from . import review as rv

    if not any((out_dir / f"articles.{fmt}").is_file() for fmt in get_args(Format)):
        _fail(f"{out_dir} is not a folder written by extract (no articles.csv or articles.parquet)")
    try:
        rv.write_report(out_dir, html, gold)
        csv_path = rv.write_review_csv(out_dir, gold)
    except (OSError, ValueError) as exc:
        _fail(str(exc))
    typer.echo(f"report -> {html}; verdicts -> {csv_path}")


@app.command("gold-from-review")
def gold_from_review(
    out_dir: Annotated[Path, typer.Argument(help="Folder holding review.csv and texts.jsonl.")],
    out: Annotated[Path, typer.Option("--out", help="Gold folder to write.")],
) -> None:
    """Turn reviewed rows (verdict ok / fix) into a gold folder."""
    from . import review as rv

    try:
        rv.gold_from_review(out_dir, out)
    except (OSError, ValueError) as exc:
        _fail(str(exc))
    typer.echo(f"gold -> {out}")


@app.command("build-kb")
def build_kb(
    source: Annotated[Path, typer.Option(help="Folder holding wikidata-movies.json.gz and "
                                              "wikipedia-american-films.jsonl.gz.")] = Path("../shared/kb"),
    out: Annotated[Path, typer.Option("--out", help="SQLite file to write.")] = Path("models/film_kb.sqlite"),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Build the film knowledge base (films, aliases, casts) from the two public film lists."""
    from .errors import MalformedSource
    from .kb_build import SOURCE_FILES, build

    missing = [source / name for name in SOURCE_FILES if not (source / name).is_file()]
    if missing:
        _fail(f"{missing[0]}: no such file (--source must hold both film lists)")
    try:
        n_films = build(source, out, quiet=quiet or not sys.stderr.isatty())
    except MalformedSource as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"cannot write {out}: {exc.strerror or exc}", EXIT_OUTPUT)
    typer.echo(f"{n_films} films -> {out} ({out.stat().st_size / 1e6:.1f} MB)")
