"""The dashboard's deployment settings: environment variables, else the ``[factcheck]``
section of Streamlit's ``secrets.toml``, else defaults. Pure: the app hands in the
environment and the secrets section, so every rule is testable without Streamlit.

| setting | environment variable | ``[factcheck]`` key | default |
| --- | --- | --- | --- |
| folder root | ``FACTCHECK_CORPUS_ROOT`` | ``corpus_root`` | none: no folder field |
| review database | ``FACTCHECK_DB`` | ``db_path`` | the store's default |
| uploads at once | ``FACTCHECK_MAX_UPLOADS`` | ``max_uploads`` | 50 |
| uploads in total (MB) | ``FACTCHECK_MAX_UPLOAD_TOTAL_MB`` | ``max_upload_total_mb`` | 50 |
| identity header | ``FACTCHECK_IDENTITY_HEADER`` | ``identity_header`` | none |
| claims store (archive) | ``FACTCHECK_STORE`` | ``store_dir`` | none: no archive to browse |
| time budget of one article (s) | ``FACTCHECK_ARTICLE_TIMEOUT`` | ``article_timeout`` | 30 |

The time budget is read as the command line reads ``--article-timeout``
(``factcheck.budget``): seconds of processor time, 0 for no limit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from factcheck.budget import ARTICLE_TIMEOUT_ENV, DEFAULT_ARTICLE_TIMEOUT, parse_article_timeout
from factcheck.store import DB_ENV_VAR

SECTION = "factcheck"
CORPUS_ROOT_ENV_VAR = "FACTCHECK_CORPUS_ROOT"
MAX_UPLOADS_ENV_VAR = "FACTCHECK_MAX_UPLOADS"
MAX_UPLOAD_TOTAL_ENV_VAR = "FACTCHECK_MAX_UPLOAD_TOTAL_MB"
IDENTITY_HEADER_ENV_VAR = "FACTCHECK_IDENTITY_HEADER"
STORE_ENV_VAR = "FACTCHECK_STORE"
DEFAULT_MAX_UPLOADS = 50
DEFAULT_MAX_UPLOAD_TOTAL_MB = 50


class SettingsError(ValueError):
    """A setting that cannot be used; the message names it, in French."""


@dataclass(frozen=True)
class Settings:
    corpus_root: Path | None  # None: no folder can be added from the page
    db_path: Path | None  # None: the store's default (.factcheck/reviews.sqlite3)
    max_uploads: int
    max_upload_total_bytes: int
    identity_header: str | None  # a header set by the newsroom's login proxy
    store_dir: Path | None = None  # a claims store (``factcheck check --store``) to browse
    article_timeout: float | None = DEFAULT_ARTICLE_TIMEOUT  # seconds; None: no limit


def read_settings(
    environ: Mapping[str, str], section: Mapping[str, object] | None = None
) -> Settings:
    """Settings from ``environ`` (wins) and the ``[factcheck]`` secrets ``section``."""
    section = section or {}

    def raw(env_var: str, key: str) -> str | None:
        value = environ.get(env_var, "").strip()
        if value:
            return value
        configured = section.get(key)
        if configured is None or not str(configured).strip():
            return None
        return str(configured).strip()

    root = raw(CORPUS_ROOT_ENV_VAR, "corpus_root")
    db = raw(DB_ENV_VAR, "db_path")
    return Settings(
        corpus_root=Path(root).expanduser() if root else None,
        db_path=Path(db).expanduser() if db else None,
        max_uploads=_positive(
            raw(MAX_UPLOADS_ENV_VAR, "max_uploads"), DEFAULT_MAX_UPLOADS,
            f"{MAX_UPLOADS_ENV_VAR} (max_uploads)",
        ),
        max_upload_total_bytes=_positive(
            raw(MAX_UPLOAD_TOTAL_ENV_VAR, "max_upload_total_mb"), DEFAULT_MAX_UPLOAD_TOTAL_MB,
            f"{MAX_UPLOAD_TOTAL_ENV_VAR} (max_upload_total_mb)",
        ) * 1_000_000,
        identity_header=raw(IDENTITY_HEADER_ENV_VAR, "identity_header"),
        store_dir=_path(raw(STORE_ENV_VAR, "store_dir")),
        article_timeout=_seconds(raw(ARTICLE_TIMEOUT_ENV, "article_timeout")),
    )


def _path(value: str | None) -> Path | None:
    return Path(value).expanduser() if value else None


def _positive(value: str | None, default: int, name: str) -> int:
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number <= 0:
        raise SettingsError(f"réglage {name} : « {value} » n'est pas un entier positif.")
    return number


def _seconds(value: str | None) -> float | None:
    """The time budget of one article (None: no limit), read like ``--article-timeout``."""
    if value is None:
        return DEFAULT_ARTICLE_TIMEOUT
    try:
        return parse_article_timeout(value) or None
    except ValueError:
        raise SettingsError(
            f"réglage {ARTICLE_TIMEOUT_ENV} (article_timeout) : « {value} » n'est pas un "
            "nombre de secondes positif ou nul (0 : pas de limite).") from None


def reviewer_identity(
    user: Mapping[str, object], headers: Mapping[str, str], header: str | None
) -> str | None:
    """The logged-in reviewer: Streamlit's ``st.user`` (name, else email) when logged in,
    else the login proxy's ``header`` when configured and present; None otherwise."""
    if user.get("is_logged_in"):
        for key in ("name", "email"):
            value = user.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()
    if header:
        wanted = header.strip().lower()
        for name, value in headers.items():
            if name.lower() == wanted and value and value.strip():
                return value.strip()
    return None
