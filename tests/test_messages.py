"""The message catalog: one file per language, every key and placeholder of the English reference,
plurals chosen by each language's CLDR rule, and no sentence written in the checker's code."""

import pytest

from mandate import messages
from mandate.messages import catalog, languages, placeholders, say

SIX = ["ar", "en", "es", "fr", "ru", "zh"]


def test_the_six_un_languages_have_a_catalog():
    assert set(SIX) <= set(languages())
    assert catalog("ar").dir == "rtl"
    assert all(catalog(code).dir == "ltr" for code in SIX if code != "ar")


@pytest.mark.parametrize("code", SIX)
def test_every_catalog_has_every_key_of_the_english_reference(code):
    reference = catalog("en").messages
    own = catalog(code).messages
    assert sorted(set(reference) - set(own)) == []
    assert sorted(set(own) - set(reference)) == []


def test_every_finding_and_reason_reads_in_every_language():
    """The parameters lint and assess hand on fill every language's placeholders."""
    from lettercraft import ROOT, SEED

    from mandate.assess import reason_text
    from mandate.pipeline import check

    letters = [SEED, *sorted((ROOT / "corpus" / "letters").glob("2480-*.txt"))]
    for letter in letters:
        result = check(letter, "2480")
        for f in result.findings:
            for code in SIX:
                assert say(code, f.code, **f.params)
        for v in result.assessment.verdicts:
            element = result.mandate.element(v.id)
            for code in SIX:
                assert reason_text(code, v.why, element)


def test_plurals_follow_each_language():
    assert say("en", "count.error", n=1) == "1 error"
    assert say("en", "count.error", n=5) == "5 errors"
    assert say("fr", "count.error", n=1) == "1 erreur"
    assert say("fr", "count.error", n=0) == "0 erreur"  # French: 0 and 1 are singular
    assert say("fr", "count.error", n=5) == "5 erreurs"
    assert say("ru", "count.error", n=1) == "1 ошибка"
    assert say("ru", "count.error", n=3) == "3 ошибки"
    assert say("ru", "count.error", n=5) == "5 ошибок"
    assert say("ru", "count.error", n=21) == "21 ошибка"
    assert say("zh", "count.error", n=5) == "5 个错误"


def test_lists_and_paragraph_references_in_each_language():
    assert messages.paragraphs("zh", [3]) == "第 3 段"
    assert messages.paragraphs("zh", [8, 9]) == "第 8、9 段"
    assert messages.paragraphs("en", [3]) == "paragraph 3"
    assert messages.paragraphs("en", [8, 9]) == "paragraphs 8, 9"
    assert messages.paragraphs("fr", [8, 9]) == "paragraphes 8, 9"
    assert messages.paragraphs("ar", [8, 9]) == "الفقرتان 8، 9"


def test_chinese_interface_uses_full_width_punctuation():
    for key, message in catalog("zh").messages.items():
        for text in [message] if isinstance(message, str) else message.values():
            stripped = text
            for name in placeholders(message):
                stripped = stripped.replace("{" + name + "}", "")
            # Half-width marks only inside document symbols and formulas (S/RES/NNNN (YYYY)).
            if "S/" in stripped or "=" in stripped:
                continue
            assert not any(c in stripped for c in ",:;()?!"), (key, text)


def test_a_language_without_a_catalog_falls_back_to_english():
    assert say("pt", "count.error", n=2) == "2 errors"


def test_a_broken_catalog_names_file_and_field(tmp_path, monkeypatch):
    (tmp_path / "xx.yaml").write_text(
        "kind: messages\nlang: xx\nname: X\nlocale: en\nmessages:\n  a: {one: '{n}'}\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(messages, "messages_dir", lambda: tmp_path)
    messages.catalog.cache_clear()
    try:
        with pytest.raises(messages.InputError, match=r"xx.yaml: field messages"):
            catalog("xx")
    finally:
        messages.catalog.cache_clear()
