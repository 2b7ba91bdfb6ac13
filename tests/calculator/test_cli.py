"""The command line: compute FILE / -, batch IN OUT; bad input exits with status 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from test_contract import EXAMPLE

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "calculator", *args], input=stdin,
                          capture_output=True, text=True, cwd=ROOT, timeout=60)


def test_compute_a_file_prints_the_result_json(tmp_path: Path) -> None:
    f = tmp_path / "in.json"
    f.write_text(json.dumps(EXAMPLE), encoding="utf-8")
    proc = run("compute", str(f))
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["forsorjningsstod"] == 14990
    assert out["rader"][0]["belopp"] == 6850


def test_compute_reads_standard_input_and_can_explain() -> None:
    proc = run("compute", "-", "--explain", stdin=json.dumps(EXAMPLE))
    assert proc.returncode == 0, proc.stderr
    assert "Försörjningsstödet blir 24 390 kr − 9 400 kr = 14 990 kr" in proc.stdout


def test_bad_input_prints_a_swedish_message_and_exits_2() -> None:
    bad = {**EXAMPLE, "costs": {"housing": -5}}
    proc = run("compute", "-", stdin=json.dumps(bad))
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "costs.housing" in proc.stderr and "får inte vara mindre än 0" in proc.stderr


def test_unknown_amount_and_broken_json_exit_2(tmp_path: Path) -> None:
    proc = run("compute", "-", stdin=json.dumps(
        {"year": 2025, "month": 1, "household": {"adults": [
            {"role": "applicant", "age": 40}, {"role": "partner", "age": 40}]}}))
    assert proc.returncode == 2 and "sambor" in proc.stderr and "2025" in proc.stderr
    proc = run("compute", "-", stdin="{not json")
    assert proc.returncode == 2 and "inte giltig JSON" in proc.stderr
    proc = run("compute", str(tmp_path / "missing.json"))
    assert proc.returncode == 2 and "kan inte läsas" in proc.stderr


def test_batch_keeps_going_past_bad_lines(tmp_path: Path) -> None:
    good = json.dumps(EXAMPLE)
    lines = [good, json.dumps({**EXAMPLE, "month": 13}), "", "{broken", good]
    fin, fout = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    fin.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = run("batch", str(fin), str(fout))
    assert proc.returncode == 0, proc.stderr
    assert "2 hushåll beräknade, 2 rader med fel" in proc.stderr
    records = [json.loads(x) for x in fout.read_text(encoding="utf-8").splitlines()]
    assert [r["line"] for r in records] == [1, 2, 4, 5]
    assert records[0]["result"]["forsorjningsstod"] == 14990
    assert records[1]["error"]["field"] == "month"
    assert "13" in records[1]["error"]["message"]
    assert records[2]["error"]["field"] == "indata"
    assert records[3]["result"] == records[0]["result"]


def test_history_prints_one_amount_by_date() -> None:
    proc = run("history", "riksnorm.ensamstaende")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 6 and lines[0].startswith("2021-01-01")
    assert lines[3].startswith("2024-01-01") and "3 800 kr" in lines[3]
    unknown = run("history", "riksnorm.finns_inte")
    assert unknown.returncode == 2 and "finns inte" in unknown.stderr
