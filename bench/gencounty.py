#!/usr/bin/env python3
"""Generate a county of valid pairplan plans (format 1), for `pairplan report`.

    python3 bench/gencounty.py --plans 300 -o DIR               # 300 plans under DIR
    python3 bench/gencounty.py --plans 10000 --activities 50 -o DIR --stats

Each plan is a bench/genplan.py plan of its own host kindergarten (host id
kNNNNN, people ids prefixed with it, so that no two plans share a person)
with 1 to 3 partners drawn from one pool of the county's partner
kindergartens, so that most partners are helped by two or three hosts.
Periods vary (2024-03..2026-02, 2024-09..2026-08, 2025-03..2026-02, with 4,
4 and 2 phases). The plans go to DIR/dNN/kNNNNN.yaml, 100 to a folder. The
same arguments always give the same bytes. Standard library only.
"""

import argparse
import io
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import genplan  # noqa: E402

PERIODS = [((2024, 3, 2026, 2), 4), ((2024, 9, 2026, 8), 4),
           ((2025, 3, 2026, 2), 2)]
HOST_FORMS = ["{c}{t}实验幼儿园", "{c}{t}中心幼儿园", "{c}第{n}幼儿园",
              "{c}机关幼儿园{n}园"]
GENPLAN_HOST = "乐安县实验幼儿园"


class CountyGen(genplan.Gen):
    """A genplan plan with its own host id and name, partners from the pool
    and people ids prefixed with the host id."""

    def __init__(self, a, host_id, partners):
        self._host = host_id
        self._partners = partners
        super().__init__(a)

    # genplan's run() sets host_id = "shiyan": keep ours
    host_id = property(lambda self: self._host, lambda self, v: None)

    def make_partners(self, n):
        return [dict(p) for p in self._partners]

    def make_people(self, n, partners):
        people = super().make_people(n, partners)
        for p in people:
            p["id"] = "%s-%s" % (self._host, p["id"])
        return people


def args_for(seed, period, phases, activities, partners, people):
    a = argparse.Namespace(size_mb=None, occurrences=0, activities=activities,
                           partners=partners, people=people, phases=phases,
                           period=period, seed=seed, size_bytes=0, shape="default")
    a.est_occ = activities * 2.5
    return a


def main(argv=None):
    ap = argparse.ArgumentParser(description="Generate a county of pairplan plans.")
    ap.add_argument("--plans", type=int, default=300, help="number of plans (default 300)")
    ap.add_argument("--activities", type=int, default=46,
                    help="activities per plan (default 46: about 15 KB a plan)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output", required=True, help="folder to write the plans into")
    ap.add_argument("--stats", action="store_true", help="print counts to stderr")
    a = ap.parse_args(argv)
    if a.plans < 1:
        ap.error("--plans must be at least 1")
    rnd = random.Random(a.seed)
    # The county's partner kindergartens: about 1.2 per host.
    npool = max(3, a.plans * 6 // 5)
    pool_gen = genplan.Gen(args_for(a.seed, (2024, 3, 2026, 2), 4, 8, npool, 24))
    pool = pool_gen.make_partners(npool)
    used_hosts = set()
    total = 0
    for i in range(a.plans):
        host_id = "k%05d" % (i + 1)
        while True:
            c = rnd.choice(genplan.COUNTIES)
            t = rnd.choice(genplan.PLACE)[0] + rnd.choice(genplan.PLACE)[0]
            name = rnd.choice(HOST_FORMS).format(c=c, t=t, n=genplan.cn_num(rnd.randint(1, 9)))
            if name not in used_hosts:
                break
        used_hosts.add(name)
        k = rnd.choice([1, 2, 2, 3])
        # neighbouring hosts share partners: a window of the pool
        base = i * len(pool) // a.plans
        partners = [pool[(base + rnd.randrange(4)) % len(pool)] for _ in range(k)]
        seen = set()
        partners = [p for p in partners if not (p["id"] in seen or seen.add(p["id"]))]
        period, phases = PERIODS[i % len(PERIODS)]
        acts = a.activities if phases == 4 else max(12, a.activities * 2 // 3)
        gen = CountyGen(args_for(a.seed * 100003 + i, period, phases, acts,
                                 len(partners), 24), host_id, partners)
        buf = io.StringIO()
        gen.run(buf)
        text = buf.getvalue().replace(GENPLAN_HOST, name)
        folder = os.path.join(a.output, "d%02d" % (i // 100))
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, host_id + ".yaml"), "w", encoding="utf-8",
                  newline="\n") as f:
            f.write(text)
        total += len(text.encode())
    if a.stats:
        sys.stderr.write("gencounty: %d plans, %d bytes (%.1f KB a plan), %d partners in the pool\n"
                         % (a.plans, total, total / a.plans / 1000, len(pool)))


if __name__ == "__main__":
    main()
