"""The command line in-process: formats, outputs and exit codes."""

import json

from click.testing import CliRunner
from lettercraft import SEED

from mandate.cli import exit_code, main


def test_exit_code_follows_readiness():
    assert exit_code(True) == 0
    assert exit_code(False) == 1


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


def test_colour_only_on_a_terminal(tmp_path):
    """Under a pseudo-terminal the summary is coloured; piped, it is plain (see the features)."""
    import os
    import pty
    import subprocess
    import sys
    from pathlib import Path

    cli = Path(sys.executable).with_name("mandate")
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [str(cli), "check", str(SEED), "--no-report", "--fail-on", "never"],
        stdout=follower,
        stderr=follower,
        cwd=tmp_path,
    )
    os.close(follower)
    output = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    proc.wait(timeout=60)
    os.close(leader)
    assert b"\x1b[" in output and b"READY" in output
