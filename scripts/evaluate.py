"""How often the verdicts are right, on the labelled corpus, against a naive keyword baseline.

Run: `make eval`. Letters and their labels sit side by side (`*.txt` and `*.labels.yaml`) in
corpus/letters/, examples/ and the test fixtures; variants of the labelled letters are made by
code here (re-encoded, headings stripped, sections shuffled, each section removed in turn, only
the restated request kept, the rotations section replaced by a promise).

Blind batches (corpus/blind/<batch>/, letters written by someone who never read rules/) are
judged too and reported as their own groups, never mixed into the development figures; every
figure is also given per language. Letters whose mandate has no rules file yet are listed as
skipped; a letter the checker refuses counts every element as wrong.

Blind batches (corpus/blind/<batch>/, letters written by people who never read the rules) are
scored on their own, letter as written, never varied: each batch's score before any tuning
(recorded in its before.yaml) is printed beside the live after-tuning figure, with every false
"covered". A letter the checker cannot read (no rules for its mandate or language yet) counts as
wrong, never as covered.

Truth is covered / partial / missing, or "not-covered" where a removed section leaves an element
that nothing else answers: then partial and missing are both right. The baseline calls an
element covered when its own words (its heaviest cue terms) appear anywhere in the letter.
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from lettercraft import blocks, join  # noqa: E402

from mandate.errors import InputError  # noqa: E402
from mandate.models import Document  # noqa: E402
from mandate.pipeline import check  # noqa: E402
from mandate.rules import Mandate, find_mandate, load_mandate  # noqa: E402

SOURCES = [ROOT / "examples", ROOT / "corpus" / "letters", ROOT / "tests" / "fixtures" / "letters"]
BLIND = ROOT / "corpus" / "blind"
DEVELOPMENT = "development"
STATUSES = ["covered", "partial", "missing"]
DEFERRAL = {
    "zh": "关于部队轮调的信息将在我的下一份报告中提供。",
    "en": "Information on the rotation of contingents will be provided in my next report.",
    "fr": "Les informations sur la relève des contingents seront fournies dans mon prochain "
    "rapport.",
    "es": "La información sobre la rotación de los contingentes se proporcionará en mi próximo "
    "informe.",
    "ru": "Информация о ротации контингентов будет представлена в моем следующем докладе.",
    "ar": "وستقدم المعلومات المتعلقة بتناوب الوحدات في تقريري المقبل.",
}


@dataclass
class Case:
    """One letter to judge, with what a desk officer would say of it."""

    name: str
    data: bytes
    mandate: Mandate
    verdicts: dict[str, str]
    sections: dict[str, list[str]] | None
    group: str = DEVELOPMENT
    lang: str = ""
    predicted: dict[str, str] = field(default_factory=dict)
    predicted_sections: dict[str, list[str]] = field(default_factory=dict)
    baseline: dict[str, str] = field(default_factory=dict)
    baseline_sections: dict[str, list[str]] = field(default_factory=dict)


def _mandate(spec: str, labels: Path) -> Mandate:
    if spec.endswith(".yaml"):
        return load_mandate((labels.parent / spec).resolve())
    return find_mandate(spec)


def _is_heading(block: str, headings: list[str]) -> bool:
    """A block is one of the labelled headings, with or without its own numbering ('一、')."""
    return any(block == h or (block.endswith(h) and len(block) - len(h) <= 4) for h in headings)


def _sections_of(parts: list[str], headings: list[str]) -> list[tuple[int, int]]:
    """Block ranges of each headed section (heading included), up to the closing blocks."""
    starts = [i for i, p in enumerate(parts) if _is_heading(p, headings)]
    ends = [*starts[1:], len(parts) - 2]
    return list(zip(starts, ends, strict=True))


def variants(name: str, text: str, labels: dict, mandate: Mandate, lang: str) -> list[Case]:
    """The labelled letter itself and the variants its labels ask for."""
    verdicts, sections = labels["verdicts"], labels.get("sections")
    headings = list(sections or {})
    parts = blocks(text)
    out = [Case(name, text.encode("utf-8"), mandate, verdicts, sections)]
    wanted = labels.get("variants", [])
    if "encodings" in wanted:
        for encoding in ["gb18030", "utf-16"] if lang == "zh" else ["utf-16", "utf-8-sig"]:
            out.append(
                Case(f"{name} [{encoding}]", text.encode(encoding), mandate, verdicts, sections)
            )
    if "headings-stripped" in wanted and headings:
        stripped = join([p for p in parts if not _is_heading(p, headings)])
        out.append(Case(f"{name} [no headings]", stripped.encode(), mandate, verdicts, None))
    if "sections-shuffled" in wanted and headings:
        spans = _sections_of(parts, headings)
        body = [parts[a:b] for a, b in reversed(spans)]
        shuffled = parts[: spans[0][0]] + [p for s in body for p in s] + parts[spans[-1][1] :]
        out.append(
            Case(
                f"{name} [sections reversed]", join(shuffled).encode(), mandate, verdicts, sections
            )
        )
    if "each-section-removed" in wanted and headings:
        for (a, b), heading in zip(_sections_of(parts, headings), headings, strict=True):
            rest = {h: e for h, e in sections.items() if h != heading}
            still = {e for es in rest.values() for e in es}
            truth = {e: ("covered" if e in still else "not-covered") for e in verdicts}
            out.append(
                Case(
                    f"{name} [without “{heading}”]",
                    join(parts[:a] + parts[b:]).encode(),
                    mandate,
                    truth,
                    rest,
                )
            )
    if "request-only" in wanted:
        reduced = join(parts[:2] + parts[-2:])
        out.append(
            Case(
                f"{name} [request only]",
                reduced.encode(),
                mandate,
                dict.fromkeys(verdicts, "missing"),
                None,
            )
        )
    if "rotations-deferred" in wanted and headings:
        spans = dict(zip(headings, _sections_of(parts, headings), strict=True))
        heading = next(
            h for h, es in sections.items() if len(es) == 1 and es[0].endswith(".rotations")
        )
        a, b = spans[heading]
        deferred = [*parts[: a + 1], DEFERRAL[lang], *parts[b:]]
        truth = {**verdicts, sections[heading][0]: "missing"}
        out.append(
            Case(
                f"{name} [rotations only promised]",
                join(deferred).encode(),
                mandate,
                truth,
                {**sections, heading: []},
            )
        )
    return out


SKIPPED: list[str] = []


def _labelled(paths: list[Path], group: str) -> list[Case]:
    cases: list[Case] = []
    for labels_path in paths:
        letter = labels_path.with_name(labels_path.name.replace(".labels.yaml", ".txt"))
        labels = yaml.safe_load(labels_path.read_text(encoding="utf-8"))
        try:
            mandate = _mandate(str(labels["mandate"]), labels_path)
        except InputError as exc:
            SKIPPED.append(f"{group}/{letter.name}: {exc}")
            continue
        lang = letter.stem.rsplit(".", 1)[-1]
        text = letter.read_text(encoding="utf-8")
        for case in variants(letter.name, text, labels, mandate, lang):
            case.group, case.lang = group, lang
            cases.append(case)
    return cases


def corpus(blind: bool = False) -> list[Case]:
    """Every labelled development letter and its variants; with ``blind``, the blind batches too."""
    cases: list[Case] = []
    for folder in SOURCES:
        cases += _labelled(sorted(folder.glob("*.labels.yaml")), DEVELOPMENT)
    if blind and BLIND.is_dir():
        for batch in sorted(p for p in BLIND.iterdir() if p.is_dir()):
            cases += _labelled(sorted(batch.rglob("*.labels.yaml")), f"blind/{batch.name}")
    return cases


def _own_words(mandate: Mandate, lang: str) -> dict[str, list[str]]:
    """The baseline's vocabulary: each element's heaviest cue terms."""
    words = {}
    for element in mandate.elements:
        groups = element.cues.get(lang, [])
        top = max((g.weight for g in groups), default=0)
        words[element.id] = [t.lower() for g in groups if g.weight == top for t in g.terms]
    return words


def _baseline(case: Case, document: Document) -> None:
    words = _own_words(case.mandate, document.language)
    whole = "\n".join(p.text for p in document.paragraphs).lower()
    case.baseline = {
        e: ("covered" if any(w in whole for w in ws) else "missing") for e, ws in words.items()
    }
    for section in document.sections:
        if not section.heading:
            continue
        text = (
            section.heading
            + "\n"
            + "\n".join(document.paragraph(i).text for i in section.paragraphs)
        ).lower()
        case.baseline_sections[section.heading] = [
            e for e, ws in words.items() if any(w in text for w in ws)
        ]


def judge(cases: list[Case]) -> None:
    """Run the checker (and the baseline) on every case."""
    with tempfile.TemporaryDirectory() as tmp:
        for n, case in enumerate(cases):
            path = Path(tmp) / f"case-{n}.txt"
            path.write_bytes(case.data)
            try:
                result = check(path, case.mandate)
            except InputError as exc:  # refused: no verdict at all, every element counts wrong
                case.predicted = dict.fromkeys(case.verdicts, "refused")
                case.baseline = dict.fromkeys(case.verdicts, "missing")
                SKIPPED.append(f"{case.group}/{case.name}: refused — {exc}")
                continue
            case.predicted = {v.id: v.status.value for v in result.assessment.verdicts}
            labels = {s.section: s.elements for s in result.classification.sections}
            case.predicted_sections = {
                s.heading: labels.get(s.index, []) for s in result.document.sections if s.heading
            }
            _baseline(case, result.document)


def _right(truth: str, predicted: str) -> bool:
    return predicted == truth or (truth == "not-covered" and predicted != "covered")


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def scores(cases: list[Case], which: str) -> dict:
    """Per-element and overall figures for 'ours' or 'baseline'."""
    per: dict[str, Counter] = defaultdict(Counter)
    confusion: Counter = Counter()
    right = total = 0
    for case in cases:
        predicted = case.predicted if which == "ours" else case.baseline
        for element, truth in case.verdicts.items():
            pred = predicted[element]
            c = per[element]
            confusion[(truth, pred)] += 1
            total += 1
            right += _right(truth, pred)
            if pred == "covered" and truth == "covered":
                c["cov_tp"] += 1
            elif pred == "covered":
                c["cov_fp"] += 1
            elif truth == "covered":
                c["cov_fn"] += 1
            if truth != "not-covered":
                if pred == "missing" and truth == "missing":
                    c["mis_tp"] += 1
                elif pred == "missing":
                    c["mis_fp"] += 1
                elif truth == "missing":
                    c["mis_fn"] += 1
    sec = Counter()
    for case in cases:
        if not case.sections:
            continue
        predicted = case.predicted_sections if which == "ours" else case.baseline_sections
        for heading, truth in case.sections.items():
            got = set(predicted.get(heading, []))
            sec["tp"] += len(got & set(truth))
            sec["fp"] += len(got - set(truth))
            sec["fn"] += len(set(truth) - got)
    totals = sum(per.values(), Counter())
    return {
        "per": per,
        "confusion": confusion,
        "right": right,
        "total": total,
        "covered": _prf(totals["cov_tp"], totals["cov_fp"], totals["cov_fn"]),
        "missing": _prf(totals["mis_tp"], totals["mis_fp"], totals["mis_fn"]),
        "sections": _prf(sec["tp"], sec["fp"], sec["fn"]),
    }


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}"


def report(cases: list[Case]) -> str:
    ours, base = scores(cases, "ours"), scores(cases, "baseline")
    lines = [
        f"{len(cases)} letters ({len({c.name.split(' [')[0] for c in cases})} labelled, the rest "
        f"variants), {ours['total']} element verdicts",
        "",
        "per element: 'covered' P / R / F1 and 'missing' P / R / F1 (%), ours | baseline",
    ]
    for element in sorted(ours["per"]):
        row = []
        for s in (ours, base):
            c = s["per"][element]
            cov = _prf(c["cov_tp"], c["cov_fp"], c["cov_fn"])
            mis = _prf(c["mis_tp"], c["mis_fp"], c["mis_fn"])
            row.append(" ".join(_pct(x) for x in cov) + "  " + " ".join(_pct(x) for x in mis))
        lines.append(f"  {element:<34} {row[0]}  |  {row[1]}")
    lines += ["", "overall                              ours                 baseline"]
    for key, label in (
        ("covered", "'covered' P/R/F1"),
        ("missing", "'missing' P/R/F1"),
        ("sections", "section labels micro P/R/F1"),
    ):
        lines.append(
            f"  {label:<32} {' '.join(_pct(x) for x in ours[key])}    "
            f"{' '.join(_pct(x) for x in base[key])}"
        )
    lines.append(
        f"  {'verdicts right':<32} {ours['right']}/{ours['total']}"
        f"{'':>12}{base['right']}/{base['total']}"
    )
    for title, s in (("ours", ours), ("baseline", base)):
        lines += ["", f"confusion ({title}): truth \\ predicted   covered  partial  missing"]
        for truth in [*STATUSES, "not-covered"]:
            counts = [s["confusion"][(truth, p)] for p in STATUSES]
            if any(counts):
                lines.append(f"  {truth:<36}" + "".join(f"{n:>9}" for n in counts))
    wrong = [
        (c.name, e, t, c.predicted[e])
        for c in cases
        for e, t in c.verdicts.items()
        if not _right(t, c.predicted[e])
    ]
    extra = [
        (
            c.name,
            h,
            sorted(set(c.predicted_sections.get(h, [])) - set(t)),
            sorted(set(t) - set(c.predicted_sections.get(h, []))),
        )
        for c in cases
        if c.sections
        for h, t in c.sections.items()
    ]
    extra = [x for x in extra if x[2] or x[3]]
    if extra:
        lines += [
            "",
            "section labels that differ from the truth (letter, section: +extra -missed):",
        ]
        lines += [
            f"  {n}, “{h}”: +{', '.join(a) or '—'} -{', '.join(b) or '—'}" for n, h, a, b in extra
        ]
    if wrong:
        lines += ["", "wrong verdicts:"]
        lines += [f"  {n}: {e} expected {t}, got {p}" for n, e, t, p in wrong]
    return "\n".join(lines)


@dataclass
class Blind:
    """One blind batch: its letters as written, and its score before any tuning."""

    name: str
    letters: list[tuple[Path, dict]]
    before: dict
    predicted: dict[str, dict[str, str]] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    def wrong(self) -> list[tuple[str, str, str, str]]:
        return [
            (letter.name, e, t, self.predicted[letter.name].get(e, "unchecked"))
            for letter, labels in self.letters
            for e, t in labels["verdicts"].items()
            if self.predicted[letter.name].get(e, "unchecked") != t
        ]

    def false_covered(self) -> list[tuple[str, str, str, str]]:
        return [w for w in self.wrong() if w[3] == "covered"]

    def total(self) -> int:
        return sum(len(labels["verdicts"]) for _, labels in self.letters)


def blind_batches(root: Path = BLIND) -> list[Blind]:
    """Every folder of blind letters (corpus/blind/<batch>/), judged apart from the corpus."""
    batches = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []:
        letters = []
        for labels_path in sorted(folder.glob("*.labels.yaml")):
            letter = labels_path.with_name(labels_path.name.replace(".labels.yaml", ".txt"))
            letters.append((letter, yaml.safe_load(labels_path.read_text(encoding="utf-8"))))
        before_path = folder / "before.yaml"
        before = (
            yaml.safe_load(before_path.read_text(encoding="utf-8")) if before_path.exists() else {}
        )
        if letters:
            batches.append(Blind(folder.name, letters, before or {}))
    return batches


def judge_blind(batch: Blind) -> None:
    """Check every letter of a batch as written; one that cannot be checked gives no verdict."""
    from mandate.errors import InputError

    for letter, labels in batch.letters:
        try:
            result = check(letter, find_mandate(str(labels["mandate"])))
        except InputError as exc:
            batch.predicted[letter.name] = {}
            batch.errors[letter.name] = str(exc)
            continue
        batch.predicted[letter.name] = {v.id: v.status.value for v in result.assessment.verdicts}


def blind_report(batches: list[Blind]) -> str:
    """Per batch: before tuning (recorded) and after tuning (live), false "covered", errors."""
    lines = ["blind batches (letters nobody here wrote): before tuning -> after tuning"]
    for b in batches:
        total, wrong, false = b.total(), b.wrong(), b.false_covered()
        before = b.before
        was = (
            f"{before.get('right')}/{before.get('total')} right, "
            f"{before.get('false_covered')} false covered (at {before.get('commit')})"
            if before
            else "not recorded"
        )
        lines.append(
            f"  {b.name:<14} before {was}  ->  after {total - len(wrong)}/{total} right, "
            f"{len(false)} false covered"
        )
        for name, error in b.errors.items():
            lines.append(f"      {name}: not checked — {error}")
        for name, e, t, p in wrong:
            if name not in b.errors:
                lines.append(f"      {name}: {e} expected {t}, got {p}")
    return "\n".join(lines)


def summary(cases: list[Case], key: str) -> list[str]:
    """One line per group or language: verdicts right, 'covered' and 'missing' P/R/F1."""
    lines = [
        f"by {key}: letters, verdicts right (ours | baseline), 'covered' P/R/F1, 'missing' P/R/F1",
    ]
    names = sorted({getattr(c, key) for c in cases})
    for name in names:
        some = [c for c in cases if getattr(c, key) == name]
        ours, base = scores(some, "ours"), scores(some, "baseline")
        lines.append(
            f"  {name:<20} {len(some):>4}  {ours['right']:>4}/{ours['total']:<4}"
            f"({100 * ours['right'] / max(1, ours['total']):5.1f} %) | "
            f"{base['right']:>4}/{base['total']:<4}  "
            f"{' '.join(_pct(x) for x in ours['covered'])}   "
            f"{' '.join(_pct(x) for x in ours['missing'])}"
        )
    return lines


def main() -> int:
    cases = corpus(blind=True)
    judge(cases)
    development = [c for c in cases if c.group == DEVELOPMENT]
    print(report(development))
    blind = [c for c in cases if c.group != DEVELOPMENT]
    print()
    print("\n".join(summary(cases, "group")))
    print()
    print("\n".join(summary(cases, "lang")))
    for group in sorted({c.group for c in blind}):
        some = [c for c in blind if c.group == group]
        print()
        print(f"{group}, by language:")
        print("\n".join(summary(some, "lang")[1:]))
        wrong = [
            (c.name, e, t, c.predicted[e])
            for c in some
            for e, t in c.verdicts.items()
            if not _right(t, c.predicted[e])
        ]
        if wrong:
            print(f"{group}: wrong verdicts")
            print("\n".join(f"  {n}: {e} expected {t}, got {p}" for n, e, t, p in wrong))
    if SKIPPED:
        print()
        print("skipped or refused:")
        print("\n".join(f"  {s}" for s in SKIPPED))
    batches = blind_batches()
    for batch in batches:
        judge_blind(batch)
    print()
    print(blind_report(batches))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
