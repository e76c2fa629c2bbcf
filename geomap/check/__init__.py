"""Lint place-name spellings: variants, inconsistencies, typos and ambiguous names.

`check_articles` is pure: it reads articles and returns findings. `check_paths` reads files
through `geomap.sources` and places each finding at a line and column of the file itself.
`plan_fixes` and `write_fixes` turn fixable findings into corrected files.

One module per concern:

- `findings`: what is reported (Finding, FindingKind) and the drafts it is made from;
- `rules`: a house style resolved against the gazetteer, and when two spellings are variants;
- `mentions`: one article's place names, and the ambiguous ones;
- `typos`: capitalised words that no spelling matches, but one nearly does;
- `consistency`: a place spelled otherwise elsewhere in the articles checked together;
- `jsonl`: where a JSON-lines record's text sits in its raw line;
- `run`: the entry points, `check_articles` and `check_paths`;
- `fix`: corrected files; `report`: text, JSON and the summary line.
"""

from __future__ import annotations

from geomap.check.findings import Finding, FindingKind
from geomap.check.fix import FixedFile, FixPlan, fix_text, plan_fixes, write_fixes
from geomap.check.report import findings_json, findings_text, summary
from geomap.check.run import CheckRun, check_articles, check_paths

__all__ = [
    "CheckRun",
    "Finding",
    "FindingKind",
    "FixPlan",
    "FixedFile",
    "check_articles",
    "check_paths",
    "findings_json",
    "findings_text",
    "fix_text",
    "plan_fixes",
    "summary",
    "write_fixes",
]
