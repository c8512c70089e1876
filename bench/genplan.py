#!/usr/bin/env python3
"""Generate a valid pairplan plan (format 1) of any size, for benchmarks.

    python3 bench/genplan.py --size-mb 100            # about 100 MB (10^6 bytes)
    python3 bench/genplan.py --occurrences 1000000    # expands to about 1e6 occurrences
    python3 bench/genplan.py --partners 3 --people 24 --activities 40 --seed 7

The plan goes to stdout (or -o FILE).  The same arguments always give the same
bytes.  Standard library only.

What is generated (see shared/spec/plan-format.md §3):
  * a host, N partners with figures and needs, M people (Chinese names, ids
    derived from pinyin, org = host or a partner, role, duty), a leadership group;
  * phases that partition the plan period (default 2024-03..2026-02, 4 phases);
  * in every phase a few fixed "structural" activities (agreement, leader and
    deputy visits at partner sites, an inspection, a summary) and then the bulk:
    activities of every kind from §3, `at` host / partner / online / an org id,
    `when` windows inside the phase, `every: week|month|2 weeks`, `weekday`,
    small `times` (1-3), owners and people referencing declared ids (a few by
    unique name);
  * mentorships with `meet`, targets, quotas, a calendar with closed vacations.

Every `when` window is checked against a built-in copy of the China holiday
table (shared/spec/cn-holidays.md) and the closed ranges: `times` never exceeds
the eligible days of the window (or of any non-empty period when `every` is
set), and windows with no eligible day are never used.  Fixed `date`s fall on
Monday-Friday working days, each on its own day with its own owner.

Occurrence counting (--occurrences, and the figure printed by --stats) follows
§5 step 1: for each series (one per activity, or one per listed partner when
`at: partner`), `times` when there is no `every`, else `times` x the number of
periods of the window that have at least one eligible day (skipped periods do
not count); mentorship meetings count the same way.  Fixed dates count 1.
Whether an occurrence can actually be *placed* is not guaranteed, but the
generator sizes the people list (about 35 % person-day load) and
`visits-per-day` so that most of them can.
"""

import argparse
import datetime as dt
import math
import random
import sys

# --------------------------------------------------------------------------
# Calendar: China statutory holidays 2020-2026 (copy of shared/spec/cn-holidays.md)

_HOLIDAYS = """
2020-01-01..2020-01-01 off
2020-01-19 work
2020-01-24..2020-02-02 off
2020-04-04..2020-04-06 off
2020-04-26 work
2020-05-01..2020-05-05 off
2020-05-09 work
2020-06-25..2020-06-27 off
2020-06-28 work
2020-09-27 work
2020-10-01..2020-10-08 off
2020-10-10 work
2021-01-01..2021-01-03 off
2021-02-07 work
2021-02-11..2021-02-17 off
2021-02-20 work
2021-04-03..2021-04-05 off
2021-04-25 work
2021-05-01..2021-05-05 off
2021-05-08 work
2021-06-12..2021-06-14 off
2021-09-18 work
2021-09-19..2021-09-21 off
2021-09-26 work
2021-10-01..2021-10-07 off
2021-10-09 work
2022-01-01..2022-01-03 off
2022-01-29 work
2022-01-30 work
2022-01-31..2022-02-06 off
2022-04-02 work
2022-04-03..2022-04-05 off
2022-04-24 work
2022-04-30..2022-05-04 off
2022-05-07 work
2022-06-03..2022-06-05 off
2022-09-10..2022-09-12 off
2022-10-01..2022-10-07 off
2022-10-08 work
2022-10-09 work
2022-12-31..2023-01-02 off
2023-01-21..2023-01-27 off
2023-01-28 work
2023-01-29 work
2023-04-05..2023-04-05 off
2023-04-23 work
2023-04-29..2023-05-03 off
2023-05-06 work
2023-06-22..2023-06-24 off
2023-06-25 work
2023-09-29..2023-10-06 off
2023-10-07 work
2023-10-08 work
2024-01-01..2024-01-01 off
2024-02-04 work
2024-02-10..2024-02-17 off
2024-02-18 work
2024-04-04..2024-04-06 off
2024-04-07 work
2024-04-28 work
2024-05-01..2024-05-05 off
2024-05-11 work
2024-06-10..2024-06-10 off
2024-09-14 work
2024-09-15..2024-09-17 off
2024-09-29 work
2024-10-01..2024-10-07 off
2024-10-12 work
2025-01-01..2025-01-01 off
2025-01-26 work
2025-01-28..2025-02-04 off
2025-02-08 work
2025-04-04..2025-04-06 off
2025-04-27 work
2025-05-01..2025-05-05 off
2025-05-31..2025-06-02 off
2025-09-28 work
2025-10-01..2025-10-08 off
2025-10-11 work
2026-01-01..2026-01-03 off
2026-01-04 work
2026-02-14 work
2026-02-15..2026-02-23 off
2026-02-28 work
2026-04-04..2026-04-06 off
2026-05-01..2026-05-05 off
2026-05-09 work
2026-06-19..2026-06-21 off
2026-09-20 work
2026-09-25..2026-09-27 off
2026-10-01..2026-10-07 off
2026-10-10 work
"""

# Winter vacations (around the Spring Festival), by the year they start in.
_WINTER = {
    2020: ("2020-01-11", "2020-02-16"),
    2021: ("2021-01-23", "2021-02-28"),
    2022: ("2022-01-15", "2022-02-13"),
    2023: ("2023-01-07", "2023-02-05"),
    2024: ("2024-01-20", "2024-02-25"),
    2025: ("2025-01-18", "2025-02-16"),
    2026: ("2026-01-31", "2026-03-01"),
}

WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def _d(s):
    return dt.date.fromisoformat(s)


def _parse_holidays():
    off, work = set(), set()
    for line in _HOLIDAYS.split("\n"):
        line = line.strip()
        if not line:
            continue
        rng, what = line.split()
        a, _, b = rng.partition("..")
        a = _d(a)
        b = _d(b) if b else a
        target = off if what == "off" else work
        o = a.toordinal()
        while o <= b.toordinal():
            target.add(o)
            o += 1
    return off, work


def month_end(y, m):
    if m == 12:
        return dt.date(y, 12, 31)
    return dt.date(y, m + 1, 1) - dt.timedelta(days=1)


def add_months(y, m, k):
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


class Calendar:
    """Working days of the plan period (workdays mon-fri, holidays: cn, closed)."""

    def __init__(self, start, end, closed):
        off, work = _parse_holidays()
        self.base = start.toordinal()
        self.last = end.toordinal()
        n = self.last - self.base + 1
        self.working = bytearray(n)
        closed_set = set()
        for a, b in closed:
            for o in range(a.toordinal(), b.toordinal() + 1):
                closed_set.add(o)
        for i in range(n):
            o = self.base + i
            wd = (o - 1) % 7  # date.fromordinal(1) is a Monday -> 0
            w = (wd < 5 and o not in off) or o in work
            if o in closed_set:
                w = False
            self.working[i] = 1 if w else 0
        self._cache = {}

    def is_working(self, date):
        i = date.toordinal() - self.base
        return 0 <= i < len(self.working) and self.working[i] == 1

    def working_days(self):
        return sum(self.working)

    def stats(self, a, b, every, mask):
        """(eligible days in window, number of non-empty periods, min eligible
        days over the non-empty periods).  a, b: dates; every: None, 'week',
        'month', '2 weeks'; mask: frozenset of weekday numbers or None."""
        key = (a, b, every, mask)
        r = self._cache.get(key)
        if r is not None:
            return r
        counts = {}
        total = 0
        ao, bo = a.toordinal(), b.toordinal()
        first_monday = ao - (ao - 1) % 7
        for o in range(ao, bo + 1):
            if not self.working[o - self.base]:
                continue
            wd = (o - 1) % 7
            if mask is not None and wd not in mask:
                continue
            total += 1
            if every is None:
                p = 0
            elif every == "week":
                p = (o - first_monday) // 7
            elif every == "2 weeks":
                p = (o - first_monday) // 14
            else:  # month
                d = dt.date.fromordinal(o)
                p = d.year * 12 + d.month
            counts[p] = counts.get(p, 0) + 1
        if counts:
            r = (total, len(counts), min(counts.values()))
        else:
            r = (0, 0, 0)
        self._cache[key] = r
        return r


# --------------------------------------------------------------------------
# Vocabulary

SURNAMES = (
    "王wang 李li 张zhang 刘liu 陈chen 杨yang 赵zhao 黄huang 周zhou 吴wu 徐xu 孙sun "
    "胡hu 朱zhu 高gao 林lin 何he 郭guo 马ma 罗luo 梁liang 宋song 郑zheng 谢xie "
    "韩han 唐tang 冯feng 于yu 董dong 萧xiao 程cheng 曹cao 袁yuan 邓deng 许xu 傅fu "
    "沈shen 曾zeng 彭peng 吕lv 苏su 卢lu 蒋jiang 蔡cai 贾jia 丁ding 魏wei 薛xue "
    "叶ye 阎yan 余yu 潘pan 杜du 戴dai 夏xia 钟zhong 汪wang 田tian 任ren 姜jiang "
    "范fan 方fang 石shi 姚yao 谭tan 廖liao 邹zou 熊xiong 金jin 陆lu 郝hao 孔kong "
    "白bai 崔cui 康kang 毛mao 邱qiu 秦qin 江jiang 史shi 顾gu 侯hou 邵shao 孟meng "
    "龙long 万wan 段duan 慕mu 龚gong 鲍bao 阮ruan 韦wei 耿geng 肖xiao"
).split()
GIVEN = (
    "丽li 娟juan 芳fang 敏min 静jing 燕yan 艳yan 霞xia 红hong 玲ling 琴qin 慧hui "
    "颖ying 婷ting 雪xue 梅mei 兰lan 萍ping 莉li 娜na 倩qian 璐lu 晶jing 洁jie "
    "欣xin 悦yue 琳lin 彩cai 秀xiu 英ying 华hua 春chun 晓xiao 小xiao 亚ya 锦jin "
    "延yan 少shao 庆qing 蝶die 文wen 佳jia 怡yi 思si 雨yu 诗shi 月yue 云yun "
    "凤feng 桂gui 素su 淑shu 振zhen 军jun 伟wei 强qiang 明ming 建jian 国guo 海hai "
    "彤tong 瑶yao 蕾lei 露lu 薇wei 妍yan 嘉jia 宁ning 晨chen 曦xi"
).split()
PLACE = (
    "沙sha 梁liang 锦jin 秋qiu 博bo 昌chang 高gao 枧jian 金jin 竹zhu 山shan 川chuan "
    "桥qiao 河he 石shi 林lin 田tian 东dong 西xi 南nan 北bei 新xin 安an 平ping "
    "和he 兴xing 龙long 马ma 白bai 青qing 杨yang 柳liu 花hua 水shui 岭ling 坪ping "
    "湾wan 塘tang 港gang 庄zhuang 集ji 店dian 屯tun 峪yu 泉quan 溪xi 阳yang 丰feng"
).split()


def _split(tok):
    i = 0
    while i < len(tok) and not ("a" <= tok[i] <= "z"):
        i += 1
    return tok[:i], tok[i:]


SURNAMES = [_split(t) for t in SURNAMES]
GIVEN = [_split(t) for t in GIVEN]
PLACE = [_split(t) for t in PLACE]

COUNTIES = ["富县", "乐安县", "博兴县", "宁化县", "石门县", "安塞区", "洛川县", "宜君县",
            "黄龙县", "城固县", "临潼区", "蓝田县", "周至县", "礼泉县"]
PARTNER_FORMS = [("{c}{t}镇中心幼儿园", "乡镇中心幼儿园"), ("{c}{t}幼儿园", "乡镇公办园"),
                 ("{t}乡幼儿园", "乡镇公办园"), ("{t}村幼儿园", "村级幼儿园"),
                 ("{c}{t}新区幼儿园", "新建公办园"), ("{t}普惠幼儿园", "民办普惠园")]
NEEDS = ["环境创设", "教研活动", "园务管理", "保育工作", "安全管理", "家园共育", "区域活动",
         "户外游戏", "档案资料整理", "卫生保健", "课程建设", "教师培训", "自制教玩具"]

HOST_ROLES = [("保教主任", "负责保教工作的具体安排"), ("教研组长", "负责教研活动"),
              ("骨干教师", "负责教学活动"), ("骨干教师", "负责环境布置、区域活动"),
              ("教师", "负责送教下乡"), ("教师", "负责跟班指导"),
              ("保健医生", "负责卫生保健指导"), ("后勤主任", "负责后勤保障"),
              ("年级组长", "负责年级组结对"), ("教师", "负责资料整理")]
PARTNER_ROLES = [("园长", "负责本园结对工作"), ("业务园长", "负责本园保教业务"),
                 ("教师", "参加跟班学习"), ("教师", "参加教研活动"),
                 ("保育员", "参加保育培训"), ("骨干教师", "负责本园教研组")]

TOPICS = ["幼儿一日生活常规", "区域活动的创设与指导", "主题墙的布置", "幼儿园安全管理",
          "家园共育", "《3-6岁儿童学习与发展指南》解读", "游戏化教学", "幼儿行为观察与记录",
          "绘本阅读指导", "户外自主游戏", "科学领域教学", "音乐律动", "幼小衔接",
          "保育工作规范", "教育反思的撰写", "课题研究方法", "园本课程建设",
          "环境创设与自制教玩具", "教师专业成长", "档案资料整理", "卫生保健与营养膳食",
          "防止小学化倾向", "幼儿心理健康", "传统文化进课堂", "美术活动指导", "体育游戏设计",
          "班级管理", "家长会的组织", "观察记录与评价", "一日活动的组织与实施"]
LESSONS = ["小蝌蚪找妈妈", "有趣的影子", "春天来了", "会变的颜色", "好饿的毛毛虫", "拔萝卜",
           "小熊请客", "彩虹色的花", "沉与浮", "认识时钟", "好玩的纸", "我爱我家",
           "小兔乖乖", "秋天的树叶", "快乐的小鸭", "动物过冬", "找春天", "神奇的磁铁",
           "小老鼠上灯台", "弯弯的月亮"]
CLASSES = ["小班", "中班", "大班"]
SUBJECTS = ["语言", "科学", "艺术", "健康", "社会", "数学", "音乐", "美术"]
OBSERVE = ["大型体操活动", "半日活动", "区域活动", "课间操", "户外自主游戏", "主题墙创设",
           "晨间活动", "午睡与进餐环节", "家长开放日", "六一文艺汇演"]
TRAIN = ["保育员技能", "新教师岗前", "安全知识", "卫生保健", "环境创设", "自制教玩具",
         "信息技术", "班主任工作", "教师礼仪", "弹唱技能"]
CITIES = ["市机关幼儿园", "省实验幼儿园", "县直属机关幼儿园", "市第一幼儿园", "师范学院附属幼儿园"]
NOTES = ["各结对园派2-3名业务骨干参加", "带好听课记录本", "提前一周通知结对园",
         "活动后一周内提交反思", "结对园园长参加", "请结对园做好场地准备", "视频会议形式",
         "资料存入帮扶档案", "与学区教研活动合并进行", "邀请县教研室参加"]

KINDS = ["agreement", "teaching-visit", "study-visit", "shadowing", "lecture", "demo-lesson",
         "observation", "training", "research", "meeting", "mentoring", "inspection",
         "exchange", "donation", "summary", "other"]
# weights of the kinds in the bulk
KIND_W = [0, 14, 4, 10, 12, 12, 10, 9, 9, 5, 4, 3, 4, 2, 1, 2]


def title_for(rnd, kind):
    c = rnd.choice
    if kind == "teaching-visit":
        return c(["送教下乡", "送课下乡", "送课到园：" + c(TOPICS), "骨干教师送教：" + c(TOPICS),
                  "名师送课：" + c(CLASSES) + c(SUBJECTS) + "活动《" + c(LESSONS) + "》"])
    if kind == "study-visit":
        return c(["去" + c(CITIES) + "学习", "外出参观学习：" + c(CITIES), "赴" + c(CITIES) + "考察学习"])
    if kind == "shadowing":
        return c(["跟班学习", "结对园教师跟岗学习", "保育员跟班实习", "园长跟岗学习",
                  "跟班学习：" + c(TOPICS)])
    if kind == "lecture":
        return "专题讲座：" + c(TOPICS)
    if kind == "demo-lesson":
        return "示范课：" + c(CLASSES) + c(SUBJECTS) + "活动《" + c(LESSONS) + "》"
    if kind == "observation":
        o = c(OBSERVE)
        return c(["观摩" + o, "邀请结对园观摩" + o, o + "观摩"])
    if kind == "training":
        return c(TRAIN) + "培训"
    if kind == "research":
        return c(["园本教研：" + c(TOPICS), "联合教研活动", "集体备课：" + c(CLASSES) + c(SUBJECTS),
                  "课题研讨：" + c(TOPICS)])
    if kind == "meeting":
        return c(["结对工作推进会", "园务管理交流会", "家长委员会工作交流", "帮扶工作座谈会"])
    if kind == "mentoring":
        return c(["师徒结对听课评课", "青年教师汇报课", "徒弟汇报课：" + c(CLASSES) + c(SUBJECTS)])
    if kind == "inspection":
        return c(["保教常规检查", "安全工作检查", "档案资料检查", "卫生保健检查"])
    if kind == "exchange":
        return c(["岗位互换体验", "城乡幼儿手拉手联谊", "园长论坛：" + c(TOPICS), "教师技能比赛"])
    if kind == "donation":
        return c(["捐赠图书玩具", "赠送教育教学资料", "捐赠体育器材", "赠送幼儿读物"])
    if kind == "summary":
        return c(["阶段工作总结", "结对园阶段工作汇报"])
    if kind == "agreement":
        return "签订帮扶协议"
    return c(["家园共育经验分享", "节日主题活动联办", "资源共享平台建设", "亲子运动会联办"])


PHASE_THEMES = [("提升教育理念 规范园务管理", "建立健全各项规章制度，规范一日保教工作"),
                ("师徒结对指导 提高教学技能", "结对园教师教学技能明显提高"),
                ("创设教育环境 美化校园环境", "指导结对园的环境创设，提升环境创设理念"),
                ("改善办园条件 挖掘园所特色", "形成鲜明的办园特色"),
                ("深化教研合作 提升保教质量", "建立常态化联合教研机制"),
                ("总结经验 巩固帮扶成效", "总结推广帮扶经验")]

CN_DIGITS = "零一二三四五六七八九"


# --shape chinese: the long notes of activities, sentences of these parts
LONG_A = ["围绕", "结合", "针对", "聚焦", "立足"]
LONG_B = ["结对园在", "农村幼儿园在", "新入职教师在", "保育员在", "骨干教师在"]
LONG_C = ["方面存在的突出问题", "中遇到的实际困难", "方面的薄弱环节", "工作中的共性问题"]
LONG_D = ["开展现场观摩、集中研讨和跟踪指导，", "通过示范引领、同课异构和案例分析，",
          "采取蹲点指导、师徒结对和线上答疑相结合的方式，", "组织骨干教师深入班级一线，"]
LONG_E = ["帮助教师转变教育观念，提升专业能力。", "形成可复制、可推广的经验做法。",
          "切实提高保教质量和管理水平。", "促进城乡学前教育优质均衡发展。"]


def long_text(rnd):
    """Two to five sentences of Chinese, about 60 to 220 characters."""
    out = []
    for _ in range(rnd.randint(2, 5)):
        out.append(rnd.choice(LONG_A) + rnd.choice(LONG_B) + rnd.choice(TOPICS) + rnd.choice(LONG_C)
                   + "，" + rnd.choice(LONG_D) + rnd.choice(LONG_E))
    return "".join(out)


def cn_num(n):
    if n < 10:
        return CN_DIGITS[n]
    if n < 20:
        return "十" + (CN_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return CN_DIGITS[n // 10] + "十" + (CN_DIGITS[n % 10] if n % 10 else "")
    return str(n)


# --------------------------------------------------------------------------
# Generator


def ym(y, m):
    return "%04d-%02d" % (y, m)


class Gen:
    def __init__(self, a):
        self.a = a
        self.rnd = random.Random(a.seed)
        y0, m0, y1, m1 = a.period
        self.start = dt.date(y0, m0, 1)
        self.end = month_end(y1, m1)
        self.closed = self._closed()
        self.cal = Calendar(self.start, self.end, self.closed)
        self.months = []
        y, m = y0, m0
        while (y, m) <= (y1, m1):
            self.months.append((y, m))
            y, m = add_months(y, m, 1)
        self.bounds = self._phase_bounds(min(a.phases, len(self.months)))
        self.nphases = len(self.bounds) - 1
        if self.nphases != a.phases:
            sys.stderr.write("genplan: %d phases instead of %d (each phase needs a month and %d "
                             "working days)\n" % (self.nphases, a.phases, MIN_PHASE_DAYS))
        # Share of the bulk held at the host, scaled down for huge plans so that the
        # host's load stays near MAX_VPD / 2 events a day (visits-per-day is at
        # most MAX_VPD): at full scale about 39 % of the occurrences are at the host.
        wd = max(1, self.cal.working_days())
        self.host_factor = min(1.0, (MAX_VPD / 2) * wd / (0.39 * max(1.0, a.est_occ)))
        self.occurrences = 0
        self.activities = 0
        self.host_events = 0     # occurrences held at the host (for visits-per-day)
        self.partner_events = 0

    # ---- calendar
    def _closed(self):
        out = []
        for y in range(self.start.year - 1, self.end.year + 1):
            ranges = [(dt.date(y, 7, 10), dt.date(y, 8, 31))]
            if y + 1 in _WINTER:
                w = _WINTER[y + 1]
                ranges.append((_d(w[0]), _d(w[1])))
            for a, b in ranges:
                a, b = max(a, self.start), min(b, self.end)
                if a <= b:
                    out.append((a, b))
        out.sort()
        return out

    def _phase_bounds(self, n):
        """Month indexes splitting the period into n phases as evenly as possible;
        a phase with fewer than MIN_PHASE_DAYS working days (e.g. a month of
        summer vacation) is merged into the next one (the last into the previous)."""
        nm = len(self.months)
        bounds = [round(i * nm / n) for i in range(n + 1)]

        def wdays(i, j):
            (y0, m0), (y1, m1) = self.months[i], self.months[j - 1]
            a, b = dt.date(y0, m0, 1).toordinal(), month_end(y1, m1).toordinal()
            return sum(self.cal.working[a - self.cal.base:b - self.cal.base + 1])

        k = 0
        while k < len(bounds) - 1 and len(bounds) > 2:
            if wdays(bounds[k], bounds[k + 1]) >= MIN_PHASE_DAYS:
                k += 1
            elif k + 1 < len(bounds) - 1:
                del bounds[k + 1]
            else:
                del bounds[k]
                k -= 1
        if wdays(bounds[0], bounds[-1]) < MIN_PHASE_DAYS:
            sys.exit("genplan: the plan period has fewer than %d working days" % MIN_PHASE_DAYS)
        return bounds

    # ---- people and partners
    def make_partners(self, n):
        rnd = self.rnd
        used_names, used_ids = set(), set()
        out = []
        combos = [(p, q) for p in PLACE for q in PLACE if p != q]
        rnd.shuffle(combos)
        ci = 0
        for i in range(n):
            while True:
                if ci < len(combos):
                    (c1, p1), (c2, p2) = combos[ci]
                    ci += 1
                    town, pid = c1 + c2, p1 + p2
                else:  # more partners than two-syllable towns: three syllables
                    (c1, p1), (c2, p2), (c3, p3) = rnd.sample(PLACE, 3)
                    town, pid = c1 + c2 + c3, p1 + p2 + p3
                form, kind = rnd.choice(PARTNER_FORMS)
                name = form.format(c=rnd.choice(COUNTIES), t=town)
                if name not in used_names:
                    break
            used_names.add(name)
            base, k = pid, 2
            while pid in used_ids:
                pid = "%s%d" % (base, k)
                k += 1
            used_ids.add(pid)
            classes = rnd.randint(3, 12)
            children = classes * rnd.randint(18, 32)
            teachers = classes * 2 + rnd.randint(-2, 2)
            staff = teachers + classes + rnd.randint(2, 8)
            needs = rnd.sample(NEEDS, rnd.randint(2, 4))
            out.append(dict(id=pid, name=name, kind=kind, classes=classes, children=children,
                            teachers=teachers, staff=staff, needs=needs))
        return out

    def make_people(self, n, partners):
        rnd = self.rnd
        used_names, used_ids = set(), set()
        people = []
        n_partner_staff = 0 if not partners else max(len(partners), n * 3 // 10)
        n_host = max(1, n - n_partner_staff)
        for i in range(n):
            tries = 0
            while True:
                s = rnd.choice(SURNAMES)
                if rnd.random() < 0.75:
                    g = rnd.sample(GIVEN, 2)
                else:
                    g = [rnd.choice(GIVEN)]
                name = s[0] + "".join(x[0] for x in g)
                if name not in used_names:
                    break
                tries += 1
                if tries >= 50:  # --shape people: more people than names
                    name += cn_num(i % 100) + "号" + str(i)
                    break
            used_names.add(name)
            pid = s[1] + "-" + "".join(x[1] for x in g)
            base, k = pid, 2
            while pid in used_ids:
                pid = "%s-%d" % (base, k)
                k += 1
            used_ids.add(pid)
            if i < n_host:
                org = self.host_id
                if i == 0:
                    role, duty = "园长", "负责结对帮扶工作的全面部署"
                elif i in (1, 2):
                    role, duty = "副园长", rnd.choice(["负责结对帮扶工作的具体安排", "负责保教业务指导"])
                else:
                    role, duty = HOST_ROLES[(i - 3) % len(HOST_ROLES)]
            else:
                j = i - n_host
                org = partners[j % len(partners)]["id"]
                role, duty = PARTNER_ROLES[0] if j < len(partners) else rnd.choice(PARTNER_ROLES[1:])
            people.append(dict(id=pid, name=name, org=org, role=role, duty=duty))
        return people

    # ---- windows
    def phase_windows(self, ps, pe):
        """Candidate `when` windows inside a phase: (text, start, end, type)."""
        out = {"month": [], "tenth": [], "range": [], "days": [], "phase": [(None, ps, pe)]}
        months = []
        y, m = ps.year, ps.month
        while dt.date(y, m, 1) <= pe:
            months.append((y, m))
            y, m = add_months(y, m, 1)
        for (y, m) in months:
            out["month"].append((ym(y, m), dt.date(y, m, 1), month_end(y, m)))
            for part, a, b in (("early", 1, 10), ("mid", 11, 20), ("late", 21, None)):
                e = month_end(y, m) if b is None else dt.date(y, m, b)
                out["tenth"].append(((y, m, part), dt.date(y, m, a), e))
        for k in (2, 3):
            for i in range(len(months) - k + 1):
                (y, m), (y2, m2) = months[i], months[i + k - 1]
                out["range"].append(("%s..%s" % (ym(y, m), ym(y2, m2)), dt.date(y, m, 1),
                                     month_end(y2, m2)))
        o = ps.toordinal()
        o += (7 - (o - 1) % 7) % 7  # first Monday
        while o <= pe.toordinal():
            for length in (14, 21, 28):
                e = o + length - 3  # Monday .. Friday of the last week
                if e <= pe.toordinal():
                    a, b = dt.date.fromordinal(o), dt.date.fromordinal(e)
                    out["days"].append(("%s..%s" % (a.isoformat(), b.isoformat()), a, b))
            o += 7
        for k in list(out):
            if not out[k]:
                del out[k]
        return out

    # ---- YAML helpers
    @staticmethod
    def ref_list(ids):
        if len(ids) == 1:
            return ids[0]
        return "[" + ", ".join(ids) + "]"

    def next_people(self, k):
        """k distinct people, round-robin over a reshuffled cycle (balanced load)."""
        out = []
        while len(out) < k:
            if self.cyc_i >= len(self.cycle):
                self.rnd.shuffle(self.cycle)
                self.cyc_i = 0
            p = self.cycle[self.cyc_i]
            self.cyc_i += 1
            if p not in out:
                out.append(p)
        return out

    def ref(self, p):
        # about 3 % of references use the (unique) name instead of the id
        if self.rnd.random() < 0.03:
            return p["name"]
        return p["id"]

    # ---- one bulk activity; returns (text, occurrences)
    def bulk_activity(self, wins):
        rnd = self.rnd
        kind = rnd.choices(KINDS, KIND_W)[0]
        title = title_for(rnd, kind)
        if getattr(self.a, "shape", "default") == "chinese":
            title += "——" + rnd.choice(TOPICS) + "专题" + rnd.choice(["研讨", "实践", "交流", "推进"])
        lines = ["      - title: " + title, "        kind: " + kind]
        # where
        r = rnd.random()
        npart = 1
        f = self.host_factor
        if kind in ("teaching-visit", "donation"):
            at = "partner"
        elif kind in ("study-visit", "shadowing"):
            at = "host" if r < f else "partner"
        elif r < 0.22:
            at = "online"
        elif r < 0.22 + 0.33 * f:
            at = "host"
        else:
            at = "partner"
        partners = self.partners
        if at == "partner":
            if rnd.random() < 0.15:
                p = partners[self.part_i % len(partners)]
                self.part_i += 1
                lines.append("        at: " + p["id"])
                npart = 1
                at = "org"
            else:
                k = 1 if rnd.random() < 0.7 or len(partners) < 2 else 2
                chosen = [partners[(self.part_i + j) % len(partners)]["id"] for j in range(k)]
                self.part_i += k
                lines.append("        at: partner")
                lines.append("        partners: [" + ", ".join(chosen) + "]")
                npart = k
        elif at == "online":
            lines.append("        at: online")
        elif rnd.random() < 0.5:
            lines.append("        at: host")
        # when / every / weekday
        r = rnd.random()
        if r < 0.70:
            every = None
            wtype = rnd.choices(["month", "tenth", "range", "days", "phase"], [30, 35, 15, 15, 5])[0]
        elif r < 0.85:
            every = "month"
            wtype = "range"
        elif r < 0.97:
            every = "week"
            wtype = rnd.choice(["tenth", "days", "month"])
        else:
            every = "2 weeks"
            wtype = "range"
        if wtype not in wins:
            wtype = "phase"
        mask_txt, mask = None, None
        if rnd.random() < 0.3:
            mask_txt, mask = rnd.choice(MASKS)
        for attempt in range(20):
            wtxt, wa, wb = rnd.choice(wins[wtype])
            total, nper, minper = self.cal.stats(wa, wb, every, mask)
            if total > 0:
                break
            if attempt >= 10:
                mask_txt, mask = None, None
                wtype = "phase"
        else:
            return None, 0
        if isinstance(wtxt, tuple):
            y, m, part = wtxt
            if rnd.random() < 0.2:
                part = {"early": "上旬", "mid": "中旬", "late": "下旬"}[part]
            wtxt = "%s %s" % (ym(y, m), part)
        if wtxt is not None:
            lines.append("        when: " + wtxt)
        if every is not None:
            lines.append("        every: " + every)
        if mask_txt is not None:
            lines.append("        weekday: " + mask_txt)
        if every is None:
            times = min(rnd.choices([1, 2, 3], [50, 30, 20])[0], total)
            occ = times
        else:
            times = 2 if (every == "month" and minper >= 2 and rnd.random() < 0.2) else 1
            occ = times * nper
        if times > 1 or rnd.random() < 0.5:
            lines.append("        times: %d" % times)
        if every is None and times == 1 and kind in ("training", "shadowing") and wtype == "month" \
                and total >= 6 and rnd.random() < 0.3:
            lines.append("        days: 2")
        # who
        k = rnd.choices([0, 1, 2, 3], [20, 35, 30, 15])[0]
        if getattr(self.a, "shape", "default") == "chinese":
            k = 0  # short activities: an owner, no people list
        no = 2 if rnd.random() < 0.1 else 1
        ps_ = self.next_people(no + k)
        lines.append("        owner: " + self.ref_list([self.ref(p) for p in ps_[:no]]))
        if k:
            ids = [self.ref(p) for p in ps_[no:]]
            if rnd.random() < 0.15:
                lines.append("        people:")
                lines.extend("          - " + i for i in ids)
            else:
                lines.append("        people: " + self.ref_list(ids) if k > 1
                             else "        people: [" + ids[0] + "]")
        if getattr(self.a, "shape", "default") == "chinese":
            lines.append("        note: " + long_text(rnd))
        elif rnd.random() < 0.08:
            lines.append("        note: " + rnd.choice(NOTES))
        occ *= npart
        if at == "host":
            self.host_events += occ
        elif at in ("partner", "org"):
            self.partner_events += occ
        return "\n".join(lines) + "\n", occ

    def fixed_day(self, ps, pe, which):
        """A Monday-Friday working day of the phase not used yet: the earliest
        from the 8th working day on (which='first') or the latest (which='last')."""
        days = []
        for o in range(ps.toordinal(), pe.toordinal() + 1):
            d = dt.date.fromordinal(o)
            if d.weekday() < 5 and self.cal.is_working(d) and d not in self.fixed_used:
                days.append(d)
        if not days:
            return None
        d = days[min(7, len(days) - 1)] if which == "first" else days[-1]
        self.fixed_used.add(d)
        return d

    def structural(self, k, ps, pe, nmonths):
        """The few fixed activities every phase has. Returns list of (text, occ)."""
        out = []
        lead, deps, others = self.leader, self.deputies, self.fixed_owners
        P = self.partners
        last = k == self.nphases - 1
        if k == 0:
            d = self.fixed_day(ps, pe, "first")
            if d:
                out.append(("      - id: xieyi\n        title: 签订帮扶协议\n        kind: agreement\n"
                            "        date: %s\n        owner: [%s]\n        people: [%s]\n"
                            % (d, lead["id"], ", ".join(p["id"] for p in deps)), 1))
        t = "      - title: 园长蹲点指导\n        kind: inspection\n        at: partner\n" \
            "        partners: [%s]\n        times: 2\n        owner: %s\n" % (
                ", ".join(p["id"] for p in P[:2]), lead["id"])
        out.append((t, 2 * min(2, len(P))))
        self.partner_events += 2 * min(2, len(P))
        times = 2 * math.ceil(nmonths / 6)
        dp = P[k % len(P)]["id"]
        t = ("      - title: 业务园长下园指导\n        kind: teaching-visit\n        at: partner\n"
             "        partners: [%s]\n        times: %d\n        owner: [%s]\n"
             % (dp, times, ", ".join(p["id"] for p in deps)))
        out.append((t, times))
        self.partner_events += times
        # one activity that reaches every partner (no partner-unvisited warning)
        t = ("      - title: 送教下乡\n        kind: teaching-visit\n        at: partner\n"
             "        times: 2\n        owner: %s\n        people: [%s]\n"
             "        note: 每个结对园各送课两次\n" % (others[0]["id"], others[1]["id"]))
        out.append((t, 2 * len(P)))
        self.partner_events += 2 * len(P)
        fo = self.fixed_owners[2 + k % max(1, len(self.fixed_owners) - 2)]
        d = self.fixed_day(ps, pe, "last")
        if d:
            out.append(("      - id: jiancha-%d\n        title: 第%s阶段工作检查\n        kind: inspection\n"
                        "        date: %s\n        owner: %s\n" % (k + 1, cn_num(k + 1), d, fo["id"]), 1))
        if last:
            d = self.fixed_day(ps, pe, "last")
            if d:
                out.append(("      - id: zongjie\n        title: 结对帮扶工作总结\n        kind: summary\n"
                            "        date: %s\n        owner: %s\n        people: [%s]\n"
                            % (d, deps[0]["id"], lead["id"]), 1))
        return out

    # ---- the whole plan
    def run(self, out):
        a, rnd = self.a, self.rnd
        self.host_id = "shiyan"
        self.partners = self.make_partners(a.partners)
        people = self.make_people(a.people, self.partners)
        self.people = people
        self.leader = people[0]
        self.deputies = people[1:3]
        members = people[3:3 + min(5, max(0, len(people) - 3))]
        # owners of the fixed-date activities: host staff first, each used once if possible
        self.fixed_owners = ([p for p in people[3:] if p["org"] == self.host_id]
                             + [p for p in people[3:] if p["org"] != self.host_id]) or people
        self.cycle = list(people)
        self.cyc_i = len(self.cycle)
        self.part_i = 0
        self.fixed_used = set()

        w = []
        y0, m0, y1, m1 = a.period
        if a.size_mb is not None:
            drive = "--size-mb %g" % a.size_mb
        elif a.occurrences:
            drive = "--occurrences %d" % a.occurrences
        else:
            drive = "--activities %d" % a.activities
        if getattr(a, "shape", "default") != "default":
            drive += " --shape " + a.shape
        w.append("# 结对帮扶工作计划 (benchmark plan) generated by bench/genplan.py %s --partners %d "
                 "--people %d --phases %d --period %s..%s --seed %d\n"
                 % (drive, a.partners, a.people, self.nphases, ym(y0, m0), ym(y1, m1), a.seed))
        w.append("pairplan: 1\nplan:\n")
        w.append("  title: 乐安县实验幼儿园结对帮扶工作计划\n")
        w.append("  host: {id: %s, name: 乐安县实验幼儿园, level: 省级示范幼儿园}\n" % self.host_id)
        w.append("  period: %s..%s\n" % (ym(y0, m0), ym(y1, m1)))
        w.append("  lang: zh\n")
        w.append("  guiding: 充分发挥省级示范幼儿园的示范、辐射作用，以开放的姿态面向乡镇，促进城乡学前教育均衡发展\n")
        w.append("  goals:\n    - 帮助提高管理水平\n    - 帮助提升队伍素质\n    - 帮助开展保教活动\n"
                 "    - 帮助改善办园特色\n")
        w.append("partners:\n")
        for p in self.partners:
            w.append("  - id: %(id)s\n    name: %(name)s\n    kind: %(kind)s\n    classes: %(classes)d\n"
                     "    children: %(children)d\n    teachers: %(teachers)d\n    staff: %(staff)d\n" % p)
            w.append("    needs: [%s]\n" % ", ".join(p["needs"]))
        w.append("people:\n")
        for p in people:
            w.append("  - {id: %(id)s, name: %(name)s, org: %(org)s, role: %(role)s, duty: %(duty)s}\n" % p)
        w.append("leadership:\n  leader: %s\n" % self.leader["id"])
        w.append("  deputies: [%s]\n" % ", ".join(p["id"] for p in self.deputies))
        if members:
            w.append("  members: [%s]\n" % ", ".join(p["id"] for p in members))
        w.append("phases:\n")
        header = "".join(w)
        tail, tail_occ = self.tail()
        out.write(header)
        written = len(header.encode())
        tail_bytes = len(tail.encode())

        # phase boundaries: months split as evenly as possible
        bounds = self.bounds
        phase_budget_bytes = max(0, a.size_bytes - written - tail_bytes) if a.size_bytes else 0
        phase_budget_occ = max(0, a.occurrences - tail_occ) if a.occurrences else 0
        act_budget = a.activities
        done_bytes = done_occ = done_acts = 0
        self.occurrences = tail_occ
        buf = []
        buflen = 0
        for k in range(self.nphases):
            (py0, pm0), (py1, pm1) = self.months[bounds[k]], self.months[bounds[k + 1] - 1]
            ps, pe = dt.date(py0, pm0, 1), month_end(py1, pm1)
            theme, goal = PHASE_THEMES[k % len(PHASE_THEMES)]
            head = ("  - id: p%d\n    name: 第%s阶段 %s\n    period: %s..%s\n    goal: %s\n"
                    "    activities:\n" % (k + 1, cn_num(k + 1), theme, ym(py0, pm0), ym(py1, pm1), goal))
            buf.append(head)
            done_bytes += len(head.encode())
            acts = self.structural(k, ps, pe, bounds[k + 1] - bounds[k])
            wins = self.phase_windows(ps, pe)
            frac = (k + 1) / self.nphases
            misses = 0
            while True:
                if acts:
                    text, occ = acts.pop(0)
                else:
                    if a.size_bytes:
                        if done_bytes >= phase_budget_bytes * frac:
                            break
                    elif a.occurrences:
                        if done_occ >= phase_budget_occ * frac:
                            break
                    elif done_acts >= act_budget * frac:
                        break
                    text, occ = self.bulk_activity(wins)
                    if text is None:
                        misses += 1
                        if misses > 1000:  # cannot happen with MIN_PHASE_DAYS; be safe
                            break
                        continue
                b = text.encode()
                buf.append(text)
                buflen += len(b)
                done_bytes += len(b)
                done_occ += occ
                done_acts += 1
                if buflen > 1 << 20:
                    out.write("".join(buf))
                    buf.clear()
                    buflen = 0
        out.write("".join(buf))
        self.activities = done_acts
        self.occurrences += done_occ
        out.write(tail.replace("@VPD@", str(self.visits_per_day())))
        self.bytes = written + done_bytes + tail_bytes

    def visits_per_day(self):
        wd = max(1, self.cal.working_days())
        host = self.host_events / wd
        part = self.partner_events / wd / max(1, len(self.partners))
        load = max(host, part)
        v = max(1, math.ceil(2 * load))
        if v > 4:  # a round number, at most 1.25x
            step = 10 ** (len(str(v)) - 1) // 4 or 1
            v = (v + step - 1) // step * step
        return min(v, MAX_VPD)

    def tail(self):
        """mentorships, targets, quotas, calendar (visits-per-day filled in later)."""
        rnd, a = self.rnd, self.a
        people = self.people
        w = []
        occ = 0
        n_m = min(len(people) // 6, 20000) if len(people) >= 12 else 1
        if n_m and len(people) >= 4:
            terms = []  # (text, start, end) of term-time mentorship periods inside the plan
            for y in range(self.start.year, self.end.year + 1):
                for (m0, m1) in ((3, 6), (9, 12)):
                    a0, a1 = dt.date(y, m0, 1), month_end(y, m1)
                    if a0 >= self.start and a1 <= self.end:
                        terms.append(("%s..%s" % (ym(y, m0), ym(y, m1)), a0, a1))
            if not terms:
                terms = [(None, self.start, self.end)]
            w.append("mentorships:\n")
            # mentors: host teachers; apprentices: partner staff or young host teachers
            host_people = [p for p in people[3:] if p["org"] == self.host_id] or people[1:2]
            others = [p for p in people if p["org"] != self.host_id] or people[3:] or people[:1]
            for i in range(n_m):
                mentor = host_people[i % len(host_people)]
                appr = others[i % len(others)]
                if appr is mentor:
                    continue
                ptxt, pa, pb = terms[i % len(terms)]
                w.append("  - mentor: %s\n    apprentice: %s\n" % (mentor["id"], appr["id"]))
                if ptxt:
                    w.append("    period: %s\n" % ptxt)
                r = rnd.random()
                if r < 0.5:
                    total, nper, minper = self.cal.stats(pa, pb, "month", None)
                    times = 2 if minper >= 2 else 1
                    w.append("    meet: {every: month, times: %d, at: host}\n" % times)
                    occ += times * nper
                    self.host_events += times * nper
                elif r < 0.8:
                    total, nper, minper = self.cal.stats(pa, pb, "week", frozenset([1, 3]))
                    w.append("    meet: {every: week, weekday: [tue, thu], at: online}\n")
                    occ += nper
        w.append("targets:\n")
        ys, ye = self.start.year, self.end.year
        mid = ym(*add_months(self.start.year, self.start.month, len(self.months) // 2 - 1))
        endm = ym(self.end.year, self.end.month)
        P = self.partners
        w.append("  - name: 教师优课率\n    at-least: 30%%\n    partners: all\n    by: %s\n" % mid)
        w.append("  - name: 幼儿出勤率\n    at-least: 90%%\n    by: %s\n" % endm)
        w.append("  - name: 家长满意度\n    at-least: 95%%\n    by: %s\n" % endm)
        w.append("  - name: 安全责任事故\n    at-most: 0\n")
        w.append("  - name: 骨干教师人数\n    at-least: 2\n    partners: [%s]\n    by: %s\n"
                 % (", ".join(p["id"] for p in P[:2]), endm))
        w.append("quotas:\n")
        w.append("  - people: leadership.leader\n    visits: 3\n    per: year\n")
        w.append("  - people: leadership.deputies\n    visits: 2\n    per: semester\n")
        w.append("calendar:\n  workdays: [mon, tue, wed, thu, fri]\n  holidays: cn\n")
        if self.closed:
            w.append("  closed: [%s]\n" % ", ".join("%s..%s" % (x, y) for x, y in self.closed))
        w.append("  visits-per-day: @VPD@\n")
        return "".join(w), occ


MIN_PHASE_DAYS = 15
MAX_VPD = 1000  # largest visits-per-day generated (pairplan accepts 1..1000)
MASKS = [("[tue, thu]", frozenset([1, 3])), ("[mon, wed, fri]", frozenset([0, 2, 4])),
         ("wed", frozenset([2])), ("[tue, wed, thu]", frozenset([1, 2, 3])), ("thu", frozenset([3]))]


def parse_period(s):
    try:
        a, b = s.split("..")
        y0, m0 = map(int, a.split("-"))
        y1, m1 = map(int, b.split("-"))
        if not (2020 <= y0 <= 2026 and 2020 <= y1 <= 2026 and 1 <= m0 <= 12 and 1 <= m1 <= 12):
            raise ValueError
        if (y0, m0) > (y1, m1):
            raise ValueError
    except ValueError:
        raise argparse.ArgumentTypeError("period must be YYYY-MM..YYYY-MM within 2020-2026")
    return (y0, m0, y1, m1)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    ap = argparse.ArgumentParser(description="Generate a valid pairplan plan for benchmarks.")
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--size-mb", type=float, help="approximate size in MB (10^6 bytes)")
    g.add_argument("--occurrences", type=int, help="aim for about N scheduled occurrences")
    g.add_argument("--activities", type=int, help="number of activities (default 40; at least "
                   "the 4-5 fixed ones per phase)")
    ap.add_argument("--partners", type=int, help="number of partners (default scales with size)")
    ap.add_argument("--people", type=int, help="number of people (default scales with size)")
    ap.add_argument("--phases", type=int, default=4, help="number of phases (default 4)")
    ap.add_argument("--period", type=parse_period, default=(2024, 3, 2026, 2),
                    help="plan period YYYY-MM..YYYY-MM (default 2024-03..2026-02)")
    ap.add_argument("--shape", choices=["default", "chinese", "people"], default="default",
                    help="default; chinese: short activities (an owner, no people list) with "
                    "long Chinese titles and notes; people: most of the size in people and "
                    "partners, few activities")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output", help="write here instead of stdout")
    ap.add_argument("--stats", action="store_true", help="print counts to stderr")
    a = ap.parse_args(argv)
    if a.phases < 1:
        ap.error("--phases must be at least 1")

    # Scale: about 228 bytes and 2.5 occurrences per bulk activity (measured).
    a.size_bytes = int(a.size_mb * 1e6) if a.size_mb is not None else 0
    if a.size_mb is not None:
        est_occ = a.size_bytes / 228 * 2.5
    elif a.occurrences is not None:
        est_occ = a.occurrences
    else:
        if a.activities is None:
            a.activities = 40
        est_occ = a.activities * 2.5
    a.occurrences = a.occurrences or 0
    a.activities = a.activities or 0
    a.est_occ = est_occ
    est_mb = est_occ * 228 / 2.5 / 1e6
    if a.shape == "people" and a.size_bytes:
        # about 60 % of the bytes in people (about 120 bytes each) and 20 %
        # in partners (about 200 bytes each), the rest in activities
        if a.people is None:
            a.people = max(24, int(a.size_bytes * 0.6 / 120))
        if a.partners is None:
            a.partners = max(3, int(a.size_bytes * 0.2 / 200))
    if a.partners is None:
        a.partners = int(min(60, max(3, 3 + est_mb // 2)))
    if a.people is None:
        # about 2.6 people per event, about 370 working days, 35 % load
        a.people = int(max(24, a.phases + 8, math.ceil(est_occ * 2.6 / (370 * 0.35))))
    if a.partners < 1:
        ap.error("--partners must be at least 1")
    if a.people < 8:
        ap.error("--people must be at least 8")

    gen = Gen(a)
    if a.output:
        f = open(a.output, "w", encoding="utf-8", newline="\n")
    else:
        f = open(sys.stdout.fileno(), "w", encoding="utf-8", newline="\n", closefd=False)
    try:
        with f:
            gen.run(f)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
    if a.stats:
        sys.stderr.write("genplan: %d bytes, %d partners, %d people, %d phases, %d activities, "
                         "about %d occurrences, visits-per-day %d\n"
                         % (gen.bytes, len(gen.partners), len(gen.people), gen.nphases,
                            gen.activities, gen.occurrences, gen.visits_per_day()))


if __name__ == "__main__":
    main()
