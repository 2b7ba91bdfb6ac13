"""Domain classifier (knowledge/domain.py): hand-set weights with the fake embedder."""

import json
from dataclasses import replace

import numpy as np
import pytest

from knowledge import IndexMismatchError, Searcher, build_index
from knowledge.domain import DomainClassifier, DomainModelError, load_classifier
from knowledge.embedders import HashEmbedder
from knowledge.loader import CORPUS_DIR

IN_DOMAIN = "Får klienten ha pengar på banken när hon söker försörjningsstöd?"
ELSEWHERE = "Vem vann melodifestivalen i år?"


def test_probability_is_the_logistic_of_the_dot_product():
    clf = DomainClassifier("x", np.array([2.0, -2.0, 0.0], dtype=np.float32), 0.0)
    assert clf.probability(np.array([1.0, 0.0, 0.0])) == pytest.approx(0.880797, abs=1e-6)
    assert clf.probability(np.array([0.0, 1.0, 0.0])) == pytest.approx(0.119203, abs=1e-6)
    assert clf.probability(np.array([0.0, 0.0, 1.0])) == pytest.approx(0.5)


def _write(path, embedder, weights, bias):
    entry = {"dimension": len(weights), "weights": list(map(float, weights)), "bias": bias}
    path.write_text(json.dumps({"embedders": {embedder: entry}}), encoding="utf-8")


def test_weights_file_is_validated_with_the_field_named(tmp_path):
    path = tmp_path / "domain.json"
    path.write_text('{"embedders": {"hash-bow-4": {"dimension": 4, "weights": [1, 2, 3, 4]}}}',
                    encoding="utf-8")
    with pytest.raises(DomainModelError, match="'bias' saknas"):
        load_classifier("hash-bow-4", 4, path)
    _write(path, "hash-bow-4", [1.0, 2.0, 3.0], 0.0)
    path.write_text(path.read_text().replace('"dimension": 3', '"dimension": 4'))
    with pytest.raises(DomainModelError, match="'weights' har 3 tal, 'dimension' säger 4"):
        load_classifier("hash-bow-4", 4, path)
    _write(path, "hash-bow-4", [1.0, 2.0, 3.0, 4.0], 0.0)
    with pytest.raises(DomainModelError, match="modellen har 8"):
        load_classifier("hash-bow-4", 8, path)
    assert load_classifier("another-model", 4, path) is None  # no classifier for that model
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(DomainModelError, match="ogiltig JSON"):
        load_classifier("hash-bow-4", 4, path)


@pytest.fixture(scope="module")
def domain_index(tmp_path_factory):
    """Hash index with a classifier that points at the in-domain question's own vector."""
    folder = tmp_path_factory.mktemp("domain")
    embedder = HashEmbedder()
    plain = tmp_path_factory.mktemp("plain")
    empty_local = tmp_path_factory.mktemp("local")
    build_index(plain, embedder=embedder, corpus_dir=CORPUS_DIR, local_dir=empty_local,
                progress=False, domain_file=folder / "none.json")
    q_in = Searcher.load(plain, embedder=embedder, domain_file=folder / "none.json").features(
        IN_DOMAIN)[1]
    path = folder / "domain.json"
    _write(path, embedder.name, 20.0 * q_in, -10.0)  # log-odds 20·cos − 10
    index_dir = folder / "index"
    build_index(index_dir, embedder=embedder, corpus_dir=CORPUS_DIR, local_dir=empty_local,
                progress=False, domain_file=path)
    return index_dir, path


def test_in_domain_side_answers_and_the_other_side_abstains(domain_index):
    index_dir, path = domain_index
    searcher = Searcher.load(index_dir, embedder=HashEmbedder(), domain_file=path)
    assert searcher.manifest["domain_classifier"] == searcher.domain.sha
    q_in, q_out = searcher.features(IN_DOMAIN)[1], searcher.features(ELSEWHERE)[1]
    assert searcher.in_domain_logit(q_in) == pytest.approx(10.0, abs=1e-3)  # cos = 1
    assert searcher.in_domain_logit(q_out) < -9.0  # no shared word: cos ≈ 0
    searcher.params = replace(searcher.params, threshold=0.0, domain_weight=1.0)
    assert searcher.search(IN_DOMAIN)["answered"] is True
    result = searcher.search(ELSEWHERE, top_k=2)
    assert result["answered"] is False
    assert len(result["hits"]) == 2  # hits still listed, the JSON keys unchanged
    assert set(result) == {"question", "answered", "confidence", "hits"}
    # without the classifier's weight the same threshold answers both
    searcher.params = replace(searcher.params, domain_weight=0.0)
    assert searcher.search(ELSEWHERE)["answered"] is True


def test_another_classifier_than_the_index_was_built_with_is_refused(domain_index, tmp_path):
    index_dir, path = domain_index
    other = tmp_path / "other.json"
    weights = json.loads(path.read_text())["embedders"]["hash-bow-256"]["weights"]
    _write(other, "hash-bow-256", weights, -9.0)
    with pytest.raises(IndexMismatchError, match="inte den som indexet byggdes med"):
        Searcher.load(index_dir, embedder=HashEmbedder(), domain_file=other)
    broken = tmp_path / "broken.json"
    broken.write_text('{"embedders": {"hash-bow-256": {"dimension": 256, "bias": 0}}}')
    with pytest.raises(IndexMismatchError, match="'weights' saknas"):
        Searcher.load(index_dir, embedder=HashEmbedder(), domain_file=broken)
