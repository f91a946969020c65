"""A quicker :func:`dataclasses.replace` for :class:`~factcheck.models.Mention`.

The readers copy a mention several times per figure (span, unit, interval); the generic
``dataclasses.replace`` looks the fields up again on every call, and the frozen dataclass's
``__init__`` sets each field through ``object.__setattr__``: together about a tenth of
extraction. This one knows the fields' slots once and fills a new object through them; the
copy it makes is the same (``Mention`` has no ``__post_init__`` to run).
"""

from __future__ import annotations

from dataclasses import fields

from factcheck.models import Mention

_FIELDS = tuple(f.name for f in fields(Mention) if f.init)
# The slot descriptors of the fields: reading and writing them directly skips the frozen
# dataclass's ``__setattr__`` guard, as its own ``__init__`` does.
_SLOTS = tuple((name, getattr(Mention, name).__get__, getattr(Mention, name).__set__)
               for name in _FIELDS)
_new = object.__new__
_NAMES = frozenset(_FIELDS)


def replace(mention: Mention, /, **changes: object) -> Mention:
    """``mention`` with ``changes``, as :func:`dataclasses.replace` makes it."""
    if not _NAMES.issuperset(changes):
        raise TypeError(f"Mention has no field {sorted(changes.keys() - _NAMES)[0]!r}")
    copy = _new(Mention)
    for name, get, put in _SLOTS:
        put(copy, changes[name] if name in changes else get(mention))
    return copy
