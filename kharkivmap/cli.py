"""The command-line interface: a thin client of the library.

Only this module imports click. Library errors (``KharkivmapError``) become a one-line
``Error: …`` and exit code 1; usage errors exit 2.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from kharkivmap import __version__
from kharkivmap.errors import KharkivmapError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}


class _Group(click.Group):
    """A group that reports library errors as ``Error: …`` instead of a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KharkivmapError as error:
            raise click.ClickException(str(error)) from None


@click.group(cls=_Group, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", prog_name="kharkivmap")
def cli() -> None:
    """Turn war reporting into maps of who claims to control which place, since when.

    \b
    kharkivmap places Izyum Kupiyansk Balaklia
    kharkivmap extract seeds -o claims.jsonl
    kharkivmap render seeds -o maps/kharkiv.html
    """


def gazetteer_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by every command that resolves place names."""
    fn = click.option(
        "--geocoder",
        type=click.Choice(["nominatim"]),
        default=None,
        help="Opt-in online fallback for names the gazetteer lacks (answers are cached and "
        "marked as online-sourced).",
    )(fn)
    fn = click.option(
        "--gazetteer",
        "gazetteer_files",
        multiple=True,
        type=click.Path(dir_okay=False),
        help="Extra gazetteer CSV that adds to or overrides the shipped one (repeatable).",
    )(fn)
    return fn


def load_gazetteer(gazetteer_files: tuple[str, ...], geocoder: str | None) -> Any:
    """Load the shipped gazetteer plus user files, with the optional online fallback."""
    from kharkivmap.gazetteer import Gazetteer

    return Gazetteer.load(extra=gazetteer_files, geocoder=geocoder)


# --- commands ---------------------------------------------------------------------------------


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="kharkivmap")
