"""Pattern and lexicon data files, installed as the package `pipeline.models` (read with pipeline.resources)."""
