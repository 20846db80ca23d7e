"""The command-line interface: a thin client of the library.

Only this module imports click. Library errors (``KharkivmapError``) become a one-line
``Error: …`` and exit code 1; usage errors exit 2.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

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


def _parse_near(near: str | None) -> Any:
    """``LAT,LON`` as a pair of floats; anything else is a place name."""
    if near is None:
        return None
    parts = near.split(",")
    if len(parts) == 2:
        try:
            return float(parts[0]), float(parts[1])
        except ValueError:
            pass
    return near


def _place_record(place: Any, score: float) -> dict[str, Any]:
    return {
        "name": place.name,
        "id": place.id,
        "lat": place.lat,
        "lon": place.lon,
        "admin1": place.admin1,
        "country": place.country,
        "kind": place.kind,
        "score": round(score, 4),
        "source": place.source,
    }


def _place_line(record: dict[str, Any]) -> str:
    where = ", ".join(part for part in (record["admin1"], record["country"]) if part)
    return (
        f"{record['name']} ({where}; {record['kind']})  {record['lat']:.5f}, {record['lon']:.5f}"
        f"  id {record['id']}  score {record['score']:.2f}  source {record['source'] or '-'}"
    )


@cli.command("places")
@click.argument("names", nargs=-1, required=True)
@click.option("--near", metavar="PLACE|LAT,LON", help="Prefer places near this one (for homonyms).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per name and line.")
@gazetteer_options
def places_command(
    names: tuple[str, ...],
    near: str | None,
    as_json: bool,
    gazetteer_files: tuple[str, ...],
    geocoder: str | None,
) -> None:
    """Look up place names in any spelling: the best match and up to three alternatives.

    Online answers (--geocoder) show source nominatim.

    \b
    kharkivmap places Izyum Kupiyansk Balaklia
    kharkivmap places Vilkhivka --near Kharkiv --json
    kharkivmap places Lyman --near 48.99,37.80
    """
    import json

    gazetteer = load_gazetteer(gazetteer_files, geocoder)
    anchor = _parse_near(near)
    resolutions = [gazetteer.resolve(name, near=anchor) for name in names]
    for resolution in resolutions:
        record = {"query": resolution.query, **_place_record(resolution.place, resolution.score)}
        record["alternatives"] = [
            _place_record(candidate.place, candidate.score)
            for candidate in resolution.alternatives[:3]
        ]
        if as_json:
            click.echo(json.dumps(record, ensure_ascii=False))
            continue
        click.echo(f"{resolution.query} → {_place_line(record)}")
        for alternative in record["alternatives"]:
            click.echo(f"    or {_place_line(alternative)}")


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
    from kharkivmap.pipeline import claims_from_articles

    gazetteer = load_gazetteer(gazetteer_files, geocoder)
    chosen = fmt or (format_for_path(output) if output else "jsonl")
    counts = {"claims": 0, "articles": 0, "skipped": 0}

    def report(problem: Problem) -> None:
        counts["skipped"] += problem.skipped
        if not quiet:
            click.echo(f"warning: {problem.source}: {problem.reason}", err=True)

    def count(_article: Any, found: list[Any]) -> None:
        counts["articles"] += 1
        counts["claims"] += len(found)

    def claims() -> Any:
        yield from claims_from_articles(
            read_articles(paths, on_problem=report),
            gazetteer,
            all_mentions=all_mentions,
            on_problem=report,
            on_article=count,
        )
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
@click.option(
    "-v", "--verbose", is_flag=True, help="List each false positive and negative with its text."
)
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
    places = report.places
    click.echo(
        f"places   resolved {number(places.share)}  (right namesake {len(places.resolved)}, "
        f"wrong {len(places.wrong)}, not named {len(places.unnamed)})"
    )
    if verbose:
        for row, claim in places.wrong:
            click.echo(
                f"PLACE {row.article}: {row.place} resolved as {claim.place.name} "
                f"({claim.place.lat:.4f}, {claim.place.lon:.4f}; {claim.place.admin1 or '?'})"
            )
        for prefix, score in (("", report.change), ("held ", report.held)):
            for claim in score.false_positives:
                click.echo(
                    f"{prefix}FP {claim.article}: {claim.place.name} "
                    f"({claim.event} -> {claim.controller}): {claim.sentence}"
                )
            for row in score.false_negatives:
                click.echo(
                    f"{prefix}FN {row.article}: {row.place} (-> {row.controller}): {row.evidence}"
                )


@cli.command("render")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    help="HTML file to write (replaced atomically).",
)
@click.option("--from", "date_from", type=click.DateTime(["%Y-%m-%d"]), help="First day shown.")
@click.option("--to", "date_to", type=click.DateTime(["%Y-%m-%d"]), help="Last day shown.")
@click.option(
    "--slice",
    "freq",
    type=click.Choice(["day", "week", "month"]),
    help="Period of change rings and front lines (default: from the span of the data).",
)
@click.option(
    "--tiles",
    type=click.Choice(["osm", "light", "dark", "none"]),
    default="osm",
    show_default=True,
    help="Base map; 'none' draws on a blank background and needs no network.",
)
@click.option(
    "--self-contained",
    is_flag=True,
    help="Inline Leaflet and every script and style, so only tiles need the network.",
)
@click.option(
    "--assets-dir",
    type=click.Path(file_okay=False),
    help="Folder (or npm node_modules prefix) holding the pinned assets for --self-contained "
    "(default: the cache filled by `kharkivmap assets fetch`).",
)
@click.option("--title", help="Title shown on the map and as the page title.")
@click.option("--open", "open_browser", is_flag=True, help="Open the written map in a browser.")
@gazetteer_options
@click.option("-q", "--quiet", is_flag=True, help="No warnings, progress or summary on stderr.")
def render_command(
    paths: tuple[str, ...],
    output: str,
    date_from: Any,
    date_to: Any,
    freq: str | None,
    tiles: str,
    self_contained: bool,
    assets_dir: str | None,
    title: str | None,
    open_browser: bool,
    gazetteer_files: tuple[str, ...],
    geocoder: str | None,
    quiet: bool,
) -> None:
    """Draw an interactive map with a time slider of who controls which place.

    PATHS are article inputs (as for `extract`) or claims files written by `extract`
    (.jsonl/.csv whose rows have place_id and event, or .geojson), in any mix. Each place
    shows its reported controller on the slider's day; rings mark changes within the slice and
    a dashed line the front line estimated from the reported places. Popups quote the sources.

    \b
    kharkivmap render seeds -o maps/kharkiv.html
    kharkivmap extract seeds -o claims.jsonl
    kharkivmap render claims.jsonl -o map.html --tiles none --self-contained --slice week
    """
    import sys
    import webbrowser
    from itertools import chain
    from pathlib import Path

    from kharkivmap.articles import Problem, read_articles
    from kharkivmap.claims_io import read_claims
    from kharkivmap.outputs import write_atomic
    from kharkivmap.render import is_claims_file, map_html
    from kharkivmap.timeline import Timeline

    def report(problem: Problem) -> None:
        if not quiet:
            click.echo(f"warning: {problem.source}: {problem.reason}", err=True)

    if self_contained:  # fail before a long corpus is parsed, not after
        from kharkivmap.assets import load_assets

        load_assets(assets_dir=assets_dir)
    claim_files = [path for path in paths if is_claims_file(path)]
    corpus = [path for path in paths if path not in claim_files]
    claims = [claim for path in claim_files for claim in read_claims(path)]
    # Corpora are streamed (never held in memory); the gazetteer loads only if articles come.
    articles = read_articles(corpus, on_problem=report) if corpus else iter(())
    gazetteer = load_gazetteer(gazetteer_files, geocoder) if corpus else None

    def build(items: Any) -> Timeline:
        from kharkivmap.pipeline import claims_from_articles

        extracted = (
            claims_from_articles(items, gazetteer, on_problem=report)
            if gazetteer is not None
            else ()
        )
        return Timeline.from_claims(
            chain(claims, extracted),
            start=date_from.date() if date_from else None,
            end=date_to.date() if date_to else None,
        )

    if corpus and not quiet and sys.stderr.isatty():
        with click.progressbar(
            articles, label="Reading articles", file=sys.stderr, show_pos=True
        ) as bar:
            timeline = build(bar)
    else:
        timeline = build(articles)
    page = map_html(
        timeline,
        title=title,
        slice=cast(Any, freq),  # click's Choice has checked it
        tiles=cast(Any, tiles),
        self_contained=self_contained,
        assets_dir=assets_dir,
    )
    target = write_atomic(output, page)
    if not quiet:
        if not timeline.intervals:
            click.echo("warning: no dated control claims in the input; the map is empty", err=True)
        sources = len({claim.article for claim in timeline.claims})
        click.echo(
            f"wrote {target} ({target.stat().st_size // 1024} KB): {len(timeline.places)} places, "
            f"{len(timeline.intervals)} intervals from {len(timeline.claims)} claims of "
            f"{sources} articles",
            err=True,
        )
    if open_browser:
        webbrowser.open(Path(target).resolve().as_uri())


@cli.group("assets")
def assets_group() -> None:
    """Pinned Leaflet files for self-contained maps (`render --self-contained`).

    \b
    kharkivmap assets fetch
    kharkivmap assets check
    """


@assets_group.command("fetch")
@click.option(
    "--dir",
    "dest",
    type=click.Path(file_okay=False),
    help="Folder to fill instead of the cache (~/.cache/kharkivmap/assets).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing on success.")
def assets_fetch_command(dest: str | None, quiet: bool) -> None:
    """Download the pinned Leaflet files from the CDN and verify their sha256 checksums.

    Files already present with the right checksum are kept; a download whose checksum differs
    is rejected and never saved.

    \b
    kharkivmap assets fetch
    kharkivmap render seeds -o map.html --self-contained
    """
    from kharkivmap.assets import fetch_assets

    def show(asset: Any, state: str) -> None:
        if not quiet:
            click.echo(f"{state:<8} {asset.package}@{asset.version}/{asset.path}")

    root = fetch_assets(dest=dest, on_file=show)
    if not quiet:
        click.echo(f"assets ready in {root}")


@assets_group.command("check")
@click.option(
    "--assets-dir",
    type=click.Path(file_okay=False),
    help="Folder (or npm node_modules prefix) to check instead of the cache.",
)
def assets_check_command(assets_dir: str | None) -> None:
    """Verify that every pinned file is present with its checksum (exit 1 if not).

    \b
    kharkivmap assets check
    kharkivmap assets check --assets-dir .ci/npm-assets
    """
    from kharkivmap.assets import load_assets

    files = load_assets(assets_dir=assets_dir)
    click.echo(f"{len(files)} pinned asset files present and verified")


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="kharkivmap")
