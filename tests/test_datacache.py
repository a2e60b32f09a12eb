"""The data cache: parsed and validated data files kept between runs, never trusted blindly."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from mandate import datacache, language, messages
from mandate.errors import InputError
from mandate.rules import find_mandate, load_mandate, rules_dir


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(datacache.CACHE_ENV, str(folder))
    datacache.folder.cache_clear()
    yield folder
    datacache.folder.cache_clear()


def _builder(value):
    calls = []

    def build():
        calls.append(1)
        return value

    return build, calls


def test_a_value_is_built_once_then_read_back(cache_dir):
    value = {"a": [1, 2.5, "x", None, True], "when": dt.date(2020, 6, 1), "s": {1, 2}}
    build, calls = _builder(value)
    assert datacache.remember("k", build) == value
    assert datacache.remember("k", build) == value
    assert len(calls) == 1
    entries = list(cache_dir.glob("*.pickle"))
    assert len(entries) == 1
    assert entries[0].stat().st_mode & 0o077 == 0  # private to the user
    assert cache_dir.stat().st_mode & 0o077 == 0


def test_another_key_is_another_entry(cache_dir):
    build, calls = _builder([1])
    datacache.remember("one", build)
    datacache.remember("two", build)
    assert len(calls) == 2


class _Evil:
    def __reduce__(self):
        return (os.system, ("echo pwned",))


def test_an_entry_naming_any_other_class_is_never_loaded(cache_dir):
    build, calls = _builder({"fine": 1})
    datacache.remember("k", build)
    (entry,) = cache_dir.glob("*.pickle")
    entry.write_bytes(pickle.dumps({"x": _Evil()}))
    assert datacache.remember("k", build) == {"fine": 1}  # rebuilt, nothing run
    assert len(calls) == 2


def test_a_value_that_is_not_plain_data_is_not_kept(cache_dir):
    build, calls = _builder(Path("x"))
    datacache.remember("k", build)
    datacache.remember("k", build)
    assert len(calls) == 2
    assert not list(cache_dir.glob("*.pickle"))


def test_a_truncated_entry_is_rebuilt(cache_dir):
    build, calls = _builder(list(range(1000)))
    datacache.remember("k", build)
    (entry,) = cache_dir.glob("*.pickle")
    entry.write_bytes(entry.read_bytes()[:20])
    assert datacache.remember("k", build) == list(range(1000))
    assert len(calls) == 2


def test_a_failed_build_keeps_nothing(cache_dir):
    def build():
        raise ValueError("bad")

    with pytest.raises(ValueError):
        datacache.remember("k", build)
    assert not list(cache_dir.glob("*.pickle"))


def test_off_and_unsafe_folders_mean_no_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(datacache.CACHE_ENV, "off")
    datacache.folder.cache_clear()
    assert datacache.folder() is None
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o777)
    shared.chmod(0o777)  # writable by others: someone else could plant entries
    monkeypatch.setenv(datacache.CACHE_ENV, str(shared))
    datacache.folder.cache_clear()
    assert datacache.folder() is None
    build, calls = _builder(1)
    datacache.remember("k", build)
    datacache.remember("k", build)
    assert len(calls) == 2
    datacache.folder.cache_clear()


def test_old_entries_are_pruned(cache_dir, monkeypatch):
    monkeypatch.setattr(datacache, "_MAX_ENTRIES", 3)
    for i in range(6):
        datacache.remember(f"k{i}", lambda i=i: i)
    assert len(list(cache_dir.glob("*.pickle"))) == 3


def test_mandates_and_profiles_read_back_equal_what_was_validated(cache_dir):
    path = rules_dir() / "2480.yaml"
    first = load_mandate(path)
    again = load_mandate(path)
    assert again == first and again.model_dump() == first.model_dump()
    assert list(cache_dir.glob("*.pickle"))  # kept
    profile_path = rules_dir() / "languages" / "ar.yaml"
    assert language.load_profile(profile_path) == language.load_profile(profile_path)


def test_an_edited_rules_file_is_read_afresh(cache_dir, tmp_path):
    source = (rules_dir() / "2480.yaml").read_text(encoding="utf-8")
    copy = tmp_path / "2480.yaml"
    copy.write_text(source, encoding="utf-8")
    assert load_mandate(copy).year == 2019
    copy.write_text(source.replace("year: 2019", "year: 2018", 1), encoding="utf-8")
    assert load_mandate(copy).year == 2018
    copy.write_text(source.replace("kind: mandate", "kind: mandat", 1), encoding="utf-8")
    with pytest.raises(InputError, match="kind"):
        find_mandate(str(copy))


@pytest.mark.parametrize("locale", ["zh_Hans", "en_GB", "fr_FR", "es_ES", "ru_RU", "ar"])
def test_cached_plural_rules_choose_as_babel_does(cache_dir, locale):
    from babel import Locale

    messages._plural_rule.cache_clear()
    try:
        babel = Locale.parse(locale).plural_form
        for _ in range(2):  # built, then read back from the cache
            messages._plural_rule.cache_clear()
            ours = messages._plural_rule(locale)
            numbers = [*range(0, 2200), 1_000_000, 2_000_000, 0.5, 1.5, 2.25, Decimal("21.3")]
            assert [ours(n) for n in numbers] == [babel(n) for n in numbers]
    finally:
        messages._plural_rule.cache_clear()


def test_a_cold_check_reads_no_yaml_and_no_babel_locale(cache_dir, tmp_path):
    """With the cache filled, a JSON check imports neither PyYAML nor Babel's locale data.

    The report goes to a plain file: -o refuses a device such as /dev/null before any work, and
    a refused run parses nothing."""
    out = tmp_path / "seed.json"
    seed = Path(__file__).resolve().parent.parent / "examples" / "2480-letter-2020-06-01.zh.txt"
    code = (
        "import sys\n"
        "from mandate.cli import main\n"
        f"sys.argv = ['mandate', 'check', {str(seed)!r}, '-f', 'json', '-o', {str(out)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'yaml', 'babel'}))\n"
    )
    env = {**os.environ, datacache.CACHE_ENV: str(cache_dir)}
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert "'yaml'" in first.stdout  # the first run parses
    second = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    loaded = eval(second.stdout.strip().splitlines()[-1])  # a list of module names
    assert "yaml" not in loaded
    assert "babel.dates" not in loaded  # imported only when Babel unpickles a locale's data


def test_waivers_are_never_kept(cache_dir, tmp_path):
    """Waivers are the desk officer's own words: read each time, never copied into the cache."""
    from mandate.rules import load_yaml_file

    path = tmp_path / "letter.waivers.yaml"
    path.write_text(
        "waivers:\n  - {rule: placeholder, paragraph: 7, reason: Figures confirmed by DPO.}\n",
        encoding="utf-8",
    )
    assert load_yaml_file(path, "waivers file")["waivers"][0]["paragraph"] == 7
    for entry in cache_dir.glob("*.pickle") if cache_dir.exists() else []:
        assert b"Figures confirmed" not in entry.read_bytes()


def test_a_chinese_check_with_the_automaton_kept_needs_no_spacy(cache_dir):
    """The character automaton (and the term ids with it) is kept between runs: a Chinese check
    then never imports spaCy, and finds exactly what a matcher built with spaCy finds."""
    from lettercraft import SEED

    from mandate.match import ElementMatcher
    from mandate.pipeline import check
    from mandate.render.json import render_json

    probe = (
        "import sys; from pathlib import Path; from mandate.pipeline import check;"
        "from mandate.render.json import render_json;"
        f"sys.stdout.write(render_json(check(Path({str(SEED)!r}), '2480')));"
        "sys.stderr.write(str(any(m.split('.')[0] == 'spacy' for m in sys.modules)))"
    )
    env = {**os.environ, datacache.CACHE_ENV: str(cache_dir)}
    runs = [
        subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
        for _ in range(2)
    ]
    assert [r.stderr for r in runs] == ["True", "False"]  # built once with spaCy, then kept
    assert runs[0].stdout == runs[1].stdout == render_json(check(SEED, "2480"))
    fresh = ElementMatcher(find_mandate("2480"), "zh")
    fresh._spacy()  # ids from spaCy itself, then the automaton from the cache
    text = SEED.read_text(encoding="utf-8")
    assert list(fresh._found(text).items()) == list(
        ElementMatcher(find_mandate("2480"), "zh")._found(text).items()
    )
