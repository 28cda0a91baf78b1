"""Invented names rendered under every published system: pairs that are one person, and pairs that are two.

Nothing here is a real person: the Cyrillic names are made up, then written out by ``systems.CYRILLIC_SYSTEMS``.
"""

from __future__ import annotations

from tracker.entities.romanise import cyrillic_to_latin
from tracker.entities.systems import CYRILLIC_SYSTEMS

# Invented Ukrainian and Russian names (given name, surname), in Cyrillic.
INVENTED = (
    ("Микола", "Щупаченко"),
    ("Григорій", "Жовтюк"),
    ("Олександр", "Хомичук"),
    ("Петро", "Черешенко"),
    ("Юрій", "Шевчинський"),
    ("Сергей", "Щукарев"),
    ("Андрей", "Журавлицкий"),
    ("Дмитрий", "Харчиков"),
    ("Ольга", "Чижевская"),
    ("Євген", "Яцуненко"),
)

# Same given name in another language, same surname written the English way.
EQUIVALENT_FIRST = (
    ("Mykola Tsybulenko", "Nicholas Tsybulenko"),
    ("Hryhoriy Pasichnyk", "Gregory Pasichnyk"),
    ("Oleksandr Vovchok", "Alexander Vovchok"),
    ("Tom Wexbridge", "Thomas Wexbridge"),
    ("Bill Harrowfield", "William Harrowfield"),
    ("Mykola Shchupachenko", "Nikolai Szczupaczenko"),
)
PARTICLES = (
    ("Hassan al-Rahimi", "Hasan Al Rahimi"),
    ("Hassan al-Rahimi", "Hassan Alrahimi"),
    ("Hasan Al Rahimi", "Hassan Alrahimi"),
    ("Jan van der Bergmoor", "Jan Vanderbergmoor"),
    ("Pieter de Vreeland", "Pieter De Vreeland"),
)
OWN_SCRIPT = (
    ("Сергей Щукарев", "Sergei Shchukarev"),
    ("حسن الرحيمي", "Hassan al-Rahimi"),
    ("李明华", "Li Minghua"),
    ("Zeynep Kocaoğlu", "Zeynep Kocaoglu"),
    ("Tomáš Dvořáček", "Tomas Dvoracek"),
)
DISTINCT = (
    ("Mykola Shchupachenko", "Petro Shchupachenko"),
    ("Oleksandr Khomychuk", "Oleksandra Khomychuk"),
    ("Yevhen Yatsunenko", "Yevheniya Yatsunenko"),
    ("Yaroslav Zhovtiuk", "Yaroslava Zhovtiuk"),
    ("Ivan Khmarenko", "Ivan Chmarenko"),
    ("Ivan Zotikov", "Ivan Sotikov"),
    ("Petro Shevchynskyi", "Petro Shevchykov"),
    ("Sergei Shchukarev", "Sergei Shukarev"),
    ("Hryhoriy Pasichnyk", "Mykola Pasichnyk"),
    ("Tom Wexbridge", "William Wexbridge"),
    ("Hassan al-Rahimi", "Hassan al-Karimi"),
    ("Jan van der Bergmoor", "Jan van der Bergholt"),
    ("Dmitry Kharchikov", "Dmitry Charchikov"),
    ("Olga Chizhevskaya", "Olga Chizhova"),
    ("Andrei Zhuravlitsky", "Andrei Zhuravlev"),
    ("Li Minghua", "Li Minghai"),
    ("Zeynep Kocaoglu", "Zeynep Kocabas"),
    ("Nicholas Tsybulenko", "Nicholas Tsybulko"),
    ("Alexander Vovchok", "Alexandra Vovchok"),
    ("Bill Harrowfield", "Bill Harrowgate"),
    ("Yurii Shevchynskyi", "Yurii Shevchenko"),
    ("Petro Chereshenko", "Pavlo Chereshenko"),
)


def same_pairs() -> list[tuple[str, str]]:
    """Each invented name in the national system against every other system's rendering, plus the lists above."""
    pairs = []
    for first, surname in INVENTED:
        cyrillic = f"{first} {surname}"
        reference = cyrillic_to_latin(cyrillic, "national")
        pairs.append((cyrillic, reference))
        for system in CYRILLIC_SYSTEMS:
            rendered = cyrillic_to_latin(cyrillic, system)
            if rendered != reference:
                pairs.append((reference, rendered))
    return pairs + list(EQUIVALENT_FIRST) + list(PARTICLES) + list(OWN_SCRIPT)


def distinct_pairs() -> list[tuple[str, str]]:
    return list(DISTINCT)
