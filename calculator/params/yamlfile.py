"""A strict YAML reader for the parameter files: duplicate keys and bad YAML name the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class ParameterError(ValueError):
    """A parameter file is malformed; the message names the file and the key."""


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that rejects duplicate mapping keys."""


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False):
    loader.flatten_mapping(node)
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in seen:
            raise ParameterError(
                f"duplicate key {key!r} on line {line} (first on line {seen[key]})"
            )
        seen[key] = line
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(path: Path) -> Any:
    """Parse a YAML file strictly; errors name the file."""
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_StrictLoader)  # noqa: S506 (strict SafeLoader)
    except ParameterError as err:
        raise ParameterError(f"{path}: {err}") from None
    except yaml.YAMLError as err:
        raise ParameterError(f"{path}: invalid YAML: {err}") from None
