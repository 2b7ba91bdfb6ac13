"""The ask_guideline examples generated from the knowledge base's section hints are current."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("hints_to_nlu", ROOT / "scripts" / "hints_to_nlu.py")
hints_to_nlu = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hints_to_nlu)


def test_generated_nlu_file_matches_the_hints():
    expected = hints_to_nlu.render(existing=hints_to_nlu.other_examples())
    assert hints_to_nlu.OUT.read_text(encoding="utf-8") == expected, (
        "Run `.venv/bin/python scripts/hints_to_nlu.py` after editing section_hints.yaml.")


def test_a_hint_written_by_hand_elsewhere_is_not_repeated(tmp_path):
    hints = tmp_path / "hints.yaml"
    hints.write_text('"Doc":\n  "Avsnitt":\n    - Får klienten ha kvar bilen\n    - ny fråga\n',
                     encoding="utf-8")
    text = hints_to_nlu.render(hints, existing={"får klienten ha kvar bilen"})
    assert text.splitlines()[-2:] == ["    examples: |", "      - ny fråga"]
