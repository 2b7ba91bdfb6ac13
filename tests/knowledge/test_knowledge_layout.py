"""The runtime apart from the lab: loading and searching import nothing from knowledge.lab."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_runtime_imports_nothing_from_the_lab():
    code = ("import sys, knowledge, knowledge.search, knowledge.index_files, knowledge.results; "
            "from knowledge import IndexMismatchError, Searcher, build_index; "
            "print(sorted(m for m in sys.modules if m.startswith('knowledge.lab')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True, env={"PYTHONPATH": str(ROOT), "PATH": ""})
    assert out.stdout.strip() == "[]"
