"""Package-level promises: cheap import, one version, documented commands."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

import kharkivmap
from kharkivmap.cli import cli

HEAVY = ("folium", "pandas", "shapely", "geopy", "click", "rapidfuzz", "trafilatura")


def test_import_is_cheap_and_does_no_io() -> None:
    code = (
        "import sys, builtins\n"
        "opened = []\n"
        "real_open = builtins.open\n"
        "builtins.open = lambda *a, **k: (opened.append(a[0]), real_open(*a, **k))[1]\n"
        "import kharkivmap\n"
        f"heavy = [m for m in {HEAVY!r} if m in sys.modules]\n"
        "print(heavy, opened)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[] []"


def test_lazy_attribute_errors_are_plain() -> None:
    with pytest.raises(AttributeError):
        kharkivmap.no_such_thing  # noqa: B018


def test_version_has_one_source() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"kharkivmap, version {kharkivmap.__version__}"


def test_python_dash_m_runs_the_cli() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "kharkivmap", "--help"], capture_output=True, text=True, check=True
    )
    assert out.stdout.startswith("Usage: kharkivmap")


def _commands(group=cli, prefix=()):
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from _commands(command, (*prefix, name))
        else:
            yield " ".join((*prefix, name)), command


@pytest.mark.parametrize("name,command", sorted(_commands(cli), key=lambda pair: pair[0]))
def test_every_command_is_documented_with_an_example(name: str, command) -> None:
    assert command.help, f"{name} has no help text"
    assert "\b" in command.help and "kharkivmap " in command.help, f"{name} lacks an example"
    result = CliRunner().invoke(cli, [*name.split(), "-h"])
    assert result.exit_code == 0


def test_reading_modules_are_compiled_where_required() -> None:
    """Where the build is known to have a C compiler (CI), the installed package must be the
    compiled one that setup.py builds, so the tests exercise what users run."""
    if not os.environ.get("KHARKIVMAP_REQUIRE_COMPILED"):
        pytest.skip("set KHARKIVMAP_REQUIRE_COMPILED=1 to require the compiled build")
    import kharkivmap.mentions
    import kharkivmap.parser
    import kharkivmap.sentences

    for module in (kharkivmap.parser, kharkivmap.mentions, kharkivmap.sentences):
        assert module.__file__ is not None
        assert not module.__file__.endswith(".py"), module.__file__
