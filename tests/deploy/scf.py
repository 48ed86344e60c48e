"""A faithful local stand-in for SCF's Python 3.11 runtime, for the packaged artefacts of `make package`.

Each function runs in its own mount namespace (`unshare -m`, root only), where, as on SCF:
- the unpacked code package is /var/user and the unpacked layers are /opt, both mounted read-only;
- /tmp is a fresh writable folder (the only writable place the function sees of its own);
- the machine's own ffmpeg/ffprobe are hidden (SCF's CentOS 7 has none): only the ffmpeg layer's is there;
- /var/lang/python311/bin/python3.11 is the runtime's interpreter: the machine's Python 3.11 started with
  -S -s, so no site-packages and no venv are on sys.path: only /var/user (PYTHONPATH) and the stdlib;
- the environment holds SCF's variables (SCF_*, TENCENTCLOUD_*, USER_CODE_ROOT...) plus the function's own
  variables taken from deploy/scf/<function>/serverless.yml, with ${env:...} filled in by the test.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from deploy.package import serverless_instances

RUNTIME_PYTHON = next((p for p in ("/usr/bin/python3.11", "/usr/local/bin/python3.11") if Path(p).exists()),
                      sys._base_executable)

SANDBOX = r"""
set -e
code="$1"; opt="$2"; tmp="$3"; shift 3
mount -t tmpfs -o size=8m tmpfs /var
mkdir -p /var/user /var/lang/python311/bin
mount --bind "$code" /var/user && mount -o remount,bind,ro /var/user
mount --bind "$opt" /opt && mount -o remount,bind,ro /opt
printf '#!/bin/sh\nexec %s -S -s "$@"\n' "$RUNTIME_PYTHON" > /var/lang/python311/bin/python3.11
chmod 755 /var/lang/python311/bin/python3.11
mount -o remount,ro /var
mount --bind "$tmp" /tmp
for tool in /usr/bin/ffmpeg /usr/bin/ffprobe /usr/local/bin/ffmpeg /usr/local/bin/ffprobe; do
  if [ -e "$tool" ]; then mount --bind /dev/null "$tool"; fi   # CentOS 7 on SCF has neither: only the layer's
done
cd /var/user
unset RUNTIME_PYTHON
exec "$@"
"""


def unpack(archive: Path, dest: Path) -> Path:
    """Unzip keeping the permission bits (zipfile's extractall drops them: scf_bootstrap must stay 0755)."""
    dest.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive) as source:
        for info in source.infolist():
            path = source.extract(info, dest)
            mode = info.external_attr >> 16
            if mode:
                os.chmod(path, mode & 0o7777)
    return dest


def unpack_function(dist: Path, where: Path, function: str, layers: tuple[str, ...] = ()) -> tuple[Path, Path]:
    """(code dir, opt dir): the function's zip, and its layers' zips merged as SCF mounts them under /opt."""
    code = unpack(dist / f"miaomian-{function}.zip", where / "code")
    opt = where / "opt"
    opt.mkdir(parents=True, exist_ok=True)
    for layer in layers:
        unpack(dist / f"miaomian-{layer}.zip", opt)
    return code, opt


def serverless_variables(function: str, values: dict) -> dict:
    """The function's environment variables from deploy/scf/<function>/serverless.yml, ${env:NAME} filled
    from `values`."""
    variables = serverless_instances()[function]["inputs"]["environment"]["variables"]

    def fill(value):
        return re.sub(r"\$\{env:(\w+)\}", lambda m: str(values[m.group(1)]), str(value))

    return {name: fill(value) for name, value in variables.items()}


def scf_environment(function_name: str, variables: dict, role: tuple[str, str, str], memory_mb: int = 2048,
                    timeout_s: int = 120, region: str = "ap-guangzhou") -> dict:
    """SCF's own variables (SCF docs, "Environment Variables": built-in ones) and the function's."""
    env = {"SCF_RUNTIME": "Python3.11", "SCF_FUNCTIONNAME": function_name, "SCF_FUNCTIONVERSION": "$LATEST",
           "SCF_NAMESPACE": "default", "SCF_MEMORYSIZE": str(memory_mb), "SCF_TIMEOUT": str(timeout_s),
           "TENCENTCLOUD_REGION": region, "TENCENTCLOUD_APPID": "1250000000", "TENCENTCLOUD_UIN": "100000000001",
           "TENCENTCLOUD_SECRETID": role[0], "TENCENTCLOUD_SECRETKEY": role[1], "TENCENTCLOUD_SESSIONTOKEN": role[2],
           "USER_CODE_ROOT": "/var/user", "PYTHONPATH": "/var/user:/opt", "LD_LIBRARY_PATH": "/var/user:/opt/lib",
           "PATH": "/var/lang/python311/bin:/usr/local/bin:/usr/bin:/bin", "HOME": "/tmp", "TMPDIR": "/tmp",
           "LANG": "C.UTF-8", "PYTHONUNBUFFERED": "1"}
    env.update(variables)
    env["RUNTIME_PYTHON"] = RUNTIME_PYTHON
    return env


def sandboxed(code: Path, opt: Path, tmp: Path, command: list[str]) -> list[str]:
    return ["unshare", "-m", "--propagation", "private", "sh", "-c", SANDBOX, "scf",
            str(code), str(opt), str(tmp), *command]


# What SCF's Python runtime does with an event function: import the handler's module once (cold start),
# call handler(event, context); an exception is a failed invocation (the platform retries async ones).
RUNNER = r"""
import json, os, sys, time
started = time.perf_counter()
import index
imported = time.perf_counter()
event = json.load(sys.stdin)
context = {"function_name": os.environ["SCF_FUNCTIONNAME"], "function_version": "$LATEST",
           "namespace": "default", "memory_limit_in_mb": int(os.environ["SCF_MEMORYSIZE"]),
           "time_limit_in_ms": int(os.environ["SCF_TIMEOUT"]) * 1000, "request_id": "local-1"}
report = {"cold_start_s": round(imported - started, 3), "sys_path": sys.path}
try:
    report["result"] = index.main_handler(event, context)
    report["ok"] = True
except Exception as error:
    report.update(ok=False, error=f"{type(error).__name__}: {error}")
report["invoke_s"] = round(time.perf_counter() - imported, 3)
import importlib
report["modules"] = {name: importlib.import_module(name).__file__
                     for name in ("numpy", "onnxruntime", "vosk", "jieba", "qcloud_cos", "ffmpeg")}
import shutil
report["ffmpeg"] = [shutil.which("ffmpeg"), shutil.which("ffprobe")]
print("SCF-REPORT " + json.dumps(report, ensure_ascii=False))
"""


def invoke_event_function(code: Path, opt: Path, tmp: Path, env: dict, event: dict, timeout: int = 300) -> dict:
    """Run index.main_handler once in a fresh sandboxed interpreter; returns the runner's report + output."""
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    completed = subprocess.run(sandboxed(code, opt, tmp, ["/var/lang/python311/bin/python3.11", "-c", RUNNER]),
                               input=json.dumps(event), capture_output=True, text=True, env=env, timeout=timeout)
    line = next((line for line in completed.stdout.splitlines() if line.startswith("SCF-REPORT ")), None)
    assert line, f"no report (exit {completed.returncode}):\n{completed.stdout[-3000:]}\n{completed.stderr[-5000:]}"
    report = json.loads(line[len("SCF-REPORT "):])
    report["stderr"] = completed.stderr
    return report
