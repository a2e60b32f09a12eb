"""The shipped JSON Schemas are generated from the models, and real data validates against them."""

import datetime as dt
import json

import jsonschema
import yaml
from lettercraft import FIXTURES, ROOT, SEED

from mandate.pipeline import check
from mandate.render.json import render_json
from mandate.schemas import output_schema_text, rules_schema_text


def _plain(value):
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def test_shipped_schemas_are_in_sync_with_the_models():
    assert (ROOT / "schemas" / "rules.schema.json").read_text("utf-8") == rules_schema_text()
    assert (ROOT / "schemas" / "check-result.schema.json").read_text(
        "utf-8"
    ) == output_schema_text()


def test_rules_files_validate_against_the_rules_schema():
    schema = json.loads(rules_schema_text())
    for path in [ROOT / "rules" / "2480.yaml", FIXTURES / "mandates" / "9001.yaml"]:
        jsonschema.validate(_plain(yaml.safe_load(path.read_text("utf-8"))), schema)


def test_check_output_validates_against_the_output_schema(tmp_path):
    schema = json.loads(output_schema_text())
    jsonschema.validate(json.loads(render_json(check(SEED, "2480"))), schema)
    letter = tmp_path / "l.txt"
    letter.write_text("Title\n\nNothing here.\n", encoding="utf-8")
    jsonschema.validate(json.loads(render_json(check(letter, "2480"))), schema)
