"""The command line in-process: formats, outputs and exit codes."""

import json

from click.testing import CliRunner
from lettercraft import SEED

from mandate.cli import exit_code, main


def test_exit_code_levels():
    assert exit_code(True, [], "error") == 0
    assert exit_code(False, [], "never") == 1
    assert exit_code(True, ["warning"], "error") == 0
    assert exit_code(True, ["warning"], "warning") == 1
    assert exit_code(True, ["error"], "error") == 1
    assert exit_code(True, ["error"], "never") == 0
    assert exit_code(True, ["info"], "warning") == 0


def test_json_to_stdout_and_html_to_a_file(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["check", str(SEED), "--format", "json", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["ready"] is True
    out = tmp_path / "r.html"
    result = runner.invoke(main, ["check", str(SEED), "-f", "html", "-o", str(out)])
    assert result.exit_code == 1  # the seed's placeholders are error findings
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_seed_findings_fail_by_default(tmp_path):
    result = CliRunner().invoke(main, ["check", str(SEED), "--no-report"])
    assert result.exit_code == 1
    assert "READY" in result.stdout and "placeholder" in result.stdout


def test_unknown_option_is_a_usage_error():
    result = CliRunner().invoke(main, ["check", str(SEED), "--format", "pdf"])
    assert result.exit_code == 2
