"""What the ``factcheck`` commands share: their common options, defined once as decorators
(inputs, context, processes, quiet, output), and the helpers that read the inputs and word
the summaries.

The commands themselves are one module each in ``factcheck.cli`` (``check``, ``extract``,
``eval``, ``dashboard``), registered on the group in ``factcheck/cli/__init__.py``.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from factcheck.budget import ARTICLE_TIMEOUT_ENV, DEFAULT_ARTICLE_TIMEOUT, parse_article_timeout

if TYPE_CHECKING:
    from factcheck.corpus import InputError
    from factcheck.models import Article
    from factcheck.pipeline import SkippedArticle

F = TypeVar("F", bound=Callable[..., Any])

OUTPUT_FORMATS = ("csv", "csv-fr", "jsonl", "parquet")


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


class _Seconds(click.FloatRange):
    """Seconds at least 0, read by ``factcheck.budget.parse_article_timeout`` (the
    dashboard reads ``$FACTCHECK_ARTICLE_TIMEOUT`` with it too)."""

    def __init__(self) -> None:
        super().__init__(min=0)

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Any:
        try:
            return parse_article_timeout(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a number of seconds >= 0 (0: no limit).", param, ctx)


def budget_option(f: F) -> F:
    """``--article-timeout SECONDS`` (or ``$FACTCHECK_ARTICLE_TIMEOUT``; 0: no limit)."""
    return click.option(
        "--article-timeout",
        type=_Seconds(),
        default=DEFAULT_ARTICLE_TIMEOUT,
        show_default=True,
        envvar=ARTICLE_TIMEOUT_ENV,
        show_envvar=True,
        metavar="SECONDS",
        help="Processor time budget of one article (figures, then context); an article "
        "over it is reported and skipped, the others are processed. 0: no limit.",
    )(f)


ENGINES = ("local", "dask")


def engine_options(f: F) -> F:
    """``--engine local|dask`` and ``--scheduler ADDRESS`` (docs/distributed.md)."""
    f = click.option(
        "--scheduler",
        metavar="ADDRESS",
        default=None,
        help="With --engine dask: a running Dask scheduler (tcp://host:8786). Default: a "
        "local cluster of --processes workers (2 when not given), closed at the end.",
    )(f)
    f = click.option(
        "--engine",
        type=click.Choice(ENGINES),
        default="local",
        show_default=True,
        help="Where the pipeline runs: here (--processes workers), or on a Dask cluster "
        "(needs the 'dask' extra: pip install 'factcheck[dask]'). Same tables either way; "
        "see docs/distributed.md.",
    )(f)
    return f


@dataclass(frozen=True)
class Engine:
    """The pipeline's ``claims_frame`` and ``analyze`` as run by one engine (same arguments
    as in ``factcheck.pipeline`` but ``processes``, already set)."""

    claims_frame: Callable[..., Any]
    analyze: Callable[..., Any]


def start_engine(ctx: click.Context, engine: str, scheduler: str | None,
                 processes: int) -> Engine:
    """The engine of ``--engine``; a Dask cluster or client lives until the command ends."""
    from factcheck import pipeline

    if engine == "local":
        if scheduler:
            raise click.BadParameter("needs --engine dask", param_hint="'--scheduler'")
        return Engine(partial(pipeline.claims_frame, processes=processes),
                      partial(pipeline.analyze, processes=processes))
    from factcheck import dask_engine

    default = ctx.get_parameter_source("processes") == click.core.ParameterSource.DEFAULT
    try:
        client = ctx.with_resource(dask_engine.dask_client(
            scheduler, n_workers=dask_engine.DEFAULT_WORKERS if default else processes))
    except dask_engine.DaskUnavailable as exc:
        raise click.ClickException(str(exc)) from exc
    return Engine(partial(dask_engine.claims_frame, client=client),
                  partial(dask_engine.analyze, client=client))


class SkipReporter:
    """Prints each article the pipeline skipped on stderr and counts them."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, skipped: SkippedArticle) -> None:
        self.count += 1
        click.echo(f"factcheck: error: {skipped}", err=True)


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


class InputReporter:
    """Prints each input problem on stderr as the reader meets it, counts the inputs left
    unread (warnings, such as a renamed duplicate id, are printed but not counted), and
    notes the articles in a language factcheck does not read yet."""

    def __init__(self) -> None:
        self.failures = 0
        self.articles = 0
        self._unread: Counter[str] = Counter()

    def __call__(self, error: InputError) -> None:
        if error.severity == "error":
            self.failures += 1
        click.echo(f"factcheck: {error.severity}: {error.path}: {error.message}", err=True)

    def track(self, articles: Iterable[Article]) -> Iterator[Article]:
        """``articles``, counted as they pass."""
        from factcheck.pipeline import readable

        for article in articles:
            self.articles += 1
            if not readable(article):
                self._unread[article.language] += 1
            yield article

    def warn_languages(self) -> None:
        """One warning for the articles in languages factcheck does not read yet."""
        if self._unread:
            n = sum(self._unread.values())
            click.echo(
                f"factcheck: warning: {count_phrase(n, 'article', 'articles')} in a language "
                f"factcheck does not read yet ({', '.join(sorted(self._unread))}): no figure "
                "taken from them",
                err=True,
            )


def stream_articles(reporter: InputReporter, inputs: Sequence[str],
                    skip: Sequence[str | Path] = ()) -> Iterator[Article]:
    """The articles of the inputs as they are read (``factcheck.corpus.stream_corpus``),
    leaving ``skip`` (the command's own output) out of folder walks; problems go to
    ``reporter``."""
    from factcheck.corpus import stream_corpus

    return reporter.track(stream_corpus(list(inputs), on_error=reporter, stdin=sys.stdin,
                                        skip=skip))


def load_articles(
    inputs: Sequence[str], skip: Sequence[str | Path] = ()
) -> tuple[list[Article], int]:
    """Read the inputs, leaving ``skip`` (the command's own output) out of folder walks;
    print each input problem on stderr. Returns the articles and the number of errors (inputs
    left unread; warnings, such as a renamed duplicate id, are printed but not counted)."""
    reporter = InputReporter()
    articles = list(stream_articles(reporter, inputs, skip))
    reporter.warn_languages()
    return articles, reporter.failures


def articles_or_exit(
    ctx: click.Context, inputs: Sequence[str], output: Path
) -> tuple[list[Article], int]:
    """``load_articles`` for a command that writes ``output``: exits 1, writing nothing,
    when no article could be read."""
    articles, n_errors = load_articles(inputs, skip=[output])
    if not articles:
        click.echo("factcheck: no article could be read; nothing written.", err=True)
        ctx.exit(1)
    return articles, n_errors


def skipped_phrase(n: int) -> str:
    """The summary line for the articles left out (over their time budget, or failed)."""
    return (f"{count_phrase(n, 'article non traité', 'articles non traités')} : temps "
            "maximal par article dépassé ou erreur (détail sur stderr)")


def count_phrase(n: int, singular: str, plural: str) -> str:
    """``n`` with the French singular for 0 and 1, the plural from 2."""
    return f"{n} {singular if n < 2 else plural}"
