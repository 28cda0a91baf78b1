"""Small invented articles for the tests: invented towns, people and outlets, page furniture included.

Every body paragraph is prose of at least six words ending in a full stop, so the cleaner keeps it; the
furniture around it uses the generic labels news pages use (menus, cookie notices, related links).
"""

from __future__ import annotations

FERRY_BODY = [
    "The council of Velmora approved plans for a new ferry terminal on Wednesday, ending a dispute that "
    "had lasted for three years.",
    "Velmora Mayor Ilse Drummond said the terminal would carry up to two thousand passengers a day once it opens "
    "in the spring of 2025.",
    "The project will cost about forty million euros, according to the budget office of the council, and "
    "most of the money will come from a regional fund.",
    "Opposition members said they would keep watching the costs closely over the coming months, because "
    "an earlier harbour project ran far over its budget.",
    "Work on the site is expected to start in the autumn, once the last permits for dredging the old basin "
    "have been granted by the coastal authority.",
]

FERRY = "\n".join(
    [
        "Home | World | Politics | Business | Sport",
        "We use cookies to improve your experience on our site.",
        "Velmora Evening Star",
        "Thursday, 9 March 2023",
        "",
        "Harbour council approves new ferry terminal",
        "",
        *[p + "\n" for p in FERRY_BODY],
        "Read also: Fishermen in Velmora protest over quota cuts (02.03.2023)",
        "Sign up for our newsletter to get the top stories in your inbox.",
        "Most read",
        "Storm closes mountain pass for two days after heavy snowfall (07.03.2023)",
        "",
    ]
)

# The same story republished by another outlet: new header and footer, two words changed.
FERRY_COPY = "\n".join(
    [
        "Coastline Digest - news from the whole coast",
        "Published: Friday, 10 March 2023",
        "First published by our partner site on 9 March 2023",
        "",
        *[p.replace("approved", "backed").replace("closely", "carefully") + "\n" for p in FERRY_BODY],
        "This article was republished from the Velmora Evening Star under a content-sharing agreement.",
        "Follow us on social media for more news from the coast.",
        "",
    ]
)

# Another outlet's own report on the same decision, in its own words.
FERRY_OTHER_REPORT = "\n".join(
    [
        "Northbay Courier",
        "March 9, 2023",
        "",
        "Velmora will get its long-awaited ferry terminal after councillors finally voted for the plan in a "
        "late session on Wednesday evening.",
        "Ilse Drummond, the mayor of Velmora, told reporters that as many as two thousand people could use the new "
        "crossing every day when it is finished.",
        "Critics on the council warned that the price tag of forty million euros could still grow, pointing "
        "to problems with a harbour scheme a decade ago.",
        "Dredging of the old basin is due to begin later this year, subject to approval by the coastal "
        "authority, which has not yet ruled on the permits.",
        "",
    ]
)

BRIDGE = "\n".join(
    [
        "Brindlemoor Weekly",
        "",
        "Officials in the town of Brindlemoor said on Tuesday that the new footbridge over the river would "
        "open next spring after years of delay.",
        "The town council voted seven to two in favour of the final budget for the bridge, which will link "
        "the old market with the railway station.",
        "",
    ]
)

ORCHARD = "\n".join(
    [
        "Tallowfield Gazette",
        "",
        "Farmers around Tallowfield expect a record apple harvest this year after a mild spring and a wet "
        "summer, the regional growers' association said on Monday.",
        "The association estimated that the orchards would yield about twelve thousand tonnes of fruit, a "
        "fifth more than in the previous season.",
        "",
    ]
)

RUSSIAN = (
    "Вечерний Велмор\n\n"
    "Городской совет Белозёрска в среду утвердил план строительства нового моста через реку.\n\n"
    "Мэр Анна Ершова заявила, что работы начнутся весной и продлятся около двух лет.\n"
)

FERRY_HTML = (
    """<!doctype html>
<html lang="en"><head>
<title>Council backs ferry terminal | Velmora Evening Star</title>
<meta property="og:site_name" content="Velmora Evening Star">
<link rel="canonical" href="https://star.example/harbour/ferry-terminal">
<meta property="article:published_time" content="2023-03-09T08:15:00+01:00">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<div class="cookie-banner">We use cookies to improve your experience.</div>
<article>
<h1>Council backs ferry terminal</h1>
"""
    + "\n".join(f"<p>{p}</p>" for p in FERRY_BODY)
    + """
</article>
<aside class="related"><h2>Related</h2><ul>
<li><a href="/a">Fishermen protest over quota cuts</a> <time datetime="2023-03-02">2 March</time></li>
</ul></aside>
<footer>All rights reserved.</footer>
</body></html>
"""
)


# File names of write_corpus: a folder is ingested in name order, so the original comes before its copy.
ORIGINAL, COPY, OTHER, UNRELATED = "1-ferry.txt", "2-ferry-copy.txt", "3-ferry-northbay.txt", "4-orchard.txt"


def write_corpus(root) -> None:
    """A folder as a newsroom hands it over: articles, a syndicated copy, and a partial sources.csv."""
    root.mkdir(parents=True, exist_ok=True)
    (root / ORIGINAL).write_text(FERRY, encoding="utf-8")
    (root / COPY).write_text(FERRY_COPY, encoding="utf-8")
    (root / OTHER).write_text(FERRY_OTHER_REPORT, encoding="utf-8")
    (root / UNRELATED).write_text(ORCHARD, encoding="cp1252")
    (root / "sources.csv").write_text(
        "path,outlet,url,published,title\n"
        f"{ORIGINAL},Velmora Evening Star,https://star.example/ferry,2023-03-08,Council backs ferry terminal\n"
        f'{UNRELATED},Tallowfield Gazette,,,"Record apple harvest expected"\n',
        encoding="utf-8",
    )


def write_folder(root, articles: list[tuple[str, str, str, str, str, str]]):
    """Write articles and their sources.csv: rows of (file name, text, outlet, url, published, title)."""
    root.mkdir(parents=True, exist_ok=True)
    lines = ["path,outlet,url,published,title"]
    for name, text, outlet, url, published, title in articles:
        (root / name).write_text(text, encoding="utf-8")
        lines.append(f"{name},{outlet},{url},{published},{title}")
    (root / "sources.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root
