"""The folder policy of a shared dashboard: only folders below the corpus root, whatever
``..``, absolute paths or symbolic links say."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.dashboard import loading
from factcheck.dashboard.paths import FolderRefused, check_root, links_leaving, resolve_folder

ARTICLE = "Selon Kiev, 46 drones ont été abattus dans la nuit.\n"


@pytest.fixture
def tree(tmp_path):
    """root/ with a subfolder, a file and links in and out; outside/ next to it."""
    root = tmp_path / "root"
    (root / "ukraine" / "2024").mkdir(parents=True)
    (root / "ukraine" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Mot de passe : 1234.\n", encoding="utf-8")
    (root / "to_ukraine").symlink_to(root / "ukraine", target_is_directory=True)
    (root / "to_outside").symlink_to(outside, target_is_directory=True)
    (root / "ukraine" / "deep_out").symlink_to(outside, target_is_directory=True)
    return root, outside


@pytest.mark.parametrize(
    ("entered", "expected"),
    [
        ("ukraine", "ukraine"),
        ("ukraine/2024", "ukraine/2024"),
        ("  ukraine/ ", "ukraine"),
        ("to_ukraine", "ukraine"),  # a link that stays inside
        (".", "."),
    ],
)
def test_folders_inside_the_root_are_accepted(tree, entered, expected):
    root, _ = tree
    assert resolve_folder(root, entered) == (root / expected).resolve()


def test_absolute_path_inside_the_root_is_accepted(tree):
    root, _ = tree
    assert resolve_folder(root, str(root / "ukraine")) == (root / "ukraine").resolve()


def test_root_named_through_a_link_still_works(tree, tmp_path):
    root, _ = tree
    alias = tmp_path / "alias"
    alias.symlink_to(root, target_is_directory=True)
    assert resolve_folder(alias, "ukraine") == (root / "ukraine").resolve()
    assert resolve_folder(alias, str(alias / "ukraine")) == (root / "ukraine").resolve()


@pytest.mark.parametrize(
    ("entered", "reason"),
    [
        ("..", "« .. »"),
        ("../outside", "« .. »"),
        ("ukraine/../ukraine", "« .. »"),  # refused even when it would stay inside
        ("ukraine/../../outside", "« .. »"),
        ("to_outside", "en dehors"),
        ("ukraine/deep_out", "en dehors"),
        ("absent", "introuvable"),
        ("ukraine/a.txt", "fichier"),
        ("", "aucun dossier"),
        ("   ", "aucun dossier"),
    ],
)
def test_folders_leading_out_or_unusable_are_refused(tree, entered, reason):
    root, _ = tree
    with pytest.raises(FolderRefused, match=reason):
        resolve_folder(root, entered)


@pytest.mark.parametrize("which", ["outside", "system"])
def test_absolute_paths_outside_the_root_are_refused(tree, which):
    root, outside = tree
    target = str(outside) if which == "outside" else "/etc"
    with pytest.raises(FolderRefused, match="en dehors"):
        resolve_folder(root, target)


def test_a_missing_root_refuses_everything(tmp_path):
    with pytest.raises(FolderRefused, match="n'existe pas"):
        check_root(tmp_path / "absent")
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    with pytest.raises(FolderRefused, match="n'est pas un dossier"):
        resolve_folder(tmp_path / "file.txt", ".")


def test_file_links_leaving_the_root_are_listed(tree):
    root, outside = tree
    folder = root / "ukraine"
    (folder / "leak.txt").symlink_to(outside / "secret.txt")
    (folder / "alias.txt").symlink_to(folder / "a.txt")  # stays inside
    (folder / ".hidden.txt").symlink_to(outside / "secret.txt")
    assert sorted(p.name for p in links_leaving(folder, root)) == [".hidden.txt", "leak.txt"]


def test_folder_reading_skips_and_reports_links_leaving_the_root(tree):
    root, outside = tree
    folder = root / "ukraine"
    (folder / "leak.txt").symlink_to(outside / "secret.txt")
    loaded = loading.load_folder(folder, root)
    texts = [a.text for a in loaded.articles]
    assert texts == [ARTICLE]  # a.txt only; the linked secret is not read
    assert loaded.errors == (
        "leak.txt : lien vers un fichier hors du dossier des corpus, ignoré.",
    )
    # Without a root (the seeds, set by the administrator) links are followed as before.
    assert any("Mot de passe" in a.text for a in loading.load_folder(folder).articles)


def test_check_root_resolves(tree):
    root, _ = tree
    assert check_root(root) == Path(root).resolve()
