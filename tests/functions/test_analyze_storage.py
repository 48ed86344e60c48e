"""Storage readers: local keys stay inside the root; COS reads use the event's bucket and region, and a
COS error is transient (the platform retries)."""
import pytest

from functions.analyze import storage
from functions.analyze.errors import TransientError


def test_local_reads_inside_the_root_only(tmp_path):
    (tmp_path / "answers" / "s").mkdir(parents=True)
    (tmp_path / "answers" / "s" / "a.m4a").write_bytes(b"x")
    store = storage.LocalStorage(tmp_path)
    assert store.fetch(storage.ObjectRef("answers/s/a.m4a")).read_bytes() == b"x"
    with pytest.raises(TransientError):
        store.fetch(storage.ObjectRef("answers/s/missing.m4a"))
    with pytest.raises(ValueError):
        store.fetch(storage.ObjectRef("../outside.m4a"))


class FakeCos:
    def __init__(self, fail=False):
        self.calls, self.fail = [], fail

    def download_file(self, Bucket, Key, DestFilePath):
        self.calls.append((Bucket, Key))
        if self.fail:
            raise RuntimeError("CosServiceError: NoSuchKey")
        with open(DestFilePath, "wb") as fh:
            fh.write(b"audio")


def test_cos_downloads_to_a_temp_file_and_releases_it(monkeypatch):
    fake = FakeCos()
    store = storage.COSStorage()
    monkeypatch.setattr(store, "_client", lambda region, bucket: fake)
    ref = storage.ObjectRef("answers/s/1/1-a.m4a", bucket="miaomian-1250000000", region="ap-guangzhou")
    path = store.fetch(ref)
    assert path.read_bytes() == b"audio" and path.suffix == ".m4a"
    assert fake.calls == [("miaomian-1250000000", "answers/s/1/1-a.m4a")]
    store.release(path)
    assert not path.exists()


def test_cos_error_is_transient(monkeypatch):
    store = storage.COSStorage()
    monkeypatch.setattr(store, "_client", lambda region, bucket: FakeCos(fail=True))
    with pytest.raises(TransientError):
        store.fetch(storage.ObjectRef("answers/x.m4a", bucket="b-1", region="ap-guangzhou"))


def test_cos_client_uses_scf_credentials(monkeypatch):
    monkeypatch.setenv("TENCENTCLOUD_SECRETID", "id")
    monkeypatch.setenv("TENCENTCLOUD_SECRETKEY", "secret")
    monkeypatch.setenv("TENCENTCLOUD_SESSIONTOKEN", "token")
    client = storage.COSStorage()._client("ap-guangzhou", "miaomian-1250000000")
    assert client._conf._secret_id == "id" and client._conf._token == "token"


def test_storage_from_env(monkeypatch, tmp_path):
    monkeypatch.setenv("MIAOMIAN_STORAGE", "local")
    monkeypatch.setenv("MIAOMIAN_STORAGE_ROOT", str(tmp_path))
    assert isinstance(storage.from_env(), storage.LocalStorage)
    monkeypatch.setenv("MIAOMIAN_STORAGE", "cos")
    assert isinstance(storage.from_env(), storage.COSStorage)
    monkeypatch.setenv("MIAOMIAN_STORAGE", "s3")
    with pytest.raises(RuntimeError):
        storage.from_env()
