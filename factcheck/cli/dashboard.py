"""``factcheck dashboard``: the editors' dashboard (Streamlit) in the browser."""

from __future__ import annotations

import click


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.argument("streamlit_args", nargs=-1, type=click.UNPROCESSED)
def dashboard(streamlit_args: tuple[str, ...]) -> None:
    """Open the editors' dashboard (Streamlit) in the browser, on the seeds by default.

    Extra options go to streamlit, e.g. ``factcheck dashboard --server.port 8502``.
    Reviews are saved in .factcheck/reviews.sqlite3 (or $FACTCHECK_DB).
    """
    from factcheck.dashboard import launch

    raise SystemExit(launch(streamlit_args))
