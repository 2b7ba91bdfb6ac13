"""The glossary (begrepp) for the page's searchable list: onboarding/data/glossary.yaml."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

router = APIRouter(prefix="/api/v1", tags=["riktlinjer"])


@router.get("/glossary", summary="Begreppen i ordlistan (för sidans sökbara lista)")
def glossary() -> dict[str, Any]:
    """Varje begrepp med kort definition, andra ord för det och närliggande begrepp. Citaten
    och aktuella belopp ges i chatten ("Vad betyder …?")."""
    from onboarding.glossary import load_glossary

    g = load_glossary()
    return {"terms": [
        {"id": t.id, "term": t.term, "definition": t.definition.strip(), "aliases": t.aliases,
         "related": [{"id": r.id, "term": r.term} for r in g.related(t)]}
        for t in sorted(g.terms, key=lambda t: t.term.lower())]}
