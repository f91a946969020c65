"""Command-line interface: ``factcheck check``, ``extract``, ``eval`` and ``dashboard``.

One module per command (``check``, ``extract``, ``eval``, ``dashboard``), registered here on
the ``factcheck`` group; the options they share (inputs, context, processes, quiet, output)
are decorators defined once in ``_options``, so a new command is a new module of a few lines
and one ``add_command`` below. The CLI sits on top of every stage: it reads articles
(``factcheck.corpus``), runs ``factcheck.pipeline`` and writes with ``factcheck.export``.

Exit status: 0 when every input was read, 1 when some input could not be read (each error
is printed on stderr, one line naming the file and the reason; the rest is still processed),
2 for a usage error.
"""

from __future__ import annotations

import click

from factcheck import __version__
from factcheck.cli.check import check
from factcheck.cli.dashboard import dashboard
from factcheck.cli.eval import eval_command
from factcheck.cli.extract import extract


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="factcheck")
def main() -> None:
    """factcheck: find every figure in French news articles, with what it counts and who
    says it, and check the figures against each other.

    Inputs are files or folders: .txt, .md, .html articles, .csv/.jsonl/.parquet tables of
    articles (one per row), or - for standard input.
    """


for _command in (check, extract, eval_command, dashboard):
    main.add_command(_command)

__all__ = ["main"]

if __name__ == "__main__":  # pragma: no cover
    main()
