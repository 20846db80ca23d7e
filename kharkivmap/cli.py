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


@cli.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write claims to FILE (replaced atomically) instead of stdout.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "geojson"]),
    help="Output format (default: from -o's extension, else jsonl).",
)
@click.option(
    "--all-mentions", is_flag=True, help="Also write place mentions without a control claim."
)
@click.option(
    "--strict", is_flag=True, help="Exit 1 if any input was skipped, leaving -o FILE untouched."
)
@gazetteer_options
@click.option("-q", "--quiet", is_flag=True, help="No warnings or summary on stderr.")
def extract_command(
    paths: tuple[str, ...],
    output: str | None,
    fmt: str | None,
    all_mentions: bool,
    strict: bool,
    gazetteer_files: tuple[str, ...],
    geocoder: str | None,
    quiet: bool,
) -> None:
    """Extract control claims from articles: text files, folders, corpora, web pages.

    PATHS are .txt/.md files (optional front matter), folders (with an optional manifest.csv),
    .jsonl/.csv corpora and .html pages. A bad input (empty, binary, too large, a broken
    corpus line) is reported on stderr and skipped; every readable article is still extracted.

    \b
    kharkivmap extract seeds -o claims.jsonl
    kharkivmap extract corpus.jsonl page.html --format geojson > claims.geojson
    """
    from kharkivmap.articles import Problem, read_articles
    from kharkivmap.claims_io import format_for_path, iter_claim_chunks, write_claims
    from kharkivmap.errors import ArticleError
    from kharkivmap.parser import extract_claims

    gazetteer = load_gazetteer(gazetteer_files, geocoder)
    chosen = fmt or (format_for_path(output) if output else "jsonl")
    counts = {"claims": 0, "articles": 0, "skipped": 0}

    def report(problem: Problem) -> None:
        counts["skipped"] += problem.skipped
        if not quiet:
            click.echo(f"warning: {problem.source}: {problem.reason}", err=True)

    articles = read_articles(paths, on_problem=report)

    def claims() -> Any:
        for article in articles:
            try:
                found = extract_claims(article, gazetteer, all_mentions=all_mentions)
            except Exception as error:  # one article's parser failure must not lose the rest
                reason = f"extraction failed ({type(error).__name__}: {error})"
                report(Problem(article.source or article.id, reason))
                continue
            counts["articles"] += 1
            counts["claims"] += len(found)
            yield from found
        if not quiet:
            click.echo(
                f"extracted {counts['claims']} claims from {counts['articles']} articles; "
                f"{counts['skipped']} inputs skipped",
                err=True,
            )
        if strict and counts["skipped"]:
            raise ArticleError(f"{counts['skipped']} inputs skipped (--strict)")

    if output:
        write_claims(claims(), output, format=chosen)
    else:
        for chunk in iter_claim_chunks(claims(), format=chosen):
            click.echo(chunk, nl=False)


@cli.command("evaluate")
@click.argument("pred", type=click.Path(dir_okay=False))
@click.option(
    "--gold",
    "gold_path",
    required=True,
    type=click.Path(dir_okay=False),
    help="Gold rows as JSON Lines (the evaluation format).",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (lists every error).")
@click.option("-v", "--verbose", is_flag=True, help="List each false positive and false negative.")
def evaluate_command(pred: str, gold_path: str, as_json: bool, verbose: bool) -> None:
    """Score a claims file (PRED: JSON Lines, CSV or GeoJSON) against gold rows.

    Changes (captured/withdrew) are matched to gold rows of the same article within 3 km with
    the same controller; prints precision, recall and F1 for changes and for held claims, and
    how often matched changes agree on date, claimant and hedging.

    \b
    kharkivmap extract seeds -o claims.jsonl
    kharkivmap evaluate --gold tests/data/seeds_gold.jsonl claims.jsonl -v
    """
    import json

    from kharkivmap.claims_io import read_claims
    from kharkivmap.evaluate import evaluate, read_gold

    report = evaluate(read_gold(gold_path), read_claims(pred))
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False))
        return

    def number(value: float | None) -> str:
        return "n/a  " if value is None else f"{value:.3f}"

    for label, score in (("changes", report.change), ("held", report.held)):
        click.echo(
            f"{label:<8} P {number(score.precision)}  R {number(score.recall)}  "
            f"F1 {number(score.f1)}  (TP {score.tp}, FP {score.fp}, FN {score.fn}, "
            f"ignored {score.ignored})"
        )
    click.echo(
        f"agreement on {report.change.tp} matched changes: date {number(report.date_agreement)}, "
        f"claimant {number(report.claimant_agreement)}, "
        f"hedging {number(report.hedge_agreement)}"
    )
    if verbose:
        for claim in report.change.false_positives:
            click.echo(
                f"FP {claim.article}: {claim.place.name} ({claim.event} -> {claim.controller}): "
                f"{claim.sentence}"
            )
        for row in report.change.false_negatives:
            click.echo(f"FN {row.article}: {row.place} (-> {row.controller}): {row.evidence}")


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="kharkivmap")
