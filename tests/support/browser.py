"""Headless Chromium for browser tests: Debian's package, driven by Playwright.

Never ``playwright install`` (it downloads a browser of its own, which cannot work here).
When Chromium is missing and we run as root, Debian's package is installed; otherwise
the tests skip with that reason.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "ensure_chromium", "launched_chromium"]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def ensure_chromium() -> str | None:
    """Path to Chromium, installing Debian's package when running as root; else None."""
    if Path(CHROMIUM).exists():
        return CHROMIUM
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update"], check=False, env=env, capture_output=True, timeout=600)
        subprocess.run(["apt-get", "install", "-y", "chromium"], check=False, env=env,
                       capture_output=True, timeout=1200)
    return CHROMIUM if Path(CHROMIUM).exists() else None


@contextmanager
def launched_chromium() -> Iterator[Any]:
    """A running headless Chromium (a Playwright Browser); skips the test when impossible.

    Use it from a module-scoped fixture at most: Playwright's sync API keeps an event
    loop running while it is open, which other async tests cannot share.
    """
    path = ensure_chromium()
    if path is None:
        pytest.skip("Chromium is not at /usr/bin/chromium and cannot be installed here (not root)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright Python package is not installed")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()
