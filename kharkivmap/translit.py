"""Romanize Ukrainian and Russian place names and tell the two Cyrillic orthographies apart.

Reports spell the same village in several ways: the official Ukrainian romanization (KMU 2010,
Cabinet of Ministers resolution No. 55), the BGN/PCGN romanization of its Russian name, and ad-hoc
mixtures. Generating both standard forms lets the gazetteer match any of them.

Russian soft and hard signs are dropped rather than written as apostrophes (``Харьков`` →
``Kharkov``, not ``Khar'kov``): news copy almost never carries the apostrophe, and normalized
matching would strip it anyway.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

__all__ = [
    "is_russian_cyrillic",
    "is_ukrainian_cyrillic",
    "masculine_forms",
    "romanize_ru",
    "romanize_uk",
    "russian_forms",
]

# KMU 2010: letters whose spelling depends on the position in the word use a pair
# (word-initial, elsewhere); every other letter maps the same way everywhere.
_UK_POSITIONAL = {
    "є": ("ye", "ie"),
    "ї": ("yi", "i"),
    "й": ("y", "i"),
    "ю": ("yu", "iu"),
    "я": ("ya", "ia"),
}
_UK_PLAIN = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "ж": "zh", "з": "z",
    "и": "y", "і": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ь": "",
}  # fmt: skip
_UK_APOSTROPHES = "'’ʼ`‘"

_RU_PLAIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip
# BGN/PCGN writes е as "ye" where it starts a syllable: word-initially, after a vowel, ъ or ь.
_RU_YE_AFTER = set("аеёиоуыэюяйъь")

_UK_ONLY = set("іїєґІЇЄҐ")
_RU_ONLY = set("ыэъёЫЭЪЁ")


def _is_cyrillic_letter(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def _apply_case(source: str, latin: str, prev_char: str, next_char: str) -> str:
    """Carry the source letter's case to a possibly multi-letter Latin spelling.

    An upper-case letter inside an all-caps word becomes all caps;
    otherwise only the first Latin letter is capitalized (``Щ`` → ``Shch``).
    """
    if not latin or not source.isupper():
        return latin
    if len(latin) == 1 or next_char.isupper() or (prev_char.isupper() and not next_char.islower()):
        return latin.upper()
    return latin[0].upper() + latin[1:]


def _word_initial(text: str, i: int) -> bool:
    """True when position ``i`` starts a word; an apostrophe between letters does not split one."""
    j = i - 1
    if j >= 1 and text[j] in _UK_APOSTROPHES:
        j -= 1
    return j < 0 or not text[j].isalpha()


# Homonyms share names (two dozen villages are Степове): indexing a gazetteer romanizes each
# distinct name once.
_ROMANIZED_MAX = 1 << 16


@lru_cache(maxsize=_ROMANIZED_MAX)
def romanize_uk(text: str) -> str:
    """Romanize Ukrainian Cyrillic by the KMU 2010 standard (``Куп'янськ`` → ``Kupiansk``).

    Case is preserved; non-Cyrillic characters pass through, except apostrophes inside a word,
    which the standard drops.
    """
    out: list[str] = []
    n = len(text)
    for i, ch in enumerate(text):
        low = ch.lower()
        nxt = text[i + 1] if i + 1 < n else ""
        if ch in _UK_APOSTROPHES:
            prev_letter = i > 0 and _is_cyrillic_letter(text[i - 1])
            next_letter = _is_cyrillic_letter(nxt)
            if prev_letter and next_letter:
                continue
            out.append(ch)
            continue
        if low in _UK_POSITIONAL:
            initial, medial = _UK_POSITIONAL[low]
            latin = initial if _word_initial(text, i) else medial
        elif low == "г" and i > 0 and text[i - 1].lower() == "з":
            latin = "gh"  # зг → zgh keeps it distinct from ж (zh)
        elif low in _UK_PLAIN:
            latin = _UK_PLAIN[low]
        else:
            out.append(ch)
            continue
        out.append(_apply_case(ch, latin, text[i - 1] if i else "", nxt))
    return "".join(out)


@lru_cache(maxsize=_ROMANIZED_MAX)
def romanize_ru(text: str) -> str:
    """Romanize Russian Cyrillic by BGN/PCGN (``Харьков`` → ``Kharkov``).

    Soft and hard signs are dropped; case is preserved; other characters pass through.
    """
    out: list[str] = []
    n = len(text)
    for i, ch in enumerate(text):
        low = ch.lower()
        nxt = text[i + 1] if i + 1 < n else ""
        if low == "е":
            prev = text[i - 1].lower() if i > 0 else ""
            latin = "ye" if _word_initial(text, i) or prev in _RU_YE_AFTER else "e"
        elif low in _RU_PLAIN:
            latin = _RU_PLAIN[low]
        else:
            out.append(ch)
            continue
        out.append(_apply_case(ch, latin, text[i - 1] if i else "", nxt))
    return "".join(out)


def is_ukrainian_cyrillic(s: str) -> bool:
    """True when ``s`` has a letter only Ukrainian uses (і ї є ґ) and none only Russian uses."""
    letters = set(s)
    return bool(letters & _UK_ONLY) and not letters & _RU_ONLY


def is_russian_cyrillic(s: str) -> bool:
    """True when ``s`` has a letter only Russian uses (ы э ъ ё) and none only Ukrainian uses."""
    letters = set(s)
    return bool(letters & _RU_ONLY) and not letters & _UK_ONLY


# Ukrainian endings and the Russian ones that regularly answer them, tried longest first:
# Синьківка/Синьковка, Андріївка/Андреевка, Олійникове/Олейниково, Урожайне/Урожайное,
# Очеретине/Очеретино. Russian reports (and news copy taken from them) use the Russian form.
_RU_ENDINGS = (
    ("іївка", ("еевка",)),
    ("ївка", ("евка",)),
    ("івка", ("овка", "евка")),
    ("ове", ("ово", "овое")),
    ("еве", ("ево", "евое")),
    ("’їне", ("ьино",)),  # Мар’їне/Марьино
    ("'їне", ("ьино",)),
    ("їне", ("ьино", "ино")),
    ("ине", ("ино",)),
    ("іне", ("ино",)),  # Пушкіне/Пушкино
    ("пілля", ("полье",)),  # Рівнопілля/Ровнополье
    ("гірка", ("горка",)),  # Білогірка/Белогорка
    ("цьке", ("цкое",)),
    ("ське", ("ское",)),
    ("не", ("ное",)),
    # any other neuter adjective: Солодке/Сладкое, Глибоке/Глубокое, Сухе/Сухое
    ("ке", ("кое",)),
    ("ге", ("гое",)),
    ("хе", ("хое",)),
    ("те", ("тое",)),
    ("ле", ("лое",)),
    ("ре", ("рое",)),
    ("де", ("дое",)),
    ("зе", ("зое",)),
)

# Word stems whose Russian form differs by more than an ending or a vowel: the names built on
# them are common (a dozen villages are called Вільхівка, Russian reports say Ольховка).
_RU_ROOTS = (
    ("Олександр", "Александр"),
    ("Олексі", "Алексе"),
    ("Микола", "Никола"),
    ("Вільх", "Ольх"),
    ("Вільш", "Ольш"),
    ("Кам'ян", "Камен"),
    ("Кам’ян", "Камен"),
    ("Піщан", "Песчан"),
    ("Горіх", "Орех"),
    ("Солодк", "Сладк"),
    ("Довг", "Долг"),
    ("Жовт", "Желт"),
    ("Вовч", "Волч"),
    ("Ведмеж", "Медвеж"),
    ("Глибок", "Глубок"),
    ("Біл", "Бел"),
    ("Вугл", "Угл"),
    ("Спірн", "Спорн"),
    ("Костянтин", "Константин"),
    ("Яблук", "Яблок"),
    ("Рівн", "Ровн"),
)


_CLOSED_I = re.compile(r"і(?=[бвгґджзклмнпрстфхцчшщь]+$)")

# Adjectives opening two-word names and their Russian forms (Біла Гора/Белая Гора, Велика
# Новосілка/Великая Новоселка and Большая Новоселка, Зелений Гай/Зеленый Гай).
_RU_ADJECTIVES = {
    "Нова": ("Новая",),
    "Нове": ("Новое",),
    "Новий": ("Новый",),
    "Нові": ("Новые",),
    "Стара": ("Старая",),
    "Старе": ("Старое",),
    "Старий": ("Старый",),
    "Старі": ("Старые",),
    "Велика": ("Великая", "Большая"),
    "Велике": ("Великое", "Большое"),
    "Великий": ("Великий", "Большой"),
    "Мала": ("Малая",),
    "Мале": ("Малое",),
    "Малий": ("Малый",),
    "Біла": ("Белая",),
    "Біле": ("Белое",),
    "Білий": ("Белый",),
    "Зелена": ("Зеленая", "Зелёная"),
    "Зелене": ("Зеленое", "Зелёное"),
    "Зелений": ("Зеленый", "Зелёный"),
    "Червона": ("Красная", "Червонная"),
    "Червоне": ("Красное",),
    "Червоний": ("Красный",),
    "Верхня": ("Верхняя",),
    "Верхнє": ("Верхнее",),
    "Верхній": ("Верхний",),
    "Нижня": ("Нижняя",),
    "Нижнє": ("Нижнее",),
    "Нижній": ("Нижний",),
    "Суха": ("Сухая",),
    "Сухий": ("Сухой",),
    "Чорна": ("Черная", "Чёрная"),
    "Чорний": ("Черный", "Чёрный"),
    "Кругла": ("Круглая",),
    "Широка": ("Широкая",),
    "Глибока": ("Глубокая",),
}


def russian_forms(name_uk: str) -> list[str]:
    """Likely Russian spellings of a Ukrainian place name, by its ending and root, in Russian
    Cyrillic (``Синьківка`` → ``Синьковка``, ``Олійникове`` → ``Олейниково``, ``Вільхівка`` →
    ``Ольховка``).

    For names the sources give no Russian form: the guesses are indexed as aliases, so a
    Russian report's "Sinkovka" or "Oleynikovo" still finds the village. Empty when no
    regular ending or root applies.
    """
    if " " in name_uk:
        return _two_word_forms(name_uk)
    if "-" in name_uk:
        # "Рай-Олександрівка" → "Рай-Александровка": the last part by its ending and root,
        # the first by its root ("Олександро-Шультине" → "Александро-Шультино")
        head, _, tail = name_uk.rpartition("-")
        tails = russian_forms(tail) or [tail]
        heads = dict.fromkeys((head, _russian_root(head)))
        joined = (f"{h}-{t}" for h in heads for t in tails)
        return [form for form in dict.fromkeys(joined) if form != name_uk]
    russian = _russian_root(name_uk)
    names = [name_uk] if russian == name_uk else [name_uk, russian]
    forms = [form for name in names for form in _by_ending(name)]
    if not forms and russian != name_uk and len(name_uk) >= 6:
        forms = [russian]  # Кам'янка/Каменка
    return list(dict.fromkeys(forms))


def masculine_forms(names_ru: Iterable[str]) -> list[str]:
    """The masculine forms of the one-word Russian names in ``-ное`` among ``names_ru``
    (``Спорное`` → ``Спорный``); names of any other shape give none.

    Russian-side English copy often uses the masculine form ("Sporny", "Bogorodichny"). Other
    endings are left alone: "-ский" is also a district's adjective ("Pokrovsky district") and
    "-овый" a common surname ending ("Lykhovyi said").
    """
    forms = (
        name[: -len("ное")] + "ный"
        for name in names_ru
        if len(name) >= 6 and name.endswith("ное") and " " not in name and "-" not in name
    )
    return list(dict.fromkeys(forms))


def _two_word_forms(name_uk: str) -> list[str]:
    """Russian forms of an adjective and a noun (``Біла Гора`` → ``Белая Гора``): the
    adjective's Russian forms before the noun's, or the noun itself when it has none."""
    words = name_uk.split()
    if len(words) != 2:
        return []
    adjective, noun = words
    adjectives = _RU_ADJECTIVES.get(adjective) or _adjective_forms(adjective)
    if not adjectives:
        return []
    # a noun with no regular ending: its last і is often a Russian е or о (Новосілка/Новоселка)
    last = noun.rfind("і")
    nouns = russian_forms(noun) or (
        [noun[:last] + vowel + noun[last + 1 :] for vowel in ("е", "о")] if last > 0 else [noun]
    )
    # news copy also mixes the two: the Ukrainian adjective before the Russian noun
    # ("Stepova Novoselovka", "Velyka Novoselka")
    mixed = [f"{adjective} {form}" for form in nouns if form != noun]
    return list(dict.fromkeys([*(f"{ru} {form}" for ru in adjectives for form in nouns), *mixed]))


# Regular Ukrainian adjective endings and their Russian forms (Золота/Золотая, Кам'яне/Кам'яное)
_ADJECTIVE_ENDINGS = (("ий", "ый"), ("а", "ая"), ("е", "ое"), ("і", "ые"))


def _adjective_forms(adjective: str) -> tuple[str, ...]:
    """Russian forms of an adjective the table lacks, by its ending alone; none for a word
    too short to be one or one that is no adjective form (a noun opening a name)."""
    if len(adjective) < 5 or not adjective[:1].isupper():
        return ()
    for ending, russian in _ADJECTIVE_ENDINGS:
        if adjective.endswith(ending):
            return (adjective[: -len(ending)] + russian,)
    return ()


def _by_ending(name: str) -> list[str]:
    """Russian forms of ``name`` by its ending (empty when no regular ending applies)."""
    low = name.lower()
    for ending, replacements in _RU_ENDINGS:
        if low.endswith(ending) and len(low) > len(ending) + 2:
            stem = name[: len(name) - len(ending)]
            # a Ukrainian і in the stem's closed last syllable is often a Russian о or е
            # (Загірне/Загорное, Кремінна/Кременная)
            stems = [stem, *(_CLOSED_I.sub(vowel, stem, count=1) for vowel in ("о", "е"))]
            forms = [s + r for s in dict.fromkeys(stems) for r in replacements]
            # ій/ії inside the stem is often ей/ее in Russian (Олійникове/Олейниково)
            softened = [f.replace("ій", "ей") for f in forms if "ій" in f]
            return forms + softened
    return []


# Prefixes a root may follow inside one word: Новоолександрівка/Новоалександровка
_RU_PREFIXES = ("Ново", "Старо", "Мало", "Велико")


def _russian_root(stem: str) -> str:
    """``stem`` with a Ukrainian root that Russian spells differently replaced (Вільх → Ольх),
    also after a prefix (Новоолександрівка → Новоалександрівка)."""
    prefix = next((p for p in _RU_PREFIXES if stem.startswith(p)), "")
    rest = stem[len(prefix) :]
    for root, russian in _RU_ROOTS:
        if prefix:
            root, russian = root.lower(), russian.lower()
        if rest.startswith(root):
            return prefix + russian + rest[len(root) :]
    return stem
