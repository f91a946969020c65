"""Deployment settings: environment first, then ``[factcheck]`` in secrets.toml, then
defaults; the reviewer's identity from st.user or the login proxy's header."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.budget import DEFAULT_ARTICLE_TIMEOUT
from factcheck.dashboard import loading
from factcheck.dashboard.settings import (
    DEFAULT_MAX_UPLOAD_TOTAL_MB,
    DEFAULT_MAX_UPLOADS,
    SettingsError,
    read_settings,
    reviewer_identity,
)

SECTION = {
    "corpus_root": "/srv/corpus",
    "db_path": "/srv/reviews.sqlite3",
    "max_uploads": 10,
    "max_upload_total_mb": "20",
    "identity_header": "X-Forwarded-Email",
}


def test_defaults_without_configuration():
    settings = read_settings({})
    assert settings.corpus_root is None and settings.db_path is None
    assert settings.max_uploads == DEFAULT_MAX_UPLOADS
    assert settings.max_upload_total_bytes == DEFAULT_MAX_UPLOAD_TOTAL_MB * 1_000_000
    assert settings.identity_header is None


def test_secrets_section_is_read():
    settings = read_settings({}, SECTION)
    assert settings.corpus_root == Path("/srv/corpus")
    assert settings.db_path == Path("/srv/reviews.sqlite3")
    assert settings.max_uploads == 10
    assert settings.max_upload_total_bytes == 20_000_000
    assert settings.identity_header == "X-Forwarded-Email"


def test_environment_wins_over_secrets():
    environ = {
        "FACTCHECK_CORPUS_ROOT": "/data/articles",
        "FACTCHECK_DB": "/data/reviews.sqlite3",
        "FACTCHECK_MAX_UPLOADS": "3",
        "FACTCHECK_MAX_UPLOAD_TOTAL_MB": "7",
        "FACTCHECK_IDENTITY_HEADER": "X-Remote-User",
    }
    settings = read_settings(environ, SECTION)
    assert settings.corpus_root == Path("/data/articles")
    assert settings.db_path == Path("/data/reviews.sqlite3")
    assert (settings.max_uploads, settings.max_upload_total_bytes) == (3, 7_000_000)
    assert settings.identity_header == "X-Remote-User"


def test_blank_environment_values_fall_back_to_secrets():
    settings = read_settings({"FACTCHECK_CORPUS_ROOT": "  "}, {"corpus_root": "/srv/c"})
    assert settings.corpus_root == Path("/srv/c")


@pytest.mark.parametrize("value", ["0", "-4", "cinquante", "2.5"])
def test_a_bad_limit_is_refused_by_name(value):
    with pytest.raises(SettingsError, match="FACTCHECK_MAX_UPLOADS"):
        read_settings({"FACTCHECK_MAX_UPLOADS": value})


@pytest.mark.parametrize(
    ("environ", "section", "expected"),
    [
        ({}, {}, DEFAULT_ARTICLE_TIMEOUT),
        ({"FACTCHECK_ARTICLE_TIMEOUT": "2.5"}, {}, 2.5),
        ({"FACTCHECK_ARTICLE_TIMEOUT": " 12 "}, {"article_timeout": 4}, 12.0),
        ({}, {"article_timeout": 4}, 4.0),
        ({"FACTCHECK_ARTICLE_TIMEOUT": "0"}, {}, None),  # 0: no limit, as on the command line
    ],
)
def test_the_time_budget_of_one_article_is_read_as_the_command_line_reads_it(
        environ, section, expected):
    assert read_settings(environ, section).article_timeout == expected


@pytest.mark.parametrize("value", ["-1", "trente", "nan", "30s"])
def test_a_bad_time_budget_is_refused_by_name(value):
    with pytest.raises(SettingsError, match=r"FACTCHECK_ARTICLE_TIMEOUT \(article_timeout\) : "
                       r"« .* » n'est pas un nombre de secondes"):
        read_settings({"FACTCHECK_ARTICLE_TIMEOUT": value})


@pytest.mark.parametrize(
    ("user", "headers", "header", "expected"),
    [
        ({"is_logged_in": True, "name": "Camille Martin", "email": "c@x.fr"}, {}, None,
         "Camille Martin"),
        ({"is_logged_in": True, "name": "", "email": "c@x.fr"}, {}, None, "c@x.fr"),
        ({"is_logged_in": False, "name": "Camille"}, {}, None, None),
        ({"email": "test@example.com"}, {}, None, None),  # not logged in: no identity
        ({}, {"x-forwarded-email": "lea@redaction.fr"}, "X-Forwarded-Email",
         "lea@redaction.fr"),
        ({}, {"X-Forwarded-Email": "lea@redaction.fr"}, None, None),  # header not trusted
        ({}, {"X-Forwarded-Email": " "}, "X-Forwarded-Email", None),
        ({"is_logged_in": True, "name": "Camille"}, {"X-Forwarded-Email": "lea@r.fr"},
         "X-Forwarded-Email", "Camille"),
    ],
)
def test_reviewer_identity(user, headers, header, expected):
    assert reviewer_identity(user, headers, header) == expected


MB = 1_000_000


def test_uploads_are_admitted_by_size_count_and_total():
    files = [("a.txt", MB), ("gros.html", 6 * 2**20), ("b.txt", 2 * MB), ("c.txt", 3 * MB),
             ("d.txt", 1), ("e.txt", 1)]
    admitted, messages = loading.admit_uploads(files, max_count=3, max_total=4 * MB)
    assert admitted == [0, 2, 4]  # c.txt would pass 4 MB; e.txt is the fourth file
    assert messages == [
        "« gros.html » : fichier trop volumineux (6.3 Mo, limite 5 Mo) ; il n'a pas été "
        "ajouté.",
        "« e.txt » : non ajouté(s), 3 fichiers déposés au plus (réglage "
        "FACTCHECK_MAX_UPLOADS).",
        "« c.txt » : non ajouté(s), 4 Mo au plus pour l'ensemble des fichiers déposés "
        "(réglage FACTCHECK_MAX_UPLOAD_TOTAL_MB).",
    ]


def test_many_refused_uploads_are_named_then_counted():
    files = [(f"{i:02d}.txt", 10) for i in range(60)]
    admitted, messages = loading.admit_uploads(files, max_count=50, max_total=MB)
    assert admitted == list(range(50))
    assert messages == [
        "« 50.txt », « 51.txt », « 52.txt », « 53.txt », « 54.txt » et 5 autre(s) : non "
        "ajouté(s), 50 fichiers déposés au plus (réglage FACTCHECK_MAX_UPLOADS)."
    ]
