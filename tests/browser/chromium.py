"""Headless Chromium as a phone for the browser tests (Debian's chromium and chromium-driver).

    driver = phone_chromium(tmp_path / "chromium", microphone=wav)
"""
import shutil
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
# CSS pixels at 2×, as an iPhone 14 (headless windows are at least 500 px wide, so the size is emulated).
PORTRAIT = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}
LANDSCAPE = {"width": 844, "height": 390, "deviceScaleFactor": 2, "mobile": True}

needs_chromium = pytest.mark.skipif(not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
                                    reason="Debian's chromium and chromium-driver are not installed (make system-test)")


def phone_chromium(profile: Path, microphone: Path | None = None, user_agent: str | None = None) -> webdriver.Chrome:
    """Headless Chromium with a Chinese UI and its profile in `profile`, emulating a PORTRAIT phone; no
    background traffic (updates, sync, QUIC). With `microphone` (a WAV file) media permission is granted
    without asking, the file loops as the microphone and audio may autoplay. Console messages of every level
    are kept (`driver.get_log("browser")`); async scripts may run 30 s. The caller quits it."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-quic", f"--user-data-dir={profile}", "--lang=zh-CN"):
        options.add_argument(flag)
    if microphone is not None:
        for flag in ("--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                     f"--use-file-for-fake-audio-capture={microphone}", "--autoplay-policy=no-user-gesture-required"):
            options.add_argument(flag)
    if user_agent:
        options.add_argument(f"--user-agent={user_agent}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_script_timeout(30)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PORTRAIT)
    return driver
