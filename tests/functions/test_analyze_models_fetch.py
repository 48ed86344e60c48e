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


def test_from_file_installs_into_the_cache(tmp_path, monkeypatch, fake_archive, capsys):
    monkeypatch.setenv("MIAOMIAN_MODELS_CACHE", str(tmp_path / "cache"))
    assert fetch.main(["zh", "--from-file", str(fake_archive), "--strict"]) == 0
    assert (tmp_path / "cache" / "vosk-model-small-cn-0.22" / "am" / "final.mdl").exists()
    assert "observed sha256=" + hashlib.sha256(fake_archive.read_bytes()).hexdigest() in capsys.readouterr().out


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
