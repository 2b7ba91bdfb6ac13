from pathlib import Path

import pytest

from knowledge import build_index
from knowledge.embedders import HashEmbedder
from knowledge.loader import CORPUS_DIR


@pytest.fixture(scope="session")
def hash_index(tmp_path_factory) -> Path:
    """The shipped corpus indexed with the deterministic fake embedder (no local files)."""
    index_dir = tmp_path_factory.mktemp("index")
    empty_local = tmp_path_factory.mktemp("local")
    build_index(index_dir, embedder=HashEmbedder(), corpus_dir=CORPUS_DIR,
                local_dir=empty_local, progress=False)
    return index_dir


@pytest.fixture(scope="session")
def hash_searcher(hash_index):
    from knowledge import Searcher

    return Searcher.load(hash_index, embedder=HashEmbedder())
