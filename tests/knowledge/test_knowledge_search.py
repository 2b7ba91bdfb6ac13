"""Index build, loading checks and cited search, with the deterministic fake embedder."""

import json
import shutil

import pytest
from typer.testing import CliRunner

from knowledge import IndexMismatchError, Searcher, build_index
from knowledge.cli import app
from knowledge.embedders import HashEmbedder
from knowledge.lab.evaluate import distinct_sections, is_relevant
from knowledge.loader import CORPUS_DIR, load_corpus

HIT_KEYS = {"document", "document_status", "heading_path", "section", "page", "text",
            "highlight", "score", "citation", "law_refs", "document_title", "chunk_id"}


def test_manifest_describes_the_index(hash_index, hash_searcher, tmp_path):
    manifest = hash_searcher.manifest
    assert manifest["embedder"] == "hash-bow-256"
    assert manifest["dimension"] == 256
    assert manifest["counts"] == {"documents": 4, "chunks": 64, "vectors": 363}
    assert manifest["corpus_hash"] == load_corpus(CORPUS_DIR, tmp_path).hash


def test_rebuild_with_nothing_changed_does_nothing(hash_index, tmp_path):
    report = build_index(hash_index, embedder=HashEmbedder(), local_dir=tmp_path, progress=False)
    assert report.rebuilt is False and report.embedded == 0


def test_a_changed_passage_is_the_only_one_embedded_again(tmp_path):
    corpus_dir = tmp_path / "corpus"
    shutil.copytree(CORPUS_DIR, corpus_dir)
    local = tmp_path / "local"
    local.mkdir()
    index_dir = tmp_path / "index"
    first = build_index(index_dir, embedder=HashEmbedder(), corpus_dir=corpus_dir,
                        local_dir=local, progress=False)
    assert (first.rebuilt, first.embedded) == (True, 362)  # two views share one text
    page = corpus_dir / "sources" / "norrtalje-tjanstegaranti.webpage.txt"
    page.write_text(page.read_text(encoding="utf-8").replace("0176-711 70", "0176-711 71"),
                    encoding="utf-8")
    second = build_index(index_dir, embedder=HashEmbedder(), corpus_dir=corpus_dir,
                         local_dir=local, progress=False)
    # the Kontakt passage is one sentence: only its passage view changed
    assert (second.rebuilt, second.embedded, second.chunks) == (True, 1, 64)
    hit = Searcher.load(index_dir, embedder=HashEmbedder()).search("Avdelningschef tel", 1)
    assert hit["hits"][0]["text"] == "Avdelningschef Silvija Mujakovic, tel. 0176-711 71."


def test_loading_refuses_another_embedder(hash_index):
    with pytest.raises(IndexMismatchError, match="hash-bow-256.*hash-bow-128"):
        Searcher.load(hash_index, embedder=HashEmbedder(128))


def test_loading_refuses_a_missing_or_damaged_index(hash_index, tmp_path):
    with pytest.raises(IndexMismatchError, match="saknas"):
        Searcher.load(tmp_path / "finns-inte", embedder=HashEmbedder())
    damaged = tmp_path / "damaged"
    shutil.copytree(hash_index, damaged)
    (damaged / "vectors.faiss").unlink()
    with pytest.raises(IndexMismatchError, match="ofullständigt eller skadat"):
        Searcher.load(damaged, embedder=HashEmbedder())
    lines = (hash_index / "chunks.jsonl").read_text(encoding="utf-8").splitlines()
    (damaged / "vectors.faiss").write_bytes((hash_index / "vectors.faiss").read_bytes())
    (damaged / "chunks.jsonl").write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    with pytest.raises(IndexMismatchError, match="stämmer inte med sitt manifest"):
        Searcher.load(damaged, embedder=HashEmbedder())


def test_search_returns_the_cited_passage(hash_searcher):
    result = hash_searcher.search("bostadsrätt månadsavgift räntekostnad", top_k=3)
    assert json.loads(json.dumps(result)) == result
    assert result["question"] == "bostadsrätt månadsavgift räntekostnad"
    assert len(result["hits"]) == 3
    top = result["hits"][0]
    assert set(top) == HIT_KEYS | {"currency"}  # SOSFS 2003:5 hits say if they still hold
    assert top["currency"]["status"] == "ej kontrollerat"  # sosfs-currency.md: Bostadsrätt
    assert top["section"] == "Bostadsrätt"
    assert top["page"] == 7
    assert top["document"] == "SOSFS 2003:5"
    assert top["document_status"] == "upphävd, ersatt av SOSFS 2013:1"
    assert top["citation"] == (
        "SOSFS 2003:5 (upphävd, ersatt av SOSFS 2013:1), Boende › Faktisk boendekostnad › "
        "Bostadsrätt, s. 7; 4 kap. 3 § första stycket 2 SoL (2001:453) motsvaras av "
        "12 kap. 7 § första stycket 2 SoL (2025:400)"
    )
    assert top["highlight"] == (
        "Socialnämnden bör vid beräkningen av den faktiska boendekostnaden för en "
        "bostadsrättslägenhet beakta månadsavgiften, uppvärmningskostnaden och räntekostnaden "
        "för lån som tagits för inköp och underhåll eller liknande av lägenheten. … Nämnden "
        "bör även beakta om den enskilde har rätt till skattejämkning för räntekostnaden."
    )
    scores = [h["score"] for h in result["hits"]]
    assert scores == sorted(scores, reverse=True)


def test_statute_hit_is_cited_by_paragraph(hash_searcher):
    top = hash_searcher.search("särskild beräkningsregel sex månader i följd", 1)["hits"][0]
    assert top["section"] == "12 kap. 8 § SoL (2025:400)"
    assert top["page"] is None and top["law_refs"] == []
    assert top["citation"] == (
        "12 kap. 8 § SoL (2025:400), Särskild beräkningsregel för den som börjat arbeta "
        "[gällande (i lydelse med ändring SFS 2025:762, ny 12 kap. 7 a §, fr.o.m. 2025-09-08)]"
    )


def test_truncated_passage_and_missing_page_are_reported(hash_searcher):
    result = hash_searcher.search("Hur räknas dagsbelopp?", 3)
    assert [g["missing_section"] for g in result["gaps"]] == ["Dagsbelopp"]
    # a topic of a missing section (corpus/sosfs-2003-5.yaml), not its heading's words
    result = hash_searcher.search("Kan vi betala hyran med rekvisition?", 3)
    assert [g["missing_section"] for g in result["gaps"]] == [
        "Utbetalningsperiod och utbetalningssätt"]
    assert result["answered"] is False
    result = hash_searcher.search("Hon ska resa utomlands i tre veckor, får hon fsd då?", 3)
    assert [g["missing_section"] for g in result["gaps"]] == ["Vistelsebegreppet vid resor"]
    assert "gaps" not in hash_searcher.search("Hon äger ett hus utomlands, måste hon sälja?", 3)
    top = hash_searcher.search("inkomster kalendermånaden före beräkningen", 1)["hits"][0]
    assert top["section"] == "Inkomst- och beräkningsperiod"
    assert top["citation"].endswith("s. 20; 4 kap. 1 § SoL (2001:453) motsvaras av 12 kap. 1 § "
                                    "SoL (2025:400) (texten avbryts i källan)")


def test_threshold_decides_answered(hash_index):
    strict = Searcher.load(hash_index, embedder=HashEmbedder(), threshold=1.01)
    lenient = Searcher.load(hash_index, embedder=HashEmbedder(), threshold=-1.0)
    assert strict.search("glasögon optiker", 2)["answered"] is False
    assert strict.search("glasögon optiker", 2)["hits"]  # the evidence is still shown
    assert lenient.search("glasögon optiker", 2)["answered"] is True


def test_bad_input_is_refused_in_swedish(hash_searcher):
    with pytest.raises(ValueError, match="'question'"):
        hash_searcher.search("   ")
    with pytest.raises(ValueError, match="'top_k'"):
        hash_searcher.search("hyra", top_k=0)


def test_cli_search_json_one_line_per_question_in_order(hash_index, tmp_path):
    questions = tmp_path / "q.txt"
    questions.write_text("glasögon optiker\n\nbostadsrätt månadsavgift räntekostnad\n",
                         encoding="utf-8")
    result = CliRunner().invoke(app, ["search", "--json", "--top-k", "2", "--questions",
                                      str(questions), "--index", str(hash_index)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["question"] for r in lines] == ["glasögon optiker",
                                              "bostadsrätt månadsavgift räntekostnad"]
    assert [r["hits"][0]["section"] for r in lines] == ["Glasögon", "Bostadsrätt"]
    assert all(len(r["hits"]) == 2 for r in lines)


def test_cli_reports_a_missing_index(tmp_path):
    result = CliRunner().invoke(app, ["search", "--json", "hyra", "--index", str(tmp_path)])
    assert result.exit_code == 2
    assert "Kunskapsindexet saknas" in result.stderr


def test_cli_evaluate(hash_index, tmp_path):
    questions = tmp_path / "q.jsonl"
    questions.write_text(
        '{"q": "glasögon optiker", "gold": ["Glasögon"]}\n'
        '{"q": "bostadsrätt månadsavgift räntekostnad", "gold": ["Faktisk boendekostnad"]}\n'
        '{"q": "bostadsrätt månadsavgift räntekostnad", "gold": ["Tandvård"]}\n',
        encoding="utf-8")
    oos = tmp_path / "oos.txt"
    oos.write_text("# kategori: test\nglasögon optiker\n\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(questions), "--out-of-scope", str(oos),
                                      "--index", str(hash_index)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["questions"] == 3
    assert report["recall@1"] == round(2 / 3, 4)  # a section-level gold matches a subsection
    assert report["out_of_scope_questions"] == 1


def test_relevance_and_distinct_sections():
    hit = {"document": "d", "section": "Bostadsrätt",
           "heading_path": ["KAP", "Boende", "Faktisk boendekostnad", "Bostadsrätt"]}
    assert is_relevant(hit, ["Boende"]) and is_relevant(hit, ["Bostadsrätt"])
    assert not is_relevant(hit, ["Hyreslägenhet"])
    other = {**hit, "section": "Inneboende"}
    assert distinct_sections([hit, hit, other]) == [hit, other]
