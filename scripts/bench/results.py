"""The table of figures: samples per variant, targets, ratios to the floor app, and the JSON record."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Any

from scripts.bench.config import BASELINE, CURRENT, FLOOR


@dataclass
class Metric:
    """One row of the table: samples per variant, a target for the current app, an optional floor ratio."""

    key: str
    label: str
    unit: str
    target: float | None = None
    op: str = "<="  # "<=" or "=="
    floor_ratio_target: float | None = None
    floor_key: str | None = None  # metric whose floor samples this one is compared with
    target_source: str = "DESIGN"
    samples: dict[str, list[float]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def add(self, variant: str, value: float | None) -> None:
        if value is not None:
            self.samples.setdefault(variant, []).append(float(value))

    def median(self, variant: str) -> float | None:
        values = self.samples.get(variant)
        return statistics.median(values) if values else None


class Results:
    def __init__(self) -> None:
        self.metrics: dict[str, Metric] = {}
        self.info: dict[str, Any] = {}

    def metric(self, key: str, label: str, unit: str, **kwargs: Any) -> Metric:
        if key not in self.metrics:
            self.metrics[key] = Metric(key, label, unit, **kwargs)
        return self.metrics[key]

    def ratio(self, m: Metric) -> float | None:
        cur = m.median(CURRENT)
        floor = self.metrics[m.floor_key].median(FLOOR) if m.floor_key in self.metrics else None
        return cur / floor if cur is not None and floor else None

    def met(self, m: Metric) -> bool | None:
        cur = m.median(CURRENT)
        if cur is None or (m.target is None and m.floor_ratio_target is None):
            return None
        ok = True
        if m.target is not None:
            ok = cur == m.target if m.op == "==" else cur <= m.target
        ratio = self.ratio(m)
        if m.floor_ratio_target is not None and ratio is not None:
            ok = ok and ratio <= m.floor_ratio_target
        return ok

    def as_json(self) -> dict[str, Any]:
        rows = []
        for m in self.metrics.values():
            row: dict[str, Any] = {"key": m.key, "label": m.label, "unit": m.unit, "target": m.target, "op": m.op,
                                   "target_source": m.target_source, "floor_ratio_target": m.floor_ratio_target,
                                   "ratio_to_floor": self.ratio(m), "met": self.met(m), "notes": m.notes}
            for variant, values in m.samples.items():
                row[variant] = {"median": statistics.median(values), "min": min(values), "max": max(values),
                                "n": len(values), "samples": values}
            rows.append(row)
        return {"info": self.info, "metrics": rows}

    def table(self) -> str:
        def fmt(v: float | None, unit: str = "") -> str:
            if v is None:
                return "-"
            if unit in ("runs", "req", "count"):
                return f"{v:g}"
            return f"{v:,.0f}" if abs(v) >= 100 else f"{v:.1f}"

        head = ("metric", "unit", "median", "min", "max", "baseline", "floor", "x floor", "target", "met?")
        lines = [head]
        for m in self.metrics.values():
            cur = m.samples.get(CURRENT, [])
            floor_values = m.samples.get(FLOOR) or []
            target = "" if m.target is None else f"{m.op} {m.target:g}"
            if m.floor_ratio_target is not None:
                target += f" (<= {m.floor_ratio_target:g}x floor)"
            if m.target_source != "DESIGN" and target:
                target += f" [{m.target_source}]"
            ratio = self.ratio(m)
            met = self.met(m)
            lines.append((
                m.label, m.unit, fmt(m.median(CURRENT), m.unit), fmt(min(cur) if cur else None, m.unit),
                fmt(max(cur) if cur else None, m.unit), fmt(m.median(BASELINE), m.unit),
                fmt(statistics.median(floor_values) if floor_values else None, m.unit),
                "-" if ratio is None else f"{ratio:.1f}", target or "-",
                "-" if met is None else ("yes" if met else "NO"),
            ))
        widths = [max(len(str(row[i])) for row in lines) for i in range(len(head))]
        out = []
        for n, row in enumerate(lines):
            out.append("  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in
                                 enumerate(zip(row, widths, strict=True))))
            if n == 0:
                out.append("-" * len(out[0]))
        return "\n".join(out)


