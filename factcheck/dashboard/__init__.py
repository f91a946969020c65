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


def app_path() -> Path:
    """The Streamlit script of the dashboard, inside the installed package."""
    return Path(__file__).resolve().with_name("app.py")


def streamlit_command(args: Sequence[str] = ()) -> list[str]:
    """``python -m streamlit run <app> [args]``: extra ``args`` are streamlit options
    (``--server.port 8502``) followed, after ``--``, by none (the app takes no arguments)."""
    return [sys.executable, "-m", "streamlit", "run", str(app_path()), *args]


def launch(args: Sequence[str] = ()) -> int:
    """Run the dashboard until it is stopped; returns streamlit's exit code."""
    return subprocess.call(streamlit_command(args))
