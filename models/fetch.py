"""Download and verify the production ASR models listed in models/manifest.json.

    python -m models.fetch               # every language (zh, en by URL; ko from PyPI)
    python -m models.fetch zh            # one language
    python -m models.fetch zh --from-file ~/Downloads/vosk-model-small-cn-0.22.zip   # offline
    python -m models.fetch --check       # only report what is installed
    python -m models.fetch zh --from-file x.zip --allow-unpinned   # install a model the manifest does not pin

A model whose sha256 the manifest does not pin is refused: its bytes cannot be checked. With
--allow-unpinned it is installed marked UNVERIFIED (the record .miaomian-fetch.json in its folder says
verified: false), and `python -m deploy.package` refuses it unless built with --allow-unpinned too.

Models unpack into models/cache/<dir> (MIAOMIAN_MODELS_CACHE overrides), where the analyzer finds them.
Where the network cannot reach the model host, this says so and how to provide the file offline; it
exits 0 unless --strict, so `make models` still installs everything the registries offer.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "manifest.json"


def cache_dir() -> Path:
    env = os.environ.get("MIAOMIAN_MODELS_CACHE")
    if env:
        return Path(env)
    return Path(os.environ.get("MIAOMIAN_MODELS_DIR") or HERE) / "cache"


def _installed(entry: dict) -> Path | None:
    if entry.get("python_package"):
        spec = importlib.util.find_spec(entry["python_package"])
        if spec and spec.submodule_search_locations:
            path = Path(list(spec.submodule_search_locations)[0]) / "model"
            return path if (path / "am" / "final.mdl").exists() else None
        return None
    path = cache_dir() / entry["dir"]
    return path if (path / "am" / "final.mdl").exists() else None


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file, read in 1 MiB blocks."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _download(url: str, dest: Path) -> None:
    import requests

    with requests.get(url, stream=True, timeout=(10, 60)) as resp:
        resp.raise_for_status()
        with open(dest, "wb") as fh:
            for block in resp.iter_content(1 << 20):
                fh.write(block)


# {"sha256": of the zip, "size": bytes, "verified": bool, "files": {path in the model folder: sha256}}, the
# files' digests taken from the zip's members as it is verified; deploy.package checks the folder against them
# and, for a pinned model, the kept zip (ARCHIVES) against the manifest and the record.
RECORD = ".miaomian-fetch.json"
ARCHIVES = ".archives"   # models/cache/.archives/<zip name>: the verified zip, kept for deploy.package


def member_digests(archive: Path, folder: str) -> dict[str, str]:
    """{path relative to the model folder: sha256} of every file the zip holds under `folder`/."""
    digests = {}
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            if not info.is_dir() and info.filename.startswith(folder + "/"):
                digests[info.filename[len(folder) + 1:]] = hashlib.sha256(zf.read(info)).hexdigest()
    return digests


def folder_digests(path: Path) -> dict[str, str]:
    """{path relative to the folder: sha256} of every file in an unpacked model folder (the record excluded)."""
    return {file.relative_to(path).as_posix(): sha256_file(file) for file in sorted(path.rglob("*"))
            if file.is_file() and file.name != RECORD}


class Unpinned(ValueError):
    """The manifest pins no sha256 for this model, and --allow-unpinned was not given."""


def _verify(entry: dict, archive: Path, allow_unpinned: bool = False) -> dict:
    """Check the zip against the manifest's size and sha256; the record to keep with the unpacked model.

    Raises ValueError on a mismatch, Unpinned when no sha256 is pinned and allow_unpinned is false."""
    size, digest = archive.stat().st_size, sha256_file(archive)
    if entry.get("size_bytes") and size != entry["size_bytes"]:
        raise ValueError(f"{archive.name}: {size} bytes, manifest says {entry['size_bytes']}")
    if entry.get("sha256"):
        if digest != entry["sha256"]:
            raise ValueError(f"{archive.name}: sha256 {digest} does not match the manifest's {entry['sha256']}")
        print(f"  verified sha256 {digest}")
        return {"sha256": digest, "size": size, "verified": True}
    banner = "!" * 78
    message = (f"{banner}\n  UNVERIFIED: models/manifest.json pins no sha256 for {entry['name']}, so this zip "
               f"cannot be checked.\n  observed sha256={digest} size={size}\n  Compare it with the "
               f"publisher's checksum and pin it in models/manifest.json (\"sha256\").\n{banner}")
    if not allow_unpinned:
        raise Unpinned(message + "\n  Refused. To install it anyway, marked UNVERIFIED, add --allow-unpinned.")
    print(message + "\n  Installing it marked UNVERIFIED (--allow-unpinned); deploy.package refuses it unless "
          "built with --allow-unpinned too.", file=sys.stderr)
    return {"sha256": digest, "size": size, "verified": False}


def _unpack(entry: dict, archive: Path, record: dict) -> Path:
    target_root = cache_dir()
    target_root.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive) as zf:
        for name in zf.namelist():
            if name.startswith("/") or ".." in Path(name).parts:
                raise ValueError(f"{archive.name}: unsafe path {name!r} in the archive")
        tmp = Path(tempfile.mkdtemp(dir=target_root, prefix=".unpack-"))
        zf.extractall(tmp)
    inner = tmp / entry["dir"]
    if not (inner / "am" / "final.mdl").exists():
        shutil.rmtree(tmp)
        raise ValueError(f"{archive.name} does not contain {entry['dir']}/am/final.mdl")
    final = target_root / entry["dir"]
    if final.exists():
        shutil.rmtree(final)
    inner.rename(final)
    shutil.rmtree(tmp)
    record = {**record, "archive": archive.name, "files": member_digests(archive, entry["dir"])}
    kept = target_root / ARCHIVES / archive.name
    kept.parent.mkdir(exist_ok=True)
    if archive.resolve() != kept.resolve():
        shutil.copyfile(archive, kept)
    (final / RECORD).write_text(json.dumps(record) + "\n", encoding="utf-8")
    return final


def offline_help(entry: dict) -> str:
    lang = entry["language"]
    return (f"  To provide it offline: on a machine with internet download {entry['url']}\n"
            f"  (licence {entry.get('licence')}), copy it here and run\n"
            f"      python -m models.fetch {lang} --from-file /path/to/{entry['url'].rsplit('/', 1)[-1]}\n"
            f"  or unzip it anywhere and set MIAOMIAN_VOSK_MODEL_{lang.upper()}=/path/to/{entry['dir']}.\n"
            f"  Until then, answers in {lang} end `needs_review` with this advice as the reason.")


def fetch(entry: dict, from_file: Path | None = None, allow_unpinned: bool = False) -> bool:
    name, lang = entry["name"], entry["language"]
    found = _installed(entry)
    if found and not from_file:
        print(f"[ok] {lang}: {name} at {found}")
        return True
    if entry.get("pypi"):
        print(f"[missing] {lang}: {name} comes from PyPI: pip install {entry['pypi']}")
        return False
    archive = from_file
    tmpdir = None
    try:
        if archive is None:
            print(f"[fetch] {lang}: {name} from {entry['url']}")
            tmpdir = Path(tempfile.mkdtemp(prefix="miaomian-fetch-"))
            archive = tmpdir / entry["url"].rsplit("/", 1)[-1]
            try:
                _download(entry["url"], archive)
            except Exception as exc:  # noqa: BLE001 - any network failure gets the same advice
                print(f"[unavailable] {lang}: could not download {name}: {exc}")
                print(offline_help(entry))
                return False
        record = _verify(entry, archive, allow_unpinned)
        final = _unpack(entry, archive, record)
        print(f"[ok] {lang}: {name} installed at {final}" + ("" if record["verified"] else " — UNVERIFIED"))
        return True
    except Unpinned as exc:
        print(f"[refused] {lang}: {exc}", file=sys.stderr)
        return False
    except (ValueError, zipfile.BadZipFile, OSError) as exc:
        print(f"[error] {lang}: {exc}")
        print(offline_help(entry))
        return False
    finally:
        if tmpdir:
            shutil.rmtree(tmpdir, ignore_errors=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("languages", nargs="*", help="zh, en, ko (default: all)")
    ap.add_argument("--from-file", type=Path, help="install this already-downloaded archive (one language)")
    ap.add_argument("--check", action="store_true", help="report only; download nothing")
    ap.add_argument("--strict", action="store_true", help="exit 1 when any requested model is missing")
    ap.add_argument("--allow-unpinned", action="store_true",
                    help="install a model whose sha256 the manifest does not pin, marked UNVERIFIED")
    args = ap.parse_args(argv)
    entries = json.loads(MANIFEST.read_text(encoding="utf-8"))["asr"]
    if args.languages:
        entries = [e for e in entries if e["language"] in args.languages]
    if args.from_file and len(entries) != 1:
        ap.error("--from-file needs exactly one language")
    ok = True
    for entry in entries:
        if args.check:
            found = _installed(entry)
            print(f"[{'ok' if found else 'missing'}] {entry['language']}: {entry['name']}"
                  + (f" at {found}" if found else ""))
            ok &= bool(found)
        else:
            ok &= fetch(entry, args.from_file, args.allow_unpinned)
    for scorer in json.loads(MANIFEST.read_text(encoding="utf-8")).get("scorer", []):
        if not (HERE / scorer["file"]).exists():
            print(f"[missing] scorer {scorer['name']}-{scorer['version']}: run python -m models.scorer.train")
            ok = False
    return 1 if ((args.strict or args.from_file) and not ok) else 0


if __name__ == "__main__":
    sys.exit(main())
