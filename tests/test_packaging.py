"""The wheel holds every package of pipeline/ and the data files of models/ (a non-editable install works)."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_subpackage_and_the_models_folder_are_packaged():
    setup = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "pipeline").rglob("__init__.py")}
    assert set(setup["packages"]) == found | {"pipeline.models"}
    assert setup["package-dir"] == {"pipeline.models": "models"}
    data = {p.suffix for p in (ROOT / "models").iterdir() if p.name != "__init__.py" and p.is_file()}
    assert {f"*{suffix}" for suffix in data} <= set(setup["package-data"]["pipeline.models"])
