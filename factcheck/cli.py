"""Command-line interface: ``factcheck check``, ``extract``, ``eval`` and ``dashboard``.

Each command is one function; the options they share (inputs, context, processes, quiet,
output) are decorators defined once here, so adding a command takes a few lines.

Exit status: 0 when every input was read, 1 when some input could not be read (each error
is printed on stderr, one line naming the file and the reason; the rest is still processed),
2 for a usage error.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from factcheck import __version__

if TYPE_CHECKING:
    import pandas as pd

    from factcheck.models import Article

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_CLAIMS_OUTPUT = Path("out/claims.csv")
DEFAULT_CHECK_OUTPUT = Path("out")
MAX_FLAGS_SHOWN = 5
OUTPUT_FORMATS = ("csv", "csv-fr", "jsonl", "parquet")


# --- shared options ---------------------------------------------------------------------


def inputs_argument(f: F) -> F:
    """``INPUT...``: files or folders of articles (``-`` reads standard input)."""
    return click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")(f)


def processing_options(f: F) -> F:
    """``--no-context``, ``--processes N`` and ``--quiet``."""
    f = click.option(
        "--quiet", "-q", is_flag=True, help="No progress bar and no summary (errors still shown)."
    )(f)
    f = click.option(
        "--processes",
        "-j",
        type=click.IntRange(min=1),
        default=1,
        show_default=True,
        help="Worker processes for extraction (each loads spaCy once).",
    )(f)
    f = click.option(
        "--no-context",
        is_flag=True,
        help="Skip the context analysis (subject, source, ...): faster, figures only.",
    )(f)
    return f


def output_options(default: Path) -> Callable[[F], F]:
    """``-o FILE`` and ``--format`` (inferred from the extension when not given)."""

    def decorate(f: F) -> F:
        f = click.option(
            "--format",
            "fmt",
            type=click.Choice(OUTPUT_FORMATS),
            default=None,
            help="Output format; default: from the extension of -o. "
            "csv-fr is a CSV for French Excel (';', decimal comma).",
        )(f)
        f = click.option(
            "-o",
            "--output",
            type=click.Path(dir_okay=False, path_type=Path),
            default=default,
            show_default=True,
            help="File to write.",
        )(f)
        return f

    return decorate


def resolve_format(output: Path, fmt: str | None) -> str:
    """The output format, or a usage error (exit 2) when it cannot be told."""
    from factcheck.export import format_for_path

    fmt = fmt or format_for_path(output)
    if fmt is None:
        raise click.BadParameter(
            f"cannot tell the format of {output} from its extension "
            "(use .csv, .jsonl or .parquet, or give --format)",
            param_hint="'-o' / '--output'",
        )
    return fmt


def show_progress(quiet: bool) -> bool:
    """A progress bar only for a person watching: not with --quiet, not when stderr is
    redirected to a file or a pipe."""
    return not quiet and sys.stderr.isatty()


def load_articles(inputs: Sequence[str]) -> tuple[list[Article], int]:
    """Read the inputs; print each input error on stderr. Returns the articles and the
    number of errors."""
    from factcheck.corpus import read_corpus

    result = read_corpus(list(inputs), stdin=sys.stdin)
    for error in result.errors:
        click.echo(f"factcheck: error: {error.path}: {error.message}", err=True)
    return list(result.articles), len(result.errors)


def kind_summary(claims: pd.DataFrame) -> str:
    counts = Counter(str(k) for k in claims["kind"]) if len(claims) else Counter()
    return ", ".join(f"{kind} {n}" for kind, n in counts.most_common())


def _count(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n < 2 else plural}"


# --- commands -----------------------------------------------------------------------------


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="factcheck")
def main() -> None:
    """factcheck: find every figure in French news articles, with what it counts and who
    says it, and check the figures against each other.

    Inputs are files or folders: .txt, .md, .html articles, .csv/.jsonl/.parquet tables of
    articles (one per row), or - for standard input.
    """


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
    articles, n_errors = load_articles(inputs)
    if not articles:
        click.echo("factcheck: no article could be read; nothing written.", err=True)
        ctx.exit(1)
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
            f"{_count(len(articles), 'article lu', 'articles lus')}, "
            f"{_count(len(claims), 'chiffre trouvé', 'chiffres trouvés')}"
            + (f" : {kinds}" if kinds else "")
        )
        if n_errors:
            click.echo(
                f"{_count(n_errors, 'entrée illisible', 'entrées illisibles')} (détail sur stderr)"
            )
        click.echo(f"Table écrite : {path} ({fmt})")
    ctx.exit(1 if n_errors else 0)


@main.command()
@inputs_argument
@click.option(
    "-o",
    "--output-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_CHECK_OUTPUT,
    show_default=True,
    help="Folder where claims.csv, links.csv, flags.csv and sums.csv are written.",
)
@click.option(
    "--excel-fr",
    is_flag=True,
    help="Also write each table for French Excel (';', decimal comma, BOM): *.excel-fr.csv.",
)
@click.option(
    "--reference",
    "reference_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Reference figures (CSV, see reference/README.md); default: reference/figures.csv.",
)
@click.option("--no-reference", is_flag=True, help="Do not check against reference figures.")
@processing_options
@click.pass_context
def check(
    ctx: click.Context,
    inputs: tuple[str, ...],
    output_dir: Path,
    excel_fr: bool,
    reference_path: Path | None,
    no_reference: bool,
    no_context: bool,
    processes: int,
    quiet: bool,
) -> None:
    """Extract the figures of the INPUT articles, link those about the same thing and flag
    what disagrees: writes claims.csv, links.csv, flags.csv and sums.csv.

    \b
    Examples:
      factcheck check seeds -o out
      factcheck check archive/ new-article.html -o out --excel-fr
    """
    from factcheck.crossref import sum_checks
    from factcheck.export import ExportError, to_csv, to_french_excel_csv
    from factcheck.pipeline import analyze

    reference = None if no_reference else _load_reference(reference_path)
    articles, n_errors = load_articles(inputs)
    if not articles:
        click.echo("factcheck: no article could be read; nothing written.", err=True)
        ctx.exit(1)
    analysis = analyze(
        articles,
        reference=reference,
        with_context=not no_context,
        processes=processes,
        progress=show_progress(quiet),
    )
    tables = {
        "claims": analysis.claims,
        "links": analysis.links,
        "flags": analysis.flags,
        "sums": sum_checks(analysis.claims),
    }
    try:
        for name, table in tables.items():
            to_csv(table, output_dir / f"{name}.csv")
            if excel_fr:
                to_french_excel_csv(table, output_dir / f"{name}.excel-fr.csv")
    except (ExportError, OSError) as exc:
        raise click.ClickException(f"cannot write to {output_dir}: {exc}") from exc
    if not quiet:
        click.echo(check_summary(len(articles), tables, n_errors, output_dir))
    ctx.exit(1 if n_errors else 0)


def _load_reference(path: Path | None) -> pd.DataFrame | None:
    """The reference figures: the given file, else ``reference/figures.csv`` of the current
    folder (a newsroom's own), else the one shipped with factcheck. A bad file is a usage
    error naming the file, the line and the problem."""
    from factcheck.reference import DEFAULT_REFERENCE_PATH, load_reference

    if path is None:
        local = Path("reference") / "figures.csv"
        path = local if local.is_file() else DEFAULT_REFERENCE_PATH
        if not path.is_file():
            return None
    try:
        return load_reference(path)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="'--reference'") from exc


def check_summary(
    n_articles: int, tables: dict[str, pd.DataFrame], n_errors: int, output_dir: Path
) -> str:
    """The few lines an editor reads after ``factcheck check``, in French."""
    claims, links, flags, sums = (tables[k] for k in ("claims", "links", "flags", "sums"))
    lines = [
        f"{_count(n_articles, 'article lu', 'articles lus')}, "
        f"{_count(len(claims), 'chiffre trouvé', 'chiffres trouvés')}, "
        f"{_count(len(links), 'lien', 'liens')} entre chiffres, "
        f"{_count(len(sums), 'somme vérifiée', 'sommes vérifiées')}, "
        f"{_count(len(flags), 'signalement', 'signalements')}."
    ]
    if len(links):
        by_relation = Counter(str(r) for r in links["relation"])
        lines.append("Liens : " + ", ".join(f"{r} {n}" for r, n in by_relation.most_common()))
    for flag in flags.head(MAX_FLAGS_SHOWN).itertuples():
        lines.append(f"  [{flag.severity}] {flag.type} : {flag.explanation}")
    if len(flags) > MAX_FLAGS_SHOWN:
        lines.append(f"  … et {len(flags) - MAX_FLAGS_SHOWN} autres (voir flags.csv)")
    if n_errors:
        lines.append(
            f"{_count(n_errors, 'entrée illisible', 'entrées illisibles')} (détail sur stderr)"
        )
    lines.append(f"Tables écrites dans {output_dir}/ : claims.csv, links.csv, flags.csv, sums.csv")
    return "\n".join(lines)


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
