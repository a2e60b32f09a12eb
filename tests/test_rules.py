"""The rule schema: bundled files are valid; a broken file names the file, the field, the reason."""

from pathlib import Path

import pytest
import yaml
from lettercraft import ELEMENTS_2480, FIXTURES, ROOT

from mandate.errors import InputError
from mandate.language import profiles
from mandate.rules import find_mandate, load_mandate, mandate_files


def _write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "m.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _base() -> dict:
    return yaml.safe_load((ROOT / "rules" / "2480.yaml").read_text(encoding="utf-8"))


def test_bundled_mandate_has_the_eight_contract_ids():
    mandate = find_mandate("2480")
    assert [e.id for e in mandate.elements] == ELEMENTS_2480
    assert mandate.resolution == "S/RES/2480 (2019)"
    assert set(mandate.languages) == {"zh", "en", "fr", "es", "ru", "ar"}
    for element in mandate.elements:
        assert set(element.cues) == set(mandate.languages), element.id


def test_every_bundled_file_validates():
    assert mandate_files()
    for path in mandate_files():
        load_mandate(path)
    assert set(profiles()) >= {"zh", "en", "fr", "es", "ru", "ar"}


def test_find_by_path_number_and_id():
    assert find_mandate(str(FIXTURES / "mandates" / "9001.yaml")).id == "water-schools"
    assert find_mandate("2480").number == 2480
    with pytest.raises(InputError, match="No rules file"):
        find_mandate("1234")


def test_unknown_field_is_an_error(tmp_path):
    data = _base()
    data["elements"][0]["cuez"] = {}
    with pytest.raises(InputError) as err:
        load_mandate(_write(tmp_path, data))
    assert "m.yaml" in str(err.value) and "elements.0.cuez" in str(err.value)


def test_wrong_type_names_the_field(tmp_path):
    data = _base()
    data["elements"][3]["cues"]["en"][0]["weight"] = "heavy"
    with pytest.raises(InputError, match=r"elements\.3\.cues\.en\.0\.weight"):
        load_mandate(_write(tmp_path, data))


def test_duplicate_element_ids(tmp_path):
    data = _base()
    data["elements"][1]["id"] = data["elements"][0]["id"]
    with pytest.raises(InputError, match=r"duplicate element ids: a\.security-challenges"):
        load_mandate(_write(tmp_path, data))


def test_context_reference_must_exist_in_the_language(tmp_path):
    data = _base()
    del data["contexts"]["mission"]["fr"]
    with pytest.raises(InputError, match="@mission has no 'fr' list"):
        load_mandate(_write(tmp_path, data))


def test_empty_term_and_thresholds_order(tmp_path):
    data = _base()
    data["elements"][0]["cues"]["zh"][0]["terms"].append("  ")
    with pytest.raises(InputError, match="a term is empty"):
        load_mandate(_write(tmp_path, data))
    data = _base()
    data["thresholds"]["mention"] = 9
    with pytest.raises(InputError, match="mention must not exceed substantive"):
        load_mandate(_write(tmp_path, data))


def test_yaml_syntax_error_names_the_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("kind: mandate\nid: [unclosed\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.yaml: line \d+ is not valid YAML"):
        load_mandate(path)


def test_missing_rules_file(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        find_mandate(str(tmp_path / "nope.yaml"))
