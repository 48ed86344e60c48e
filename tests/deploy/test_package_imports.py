"""Every module of each packaged function imports where SCF runs it: a bare interpreter (python -S -s, only the
unpacked package — and the layers under /opt — on sys.path, the code folder read-only; tests/deploy/scf.py).
Beyond importing each module, every import statement of the package's own code, also those inside functions,
must resolve there, unless deploy/package.py's ABSENT_IMPORTS says why that package never reaches it. So an
import the package lacks fails these tests, not a request in production (the packaged API once answered 500 on
POST /api/internal/results and on erasure: api/results.py imported functions.analyze.playback → ffmpeg)."""
import json
import os
import subprocess
from pathlib import Path

import pytest

from deploy import package
from scf import sandboxed, scf_environment, serverless_variables, unpack_function

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="the SCF sandbox mounts read-only folders (root only)")

CHECKER = Path(__file__).with_name("import_check.py")
# Run by alembic (its context exists only there), not imported by the application.
NOT_IMPORTED = ["api/migrations/env.py"]
VALUES = {"STAGE": "test", "TENCENT_REGION": "ap-guangzhou", "MIAOMIAN_COS_BUCKET": "miaomian-1250000000",
          "MIAOMIAN_DATABASE_URL": "mysql+pymysql://u:p@127.0.0.1:1/none", "MIAOMIAN_SECRET_KEY": "x" * 64,
          "MIAOMIAN_HMAC_KEY": "y" * 64, "MIAOMIAN_DATA_KEY": "z" * 44, "MIAOMIAN_PUBLIC_URL": "http://127.0.0.1:1",
          "COS_UPLOAD_ROLE_ARN": "qcs::cam::uin/1:roleName/miaomian-upload", "MIAOMIAN_WECHAT_APPID": "",
          "MIAOMIAN_WECHAT_SECRET": "", "VPC_ID": "", "SUBNET_ID": "", "MIAOMIAN_REDIS_URL": "memory://"}


@pytest.fixture(scope="module")
def dist():
    package.DIST.mkdir(exist_ok=True)
    package.build(languages=["ko"])
    return package.DIST


def check(dist, where: Path, function: str, layers=()) -> dict:
    code, opt = unpack_function(dist, where, function, layers)
    tmp = where / "tmp"
    tmp.mkdir()
    (tmp / "import_check.py").write_text(CHECKER.read_text(encoding="utf-8"), encoding="utf-8")
    env = scf_environment(f"miaomian-{function}-test", serverless_variables(function, VALUES),
                          ("AKIDx", "key", "token"))
    env["PATH"] = "/opt/bin:" + env["PATH"]
    absent = package.ABSENT_IMPORTS[function]
    completed = subprocess.run(sandboxed(code, opt, tmp, [
        "/var/lang/python311/bin/python3.11", "/tmp/import_check.py", "/var/user", json.dumps(absent),
        json.dumps(NOT_IMPORTED)]), env=env, capture_output=True, text=True, timeout=600)
    line = next((line for line in completed.stdout.splitlines() if line.startswith("IMPORT-CHECK ")), None)
    assert line, completed.stderr[-4000:]
    return json.loads(line[len("IMPORT-CHECK "):])


@pytest.mark.parametrize("function, layers, at_least", [("api", (), 90), ("analyze", ("ffmpeg", "models"), 25)])
def test_every_module_and_import_of_the_package_resolves_in_a_bare_interpreter(dist, tmp_path, function, layers,
                                                                                at_least):
    report = check(dist, tmp_path, function, layers)
    assert report["failures"] == [], "\n".join(report["failures"])
    assert report["imported"] >= at_least and report["statements"] > report["imported"]
    assert report["unused_absent"] == [], "ABSENT_IMPORTS lists imports nothing makes any more"


def test_the_check_catches_an_import_the_package_lacks(dist, tmp_path):
    """The kind of fault of issue 10: a module of the API importing one the API package does not carry."""
    code, _ = unpack_function(dist, tmp_path / "unpacked", "api")
    for relative, text in (("api/bad_top.py", "from functions.analyze.playback import PREFIX\n"),
                           ("api/bad_lazy.py", "def later():\n    from functions.analyze import playback\n"),
                           ("api/bad_dependency.py", "def later():\n    import ffmpeg\n")):
        (code / relative).write_text(text)
    report_path = tmp_path / "again"
    report_path.mkdir()
    # re-zip the tampered tree the way unpack_function expects it
    package._zip(code, report_path / "miaomian-api.zip")
    report = check(report_path, tmp_path / "checked", "api")
    failed = "\n".join(report["failures"])
    assert "api.bad_top" in failed and "bad_lazy.py" in failed and "bad_dependency.py" in failed


def test_untracked_files_are_never_packaged(tmp_path):
    """An untracked secret in the working tree (api/.env, api/instance/...) is not among the sources."""
    instance = package.ROOT / "api" / "instance"
    made = [package.ROOT / "api" / ".env", instance / "secrets.py",
            package.ROOT / "functions" / "analyze" / "scratch_untracked.py"]
    assert not any(path.exists() for path in made)
    instance_existed = instance.exists()
    try:
        for path in made:
            path.parent.mkdir(exist_ok=True)
            path.write_text("MIAOMIAN_SECRET_KEY=do-not-ship\n")
        for name in ("api", "analyze"):
            sources = {p.relative_to(package.ROOT).as_posix()
                       for p in package._source_files(*package.SOURCES[name])}
            assert sources and not sources & {p.relative_to(package.ROOT).as_posix() for p in made}
            assert sources <= package.tracked_files()
    finally:
        for path in made:
            path.unlink(missing_ok=True)
        if not instance_existed:
            instance.rmdir()
