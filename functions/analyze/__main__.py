"""python -m functions.analyze AUDIO --question Q.json [--transcript T.txt] [--language zh]

Prints the analysis result JSON. With --transcript the text is scored without ASR (AUDIO may be '-').
HR's keywords and synonyms are checked and normalised as the API does when an interview is saved: a keyword
the API refuses (a stop word or function character such as 先, 的, 年) ends the run with a JSON error
{"error": "bad_keywords", "message": <Chinese>} on stdout, an English line on stderr and exit status 2.
The question file is the `question` object of the analysis context; it may also be a whole context
({"language": ..., "question": {...}, "scorer": {"version", "calibration"}}), whose language is used unless
--language is given and whose scorer (the organisation's calibrated version) is applied as the SCF handler does.
"""
from __future__ import annotations

import argparse
import json
import sys

from . import pipeline
from .scoring import calibration, keywords


def decode_text(raw: bytes) -> str:
    """A transcript file's bytes as text: UTF-8 (with or without BOM), UTF-16 with a BOM, else GB18030
    (a superset of GBK/GB2312). Raises ValueError with a Chinese message for anything else (binary)."""
    if raw.startswith(b"\xff\xfe") or raw.startswith(b"\xfe\xff"):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    else:
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text and sum(ch.isprintable() or ch.isspace() for ch in text) >= 0.95 * len(text):
                return text
    raise ValueError("文字稿无法识别：不是 UTF-8、带 BOM 的 UTF-16 或 GB18030/GBK 编码的文本。")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m functions.analyze", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("audio", help="recording (any phone/browser format), or - with --transcript")
    ap.add_argument("--question", required=True, help="question JSON file")
    ap.add_argument("--transcript", help="score this text file (UTF-8, UTF-16 with BOM or GB18030) instead of recognising speech")
    ap.add_argument("--language", choices=["zh", "en", "ko"])
    ap.add_argument("--scorer", default=None, help="scorer version (default: the context's or 'default')")
    ap.add_argument("--compact", action="store_true", help="one-line JSON")
    args = ap.parse_args(argv)
    with open(args.question, encoding="utf-8") as fh:
        doc = json.load(fh)
    question = doc.get("question", doc) if isinstance(doc, dict) else {}
    language = args.language or doc.get("language") or "zh"
    # HR's keywords go through the API's own check and normalisation (scoring/keywords.py): a keyword the
    # API refuses with 422 (先, 的, 年…) is refused here too, never counted as evidence
    competencies = question.get("competencies") if isinstance(question, dict) else None
    problems = keywords.problems(competencies or [], language)
    if problems:
        json.dump({"error": "bad_keywords", "message": " ".join(problems)}, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        sys.stderr.write("error: the question's keywords/synonyms include words the API refuses "
                         "(stop words or function characters); see the message above.\n")
        return 2
    if competencies:
        question = dict(question, competencies=[
            dict(c, **{k: keywords.normalised_words(c[k], language) for k in ("keywords", "synonyms") if c.get(k)})
            if isinstance(c, dict) else c for c in competencies])
    # an analysis context document (GET /api/internal/analysis-context) names the organisation's scorer and
    # its calibration, applied exactly as the SCF handler does; --scorer overrides both (no calibration)
    context_scorer = (doc.get("scorer") or {}) if isinstance(doc, dict) and not args.scorer else {}
    scorer_version = args.scorer or context_scorer.get("version") or "default"
    if args.transcript:
        with open(args.transcript, "rb") as fh:
            raw = fh.read()
        try:
            transcript = decode_text(raw)
        except ValueError as exc:
            json.dump({"error": "bad_transcript", "message": str(exc)}, sys.stdout, ensure_ascii=False)
            sys.stdout.write("\n")
            return 2
        result = pipeline.analyze_transcript(transcript, question, language, scorer_version=scorer_version)
    else:
        if args.audio == "-":
            ap.error("AUDIO is required unless --transcript is given")
        result = pipeline.analyze_file(args.audio, question, language, scorer_version=scorer_version)
    result = calibration.apply_context(result, context_scorer)
    json.dump(result, sys.stdout, ensure_ascii=False, indent=None if args.compact else 2)
    sys.stdout.write("\n")
    return 0 if result["status"] == "scored" else 3


if __name__ == "__main__":
    sys.exit(main())
