"""HR's keywords and synonyms: the one check and normalisation the API (api/interviews.py, when an interview
is saved) and the analyzer's CLI (python -m functions.analyze --question) both apply, so a keyword the API
refuses with 422 is refused by the CLI too (docs/scoring.md §1)."""
from __future__ import annotations

from .text import keyword_problem, normalise


def problems(competencies: list, language: str) -> list[str]:
    """Chinese messages, one per distinct problem, for the competencies' keywords and synonyms that cannot
    be used (only stop words or function characters, empty): see text.keyword_problem."""
    out = []
    for comp in competencies or []:
        if not isinstance(comp, dict):
            continue
        for word in list(comp.get("keywords") or []) + list(comp.get("synonyms") or []):
            problem = keyword_problem(str(word), language)
            if problem and problem not in out:
                out.append(problem)
    return out


def normalised_words(values, language: str) -> list[str]:
    """Keywords or synonyms as the scorer matches them (NFKC, case folded, simplified Chinese), empty ones
    dropped and duplicates removed, in order."""
    return list(dict.fromkeys(n for n in (normalise(str(v), language) for v in values or []) if n))
