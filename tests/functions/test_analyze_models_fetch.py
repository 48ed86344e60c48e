"""models.fetch installs a model archive offline (--from-file) and refuses a wrong checksum."""
import hashlib
import json
import zipfile

import pytest

from models import fetch


@pytest.fixture
def fake_archive(tmp_path):
    archive = tmp_path / "vosk-model-small-cn-0.22.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("vosk-model-small-cn-0.22/am/final.mdl", b"not a real model")
        zf.writestr("vosk-model-small-cn-0.22/conf/model.conf", "--beam=10\n")
    return archive


@pytest.fixture
def zh_unpinned(tmp_path, monkeypatch):
    """The manifest as it would be without the zh sha256 (as en still is): what fetch does for an unpinned model."""
    manifest = json.loads(fetch.MANIFEST.read_text())
    for entry in manifest["asr"]:
        if entry["language"] == "zh":
            entry["sha256"] = None
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps(manifest))
    monkeypatch.setattr(fetch, "MANIFEST", path)


def test_zh_archive_sha256_is_pinned_with_its_source():
    manifest = json.loads(fetch.MANIFEST.read_text())
    zh = next(entry for entry in manifest["asr"] if entry["language"] == "zh")
    assert zh["sha256"] == "3af8b0e7e0f835ae9d414ce5df580237a3cfb08d586c9fbbb0f7ff29ad5b14ba"
    assert "publishes no checksum" in zh["sha256_source"] and "codex-voice-wake" in zh["sha256_source"]


def test_a_zh_zip_that_is_not_the_published_one_is_refused(tmp_path, monkeypatch, fake_archive, capsys):
    """With the sha256 pinned, a zip of other bytes is refused even with --allow-unpinned, and nothing is kept."""
    monkeypatch.setenv("MIAOMIAN_MODELS_CACHE", str(tmp_path / "cache"))
    assert fetch.main(["zh", "--from-file", str(fake_archive), "--allow-unpinned"]) == 1
    assert "does not match the manifest's 3af8b0e7" in capsys.readouterr().out
    assert not (tmp_path / "cache" / "vosk-model-small-cn-0.22").exists()


def test_unpinned_model_is_refused_loudly(tmp_path, monkeypatch, fake_archive, capsys, zh_unpinned):
    """A model whose sha256 the manifest does not pin: any zip would pass a check that does not exist, so fetch
    refuses."""
    monkeypatch.setenv("MIAOMIAN_MODELS_CACHE", str(tmp_path / "cache"))
    assert fetch.main(["zh", "--from-file", str(fake_archive)]) == 1
    err = capsys.readouterr().err
    assert "UNVERIFIED" in err and "--allow-unpinned" in err and "Refused" in err
    assert "observed sha256=" + hashlib.sha256(fake_archive.read_bytes()).hexdigest() in err
    assert not (tmp_path / "cache" / "vosk-model-small-cn-0.22").exists()


def test_allow_unpinned_installs_marked_unverified(tmp_path, monkeypatch, fake_archive, capsys, zh_unpinned):
    monkeypatch.setenv("MIAOMIAN_MODELS_CACHE", str(tmp_path / "cache"))
    assert fetch.main(["zh", "--from-file", str(fake_archive), "--allow-unpinned", "--strict"]) == 0
    model = tmp_path / "cache" / "vosk-model-small-cn-0.22"
    assert (model / "am" / "final.mdl").exists()
    record = json.loads((model / fetch.RECORD).read_text())
    assert record == {"sha256": hashlib.sha256(fake_archive.read_bytes()).hexdigest(),
                      "size": fake_archive.stat().st_size, "verified": False, "archive": fake_archive.name,
                      "files": fetch.folder_digests(model)}   # every file's sha256, taken from the zip
    assert record["files"] and (tmp_path / "cache" / fetch.ARCHIVES / fake_archive.name).is_file()
    captured = capsys.readouterr()
    assert "UNVERIFIED" in captured.out and "UNVERIFIED" in captured.err


def test_pinned_checksum_is_verified_and_recorded(tmp_path, monkeypatch, fake_archive, capsys):
    monkeypatch.setenv("MIAOMIAN_MODELS_CACHE", str(tmp_path / "cache"))
    digest = hashlib.sha256(fake_archive.read_bytes()).hexdigest()
    manifest = json.loads(fetch.MANIFEST.read_text())
    entry = dict(next(e for e in manifest["asr"] if e["language"] == "zh"), sha256=digest)
    assert fetch.fetch(entry, fake_archive) is True
    assert "verified sha256 " + digest in capsys.readouterr().out
    record = json.loads((tmp_path / "cache" / "vosk-model-small-cn-0.22" / fetch.RECORD).read_text())
    assert record["verified"] is True and record["sha256"] == digest


def test_checksum_mismatch_is_refused(tmp_path, monkeypatch, fake_archive, capsys):
    monkeypatch.setenv("MIAOMIAN_MODELS_CACHE", str(tmp_path / "cache"))
    manifest = json.loads(fetch.MANIFEST.read_text())
    entry = dict(next(e for e in manifest["asr"] if e["language"] == "zh"), sha256="0" * 64)
    assert fetch.fetch(entry, fake_archive) is False
    assert "does not match" in capsys.readouterr().out
    assert not (tmp_path / "cache" / "vosk-model-small-cn-0.22").exists()


def test_check_reports_what_is_missing(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MIAOMIAN_MODELS_CACHE", str(tmp_path / "empty"))
    assert fetch.main(["zh", "--check", "--strict"]) == 1
    assert "[missing] zh" in capsys.readouterr().out
