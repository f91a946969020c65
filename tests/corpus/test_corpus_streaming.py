"""A CSV or JSON Lines file in plain UTF-8 is decoded as it is read, not whole: the articles
and problems are those of the whole-file reading (the path every other file takes, and an
upload), whatever the delimiter, line ends, byte-order mark or quoted line breaks."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.corpus import articles_from_upload, read_corpus
from factcheck.corpus.decoding import plain_utf8

TEXT = "Selon l'ONU, 46 drones ont été abattus ; « 12,5 % » des foyers touchés."

CASES = {
    "virgules.csv": f'id,published,text\r\nd1,2024-12-09,"{TEXT}"\r\nd2,,"Deux lignes\r\n'
                    f'dans une cellule : 17 drones."\r\n'.encode(),
    "points-virgules.csv": f"\ufeffid;text;source\nd1;{TEXT};AFP\nd2;Bilan : 300 morts\n"
                           "d3;;Reuters\nd1;Même id, autre texte : 5 %;AFP\n".encode(),
    "mal-forme.csv": f'id,text\nd1,"{TEXT}"\nd2,"ouvert\n'.encode(),
    "sans-texte.csv": b"id,titre\nd1,Rien\n",
    "lignes.jsonl": (f'{{"id": "d1", "text": "{TEXT}"}}\n\n{{"id": "d2", "text": 3}}\n'
                     '{"id": "d3", "text": "Bilan : 8 blessés.", "published": "hier"}\n'
                     "pas du JSON\n[1, 2]\n"
                     '{"id": "d1", "text": "Même id : 9 morts."}').encode(),
    "crlf.jsonl": f'{{"id": "d1", "text": "{TEXT}"}}\r\n{{"id": "d2"}}\r\n'.encode(),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_table_read_as_a_stream_reads_as_a_whole_file(tmp_path: Path, name: str) -> None:
    data = CASES[name]
    assert plain_utf8([data[:7], data[7:]])  # the streamed path is the one taken
    path = tmp_path / name
    path.write_bytes(data)
    streamed = read_corpus([path])
    whole = articles_from_upload(str(path), data)
    assert streamed.articles == whole.articles
    assert streamed.errors == whole.errors
    assert streamed.articles or streamed.errors


@pytest.mark.parametrize(("data", "plain"), [
    (b"id,text\nd1,caf\xc3\xa9 \xe2\x80\x99\n", True),
    (b"\xef\xbb\xbfid,text\nd1,ok\n", True),
    (b"id,text\nd1,caf\xe9\n", False),  # cp1252: read whole, decoded as such
    (b"\xff\xfei\x00d\x00", False),  # UTF-16: read whole
    (b"id,text\nd1,a\x00b\n", False),  # NUL: refused by the whole-file path
    (b"%PDF-1.4\n", False),
    (b"  \n\t\n", False),  # blank: "empty file"
    (b"id,text\n" + b"\x01" * 50, False),  # control characters: binary
])
def test_only_plain_utf8_is_streamed(data: bytes, plain: bool) -> None:
    assert plain_utf8([data[i : i + 3] for i in range(0, len(data), 3)]) is plain


def test_a_cp1252_table_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes("id,text\nd1,Le coût atteint 40 € par foyer.\n".encode("cp1252"))
    (article,) = read_corpus([path]).articles
    assert article.text == "Le coût atteint 40 € par foyer."
