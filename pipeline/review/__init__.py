"""Human review of an output DIR: an HTML evidence report with verdicts, review.csv, and gold from review.

- `write_report(dir, html, gold)` (report.py): one self-contained HTML page to review in.
- `write_review_csv(dir, gold)` (reviewfile.py): DIR/review.csv, the exchange format of verdicts.
- `gold_from_review(dir, gold_out)` (gold.py): the reviewed rows as a gold folder.
- model.py: the review rows and their ids, shared by the page and review.csv.
"""

from .dirdata import FACT_TABLES, GOLD_FIELDS, KIND, load_tables, load_texts
from .gold import gold_file_names, gold_from_review
from .highlight import Span, highlight
from .model import REVIEW_COLUMNS, VERDICTS, collect, storage_key
from .report import SHOWN, write_report
from .reviewfile import escape_cell, read_review, unescape_cell, write_review_csv

__all__ = ["FACT_TABLES", "GOLD_FIELDS", "KIND", "REVIEW_COLUMNS", "SHOWN", "VERDICTS", "Span", "collect",
           "escape_cell", "gold_file_names", "gold_from_review", "highlight", "load_tables", "load_texts",
           "read_review", "storage_key", "unescape_cell", "write_report", "write_review_csv"]
