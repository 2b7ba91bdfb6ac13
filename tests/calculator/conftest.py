"""Collect the calculator's YAML cases (tests/calculator/cases/*.yaml)."""

from calc_yaml_cases import YamlCaseFile


def pytest_collect_file(parent, file_path):
    if file_path.suffix == ".yaml" and file_path.parent.name == "cases":
        return YamlCaseFile.from_parent(parent, path=file_path)
    return None
