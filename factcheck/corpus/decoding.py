"""Bytes to text for corpus files: UTF-8 (with or without BOM) first, Western single-byte
encodings (cp1252, latin-1) as French newsroom exports use them, then a statistical guess.

The order matters. ``charset-normalizer`` alone mistakes short French cp1252 text for cp1250,
EBCDIC or Big5, so cp1252 is taken whenever it decodes the bytes into plausible Western text;
the guess is only consulted for text that is clearly in another script (Cyrillic, Greek,
CJK...).
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable
from dataclasses import dataclass

import charset_normalizer
import regex

#: Byte-order marks of encodings whose text contains NUL bytes, tested longest first.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters that do not occur in text (tab, line feed, form feed and carriage
# return excluded). Above this share of the text, the file is taken as binary.
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01

# In Western text most letters are ASCII; in Cyrillic or Greek read as cp1252 almost none
# are. Below this many letters there is too little evidence to doubt cp1252.
_MAX_NON_ASCII_LETTER_SHARE = 0.3
_MIN_LETTERS_FOR_DOUBT = 12
_SAMPLE_CHARS = 1_000_000

# Labels a web page may declare that browsers read as windows-1252 (WHATWG Encoding
# standard): the bytes 0x80-0x9F are ’, œ, € and friends, not control characters.
_CP1252_LABELS = frozenset({"ascii", "us-ascii", "iso-8859-1", "iso8859-1", "latin1",
                            "latin-1", "l1", "windows-1252", "cp1252", "x-cp1252"})

_SURROGATE_BYTE = regex.compile(r"[\udc80-\udcff]")

#: Signatures of the binary files most often dropped in a corpus folder by mistake, so the
#: message says what the file is ("binary file (PDF document)"); an uncompressed PDF is
#: plain ASCII and would otherwise be read as an article of PDF syntax.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"{\\rtf", "RTF document"),
)


class UndecodableInput(ValueError):
    """The bytes are not text (binary data, unknown encoding). ``reason`` says why."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Decoded:
    """The text of a file, and what was wrong with its bytes when it could still be read
    (``note``: "2 bytes not valid UTF-8 (first at byte 19), read as cp1252")."""

    text: str
    note: str | None = None


def read_text_bytes(data: bytes, name: str, *, declared: str | None = None) -> str:
    """Decode the bytes of a text file named ``name``; raise ``UndecodableInput`` if they are
    not text. ``declared`` is the encoding the file names itself (an HTML ``<meta charset>``),
    used when the bytes are not UTF-8. The result is not normalised (see
    ``factcheck.text.normalize``)."""
    return decode_text_bytes(data, name, declared=declared).text


def decode_text_bytes(data: bytes, name: str, *, declared: str | None = None) -> Decoded:
    """``read_text_bytes`` with a note on the bytes that were not valid in the encoding the
    file is read in (a UTF-8 file holding a few stray bytes)."""
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise UndecodableInput(name, f"binary file ({kind}), not text")
    decoded = _decode(data, name, declared)
    controls = len(_CONTROL.findall(decoded.text))
    if controls and controls > _MAX_CONTROL_SHARE * len(decoded.text):
        raise UndecodableInput(name, "binary file (control characters)")
    return decoded


_HEAD_BYTES = max(len(s) for s, _ in _SIGNATURES + _BOMS)


def plain_utf8(blocks: Iterable[bytes]) -> bool:
    """Whether the bytes given block by block are text that ``decode_text_bytes`` reads as
    UTF-8 as they are, with nothing to say (no binary signature, no UTF-16 or UTF-32 mark,
    no NUL byte, no invalid byte, few control characters) and some visible text: such a file
    can be decoded as it is read instead of whole. ``False`` asks for the whole-file path,
    which reads or refuses the other files."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    chars = controls = 0
    visible = False
    head = b""  # the first bytes, for the signatures of binary files and byte-order marks
    marks = tuple(s for s, _ in _SIGNATURES + _BOMS)
    try:
        for block in blocks:
            if len(head) < _HEAD_BYTES:
                head += block[:_HEAD_BYTES]
                if head.startswith(marks):
                    return False
            if b"\x00" in block:
                return False
            text = decoder.decode(block)
            chars += len(text)
            controls += len(_CONTROL.findall(text))
            visible = visible or bool(text.strip())
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return visible and not (controls and controls > _MAX_CONTROL_SHARE * chars)


def _decode(data: bytes, name: str, declared: str | None) -> Decoded:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding))
            except UnicodeDecodeError:
                raise UndecodableInput(name, f"invalid {encoding.upper()} text") from None
    if b"\x00" in data:
        raise UndecodableInput(name, "binary file (NUL bytes)")
    try:
        return Decoded(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    mixed = _mostly_utf8(data)
    if mixed is not None:
        return mixed
    from_declaration = _declared(data, declared)
    if from_declaration is not None:
        return Decoded(from_declaration)
    western = _western(data)
    if _looks_western(western):
        return Decoded(western)
    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        return Decoded(str(best))
    return Decoded(western)


def _western(data: bytes) -> str:
    """cp1252, a superset of latin-1's printable characters (’, œ, € and « » included); the
    five bytes cp1252 leaves undefined are read as latin-1 (their C1 control), as browsers
    do (WHATWG windows-1252)."""
    return data.decode("cp1252", errors="latin1_fallback")


def _latin1_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error("latin1_fallback", _latin1_fallback)


def _declared(data: bytes, declared: str | None) -> str | None:
    if not declared:
        return None
    label = declared.strip().lower()
    if label.startswith(("utf-16", "utf-32", "utf16", "utf32")):
        return None  # a page read as bytes cannot be UTF-16 without a BOM (WHATWG)
    encoding = "cp1252" if label in _CP1252_LABELS else label
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None  # unknown or wrong declaration: fall back to the bytes themselves


def _looks_western(text: str) -> bool:
    sample = text[:_SAMPLE_CHARS]
    letters = sum(1 for c in sample if c.isalpha())
    if letters < _MIN_LETTERS_FOR_DOUBT:
        return True
    non_ascii = sum(1 for c in sample if c.isalpha() and not c.isascii())
    return non_ascii <= _MAX_NON_ASCII_LETTER_SHARE * letters


def _mostly_utf8(data: bytes) -> Decoded | None:
    """Decode a UTF-8 file holding a few stray cp1252 bytes (a paragraph pasted from another
    export, a truncated character): each stray byte becomes one cp1252 character, and the
    note says how many there were. None if UTF-8 does not dominate."""
    text = data.decode("utf-8", "surrogateescape")
    stray = len(_SURROGATE_BYTE.findall(text))
    valid = sum(1 for c in text if ord(c) > 0x7F) - stray
    if valid <= stray:
        return None
    match = _SURROGATE_BYTE.search(text)
    if match is None:
        return Decoded(text)
    first = len(text[: match.start()].encode("utf-8", "surrogateescape"))
    bytes_word = "byte" if stray == 1 else "bytes"
    note = f"{stray} {bytes_word} not valid UTF-8 (first at byte {first}), read as cp1252"
    return Decoded(_SURROGATE_BYTE.sub(_stray_byte_as_cp1252, text), note)


def _stray_byte_as_cp1252(match: regex.Match[str]) -> str:
    byte = bytes([ord(match.group()) - 0xDC00])
    try:
        return byte.decode("cp1252")
    except UnicodeDecodeError:
        return byte.decode("latin-1")
