"""Run the W3C Nu HTML Checker (npm package vnu-jar) over a folder."""

import shutil
import subprocess
from pathlib import Path

VNU_JAR = Path(__file__).resolve().parent.parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def nu_checker_errors(folder: Path) -> list[str]:
    """Every error the checker reports for the HTML files below `folder` (empty list: valid)."""
    java = shutil.which("java")
    if java is None or not VNU_JAR.exists():
        raise RuntimeError("Der Nu HTML Checker braucht Java und node_modules/vnu-jar: bitte ./dev test ausführen.")
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--skip-non-html", "--format", "gnu", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    if result.returncode != 0 and not lines:
        lines = [f"vnu.jar endete mit Code {result.returncode} ohne Meldung"]
    return lines
