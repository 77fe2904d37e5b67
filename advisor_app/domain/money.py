"""Money written the way agreements and receipts require: figures and Chinese capital numerals (大写金额).

Rules follow the banking convention (《支付结算办法》 附件 正确填写票据和结算凭证的基本规定):
an amount ending at 元 or 角 ends with 整; a zero in the middle is written once as 零; a zero before
a lower group of four digits (万, 亿) is written as 零 too.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

DIGITS = "零壹贰叁肆伍陆柒捌玖"
SMALL_UNITS = ("", "拾", "佰", "仟")
GROUP_UNITS = ("", "万", "亿", "万亿")
MAX_FEN = 10**16 * 100 - 1


def to_fen(amount: Decimal | int | float | str) -> int:
    """Yuan (up to two decimals) to an integer number of 分; refuses anything that would round."""
    try:
        value = Decimal(str(amount)).normalize() if not isinstance(amount, Decimal) else amount
    except InvalidOperation as exc:
        raise ValueError(f"金额：“{amount}”不是数字") from exc
    fen = value * 100
    if fen != fen.to_integral_value():
        raise ValueError(f"金额：“{amount}”最多两位小数")
    return int(fen)


def _group(n: int) -> str:
    """A number 1..9999 in capitals with 仟佰拾, one 零 for a run of inner zeros."""
    out: list[str] = []
    pending_zero = False
    for position in range(3, -1, -1):
        digit = n // 10**position % 10
        if digit == 0:
            if out:
                pending_zero = True
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        out.append(DIGITS[digit] + SMALL_UNITS[position])
    return "".join(out)


def capitals_fen(fen: int) -> str:
    """人民币 capitals for an amount in 分, without the 人民币 prefix: 1200000 -> 壹万贰仟元整."""
    if not isinstance(fen, int) or isinstance(fen, bool):
        raise TypeError("金额须为整数（分）")
    if fen < 0:
        raise ValueError("金额：不能为负数")
    if fen > MAX_FEN:
        raise ValueError("金额：超出可书写的范围")
    yuan, cents = divmod(fen, 100)
    jiao, fen_digit = divmod(cents, 10)
    parts: list[str] = []
    if yuan:
        groups = []
        rest = yuan
        while rest:
            rest, group = divmod(rest, 10000)
            groups.append(group)
        higher_nonzero = False
        previous_zero = False
        for index in range(len(groups) - 1, -1, -1):
            group = groups[index]
            if group == 0:
                previous_zero = higher_nonzero
                continue
            if higher_nonzero and (group < 1000 or previous_zero):
                parts.append("零")
            parts.append(_group(group) + GROUP_UNITS[index])
            higher_nonzero = True
            previous_zero = False
        parts.append("元")
    if jiao:
        parts.append(DIGITS[jiao] + "角")
    if fen_digit:
        if yuan and not jiao:
            parts.append("零")
        parts.append(DIGITS[fen_digit] + "分")
    if not parts:
        return "零元整"
    if not fen_digit:
        parts.append("整")
    return "".join(parts)


def capitals(amount: Decimal | int | float | str) -> str:
    """Yuan to capitals: Decimal("12000") -> 壹万贰仟元整."""
    return capitals_fen(to_fen(amount))


def figures_fen(fen: int) -> str:
    """An amount in 分 as figures with thousands separators: 1200000 -> 12,000.00."""
    if fen < 0:
        raise ValueError("金额：不能为负数")
    yuan, cents = divmod(fen, 100)
    return f"{yuan:,}.{cents:02d}"


def written_fen(fen: int) -> str:
    """Both forms, as printed on an agreement: 人民币 12,000.00 元（大写：人民币壹万贰仟元整）."""
    return f"人民币 {figures_fen(fen)} 元（大写：人民币{capitals_fen(fen)}）"
