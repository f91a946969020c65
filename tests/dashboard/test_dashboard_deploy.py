"""The dashboard as a shared deployment, through AppTest: folders only below the configured
root, the review database from configuration only, upload limits, the reviewer's identity
from the login, and untrusted titles, sources and addresses shown escaped."""

from __future__ import annotations

import json
from pathlib import Path

import dashboard_fakes as fakes
import pytest
from streamlit.testing.v1 import AppTest

from factcheck.store import ReviewStore

APP = str(Path(__file__).resolve().parents[2] / "dashboard.py")
ARTICLE = "Selon Kiev, 46 drones ont été abattus dans la nuit.\n"


@pytest.fixture
def env(monkeypatch, tmp_path, fake_dashboard_engines):
    """As in test_dashboard.py: a review database and a corpus root in ``tmp_path``."""
    monkeypatch.setenv("FACTCHECK_DB", str(tmp_path / "reviews.sqlite3"))
    monkeypatch.setenv("FACTCHECK_CORPUS_ROOT", str(tmp_path))
    monkeypatch.delenv("FACTCHECK_REVIEWER", raising=False)
    monkeypatch.delenv("FACTCHECK_SEEDS", raising=False)
    for name in ("MAX_UPLOADS", "MAX_UPLOAD_TOTAL_MB", "IDENTITY_HEADER"):
        monkeypatch.delenv(f"FACTCHECK_{name}", raising=False)
    return tmp_path


def _app(secrets: dict | None = None, user: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if secrets:
        at.secrets.update(secrets)
    if user is not None:
        at.user = user
    return at.run()


def _problems(at: AppTest) -> list[str]:
    return [t.value for t in at.text]


def _keys(at: AppTest, kind: str) -> set[str]:
    return {el.key for el in at.get(kind) if getattr(el, "key", None)}


def _status(at: AppTest) -> str:
    return at.status[0].label


@pytest.fixture
def corpus(env):
    """A folder inside the root, and a secret file outside it."""
    folder = env / "ukraine"
    folder.mkdir()
    (folder / "kiev.txt").write_text(ARTICLE, encoding="utf-8")
    outside = env.parent / f"{env.name}-outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Le code est 4 8 15 16 23 42.\n", encoding="utf-8")
    return folder, outside


def test_without_a_root_there_is_no_folder_field(env, monkeypatch):
    monkeypatch.delenv("FACTCHECK_CORPUS_ROOT")
    at = _app()
    assert not at.exception
    assert "folder" not in _keys(at, "text_input")
    assert any("dossier du serveur désactivé" in c.value for c in at.sidebar.caption)


def test_folder_inside_the_root_is_read(env, corpus):
    at = _app()
    at.sidebar.text_input(key="folder").input("ukraine").run()
    assert "Corpus analysé : 3 articles" in _status(at)


@pytest.mark.parametrize("entered", ["../x", "ukraine/../ukraine", "OUTSIDE", "/etc", "LINK"])
def test_folders_leading_out_of_the_root_are_refused(env, corpus, entered):
    _, outside = corpus
    (env / "to_outside").symlink_to(outside, target_is_directory=True)
    entered = {"OUTSIDE": str(outside), "LINK": "to_outside"}.get(entered, entered)
    at = _app()
    at.sidebar.text_input(key="folder").input(entered).run()
    assert "Corpus analysé : 2 articles" in _status(at)  # the seeds only
    refusal = [p for p in _problems(at) if p.startswith("Dossier refusé")]
    assert len(refusal) == 1 and entered in refusal[0]


def test_root_from_secrets_and_environment_wins(env, corpus, monkeypatch, tmp_path_factory):
    monkeypatch.delenv("FACTCHECK_CORPUS_ROOT")
    at = _app(secrets={"factcheck": {"corpus_root": str(env)}})
    at.sidebar.text_input(key="folder").input("ukraine").run()
    assert "Corpus analysé : 3 articles" in _status(at)

    other = tmp_path_factory.mktemp("other-root")
    monkeypatch.setenv("FACTCHECK_CORPUS_ROOT", str(other))
    at = _app(secrets={"factcheck": {"corpus_root": str(env)}})
    at.sidebar.text_input(key="folder").input("ukraine").run()
    assert any("introuvable" in p for p in _problems(at))  # looked for under other/


def test_review_database_is_not_a_page_field(env):
    at = _app()
    assert "db_path" not in _keys(at, "text_input")
    assert any(c.value == "Base des relectures : reviews\\.sqlite3" for c in at.sidebar.caption)


def _confirm_first_flag(at: AppTest) -> None:
    at.sidebar.radio(key="view").set_value("Signalements").run()
    confirm = [b for b in at.button if b.key and b.key.startswith("confirm-")]
    confirm[0].click().run()
    assert not at.exception
    assert "Relecture enregistrée" in at.success[0].value


def test_review_database_from_secrets(env, monkeypatch):
    monkeypatch.delenv("FACTCHECK_DB")
    (env / "washington.txt").write_text(fakes.CONTRADICTING_ARTICLE.text, encoding="utf-8")
    db = env / "shared" / "newsroom.sqlite3"
    at = _app(secrets={"factcheck": {"db_path": str(db)}})
    at.sidebar.text_input(key="folder").input(".").run()
    at.sidebar.text_input(key="reviewer").input("Léa").run()
    _confirm_first_flag(at)
    assert list(ReviewStore(db).history()["reviewer"]) == ["Léa"]
    assert not (env / "reviews.sqlite3").exists()


def test_logged_in_reviewer_is_named_by_the_login(env):
    (env / "washington.txt").write_text(fakes.CONTRADICTING_ARTICLE.text, encoding="utf-8")
    user = {"is_logged_in": True, "name": "Camille Martin", "email": "camille@redaction.fr"}
    at = _app(user=user)
    assert "reviewer" not in _keys(at, "text_input")
    assert any("Camille Martin" in c.value for c in at.sidebar.caption)
    at.sidebar.text_input(key="folder").input(".").run()
    _confirm_first_flag(at)
    history = ReviewStore(env / "reviews.sqlite3").history()
    assert list(history["reviewer"]) == ["Camille Martin"]


def _upload(at: AppTest, files: list[tuple[str, bytes]]) -> AppTest:
    at.sidebar.file_uploader(key="uploads").set_value(
        [(name, payload, "text/plain") for name, payload in files]
    ).run()
    assert not at.exception
    return at


def test_uploads_beyond_the_count_are_refused_by_name(env, monkeypatch):
    monkeypatch.setenv("FACTCHECK_MAX_UPLOADS", "2")
    files = [(f"{n}.txt", f"Article {n} : {n} drones abattus.\n".encode()) for n in (1, 2, 3)]
    at = _upload(_app(), files)
    assert "Corpus analysé : 4 articles" in _status(at)
    assert "« 3.txt » : non ajouté(s), 2 fichiers déposés au plus" in " ".join(_problems(at))


def test_uploads_beyond_the_total_size_are_refused_by_name(env, monkeypatch):
    monkeypatch.setenv("FACTCHECK_MAX_UPLOAD_TOTAL_MB", "1")
    # 0.64 MB with one figure (the stand-in cross-referencer pairs every figure).
    body = ("Selon Kiev, 46 drones ont été abattus. " + "Sans chiffre. " * 46_000).encode()
    at = _upload(_app(), [("un.txt", body), ("deux.txt", body + b"!")])
    assert "Corpus analysé : 3 articles" in _status(at)
    assert any(p.startswith("« deux.txt » : non ajouté(s), 1 Mo au plus") for p in _problems(at))


def test_a_bad_setting_stops_the_app_with_its_name(env, monkeypatch):
    monkeypatch.setenv("FACTCHECK_MAX_UPLOADS", "beaucoup")
    at = _app()
    assert "FACTCHECK\\_MAX\\_UPLOADS" in at.error[0].value
    assert not at.header  # nothing else ran


TRAPS = (
    '<script>window.__pwned=1</script> <img src=x onerror="window.__pwned=2"> '
    '<a href="javascript:window.__pwned=3">lien</a>'
)


def test_uploaded_title_source_and_address_are_escaped(env):
    record = {
        "id": "piege", "title": f"Titre {TRAPS}", "source": f"Média {TRAPS}",
        "url": "javascript:window.__pwned=4", "published": "2024-12-08",
        "text": f"{TRAPS}\nSelon Kiev, 46 drones ont été abattus.\n",
    }
    at = _upload(_app(), [("piege.jsonl", json.dumps(record).encode())])
    at.sidebar.radio(key="view").set_value("Articles").run()
    at.selectbox(key="article").set_value("piege").run()
    bodies = [h.proto.body for h in at.get("html")]
    meta = next(b for b in bodies if 'class="fc-meta"' in b)
    text = next(b for b in bodies if 'class="fc-text"' in b)
    for body in (meta, text):
        assert "<script" not in body and "<img" not in body and "<a href=\"javascript" not in body
        assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in body
    assert "<a " not in meta  # a javascript: address is shown as text, never a link
    assert "javascript:window.__pwned=4" in meta


def test_review_note_and_reviewer_are_escaped(env):
    (env / "washington.txt").write_text(fakes.CONTRADICTING_ARTICLE.text, encoding="utf-8")
    at = _app()
    at.sidebar.text_input(key="folder").input(".").run()
    at.sidebar.text_input(key="reviewer").input("[Léa](javascript:alert(1))").run()
    at.sidebar.radio(key="view").set_value("Signalements").run()
    flag_id = next(b.key for b in at.button if b.key and b.key.startswith("confirm-"))
    flag_id = flag_id.removeprefix("confirm-")
    at.text_input(key=f"note-{flag_id}").input("![pixel](http://traceur.example/p.png)").run()
    _confirm_first_flag(at)
    at.selectbox(key="flag_status").set_value("confirmés").run()
    caption = next(c.value for c in at.caption if "Dernière décision" in c.value)
    assert "\\[Léa\\]\\(javascript\\:alert\\(1\\)\\)" in caption
    assert "\\!\\[pixel\\]\\(http\\:" in caption


def test_article_address_is_a_link_only_when_http(env):
    record = {"id": "ok", "url": "https://www.lemonde.fr/article?id=1&x=2",
              "text": "Selon Kiev, 46 drones ont été abattus.\n"}
    at = _upload(_app(), [("ok.jsonl", json.dumps(record).encode())])
    at.sidebar.radio(key="view").set_value("Articles").run()
    at.selectbox(key="article").set_value("ok").run()
    meta = next(h.proto.body for h in at.get("html") if 'class="fc-meta"' in h.proto.body)
    assert '<a href="https://www.lemonde.fr/article?id=1&amp;x=2" target="_blank"' in meta
