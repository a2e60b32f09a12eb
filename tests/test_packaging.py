"""A plain (non-editable) install carries the rules and the report templates."""

import subprocess
import sys
import zipfile
from pathlib import Path

from lettercraft import ROOT


def test_wheel_ships_rules_and_reports(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(Path(tmp_path).glob("mandate-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in [
        "mandate/_data/rules/2480.yaml",
        "mandate/_data/rules/languages/zh.yaml",
        "mandate/_data/rules/languages/ar.yaml",
        "mandate/_data/rules/2531.yaml",
        "mandate/_data/rules/authoring/drafting.yaml",
        "mandate/_data/letters/corpus/2531-2020-12-headed.en.txt",
        "mandate/_data/reports/report.html.j2",
        "mandate/_data/reports/report.css",
        "mandate/_data/rules/messages/zh.yaml",
        "mandate/_data/rules/messages/ar.yaml",
        "mandate/cli.py",
    ]:
        assert needed in names, needed
