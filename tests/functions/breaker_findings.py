"""A breaker's findings kept as tests (tests/functions/data/<breaker>/findings.jsonl): each case with the question, the
text, its language and the helper's own expectation, written before the run."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import features


def load(breaker: str) -> dict[str, dict]:
    """id → case of tests/functions/data/<breaker>/findings.jsonl."""
    path = Path(__file__).parent / "data" / breaker / "findings.jsonl"
    return {c["id"]: c for c in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def run(case: dict) -> dict:
    """The case through the CLI's path (pipeline.analyze_transcript) in its language (zh when none is given)."""
    return pipeline.analyze_transcript(case["text"], case["question"], case.get("language") or "zh")


def within(expected: str, r: dict) -> bool:
    """The helper's expectation: "person", "a-b" (0–100) or "a-b or person"."""
    if r["status"] == "needs_review":
        return "person" in expected
    span = expected.split(" or ")[0]
    if "-" not in span:
        return False
    lo, hi = (float(x) for x in span.split("-"))
    return lo <= r["overall"] <= hi


def outcome_tests(cases: dict[str, dict], fixed: list[str], still_open: dict[str, str]):
    """The two tests every breaker's file runs: the families fixed read as the helper expected, and the open findings,
    each a strict xfail with why it is open (so a finding fixed later must move to `fixed`). Assign them to module
    names starting with test_ for pytest to collect."""
    @pytest.mark.parametrize("case_id", fixed)
    def fixed_test(case_id):
        r = run(cases[case_id])
        assert within(cases[case_id]["expected"], r), (r["status"], r["overall"], cases[case_id]["expected"])

    @pytest.mark.parametrize("case_id", [pytest.param(k, marks=pytest.mark.xfail(strict=True, reason="open: " + why))
                                         for k, why in still_open.items()])
    def open_test(case_id):
        r = run(cases[case_id])
        assert within(cases[case_id]["expected"], r), (r["status"], r["overall"])

    return fixed_test, open_test


def kept_outcome_test(cases: dict[str, dict], disputed: tuple = ()):
    """The test that what a helper judged right keeps its outcome: the same status (or another its expectation allows:
    "0-45 or person" scored low), and a score within 10 points of what the helper saw or within its expectation (a verdict
    revised after the run makes the range alone not the test).
    `disputed` cases (honest stories now scored above the helper's range: disputed_test) are left to that test."""
    @pytest.mark.parametrize("case_id", sorted(k for k, c in cases.items() if not c["wrong"] and k not in disputed))
    def kept(case_id):
        c, r = cases[case_id], run(cases[case_id])
        assert r["status"] == c["got_status"] or within(c["expected"], r), (r["status"], r.get("reason_code"),
                                                                            c["got_status"])
        if r["status"] == "scored":
            assert abs(r["overall"] - c["got_overall"]) <= 10 or within(c["expected"], r), (r["overall"], c["got_overall"])

    return kept


def disputed_test(cases: dict[str, dict], disputed: list[str]):
    """The test that honest stories scored above a helper's range — judged no defect by the helper — stay scored at 60
    or more. Assign it to a module name starting with test_."""
    @pytest.mark.parametrize("case_id", disputed)
    def disputed_case(case_id):
        r = run(cases[case_id])
        assert r["status"] == "scored" and r["overall"] >= 60, (r["status"], r.get("overall"))

    return disputed_case


def scored(said: str, question: dict) -> dict:
    """said through the CLI's path in Chinese, asserted scored (not sent to a person)."""
    r = pipeline.analyze_transcript(said, question, "zh")
    assert r["status"] == "scored", (said, r["reason"])
    return r


def reasons_of(r: dict) -> list[str]:
    """Every competency's reasons of a result, in order."""
    return [reason for c in r["competencies"] for reason in c["reasons"]]


def analysis_of(said: str, question: dict) -> features.Analysis:
    """The analysis the pipeline scores said with (its last features.analyse call)."""
    seen = []
    analyse = features.analyse
    features.analyse = lambda *args, **kwargs: seen.append(analyse(*args, **kwargs)) or seen[-1]
    try:
        pipeline.analyze_transcript(said, question, "zh")
    finally:
        features.analyse = analyse
    return seen[-1]
