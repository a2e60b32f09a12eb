"""The reader: any encoding, line endings, page-break hints; junk refused with one sentence."""

import pytest
from lettercraft import SEED

from mandate.errors import InputError
from mandate.read import decode, read, split_blocks

SEED_TEXT = SEED.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "encoding", ["gb18030", "gbk", "utf-16", "utf-16-le", "utf-8-sig", "utf-8"]
)
def test_the_seed_in_any_encoding_decodes_exactly(tmp_path, encoding):
    text = SEED_TEXT
    if encoding == "gbk":
        text = text.replace("\u00b7", "·")  # GBK has the middle dot; keep the text encodable
    path = tmp_path / f"seed.{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    source = read(path)
    assert "\n\n".join(b.text for b in source.blocks) == "\n\n".join(
        b.text for b in split_blocks(text)
    )
    assert len(source.sha256) == 64


def test_crlf_and_mixed_line_endings(tmp_path):
    path = tmp_path / "l.txt"
    path.write_bytes("标题\r\n\r\n第一段。\r\r第二段\n第二段续。\n".encode())
    texts = [b.text for b in read(path).blocks]
    assert texts == ["标题", "第一段。", "第二段第二段续。"]


def test_blocks_remember_blank_lines_and_form_feeds():
    blocks = split_blocks("A first paragraph\n\n\n\n\fcontinues here.\n\nNext.")
    assert [b.blank_before for b in blocks] == [0, 3, 1]
    assert blocks[1].page_break_before and not blocks[2].page_break_before
    assert blocks[1].line == 5


def test_wrapped_lines_join_without_spaces_in_chinese_and_with_in_english():
    assert split_blocks("马里稳定团\n继续运作。")[0].text == "马里稳定团继续运作。"
    assert (
        split_blocks("The Mission\ncontinued its work.")[0].text
        == "The Mission continued its work."
    )
    assert split_blocks("peace-\nkeeping and")[0].text == "peacekeeping and"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"   \n\t\n", "empty"),
        ("\u3000\n\u3000".encode(), "white space"),
        (bytes(range(256)) * 50, "not a text file"),
    ],
)
def test_unusable_bytes(data, words):
    with pytest.raises(InputError, match=words):
        decode(data, "x.txt")


def test_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("字" * 2000, encoding="utf-8")
    with pytest.raises(InputError, match="limit"):
        read(path, max_bytes=1000)


def test_permission_denied_is_one_sentence(tmp_path, monkeypatch):
    path = tmp_path / "l.txt"
    path.write_text("text", encoding="utf-8")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("mandate.files.os.open", refuse)  # the reader opens with os.open
    with pytest.raises(InputError, match="permission denied"):
        read(path)


def test_unsupported_containers_are_refused_clearly(tmp_path):
    path = tmp_path / "draft.odt"
    path.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(InputError, match="not supported"):
        read(path)
