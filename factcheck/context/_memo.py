"""A small memo for the rules that read a sentence's tokens several times, once per figure
(the "selon" phrases of a sentence, its places): the answer of the sentence's first figure
is kept for the others. Entries are keyed by the identity of the token tuple (a parsed
sentence's tokens are one immutable tuple, shared by its figures; hashing it whole would
cost what the rule does) and by the other arguments, and hold the tuple itself, so that its
identity cannot be reused by another while the entry lives. Private to
``factcheck.context``."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from factcheck.context.nlp import Tok

T = TypeVar("T")

#: Entries kept before the memo is emptied: the figures of a sentence are read together,
#: so a few sentences' worth suffices.
_SIZE = 64


class TokensMemo(Generic[T]):
    """``get(toks, key, compute)``: ``compute()`` once per (tuple ``toks``, ``key``)."""

    __slots__ = ("_entries",)

    def __init__(self) -> None:
        self._entries: dict[tuple[int, Hashable], tuple[tuple[Tok, ...], T]] = {}

    def get(self, toks: tuple[Tok, ...], key: Hashable, compute: Callable[[], T]) -> T:
        slot = (id(toks), key)
        entry = self._entries.get(slot)
        if entry is not None and entry[0] is toks:
            return entry[1]
        value = compute()
        if len(self._entries) >= _SIZE:
            self._entries.clear()
        self._entries[slot] = (toks, value)
        return value

    def clear(self) -> None:
        self._entries.clear()
