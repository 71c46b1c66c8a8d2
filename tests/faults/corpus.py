"""The bad-input corpus: one folder with good articles and one of every kind of bad input.

`write_corpus(folder)` writes it and returns what a run must report for each bad record, as
(file name, line, reason fragment, skipped). The folder is generated per test, never committed.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from tests.faults.helpers import SAMPLES

GOOD_SAMPLES = ("01-kharkiv-shelling.txt", "02-germany-aid.txt", "03-kenya-somalia-accord.txt")
HUGE_BYTES = 50 * 1024 * 1024
LONG_SENTENCE_TOKENS = 5000
INJECTION_TITLE = "'); DROP TABLE events; --"

STORY = (
    "The foreign ministers of Kenya and Somalia met in Nairobi on Tuesday to discuss border "
    "security. Kenya accused Somalia of failing to stop attacks on its border posts, and the two "
    "governments agreed to hold further talks next month, officials said."
)
GERMAN = (
    "Die Bundesregierung hat am Montag weitere Hilfen für die Ukraine angekündigt. Der "
    "Bundeskanzler sagte in Berlin, man werde das Land auch im kommenden Jahr mit Waffen und "
    "Geld unterstützen. Die Opposition kritisierte das Vorhaben als zu zögerlich."
)
HTML_PAGE = (
    "<html><head><title>Wire</title><script>var tracking = 1;</script></head><body>"
    "<div class='story'><p>Iran criticized the International Atomic Energy Agency on Monday "
    "after the agency published a report on its nuclear sites.</p>"
    "<p>The foreign ministry said the report was politically motivated.</p></div></body></html>"
)


@dataclass(frozen=True)
class Expected:
    file: str
    line: int  # 0 when the problem is about the whole file
    reason: str  # a fragment of the reason
    skipped: bool  # the record produced no article


def jsonl(**fields: str) -> str:
    return json.dumps(fields, ensure_ascii=False)


def write_corpus(folder: Path) -> list[Expected]:
    folder.mkdir(parents=True, exist_ok=True)
    for name in GOOD_SAMPLES:
        shutil.copy(SAMPLES / name, folder / name)
    (folder / "10-empty.txt").write_bytes(b"")
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    (folder / "11-binary.txt").write_bytes(png + bytes(range(256)))
    (folder / "12-cp1252.txt").write_bytes(
        ("Caf\u00e9 talks in Nairobi\nDate: 2026-05-02\n\n" + STORY).encode("cp1252")
    )
    lines = [
        jsonl(id="ok-1", title="Talks in Nairobi", text=STORY, date="2026-05-01"),
        '{"id": "cut-2", "title": "Truncated", "text": "Kenya accused Som',
        jsonl(id="dup", title="First", text=STORY, date="2026-05-01"),
        jsonl(id="dup", title="Second", text=STORY.replace("Tuesday", "Friday"), date="2026-05-01"),
        jsonl(id="future", title="Future", text=STORY, date="2099-01-01"),
        jsonl(id="nodate", title="No date", text=STORY.replace("Kenya", "Uganda"), date="soonish"),
        jsonl(id="inject", title=INJECTION_TITLE, text=STORY.replace("Somalia", "Ethiopia"),
              date="2026-05-01"),
        jsonl(id="html", title="Iran and the IAEA", text=HTML_PAGE, date="2026-05-01"),
        jsonl(id="german", title="Hilfe", text=GERMAN, date="2026-05-01"),
    ]
    (folder / "13-feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with (folder / "14-huge.txt").open("wb") as huge:
        huge.write(b"Huge dump\n\n")
        chunk = (STORY + "\n\n").encode() * 1000
        while huge.tell() < HUGE_BYTES:
            huge.write(chunk)
    words = ("officials", "from", "several", "countries", "discussed", "trade", "and", "security")
    run_on = " ".join(words[i % len(words)] for i in range(LONG_SENTENCE_TOKENS))
    (folder / "15-run-on.txt").write_text(
        f"Run-on scrape\nDate: 2026-05-03\n\n{STORY}\n\n{run_on}.\n", encoding="utf-8"
    )
    (folder / "16-german.txt").write_text(f"Hilfe\nDate: 2026-05-01\n\n{GERMAN}\n", "utf-8")
    (folder / "17-page.txt").write_text(f"Iran\nDate: 2026-05-01\n\n{HTML_PAGE}\n", "utf-8")
    return [
        Expected("10-empty.txt", 0, "empty file", True),
        Expected("11-binary.txt", 0, "binary file", True),
        Expected("12-cp1252.txt", 0, "invalid UTF-8 at byte 3 (decoded as cp1252)", False),
        Expected("13-feed.jsonl", 2, "invalid JSON", True),
        Expected("13-feed.jsonl", 0, "id 'dup' already used by another article; kept as", False),
        Expected("13-feed.jsonl", 5, "date 2099-01-01 is in the future", False),
        Expected("13-feed.jsonl", 6, "unparsable date 'soonish'", False),
        Expected("13-feed.jsonl", 8, "text is HTML markup; tags stripped", False),
        Expected("13-feed.jsonl", 9, "not English", True),
        Expected("14-huge.txt", 0, "exceeds the limit of 4,000,000", True),
        Expected("16-german.txt", 1, "not English", True),
        Expected("17-page.txt", 1, "text is HTML markup; tags stripped", False),
    ]


# Articles the corpus must yield: 3 good samples, the cp1252 story, 7 JSONL articles (ok-1, dup,
# dup~hash, future, nodate, inject, html), the run-on story and the HTML page.
ARTICLES = 3 + 1 + 7 + 1 + 1
SKIPPED = sum(1 for _ in ("empty", "binary", "truncated", "german line", "huge", "german file"))
