"""Reading articles: every bad input becomes a problem and reading carries on."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from kharkivmap.articles import Problem, parse_published, read_articles
from kharkivmap.errors import ArticleError

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
UK_TEXT = "Українські війська звільнили Харків і відтіснили російські сили від міста.\n"


def read(paths, **kwargs):
    problems: list[Problem] = []
    articles = list(read_articles(paths, on_problem=problems.append, **kwargs))
    return articles, problems


def reasons(problems):
    return {(Path(p.source.split(":")[0]).name, p.reason, p.skipped) for p in problems}


@pytest.mark.parametrize(
    "value",
    [
        "2022-09-10",
        "2022-09-10T12:00:00Z",
        "2022-09-10T12:00:00+03:00",
        "10 September 2022",
        "Sep 10, 2022",
        "September 10, 2022",
        "10 Sep 2022",
        "10.09.2022",
    ],
)
def test_parse_published_common_forms(value):
    assert parse_published(value) == date(2022, 9, 10)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2022-02-30", "impossible date '2022-02-30'"),
        ("last week", "unrecognised date 'last week'"),
    ],
)
def test_parse_published_rejects(value, message):
    with pytest.raises(ValueError, match=message):
        parse_published(value)


def test_seed_folder_takes_metadata_from_manifest():
    articles, problems = read([SEEDS])
    assert problems == []
    assert [a.id for a in articles] == sorted(p.name for p in SEEDS.glob("*.txt"))
    first = articles[0]
    assert first.published == date(2024, 5, 15)
    assert first.title == "Ukraine withdraws forces as Russia ramps up Kharkiv assault"
    assert first.text.startswith("Ukraine withdraws forces")
    assert first.source == str(SEEDS / first.id)


def test_front_matter_gives_metadata_and_is_cut_from_text(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        '---\npublished: 10 September 2022\ntitle: "Izium retaken"\nurl: https://x.test/a\n'
        "outlet: Test News\nauthor: ignored\n---\n# Heading\n\nBody about Izium.\n",
        encoding="utf-8",
    )
    [article], problems = read([path])
    assert problems == []
    assert article.published == date(2022, 9, 10)
    assert (article.title, article.url, article.outlet) == (
        "Izium retaken",
        "https://x.test/a",
        "Test News",
    )
    assert article.text == "# Heading\n\nBody about Izium.\n"


def test_title_defaults_to_first_line_and_missing_date_warns(tmp_path):
    path = tmp_path / "b.txt"
    path.write_text("\n\n# Russia retreats\nMore text.\n", encoding="utf-8")
    [article], problems = read([path])
    assert article.title == "Russia retreats"
    assert article.published is None
    assert problems == [Problem(str(path), "no publication date; its dates are unknown", False)]


def test_impossible_front_matter_date_is_read_with_a_warning(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text("---\npublished: 2022-02-30\n---\nText about Kupiansk.\n", encoding="utf-8")
    [article], problems = read([path])
    assert article.published is None
    assert problems == [
        Problem(str(path), "impossible date '2022-02-30'; its dates are unknown", False)
    ]


def test_unclosed_front_matter_stays_text(tmp_path):
    path = tmp_path / "d.txt"
    path.write_text("---\npublished: 2022-09-10\nNo closing marker.\n", encoding="utf-8")
    [article], _ = read([path])
    assert article.published is None
    assert article.text.startswith("---\npublished")


def test_utf8_bom_is_stripped(tmp_path):
    path = tmp_path / "e.txt"
    path.write_bytes("\ufeffKharkiv news".encode())
    [article], _ = read([path])
    assert article.text == "Kharkiv news"


def test_utf16_with_bom_is_text(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes(UK_TEXT.encode("utf-16"))
    [article], _ = read([path])
    assert article.text == UK_TEXT


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_u"])
def test_legacy_cyrillic_is_detected(tmp_path, encoding):
    path = tmp_path / "uk.txt"
    path.write_bytes(("---\npublished: 2022-09-10\n---\n" + UK_TEXT).encode(encoding))
    [article], problems = read([path])
    assert article.text == UK_TEXT
    assert problems == [Problem(str(path), f"not UTF-8; decoded as {encoding}", False)]


def test_bad_files_are_skipped_as_problems(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\n")
    (tmp_path / "blob.txt").write_bytes(b"PK\x03\x04\x00\x00binary")
    (tmp_path / "noise.txt").write_bytes(bytes(range(128, 256)) * 4)
    (tmp_path / "big.txt").write_bytes(b"x" * 2_000)
    (tmp_path / "scan.pdf").write_bytes(b"%PDF")
    (tmp_path / "good.txt").write_text("---\npublished: 2022-09-10\n---\nIzium.\n")
    articles, problems = read([tmp_path], max_bytes=1_000)
    assert [a.id for a in articles] == ["good.txt"]
    assert reasons(problems) == {
        ("empty.txt", "empty", True),
        ("blank.txt", "empty", True),
        ("blob.txt", "binary file (NUL bytes)", True),
        ("noise.txt", "not text (neither UTF-8 nor a Cyrillic legacy encoding)", True),
        ("big.txt", "too large: 0.0 MB > 0.001 MB limit", True),
        ("scan.pdf", "unsupported file type '.pdf'", True),
    }


def test_too_large_message_names_sizes(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50_000_000)
    problems: list[Problem] = []
    with pytest.raises(ArticleError, match="no readable articles"):
        list(read_articles([path], on_problem=problems.append))
    assert problems == [Problem(str(path), "too large: 50.0 MB > 20 MB limit")]


def test_manifest_lists_missing_file_and_unlisted_files_are_read(tmp_path):
    (tmp_path / "manifest.csv").write_text(
        "file,published,title\nlisted.txt,2022-09-11,Listed title\ngone.txt,2022-09-12,Gone\n",
        encoding="utf-8",
    )
    (tmp_path / "listed.txt").write_text("---\npublished: 2020-01-01\ntitle: Front\n---\nBody.\n")
    (tmp_path / "unlisted.txt").write_text("Unlisted first line\nBody.\n")
    articles, problems = read([tmp_path])
    by_id = {a.id: a for a in articles}
    assert set(by_id) == {"listed.txt", "unlisted.txt"}
    assert by_id["listed.txt"].published == date(2022, 9, 11)
    assert by_id["listed.txt"].title == "Listed title"
    assert by_id["unlisted.txt"].title == "Unlisted first line"
    manifest = str(tmp_path / "manifest.csv")
    assert Problem(f"{manifest}:3", "listed file 'gone.txt' not found") in problems
    assert (
        Problem(str(tmp_path / "unlisted.txt"), "no publication date; its dates are unknown", False)
        in problems
    )


def test_files_named_one_by_one_take_their_manifest_metadata():
    paths = sorted(SEEDS.iterdir())
    assert SEEDS / "manifest.csv" in paths
    articles, problems = read(paths)
    assert problems == []
    assert [a.published for a in articles] == [a.published for a in read([SEEDS])[0]]
    assert articles[0].published == date(2024, 5, 15)


def test_subfolders_are_read_with_relative_ids(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "sub" / "x.txt").write_text("X\n")
    (tmp_path / ".hidden" / "y.txt").write_text("Y\n")
    (tmp_path / "a.txt").write_text("A\n")
    articles, _ = read([tmp_path, tmp_path / "a.txt"])
    assert [a.id for a in articles] == ["a.txt", "sub/x.txt"]


def test_jsonl_corpus_reports_broken_lines_and_continues(tmp_path):
    path = tmp_path / "corpus.jsonl"
    rows = [
        json.dumps(
            {"id": "r1", "text": "Izium retaken.", "published": "2022-09-10", "outlet": "O"}
        ),
        '{"id": "r2", "text": ',
        "",
        json.dumps({"id": "r3", "published": "2022-09-10"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "No id here.", "published": "Sep 11, 2022"}, ensure_ascii=False),
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    articles, problems = read([path])
    assert [(a.id, a.published, a.outlet) for a in articles] == [
        ("r1", date(2022, 9, 10), "O"),
        ("corpus.jsonl:6", date(2022, 9, 11), None),
    ]
    assert articles[0].source == f"{path}:1"
    assert problems == [
        Problem(f"{path}:2", "invalid JSON (Expecting value)"),
        Problem(f"{path}:4", "missing 'text'"),
        Problem(f"{path}:5", "not an object"),
    ]


def test_csv_corpus_with_multiline_text(tmp_path):
    path = tmp_path / "corpus.csv"
    path.write_text(
        'id,text,published,title\nc1,"Line one.\nLine two.",2022-09-10,T1\nc2,,2022-09-10,T2\n'
        "c3,Third.,2022-02-30,T3\n",
        encoding="utf-8",
    )
    articles, problems = read([path])
    assert [(a.id, a.text, a.title, a.published) for a in articles] == [
        ("c1", "Line one.\nLine two.", "T1", date(2022, 9, 10)),
        ("c3", "Third.", "T3", None),
    ]
    assert problems == [
        Problem(f"{path}:4", "missing 'text'"),
        Problem(f"{path}:5", "impossible date '2022-02-30'; its dates are unknown", False),
    ]


def test_csv_without_text_column_is_a_problem(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n")
    (tmp_path / "ok.txt").write_text("OK\n")
    articles, problems = read([tmp_path])
    assert [a.id for a in articles] == ["ok.txt"]
    assert Problem(str(path), "no 'text' column") in problems


def test_html_page_main_text_and_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Izium retaken</title>"
        '<meta property="og:url" content="https://news.test/izium">'
        '<meta name="date" content="2022-09-10">'
        '<meta property="og:site_name" content="Test News"></head>'
        "<body><nav>Home | World | Sport</nav><article><h1>Izium retaken</h1>"
        "<p>Ukrainian forces recaptured Izium on Saturday, officials said, after months of "
        "Russian occupation of the town in the Kharkiv region.</p>"
        "<p>The counter-offensive also reached Balakliia and Kupiansk earlier this week.</p>"
        "</article><footer>Copyright Test News</footer></body></html>",
        encoding="utf-8",
    )
    [article], problems = read([path])
    assert problems == []
    assert "recaptured Izium on Saturday" in article.text
    assert "Home | World" not in article.text
    assert (article.title, article.url, article.outlet) == (
        "Izium retaken",
        "https://news.test/izium",
        "Test News",
    )
    assert article.published == date(2022, 9, 10)


def test_html_without_text_is_a_problem(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>var x = 1;</script></head><body></body></html>")
    (tmp_path / "ok.txt").write_text("OK\n")
    _, problems = read([tmp_path])
    assert Problem(str(path), "no article text found in HTML") in problems


def test_missing_path_raises_before_reading(tmp_path):
    with pytest.raises(ArticleError, match=r"^no such file or folder: .*nope$"):
        read_articles([SEEDS, tmp_path / "nope"])


def test_nothing_readable_raises_at_end(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(ArticleError, match=r"^no readable articles in "):
        read([tmp_path])


def test_no_paths_raise():
    with pytest.raises(ArticleError, match=r"^no article paths given$"):
        read_articles([])
