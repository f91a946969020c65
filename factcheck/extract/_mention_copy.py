"""A quicker :func:`dataclasses.replace` for :class:`~factcheck.models.Mention`.

The readers copy a mention several times per figure (span, unit, interval); the generic
``dataclasses.replace`` looks the fields up again on every call, which cost about a tenth of
extraction. This one knows them once; the copy it makes is the same.
"""

from __future__ import annotations

from dataclasses import fields

from factcheck.models import Mention

_FIELDS = tuple(f.name for f in fields(Mention) if f.init)


def replace(mention: Mention, /, **changes: object) -> Mention:
    """``mention`` with ``changes``, as :func:`dataclasses.replace` makes it."""
    for name in _FIELDS:
        if name not in changes:
            changes[name] = getattr(mention, name)
    return Mention(**changes)  # type: ignore[arg-type]
