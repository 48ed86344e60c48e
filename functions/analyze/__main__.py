"""python -m functions.analyze AUDIO --question Q.json [--transcript T.txt] [--language zh]

Prints the analysis result JSON. With --transcript the text is scored without ASR (AUDIO may be '-').
HR's keywords and synonyms are checked and normalised as the API does when an interview is saved: a keyword
the API refuses (a stop word or function character such as 先, 的, 年) ends the run with a JSON error
{"error": "bad_keywords", "message": <Chinese>} on stdout, an English line on stderr and exit status 2.
The question file is the `question` object of the analysis context; it may also be a whole context
({"language": ..., "question": {...}, "scorer": {"version", "calibration"}}), whose language is used unless
--language is given and whose scorer (the organisation's calibrated version) is applied as the SCF handler does.
A question file that is missing, unreadable, not JSON or not an object, or whose fields have the wrong type or value
(scoring/question_check.py: text not a non-empty string, answer_seconds outside 10–600, competencies not a list of
objects with a name, keywords/synonyms/behaviours not lists of strings, anchors not {weak|adequate|strong: text},
a context whose question is not an object or whose scorer/calibration has another shape), or that the API would
refuse when HR saves it (question_check.saving_problems: two competencies whose names are one name once normalised —
case, full/half width, spaces, traditional vs simplified —, a `type` other than story, situational, intro, closing,
general, behavioural or motivation, `competencies` null or [] (leave it out for one overall competency), a name of
punctuation only, more than 10 competencies, 50 keywords or 100 synonyms, longer texts than the API takes), gives
{"error": "bad_question", ...}, and a transcript file that is missing or unreadable {"error": "bad_transcript", ...};
both exit with status 2.
"""
from __future__ import annotations

import argparse
import json
import sys

from . import pipeline
from .scoring import calibration, keywords, question_check
from .scoring import text as text_module


def decode_text(raw: bytes) -> str:
    """A transcript file's bytes as text: UTF-8 (with or without BOM), UTF-16 with a BOM, else GB18030
    (a superset of GBK/GB2312). Invisible format characters (zero-width spaces and joiners, word joiners, BOMs,
    soft hyphens: text copied from web pages or chat apps) are removed, as the scorer removes them. Raises
    ValueError with a Chinese message for anything else (binary, or text that is mostly control characters)."""
    if raw.startswith(b"\xff\xfe") or raw.startswith(b"\xfe\xff"):
        try:
            return text_module.strip_invisible(raw.decode("utf-16"))
        except UnicodeDecodeError:
            pass
    else:
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = text_module.strip_invisible(raw.decode(encoding))
            except UnicodeDecodeError:
                continue
            if "\x00" not in text and sum(ch.isprintable() or ch.isspace() for ch in text) >= 0.95 * len(text):
                return text
    raise ValueError("文字稿无法识别：文件内容不是可以阅读的文字（可能是二进制文件，或大部分是控制字符）。"
                     "请提交用 UTF-8、带 BOM 的 UTF-16 或 GB18030/GBK 编码保存的文本文件。")


def read_question(path: str) -> dict:
    """The question file as a JSON object. Raises ValueError with a Chinese message when the file cannot be
    read, is not UTF-8 JSON, or is not an object (the CLI turns it into {"error": "bad_question"}, exit 2)."""
    try:
        with open(path, encoding="utf-8-sig") as fh:
            doc = json.load(fh)
    except OSError as exc:
        raise ValueError(f"无法读取题目文件：{path}（{exc.strerror or exc}）。") from None
    except UnicodeDecodeError:
        raise ValueError(f"题目文件不是 UTF-8 编码的文本：{path}。") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"题目文件不是有效的 JSON：{path}（第 {exc.lineno} 行第 {exc.colno} 列）。") from None
    except ValueError:   # an integer literal longer than Python converts (sys.get_int_max_str_digits)
        raise ValueError(f"题目文件里有位数过多的数字，不是可用的题目：{path}。") from None
    except RecursionError:
        raise ValueError(f"题目文件的 JSON 嵌套层数太多，不是可用的题目：{path}。") from None
    if not isinstance(doc, dict):
        raise ValueError(f"题目文件应是一个 JSON 对象（题目或完整的分析上下文）：{path}。")
    return doc


def _input_error(code: str, message: str) -> int:
    """A bad input file: the JSON error on stdout, an English line on stderr, exit status 2 (no traceback)."""
    json.dump({"error": code, "message": message}, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    sys.stderr.write(f"error: {code} (see the message above).\n")
    return 2


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
    try:
        doc = read_question(args.question)
    except ValueError as exc:
        return _input_error("bad_question", str(exc))
    # fields of the wrong type or value (text a number, answer_seconds NaN, keywords a string, a competency
    # without a name, a calibration of another shape…): the pipeline's own check (scoring/question_check.py)
    # refused before anything runs; --scorer and --language replace the context's, whose shape does not matter then
    overridden = {"scorer": args.scorer, "language": args.language}
    found = question_check.context_problems({k: v for k, v in doc.items() if not overridden.get(k)})
    question = doc.get("question", doc)
    language = args.language or doc.get("language") or "zh"
    # what the API refuses when HR saves a question (scoring/question_check.py saving_problems): two competencies
    # with one name (沟通能力 / 溝通能力 / COMMUNICATION / communication), a type the scorer does not know,
    # competencies null or [], a name of punctuation only, more competencies or words than the API takes
    found = found or question_check.saving_problems(question, language)
    if found:
        return _input_error("bad_question", f"题目文件 {args.question} 的内容有问题：" + "".join(found))
    unread = question_check.unread_competency_keys(question)
    if unread:   # readers ignore unknown keys; a misspelt "keywords" would silently drop HR's words
        sys.stderr.write("note: competency keys the scorer does not read (it reads "
                         f"{', '.join(sorted(question_check.COMPETENCY_KEYS))}): "
                         + "; ".join(f"competency {index}: {', '.join(keys)}" for index, keys in unread) + "\n")
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
        try:
            with open(args.transcript, "rb") as fh:
                raw = fh.read()
        except OSError as exc:
            return _input_error("bad_transcript", f"无法读取文字稿文件：{args.transcript}（{exc.strerror or exc}）。")
        try:
            transcript = decode_text(raw)
        except ValueError as exc:
            return _input_error("bad_transcript", str(exc))
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
