"""The plans a leader can use: the shipped ones in sessions/ and the leader's own copies."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..domain.errors import Refused
from ..domain.plans import Plan, PlanError, dump_plan, parse_plan


@dataclass(frozen=True)
class PlanFile:
    """A plan file and what came of reading it."""

    name: str
    path: Path
    own: bool
    plan: Plan | None
    error: PlanError | None


class PlanLibrary:
    """Reads plans from the shipped folder and from the data directory's own copies."""

    def __init__(self, shipped: Path, own: Path) -> None:
        self.shipped = shipped
        self.own = own

    def files(self) -> list[PlanFile]:
        """Every plan file, own copies first shadowing shipped ones of the same name."""
        found: dict[str, PlanFile] = {}
        for folder, own in ((self.shipped, False), (self.own, True)):
            if not folder.is_dir():
                continue
            for path in sorted(folder.glob("*.yaml")):
                found[path.stem] = self._read(path, own)
        return sorted(found.values(), key=lambda f: (f.plan.kind if f.plan else "", f.name))

    def _read(self, path: Path, own: bool) -> PlanFile:
        try:
            text = path.read_text(encoding="utf-8")
            plan = parse_plan(text, source=path.name)
            if plan.name != path.stem:
                raise PlanError(f"name '{plan.name}' must match the file name '{path.stem}'",
                                1, path.name)
            return PlanFile(path.stem, path, own, plan, None)
        except UnicodeDecodeError:
            return PlanFile(path.stem, path, own, None,
                            PlanError("the file is not UTF-8 text", None, path.name))
        except PlanError as exc:
            return PlanFile(path.stem, path, own, None, exc)

    def get(self, name: str) -> Plan:
        """The plan of that name; refuses a missing or broken one."""
        for item in self.files():
            if item.name == name:
                if item.plan is None:
                    raise Refused("plan_broken", error=str(item.error))
                return item.plan
        raise Refused("plan_missing", name=name)

    def default_for(self, kind: str) -> str:
        """The name of the plan to use for a workshop kind (the shipped one's name)."""
        return kind

    def copy(self, name: str, new_name: str) -> Plan:
        """Copy a plan under a new name into the leader's own folder."""
        new_name = new_name.strip().lower()
        if not re.fullmatch(r"[a-z0-9][a-z0-9_-]{1,39}", new_name):
            raise Refused("plan_name_invalid")
        if any(f.name == new_name for f in self.files()):
            raise Refused("plan_name_taken")
        source = self.get(name)
        plan = Plan(name=new_name, kind=source.kind, title=source.title, summary=source.summary,
                    steps=source.steps)
        self.save(plan)
        return plan

    def save(self, plan: Plan) -> None:
        """Write an own plan back to its file (shipped plans are never overwritten)."""
        self.own.mkdir(parents=True, exist_ok=True)
        text = dump_plan(plan)
        parse_plan(text, source=f"{plan.name}.yaml")  # never write a file we cannot read
        target = self.own / f"{plan.name}.yaml"
        tmp = target.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)

    def is_own(self, name: str) -> bool:
        """True for a plan in the leader's own folder."""
        return (self.own / f"{name}.yaml").is_file()
