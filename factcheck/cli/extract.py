"""``factcheck extract``: the claims table alone (one row per figure), in CSV, French CSV,
JSON Lines or Parquet, written as the articles are read (``factcheck.streaming``): memory
does not grow with the corpus."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from factcheck.cli._options import (
    InputReporter,
    SkipReporter,
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
    stream_articles,
)

DEFAULT_CLAIMS_OUTPUT = Path("out/claims.csv")


def kind_summary(counts: Counter[str]) -> str:
    """"count 12, percent 3, ...": the figures found by kind, most frequent first."""
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
    from factcheck.streaming import StreamSummary, write_claims

    fmt = resolve_format(output, fmt)
    reporter = InputReporter()
    skipped = SkipReporter()
    try:
        if engine == "dask":
            # On a cluster the table is built whole, then written (no streaming).
            articles = list(stream_articles(reporter, inputs, skip=[output]))
            claims = start_engine(ctx, engine, scheduler, processes).claims_frame(
                articles,
                with_context=not no_context,
                progress=show_progress(quiet),
                article_timeout=article_timeout,
                on_skipped=skipped,
            )
            path = write_table(claims, output, fmt) if articles else None
            summary = StreamSummary(path, len(articles), len(claims), skipped.count,
                                    Counter(str(k) for k in claims.get("kind", [])))
        else:
            start_engine(ctx, engine, scheduler, processes)  # refuses --scheduler alone
            summary = write_claims(
                stream_articles(reporter, inputs, skip=[output]),
                output,
                fmt,
                with_context=not no_context,
                processes=processes,
                progress=show_progress(quiet),
                article_timeout=article_timeout,
                on_skipped=skipped,
            )
    except (ExportError, OSError) as exc:
        raise click.ClickException(f"cannot write {output}: {exc}") from exc
    reporter.warn_languages()
    if summary.path is None:
        click.echo("factcheck: no article could be read; nothing written.", err=True)
        ctx.exit(1)
    n_errors = reporter.failures
    if not quiet:
        kinds = kind_summary(summary.kinds)
        click.echo(
            f"{count_phrase(summary.n_articles, 'article lu', 'articles lus')}, "
            f"{count_phrase(summary.n_claims, 'chiffre trouvé', 'chiffres trouvés')}"
            + (f" : {kinds}" if kinds else "")
        )
        if n_errors:
            click.echo(
                f"{count_phrase(n_errors, 'entrée illisible', 'entrées illisibles')} "
                "(détail sur stderr)"
            )
        if skipped.count:
            click.echo(skipped_phrase(skipped.count))
        click.echo(f"Table écrite : {summary.path} ({fmt})")
    ctx.exit(1 if n_errors or skipped.count else 0)
