"""Benchmark of the analyzer (issue 3). Prints figures; never a timed test.

    .venv/bin/python bench/analyze.py [--lengths 30,60,180] [--parallel 1,2,4] [--repeat 2] [--quick]
    .venv/bin/python bench/analyze.py --probe-only --lengths 30,180 --repeat 5   # the shared-probe line only

Generated answers (espeak-ng Korean, sentences with natural pauses, AAC like a phone sends) go through:
  * ours:  the real pipeline (decode → VAD → chunks ≤15 s → fork-after-load pool of MIAOMIAN_ASR_WORKERS
           processes, each reusing one recognizer, tight beams → features → ONNX scorer);
  * naive: decode → one Vosk recognizer per answer fed the whole answer, stock model.conf.
It reports the decode + playback rendition time per answer with one ffmpeg probe shared by both against one
probe each (before/after ratio), cold start (fresh process: imports + model loads), warm wall time and real-time factor per
length, peak memory (PSS summed over this process and its children), throughput (seconds of audio per
wall-second) with 1..N answers at once, the naive figures from the same run, and how the tight beams
change transcripts (word edit distance against stock beams on the same chunks).
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import wave
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SENTENCES = [
    "저는 고객과 소통하는 것을 좋아합니다.",
    "지난 프로젝트에서 팀과 함께 문제를 해결했습니다.",
    "먼저 상황을 분석하고 계획을 세웠습니다.",
    "결과적으로 매출이 이십 퍼센트 증가했습니다.",
    "당시 저는 고객 지원 팀의 책임자였습니다.",
    "고객의 불만이 계속 늘어나고 있었습니다.",
    "그래서 매주 회의를 열고 의견을 들었습니다.",
    "그 경험에서 많은 것을 배웠습니다.",
]
TARGETS = {"warm_180_s": 10.0, "throughput": 20.0, "vs_naive": 3.0, "cold_start_s": 3.0, "memory_gb": 1.2}


def make_answer(seconds: float, workdir: Path) -> Path:
    rng = np.random.default_rng(int(seconds))
    pcm = []
    for i, s in enumerate(SENTENCES):
        raw = workdir / f"s{i}.wav"
        if not raw.exists():
            subprocess.run(["espeak-ng", "-v", "ko", "-s", "150", "-w", str(raw), s], check=True)
        out = subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-i", str(raw), "-ar", "16000",
                              "-ac", "1", "-f", "s16le", "pipe:"], check=True, capture_output=True).stdout
        pcm.append(np.frombuffer(out, dtype=np.int16))
    parts, total, i = [], 0, 0
    while total < seconds * 16000:
        parts.append(pcm[i % len(pcm)])
        gap = np.zeros(int(rng.uniform(0.4, 1.6) * 16000), dtype=np.int16)
        parts.append(gap)
        total += len(pcm[i % len(pcm)]) + len(gap)
        i += 1
    audio = np.concatenate(parts)[: int(seconds * 16000)]
    wav = workdir / f"answer-{int(seconds)}.wav"
    with wave.open(str(wav), "wb") as w:
        w.setnchannels(1), w.setsampwidth(2), w.setframerate(16000), w.writeframes(audio.tobytes())
    m4a = wav.with_suffix(".m4a")
    subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i", str(wav), "-c:a", "aac", "-b:a", "48k",
                    str(m4a)], check=True)
    return m4a


# --- memory: PSS of this process and all its descendants --------------------------------------------------
def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            kids = (task / "children").read_text().split()
        except OSError:
            continue
        for k in kids:
            out += [int(k)] + _children(int(k))
    return out


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_seconds() -> float:
    """CPU time (user+sys) of this process and its live descendants (the ASR workers)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    me = os.getpid()
    for pid in [me] + _children(me):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
        except (OSError, IndexError):
            pass
    return total


class PeakPss:
    def __init__(self):
        self.peak_kb, self._stop = 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        me = os.getpid()
        while not self._stop.is_set():
            total = sum(_pss_kb(p) for p in [me] + _children(me))
            self.peak_kb = max(self.peak_kb, total)
            self._stop.wait(1.0)  # reading smaps costs CPU: sample sparingly

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


# --- the naive pipeline: one stream per answer, stock beams ------------------------------------------------
class Naive:
    def __init__(self, model_dir: Path):
        import vosk
        vosk.SetLogLevel(-1)
        self.model = vosk.Model(str(model_dir))

    def run(self, path: Path) -> list[str]:
        import json
        import vosk
        from functions.analyze import decode
        pcm = decode.decode(path).pcm_bytes()
        rec = vosk.KaldiRecognizer(self.model, 16000)
        rec.SetWords(True)
        words = []
        for i in range(0, len(pcm), 8000):
            if rec.AcceptWaveform(pcm[i:i + 8000]):
                words += [w["word"] for w in json.loads(rec.Result()).get("result", [])]
        words += [w["word"] for w in json.loads(rec.FinalResult()).get("result", [])]
        return words


def probe_sharing(path: Path, repeat: int) -> tuple[float, float, int, int]:
    """Seconds (best of `repeat`, before and after runs interleaved so a busy machine skews both alike) to decode
    one answer and make its playback rendition — what functions/analyze/index.py does per answer besides ASR
    and scoring — with a probe (`ffmpeg -i`) each, as before, and with one probe both read (decode.Probe), as
    now; and how many probes each way ran."""
    from functions.analyze import decode, playback

    real, runs = decode.describe, []
    decode.describe = lambda source: runs.append(source) or real(source)

    def once(shared: bool) -> tuple[float, int]:
        runs.clear()
        started = time.perf_counter()
        probe = decode.Probe(path) if shared else None
        decode.decode(path, probe=probe)
        playback.to_m4a(path, probe).unlink()
        return time.perf_counter() - started, len(runs)

    try:
        once(True)  # warm the page cache and ffmpeg's own start-up
        pairs = [(once(False), once(True)) for _ in range(repeat)]
    finally:
        decode.describe = real
    return (min(b[0] for b, _ in pairs), min(a[0] for _, a in pairs), pairs[0][0][1], pairs[0][1][1])


def edit_distance(a: list[str], b: list[str]) -> int:
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
        prev = cur
    return prev[-1]


def cold_start(repeat: int) -> list[float]:
    code = ("import time; t=time.perf_counter(); import functions.analyze.index as i; "
            "print(time.perf_counter()-t)")
    env = dict(os.environ, MIAOMIAN_PRELOAD_LANGUAGES="ko")
    out = []
    for _ in range(repeat):
        r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
        out.append(float(r.stdout.strip().splitlines()[-1]))
    return out


def throughput(fn, paths: list[Path], n: int, seconds: float) -> float:
    t = time.perf_counter()
    with ThreadPoolExecutor(n) as ex:
        list(ex.map(fn, paths[:n]))
    return n * seconds / (time.perf_counter() - t)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lengths", default="30,60,180")
    ap.add_argument("--parallel", default="1,2,4")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--quick", action="store_true", help="30 and 60 s only, no naive 180 s")
    ap.add_argument("--probe-only", action="store_true",
                    help="only the decode + playback rendition line: one shared ffmpeg probe against one each")
    args = ap.parse_args(argv)
    lengths = [30.0, 60.0] if args.quick else [float(x) for x in args.lengths.split(",")]
    parallel = [int(x) for x in args.parallel.split(",")]

    from functions.analyze import asr, pipeline
    from functions.analyze.settings import Settings

    settings = Settings.from_env()
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())} (other work on this machine skews every figure)")
    print(f"machine: {os.cpu_count()} cores; ASR workers {settings.asr_workers}; beams "
          f"beam={settings.beam} max-active={settings.max_active} (stock = model's conf)")
    work = Path(tempfile.mkdtemp(prefix="miaomian-bench-"))
    answers = {s: make_answer(s, work) for s in lengths}
    print("\ndecode + playback rendition per answer, a probe each (before) vs one shared probe (after), best of "
          f"{max(3, args.repeat)}:")
    for s in lengths:
        for source in (answers[s], answers[s].with_suffix(".wav")):   # a phone's AAC; the mini-program's WAV
            before, after, probes_before, probes_after = probe_sharing(source, max(3, args.repeat))
            print(f"  {s:>5.0f}s {source.suffix[1:]:<4} probes {probes_before} → {probes_after}; before {before:.3f} s, "
                  f"after {after:.3f} s, after/before {after / before:.3f} (saved {1000 * (before - after):.0f} ms)")
    if args.probe_only:
        shutil.rmtree(work, ignore_errors=True)
        return 0
    question = {"text": "고객과 소통한 경험을 말해 주세요", "answer_seconds": 180,
                "competencies": [{"name": "소통", "weight": 1.0, "keywords": ["고객", "소통", "함께"]}]}

    cold = cold_start(max(2, args.repeat))
    print(f"\ncold start (fresh process: imports + VAD + jieba + Vosk ko model load): "
          f"{', '.join(f'{c:.2f}' for c in cold)} s → median {statistics.median(cold):.2f} s")

    results = {}
    with PeakPss() as mem:
        t = time.perf_counter()
        eng = asr.engine("ko", settings)
        pipeline.analyze_file(answers[lengths[0]], question, "ko", settings=settings)  # warm: pool forks here
        print(f"first answer in this process (model load + pool fork + {lengths[0]:.0f}s answer): "
              f"{time.perf_counter() - t:.2f} s")
        print(f"\nours, warm ({eng.version}):")
        print(f"{'length':>8} {'wall s':>8} {'rtf':>7} {'cpu s':>7} {'decode':>7} {'vad':>6} {'asr':>6} {'score':>6} {'chunks':>6} status")
        for s in lengths:
            walls, cpus = [], []
            for _ in range(args.repeat):
                c, t = cpu_seconds(), time.perf_counter()
                r = pipeline.analyze_file(answers[s], question, "ko", settings=settings)
                walls.append(time.perf_counter() - t)
                cpus.append(cpu_seconds() - c)
            tm = r["timings"]
            results[s] = {"wall": min(walls), "words": [w["word"] for w in r["transcript"]["words"]],
                          "conf": r["transcript"]["mean_confidence"]}
            print(f"{s:>7.0f}s {min(walls):>8.2f} {min(walls) / s:>7.3f} {min(cpus):>7.2f} {tm['decode_s']:>7.2f} {tm['vad_s']:>6.2f} "
                  f"{tm['asr_s']:>6.2f} {tm.get('score_s', 0):>6.3f} {tm['asr_chunks']:>6} {r['status']}")
        tp_len = 60.0 if 60.0 in answers else lengths[0]
        copies = [answers[tp_len]] * max(parallel)
        print(f"\nthroughput, {tp_len:.0f}-s answers at once (seconds of audio per wall-second):")
        ours_tp = {}
        for n in parallel:
            ours_tp[n] = throughput(lambda p: pipeline.analyze_file(p, question, "ko", settings=settings),
                                    copies, n, tp_len)
            print(f"  ours  n={n}: {ours_tp[n]:6.1f}")
    ours_peak_gb = mem.peak_kb / 1024 / 1024
    print(f"peak memory, ours (PSS, this process + ASR workers): {ours_peak_gb:.2f} GB")

    print("\nnaive pipeline (one Vosk stream per answer, stock model.conf, no VAD, no pool):")
    base_dir, _ = asr.resolve_model("ko", settings)
    asr.reset_engines()  # ours unloaded (and its workers gone) while the naive pipeline is measured
    with PeakPss() as mem_naive:
        naive = Naive(base_dir)
        naive_wall = {}
        for s in lengths:
            c, t = cpu_seconds(), time.perf_counter()
            words = naive.run(answers[s])
            naive_wall[s] = time.perf_counter() - t
            results[s]["naive_words"] = words
            print(f"  {s:>5.0f}s: {naive_wall[s]:6.2f} s wall, rtf {naive_wall[s] / s:.3f}, cpu {cpu_seconds() - c:.2f} s")
        naive_tp = {}
        for n in parallel:
            naive_tp[n] = throughput(naive.run, copies, n, tp_len)
            print(f"  naive n={n}: {naive_tp[n]:6.1f} s audio / wall-s")
    print(f"peak memory, naive: {mem_naive.peak_kb / 1024 / 1024:.2f} GB")

    print("\nbeam change (ours, tight) vs stock beams, same chunks and pool:")
    stock = dataclasses.replace(settings, beam=None, max_active=None, lattice_beam=None)
    for s in lengths[:2]:
        t = time.perf_counter()
        r = pipeline.analyze_file(answers[s], question, "ko", settings=stock)
        stock_wall = time.perf_counter() - t
        sw = [w["word"] for w in r["transcript"]["words"]]
        tw = results[s]["words"]
        d = edit_distance(sw, tw)
        print(f"  {s:>5.0f}s: stock {len(sw)} words conf {r['transcript']['mean_confidence']:.3f} wall {stock_wall:.2f}s"
              f" | tight {len(tw)} words conf {results[s]['conf']:.3f} | word edit distance {d} "
              f"= {d / max(1, len(sw)):.1%} of the stock transcript")
        nd = edit_distance(results[s]["naive_words"], sw)
        print(f"         (chunking alone: naive vs stock-chunked differ by {nd / max(1, len(results[s]['naive_words'])):.1%})")

    longest = max(lengths)
    print("\nagainst the targets of issue 3:")
    rows = [
        (f"{longest:.0f}-s answer warm", f"{results[longest]['wall']:.2f} s", f"≤ {TARGETS['warm_180_s']} s",
         results[longest]["wall"] <= TARGETS["warm_180_s"]),
        ("throughput", f"{max(ours_tp.values()):.1f} s/s", f"≥ {TARGETS['throughput']}", max(ours_tp.values()) >= TARGETS["throughput"]),
        ("vs naive (throughput)", f"{max(ours_tp.values()) / max(naive_tp.values()):.2f}x", f"≥ {TARGETS['vs_naive']}x",
         max(ours_tp.values()) / max(naive_tp.values()) >= TARGETS["vs_naive"]),
        (f"vs naive ({longest:.0f}-s latency)", f"{naive_wall[longest] / results[longest]['wall']:.2f}x", f"≥ {TARGETS['vs_naive']}x",
         naive_wall[longest] / results[longest]["wall"] >= TARGETS["vs_naive"]),
        ("cold start", f"{statistics.median(cold):.2f} s", f"≤ {TARGETS['cold_start_s']} s", statistics.median(cold) <= TARGETS["cold_start_s"]),
        ("peak memory", f"{ours_peak_gb:.2f} GB", f"≤ {TARGETS['memory_gb']} GB", ours_peak_gb <= TARGETS["memory_gb"]),
    ]
    for name, value, target, ok in rows:
        print(f"  {name:<26} {value:>10}  target {target:<9} {'met' if ok else 'NOT met'}")
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    asr.reset_engines()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
