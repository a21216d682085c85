"""Shared fixtures: one spaCy pipeline per test session, and the location of the shared dev corpus."""

from pathlib import Path

import pytest

from pipeline.nlp import build_nlp

ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def nlp():
    """The default pipeline with our components, built once."""
    return build_nlp()


@pytest.fixture(scope="session")
def dev_corpus() -> Path:
    """The shared dev corpus, or skip: its articles are third-party text kept outside the repository."""
    path = SHARED_CORPUS / "dev"
    if not (path / "gold").is_dir():
        pytest.skip(f"dev corpus not found at {path} (third-party text, never copied into the repository)")
    return path
