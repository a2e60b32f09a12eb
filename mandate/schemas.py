"""JSON Schemas generated from the pydantic models: of rules files, and of the JSON output."""

from __future__ import annotations

import json

from mandate.models import CheckResult
from mandate.rules import Mandate


def rules_schema_text() -> str:
    """The schema a rules file validates against (editors use it for completion)."""
    schema = Mandate.model_json_schema(by_alias=True)
    schema["properties"].pop("source", None)
    schema["title"] = "mandate rules file"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def output_schema_text() -> str:
    """The schema of `mandate check --format json`."""
    schema = CheckResult.model_json_schema(mode="serialization")
    schema["title"] = "mandate check result"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
