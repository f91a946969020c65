"""``factcheck check --store DIR``: the new articles added to a claims store and checked
against it (``factcheck.archive``), with the summary an editor reads."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from factcheck.cli._options import SkipReporter, count_phrase, show_progress, skipped_phrase

if TYPE_CHECKING:
    import pandas as pd

    from factcheck.archive import StoreSummary
    from factcheck.models import Article


def check_into_store(ctx: click.Context, store_dir: Path, articles: list[Article],
                     n_errors: int, reference: pd.DataFrame | None, no_context: bool,
                     processes: int, quiet: bool, article_timeout: float) -> None:
    """Add ``articles`` to the store and exit (1 when an input was unreadable, an article
    skipped or left out for an id stored with another text)."""
    from factcheck.archive import StoreError, add_to_store

    skipped = SkipReporter()
    try:
        summary = add_to_store(
            store_dir, articles, reference=reference, with_context=not no_context,
            processes=processes, progress=show_progress(quiet),
            article_timeout=article_timeout, on_skipped=skipped)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    except OSError as exc:
        raise click.ClickException(f"cannot write to {store_dir}: {exc}") from exc
    for article_id in summary.conflicts:
        click.echo(f"factcheck: error: {store_dir}: article '{article_id}' is already stored "
                   "with another text; left out (give it another id)", err=True)
    if not quiet:
        click.echo(store_summary(summary, n_errors, skipped.count))
    ctx.exit(1 if n_errors or skipped.count or summary.n_conflicts else 0)


def store_summary(summary: StoreSummary, n_errors: int = 0, n_skipped: int = 0) -> str:
    """The few lines an editor reads after ``factcheck check --store``, in French."""
    s = summary
    lines = [
        f"{count_phrase(s.n_added, 'article ajouté', 'articles ajoutés')} à "
        f"{s.store_dir}/ ({count_phrase(s.n_stored_before, 'article', 'articles')} déjà "
        f"dans l'archive), {s.n_present} déjà présents, "
        f"{count_phrase(s.n_claims, 'chiffre trouvé', 'chiffres trouvés')}.",
        f"Comparés à {count_phrase(s.n_candidates, 'chiffre archivé', 'chiffres archivés')} "
        f"des mêmes blocs : {count_phrase(s.n_links, 'lien', 'liens')}, "
        f"{count_phrase(s.n_flags, 'signalement', 'signalements')}, "
        f"{count_phrase(s.n_facts_new, 'fait écrit', 'faits écrits')} "
        f"(dont {s.n_facts_superseded} mis à jour).",
    ]
    if s.n_conflicts:
        lines.append(count_phrase(s.n_conflicts, "article écarté", "articles écartés")
                     + " : identifiant déjà archivé avec un autre texte (détail sur stderr)")
    if n_errors:
        lines.append(f"{count_phrase(n_errors, 'entrée illisible', 'entrées illisibles')} "
                     "(détail sur stderr)")
    if n_skipped:
        lines.append(skipped_phrase(n_skipped))
    if s.batch:
        lines.append(f"Lot {s.batch} écrit dans {s.store_dir}/ (requêtes : docs/store.md)")
    return "\n".join(lines)
