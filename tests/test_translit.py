"""Romanization follows the official standards the gazetteer's names and aliases rely on."""

from __future__ import annotations

import pytest

from kharkivmap.translit import (
    is_russian_cyrillic,
    is_ukrainian_cyrillic,
    masculine_forms,
    romanize_ru,
    romanize_uk,
    russian_forms,
)


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Ізюм", "Izium"),
        ("Куп'янськ", "Kupiansk"),
        ("Купʼянськ", "Kupiansk"),
        ("Балаклія", "Balakliia"),
        ("Сєвєродонецьк", "Sievierodonetsk"),
        ("Лук'янці", "Lukiantsi"),
        ("Вовчанськ", "Vovchansk"),
        ("Харків", "Kharkiv"),
        ("Вільхівка", "Vilkhivka"),
        ("Запоріжжя", "Zaporizhzhia"),
        ("Згурівка", "Zghurivka"),
        ("Юр'ївка", "Yurivka"),
        ("Київ", "Kyiv"),
        ("Щастя", "Shchastia"),
        ("Ґорґани", "Gorgany"),
        ("Їжаківка", "Yizhakivka"),
        ("Яготин", "Yahotyn"),
        ("Гайове", "Haiove"),
        ("Стара Гута", "Stara Huta"),
        ("Купʼянськ-Вузловий", "Kupiansk-Vuzlovyi"),
        ("ХАРКІВ", "KHARKIV"),
        ("Kharkiv 2", "Kharkiv 2"),
    ],
)
def test_romanize_uk(cyrillic: str, latin: str) -> None:
    assert romanize_uk(cyrillic) == latin


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Изюм", "Izyum"),
        ("Купянск", "Kupyansk"),
        ("Балаклея", "Balakleya"),
        ("Северодонецк", "Severodonetsk"),
        ("Волчанск", "Volchansk"),
        ("Харьков", "Kharkov"),
        ("Белгород", "Belgorod"),
        ("Ельня", "Yelnya"),
        ("Васильевка", "Vasilyevka"),
        ("Пролетарское", "Proletarskoye"),
        ("Орёл", "Oryol"),
        ("Щёкино", "Shchyokino"),
        ("Подъём", "Podyom"),
        ("Электросталь", "Elektrostal"),
        ("Кременная", "Kremennaya"),
    ],
)
def test_romanize_ru(cyrillic: str, latin: str) -> None:
    assert romanize_ru(cyrillic) == latin


@pytest.mark.parametrize(
    ("text", "uk", "ru"),
    [
        ("Харків", True, False),
        ("Сєвєродонецьк", True, False),
        ("Ґорґани", True, False),
        ("Подъём", False, True),
        ("Электросталь", False, True),
        ("Малый", False, True),
        ("Вовчанськ", False, False),
        ("Kharkiv", False, False),
    ],
)
def test_orthography_heuristics(text: str, uk: bool, ru: bool) -> None:
    assert is_ukrainian_cyrillic(text) is uk
    assert is_russian_cyrillic(text) is ru


@pytest.mark.parametrize(
    ("uk", "expected"),
    [
        ("Синьківка", ["Синьковка", "Синькевка"]),
        ("Андріївка", ["Андреевка"]),
        ("Табаївка", ["Табаевка"]),
        ("Олійникове", ["Олійниково", "Олійниковое", "Олейниково", "Олейниковое"]),
        ("Урожайне", ["Урожайное"]),
        ("Очеретине", ["Очеретино"]),
        ("Пушкіне", ["Пушкино"]),
        ("Бахмутське", ["Бахмутское"]),
        ("Торецьке", ["Торецкое"]),
        ("Куп'янськ", []),  # no regular ending: the sources' Russian name (Купянск) is needed
        ("Вовчанськ", ["Волчанськ"]),  # the root alone: still romanized "Volchansk"
        (
            "Вільхівка",
            [
                "Вільховка",
                "Вільхевка",
                "Вольховка",
                "Вольхевка",
                "Вельховка",
                "Вельхевка",
                "Ольховка",
                "Ольхевка",
            ],
        ),
        ("Миколаївка", ["Миколаевка", "Николаевка"]),
        ("Солодке", ["Солодкое", "Сладкое"]),
        ("Кам'янка", ["Каменка"]),
        ("Вільшана", ["Ольшана"]),  # the alder root, as in Вільхівка/Ольховка
        # a root after a prefix inside the word
        (
            "Новоолександрівка",
            ["Новоолександровка", "Новоолександревка", "Новоалександровка", "Новоалександревка"],
        ),
        ("Новомиколаївка", ["Новомиколаевка", "Новониколаевка"]),
        # roots Russian spells differently: Константиновка, Яблоково, Ровнополье
        (
            "Костянтинівка",
            ["Костянтиновка", "Костянтиневка", "Константиновка", "Константиневка"],
        ),
        ("Яблукове", ["Яблуково", "Яблуковое", "Яблоково", "Яблоковое"]),
        ("Рівнопілля", ["Рівнополье", "Ровнополье"]),
        ("Білогірка", ["Білогорка", "Белогорка"]),
        ("Біла", []),  # too short to trust a root alone
        # an adjective and a noun: the adjective's Russian forms (ё spelt or not) before the noun
        ("Зелений Гай", ["Зеленый Гай", "Зелёный Гай"]),
        ("Біла Гора", ["Белая Гора"]),
        # …and the Ukrainian adjective before the Russian noun, as news copy mixes them
        (
            "Велика Новосілка",
            [
                "Великая Новоселка",
                "Великая Новосолка",
                "Большая Новоселка",
                "Большая Новосолка",
                "Велика Новоселка",
                "Велика Новосолка",
            ],
        ),
        (
            "Нова Гусарівка",
            ["Новая Гусаровка", "Новая Гусаревка", "Нова Гусаровка", "Нова Гусаревка"],
        ),
        # an adjective the table lacks: its Russian form by the regular ending
        ("Золота Балка", ["Золотая Балка"]),
        ("Степова Долина", ["Степовая Долина"]),
        ("Часів Яр", []),  # a possessive, no adjective ending
        ("Кругла Балка Друга", []),  # three words: no guess
        ("Зелений-Гай", []),
        # a hyphenated name: the last part by its ending, the first by its root
        (
            "Рай-Олександрівка",
            ["Рай-Олександровка", "Рай-Олександревка", "Рай-Александровка", "Рай-Александревка"],
        ),
        ("Олександро-Шультине", ["Олександро-Шультино", "Александро-Шультино"]),
        ("Гне", []),  # too short to tell an ending from the word
        ("Мар’їне", ["Марьино"]),  # the apostrophe and ї are a soft sign and и in Russian
        ("Мар'їне", ["Марьино"]),
    ],
)
def test_russian_forms_follow_the_regular_endings(uk: str, expected: list[str]) -> None:
    assert russian_forms(uk) == expected


def test_masculine_forms_of_neuter_adjective_names() -> None:
    assert masculine_forms(["Спорное", "Спорное", "Благодатное"]) == ["Спорный", "Благодатный"]
    # another ending (a district's adjective, a surname's), too short to tell, or more than
    # one word: none
    assert (
        masculine_forms(["Синьковка", "Невское", "Лиховое", "Дное", "Зеленое Поле", "Рай-Спорное"])
        == []
    )
