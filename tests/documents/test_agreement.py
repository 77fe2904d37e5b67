"""人民调解协议书: fields in the official order, embedded fonts, pagination, rare characters."""

from __future__ import annotations

from datetime import date

import pytest

from advisor_app.documents import Unprintable
from advisor_app.documents.agreement import render_agreement
from advisor_app.documents.collect import agreement_by_id
from advisor_app.documents.fonts import chain
from advisor_app.domain.money import capitals_fen
from advisor_app.services import printing

from .builders import PARTIES, TERMS, make_case
from .pdfcheck import assert_in_order, fonts, page_texts, pdffonts, text


def test_every_field_in_the_official_order(mediated):
    pdf = printing.agreement_pdf(mediated, mediated.agreement_id)
    data = agreement_by_id(mediated, mediated.agreement_id)
    expected = ["人民调解协议书", "编号", data["case_no"]]
    for party in PARTIES:
        expected += [
            "姓名",
            party["name"],
            "性别",
            party["gender"],
            "民族",
            party["ethnicity"],
            "年龄",
            "职业或职务",
            party["occupation"],
            "联系方式",
            party["phone"],
            "单位或住址",
            party["address"],
        ]
    expected += ["纠纷主要事实、争议事项", data["facts"], "经调解，自愿达成如下协议"]
    expected += [f"{n}、{term}" for n, term in zip("一二三", TERMS, strict=True)]
    expected += [
        "12,000.00",
        f"人民币{capitals_fen(data['amount_fen'])}",
        "履行方式、时限",
        data["performance"],
        f"本协议一式{len(PARTIES) + 1}份",
    ]
    expected += ["当事人（签名盖章或按指印）", "人民调解员（签名）"]  # the staff sign beside the parties
    expected += ["当事人（签名盖章或按指印）", "记录人（签名）", "（人民调解委员会印）", "2025年3月10日"]
    pdf_text = text(pdf)
    assert_in_order(pdf_text, expected)
    block = pdf_text[pdf_text.index("本协议一式") :]
    assert block.count("当事人（签名盖章或按指印）") == len(PARTIES)


def test_ages_are_counted_on_the_signing_day(mediated):
    pdf_text = text(printing.agreement_pdf(mediated, mediated.agreement_id))
    signed = date(2025, 3, 10)
    for party in PARTIES:
        born = party["birth_date"]
        years = signed.year - born.year - ((signed.month, signed.day) < (born.month, born.day))
        assert f"{years}岁" in pdf_text


def test_chinese_fonts_are_embedded_as_subsets(mediated, tmp_path):
    pdf = printing.agreement_pdf(mediated, mediated.agreement_id)
    found = fonts(pdf)
    assert found, "no fonts in the PDF"
    for font in found:
        assert font["subtype"] == "/TrueType", font
        assert font["embedded"], f"{font['name']} is not embedded"
        assert font["name"][:6].isupper() and font["name"][6] == "+", f"{font['name']} is not a subset"
    listing = pdffonts(pdf, tmp_path)
    rows = [line.split() for line in listing.splitlines()[2:]]
    assert rows and all(row[-5:-3] == ["yes", "yes"] for row in rows), listing


def test_the_same_data_gives_the_same_bytes(mediated):
    data = agreement_by_id(mediated, mediated.agreement_id)
    assert render_agreement(data) == render_agreement(dict(data))


def test_a_draft_is_marked_as_such(seeded):
    _, agreement = make_case(seeded)
    pdf_text = text(printing.agreement_pdf(seeded, agreement.id))
    assert "草稿" in pdf_text
    assert "年月日" in pdf_text  # no signing date yet: blanks to fill in by hand


def test_long_agreement_flows_over_pages_and_keeps_the_signature_block_whole(seeded):
    terms = [
        f"第{n}项约定：" + "被申请人应当按照双方确认的清单返还农具、种子和化肥等物品，并恢复原状。" * 3
        for n in range(1, 41)
    ]
    _, agreement = make_case(seeded, terms=terms, facts="双方因承包地边界和农具借用发生争议。\n" * 30)
    pdf = printing.agreement_pdf(seeded, agreement.id)
    pages = page_texts(pdf)
    total = len(pages)
    assert total >= 4
    for number, page in enumerate(pages, 1):
        assert f"第{number}页共{total}页" in page
    assert_in_order("".join(pages), [f"{n}、" for n in ("一", "十", "二十", "三十", "四十")])
    # The block starts with the copies sentence and ends with the date: all on one page.
    holding = [i for i, page in enumerate(pages) if "本协议一式" in page]
    assert len(holding) == 1
    last = pages[holding[0]]
    assert_in_order(
        last,
        [
            "本协议一式",
            "当事人（签名盖章或按指印）",
            "人民调解员（签名）",
            "当事人（签名盖章或按指印）",
            "记录人（签名）",
            "（人民调解委员会印）",
            "年月日",
        ],
    )
    assert holding[0] == total - 1


def _char_in_fallback_only(fonts_chain) -> str:
    for code in range(0x4E00, 0xA000):
        char = chr(code)
        used = fonts_chain.font_for(char, fonts_chain.body)
        if used is not None and used != fonts_chain.body:
            return char
    raise AssertionError("this machine has no fallback font covering a character the body font lacks")


def test_a_character_missing_from_the_body_font_uses_a_fallback_font(seeded):
    fonts_chain = chain()
    rare = _char_in_fallback_only(fonts_chain)
    parties = [dict(PARTIES[0], name="张" + rare), PARTIES[1]]
    _, agreement = make_case(seeded, parties=parties)
    pdf = printing.agreement_pdf(seeded, agreement.id)
    assert "张" + rare in text(pdf)
    assert len({f["name"].split("+")[1] for f in fonts(pdf)}) >= 2


@pytest.mark.parametrize("name", ["王\U0002003e", "\u4dae岩"])  # 𠀾 (Extension B), 䶮 (Extension A)
def test_rare_names_are_printed_or_reported(seeded, name):
    parties = [dict(PARTIES[0], name=name), PARTIES[1]]
    _, agreement = make_case(seeded, parties=parties)
    fonts_chain = chain()
    drawable = all(fonts_chain.font_for(c, fonts_chain.body) for c in name)
    if drawable:
        assert name in text(printing.agreement_pdf(seeded, agreement.id))
    else:
        with pytest.raises(Unprintable) as caught:
            printing.agreement_pdf(seeded, agreement.id)
        assert any("第 1 位当事人姓名" in m for m in caught.value.errors.values())


def test_a_character_no_font_has_is_reported_with_field_and_character(seeded):
    fonts_chain = chain()
    missing = next(
        chr(c) for c in range(0x30000, 0x3134B) if fonts_chain.font_for(chr(c), fonts_chain.body) is None
    )
    parties = [PARTIES[0], dict(PARTIES[1], address="桥南村" + missing + "组")]
    case, agreement = make_case(seeded, parties=parties)
    problems = printing.preflight(seeded, "agreement", case.id)
    assert list(problems) == ["第 2 位当事人单位或住址"]
    assert missing in problems["第 2 位当事人单位或住址"]
    assert f"U+{ord(missing):04X}" in problems["第 2 位当事人单位或住址"]
    with pytest.raises(Unprintable):
        printing.sign_and_print(seeded, agreement.id, date(2025, 3, 10))
    # Nothing was signed: the agreement is still a draft that can be corrected.
    assert printing.cases.agreements(seeded, case.id)[0].status == "草稿"
