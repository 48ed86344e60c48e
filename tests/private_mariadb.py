"""A private MariaDB server for fault tests and the soak: its own data directory, port and socket, started
and stopped by the caller (never the shared server on 3306).

    with PrivateMariaDB(tmp_path) as server:
        url = server.create_database("miaomian")
        server.stop(); ...; server.start()
"""
import shutil
import subprocess
import time
from pathlib import Path

import pymysql

from tests.servers import free_port


def available() -> bool:
    return bool(shutil.which("mariadb-install-db") and (shutil.which("mariadbd") or Path("/usr/sbin/mariadbd").exists()))


class PrivateMariaDB:
    def __init__(self, base: Path, port: int | None = None):
        self.base = Path(base)
        self.datadir, self.socket = self.base / "data", self.base / "mysqld.sock"
        self.port = port or free_port()
        self.process = None
        self.log = self.base / "mariadbd.log"

    def install(self) -> "PrivateMariaDB":
        self.base.mkdir(parents=True, exist_ok=True)
        subprocess.run(["mariadb-install-db", "--no-defaults", f"--datadir={self.datadir}", "--user=root",
                        "--auth-root-authentication-method=normal", "--skip-test-db"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        return self

    def start(self, timeout: float = 60) -> "PrivateMariaDB":
        binary = shutil.which("mariadbd") or "/usr/sbin/mariadbd"
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                [binary, "--no-defaults", f"--datadir={self.datadir}", f"--port={self.port}",
                 f"--socket={self.socket}", "--bind-address=127.0.0.1", "--user=root", "--skip-name-resolve",
                 "--innodb-buffer-pool-size=32M", "--skip-log-bin", "--max-connections=300"],
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while True:
            try:
                pymysql.connect(host="127.0.0.1", port=self.port, user="root", password="", connect_timeout=2).close()
                return self
            except pymysql.err.OperationalError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"private mariadbd did not start; see {self.log}")
                time.sleep(0.2)

    def stop(self, timeout: float = 60) -> None:
        """A clean shutdown (SIGTERM), as when an operator restarts the server."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self.process = None

    def create_database(self, name: str) -> str:
        admin = pymysql.connect(host="127.0.0.1", port=self.port, user="root", password="")
        with admin.cursor() as cursor:
            cursor.execute(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
        admin.close()
        return f"mysql+pymysql://root@127.0.0.1:{self.port}/{name}?charset=utf8mb4"

    def __enter__(self) -> "PrivateMariaDB":
        return self.install().start()

    def __exit__(self, *exc) -> None:
        self.stop()
