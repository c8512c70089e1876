#!/usr/bin/env python3
"""sarif_check.py - `pairplan validate --format sarif` against the SARIF 2.1.0 JSON schema.

    python3 tests/sarif_check.py PATH/TO/pairplan NPM_DIR    (from the repository root)

The schema: sarif-2.1.0-rtm.5.json as the npm package @microsoft/sarif-matcher-
utils ships it (the release candidate whose content became the OASIS SARIF
2.1.0 standard's schema), installed with npm into NPM_DIR at the version
below when it is not there yet; the test never keeps a copy. Validation is
Debian's python3-jsonschema (Draft 4, the schema's own draft).

Beyond the schema: one run; the rules are `pairplan rules`, in order, with
their severities as defaultConfiguration.level; each result's ruleIndex
names its ruleId; the results are the diagnostics of the text form, in the
same order, at the same lines and columns, a note as a related location;
--strict makes every level "error"; file names become URI references
(percent-encoded; an absolute path a file: URI); a file that cannot be
read fails the invocation with a notification. Exits 1 on a failure.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

import jsonschema

PACKAGE = "@microsoft/sarif-matcher-utils@1.0.0-beta.0"
SCHEMA = os.path.join("node_modules", "@microsoft", "sarif-matcher-utils", "lib",
                      "schemas", "sarif-2.1.0-rtm.5.json")
TEXT = re.compile(r"^(.*?):(\d+):(\d+): (error|warning|note): (.*?)(?: \[([a-z-]+)\])?$")

failed = 0
passed = 0


def ok(name, good, why=""):
    global failed, passed
    if good:
        passed += 1
        print("ok - " + name)
    else:
        failed += 1
        print("not ok - " + name)
        if why:
            print("#   " + why)


def schema(npm_dir):
    path = os.path.join(npm_dir, SCHEMA)
    if not os.path.exists(path):
        os.makedirs(npm_dir, exist_ok=True)
        try:
            subprocess.run(["npm", "install", "--prefix", npm_dir, "--no-save",
                            "--no-audit", "--no-fund", "--loglevel=error", PACKAGE],
                           check=True, stdout=subprocess.DEVNULL)
        except (OSError, subprocess.CalledProcessError) as e:
            sys.exit("sarif_check: cannot install '%s' with npm (%s); `make test-deps` "
                     "installs npm" % (PACKAGE, e))
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def uri(path):
    u = urllib.parse.quote(path, safe="/-._~")
    return "file://" + u if path.startswith("/") else u


def run(pp, args):
    r = subprocess.run([pp, "validate"] + args, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=dict(os.environ, NO_COLOR="1"))
    return r.returncode, r.stdout.decode(), r.stderr.decode()


def check(pp, validator, rules, name, files, strict=False):
    extra = ["--strict"] if strict else []
    rc, out, err = run(pp, ["--format", "sarif"] + extra + files)
    trc, _, text = run(pp, extra + files)
    ok(name + ": exit status as text", rc == trc, "%d against %d" % (rc, trc))
    try:
        log = json.loads(out)
    except ValueError as e:
        ok(name + ": JSON", False, str(e))
        return
    errs = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    ok(name + ": valid SARIF 2.1.0", not errs,
       "; ".join("%s at %s" % (e.message, "/".join(map(str, e.path))) for e in errs[:3]))
    runs = log.get("runs", [])
    ok(name + ": one run", len(runs) == 1)
    if len(runs) != 1:
        return
    drv = runs[0]["tool"]["driver"]
    got = [(r["id"], r["defaultConfiguration"]["level"]) for r in drv["rules"]]
    ok(name + ": rules are `pairplan rules`", got == rules, "%r" % got[:3])
    ok(name + ": every rule has a short description",
       all(r["shortDescription"]["text"] for r in drv["rules"]))
    # the text form: each diagnostic, its note on the next line
    diags = []
    for line in text.splitlines():
        m = TEXT.match(line)
        if not m:
            continue
        if m.group(4) == "note":
            diags[-1]["note"] = (m.group(1), int(m.group(2)), int(m.group(3)), m.group(5))
        else:
            diags.append(dict(file=m.group(1), line=int(m.group(2)), col=int(m.group(3)),
                              level=m.group(4), msg=m.group(5), rule=m.group(6), note=None))
    res = runs[0]["results"]
    ok(name + ": a result per diagnostic", len(res) == len(diags),
       "%d results, %d diagnostics" % (len(res), len(diags)))
    bad = []
    for d, r in zip(diags, res):
        loc = r["locations"][0]["physicalLocation"]
        reg = loc.get("region", {})
        want = (d["rule"], d["level"], d["msg"], uri(d["file"]), d["line"], d["col"])
        have = (r["ruleId"], r["level"], r["message"]["text"], loc["artifactLocation"]["uri"],
                reg.get("startLine", 0), reg.get("startColumn", 0))
        if want != have:
            bad.append("%r against %r" % (have, want))
        if drv["rules"][r["ruleIndex"]]["id"] != r["ruleId"]:
            bad.append("ruleIndex %d is not %s" % (r["ruleIndex"], r["ruleId"]))
        if strict and r["level"] != "error":
            bad.append("--strict left a %s" % r["level"])
        rel = r.get("relatedLocations")
        if d["note"] is None:
            if rel:
                bad.append("a related location without a note: %r" % rel)
        else:
            nf, nl, nc, nm = d["note"]
            pl = rel[0]["physicalLocation"] if rel else {}
            if not rel or rel[0]["message"]["text"] != nm or \
                    pl["artifactLocation"]["uri"] != uri(nf) or \
                    pl.get("region", {}).get("startLine", 0) != nl or \
                    pl.get("region", {}).get("startColumn", 0) != nc:
                bad.append("note %r against %r" % (rel, d["note"]))
    ok(name + ": results match the diagnostics", not bad, "; ".join(bad[:3]))


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    pp, npm_dir = sys.argv[1], sys.argv[2]
    validator = jsonschema.Draft4Validator(schema(npm_dir),
                                           format_checker=jsonschema.FormatChecker())
    rules = []
    for line in subprocess.run([pp, "rules"], stdout=subprocess.PIPE,
                               check=True).stdout.decode().splitlines():
        f = line.split()
        rules.append((f[0], f[1]))
    diag = sorted(os.path.join("tests", "diag", f) for f in os.listdir(os.path.join("tests", "diag"))
                  if f.endswith(".yaml"))
    check(pp, validator, rules, "tests/diag", diag)
    check(pp, validator, rules, "tests/diag --strict", diag, strict=True)
    check(pp, validator, rules, "a valid plan", ["plans/example.yaml"])
    # A file that cannot be read: a notification of the invocation.
    rc, out, err = run(pp, ["--format", "sarif", "tests/no-such-plan.yaml", "plans/example.yaml"])
    try:
        log = json.loads(out)
        errs = list(validator.iter_errors(log))
        inv = log["runs"][0]["invocations"]
        note = inv[0]["toolExecutionNotifications"]
        good = (rc == 2 and not errs and len(inv) == 1 and
                inv[0]["executionSuccessful"] is False and len(note) == 1 and
                note[0]["level"] == "error" and
                note[0]["message"]["text"].startswith("cannot open 'tests/no-such-plan.yaml'") and
                note[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
                "tests/no-such-plan.yaml")
        ok("an unreadable file: a valid log, the invocation failed, a notification",
           good, "exit %d, %r, %r" % (rc, [e.message for e in errs[:2]], inv))
    except (ValueError, KeyError, IndexError) as e:
        ok("an unreadable file: a valid log, the invocation failed, a notification", False, str(e))
    rc, out, _ = run(pp, ["--format", "sarif", "plans/example.yaml"])
    inv = json.loads(out)["runs"][0].get("invocations", [{}])
    ok("every file read: the invocation succeeded, no notification",
       inv[0].get("executionSuccessful") is True and inv[0].get("toolExecutionNotifications") == [])
    tmp = tempfile.mkdtemp(prefix="pairplan-sarif-")
    try:
        odd = os.path.join(tmp, "县 计划 #1%.yaml")
        shutil.copy(os.path.join("tests", "diag", "duplicate-key.yaml"), odd)
        check(pp, validator, rules, "an absolute path with spaces and 汉字", [odd])
        rc, out, _ = run(pp, ["--format", "sarif", "-j", "1", odd] + diag)
        rc2, out2, _ = run(pp, ["--format", "sarif", "-j", "2", odd] + diag)
        ok("-j 1 and -j 2 give the same log", out == out2 and rc == rc2)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("sarif: %d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
