from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

STATIC_DIR = Path(__file__).resolve().parents[1] / "static"

router = APIRouter(include_in_schema=False)


@router.get("/")
async def page() -> FileResponse:
    """The chat page (plain HTML, CSS and JavaScript; no build step)."""
    return FileResponse(STATIC_DIR / "index.html", media_type="text/html; charset=utf-8")
