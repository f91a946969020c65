"""Command-line interface: ``factcheck check``, ``extract``, ``eval`` and ``dashboard``.

Each command is one function; the options they share (inputs, context, processes, quiet,
output) are decorators defined once in ``factcheck.cli_options``, so adding a command takes
a few lines. ``check`` lives in ``factcheck.cli_check`` and is registered on the group here.

Exit status: 0 when every input was read, 1 when some input could not be read (each error
is printed on stderr, one line naming the file and the reason; the rest is still processed),
2 for a usage error.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from factcheck import __version__
from factcheck.cli_check import check
from factcheck.cli_options import (
    articles_or_exit,
    count_phrase,
    inputs_argument,
    load_articles,
    output_options,
    processing_options,
    resolve_format,
    show_progress,
)

if TYPE_CHECKING:
    import pandas as pd

    from factcheck.models import Article

DEFAULT_CLAIMS_OUTPUT = Path("out/claims.csv")


def kind_summary(claims: pd.DataFrame) -> str:
    counts = Counter(str(k) for k in claims["kind"]) if len(claims) else Counter()
    return ", ".join(f"{kind} {n}" for kind, n in counts.most_common())


# --- commands -----------------------------------------------------------------------------


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="factcheck")
def main() -> None:
    """factcheck: find every figure in French news articles, with what it counts and who
    says it, and check the figures against each other.

    Inputs are files or folders: .txt, .md, .html articles, .csv/.jsonl/.parquet tables of
    articles (one per row), or - for standard input.
    """


main.add_command(check)


@main.command()
@inputs_argument
@output_options(DEFAULT_CLAIMS_OUTPUT)
@processing_options
@click.pass_context
def extract(
    ctx: click.Context,
    inputs: tuple[str, ...],
    output: Path,
    fmt: str | None,
    no_context: bool,
    processes: int,
    quiet: bool,
) -> None:
    """Extract every figure of the INPUT articles into a claims table (one row per figure).

    \b
    Examples:
      factcheck extract seeds -o out/claims.csv
      factcheck extract articles/ -o out/claims.parquet --processes 2
      factcheck extract article.txt -o out/claims.csv --format csv-fr
    """
    from factcheck.export import ExportError, write_table
    from factcheck.pipeline import claims_frame

    fmt = resolve_format(output, fmt)
    articles, n_errors = articles_or_exit(ctx, inputs, output)
    claims = claims_frame(
        articles,
        with_context=not no_context,
        processes=processes,
        progress=show_progress(quiet),
    )
    try:
        path = write_table(claims, output, fmt)
    except (ExportError, OSError) as exc:
        raise click.ClickException(f"cannot write {output}: {exc}") from exc
    if not quiet:
        kinds = kind_summary(claims)
        click.echo(
            f"{count_phrase(len(articles), 'article lu', 'articles lus')}, "
            f"{count_phrase(len(claims), 'chiffre trouvé', 'chiffres trouvés')}"
            + (f" : {kinds}" if kinds else "")
        )
        if n_errors:
            click.echo(
                f"{count_phrase(n_errors, 'entrée illisible', 'entrées illisibles')} "
                "(détail sur stderr)"
            )
        click.echo(f"Table écrite : {path} ({fmt})")
    ctx.exit(1 if n_errors else 0)


@main.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.argument("streamlit_args", nargs=-1, type=click.UNPROCESSED)
def dashboard(streamlit_args: tuple[str, ...]) -> None:
    """Open the editors' dashboard (Streamlit) in the browser, on the seeds by default.

    Extra options go to streamlit, e.g. ``factcheck dashboard --server.port 8502``.
    Reviews are saved in .factcheck/reviews.sqlite3 (or $FACTCHECK_DB).
    """
    from factcheck.dashboard import launch

    raise SystemExit(launch(streamlit_args))


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@inputs_argument
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
@click.option(
    "--max-errors",
    type=click.IntRange(min=0),
    default=60,
    show_default=True,
    help="Errors listed in the text report (all of them with --json).",
)
@processing_options
@click.pass_context
def eval_command(
    ctx: click.Context,
    gold: Path,
    inputs: tuple[str, ...],
    as_json: bool,
    max_errors: int,
    no_context: bool,
    processes: int,
    quiet: bool,
) -> None:
    """Score extraction of the INPUT articles against GOLD annotations (a *_mentions.jsonl).

    Prints precision, recall and F1 per kind and overall, span-only scores, subject and
    source accuracy, and every error (missed, spurious, wrong attribute).

    \b
    Example:
      factcheck eval reference/gold/seeds_mentions.jsonl seeds
    """
    from factcheck.evaluate import GoldError, evaluate, format_report, load_gold
    from factcheck.pipeline import claims_frame

    try:
        gold_rows = load_gold(gold)
    except GoldError as exc:
        raise click.ClickException(str(exc)) from exc
    articles, n_errors = load_articles(inputs)
    claims = claims_frame(
        articles,
        with_context=not no_context,
        processes=processes,
        progress=show_progress(quiet),
    )
    if no_context:
        claims = claims.drop(columns=["subject", "source"])
    report = evaluate(gold_rows, claims, article_ids=[a.article_id for a in articles])
    for warning in _alignment_warnings(gold_rows, articles):
        click.echo(f"factcheck: warning: {gold}: {warning}", err=True)
    if not report.articles:
        click.echo(
            f"factcheck: error: {gold}: none of its articles is among the inputs "
            "(article ids must match the gold 'id')",
            err=True,
        )
        ctx.exit(1)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(report, max_errors=max_errors))
    ctx.exit(1 if n_errors else 0)


def _alignment_warnings(gold_rows: list[dict[str, Any]], articles: list[Article]) -> list[str]:
    """Gold rows whose offsets do not point at their surface in the article read."""
    texts = {a.article_id: a.text for a in articles}
    warnings = []
    for row in gold_rows:
        text = texts.get(str(row["id"]))
        surface = row.get("surface")
        if text is None or surface is None:
            continue
        if text[int(row["start"]) : int(row["end"])] != surface:
            warnings.append(
                f"{row['id']} {row['start']}-{row['end']}: text there is not {surface!r} "
                "(offsets shifted? scores for this figure are unreliable)"
            )
    return warnings


if __name__ == "__main__":  # pragma: no cover
    main()
