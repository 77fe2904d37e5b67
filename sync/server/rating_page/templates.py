"""HTML of the phone page: plain string templates, every value escaped, no script.

Made for the small screens and in-app browsers (WeChat's among them) the cards are scanned with:
one column, 18 px text, touch targets at least 48 px high, no JavaScript, no web fonts, no images,
nothing fetched from elsewhere. The one style sheet is inline and allowed by its hash in the
page's Content-Security-Policy (``CSP``), so the policy still forbids every script.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape

from advisor_app.domain.vocab import terms
from sync.server.rating_page.service import COMMENT_MAX, PROBLEM_CHOICES, View

STYLE = """
*{box-sizing:border-box}
body{margin:0;background:#f3f5f7;color:#1d2329;font:18px/1.6 -apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;-webkit-text-size-adjust:100%}
main{max-width:560px;margin:0 auto;padding:16px}
h1{font-size:24px;margin:8px 0 12px}
h2{font-size:19px;margin:20px 0 8px}
.card{background:#fff;border-radius:10px;padding:14px 16px;margin:0 0 14px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
.facts{margin:0}
.facts div{display:flex;gap:8px}
.facts dt{color:#5b6670;min-width:5.5em}
.facts dd{margin:0;font-weight:600}
.note{color:#5b6670;font-size:16px}
.opt{display:flex;align-items:center;gap:12px;min-height:52px;padding:8px 12px;margin:8px 0;border:2px solid #cfd6dc;border-radius:10px;background:#fff}
.opt input{width:26px;height:26px;margin:0;flex:none}
textarea,input[type=text]{width:100%;font:inherit;padding:10px;border:2px solid #cfd6dc;border-radius:10px;background:#fff}
textarea{min-height:96px}
button,.button{display:block;width:100%;min-height:56px;margin:18px 0 8px;border:0;border-radius:10px;background:#c0392b;color:#fff;font:inherit;font-size:20px;font-weight:600;text-align:center;line-height:56px;text-decoration:none}
.error{color:#b00020;font-weight:600}
.err{border-color:#b00020}
fieldset{border:0;margin:0;padding:0}
legend{font-size:19px;font-weight:600;margin:18px 0 4px;padding:0}
"""
STYLE_HASH = base64.b64encode(hashlib.sha256(STYLE.encode()).digest()).decode()
# 'unsafe-inline' after the hash is for old WebViews without CSP level 2 (which would otherwise drop
# the style sheet): a browser that knows hashes ignores it, so scripts stay forbidden everywhere.
CSP = (
    f"default-src 'none'; style-src 'sha256-{STYLE_HASH}' 'unsafe-inline'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)


def page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        '<meta name="referrer" content="same-origin">'
        '<meta name="format-detection" content="telephone=no">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
        f"<body><main>{body}</main></body></html>"
    )


def _facts(v: View) -> str:
    rows = [
        ("服务", v.code.kind_label),
        ("服务日期", f"{v.code.day.year}年{v.code.day.month}月{v.code.day.day}日"),
    ]
    if v.arrived:
        if v.village:
            rows.append(("村（社区）", v.village))
        if v.person:
            rows.append((v.person_label, v.person))
    items = "".join(f"<div><dt>{escape(k)}</dt><dd>{escape(val)}</dd></div>" for k, val in rows)
    note = (
        ""
        if v.arrived
        else '<p class="note">服务记录还没有同步到市里，您现在评价也有效，记录到达后会一并送到村里和司法所。</p>'
    )
    return f'<section class="card"><dl class="facts">{items}</dl>{note}</section>'


def rating_form(
    v: View, token: str, *, values: dict | None = None, errors: dict[str, str] | None = None
) -> str:
    values, errors = values or {}, errors or {}
    grade = values.get("grade", [""])[0] if values.get("grade") else ""
    chosen = set(values.get("problem", []))
    comment = (values.get("comment") or [""])[0]
    detail = (values.get("problem_text") or [""])[0]

    def err(name: str) -> str:
        return f'<p class="error" id="{name}-error">{escape(errors[name])}</p>' if name in errors else ""

    grades = "".join(
        f'<label class="opt"><input type="radio" name="grade" value="{escape(g)}"'
        f"{' checked' if g == grade else ''} required> {escape(g)}</label>"
        for g in terms("satisfaction_grades")
    )
    problems = "".join(
        f'<label class="opt"><input type="checkbox" name="problem" value="{escape(p)}"'
        f"{' checked' if p in chosen else ''}> {escape(p)}</label>"
        for p in PROBLEM_CHOICES
    )
    summary = '<p class="error" role="alert">请按红字提示修改后再提交。</p>' if errors else ""
    body = f"""
<h1>服务评价</h1>
<p class="note">感谢您接受这次公共法律服务。请根据您的感受如实评价，评价只用于改进服务。</p>
{_facts(v)}
{summary}
<form method="post" action="/r/{escape(v.code.text)}" accept-charset="utf-8">
<input type="hidden" name="t" value="{escape(token)}">
<fieldset><legend>您对这次服务满意吗？</legend>{err("grade")}{grades}</fieldset>
<fieldset><legend>如果不满意：哪里做得不好？（可多选）</legend>
<p class="note">选择“不满意”或“非常不满意”时请填写，司法所会在15个工作日内回访。</p>
{err("problem")}{problems}
<label for="problem_text">具体情况（选填）</label>{err("problem_text")}
<textarea id="problem_text" name="problem_text" maxlength="{COMMENT_MAX}">{escape(detail)}</textarea>
</fieldset>
<h2><label for="comment">意见和建议（选填）</label></h2>{err("comment")}
<textarea id="comment" name="comment" maxlength="{COMMENT_MAX}">{escape(comment)}</textarea>
<button type="submit">提交评价</button>
</form>
<p class="note">本页面不收集您的姓名、电话等个人信息。</p>"""
    return page("服务评价", body)


def thanks(v: View) -> str:
    bad = v.rated_grade in terms("bad_grades")
    follow = (
        "<p>很抱歉这次服务没有让您满意。司法所会在15个工作日内回访，了解情况并改进。</p>"
        if bad
        else "<p>您的评价已经收到，我们会继续做好服务。</p>"
    )
    body = f"""
<h1>谢谢您的评价</h1>
{_facts(v)}
<section class="card"><p>您的评价：<strong>{escape(v.rated_grade or "")}</strong></p>{follow}</section>
<p class="note">每次服务只能评价一次。现在可以关闭本页面。</p>"""
    return page("谢谢您的评价", body)


def refusal(title: str, message: str, *, ask_code: bool = False) -> str:
    body = f'<h1>{escape(title)}</h1><section class="card"><p>{escape(message)}</p></section>'
    if ask_code:
        body += _code_box()
    return page(title, body)


def _code_box(value: str = "") -> str:
    return f"""
<form method="get" action="/r" accept-charset="utf-8">
<h2><label for="code">输入评价卡上的评价码</label></h2>
<input type="text" id="code" name="code" value="{escape(value)}" autocomplete="off" autocapitalize="characters"
 spellcheck="false" maxlength="40" placeholder="例如 ABCD-EFGH-…">
<button type="submit">打开评价页面</button>
</form>"""


def code_entry(value: str = "", error: str = "") -> str:
    body = "<h1>服务评价</h1>"
    body += '<p class="note">请输入评价卡上的24位评价码（字母不分大小写，横线可不输）。</p>'
    if error:
        body += f'<p class="error">{escape(error)}</p>'
    return page("服务评价", body + _code_box(value))
