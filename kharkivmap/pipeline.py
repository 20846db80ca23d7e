"""Articles to claims for many articles at once, where one bad article must not lose the rest."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from kharkivmap.articles import Problem
from kharkivmap.models import Article, Claim

if TYPE_CHECKING:
    from kharkivmap.parser import MentionFinder

__all__ = ["claims_from_articles"]


def claims_from_articles(
    articles: Iterable[Article],
    gazetteer: MentionFinder,
    *,
    all_mentions: bool = False,
    on_problem: Callable[[Problem], None] | None = None,
    on_article: Callable[[Article, list[Claim]], None] | None = None,
) -> Iterator[Claim]:
    """Stream the claims of every article.

    The parser is meant never to raise; should it fail on one article anyway, that article is
    reported to ``on_problem`` and the run goes on (without ``on_problem`` the error
    propagates). ``on_article`` sees each article with its claims, for counts and progress.
    After the first article, objects alive by then (the gazetteer, the compiled lexicons, and
    whatever the caller holds) are frozen out of the cyclic garbage collector's generations
    (``gc.freeze``): they are still freed by reference counting, only no longer traversed.
    """
    import gc

    from kharkivmap.parser import extract_claims

    frozen = False
    for article in articles:
        try:
            found = extract_claims(article, gazetteer, all_mentions=all_mentions)
        except Exception as error:
            if on_problem is None:
                raise
            reason = f"extraction failed ({type(error).__name__}: {error})"
            on_problem(Problem(article.source or article.id, reason))
            continue
        if not frozen:
            # The gazetteer and the compiled lexicons, all built by now, live as long as the
            # run: moved out of the collector's reach, they are not walked again and again
            # (7 % of extraction time on a large corpus)
            gc.freeze()
            frozen = True
        if on_article is not None:
            on_article(article, found)
        yield from found
