"""Language profiles: validated data, detection, normalisation, dates and figures per language,
and no language knowledge left in the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from lettercraft import FIXTURES, ROOT

from mandate import language
from mandate.errors import InputError
from mandate.language import detect, normalise, profiles
from mandate.lint.base import find_dates

SIX = {"zh", "en", "fr", "es", "ru", "ar"}


@pytest.fixture
def languages_dir(tmp_path, monkeypatch):
    """An extra profiles folder (MANDATE_LANGUAGES), caches reset before and after."""
    monkeypatch.setenv(language.LANGUAGES_ENV, str(tmp_path))
    language.reset()
    yield tmp_path
    monkeypatch.delenv(language.LANGUAGES_ENV)
    language.reset()


def test_six_bundled_profiles_validate():
    assert set(profiles()) >= SIX
    for code in SIX:
        p = language.profile(code)
        assert p.code == code and p.english_name
        assert len(language.patterns(code).dates) >= 1


def test_a_broken_profile_names_file_and_field(languages_dir):
    data = yaml.safe_load((ROOT / "rules" / "languages" / "en.yaml").read_text(encoding="utf-8"))
    data["arithmetic"]["remainder"] = "the (remaining"
    (languages_dir / "en.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(InputError) as err:
        profiles()
    assert "en.yaml" in str(err.value) and "arithmetic.remainder" in str(err.value)


def test_a_misspelt_key_is_an_error(languages_dir):
    data = yaml.safe_load((ROOT / "rules" / "languages" / "fr.yaml").read_text(encoding="utf-8"))
    data["dates"]["monthz"] = data["dates"].pop("months")
    (languages_dir / "fr.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(InputError, match=r"fr\.yaml: field dates\.monthz"):
        profiles()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("秘书长给安全理事会主席的信。安理会在该决议中要求我提交一封信函。", "zh"),
        (
            "The Mission has evaluated its units and the results of the review are in this letter.",
            "en",
        ),
        (
            "La Mission a évalué ses unités et les résultats de cet examen sont dans la lettre.",
            "fr",
        ),
        (
            "La Misión evaluó a sus unidades y los resultados del examen figuran en esta carta.",
            "es",
        ),
        ("Миссия провела оценку своих подразделений, и результаты приводятся в этом письме.", "ru"),
        ("أجرت البعثة تقييما لوحداتها وترد نتائج هذا الاستعراض في هذه الرسالة.", "ar"),
        ("A Missão avaliou as suas unidades e os resultados da análise estão nesta carta.", "pt"),
        (
            "La Missione ha valutato le sue unità e i risultati della revisione sono nella lettera.",
            "it",
        ),
        ("Die Mission hat ihre Einheiten bewertet und die Ergebnisse sind in diesem Brief.", "de"),
    ],
)
def test_detection_by_script_then_stopwords(text, code):
    assert detect(text) == code


def test_names_and_symbols_in_latin_do_not_make_a_letter_latin():
    text = "وفقا للقرار S/RES/2480 (2019) وبعثة MINUSMA في مالي، قدمت البعثة تقريرها إلى المجلس."
    assert detect(text) == "ar"


@pytest.mark.parametrize(
    ("code", "forms"),
    [
        ("en", ["rotation", "rotations", "Rotations"]),
        ("fr", ["opération", "opérations"]),
        ("es", ["rotación", "rotaciones"]),
        ("ru", ["ротация", "ротации", "ротаций", "ротацию", "ротациями"]),
        ("ar", ["العمليات", "عمليات", "والعمليات", "بالعمليات", "عمليّات", "عمليـات"]),
        ("ar", ["البعثة", "بعثة", "البعثه"]),
        ("ar", ["إقليم", "أقليم", "اقليم"]),
        ("ar", ["أداء", "الأداء", "أداؤها", "أدائها", "أداءها", "أدائه"]),  # hamza seat = case
    ],
)
def test_word_forms_normalise_to_one(code, forms):
    assert len({normalise(f, code) for f in forms}) == 1, [normalise(f, code) for f in forms]


def test_normalisation_keeps_different_words_apart():
    assert normalise("rotation", "en") != normalise("relief", "en")
    assert normalise("ротация", "ru") != normalise("контингент", "ru")


@pytest.mark.parametrize(
    ("code", "text", "iso"),
    [
        ("zh", "2020年6月1日", "2020-06-01"),
        ("en", "1 June 2020", "2020-06-01"),
        ("fr", "1er juin 2020", "2020-06-01"),
        ("es", "1 de junio de 2020", "2020-06-01"),
        ("ru", "1 июня 2020 года", "2020-06-01"),
        ("ar", "1 حزيران/يونيه 2020", "2020-06-01"),
        ("ar", "٢٣ كانون الأول/ديسمبر ٢٠١٩", "2019-12-23"),
        ("ar", "۲۳ ديسمبر ۲۰۱۹", "2019-12-23"),
    ],
)
def test_dates_in_each_language_and_digit_script(code, text, iso):
    dates = find_dates(f"x {text} x", code)
    assert [d.isoformat() for d, _, _ in dates] == [iso]


# Han, CJK and full-width punctuation, Cyrillic, Arabic (letters, digits and punctuation).
_SCRIPTS = re.compile(
    r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u0400-\u04ff\u0600-\u06ff]"
)


def _language_words(path: Path, months: set[str]) -> list[str]:
    """Lines of a module (code, strings, comments and docstrings alike) that hold another script's
    text or a month name: examples in comments belong in the profiles' documentation too."""
    word = re.compile(r"[^\W\d_]+")
    found = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if _SCRIPTS.search(line):
            found.append(f"{path.name}:{n}: {line.strip()[:60]}")
        hits = {w.lower() for w in word.findall(line)} & months
        if hits:
            found.append(f"{path.name}:{n}: month {sorted(hits)}")
    return found


def _months() -> set[str]:
    return {
        form.lower()
        for p in profiles().values()
        for names in p.dates.months
        for form in names
        if len(form) >= 4 and form.isalpha()
    }


def test_no_language_words_in_the_code():
    """Other scripts' text and month names of any profile live only in data, not in mandate/."""
    months = _months()
    found = [
        f
        for path in sorted((ROOT / "mandate").rglob("*.py"))
        for f in _language_words(path, months)
    ]
    assert not found, "\n".join(found)


def test_the_grep_test_can_fail(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text(
        '"""Doc 安全."""\nX = "x"  # ；\nY = "january"\nZ = "ротация"\n', encoding="utf-8"
    )
    found = _language_words(bad, _months())
    assert [f.split(":")[1] for f in found] == ["1", "2", "3", "4"]


def test_seventh_language_profile_loads_from_an_extra_folder(monkeypatch):
    monkeypatch.setenv(language.LANGUAGES_ENV, str(FIXTURES / "languages"))
    language.reset()
    try:
        assert "pt" in profiles() and "pt" not in language.recognised()
        assert normalise("poços", "pt") == normalise("poço", "pt")
        assert [d.isoformat() for d, _, _ in find_dates("15 de dezembro de 2031", "pt")] == [
            "2031-12-15"
        ]
    finally:
        monkeypatch.delenv(language.LANGUAGES_ENV)
        language.reset()
    assert "pt" not in profiles() and "pt" in language.recognised()
