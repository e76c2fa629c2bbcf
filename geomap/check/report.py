"""Reports of a check: compiler-style lines, JSON, and a one-line summary."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable

from geomap.check.findings import Finding
from geomap.check.fix import FixPlan
from geomap.check.run import CheckRun

__all__ = ["findings_json", "findings_text", "summary"]


def findings_text(findings: Iterable[Finding]) -> str:
    """One `path:line:col: message` line per finding, like a compiler."""
    return "".join(f"{f.path}:{f.line}:{f.col}: {f.message}\n" for f in findings)


def findings_json(findings: Iterable[Finding]) -> str:
    return json.dumps([f.to_json() for f in findings], ensure_ascii=False, indent=2) + "\n"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary(run: CheckRun, plan: FixPlan | None = None) -> str:
    """One line: how many findings of each kind, in how many files, and what was fixed."""
    files = _plural(len(run.paths), "file")
    if not run.findings:
        return f"No findings in {files}."
    kinds = Counter(f.kind.value for f in run.findings)
    by_kind = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
    with_findings = len({f.path for f in run.findings})
    line = (
        f"Found {_plural(len(run.findings), 'finding')} ({by_kind}) in {with_findings} of {files}"
    )
    fixable = sum(f.fixable for f in run.findings)
    if plan is not None:
        fixed = sum(f.fixes for f in plan.files)
        return f"{line}; fixed {fixed} in {_plural(len(plan.files), 'file')}."
    return f"{line}; {fixable} fixable with --fix."
