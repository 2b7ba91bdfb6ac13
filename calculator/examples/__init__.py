"""Example inputs that documentation, the API schema and tests share."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

_HERE = Path(__file__).parent


def documented_example() -> dict[str, Any]:
    """A fresh copy of the input example of calculation-rules.md section 7."""
    return json.loads((_HERE / "documented_example.json").read_text(encoding="utf-8"))
