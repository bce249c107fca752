"""Every usage error: exit 2, exactly one line on stderr, no traceback, nothing created."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from herstel.cli.exits import Exit
from herstel.cli.main import main

USAGE_ERRORS = [
    (["breathe", "--inhale", "99"], "--inhale must be 2–8 seconds in 0.5 s steps (got 99)"),
    (["breathe", "--inhale", "1.5"], "--inhale must be 2–8 seconds"),
    (["breathe", "--inhale", "4.25"], "in 0.5 s steps (got 4.25)"),
    (["breathe", "--inhale", "nan"], "--inhale must be 2–8 seconds"),
    (["breathe", "--inhale", "abc"], "--inhale must be a number of seconds (got 'abc')"),
    (["breathe", "--exhale", "13"], "--exhale must be 2–12 seconds"),
    (["breathe", "--hold-in", "-1"], "--hold-in must be 0–8 seconds"),
    (["breathe", "--hold-out", "9"], "--hold-out must be 0–8 seconds"),
    (["breathe", "--minutes", "0"], "--minutes must be a whole number from 1 to 20 (got 0)"),
    (["breathe", "--minutes", "21"], "--minutes must be a whole number from 1 to 20 (got 21)"),
    (["breathe", "--minutes", "2.5"], "--minutes must be a whole number"),
    (["breathe", "--breaths", "121"], "--breaths must be a whole number from 1 to 120"),
    (["breathe", "--breaths", "0"], "--breaths must be a whole number from 1 to 120"),
    (["breathe", "--minutes", "3", "--breaths", "4"], "cannot be used together"),
    (["breathe", "--pattern", "zz"], "--pattern must be a preset"),
    (["breathe", "--pattern", "9-6"], "--pattern '9-6': inhale must be 2–8 seconds"),
    (["breathe", "--pattern", "4-6-6-6-6"], "--pattern must be a preset"),
    (["breathe", "--pattern", "3+5-6"], "--pattern '3+5-6': the second breath in must be"),
    (["breathe", "--pattern", "3+0-6"], "the second breath in must be 0.5–2 seconds"),
    (["breathe", "--minutes"], "expected one argument"),
    (["breathe", "--frobnicate"], "unrecognized arguments"),
    (["frob"], "invalid choice"),
    (["--data-dir", ""], "--data-dir must not be empty"),
    (["--tray", "breathe"], "--tray cannot be combined"),
    (["about", "extra"], "unrecognized arguments"),
]


@pytest.mark.parametrize(("argv", "expected"), USAGE_ERRORS)
def test_usage_error_is_one_line_and_exit_2(
    argv: list[str],
    expected: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    full = [*argv, "--data-dir", str(data_dir)] if argv and argv[0] == "breathe" else argv
    code = main(full)
    out, err = capsys.readouterr()
    assert code == Exit.USAGE
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("herstel: ")
    assert expected in lines[0]
    assert not data_dir.exists()  # a rejected command creates nothing


def run_cli(
    *args: str, env_extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, **(env_extra or {}))
    return subprocess.run(
        [sys.executable, "-m", "herstel", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


@pytest.mark.parametrize(
    "argv",
    [["breathe", "--inhale", "99"], ["nonsense"], ["breathe", "--minutes", "3", "--breaths", "2"]],
)
def test_real_process_prints_no_traceback(argv: list[str]) -> None:
    result = run_cli(*argv)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_version_and_help_exit_zero() -> None:
    version = run_cli("--version")
    assert version.returncode == 0
    assert version.stdout.startswith("herstel ")
    helped = run_cli("breathe", "--help")
    assert helped.returncode == 0
    for option in ("--pattern", "--inhale", "--exhale", "--hold-in", "--hold-out", "--minutes"):
        assert option in helped.stdout


def test_about_names_licence_and_locations(tmp_path: Path) -> None:
    result = run_cli("about", "--data-dir", str(tmp_path / "d"))
    assert result.returncode == 0
    assert "GPL-3.0-or-later" in result.stdout
    assert str(tmp_path / "d") in result.stdout
    assert "PySide6" in result.stdout
    assert not (tmp_path / "d").exists()  # about only reports


def test_data_dir_from_environment_and_after_subcommand(tmp_path: Path) -> None:
    from_env = run_cli("about", env_extra={"HERSTEL_DATA_DIR": str(tmp_path / "env")})
    assert str(tmp_path / "env") in from_env.stdout
    after = run_cli(
        "about", "--data-dir", str(tmp_path / "cli"), env_extra={"HERSTEL_DATA_DIR": "/nope"}
    )
    assert str(tmp_path / "cli") in after.stdout


def test_messages_follow_the_dutch_locale() -> None:
    result = run_cli(
        "breathe",
        "--inhale",
        "99",
        env_extra={"LANG": "nl_NL.UTF-8", "LC_ALL": "nl_NL.UTF-8", "LANGUAGE": "nl"},
    )
    assert result.returncode == 2
    assert result.stderr.startswith("herstel: --inhale moet 2–8 seconden")


@pytest.mark.parametrize("value", ["0", "721", "x", "2.5"])
def test_remind_minutes_out_of_range_is_a_usage_error(
    value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["remind", value]) == Exit.USAGE
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "must be a whole number from 1 to 720" in err
