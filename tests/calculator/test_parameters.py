"""Parameter files: strict loading, a source and status on every value, known gaps recorded."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from calculator import load_parameters, load_rules
from calculator.params import (
    PARAMETER_DIR,
    ParameterError,
    available_years,
    load_rules_file,
    load_year_file,
    read_yaml,
)

STATUSES = {"official", "municipal", "unverified", "unknown", "convention"}


def _value_entries(node, path=""):
    """Every mapping that holds a 'value' key, found in the raw YAML (not via the loader)."""
    if isinstance(node, dict):
        if "value" in node:
            yield path, node
        for k, v in node.items():
            yield from _value_entries(v, f"{path}.{k}" if path else str(k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _value_entries(v, f"{path}[{i}]")


@pytest.mark.parametrize("path", sorted(PARAMETER_DIR.glob("*.yaml")), ids=lambda p: p.name)
def test_every_value_has_a_source_and_a_status(path: Path) -> None:
    raw = read_yaml(path)
    sources = raw["sources"]
    entries = list(_value_entries({k: v for k, v in raw.items() if k != "sources"}))
    assert entries, path
    for key, entry in entries:
        assert entry.get("status") in STATUSES, f"{path.name}: {key} has no valid status"
        src = entry.get("source")
        assert src and src in sources, f"{path.name}: {key} lacks a source"
        assert len(sources[src]["title"]) > 10, f"{path.name}: {key}: source without a title"
        assert (entry["value"] is None) == (entry["status"] == "unknown"), key


def test_years_2021_to_2026_are_shipped() -> None:
    assert available_years() == (2021, 2022, 2023, 2024, 2025, 2026)


def test_parameters_are_loaded_once_and_cached() -> None:
    assert load_parameters(2024) is load_parameters(2024)
    assert load_rules() is load_rules()


def test_rule_parameters() -> None:
    rules = load_rules()
    assert rules.value("jobbstimulans_andel_procent") == 25
    assert rules.value("jobbstimulans_manader_med_stod") == 6
    assert rules.value("jobbstimulans_max_manader") == 24
    assert rules.value("dagar_divisor") == 30
    assert rules.params["dagar_divisor"].status == "convention"
    assert rules.law.values[-1] == (dt.date(2025, 7, 1), "SoL (2025:400)")


def test_official_totals_cross_check() -> None:
    # regeringen.se: 2026 one adult 5 220, sambor 8 510; Socialstyrelsen 2024: one adult 5 030.
    p26 = load_parameters(2026)
    assert p26.single.value + p26.common_by_size[1].value == 5220
    assert p26.couple.value + p26.common_by_size[2].value == 8510
    p24 = load_parameters(2024)
    assert p24.single.value + p24.common_by_size[1].value == 5030


def test_table_values_and_statuses_per_year() -> None:
    expected = {  # year: (child 4-6, child 19-20, single, 7 members, extra, status)
        2021: (2440, 4000, 3160, 2270, 170, "official"),
        2022: (2480, 4070, 3210, 2310, 170, "municipal"),
        2023: (2700, 4430, 3490, 2510, 180, "municipal"),
        2024: (2940, 4820, 3800, 2730, 190, "unverified"),
        2025: (3030, 4960, 3910, 2810, 190, "unverified"),
        2026: (3060, 5000, 3940, 2830, 190, "official"),
    }
    for year, (c46, c1920, single, seven, extra, status) in expected.items():
        p = load_parameters(year)
        assert p.child_by_age[5].value == c46
        assert p.child_by_age[19].value == p.child_by_age[20].value == c1920
        assert p.single.value == single
        assert p.common_by_size[7].value == seven
        assert p.extra_over_7.value == extra
        assert p.single.status == status
        assert p.child_by_age[0].status == status


def test_unknown_values_are_exactly_the_known_gaps() -> None:
    unknown = sorted(p.name for y in available_years() for p in load_parameters(y).all_params()
                     if p.value is None)
    assert unknown == sorted(
        ["riksnorm.sambor.2025", "prisbasbelopp.2021", "forhojt_prisbasbelopp.2021"]
        + [f"riksnorm.barn_lunch_forskola.{y}.{b}" for y in (2022, 2023, 2024, 2025)
           for b in ("0", "1-2", "3", "4-6")]
    )
    for y in available_years():
        for p in load_parameters(y).all_params():
            assert (p.value is None) == (p.status == "unknown"), p.name


def test_prisbasbelopp() -> None:
    assert [load_parameters(y).prisbasbelopp.value for y in available_years()] == [
        None, 48300, 52500, 57300, 58800, 59200]
    assert load_parameters(2024).prisbasbelopp.status == "official"
    assert load_parameters(2025).prisbasbelopp.status == "unverified"


# --- the strict loader -------------------------------------------------------------------


@pytest.fixture
def year_copy(tmp_path: Path) -> Path:
    target = tmp_path / "2024.yaml"
    shutil.copy(PARAMETER_DIR / "2024.yaml", target)
    return target


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_a_clean_copy_loads(year_copy: Path) -> None:
    assert load_year_file(year_copy).single.value == 3800


def test_duplicate_keys_are_rejected_with_file_and_key(year_copy: Path) -> None:
    _edit(year_copy, '    "1-2":\n', '    "0":\n')
    with pytest.raises(ParameterError) as info:
        load_year_file(year_copy)
    assert str(year_copy) in str(info.value) and "duplicate key '0'" in str(info.value)


def test_a_missing_source_is_rejected(year_copy: Path) -> None:
    _edit(year_copy, "    value: 3800\n    status: unverified\n    source: tabell\n",
          "    value: 3800\n    status: unverified\n")
    with pytest.raises(ParameterError, match=r"2024\.yaml: key riksnorm\.ensamstaende\.source"):
        load_year_file(year_copy)


def test_a_dangling_source_reference_is_rejected(year_copy: Path) -> None:
    _edit(year_copy, "    value: 3800\n    status: unverified\n    source: tabell\n",
          "    value: 3800\n    status: unverified\n    source: nowhere\n")
    with pytest.raises(ParameterError, match=r"key riksnorm\.ensamstaende\.source: unknown source"):
        load_year_file(year_copy)


def test_a_bad_status_is_rejected(year_copy: Path) -> None:
    _edit(year_copy, "    value: 3800\n    status: unverified\n",
          "    value: 3800\n    status: probably\n")
    with pytest.raises(ParameterError, match=r"key riksnorm\.ensamstaende\.status"):
        load_year_file(year_copy)


def test_an_unknown_value_must_be_null(year_copy: Path) -> None:
    _edit(year_copy, "    value: 3800\n    status: unverified\n",
          "    value: 3800\n    status: unknown\n")
    with pytest.raises(ParameterError, match=r"key riksnorm\.ensamstaende: .*null exactly when"):
        load_year_file(year_copy)


def test_a_null_value_must_be_marked_unknown(year_copy: Path) -> None:
    _edit(year_copy, "    value: 3800\n    status: unverified\n",
          "    value: null\n    status: unverified\n")
    with pytest.raises(ParameterError, match=r"key riksnorm\.ensamstaende"):
        load_year_file(year_copy)


def test_an_amount_as_text_is_rejected(year_copy: Path) -> None:
    _edit(year_copy, "    value: 3800\n", '    value: "3800"\n')
    with pytest.raises(ParameterError, match=r"key riksnorm\.ensamstaende\.value"):
        load_year_file(year_copy)


def test_a_misspelt_key_is_rejected(year_copy: Path) -> None:
    _edit(year_copy, "prisbasbelopp:\n  value:", "prisbasbelopp:\n  valeu: 1\n  value:")
    with pytest.raises(ParameterError, match=r"key prisbasbelopp\.valeu"):
        load_year_file(year_copy)


def test_a_missing_bracket_is_rejected(year_copy: Path) -> None:
    _edit(year_copy,
          '    "3":\n      value: 2620\n      status: unverified\n      source: tabell\n', "")
    with pytest.raises(ParameterError, match=r"key riksnorm\.barn: expected the brackets"):
        load_year_file(year_copy)


def test_the_over_7_amount_must_match_the_table(year_copy: Path) -> None:
    _edit(year_copy, "tillagg_per_medlem_over_7:\n  value: 190",
          "tillagg_per_medlem_over_7:\n  value: 200")
    with pytest.raises(ParameterError, match=r"tillagg_per_medlem_over_7: 200 is not the diff"):
        load_year_file(year_copy)


def test_the_year_must_match_the_file_name(year_copy: Path, tmp_path: Path) -> None:
    other = tmp_path / "2030.yaml"
    year_copy.rename(other)
    with pytest.raises(ParameterError, match=r"2030\.yaml: key year"):
        load_year_file(other)


def test_invalid_yaml_names_the_file(year_copy: Path) -> None:
    year_copy.write_text("year: [2024\n", encoding="utf-8")
    with pytest.raises(ParameterError, match=r"2024\.yaml: invalid YAML"):
        load_year_file(year_copy)


def test_rules_file_rejects_a_missing_rule(tmp_path: Path) -> None:
    target = tmp_path / "rules.yaml"
    text = (PARAMETER_DIR / "rules.yaml").read_text(encoding="utf-8")
    start = text.index("  dagar_divisor:")
    end = text.index("  skolungdom_fran_alder:")
    target.write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(ParameterError, match=r"rules\.yaml: key parameters\.dagar_divisor"):
        load_rules_file(target)


def test_rules_file_rejects_an_uncounted_income_without_reason(tmp_path: Path) -> None:
    target = tmp_path / "rules.yaml"
    text = (PARAMETER_DIR / "rules.yaml").read_text(encoding="utf-8")
    target.write_text(text.replace('    reason: "handikappersättning räknas inte"\n', ""),
                      encoding="utf-8")
    with pytest.raises(ParameterError,
                       match=r"key income_types\.disability_compensation: .*reason"):
        load_rules_file(target)


# --------------------------------------------------------------------------- dated values


def test_the_law_is_a_dated_value_covering_every_parameter_year() -> None:
    rules = load_rules()
    first = dt.date(available_years()[0], 1, 1)
    assert rules.law.at(first) == "SoL (2001:453)"
    assert rules.law.at(dt.date(2025, 6, 30)) == "SoL (2001:453)"
    assert rules.law.at(dt.date(2025, 7, 1)) == "SoL (2025:400)"
    for topic, dated in rules.lagrum.items():
        starts = dated.first[0]
        assert starts == first or starts > dt.date(2025, 7, 1), topic


def test_an_older_text_says_when_it_ended_and_what_replaced_it() -> None:
    jobb = load_rules().lagrum["jobbstimulans"]
    assert jobb.cited(dt.date(2025, 6, 1)) == (
        "SoL (2001:453) 4 kap. 1 b § (gällde t.o.m. 2025-06-30; motsvaras nu av "
        "SoL (2025:400) 12 kap. 8 §)")
    assert jobb.cited(dt.date(2025, 7, 1)) == "SoL (2025:400) 12 kap. 8 §"
    # a rule with no counterpart before its first date is cited with that text
    fritid = load_rules().lagrum["fritidskort"]
    assert fritid.at(dt.date(2025, 9, 1)) is None
    assert fritid.cited(dt.date(2025, 9, 1)) == "SoL (2025:400) 12 kap. 7 a § (SFS 2025:762)"


def _rules_copy(tmp_path: Path, old: str, new: str) -> Path:
    target = tmp_path / "rules.yaml"
    text = (PARAMETER_DIR / "rules.yaml").read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def test_a_dated_value_needs_a_date(tmp_path: Path) -> None:
    target = _rules_copy(tmp_path, "    2025-07-01: \"SoL (2025:400) 12 kap. 8 §\"",
                         "    juli-2025: \"SoL (2025:400) 12 kap. 8 §\"")
    with pytest.raises(ParameterError, match=r"rules\.yaml: key lagrum\.jobbstimulans"):
        load_rules_file(target)


def test_dated_values_are_in_ascending_order(tmp_path: Path) -> None:
    old, new = '  2021-01-01: "SoL (2001:453)"', '  2025-07-01: "SoL (2025:400)"'
    target = _rules_copy(tmp_path, f"{old}\n{new}", f"{new}\n{old}")
    with pytest.raises(ParameterError, match=r"key law: the dates must be in ascending order"):
        load_rules_file(target)


def test_every_value_is_named_for_warnings() -> None:
    p = load_parameters(2024)
    assert p.child_by_age[1].label == "Riksnormen för barn 1-2 år 2024"
    assert p.child_lunch_by_age[0].label == "Riksnormen för barn 0 år med lunch på förskola 2024"
    assert p.common_by_size[3].label == "Gemensamma hushållskostnader för 3 personer 2024"
    assert p.extra_over_7.label == "Tillägg per person utöver sju 2024"
    assert all(q.label and q.label != q.name for q in p.all_params())


def test_history_reads_every_amount_of_every_year_file_by_date() -> None:
    """The per-parameter view holds each year file's values, sources and statuses unchanged
    (compared with the raw YAML, not through the loader)."""
    from calculator.params import history, keys

    seen = 0
    for year in available_years():
        raw = read_yaml(PARAMETER_DIR / f"{year}.yaml")
        titles = {k: v["title"] for k, v in raw["sources"].items()}
        for key, entry in _value_entries({k: v for k, v in raw.items() if k != "sources"}):
            p = history(key).at(dt.date(year, 12, 31))
            assert p is not None, (year, key)
            assert (p.value, p.status, p.note) == (
                entry["value"], entry["status"], entry.get("note")), (year, key)
            assert p.source.split("; bekräftat av: ")[0] == titles[entry["source"]], (year, key)
            seen += 1
    assert seen == sum(len(load_parameters(y).all_params()) for y in available_years())
    assert len(keys()) == len(load_parameters(available_years()[-1]).all_params())
