"""``factcheck eval``: extraction and context scored against hand-made annotations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from factcheck.cli._options import inputs_argument, load_articles, processing_options, show_progress

if TYPE_CHECKING:
    from factcheck.models import Article


@click.command("eval")
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
@click.option(
    "--relations",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Also score links and flags against these annotated relations (a *_relations.jsonl): "
    "link recall, flag precision, real inconsistencies caught, flags per 100 articles.",
)
@processing_options
@click.pass_context
def eval_command(
    ctx: click.Context,
    gold: Path,
    inputs: tuple[str, ...],
    as_json: bool,
    max_errors: int,
    relations: Path | None,
    no_context: bool,
    processes: int,
    quiet: bool,
) -> None:
    """Score extraction of the INPUT articles against GOLD annotations (a *_mentions.jsonl).

    Prints precision, recall and F1 per kind and overall, span-only scores, subject and
    source accuracy, and every error (missed, spurious, wrong attribute).

    With --relations, the figures are also cross-referenced (as `factcheck check` does, without
    reference figures) and the links and flags are scored against the annotated relations.

    \b
    Examples:
      factcheck eval reference/gold/seeds_mentions.jsonl seeds
      factcheck eval reference/gold/dev_mentions.jsonl reference/gold/dev_corpus.jsonl \\
        --relations reference/gold/dev_relations.jsonl
    """
    from factcheck.eval import GoldError, evaluate, format_report, load_gold
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
    # Gold figures are annotated in the text: a headline given apart (claims of part
    # "title", offsets in the title) is not scored.
    claims = claims[claims["part"] != "title"].reset_index(drop=True)
    if no_context:
        claims = claims.drop(columns=["subject", "source"])
    report = evaluate(gold_rows, claims, article_ids=[a.article_id for a in articles],
                      texts={a.article_id: a.text for a in articles})
    for warning in _alignment_warnings(gold_rows, articles):
        click.echo(f"factcheck: warning: {gold}: {warning}", err=True)
    if not report.articles:
        click.echo(
            f"factcheck: error: {gold}: none of its articles is among the inputs "
            "(article ids must match the gold 'id')",
            err=True,
        )
        ctx.exit(1)
    relation_report = None
    if relations is not None:
        relation_report = _score_relations(gold_rows, relations, claims, articles)
    if as_json:
        data = report.to_dict()
        if relation_report is not None:
            data["relations"] = relation_report.to_dict()
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(report, max_errors=max_errors))
        if relation_report is not None:
            from factcheck.eval.links import format_relation_report

            click.echo("")
            click.echo(format_relation_report(relation_report, max_items=max_errors))
    ctx.exit(1 if n_errors else 0)


def _score_relations(
    gold_rows: list[dict[str, Any]], path: Path, claims: Any, articles: list[Article]
) -> Any:
    from factcheck.crossref import cross_reference
    from factcheck.eval.links import RelationsError, load_relations, score_relations

    try:
        gold_relations = load_relations(path)
    except RelationsError as exc:
        raise click.ClickException(str(exc)) from exc
    links, flags = cross_reference(claims, None)
    return score_relations(gold_rows, gold_relations, claims, links, flags,
                           [a.article_id for a in articles],
                           undated=[a.article_id for a in articles if a.published is None])


def _alignment_warnings(gold_rows: list[dict[str, Any]], articles: list[Article]) -> list[str]:
    """Gold rows whose offsets do not point at their surface in the article read. The
    reader normalises typographic variants one for one (``d’euros`` is read ``d'euros``), so
    the gold surface is compared normalised the same way."""
    from factcheck.text import normalize

    texts = {a.article_id: a.text for a in articles}
    warnings = []
    for row in gold_rows:
        text = texts.get(str(row["id"]))
        surface = row.get("surface")
        if text is None or surface is None:
            continue
        if text[int(row["start"]) : int(row["end"])] != normalize(str(surface)):
            warnings.append(
                f"{row['id']} {row['start']}-{row['end']}: text there is not {surface!r} "
                "(offsets shifted? scores for this figure are unreliable)"
            )
    return warnings
