"""Section hints (knowledge/data/section_hints.yaml): search metadata, never a source."""

import numpy as np
import pytest

from knowledge import Searcher, build_index
from knowledge.embedders import HashEmbedder
from knowledge.hints import HINTS_FILE, load_hints, unknown_sections
from knowledge.lab.tune import metrics_from_ranks, section_ranks
from knowledge.loader import CORPUS_DIR, load_corpus
from knowledge.model import CorpusError
from knowledge.search import Params

BURIAL = ("SOSFS 2003:5", "Begravning")
HINT = "jordfästning gravsten urna"  # words the corpus never uses
# the fake embedder's dense scores are noisier than e5's: a weight that lets the hint decide
HINTED = Params(w_hint_lexical=1.0, lexical_saturation=1.0)


@pytest.fixture(scope="module")
def hinted_index(tmp_path_factory):
    index_dir = tmp_path_factory.mktemp("hinted")
    local = tmp_path_factory.mktemp("local")
    build_index(index_dir, embedder=HashEmbedder(), corpus_dir=CORPUS_DIR, local_dir=local,
                progress=False, hints={BURIAL: [HINT]})
    return index_dir


def _sections(result):
    return [hit["section"] for hit in result["hits"]]


def test_a_hint_brings_its_section_up(hinted_index):
    question = "Vem betalar jordfästning och gravsten?"
    plain = Searcher.load(hinted_index, embedder=HashEmbedder(), params=Params())
    assert "Begravning" not in _sections(plain.search(question, top_k=5))
    hinted = Searcher.load(hinted_index, embedder=HashEmbedder(),
                           params=HINTED)
    assert _sections(hinted.search(question, top_k=5))[0] == "Begravning"


def test_a_hint_is_never_shown_quoted_or_cited(hinted_index):
    searcher = Searcher.load(hinted_index, embedder=HashEmbedder(),
                             params=HINTED)
    texts = {c["id"]: c["text"] for c in searcher.chunks}
    result = searcher.search(HINT, top_k=5)
    top = result["hits"][0]
    assert top["section"] == "Begravning"
    assert top["text"].startswith("Begravningskostnader täcks i första hand av tillgångarna")
    for hit in result["hits"]:
        assert hit["text"] == texts[hit["chunk_id"]]  # the corpus text, as indexed
        for part in hit["highlight"].split(" … "):
            assert part in hit["text"]
        for field in ("text", "highlight", "citation"):
            for word in HINT.split():
                assert word not in hit[field].lower()


def test_the_shipped_hints_name_real_sections_and_cover_every_section(tmp_path):
    hints = load_hints(HINTS_FILE)
    chunks = load_corpus(CORPUS_DIR, tmp_path).chunks
    assert unknown_sections(hints, chunks) == []
    assert {(c.document, c.section) for c in chunks} == set(hints)
    assert all(3 <= len(texts) <= 8 for texts in hints.values())
    assert "måste bilen säljas" in hints[("SOSFS 2003:5", "Lätt realiserbara tillgångar")]
    assert len(hints) == 64 and sum(map(len, hints.values())) == 319


def test_the_manifest_counts_the_hints(hinted_index, hash_searcher):
    assert Searcher.load(hinted_index, embedder=HashEmbedder()).manifest["section_hints"] == 1
    assert hash_searcher.manifest["section_hints"] == 319


def test_a_bad_hints_file_is_refused_naming_the_section(tmp_path):
    path = tmp_path / "hints.yaml"
    path.write_text('"SOSFS 2003:5":\n  "Begravning": []\n', encoding="utf-8")
    with pytest.raises(CorpusError, match="SOSFS 2003:5 › Begravning.*saknar ledtrådar"):
        load_hints(path)
    path.write_text('"SOSFS 2003:5":\n  "Begravning":\n    - " "\n', encoding="utf-8")
    with pytest.raises(CorpusError, match="tom ledtråd"):
        load_hints(path)
    assert load_hints(tmp_path / "finns-inte.yaml") == {}


def test_section_ranks_count_distinct_sections_above_the_first_relevant():
    # three questions, four chunks; chunks 2 and 3 are one section
    scores = np.array([[0.9, 0.8, 0.7, 0.6],
                       [0.5, 0.9, 0.8, 0.95],
                       [0.1, 0.2, 0.3, 0.4]])
    section_of = np.array([0, 1, 2, 2])
    relevant = np.array([[True, False, False],
                         [False, True, False],
                         [False, False, False]])
    ranks = section_ranks(scores, relevant, section_of)
    assert ranks.tolist() == [1, 2, 0]  # q2: section 2 (best chunk 0.95) outranks section 1
    assert metrics_from_ranks(ranks) == pytest.approx(
        {"recall@1": 1 / 3, "recall@3": 2 / 3, "recall@5": 2 / 3, "mrr@10": 0.5})
