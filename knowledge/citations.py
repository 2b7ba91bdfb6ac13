"""What a search returns: hits with their citation and highlight, and the per-issue topics.

A hit quotes the chunk's own text (never a section hint), highlights the sentence(s) closest
to the question, cites document, status, heading path and page, names the old SoL paragraphs
the passage refers to and, for SOSFS 2003:5, carries the currency note of its section. A mixin
of Searcher (search.py).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from knowledge.lawrefs import find_law_refs
from knowledge.lexical import tokenize
from knowledge.results import Hit, Topic


class Citing:
    """Hits, citations, highlights and topics (mixed into Searcher)."""

    def highlight(self, chunk_number: int, query_vector: np.ndarray, question: str) -> str:
        chunk = self.chunks[chunk_number]
        rows = self.sentence_rows.get(chunk_number)
        if rows is None or len(rows) == 0:
            return chunk["text"].strip()
        sims = self.vectors[rows] @ query_vector
        q_tokens = set(tokenize(question))
        text = chunk["text"]
        scores = []
        for row, sim in zip(rows, sims, strict=True):
            _, _, start, end = self.views[row]
            tokens = set(tokenize(text[start:end]))
            overlap = len(q_tokens & tokens) / len(q_tokens) if q_tokens else 0.0
            scores.append(float(sim) + 0.05 * overlap)
        order = np.argsort(scores)[::-1]
        chosen = [order[0]]
        if len(order) > 1 and scores[order[1]] >= scores[order[0]] - 0.01:
            chosen.append(order[1])
        spans = sorted((int(self.views[rows[i]][2]), int(self.views[rows[i]][3])) for i in chosen)
        return " … ".join(text[s:e] for s, e in spans)

    def citation(self, chunk: dict[str, Any], law_refs: list[dict[str, str]]) -> str:
        doc = self.documents.get(chunk["document"], {})
        name = doc.get("citation_name") or chunk["document"]
        path = list(chunk["heading_path"])
        if len(path) > 1 and path[0].isupper():
            path = path[1:]  # chapter headings in capitals are long; the section path suffices
        status = chunk["document_status"]
        status = f"[{status}]" if "(" in status else f"({status})"
        section_is_citation = bool(path) and name in path[-1]
        if section_is_citation:  # statute paragraphs: "12 kap. 8 § SoL (2025:400)"
            parts = [path[-1]]
            if len(path) > 2:
                parts.append(" › ".join(path[1:-1]))
            parts[-1] += f" {status}"
        else:
            parts = [f"{name} {status}"]
            if path:
                parts.append(" › ".join(path))
        if chunk.get("page"):
            pages = chunk["page"]
            if chunk.get("page_end") and chunk["page_end"] != chunk["page"]:
                pages = f"{chunk['page']}–{chunk['page_end']}"
            parts.append(f"s. {pages}")
        text = ", ".join(str(p) for p in parts)
        mapped = [r for r in law_refs if r.get("new")]
        if mapped:
            text += "; " + "; ".join(f"{r['old']} motsvaras av {r['new']}" for r in mapped)
        if chunk.get("truncated"):
            text += " (texten avbryts i källan)"
        return text

    def _hit(self, number: int, fused: np.ndarray, q: np.ndarray, question: str,
             highlight: str | None = None) -> Hit:
        """The hit for a chunk; its highlight is the best sentence(s) for the question unless
        one is given."""
        chunk = self.chunks[number]
        law_refs = find_law_refs(" ".join([*chunk["heading_path"], chunk["text"]]))
        hit: Hit = {
            "document": chunk["document"],
            "document_title": chunk["document_title"],
            "document_status": chunk["document_status"],
            "heading_path": list(chunk["heading_path"]),
            "section": chunk["section"],
            "page": chunk["page"],
            "text": chunk["text"],
            "highlight": highlight if highlight is not None else self.highlight(number, q,
                                                                                question),
            "score": round(float(fused[number]), 4),
            "citation": self.citation(chunk, law_refs),
            "law_refs": law_refs,
            "chunk_id": chunk["id"],
        }
        if self.currency is not None and chunk["document"] == self.currency.document:
            hit["currency"] = self.currency.payload(chunk["section"])
        return hit

    def passage(self, document: str, section: str, quote: str) -> Hit | None:
        """A passage looked up, not searched: the chunk of this document and section whose
        text holds the quote (white space aside), as the search would show it, with the quote
        as its highlight. None when no such chunk exists. For citations fixed in data (the
        glossary, the introduction path), which must not depend on the ranking."""
        wanted = " ".join(quote.split())
        for number, chunk in enumerate(self.chunks):
            if (chunk["document"], chunk["section"]) == (document, section) \
                    and wanted in " ".join(chunk["text"].split()):
                fused, _, q = self.score_chunks(quote)
                return self._hit(number, fused, q, quote, highlight=quote)
        return None

    def topics(self, issues: list[str], ranking: np.ndarray, q: np.ndarray, top_k: int,
               issue_vectors: np.ndarray | None = None) -> list[Topic]:
        """One ranking per issue of a question that asks about several things (issues.py):
        the whole question's ranking score + w_issue · lexical evidence of the issue's own
        words + w_issue_section · log p(section | the issue's embedding), so the situation
        still counts but the issue decides. Returned only when the issues' best sections
        differ: then each {"issue": the words of the question, "hits": [...]} shows the best
        passage for it. The issues are embedded in the same e5 call as the question."""
        found, seen = [], set()
        for number, issue in enumerate(issues):
            scores = ranking + self.params.w_issue * self.lexical_evidence(issue)
            if issue_vectors is not None:  # only when there is a section classifier
                scores = scores + self.params.w_issue_section * self.sections.log_proba(
                    issue_vectors[number])[self.section_column]
            order = np.argsort(-scores, kind="stable")[:top_k]
            top = (self.chunks[int(order[0])]["document"], self.chunks[int(order[0])]["section"])
            if top in seen:
                continue  # a follow-up on the same issue ("… och hur räknar vi i så fall?")
            seen.add(top)
            found.append({"issue": issue,
                          "hits": [self._hit(int(n), scores, q, issue) for n in order]})
        return found if len(found) >= 2 else []
