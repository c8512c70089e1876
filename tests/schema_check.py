#!/usr/bin/python3
# schema_check.py - schema/pairplan.schema.json against the plans and against `pairplan validate`, so the two cannot drift apart.
#
#   /usr/bin/python3 tests/schema_check.py PATH/TO/pairplan   (from the repository root)
#
# Needs Debian's python3-jsonschema and python3-yaml. Plans are read as a
# YAML language server reads them (YAML 1.2 core schema: 2024-03-01 stays
# text, yes/no are text, only true/false are booleans), not as PyYAML's
# YAML 1.1 default would. Prints "ok - NAME" or "not ok - NAME" per case,
# then a count, and exits 1 when a case failed.
#
# 1. Every plans/*.yaml, tests/golden/*.yaml and the output of `init`
#    (each kind, zh and en) is valid for the schema and for `validate --strict`.
# 2. Plans written in other accepted forms are valid for both.
# 3. Broken plans (unknown key, wrong type, missing key, bad date, bad
#    enum, ...) are rejected by the schema and by `validate`, with the
#    rule the case names.
# 4. Every key table of src/build_plan.c has the same keys, and the same
#    required ones, as its mapping in the schema; the kinds and weekdays
#    are those of the C code.

import glob
import json
import os
import re
import subprocess
import sys
import tempfile

try:
    import jsonschema
    import yaml
except ImportError as e:
    sys.exit("schema_check: %s (apt-get install python3-jsonschema "
             "python3-yaml)" % e)

SCHEMA = "schema/pairplan.schema.json"


class Core12Loader(yaml.SafeLoader):
    """YAML 1.2 core schema, as yaml-language-server reads YAML."""


Core12Loader.yaml_implicit_resolvers = {}
for tag, regexp, first in [
        ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
        ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
        ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$",
         list("-+0123456789")),
        ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)"
         r"(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
         list("-+0123456789."))]:
    Core12Loader.add_implicit_resolver("tag:yaml.org,2002:" + tag,
                                       re.compile(regexp), first)


def _int(loader, node):
    v = loader.construct_scalar(node)
    if v.startswith("0o"):
        return int(v[2:], 8)
    if v.startswith("0x"):
        return int(v[2:], 16)
    return int(v, 10)


def _float(loader, node):
    v = loader.construct_scalar(node).lower()
    if v.endswith(".inf"):
        return float("-inf" if v.startswith("-") else "inf")
    if v == ".nan":
        return float("nan")
    return float(v)


Core12Loader.add_constructor("tag:yaml.org,2002:int", _int)
Core12Loader.add_constructor("tag:yaml.org,2002:float", _float)


def keys_as_text(x):
    """Mapping keys as a YAML language server sees them: text (by-year)."""
    if isinstance(x, dict):
        return {str(k): keys_as_text(v) for k, v in x.items()}
    if isinstance(x, list):
        return [keys_as_text(v) for v in x]
    return x


def load(text):
    return keys_as_text(yaml.load(text, Loader=Core12Loader))


class Run:
    def __init__(self, binary):
        self.bin = binary
        self.passed = self.failed = 0
        with open(SCHEMA, encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft7Validator.check_schema(schema)
        self.validator = jsonschema.Draft7Validator(schema)
        self.tmp = tempfile.mkdtemp(prefix="schema_check.")

    def result(self, name, why):
        if why is None:
            self.passed += 1
            print("ok - " + name)
        else:
            self.failed += 1
            print("not ok - " + name)
            for line in why.splitlines()[:12]:
                print("#   " + line)

    def schema_errors(self, text):
        """The schema's complaints about a plan, as text lines."""
        doc = load(text)
        return ["%s: %s" % ("/".join(str(p) for p in e.absolute_path) or "/",
                            e.message)
                for e in self.validator.iter_errors(doc)]

    def validate(self, path, strict):
        """Exit status and the rules reported by `pairplan validate`."""
        args = [self.bin, "validate", "--format", "json"]
        if strict:
            args.append("--strict")
        p = subprocess.run(args + [path], capture_output=True)
        try:
            out = json.loads(p.stdout.decode("utf-8"))
            rules = [d["rule"] for d in out["diagnostics"]]
        except (ValueError, KeyError) as e:
            rules = ["(no JSON: %s)" % e]
        return p.returncode, rules

    def write(self, name, text):
        path = os.path.join(self.tmp, name + ".yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def valid(self, name, path, text):
        """Both the schema and `validate --strict` accept the plan (but
        the warnings it declares: "# expect-warnings: RULE...")."""
        why = None
        m = re.search(r"^# expect-warnings: (.*)$", text, re.M)
        allowed = set(m.group(1).split()) if m else set()
        errs = self.schema_errors(text)
        if errs:
            why = "the schema rejects it:\n" + "\n".join(errs)
        else:
            # A plan that reaches a year whose holidays are only computed
            # (2027 on) warns calendar-coverage by design (§13).
            allowed = allowed | {"calendar-coverage"}
            rc, rules = self.validate(path, False)
            if rc != 0 or set(rules) - allowed:
                why = "validate: exit status %d, %s" % (rc, rules)
        self.result(name, why)

    def invalid(self, name, text, rule):
        """Both reject the plan; pairplan names rule (under --strict)."""
        path = self.write(re.sub(r"\W", "_", name), text)
        why = None
        if not self.schema_errors(text):
            why = "the schema accepts it"
        rc, rules = self.validate(path, True)
        if rc != 1:
            why = why or "validate --strict: exit status %d, expected 1" % rc
        elif rule not in rules:
            why = why or "validate reports %s, not %s" % (rules, rule)
        self.result(name, why)


# A small valid plan that the cases below change one thing in.
BASE = """\
pairplan: 1
plan:
  title: 测试计划
  host: {id: cg, name: 城关幼儿园}
  period: 2024-03..2024-12
partners:
  - id: hexi
    name: 河西幼儿园
    classes: 6
people:
  - {id: liu, name: 刘丽}
  - {id: wu, name: 吴燕, org: hexi}
leadership:
  leader: liu
phases:
  - id: p1
    period: 2024-03..2024-06
    activities:
      - title: 送教下乡
        kind: teaching-visit
        at: partner
        when: 2024-04
        times: 2
        owner: liu
      - title: 签订协议
        kind: agreement
        date: 2024-03-29
        owner: liu
mentorships:
  - {mentor: liu, apprentice: wu}
targets:
  - name: 优课率
    at-least: 30%
quotas:
  - {people: [liu], visits: 1, per: year}
calendar:
  holidays: cn
"""

# (name, [(old, new), ...]): other forms that both must accept.
VARIANTS = [
    ("every 2 months, semester, year (§10)",
     [("        times: 2\n", "        every: 2 months\n")]),
    ("a target range", [("    at-least: 30%\n",
                         "    at-least: 30%\n    at-most: 60%\n")]),
    ("a target by total and years",
     [("    at-least: 30%\n", "    total: 945\n    by-year: {2016: 470, "
       "2017: 475}\n    unit: 所\n")]),
    ("a quota in days", [("{people: [liu], visits: 1, per: year}",
                          "{people: [liu], days: 5, per: year}")]),
    ("host given by name", [("{id: cg, name: 城关幼儿园}", "城关幼儿园")]),
    ("every N days, weeks and 1 month",
     [("        times: 2\n", "        every: 10 days\n"),
      ("      - title: 签订协议\n",
       "      - {title: 教研, when: 2024-05..2024-06, every: 2weeks}\n"
       "      - {title: 跟岗, when: 2024-05..2024-06, every: 1 month}\n"
       "      - title: 签订协议\n")]),
    ("early, mid and late of a month, day ranges",
     [("        when: 2024-04\n", "        when: 2024-04 上旬\n"),
      ("      - title: 签订协议\n",
       "      - {title: 甲, when: 2024-05 mid, owner: wu}\n"
       "      - {title: 乙, when: 2024-05下旬, owner: wu}\n"
       "      - {title: 丙, when: 2024-04-01 .. 2024-04-20, owner: wu}\n"
       "      - {title: 丁, when: 2024-04..2024-05-15, owner: wu}\n"
       "      - title: 签订协议\n")]),
    ("optional keys left empty",
     [("  title: 测试计划\n", "  title: 测试计划\n  guiding:\n  goals:\n"),
      ("        owner: liu\n      - title: 签订协议",
       "        owner: liu\n        note:\n        every:\n"
       "      - title: 签订协议"),
      ("  holidays: cn\n", "  holidays: cn\n  closed:\n")]),
    ("numbers and booleans as text",
     [("  - {id: wu, name: 吴燕, org: hexi}",
       "  - {id: wu, name: 吴燕, org: hexi}\n  - {id: 7, name: 2024}\n"
       "  - {name: true, role: 3.5}"),
      ("        owner: liu\n      - title: 签订协议",
       "        owner: [liu, 7]\n      - title: 签订协议")]),
    ("targets: numbers, text numbers, every comparison",
     [("    at-least: 30%\n",
       "    at-least: 100%\n"
       "  - {name: 甲, at-most: 0.5, partners: hexi, by: 2024-12}\n"
       "  - {name: 乙, equals: '1', partners: [hexi]}\n"
       "  - {name: 丙, at-least: 0, partners: all}\n")]),
    ("quota groups, one reference, lists",
     [("  - {people: [liu], visits: 1, per: year}\n",
       "  - {people: leadership.leader, visits: 1, per: semester}\n"
       "  - {people: leadership, visits: 0, per: month}\n"
       "  - {people: liu, visits: 1}\n")]),
    ("calendar: single values and lists",
     [("  holidays: cn\n",
       "  holidays: none\n  workdays: [mon, tue, wed, thu, fri, sat]\n"
       "  closed: 2024-07..2024-08\n  open: 2024-09-29\n"
       "  visits-per-day: 2\n")]),
    ("calendar: site entries, a list of holidays",
     [("  holidays: cn\n",
       "  holidays: [cn]\n  closed:\n    - 2024-07..2024-08\n"
       "    - {dates: 2024-10-14..2024-10-18, at: hexi}\n"
       "    - {dates: [2024-11-04, 2024-11 late], at: [host, hexi]}\n"
       "  open: [2024-09-29, {dates: 2024-10-12, at: cg}]\n")]),
    ("weekday one or a list, at an org, partners one",
     [("        owner: liu\n      - title: 签订协议",
       "        owner: liu\n        weekday: tue\n"
       "      - {title: 甲, at: hexi, weekday: [mon, fri], days: 2, "
       "partners: hexi, owner: wu}\n"
       "      - {title: 乙, at: online, kind: meeting, owner: wu}\n"
       "      - title: 签订协议")]),
    ("mentorship meetings",
     [("  - {mentor: liu, apprentice: wu}\n",
       "  - mentor: liu\n    apprentice: 吴燕\n    period: 2024-09..2024-12\n"
       "    meet: {every: month, times: 2, weekday: [tue], at: partner, "
       "days: 1}\n")]),
    ("a fixed date with weekday and days, empty when",
     [("        date: 2024-03-29\n",
       "        date: 2024-03-29\n        when:\n        days: 1\n")]),
    ("Chinese dates: days, months, parts of months, 至, 号",
     [("  period: 2024-03..2024-12", "  period: 2024年3月至2024年12月"),
      ("        when: 2024-04\n", "        when: 2024年4月\n"),
      ("        date: 2024-03-29\n", "        date: 2024年3月29日\n"),
      ("      - title: 签订协议\n",
       "      - {title: 甲, when: 2024年5月中旬, owner: wu}\n"
       "      - {title: 乙, when: 2024-05 下旬, owner: wu}\n"
       "      - {title: 丙, when: 2024年4月1日..2024年4月20日, owner: wu}\n"
       "      - {title: 丁, when: 2024年4月1号至2024-05-15, owner: wu}\n"
       "      - title: 签订协议\n"),
      ("  holidays: cn\n", "  holidays: cn\n  open: 2024年9月29日\n")]),
    ("whole years: 2024, 2024年, 2024..2025",
     [("  period: 2024-03..2024-12", "  period: 2024..2025"),
      ("    period: 2024-03..2024-06\n", "    period: 2024\n"),
      ("        when: 2024-04\n", "        when: 2024年\n"),
      ("  - {mentor: liu, apprentice: wu}\n",
       "  - {mentor: liu, apprentice: wu, period: 2025年}\n")]),
    ("kinds of plan and authors: mentorship, 资助, a partner writes",
     [("  period: 2024-03..2024-12\n",
       "  period: 2024-03..2024-12\n  kind: 资助\n  author: partner\n"
       "  writer: hexi\n  issuer: 县教育局\n")]),
    ("a mentorship without partners or phases",
     [("  period: 2024-03..2024-12\n",
       "  period: 2024-03..2024-12\n  kind: mentorship\n"),
      ("partners:\n  - id: hexi\n    name: 河西幼儿园\n    classes: 6\n",
       "partners:\n"),
      ("  - {id: wu, name: 吴燕, org: hexi}", "  - {id: wu, name: 吴燕}"),
      ("""phases:
  - id: p1
    period: 2024-03..2024-06
    activities:
      - title: 送教下乡
        kind: teaching-visit
        at: partner
        when: 2024-04
        times: 2
        owner: liu
      - title: 签订协议
        kind: agreement
        date: 2024-03-29
        owner: liu
""", "phases:\n"),
      ("  - {people: [liu], visits: 1, per: year}\n",
       "  - {people: [liu], visits: 0, per: year}\n")]),
    ("every key of §10",
     [("  period: 2024-03..2024-12\n",
       "  period: 2024-03..2024-12\n  kind: responsibility\n"
       "  preamble: 为了帮扶，特制定本计划。\n  closing: 遵照执行。\n"
       "  confirm: [村负责人, 户主]\n  pairings-per-person: 2\n"),
      ("    classes: 6\n",
       "    classes: 6\n  - {id: cun, name: 东村, type: village}\n"
       "  - {id: hu, name: 张家, type: 户, village: cun, head: 张三}\n"),
      ("leadership:\n",
       "pairings:\n  - {person: liu, partner: cun, role: 挂点, visits: 2}\n"
       "  - {person: liu, partner: hu, days: 5, per: 每学期}\n"
       "sections:\n  - {title: 原则, items: [精准], place: before-goals}\n"
       "  - title: 措施\n    text: 落实\n    place: after-phases\n"
       "    sections: [{title: 宣传, text: 广泛宣传}, {title: 空}]\n"
       "aid:\n  budget: 100000\n  publicity-days: 5\n  standards:\n"
       "    - {category: 低保, amount: 1000, per: semester, children: 10,"
       " proofs: 低保证}\n"
       "    - {category: 其他, amount: 500, amount-at-least: yes}\n"
       "leadership:\n"),
      ("      - title: 签订协议\n",
       "      - {id: sq, title: 申请, kind: 申请, when: 2024-04}\n"
       "      - {id: gs, title: 公示, kind: publicity, after: sq, gap: 2,"
       " days: 5, publicity-days: 5}\n"
       "      - {title: 驻村, kind: residency, at: cun, site: shared,"
       " after: [gs, 申请], when: 2024-05..2024-06, days: 10}\n"
       "      - {title: 走访, at: hu, kind: 走访}\n"
       "      - title: 签订协议\n"),
      ("    at-least: 30%\n",
       "    at-least: 30%\n"
       "  - {name: 新建园, unit: 所, by-year: {2024: 3}, total: 3,"
       " approx: true, cumulative: 否, baseline: 1}\n"
       "  - {name: 产业, unit: 项, at-least: 1, at-most: 2, per: 每年}\n")]),
]

# (name, rule, [(old, new), ...]): both must reject; pairplan with rule.
INVALID = [
    ("unknown top-level key", "unknown-key",
     [("calendar:\n", "comments: 无\ncalendar:\n")]),
    ("unknown activity key", "unknown-key",
     [("        when: 2024-04\n", "        whn: 2024-04\n")]),
    ("unknown key in the host", "unknown-key",
     [("{id: cg, name: 城关幼儿园}", "{id: cg, name: 城关幼儿园, leve: 省级}")]),
    ("unknown key in the calendar", "unknown-key",
     [("  holidays: cn\n", "  holiday: cn\n")]),
    ("times is text", "type", [("        times: 2\n", "        times: many\n")]),
    ("times is quoted", "type", [("        times: 2\n", "        times: '2'\n")]),
    ("a count is a fraction", "type",
     [("    classes: 6\n", "    classes: 6.5\n")]),
    ("title is a list", "type", [("  title: 测试计划", "  title: [测试, 计划]")]),
    ("goals is a mapping", "type",
     [("  title: 测试计划\n", "  title: 测试计划\n  goals: {a: b}\n")]),
    ("partners is a mapping", "type",
     [("partners:\n  - id: hexi\n    name: 河西幼儿园\n    classes: 6\n",
       "partners: {id: hexi, name: 河西幼儿园}\n")]),
    ("a target value is text", "type",
     [("    at-least: 30%\n", "    at-least: 三成\n")]),
    ("missing title", "required", [("  title: 测试计划\n", "")]),
    ("empty title", "required", [("  title: 测试计划\n", "  title:\n")]),
    ("missing phase period", "required",
     [("    period: 2024-03..2024-06\n", "")]),
    ("missing partner name", "required",
     [("    name: 河西幼儿园\n", "")]),
    ("no partners", "required",
     [("partners:\n  - id: hexi\n    name: 河西幼儿园\n    classes: 6\n",
       "partners: []\n")]),
    ("missing quota visits", "required",
     [("{people: [liu], visits: 1, per: year}", "{people: [liu], per: year}")]),
    ("missing apprentice", "required",
     [("{mentor: liu, apprentice: wu}", "{mentor: liu}")]),
    ("a target without a comparison", "required",
     [("    at-least: 30%\n", "")]),
    ("version 2", "version", [("pairplan: 1", "pairplan: 2")]),
    ("version quoted", "version", [("pairplan: 1", "pairplan: '1'")]),
    ("a period with slashes", "bad-date",
     [("  period: 2024-03..2024-12", "  period: 2024/03..2024/12")]),
    ("a month as a fixed date", "bad-date",
     [("        date: 2024-03-29", "        date: 2024-03")]),
    ("month 13", "bad-date", [("        when: 2024-04\n", "        when: 2024-13\n")]),
    ("year 0", "bad-date",
     [("        date: 2024-03-29", "        date: 0000-03-29")]),
    ("'middle' of a month", "bad-date",
     [("        when: 2024-04\n", "        when: 2024-04 middle\n")]),
    ("'early' without a space", "bad-date",
     [("        when: 2024-04\n", "        when: 2024-04early\n")]),
    ("a range of parts of months", "bad-date",
     [("        when: 2024-04\n", "        when: 2024-04 上旬..2024-05\n")]),
    ("an open day that is a range", "bad-date",
     [("  holidays: cn\n", "  holidays: cn\n  open: [2024-09..2024-10]\n")]),
    ("an open entry with a range", "bad-date",
     [("  holidays: cn\n", "  holidays: cn\n  open: [{dates: 2024-10..2024-11, "
       "at: host}]\n")]),
    ("a site entry without at", "required",
     [("  holidays: cn\n", "  holidays: cn\n  closed: [{dates: 2024-10-14}]\n")]),
    ("unknown key in a site entry", "unknown-key",
     [("  holidays: cn\n", "  holidays: cn\n  closed: [{dates: 2024-10-14, "
       "site: host}]\n")]),
    ("none in a list of holidays", "type",
     [("  holidays: cn\n", "  holidays: [cn, none]\n")]),
    ("unknown kind", "unknown-kind",
     [("kind: teaching-visit", "kind: teaching-visits")]),
    ("lang fr", "type",
     [("  period: 2024-03..2024-12\n", "  period: 2024-03..2024-12\n  lang: fr\n")]),
    ("per week", "type", [("visits: 1, per: year", "visits: 1, per: week")]),
    ("holidays us", "type", [("  holidays: cn", "  holidays: us")]),
    ("weekday monday", "type",
     [("        times: 2\n", "        times: 2\n        weekday: [monday]\n")]),
    ("every fortnight", "type",
     [("        times: 2\n", "        every: fortnight\n")]),
    ("every as a number", "type",
     [("        times: 2\n", "        every: 2\n")]),
    ("a fixed date with times", "exclusive-keys",
     [("        date: 2024-03-29\n", "        date: 2024-03-29\n        times: 2\n")]),
    ("a fixed date with every", "exclusive-keys",
     [("        date: 2024-03-29\n", "        date: 2024-03-29\n        every: week\n")]),
    ("two comparisons in a target", "exclusive-keys",
     [("    at-least: 30%\n", "    at-least: 30%\n    equals: 60%\n")]),
    ("times 0", "bad-number", [("        times: 2\n", "        times: 0\n")]),
    ("negative classes", "bad-number", [("    classes: 6\n", "    classes: -1\n")]),
    ("every 0 weeks", "bad-number",
     [("        times: 2\n", "        every: 0 weeks\n")]),
    ("a percentage over 100", "bad-number",
     [("    at-least: 30%\n", "    at-least: 120%\n")]),
    ("a negative target", "bad-number",
     [("    at-least: 30%\n", "    at-least: -3\n")]),
    ("visits-per-day 0", "bad-number",
     [("  holidays: cn\n", "  holidays: cn\n  visits-per-day: 0\n")]),
    ("days 400", "bad-number",
     [("        times: 2\n", "        times: 2\n        days: 400\n")]),
    ("month 13 in Chinese", "bad-date",
     [("        when: 2024-04\n", "        when: 2024年13月\n")]),
    ("a Chinese month as a fixed date", "bad-date",
     [("        date: 2024-03-29", "        date: 2024年3月")]),
    ("a day without 日", "bad-date",
     [("        when: 2024-04\n", "        when: 2024年4月5\n")]),
    ("part of a year", "bad-date",
     [("        when: 2024-04\n", "        when: 2024 中旬\n")]),
    ("a space in 2024 年", "bad-date",
     [("        when: 2024-04\n", "        when: 2024 年\n")]),
    ("plan kind village", "type",
     [("  period: 2024-03..2024-12\n",
       "  period: 2024-03..2024-12\n  kind: village\n")]),
    ("site borrowed", "type",
     [("        times: 2\n", "        times: 2\n        site: borrowed\n")]),
    ("partner type town", "type",
     [("    classes: 6\n", "    classes: 6\n    type: town\n")]),
    ("section place end", "type",
     [("calendar:\n", "sections: [{title: 甲, place: end}]\ncalendar:\n")]),
    ("approx maybe", "type",
     [("    at-least: 30%\n", "    at-least: 30%\n    approx: maybe\n")]),
    ("a pairing plan with empty partners", "required",
     [("partners:\n  - id: hexi\n    name: 河西幼儿园\n    classes: 6\n",
       "partners:\n")]),
    ("a pairing without a partner", "required",
     [("calendar:\n", "pairings: [{person: liu}]\ncalendar:\n")]),
    ("an aid standard without an amount", "required",
     [("calendar:\n", "aid: {standards: [{category: 低保}]}\ncalendar:\n")]),
    ("a section without a title", "required",
     [("calendar:\n", "sections: [{text: 无题}]\ncalendar:\n")]),
    ("a partner writes, two partners, no writer", "required",
     [("  period: 2024-03..2024-12\n",
       "  period: 2024-03..2024-12\n  author: partner\n"),
      ("    classes: 6\n", "    classes: 6\n  - {id: b, name: 乙园}\n")]),
    ("gap -1", "bad-number",
     [("        times: 2\n", "        times: 2\n        after: p1.2\n"
       "        gap: -1\n")]),
    ("a by-year year of 1800", "bad-number",
     [("    at-least: 30%\n", "    by-year: {1800: 3}\n")]),
]


# Key tables of src/build_plan.c and the schema objects they fill.
TABLES = {
    "top_keys": "",
    "plan_keys": "properties/plan",
    "host_keys": "definitions/host",
    "partner_keys": "definitions/partner",
    "person_keys": "definitions/person",
    "leadership_keys": "properties/leadership",
    "phase_keys": "definitions/phase",
    "activity_keys": "definitions/activity",
    "meet_keys": "definitions/meet",
    "mentorship_keys": "definitions/mentorship",
    "target_keys": "definitions/target",
    "quota_keys": "definitions/quota",
    "calendar_keys": "properties/calendar",
    "section_keys": "definitions/section",
    "subsection_keys": "definitions/subsection",
    "pairing_keys": "definitions/pairing",
    "standard_keys": "definitions/standard",
    "aid_keys": "properties/aid",
    "site_entry_keys": "definitions/siteEntry",
}


def c_strings(src, name):
    """The string literals of the C array called name."""
    m = re.search(r"\b%s\[[A-Z_0-9]*\] = \{(.*?)\n\};" % name, src, re.S)
    return re.findall(r'"([^"]*)"', m.group(1)) if m else None


def row_keys(text):
    """(key, "true" or "false") of each row { KEY...("key", ...), ... }."""
    rows = []
    for row in re.findall(r"\{ KEY(?:_FN|_INT|_LIST)?\((.*?)\}", text, re.S):
        key = re.match(r'"([^"]+)"', row).group(1)
        rows.append((key, "true" if ".required = true" in row else "false"))
    return rows


def check_tables(r):
    """The schema has the keys of the C key tables, and their words."""
    with open("src/build_plan.c", encoding="utf-8") as f:
        src = f.read()
    with open(SCHEMA, encoding="utf-8") as f:
        schema = json.load(f)
    seen = set()
    macro = re.search(r"#define WHEN_KEYS\([^)]*\)(.*?)\n\n", src, re.S)
    r.result("schema: the WHEN_KEYS rows found",
             None if macro else "no '#define WHEN_KEYS(' in build_plan.c")
    when_rows = row_keys(macro.group(1)) if macro else []
    for m in re.finditer(r"static const struct keydef (\w+)\[\] = \{(.*?)\n\};",
                         src, re.S):
        table = m.group(1)
        seen.add(table)
        rows = row_keys(m.group(2))
        if "WHEN_KEYS(" in m.group(2):
            rows += when_rows
        if table not in TABLES:
            r.result("schema: keys of %s" % table,
                     "a key table that TABLES does not map to the schema")
            continue
        obj = schema
        for part in filter(None, TABLES[table].split("/")):
            obj = obj[part]
        why = None
        c_keys = [k for k, _ in rows]
        s_keys = list(obj.get("properties", {}))
        if sorted(c_keys) != sorted(s_keys):
            why = "C: %s\nschema: %s" % (sorted(c_keys), sorted(s_keys))
        elif sorted(k for k, q in rows if q == "true") != \
                sorted(obj.get("required", [])):
            why = "required: C %s, schema %s" % (
                [k for k, q in rows if q == "true"], obj.get("required"))
        elif obj.get("additionalProperties") is not False:
            why = "the schema allows other keys"
        r.result("schema: keys of %s" % table, why)
    for table in sorted(set(TABLES) - seen):
        r.result("schema: keys of %s" % table, "not found in build_plan.c")

    kinds = [line.split()[0] for line in subprocess.run(
        [r.bin, "kinds"], capture_output=True, text=True,
        check=True).stdout.splitlines()]
    r.result("schema: activity kinds",
             None if kinds == schema["definitions"]["activity"]["properties"]
             ["kind"]["anyOf"][0]["enum"] else "C has %s" % kinds)
    with open("src/date.c", encoding="utf-8") as f:
        days = c_strings(f.read(), "date_weekday_names")
    r.result("schema: weekday names",
             None if days == schema["definitions"]["weekday"]["enum"][:7]
             else "C has %s" % days)


def apply(text, edits, name):
    for old, new in edits:
        if old not in text:
            raise SystemExit("schema_check: case '%s': %r is not in the "
                             "plan" % (name, old))
        text = text.replace(old, new, 1)
    return text


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: schema_check.py PATH/TO/pairplan")
    binary = sys.argv[1]
    if "/" not in binary:
        binary = "./" + binary
    if not os.path.isfile(SCHEMA):
        sys.exit("schema_check: run from the repository root")
    r = Run(binary)

    check_tables(r)
    files = sorted(f for f in glob.glob("plans/*.yaml")
                   if not f.endswith(".records.yaml")) + \
        sorted(glob.glob("tests/golden/*.yaml"))
    for path in files:
        with open(path, encoding="utf-8") as f:
            r.valid("schema: " + path, path, f.read())
    for kind in ("pairing", "mentorship", "aid", "responsibility",
                 "programme"):
        for lang in ("zh", "en"):
            name = "init --kind %s --lang %s" % (kind, lang)
            p = subprocess.run([binary, "init", "--kind", kind, "--lang",
                                lang], capture_output=True)
            if p.returncode != 0 or not p.stdout:
                r.result("schema: " + name,
                         "init: exit status %d\n%s" % (p.returncode,
                                                       p.stderr.decode()))
                continue
            text = p.stdout.decode("utf-8")
            r.valid("schema: " + name,
                    r.write("init-%s-%s" % (kind, lang), text), text)

    r.valid("schema: the base plan of the cases", r.write("base", BASE), BASE)
    for name, edits in VARIANTS:
        text = apply(BASE, edits, name)
        r.valid("schema: accepted: " + name,
                r.write(re.sub(r"\W", "_", name), text), text)
    for name, rule, edits in INVALID:
        r.invalid("schema: rejected: %s [%s]" % (name, rule),
                  apply(BASE, edits, name), rule)

    for f in glob.glob(os.path.join(r.tmp, "*")):
        os.unlink(f)
    os.rmdir(r.tmp)
    print("schema: %d passed, %d failed" % (r.passed, r.failed))
    return 1 if r.failed else 0


if __name__ == "__main__":
    sys.exit(main())
