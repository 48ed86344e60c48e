"""The analyzer's cold start: a fresh interpreter importing the SCF handler and scoring its first answer.

    .venv/bin/python -m bench.cold_start [--runs 5] [--fresh-tmp] [--audio] [--preload ko]

Each run is a new process (as a new SCF instance is) that times, in order:
  import      `import functions.analyze.index` (the handler module; its warm-up runs at import)
  first zh    pipeline.analyze_transcript of a Chinese answer (the first answer the instance scores)
  first en    the same for an English answer (the only kind that needs the language identifier)
  first ko    the same for a Korean answer
  audio ko    (--audio) pipeline.analyze_file of a ~12-s espeak-ng Korean recording (decode, VAD, the
              Korean Vosk model's first load unless --preload ko, ASR, scoring)
and the time from spawn to `import` done ("spawn+import": interpreter start included, exit not).
--fresh-tmp gives every run an empty TMPDIR, as a new SCF instance has an empty /tmp: caches written
there by earlier runs (jieba's dictionary cache) do not help. Prints the median and range of each figure
and the load average (other work on the machine skews every figure). Target (issue 8): spawn+import +
first answer ≤ 3 s.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, sys, time
spawned = float(sys.argv[1])  # the parent's time.time() just before it started this process
t0 = time.perf_counter()
import functions.analyze.index as index
out = {"import": time.perf_counter() - t0, "warm_up": index.COLD_START_SECONDS, "spawn+import": time.time() - spawned}
from functions.analyze import pipeline
Q = {"text": "请讲一次你遇到紧急订单的经历", "answer_seconds": 120,
     "competencies": [{"name": "执行力", "weight": 1.0, "keywords": ["按时", "安排"]}]}
ANSWERS = {
    "zh": "去年双十一前一天晚上，仓库突然多了三百箱订单。我把四个人分成三组，按目的地分批打包，扫描枪坏了就手工登记，"
          "第二天上午十点半全部发出，没有一单延误。",
    "en": "Last year the night before a big sale we got three hundred extra boxes. I split four people into three "
          "teams by destination, logged parcels by hand when the scanner broke, and shipped everything by ten thirty.",
    "ko": "작년 세일 전날 밤에 주문이 삼백 상자나 더 들어왔습니다. 저는 네 명을 세 팀으로 나누고 목적지별로 포장했고 "
          "스캐너가 고장 나서 손으로 기록했습니다. 다음 날 열 시 반까지 모두 보냈습니다.",
}
for lang in ("zh", "en", "ko"):
    t = time.perf_counter()
    r = pipeline.analyze_transcript(ANSWERS[lang], Q, lang)
    out[f"first {lang}"] = time.perf_counter() - t
    out[f"status {lang}"] = r["status"]
if len(sys.argv) > 2:
    t = time.perf_counter()
    r = pipeline.analyze_file(sys.argv[2], Q, "ko")
    out["audio ko"] = time.perf_counter() - t
    out["status audio"] = r["status"]
print(json.dumps(out))
"""

KO_SPEECH = ("작년 세일 전날 밤에 주문이 삼백 상자나 더 들어왔습니다. 저는 네 명을 세 팀으로 나누고 목적지별로 "
             "포장했습니다. 다음 날 열 시 반까지 모두 보냈습니다.")


def one_run(fresh_tmp: bool, wav: Path | None, preload: str) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("MIAOMIAN_PRELOAD_LANGUAGES", None)
    if preload:
        env["MIAOMIAN_PRELOAD_LANGUAGES"] = preload
    tmp = None
    if fresh_tmp:
        tmp = tempfile.mkdtemp(prefix="miaomian-cold-")
        env["TMPDIR"] = tmp
    try:
        run = subprocess.run([sys.executable, "-c", CHILD, repr(time.time()), *([str(wav)] if wav else [])],
                             cwd=ROOT, env=env, capture_output=True, text=True)
        if run.returncode != 0:
            raise SystemExit(f"child failed:\n{run.stderr[-2000:]}")
        out = json.loads(run.stdout.strip().splitlines()[-1])
        out["spawn+import+first zh"] = out["spawn+import"] + out["first zh"]
        return out
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--fresh-tmp", action="store_true", help="an empty TMPDIR per run (a new SCF instance)")
    ap.add_argument("--audio", action="store_true", help="also analyse a Korean recording (needs espeak-ng)")
    ap.add_argument("--preload", default="", help="MIAOMIAN_PRELOAD_LANGUAGES for the child, e.g. ko")
    args = ap.parse_args(argv)
    wav = None
    work = Path(tempfile.mkdtemp(prefix="miaomian-cold-wav-"))
    try:
        if args.audio:
            wav = work / "ko.wav"
            subprocess.run(["espeak-ng", "-v", "ko", "-s", "150", "-w", str(wav), KO_SPEECH], check=True)
        print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; "
              f"{args.runs} fresh processes; fresh TMPDIR: {args.fresh_tmp}; preload: {args.preload or '-'}")
        runs = [one_run(args.fresh_tmp, wav, args.preload) for _ in range(args.runs)]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    keys = ["spawn+import", "import", "warm_up", "first zh", "first en", "first ko", "spawn+import+first zh"]
    if wav:
        keys.append("audio ko")
    for key in keys:
        vals = [r[key] for r in runs]
        print(f"  {key:24s} median {statistics.median(vals):6.3f} s   range {min(vals):.3f}–{max(vals):.3f} s")
    statuses = {k: sorted({r[k] for r in runs}) for k in runs[0] if k.startswith("status")}
    print(f"  outcomes: {statuses}")
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
