"""Which folders a shared dashboard may read: only below the configured corpus root.

Pure file-system policy, no Streamlit. A folder typed in the sidebar is accepted when, once
every symbolic link is resolved, it lies inside the resolved root and is a folder; ``..``
components are refused outright (even when they would stay inside), so a path never has to
be normalised to be judged. Messages are in French: the dashboard shows them as they are.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path, PurePath


class FolderRefused(ValueError):
    """A folder the dashboard will not read; the message says why, in French."""


def check_root(root: str | os.PathLike[str]) -> Path:
    """The resolved corpus root; refused when it is missing or not a folder."""
    resolved = Path(root).expanduser().resolve()
    if not resolved.is_dir():
        raise FolderRefused(
            f"le dossier des corpus configuré ({Path(root).name or root}) n'existe pas ou "
            "n'est pas un dossier."
        )
    return resolved


def resolve_folder(root: str | os.PathLike[str], entered: str) -> Path:
    """The folder ``entered`` (relative to ``root``, or absolute inside it), resolved.

    Raises ``FolderRefused`` for an empty entry, a ``..`` component, a path that leads out of
    the root (absolute outside it, or through a symbolic link), a missing path, or a file."""
    text = entered.strip()
    if not text:
        raise FolderRefused("aucun dossier indiqué.")
    if ".." in PurePath(text).parts:
        raise FolderRefused(f"« {text} » : les composants « .. » ne sont pas permis.")
    base = check_root(root)
    candidate = Path(text)
    target = (candidate if candidate.is_absolute() else base / candidate).resolve()
    if not target.is_relative_to(base):
        raise FolderRefused(
            f"« {text} » : en dehors du dossier des corpus ; seuls ses sous-dossiers sont "
            "lisibles."
        )
    if not target.exists():
        raise FolderRefused(f"« {text} » : dossier introuvable dans le dossier des corpus.")
    if not target.is_dir():
        raise FolderRefused(f"« {text} » : c'est un fichier, pas un dossier.")
    return target


def links_leaving(folder: Path, root: str | os.PathLike[str]) -> list[Path]:
    """Files under ``folder`` (hidden ones included) that are symbolic links resolving
    outside ``root``: the corpus reader must skip them. Links to folders are not followed
    by the reader, so only files are listed."""
    base = Path(root).expanduser().resolve()
    return [path for path in _files(folder) if not path.resolve().is_relative_to(base)]


def _files(folder: Path) -> Iterator[Path]:
    for parent, _dirs, names in os.walk(folder):
        for name in names:
            path = Path(parent) / name
            if path.is_symlink():
                yield path
