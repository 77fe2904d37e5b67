"""Synthetic demo data: a realistic county for trying the app, tests and benchmarks.

Townships and villages sit under real Weinan county codes (domain.md §7); the township codes other
than the two confirmed ones and every village code are invented and marked ``演示数据（虚构）``.
The same seed and end date give the same data. Rows go in through bulk inserts (one transaction),
then the search index is rebuilt once, so 100,000 consultations take seconds, not minutes.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select

from advisor_app.domain import idcard
from advisor_app.domain.case_flow import due_date
from advisor_app.domain.case_numbers import format_case_no
from advisor_app.domain.clock import china_now
from advisor_app.domain.models import (
    Activity,
    ActivityParticipant,
    Agreement,
    Base,
    Case,
    CaseParty,
    Committee,
    Consultation,
    JudicialConfirmation,
    LegalLiterate,
    MediationSession,
    NumberBlock,
    Person,
    Rating,
    Region,
    ReturnVisit,
    Screening,
    Training,
    ZeroReport,
    utcnow,
)
from advisor_app.domain.statuses import (
    AgreementStatus,
    CaseStatus,
    ConfirmationStatus,
    ConsultationStatus,
    PerformanceStatus,
    RosterStatus,
)
from advisor_app.services import regions as region_service
from advisor_app.store import Store, bulk, search

DEMO = "演示数据（虚构）"

# (county code, county short, [(township code, name, short, confirmed?)])
TOWNSHIPS = [
    (
        "610502",
        "临",
        [
            ("610502100", "桥南镇", "桥", True),
            ("610502101", "阳郭镇", "阳", False),
            ("610502102", "孝义镇", "孝", False),
            ("610502103", "下邽镇", "邽", False),
        ],
    ),
    (
        "610528",
        "富",
        [
            ("610528101", "庄里镇", "庄", True),
            ("610528102", "张桥镇", "张", False),
            ("610528103", "美原镇", "美", False),
        ],
    ),
]
VILLAGE_NAMES = [
    "王家村",
    "李家庄村",
    "张家堡村",
    "东坡村",
    "西岭村",
    "南沟村",
    "北原村",
    "柳树村",
    "杨湾村",
    "新庄村",
    "双泉村",
    "石桥村",
    "赵村",
    "孟家村",
    "前进村",
    "红星村",
    "沙坡村",
    "槐树村",
    "高塘村",
    "庙底村",
]
SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
)
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英建华文红玉兰志强海燕凤英建国春梅小红晓东永刚丽娟金凤宏伟"
ETHNICITIES = ["汉族"] * 30 + ["回族", "满族"]
OCCUPATIONS = ["农民", "农民", "农民", "个体户", "务工人员", "教师", "退休职工", "村干部", "司机", "养殖户"]

QUESTIONS: dict[str, list[str]] = {
    "劳动报酬": [
        "在{place}工地干了{n}个月，包工头拖欠工资{money}元不给，怎么讨要？",
        "年底了老板说没钱发工资，拖欠工资{money}元，能不能申请法律援助？",
        "在外打工被拖欠工资，没有签劳动合同，怎么证明劳动关系？",
    ],
    "婚姻家庭": [
        "丈夫常年在外不回家，想离婚，孩子抚养权怎么判？",
        "婚前父母出资买的房子离婚时怎么分？",
        "老人有三个儿子都不给赡养费，老人能不能起诉？",
        "彩礼{money}元，订婚后女方悔婚能要回来吗？",
    ],
    "继承": ["父亲去世没有遗嘱，老宅子兄弟姐妹怎么分？", "母亲生前口头说房子给我，其他兄弟不认，怎么办？"],
    "合同": [
        "买了{place}的农机，用了{n}天就坏了，卖家不退，怎么办？",
        "借给亲戚{money}元有欠条，到期不还能起诉吗？",
        "签了果园承包合同，对方中途要收回，违约金怎么算？",
    ],
    "劳动争议": ["在厂里干活受伤了，老板不给报工伤，怎么办？", "被公司辞退没有补偿，能要经济补偿金吗？"],
    "土地承包": [
        "承包地被村里调整给别人，合同还没到期，怎么维权？",
        "土地流转费{money}元对方一直没付，怎么办？",
    ],
    "房屋宅基地": ["邻居盖房占了我家宅基地{n}米，怎么处理？", "宅基地证上的面积和实际不符，能不能更正？"],
    "邻里": ["邻居家排水沟往我家院子流，多次协商不成，怎么办？", "邻居养狗咬伤了孩子，医药费谁出？"],
    "损害赔偿": [
        "被{place}的车撞伤了，对方只赔{money}元，合理吗？",
        "村里修路把我家的树砍了，能要求赔偿吗？",
    ],
    "道路交通事故": [
        "骑电动车被货车撞了，交警认定对方全责，赔偿项目有哪些？",
        "交通事故对方没有保险，赔偿怎么要？",
    ],
    "消费": ["在集市上买的化肥是假的，庄稼减产，能索赔吗？", "网上买的手机有质量问题，商家不给退，怎么办？"],
    "借贷": ["朋友借了{money}元没有写借条，只有微信转账记录，能起诉吗？", "民间借贷利息多少受法律保护？"],
    "诉讼程序": ["去法院起诉要带哪些材料？诉讼费多少？", "判决下来对方不执行怎么办？"],
    "社会保障": ["新农合报销比例是多少？不给报销怎么办？", "低保被取消了，去哪里申诉？"],
    "其他": ["村里账目不公开，村民能不能要求查账？", "被人在微信群里造谣，能不能报警？"],
}
ANSWERS = [
    "已告知相关法律规定和维权途径，建议先收集证据再协商解决。",
    "已讲解法律规定，建议申请人民调解，并告知调解不收费。",
    "符合法律援助条件，已引导到县法律援助中心申请。",
    "已解答，当事人表示清楚了，回去后与对方协商。",
    "已告知诉讼程序和所需材料，建议到人民法院立案。",
]
SUBCATEGORY_CATEGORY = {"其他": "其他", "社会保障": "行政"}
CASE_SUMMARIES: dict[str, list[str]] = {
    "邻里": ["{a}与{b}因排水沟堵塞引发纠纷，双方多次争吵。", "{a}与{b}因院墙倒塌损坏{b}家菜地发生争执。"],
    "婚姻家庭": ["{a}与{b}因赡养老人费用分担发生纠纷。", "{a}与{b}因离婚后子女抚养费支付问题发生争议。"],
    "房屋宅基地": ["{a}建房时占用{b}宅基地约{n}平方米，双方发生纠纷。"],
    "合同": ["{a}向{b}购买农资后拒付货款{money}元，双方发生纠纷。", "{a}与{b}因土地流转合同履行发生争议。"],
    "劳动争议": ["{a}在{b}处务工期间受伤，双方就赔偿数额发生纠纷。"],
    "损害赔偿": ["{b}饲养的牲畜损坏{a}家庄稼，{a}要求赔偿{money}元。"],
    "山林土地": ["{a}与{b}因承包地地界不清发生纠纷。"],
    "道路交通事故": ["{b}驾驶三轮车与{a}的电动车相撞，双方就赔偿发生争议。"],
    "生产经营": ["{a}与{b}合伙养殖，因分红问题发生纠纷。"],
    "消费": ["{a}从{b}处购买的种子发芽率低，要求赔偿损失{money}元。"],
}
CASE_TYPE_WEIGHTS = {
    "邻里": 25,
    "婚姻家庭": 20,
    "房屋宅基地": 15,
    "合同": 12,
    "损害赔偿": 8,
    "劳动争议": 6,
    "山林土地": 5,
    "道路交通事故": 4,
    "生产经营": 3,
    "消费": 2,
}
SUBCATEGORY_WEIGHTS = {
    "婚姻家庭": 18,
    "劳动报酬": 12,
    "合同": 10,
    "继承": 8,
    "借贷": 8,
    "土地承包": 8,
    "房屋宅基地": 8,
    "邻里": 7,
    "劳动争议": 6,
    "损害赔偿": 5,
    "道路交通事故": 4,
    "消费": 3,
    "诉讼程序": 3,
    "社会保障": 2,
    "其他": 2,
}
TOPICS = [
    "民法典婚姻家庭编解读",
    "农民工工资支付条例宣讲",
    "防范电信网络诈骗",
    "宪法宣传日专题讲座",
    "土地承包法律知识",
    "未成年人保护法进校园",
    "反家庭暴力法宣传",
    "人民调解法知识讲座",
]
GRADES = ["非常满意"] * 55 + ["满意"] * 30 + ["基本满意"] * 10 + ["不满意"] * 4 + ["非常不满意"]
TAGS = [
    "低收入群体",
    "残疾人",
    "农民工",
    "老年人",
    "未成年人",
    "单亲困难母亲",
    "军人军属",
    "退役军人及其他优抚对象",
]


@dataclass
class _Gen:
    rng: random.Random
    end: date
    now: datetime
    device: str
    rows: dict[type[Base], list[dict[str, Any]]] = field(default_factory=dict)

    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def add(self, model: type[Base], owner: str = "", **values: Any) -> dict[str, Any]:
        row = dict(values)
        if hasattr(model, "rev"):
            row.setdefault("id", self.uid())
            stamp = row.pop("_stamp", self.now)
            row.update(
                rev=1, owner=owner, device_id=self.device, created_at=stamp, updated_at=stamp, deleted=False
            )
        self.rows.setdefault(model, []).append(row)
        return row

    def name(self) -> str:
        given = "".join(self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2, 2))))
        return self.rng.choice(SURNAMES) + given

    def id_number(self, county: str, birth: date, male: bool) -> str:
        seq = self.rng.randrange(0, 99) * 10 + self.rng.choice((1, 3, 5, 7, 9) if male else (0, 2, 4, 6, 8))
        body = f"{county}{birth:%Y%m%d}{seq:03d}"
        return body + idcard.check_char(body)

    def day(self, within_days: int) -> date:
        return self.end - timedelta(days=self.rng.randrange(within_days))

    def phone(self) -> str:
        return "1" + self.rng.choice("3578") + "".join(str(self.rng.randrange(10)) for _ in range(9))

    def money(self) -> int:
        return self.rng.choice((800, 1500, 2000, 3000, 5000, 8000, 12000, 20000, 35000))

    def fill(self, template: str, **names: str) -> str:
        return template.format(
            place=self.rng.choice(("县城", "西安", "渭南", "镇上", "邻村")),
            n=self.rng.randrange(2, 12),
            money=self.money(),
            **names,
        )


def generate(
    store: Store,
    *,
    seed: int = 1,
    consultations: int = 2000,
    cases: int = 300,
    end: date | None = None,
    track_changes: bool = False,
    signed_copies: bool = True,
    workers: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, int]:
    """Fill ``store`` with a synthetic county; returns the number of rows per table.

    ``track_changes`` also writes the change log, so the records are queued for sync like any
    other (off by default: demo data is for trying the app, not for the city server).
    ``signed_copies`` prints and keeps every signed agreement as signing does (about 20 ms each);
    without it the agreements are signed but cannot be reprinted (only for timing the store).
    ``workers`` > 1 renders them in forked processes on Linux (the CLI; never from the GUI process,
    whose threads make forking unsafe). ``progress(done, total)`` follows the printing of the
    signed agreements, nearly all of the time (the desktop's progress bar).
    """
    region_service.load_csv(store)
    # By default the data ends on the last day whose office hours (08:00–18:00, when the demo's
    # services happen) are over in China: no record is timed later than now.
    end = end or (china_now() - timedelta(hours=18)).date()
    gen = _Gen(random.Random(seed), end, utcnow(), store.device_id)
    villages = _regions(gen, store)
    committees = _committees(gen, villages)
    advisers = {v["code"]: f"{gen.rng.choice(SURNAMES)}律师" for v in villages}
    _roster(gen, villages)
    _activities(gen, villages, advisers)
    _consultations(gen, villages, advisers, consultations)
    _cases(gen, villages, committees, cases)
    _screenings(gen, villages)
    # The bulk path (store/bulk.py): the change log and the search index as the ORM would write them.
    with store.engine.begin() as conn:
        for model, rows in gen.rows.items():
            bulk.insert(conn, model.__table__, rows, log_changes=track_changes and hasattr(model, "rev"))
        search.rebuild(conn)
    counts = {model.__tablename__: len(rows) for model, rows in gen.rows.items()}
    if signed_copies:
        counts["attachments"] = _keep_signed(gen, store, track_changes, workers, progress)
    store.optimize()
    return counts


def _keep_signed(
    gen: _Gen,
    store: Store,
    track_changes: bool,
    workers: int,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Every demo agreement signed the real way: frozen with its digest, printed, hash and PDF kept.

    The case histories go in by bulk insert, so the agreements arrive as 已签署 and the printing
    service's :func:`~advisor_app.services.printing.keep_signed` does what signing does after the
    status change (the same snapshot, renderer and attachment), so `advisor print agreement` works.
    """
    from advisor_app.services import printing

    signed = [row["id"] for row in gen.rows.get(Agreement, []) if row["status"] == AgreementStatus.SIGNED]
    return printing.keep_signed(
        store, signed, log_changes=track_changes, make_id=gen.uid, workers=workers, progress=progress
    )


def _regions(gen: _Gen, store: Store) -> list[dict[str, Any]]:
    with store.session() as session:
        existing = set(session.scalars(select(Region.code)))
    villages = []
    for county, _short, townships in TOWNSHIPS:
        for code9, name, _tshort, confirmed in townships:
            township_code = code9 + "000"
            if township_code not in existing:
                gen.add(
                    Region,
                    code=township_code,
                    name=name,
                    level="township",
                    parent_code=county + "000000",
                    source="统计用区划代码" if confirmed else DEMO,
                )
            for n, vname in enumerate(gen.rng.sample(VILLAGE_NAMES, 8), start=1):
                code = f"{code9}{200 + n:03d}"
                village = {"code": code, "name": vname, "township": township_code, "county": county}
                villages.append(village)
                if code not in existing:
                    gen.add(
                        Region, code=code, name=vname, level="village", parent_code=township_code, source=DEMO
                    )
    return villages


def _committees(gen: _Gen, villages: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """One township committee (乡镇) per township; case numbers are issued by it."""
    by_township: dict[str, dict[str, Any]] = {}
    for _county, cshort, townships in TOWNSHIPS:
        for code9, name, tshort, _ in townships:
            by_township[code9 + "000"] = gen.add(
                Committee,
                name=f"{name}人民调解委员会",
                short_name=cshort + tshort,
                kind="乡镇",
                region_code=code9 + "000",
            )
    return {v["code"]: by_township[v["township"]] for v in villages}


def _person(gen: _Gen, village: dict[str, Any], tags: list[str] | None = None) -> dict[str, Any]:
    male = gen.rng.random() < 0.55
    birth = date(gen.rng.randrange(1945, 2004), gen.rng.randrange(1, 13), gen.rng.randrange(1, 29))
    return gen.add(
        Person,
        name=gen.name(),
        gender="男" if male else "女",
        ethnicity=gen.rng.choice(ETHNICITIES),
        birth_date=birth,
        id_number=gen.id_number(village["county"], birth, male) if gen.rng.random() < 0.7 else None,
        phone=gen.phone(),
        address=f"{village['name']}{gen.rng.randrange(1, 9)}组",
        occupation=gen.rng.choice(OCCUPATIONS),
        region_code=village["code"],
        tags=tags or [],
    )


def _tags(gen: _Gen, subcategory: str | None = None) -> list[str]:
    tags = [t for t in TAGS if gen.rng.random() < 0.04]
    if subcategory == "劳动报酬" and gen.rng.random() < 0.8:
        tags.append("农民工")
    return sorted(set(tags))


def _consultations(gen: _Gen, villages, advisers, count: int) -> None:  # noqa: ANN001
    subcats = list(SUBCATEGORY_WEIGHTS)
    weights = list(SUBCATEGORY_WEIGHTS.values())
    people = [_person(gen, v) for v in villages for _ in range(6)]
    for _ in range(count):
        village = gen.rng.choice(villages)
        sub = gen.rng.choices(subcats, weights)[0]
        day = gen.day(365)
        if sub != "劳动报酬" and day.month in (1, 2) and gen.rng.random() < 0.15:
            sub = "劳动报酬"  # wage arrears rise before the Spring Festival
        person = gen.rng.choice(people) if gen.rng.random() < 0.2 else None
        name = person["name"] if person else gen.name()
        at = datetime.combine(day, time(gen.rng.randrange(8, 18), gen.rng.choice((0, 15, 30, 45))))
        closed = day < gen.end - timedelta(days=3) or gen.rng.random() < 0.5
        referral = gen.rng.choices([None, "法律援助", "调解", "诉讼", "公证", "其他"], [70, 10, 10, 6, 2, 2])[
            0
        ]
        record = gen.add(
            Consultation,
            owner=advisers[village["code"]],
            _stamp=at,
            region_code=village["code"],
            person_id=person["id"] if person else None,
            person_name=name,
            occurred_at=at,
            service_type=gen.rng.choices(["法律咨询解答", "代写法律文书", "法律服务指引"], [85, 5, 10])[0],
            mode=gen.rng.choices(["实地", "远程", "预约"], [60, 30, 10])[0],
            category=SUBCATEGORY_CATEGORY.get(sub, "民事") if gen.rng.random() < 0.95 else "刑事",
            subcategory=sub,
            question=gen.fill(gen.rng.choice(QUESTIONS[sub])),
            answer=gen.rng.choice(ANSWERS),
            referral=referral,
            outcome=ConsultationStatus.DONE if closed else None,
            duration_minutes=gen.rng.choice((10, 15, 20, 30, 45, 60)),
            status=ConsultationStatus.DONE if closed else ConsultationStatus.OPEN,
            adviser=advisers[village["code"]],
            tags=_tags(gen, sub),
            no_rating_reason=None,
        )
        if closed:
            if gen.rng.random() < 0.92:
                _rating(gen, "consultation", record["id"], day)
            else:
                record["no_rating_reason"] = "电话咨询，当事人未评价"


def _rating(gen: _Gen, kind: str, target: str, day: date) -> None:
    from advisor_app.services.ratings import FOLLOW_UP_WORKING_DAYS, add_working_days

    grade = gen.rng.choice(GRADES)
    bad = grade in ("不满意", "非常不满意")
    gen.add(
        Rating,
        target_kind=kind,
        target_id=target,
        grade=grade,
        rated_on=day,
        comment=None,
        follow_up_due=add_working_days(day, FOLLOW_UP_WORKING_DAYS) if bad else None,
    )


def _cases(gen: _Gen, villages, committees, count: int) -> None:  # noqa: ANN001
    types = list(CASE_TYPE_WEIGHTS)
    weights = list(CASE_TYPE_WEIGHTS.values())
    counters: dict[tuple[str, int], int] = {}
    for _ in range(count):
        village = gen.rng.choice(villages)
        committee = committees[village["code"]]
        dispute = gen.rng.choices(types, weights)[0]
        accepted = gen.day(365)
        key = (committee["id"], accepted.year)
        counters[key] = counters.get(key, 0) + 1
        a, b = _person(gen, village, _tags(gen)), _person(gen, village, _tags(gen))
        mediator = gen.name()
        age_days = (gen.end - accepted).days
        outcome = gen.rng.choices(
            [CaseStatus.AGREED, CaseStatus.FAILED, CaseStatus.TERMINATED, "open"], [80, 8, 2, 10]
        )[0]
        if age_days < 10:
            outcome = "open"
        prevention = gen.rng.choices(
            [None, "防止民转刑", "防止群体性上访", "防止自杀", "制止群体斗殴"], [94, 3, 1.5, 0.5, 1]
        )[0]
        case = gen.add(
            Case,
            owner=mediator,
            region_code=village["code"],
            committee_id=committee["id"],
            case_no=format_case_no(accepted.year, committee["short_name"], counters[key]),
            number_year=accepted.year,
            number_seq=counters[key],
            number_provisional=False,
            dispute_type=dispute,
            source=gen.rng.choices(["当事人申请", "调委会主动调解", "接受委托移送"], [60, 30, 10])[0],
            summary=gen.fill(
                gen.rng.choice(CASE_SUMMARIES.get(dispute, CASE_SUMMARIES["邻里"])), a=a["name"], b=b["name"]
            ),
            status=CaseStatus.MEDIATING,
            accepted_on=accepted,
            due_on=due_date(accepted),
            closed_on=None,
            archived_on=None,
            mediator=mediator,
            recorder=gen.name(),
            result=None,
            notice_given_on=accepted,
            prevention=prevention,
            prevention_persons=gen.rng.randrange(1, 6) if prevention else None,
        )
        for pos, (person, role) in enumerate(((a, "申请人"), (b, "被申请人"))):
            gen.add(
                CaseParty,
                owner=mediator,
                case_id=case["id"],
                person_id=person["id"],
                position=pos,
                role=role,
                name=person["name"],
                is_organisation=False,
                representative=None,
                gender=person["gender"],
                ethnicity=person["ethnicity"],
                birth_date=person["birth_date"],
                id_number=person["id_number"],
                occupation=person["occupation"],
                phone=person["phone"],
                address=person["address"],
                tags=person["tags"],
            )
        held = datetime.combine(accepted + timedelta(days=gen.rng.randrange(0, 6)), time(9, 30))
        if held.date() > gen.end:
            held = datetime.combine(accepted, time(9, 30))
        gen.add(
            MediationSession,
            owner=mediator,
            case_id=case["id"],
            held_at=held,
            place=f"{village['name']}村委会调解室",
            participants=f"{a['name']}、{b['name']}、{mediator}",
            statements="双方陈述了各自意见。",
            facts=case["summary"],
            result="双方同意调解方案" if outcome == CaseStatus.AGREED else "双方分歧较大",
            mediator=mediator,
            recorder=case["recorder"],
        )
        if outcome == "open":
            continue
        closed = min(held.date() + timedelta(days=gen.rng.randrange(1, 40)), gen.end)
        if outcome in (CaseStatus.FAILED, CaseStatus.TERMINATED):
            case.update(status=outcome, closed_on=closed, result="双方分歧较大，已告知可通过诉讼途径解决。")
            _rating(gen, "case", case["id"], closed)
            continue
        amount = gen.money() * 100 if gen.rng.random() < 0.6 else 0
        deadline = closed + timedelta(days=gen.rng.choice((7, 15, 30)))
        agreement = gen.add(
            Agreement,
            owner=mediator,
            case_id=case["id"],
            version=1,
            supersedes_id=None,
            kind="书面",
            status=AgreementStatus.SIGNED,
            facts=case["summary"],
            terms=[
                f"{b['name']}于{deadline.year}年{deadline.month}月{deadline.day}日前履行约定义务。",
                "双方今后和睦相处，不再因此事发生争执。",
            ],
            performance="当面履行，由调委会监督。",
            performance_deadline=deadline,
            copies=3,
            amount_fen=amount,
            signed_on=closed,
            performed=PerformanceStatus.NOT_PERFORMED,
            pdf_sha256=None,
            frozen_data=None,
        )
        status = CaseStatus.AGREED
        if deadline < gen.end and gen.rng.random() < 0.9:
            agreement["performed"] = PerformanceStatus.PERFORMED
            status = CaseStatus.PERFORMING
        if deadline < gen.end and gen.rng.random() < 0.85:
            visited = min(deadline + timedelta(days=gen.rng.randrange(0, 10)), gen.end)
            gen.add(
                ReturnVisit,
                owner=mediator,
                case_id=case["id"],
                agreement_id=agreement["id"],
                due_on=deadline,
                visited_on=visited,
                reason="了解协议履行情况",
                performed=agreement["performed"],
                satisfied=True,
                lawsuit=False,
                risk=False,
                measures=None,
                visitor=mediator,
            )
            status = CaseStatus.VISITING
            case["closed_on"] = visited
            _rating(gen, "case", case["id"], visited)
            if gen.end - visited > timedelta(days=60) and gen.rng.random() < 0.7:
                status, case["archived_on"] = CaseStatus.ARCHIVED, visited + timedelta(days=30)
        else:
            gen.add(
                ReturnVisit,
                owner=mediator,
                case_id=case["id"],
                agreement_id=agreement["id"],
                due_on=deadline,
                visited_on=None,
                reason=None,
                performed=None,
                satisfied=None,
                lawsuit=None,
                risk=None,
                measures=None,
                visitor=None,
            )
        case["status"] = status
        if gen.rng.random() < 0.12 and closed + timedelta(days=10) <= gen.end:
            applied = closed + timedelta(days=gen.rng.randrange(1, 10))
            confirmed = gen.rng.random() < 0.9 and applied + timedelta(days=15) <= gen.end
            gen.add(
                JudicialConfirmation,
                owner=mediator,
                case_id=case["id"],
                agreement_id=agreement["id"],
                status=ConfirmationStatus.CONFIRMED if confirmed else ConfirmationStatus.APPLIED,
                applied_on=applied,
                decided_on=applied + timedelta(days=12) if confirmed else None,
                court="临渭区人民法院",
            )
    for (committee_id, year), top in counters.items():
        gen.add(
            NumberBlock, committee_id=committee_id, year=year, first=1, last=top, next=top + 1, origin="local"
        )


def _roster(gen: _Gen, villages) -> None:  # noqa: ANN001
    for village in villages:
        for _ in range(gen.rng.choice((1, 2, 3, 3, 4, 5))):
            male = gen.rng.random() < 0.6
            birth = date(gen.rng.randrange(1955, 1995), gen.rng.randrange(1, 13), gen.rng.randrange(1, 29))
            removed = gen.rng.random() < 0.06
            member = gen.add(
                LegalLiterate,
                owner="司法所",
                region_code=village["code"],
                group_name=f"{gen.rng.randrange(1, 9)}组",
                name=gen.name(),
                gender="男" if male else "女",
                birth_date=birth,
                ethnicity="汉族",
                political_status=gen.rng.choice(["中共党员", "群众", "群众", "共青团员"]),
                education=gen.rng.choice(["初中", "高中/中专", "大专", "本科"]),
                identity_category=gen.rng.choice(
                    ["村干部", "人民调解员", "网格员", "村民小组长", "五老人员", "妇联执委"]
                ),
                id_number=gen.id_number(village["county"], birth, male),
                phone=gen.phone(),
                certificate_no=f"FLMBR-{village['code'][-6:]}-{gen.rng.randrange(1000, 9999)}",
                status=RosterStatus.REMOVED if removed else RosterStatus.ACTIVE,
                appointed_on=gen.day(900),
                removed_on=gen.day(100) if removed else None,
                removed_reason="长期外出务工，不能履行职责" if removed else None,
            )
            for _ in range(gen.rng.randrange(1, 4)):
                gen.add(
                    Training,
                    owner="司法所",
                    legal_literate_id=member["id"],
                    trained_on=gen.day(700),
                    hours=gen.rng.choice((2, 4, 8)),
                    topic=gen.rng.choice(TOPICS),
                )


def _activities(gen: _Gen, villages, advisers) -> None:  # noqa: ANN001
    members = gen.rows.get(LegalLiterate, [])
    for village in villages:
        local = [m for m in members if m["region_code"] == village["code"]]
        for _ in range(gen.rng.randrange(3, 7)):
            activity = gen.add(
                Activity,
                owner=advisers[village["code"]],
                region_code=village["code"],
                held_on=gen.day(365),
                kind=gen.rng.choices(["法治讲座", "集中宣传", "入户宣传", "以案释法"], [50, 25, 15, 10])[0],
                place=f"{village['name']}文化广场",
                topic=gen.rng.choice(TOPICS),
                audience_count=gen.rng.randrange(20, 150),
                speaker=advisers[village["code"]],
                duration_minutes=gen.rng.choice((60, 90, 120)),
                notes=None,
            )
            for member in gen.rng.sample(local, min(len(local), 2)):
                gen.add(
                    ActivityParticipant,
                    owner=advisers[village["code"]],
                    activity_id=activity["id"],
                    legal_literate_id=member["id"],
                    role="协助宣传",
                )


def _screenings(gen: _Gen, villages) -> None:  # noqa: ANN001
    month = date(gen.end.year, gen.end.month, 1)
    # 零上报 only for a month without disputes: no case accepted by the village then (issue 18)
    accepted = {
        (c["region_code"], f"{c['accepted_on']:%Y-%m}")
        for c in gen.rows.get(Case, [])
        if not c.get("deleted")
    }
    for _ in range(6):
        for village in villages:
            found = gen.rng.choices((0, 1, 2, 3), (50, 30, 15, 5))[0]
            gen.add(
                Screening,
                region_code=village["code"],
                held_on=min(month + timedelta(days=9), gen.end),
                disputes_found=found,
                disputes_prevented=min(found, gen.rng.randrange(0, 2)),
                notes=None,
            )
            # the draw comes first, so the rest of the demo data stays as it was
            if found == 0 and gen.rng.random() < 0.3 and (village["code"], f"{month:%Y-%m}") not in accepted:
                gen.add(
                    ZeroReport, region_code=village["code"], month=f"{month:%Y-%m}", note="本月无矛盾纠纷"
                )
        month = (month - timedelta(days=1)).replace(day=1)
