"""``factcheck extract``: the claims table alone (one row per figure), in CSV, French CSV,
JSON Lines or Parquet."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import click

from factcheck.cli._options import (
    SkipReporter,
    articles_or_exit,
    budget_option,
    count_phrase,
    engine_options,
    inputs_argument,
    output_options,
    processing_options,
    resolve_format,
    show_progress,
    skipped_phrase,
    start_engine,
)

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_CLAIMS_OUTPUT = Path("out/claims.csv")


def kind_summary(claims: pd.DataFrame) -> str:
    counts = Counter(str(k) for k in claims["kind"]) if len(claims) else Counter()
    return ", ".join(f"{kind} {n}" for kind, n in counts.most_common())


@click.command()
@inputs_argument
@output_options(DEFAULT_CLAIMS_OUTPUT)
@processing_options
@budget_option
@engine_options
@click.pass_context
def extract(
    ctx: click.Context,
    inputs: tuple[str, ...],
    output: Path,
    fmt: str | None,
    no_context: bool,
    processes: int,
    quiet: bool,
    article_timeout: float,
    engine: str,
    scheduler: str | None,
) -> None:
    """Extract every figure of the INPUT articles into a claims table (one row per figure).

    \b
    Examples:
      factcheck extract seeds -o out/claims.csv
      factcheck extract articles/ -o out/claims.parquet --processes 2
      factcheck extract article.txt -o out/claims.csv --format csv-fr
    """
    from factcheck.export import ExportError, write_table

    fmt = resolve_format(output, fmt)
    articles, n_errors = articles_or_exit(ctx, inputs, output)
    skipped = SkipReporter()
    claims = start_engine(ctx, engine, scheduler, processes).claims_frame(
        articles,
        with_context=not no_context,
        progress=show_progress(quiet),
        article_timeout=article_timeout,
        on_skipped=skipped,
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
        if skipped.count:
            click.echo(skipped_phrase(skipped.count))
        click.echo(f"Table écrite : {path} ({fmt})")
    ctx.exit(1 if n_errors or skipped.count else 0)
