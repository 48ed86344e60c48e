"""python -m functions.analyze AUDIO --question Q.json [--transcript T.txt] [--language zh]

Prints the analysis result JSON. With --transcript the text is scored without ASR (AUDIO may be '-').
The question file is the `question` object of the analysis context; it may also be a whole context
({"language": ..., "question": {...}}), whose language is used unless --language is given.
"""
from __future__ import annotations

import argparse
import json
import sys

from . import pipeline


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m functions.analyze", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("audio", help="recording (any phone/browser format), or - with --transcript")
    ap.add_argument("--question", required=True, help="question JSON file")
    ap.add_argument("--transcript", help="score this UTF-8 text file instead of recognising speech")
    ap.add_argument("--language", choices=["zh", "en", "ko"])
    ap.add_argument("--scorer", default=None, help="scorer version (default: the context's or 'default')")
    ap.add_argument("--compact", action="store_true", help="one-line JSON")
    args = ap.parse_args(argv)
    with open(args.question, encoding="utf-8") as fh:
        doc = json.load(fh)
    question = doc.get("question", doc) if isinstance(doc, dict) else {}
    language = args.language or doc.get("language") or "zh"
    scorer_version = args.scorer or (doc.get("scorer") or {}).get("version") or "default"
    if args.transcript:
        with open(args.transcript, encoding="utf-8") as fh:
            result = pipeline.analyze_transcript(fh.read(), question, language, scorer_version=scorer_version)
    else:
        if args.audio == "-":
            ap.error("AUDIO is required unless --transcript is given")
        result = pipeline.analyze_file(args.audio, question, language, scorer_version=scorer_version)
    json.dump(result, sys.stdout, ensure_ascii=False, indent=None if args.compact else 2)
    sys.stdout.write("\n")
    return 0 if result["status"] == "scored" else 3


if __name__ == "__main__":
    sys.exit(main())
