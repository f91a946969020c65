"""What reading a corpus gives: the articles, and one :class:`InputError` per problem, each
naming the input and the cause. An error means some input (a file, a row) was not read; a
warning means it was read, with something worth knowing (a renamed duplicate id, bytes that
were not valid in the file's encoding)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Literal

from factcheck.models import Article, stable_id

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class InputError:
    """A problem with one input (or one row of it), for users: names the file and the cause.
    ``message`` is complete on its own ("line 3: invalid date ...") so that ``path`` and
    ``message`` can be shown side by side; ``line`` repeats the line (or row) number.
    ``severity`` is ``"error"`` when something was not read, ``"warning"`` when everything
    was read."""

    path: str
    message: str
    line: int | None = None
    severity: Severity = "error"

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True, slots=True)
class CorpusResult:
    articles: tuple[Article, ...] = ()
    errors: tuple[InputError, ...] = ()

    @property
    def ok(self) -> bool:
        """No problem at all, not even a warning."""
        return not self.errors

    @property
    def failures(self) -> tuple[InputError, ...]:
        """The problems that left some input unread (warnings excluded)."""
        return tuple(e for e in self.errors if e.severity == "error")


@dataclass(slots=True)
class Sink:
    """Counts articles and collects problems as a corpus is read. Ids are made unique: a
    later article with an id already read keeps it with a suffix derived from its text
    (``d01~3fa2b1``), and a warning names both origins. Only the ids read (and where from)
    are kept, not the articles: a stream of articles stays a stream. With ``on_error``,
    each problem is handed to it as it is met instead of being kept."""

    on_error: Callable[[InputError], None] | None = None
    errors: list[InputError] = field(default_factory=list)
    n_articles: int = 0
    n_problems: int = 0
    _seen: dict[str, str] = field(default_factory=dict)

    def error(self, path: str, message: str, line: int | None = None, unit: str = "line",
              severity: Severity = "error") -> None:
        if line is not None:
            message = f"{unit} {line}: {message}"
        problem = InputError(path, message, line, severity)
        self.n_problems += 1
        if self.on_error is not None:
            self.on_error(problem)
        else:
            self.errors.append(problem)

    def cannot_read(self, path: str, reason: str) -> None:
        self.error(path, f"cannot read: {reason}")

    def article(self, article: Article, path: str, line: int | None = None,
                unit: str = "line") -> Article:
        """``article`` under an id no article read before has (a warning when renamed)."""
        first = self._seen.get(article.article_id)
        if first is not None:
            unique = self._unique_id(article)
            self.error(path, f"duplicate article id '{article.article_id}' (first read from "
                             f"{first}); this one kept as '{unique}'", line, unit, "warning")
            article = replace(article, article_id=unique)
        self._seen[article.article_id] = article.origin or path
        self.n_articles += 1
        return article

    def _unique_id(self, article: Article) -> str:
        base = f"{article.article_id}~{stable_id(article.text, length=6)}"
        unique, n = base, 1
        while unique in self._seen:  # the same id and the same text: a repeated row
            n += 1
            unique = f"{base}~{n}"
        return unique
