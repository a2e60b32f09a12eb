"""Language profiles: validated data, detection, normalisation, dates and figures per language,
and no language knowledge left in the code."""

from __future__ import annotations

import ast
import io
import re
import tokenize
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
        ("The Mission has evaluated its units and the results of the review are in this letter.", "en"),
        ("La Mission a évalué ses unités et les résultats de cet examen sont dans la lettre.", "fr"),
        ("La Misión evaluó a sus unidades y los resultados del examen figuran en esta carta.", "es"),
        ("Миссия провела оценку своих подразделений, и результаты приводятся в этом письме.", "ru"),
        ("أجرت البعثة تقييما لوحداتها وترد نتائج هذا الاستعراض في هذه الرسالة.", "ar"),
        ("A Missão avaliou as suas unidades e os resultados da análise estão nesta carta.", "pt"),
        ("La Missione ha valutato le sue unità e i risultati della revisione sono nella lettera.", "it"),
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


def _code_strings(path: Path) -> list[tuple[int, str]]:
    """String literals and names of a module, without its docstrings and comments."""
    source = path.read_text(encoding="utf-8")
    docstrings = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(body[0].lineno)
    out = []
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type in (tokenize.STRING, tokenize.NAME) and tok.start[0] not in docstrings:
            out.append((tok.start[0], tok.string))
    return out


def test_no_language_words_in_the_code():
    """Han, Cyrillic and Arabic letters, and month names of any profile, live only in data."""
    scripts = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u0400-\u04ff\u0600-\u06ff]")
    months = {
        form.lower()
        for p in profiles().values()
        for names in p.dates.months
        for form in names
        if len(form) >= 4 and form.isalpha()
    }
    word = re.compile(r"[^\W\d_]+")
    found = []
    for path in sorted((ROOT / "mandate").rglob("*.py")):
        for line, text in _code_strings(path):
            if scripts.search(text):
                found.append(f"{path.relative_to(ROOT)}:{line}: {text[:40]}")
            hits = {w.lower() for w in word.findall(text)} & months
            if hits:
                found.append(f"{path.relative_to(ROOT)}:{line}: month {sorted(hits)}")
    assert not found, "\n".join(found)


def test_the_grep_test_can_fail(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text('"""Doc 安全."""\nX = "其余"\nY = "january"\n', encoding="utf-8")
    strings = [s for _, s in _code_strings(bad)]
    assert '"其余"' in strings and '"january"' in strings
    assert not any("安全" in s for s in strings)


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
