"""``factcheck check``: extract, link and flag, and write the four tables.

The command is registered on the ``factcheck`` group in ``factcheck.cli``; its options
shared with the other commands come from ``factcheck.cli._options``.
"""

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
    processing_options,
    show_progress,
    skipped_phrase,
    start_engine,
)

if TYPE_CHECKING:
    import pandas as pd

    from factcheck.pipeline import Analysis

DEFAULT_CHECK_OUTPUT = Path("out")
MAX_FLAGS_SHOWN = 5


@click.command()
@inputs_argument
@click.option(
    "-o",
    "--output-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_CHECK_OUTPUT,
    show_default=True,
    help="Folder where claims.csv, links.csv, flags.csv, sums.csv and facts.csv are written.",
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
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path),
              default=None, help="Claims store: add the articles to it and check them against "
              "everything already stored (docs/store.md); no CSV is written.")
@processing_options
@budget_option
@engine_options
@click.pass_context
def check(
    ctx: click.Context,
    inputs: tuple[str, ...],
    output_dir: Path,
    excel_fr: bool,
    reference_path: Path | None,
    no_reference: bool,
    store_dir: Path | None,
    no_context: bool,
    processes: int,
    quiet: bool,
    article_timeout: float,
    engine: str,
    scheduler: str | None,
) -> None:
    """Extract the figures of the INPUT articles, link those about the same thing and flag
    what disagrees: writes claims.csv, links.csv, flags.csv, sums.csv and facts.csv.

    \b
    Examples:
      factcheck check seeds -o out
      factcheck check archive/ new-article.html -o out --excel-fr
      factcheck check today/ --store archive-store
    """
    from factcheck.crossref.engine import quiet_collector
    from factcheck.export import ExportError, to_csv, to_french_excel_csv

    reference = None if no_reference else _load_reference(reference_path)
    articles, n_errors = articles_or_exit(ctx, inputs, store_dir or output_dir)
    if store_dir is not None:
        from factcheck.cli._store import check_into_store

        check_into_store(ctx, store_dir, articles, n_errors, reference, no_context, processes,
                         quiet, article_timeout)
        return
    skipped = SkipReporter()
    with quiet_collector() as settle:  # the collector kept off the tables already built
        analysis = start_engine(ctx, engine, scheduler, processes).analyze(
            articles,
            reference=reference,
            with_context=not no_context,
            progress=show_progress(quiet),
            article_timeout=article_timeout,
            on_skipped=skipped,
        )
        settle()
        tables = _tables(analysis)
        settle()
        try:
            for name, table in tables.items():
                to_csv(table, output_dir / f"{name}.csv")
                if excel_fr:
                    to_french_excel_csv(table, output_dir / f"{name}.excel-fr.csv")
        except (ExportError, OSError) as exc:
            raise click.ClickException(f"cannot write to {output_dir}: {exc}") from exc
    if not quiet:
        undated = sum(1 for a in articles if a.published is None)
        copies = analysis.claims["copy_of"].dropna().unique() if "copy_of" in analysis.claims \
            else ()
        click.echo(check_summary(len(articles), tables, n_errors, output_dir,
                                 n_undated=undated, n_copies=len(copies),
                                 n_skipped=skipped.count))
    ctx.exit(1 if n_errors or skipped.count else 0)


def _tables(analysis: Analysis) -> dict[str, pd.DataFrame]:
    """The five tables ``check`` writes, from the engine's analysis."""
    from factcheck.crossref import sum_checks
    from factcheck.crossref.cue_words import load_lexicon
    from factcheck.crossref.facts import build_facts
    from factcheck.crossref.reader_links import flags_with_facts, reader_links
    from factcheck.crossref.views import prepare_claims

    lexicon = load_lexicon()
    views = analysis.views  # read once, by cross-referencing, for sums and facts
    if views is None:
        views = prepare_claims(analysis.claims, lexicon)
    facts = build_facts(analysis.claims, analysis.links, lexicon, views)
    return {
        "claims": analysis.claims,
        "links": reader_links(analysis.links, facts, analysis.claims, lexicon),
        "flags": flags_with_facts(analysis.flags, facts),
        "sums": sum_checks(analysis.claims, lexicon, views),
        "facts": facts,
    }


def _load_reference(path: Path | None) -> pd.DataFrame | None:
    """The reference figures: the given file, else ``reference/figures.csv`` of the current
    folder (a newsroom's own), else the one shipped with factcheck. A bad file is a usage
    error naming the file, the line and the problem."""
    from factcheck.crossref import DEFAULT_REFERENCE_PATH, load_reference

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
    n_articles: int, tables: dict[str, pd.DataFrame], n_errors: int, output_dir: Path,
    n_undated: int = 0, n_copies: int = 0, n_skipped: int = 0,
) -> str:
    """The few lines an editor reads after ``factcheck check``, in French."""
    claims, links, flags, sums = (tables[k] for k in ("claims", "links", "flags", "sums"))
    if "relation" in links.columns:  # each figure's row to its fact is counted with the facts
        links = links[links["relation"].astype(str) != "fact"]
    lines = [
        f"{count_phrase(n_articles, 'article lu', 'articles lus')}, "
        f"{count_phrase(len(claims), 'chiffre trouvé', 'chiffres trouvés')}, "
        f"{count_phrase(len(links), 'relation', 'relations')} entre faits, "
        f"{count_phrase(len(sums), 'somme vérifiée', 'sommes vérifiées')}, "
        f"{count_phrase(len(flags), 'signalement', 'signalements')}."
    ]
    if n_undated:
        lines.append(
            count_phrase(n_undated, "article sans date de publication",
                         "articles sans date de publication")
            + " : aucun signalement entre articles ne repose sur leur date ; seule une"
            " période que les deux textes ferment (« en 2023 », « au 1er janvier 2024 ») en"
            " tient lieu."
        )
    if n_copies:
        lines.append(
            f"{count_phrase(n_copies, 'article repris', 'articles repris')} par d'autres "
            "(copies ou quasi-copies) : leurs chiffres comptent une fois."
        )
    if len(links):
        by_relation = Counter(str(r) for r in links["relation"])
        lines.append("Relations entre faits : "
                     + ", ".join(f"{r} {n}" for r, n in by_relation.most_common()))
    for flag in flags.head(MAX_FLAGS_SHOWN).itertuples():
        lines.append(f"  [{flag.severity}] {flag.type} : {flag.explanation}")
    if len(flags) > MAX_FLAGS_SHOWN:
        lines.append(f"  … et {len(flags) - MAX_FLAGS_SHOWN} autres (voir flags.csv)")
    if n_errors:
        lines.append(
            f"{count_phrase(n_errors, 'entrée illisible', 'entrées illisibles')} "
            "(détail sur stderr)"
        )
    if n_skipped:
        lines.append(skipped_phrase(n_skipped))
    if "facts" in tables:
        facts = tables["facts"]
        repeated = int((facts["n_reports"] > 1).sum()) if len(facts) else 0
        lines.append(
            f"{count_phrase(len(facts), 'fait', 'faits')} : "
            f"{count_phrase(repeated, 'rapporté plusieurs fois', 'rapportés plusieurs fois')}."
        )
    names = ", ".join(f"{name}.csv" for name in tables)
    lines.append(f"Tables écrites dans {output_dir}/ : {names}")
    return "\n".join(lines)
