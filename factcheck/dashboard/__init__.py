"""The editors' dashboard: a Streamlit app shipped inside the package.

``app_path()`` is the script to give ``streamlit run``; ``launch()`` runs it in a child
process (what ``factcheck dashboard`` does). The repository's ``dashboard.py`` is a shim that
runs the same app, so ``streamlit run dashboard.py`` works from a checkout.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

#: Streamlit options matching the app: the uploader's own limit is the app's (5 MB), no
#: usage statistics sent, no "Deploy" button. Later options given by the caller win.
DEFAULT_OPTIONS: tuple[str, ...] = (
    "--server.maxUploadSize", "5",
    "--browser.gatherUsageStats", "false",
    "--client.toolbarMode", "minimal",
)


def app_path() -> Path:
    """The Streamlit script of the dashboard, inside the installed package."""
    return Path(__file__).resolve().with_name("app.py")


def streamlit_command(args: Sequence[str] = ()) -> list[str]:
    """``python -m streamlit run <app> [args]``: extra ``args`` are streamlit options
    (``--server.port 8502``) followed, after ``--``, by none (the app takes no arguments)."""
    return [sys.executable, "-m", "streamlit", "run", str(app_path()), *DEFAULT_OPTIONS, *args]


def launch(args: Sequence[str] = ()) -> int:
    """Run the dashboard until it is stopped; returns streamlit's exit code."""
    return subprocess.call(streamlit_command(args))
