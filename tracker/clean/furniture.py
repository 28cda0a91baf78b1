"""Vocabulary of page furniture, as data: the generic words web pages use around an article.

Nothing here names an outlet, a person or an event; these are the labels of menus, comment sections,
newsletter boxes, cookie notices and related-story lists as they appear across news sites.
"""

from __future__ import annotations

import re

# One of these alone marks a line as furniture.
STRONG_CUES = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"\bcookies?\b",
        r"\ball rights reserved\b",
        r"(?:©|\(c\))\s*(?:\d{4}|[A-Z])",
        r"\bnewsletters?\b",
        r"\bsubscribe\b",
        r"\bsign up(?: free| now| here| today| for (?:our|the|free))\b",
        r"^\W*sign (?:in|up)\b",
        r"\benter your e-?mail\b",
        r"\bin your inbox\b",
        r"\bprivacy (?:policy|settings|notice)\b",
        r"\bterms of (?:use|service)\b",
        r"\bcomment(?:s)? rules\b",
        r"\bcommunity guidelines\b",
        r"\bcomments (?:are|were) (?:moderated|closed|the)\b",
        r"\bhyperlink to the source\b",
        r"\breproduction (?:only|is|without|prohibited)\b",
        r"\brepublished\b",
        r"\bsyndicated\b",
        r"\bcontent[- ]sharing\b",
        r"\bpage you (?:were|are) looking for\b",
        r"\bpage not found\b",
        r"\blegal disclaimer\b",
        r"\bnot responsible for the (?:content|accuracy)\b",
        r"\bspread the love\b",
        r"\bshare (?:on|this|via)\b",
        r"\b(?:follow|join) us on\b",
        r"\bdownload (?:our|the) app\b",
        r"\bskip to (?:main )?content\b",
        # credit lines and contact lines closing a story
        r"^\W*(?:additional )?(?:reporting|writing|editing) by\b",
        r"\bcontributed (?:reporting|to this report)\b",
        r"\b(?:follow|reach)\b[^.]{0,60}\bon (?:twitter|facebook|instagram|youtube)\b",
        # shop, subscription and form boxes
        r"\b(?:earn|get|receive)s? (?:a )?(?:small )?(?:commission|share of the sale)\b",
        r"\bclick here\b",
        r"\b\d+ issues for\b",
        r"\bnon-commercial use\b",
        r"\ban error (?:has )?occurred\b|\bplease try again later\b|\berror processing your\b",
        r"\bif you (?:enjoyed|liked) this (?:article|story|post)\b",
        r"\bshare (?:it|this) with\b",
    )
)

# Two different ones of these mark a line as furniture.
WEAK_CUES = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"\bcomments?\b",
        r"\breaders?\b",
        r"\bmoderat\w*",
        r"\bposts?\b",
        r"\bpersonal (?:attacks?|information)\b",
        r"\binsults?\b",
        r"\bspam\b",
        r"\bdefamatory\b",
        r"\badverti[sz]\w*",
        r"\bprivacy\b",
        r"\bterms\b",
        r"\be-?mail\b",
        r"\bdigest\b",
        r"\bbriefing\b",
        r"\bwarranty\b",
        r"\bliability\b",
        r"\bcopyright\b",
        r"\bproperty of\b",
        r"\bpublisher\b",
        r"\bguidelines\b",
        r"\bopinions\b",
        r"\bpermission\b",
        r"\bmaterials?\b",
        r"\b(?:every|each) (?:morning|evening|weekday|day|week)\b",
        r"\b\S+@\S+\.\w+\b",
    )
)

# A line that opens like this points to another story.
RELATED_PREFIX = re.compile(
    r"^\W*(?:read (?:also|more)|also read|see also|related|more from|also on|more on|recommended"
    r"|watch|listen|photo|video|source|sources)\b[^:]*:",
    re.IGNORECASE,
)

# A short heading-like line naming one of these sections ends the article: what follows is page furniture.
END_SECTIONS = re.compile(
    r"^\W*(?:\d+\s+)?(?:comments?|related(?: stories| articles| news)?|most (?:read|popular|viewed|shared)"
    r"|popular(?: now| stories)?|you may also like|latest(?: from| news)?|previous (?:story|article|post)"
    r"|next (?:story|article|post)|don'?t miss|legal disclaimer|recommended|trending|more stories"
    r"|tags|share(?: this)?|more from|top stories|editor'?s picks|read next|leave a (?:comment|reply)"
    r"|show comments|view all comments)\b",
    re.IGNORECASE,
)

# The section headings of these open the readers' comments: the article never resumes after them.
COMMENT_SECTIONS = re.compile(
    r"^\W*(?:\d+\s+)?(?:comments?|leave a (?:comment|reply)|show comments|view all comments)\b", re.IGNORECASE
)

# A story link in a list often carries its own date in brackets at the end.
TRAILING_DATE = re.compile(r"\(\s*\d{1,2}[./]\d{1,2}[./]\d{2,4}\s*\)\s*\W?$")

# Menus and bread-crumbs: several short items between separators.
MENU_SEPARATORS = re.compile(r"\s[|·•>»/]\s")

BULLET = re.compile(r"^\s*(?:[•·▪◦●‣∙*\-–—]|\d{1,2}[.)])\s+")

# English function words: a document whose prose is full of them is English, and a prose line of an
# English page with almost none of them is a sidebar in another language.
ENGLISH_FUNCTION_WORDS = frozenset(
    " ".join(
        (
            "a an the of to in on at by for from with about as into over after before under between through",
            "and or but nor so yet if that which who whom whose what when where while than then",
            "is are was were be been being has have had do does did will would shall should can could may",
            "might must it its he she they them their his her we our you your i this these those there here",
            "not no said says also more most some any all each other such only",
        )
    ).split()
)
