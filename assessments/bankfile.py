"""Reading, checking and writing bank files (JSON or YAML), without touching the database.

A bank file has the export's shape::

    {"bank", "version", "learned_stage",
     "dimensions": [{"kind", "list", "number", "title", "description", "source",
     "questions": [{"kind", "prompt", "probes", "listen_for",
     "anchors": [{"level", "behaviour"}]}]}],
     "warning_rules": [{"code", "label", "why", "severity", "patterns", "examples",
     "counter_examples", "dimension", "source"}]}

`learned_stage` (true or false) says whether the version's screener also runs the learned
stage; a file without it (written before the setting existed) means true.

`parse` returns the same shape, normalised, or raises BankFileError listing every
problem as "file: item: problem", so HR can fix a file in one pass.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from assessments.models import Dimension, Question, WarningRule
from assessments.screening import pattern_problem

DEFAULT_BANK_DIR = Path(__file__).resolve().parent / "data"

BankData = dict[str, Any]

# Bounds that keep a bank file from exhausting memory or the database's columns. A real
# bank is a few dozen dimensions and rules; these leave generous room above that.
MAX_BANK_BYTES = 2_000_000
MAX_ITEMS = {"dimensions": 200, "questions": 100, "anchors": 5, "warning_rules": 500}
MAX_LIST_ENTRIES = 200  # probes, listen_for, patterns, examples per item
MAX_TEXT = 5_000  # any free text (description, prompt, anchor, why, examples)
# The database columns' limits (assessments/models.py).
MAX_FIELD = {"bank": 200, "title": 200, "source": 300, "code": 60, "label": 200}
MAX_VERSION = 2_147_483_647  # PositiveIntegerField
MAX_DIMENSION_NUMBER = 32_767  # PositiveSmallIntegerField
SLUG = re.compile(r"^[-a-zA-Z0-9_]+\Z")


class _BoundedLoader(yaml.SafeLoader):
    """safe_load without aliases: `*name` lets a few bytes expand into millions of rows."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in bank files; write it out", mark
            )
        return super().compose_node(parent, index)


class BankFileError(ValueError):
    def __init__(self, filename: str, problems: list[str]) -> None:
        self.filename = filename
        self.problems = problems
        super().__init__("\n".join(f"{filename}: {p}" for p in problems))


def default_bank_paths() -> list[Path]:
    """The shipped bank: the dimensions and the warning rules, kept in two files for review."""
    return [DEFAULT_BANK_DIR / "dimensions.yaml", DEFAULT_BANK_DIR / "warning_rules.yaml"]


def read_default_bank() -> BankData:
    merged: dict[str, Any] = {"bank": "Customer service staff", "version": 1}
    for path in default_bank_paths():
        merged.update(yaml.safe_load(path.read_text(encoding="utf-8")))
    return parse_data(merged, "default bank")


def read_path(path: Path) -> BankData:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BankFileError(str(path), [f"cannot be read ({exc})"]) from exc
    return parse_text(text, str(path))


def parse_text(text: str, filename: str) -> BankData:
    if len(text) > MAX_BANK_BYTES:
        raise BankFileError(filename, [f"larger than {MAX_BANK_BYTES // 1_000_000} MB"])
    try:
        if filename.endswith(".json") or text.lstrip().startswith("{"):
            raw = json.loads(text)
        else:
            raw = yaml.load(text, Loader=_BoundedLoader)  # a SafeLoader, without aliases
    except json.JSONDecodeError as exc:
        raise BankFileError(filename, [f"not valid JSON: {exc}"]) from exc
    except yaml.YAMLError as exc:
        raise BankFileError(filename, [f"not valid YAML: {exc}"]) from exc
    except RecursionError as exc:
        raise BankFileError(filename, ["nested too deeply"]) from exc
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise BankFileError(filename, [f"cannot be read: {exc}"]) from exc
    return parse_data(raw, filename)


def parse_data(raw: Any, filename: str) -> BankData:
    checker = _Checker()
    data = checker.bank(raw)
    if checker.problems:
        raise BankFileError(filename, checker.problems)
    return data


class _Checker:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def fail(self, item: str, problem: str) -> None:
        self.problems.append(f"{item}: {problem}")

    def bounded(self, value: str, field: str, item: str, limit: int) -> str:
        """`value` if it fits the column and holds no NUL character, else '' and a problem."""
        if "\x00" in value:
            self.fail(item, f"'{field}' contains a NUL character")
            return ""
        if len(value) > limit:
            self.fail(item, f"'{field}' is {len(value)} characters long, at most {limit}")
            return ""
        return value

    def text(self, obj: dict[str, Any], field: str, item: str, *, required: bool = True) -> str:
        value = obj.get(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.fail(item, f"missing field '{field}'")
            return ""
        if not isinstance(value, str):
            self.fail(item, f"'{field}' must be text")
            return ""
        return self.bounded(value.strip(), field, item, MAX_FIELD.get(field, MAX_TEXT))

    def texts(self, obj: dict[str, Any], field: str, item: str, *, minimum: int = 0) -> list[str]:
        value = obj.get(field, [])
        if value is None:
            value = []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(item, f"'{field}' must be a list of texts")
            return []
        if len(value) > MAX_LIST_ENTRIES:
            self.fail(item, f"'{field}' has {len(value)} entries, at most {MAX_LIST_ENTRIES}")
            return []
        cleaned = [self.bounded(v.strip(), field, item, MAX_TEXT) for v in value if v.strip()]
        if len(cleaned) < minimum:
            self.fail(item, f"'{field}' needs at least {minimum} entries, has {len(cleaned)}")
        return cleaned

    def choice(self, obj: dict[str, Any], field: str, item: str, options: Sequence[str]) -> str:
        value = self.text(obj, field, item)
        if value and value not in options:
            self.fail(item, f"'{field}' is '{value}', expected one of {', '.join(options)}")
        return value

    def integer(
        self, obj: dict[str, Any], field: str, item: str, low: int = 1, high: int = 5
    ) -> int:
        value = obj.get(field)
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(item, f"missing or non-integer '{field}'")
            return 0
        if not low <= value <= high:
            self.fail(item, f"{field} {_short(value)} is outside {low}..{high}")
            return 0
        return value

    def items(self, obj: dict[str, Any], field: str, item: str) -> list[dict[str, Any]]:
        value = obj.get(field)
        if value is None:
            self.fail(item, f"missing field '{field}'")
            return []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.fail(item, f"'{field}' must be a list of mappings")
            return []
        limit = MAX_ITEMS[field]
        if len(value) > limit:
            self.fail(item, f"'{field}' has {len(value)} entries, at most {limit}")
            return []
        return value

    def bank(self, raw: Any) -> BankData:
        if not isinstance(raw, dict):
            self.fail("file", "must be a mapping with 'bank', 'dimensions' and 'warning_rules'")
            return {}
        name = self.text(raw, "bank", "bank")
        version = raw.get("version", 1)
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            self.fail("bank", "'version' must be a positive integer")
            version = 1
        elif version > MAX_VERSION:
            self.fail("bank", f"'version' is {_short(version)}, at most {MAX_VERSION}")
            version = 1
        learned_stage = raw.get("learned_stage", True)
        if not isinstance(learned_stage, bool):
            self.fail("bank", "'learned_stage' must be true or false")
            learned_stage = True
        dimensions = [
            self.dimension(d, i) for i, d in enumerate(self.items(raw, "dimensions", "bank"), 1)
        ]
        keys = [Dimension.make_key(d["list"], d["number"]) for d in dimensions]
        for key in sorted({k for k in keys if keys.count(k) > 1}):
            self.fail(f"dimension {key}", "appears more than once")
        titles = [d["title"] for d in dimensions if d["title"]]
        for title in sorted({t for t in titles if titles.count(t) > 1}):
            self.fail(f"dimension '{title}'", "title appears more than once")
        rules = [
            self.rule(r, i, set(keys))
            for i, r in enumerate(self.items(raw, "warning_rules", "bank"), 1)
        ]
        codes = [r["code"] for r in rules if r["code"]]
        for code in sorted({c for c in codes if codes.count(c) > 1}):
            self.fail(f"warning rule '{code}'", "duplicate code")
        return {
            "bank": name,
            "version": version,
            "learned_stage": learned_stage,
            "dimensions": dimensions,
            "warning_rules": rules,
        }

    def dimension(self, raw: dict[str, Any], index: int) -> dict[str, Any]:
        item = f"dimension #{index}"
        if isinstance(raw.get("title"), str):
            item += f" '{raw['title']}'"
        data = {
            "kind": self.choice(raw, "kind", item, Dimension.Kind.values),
            "list": self.choice(raw, "list", item, Dimension.List.values),
            "number": self.integer(raw, "number", item, 1, MAX_DIMENSION_NUMBER),
            "title": self.text(raw, "title", item),
            "description": self.text(raw, "description", item, required=False),
            "source": self.text(raw, "source", item),
        }
        questions = []
        for qi, q in enumerate(self.items(raw, "questions", item), 1):
            q_item = f"{item} question #{qi}"
            questions.append(
                {
                    "kind": self.choice(q, "kind", q_item, Question.Kind.values),
                    "prompt": self.text(q, "prompt", q_item),
                    "probes": self.texts(q, "probes", q_item),
                    "listen_for": self.texts(q, "listen_for", q_item),
                    "anchors": self.anchors(q, q_item),
                }
            )
        if not questions:
            self.fail(item, "needs at least one question")
        if "anchors" in raw:
            # The old shape shared one set per dimension; say where they go now.
            self.fail(item, "anchors belong to each question now (questions[].anchors)")
        data["questions"] = questions
        return data

    def anchors(self, raw: dict[str, Any], item: str) -> list[dict[str, Any]]:
        """A question's five anchors, one per level 1..5."""
        anchors: list[dict[str, Any]] = []
        for ai, a in enumerate(self.items(raw, "anchors", item), 1):
            level = self.integer(a, "level", f"{item} anchor #{ai}")
            anchors.append(
                {"level": level, "behaviour": self.text(a, "behaviour", f"{item} anchor #{ai}")}
            )
        levels: list[int] = [a["level"] for a in anchors]
        for level in sorted({lv for lv in levels if levels.count(lv) > 1}):
            self.fail(item, f"anchor level {level} is given more than once")
        missing = sorted(set(range(1, 6)) - set(levels))
        if missing:
            self.fail(item, f"anchor levels missing: {', '.join(map(str, missing))}")
        return sorted(anchors, key=lambda a: int(a["level"]))

    def rule(self, raw: dict[str, Any], index: int, dimension_keys: set[str]) -> dict[str, Any]:
        item = f"warning rule #{index}"
        if isinstance(raw.get("code"), str):
            item = f"warning rule '{raw['code'][:60]}'"
        data: dict[str, Any] = {
            "code": self.text(raw, "code", item),
            "label": self.text(raw, "label", item),
            "why": self.text(raw, "why", item),
            "severity": self.choice(raw, "severity", item, WarningRule.Severity.values),
            "patterns": self.texts(raw, "patterns", item, minimum=1),
            "examples": self.texts(raw, "examples", item),
            "counter_examples": self.texts(raw, "counter_examples", item),
            "dimension": self.text(raw, "dimension", item, required=False) or None,
            "source": self.text(raw, "source", item, required=False),
        }
        if data["code"] and not SLUG.match(data["code"]):
            self.fail(item, "'code' may hold only letters, digits, hyphens and underscores")
        for pattern in data["patterns"]:
            problem = pattern_problem(pattern)
            if problem:
                self.fail(item, f"pattern '{pattern}': {problem}")
        if data["dimension"] is not None and data["dimension"] not in dimension_keys:
            self.fail(item, f"dimension '{data['dimension']}' is not in this bank")
        return data


def _short(number: int) -> str:
    """A number for a message: huge ones are described, not printed in full."""
    digits = len(str(abs(number))) if abs(number) < 10**50 else 51
    return str(number) if digits <= 50 else f"a number of more than {digits - 1} digits"


def dump(data: BankData, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if fmt == "yaml":
        return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    raise ValueError(f"Unknown format {fmt!r}: use json or yaml.")


def content_of(data: BankData) -> BankData:
    """What a version holds, leaving out its name and number (for 'is this a change?')."""
    return {
        "learned_stage": data.get("learned_stage", True),
        "dimensions": data["dimensions"],
        "warning_rules": data["warning_rules"],
    }
