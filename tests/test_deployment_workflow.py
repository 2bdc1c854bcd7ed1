"""The GitHub Pages workflow, checked offline: valid against GitHub's schema and doing what the README promises."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def validate(path: Path) -> subprocess.CompletedProcess:
    """Check a workflow file against the GitHub workflow schema vendored in check-jsonschema (no network)."""
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def load(path: Path):
    """The workflow as YAML 1.2, where `on` stays a string key (PyYAML would read it as True)."""
    return YAML().load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def workflow():
    """The parsed pages.yml, read once for this module."""
    return load(WORKFLOW)


def run_steps(job) -> list[str]:
    """The shell commands of a job's `run:` steps, in order."""
    return [step["run"].strip() for step in job["steps"] if "run" in step]


def readme_test_command() -> str:
    """The test command as the README names it ("`./dev test` is the test command")."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"`([^`]+)` is the test command", readme)
    assert found, "README.md no longer names its test command"
    return found.group(1)


def test_the_pages_workflow_is_valid_against_the_github_workflow_schema():
    """The workflow passes check-jsonschema's vendored GitHub workflow schema."""
    result = validate(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_validator_rejects_a_workflow_whose_job_lacks_runs_on(tmp_path):
    """A copy without `runs-on` in the deploy job fails, so the schema check really checks."""
    yaml = YAML()
    unchanged = tmp_path / "unchanged.yml"
    yaml.dump(load(WORKFLOW), unchanged)
    assert validate(unchanged).returncode == 0, "the copy fails for another reason than the removed key"

    broken_workflow = load(WORKFLOW)
    del broken_workflow["jobs"]["deploy"]["runs-on"]
    broken = tmp_path / "broken.yml"
    yaml.dump(broken_workflow, broken)
    result = validate(broken)
    assert result.returncode != 0
    assert "'runs-on' is a required property" in result.stdout, result.stdout + result.stderr


def test_the_workflow_also_runs_daily_so_embargoed_articles_go_out_by_themselves(workflow):
    """A schedule trigger with a cron line exists next to push and manual runs."""
    triggers = workflow["on"]
    assert {"push", "workflow_dispatch", "schedule"} <= set(triggers)
    assert [entry["cron"] for entry in triggers["schedule"]], "schedule without a cron line"


def test_the_build_job_runs_the_readme_test_command_then_publish(workflow):
    """The build job runs exactly the README's test command, and `invoke publish` only after it."""
    command = readme_test_command()
    assert command == "./dev test"
    commands = run_steps(workflow["jobs"]["build"])
    assert command in commands, commands
    publish = next(i for i, line in enumerate(commands) if re.search(r"\binvoke publish$", line))
    assert commands.index(command) < publish


def test_the_deploy_job_deploys_the_build_with_deploy_pages(workflow):
    """The deploy job waits for build and uses actions/deploy-pages."""
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    uses = [step.get("uses", "") for step in deploy["steps"]]
    assert any(action.startswith("actions/deploy-pages@") for action in uses), uses


def test_the_uploaded_pages_artifact_is_the_output_folder(workflow):
    """upload-pages-artifact uploads output/, where `invoke publish` puts the site."""
    steps = workflow["jobs"]["build"]["steps"]
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "output"
