"""Chinese labels of the fields people see: forms, error messages, import/export headers."""

from __future__ import annotations

LABELS: dict[str, str] = {
    # people and parties
    "name": "姓名",
    "gender": "性别",
    "ethnicity": "民族",
    "birth_date": "出生日期",
    "age": "年龄",
    "id_number": "身份证号",
    "phone": "联系电话",
    "address": "单位或住址",
    "occupation": "职业或职务",
    "tags": "重点人群",
    "role": "当事人类别",
    "is_organisation": "是否单位",
    "representative": "代表人",
    # places and people in charge
    "region_code": "所在村",
    "committee_id": "调委会",
    "mediator": "人民调解员",
    "recorder": "记录人",
    "adviser": "法律顾问",
    # consultations
    "occurred_at": "咨询时间",
    "service_type": "服务类型",
    "mode": "服务方式",
    "category": "咨询类别",
    "subcategory": "咨询事项",
    "question": "咨询内容",
    "answer": "解答意见",
    "referral": "引导去向",
    "outcome": "办理结果",
    "duration_minutes": "用时（分钟）",
    "status": "状态",
    "person_name": "咨询人",
    # cases
    "case_no": "案件编号",
    "dispute_type": "纠纷类型",
    "source": "案件来源",
    "summary": "纠纷简要情况",
    "accepted_on": "受理日期",
    "due_on": "应结日期",
    "closed_on": "结案日期",
    "archived_on": "归档日期",
    "prevention": "预防类型",
    "prevention_persons": "涉及人数",
    "parties": "当事人",
    "result": "调解结果",
    # sessions
    "held_at": "调解时间",
    "place": "地点",
    "participants": "参加人",
    "statements": "各方陈述",
    "facts": "纠纷主要事实、争议事项",
    # agreements
    "terms": "协议条款",
    "performance": "履行方式、时限",
    "performance_deadline": "履行期限",
    "copies": "份数",
    "amount_yuan": "协议金额（元）",
    "signed_on": "签署日期",
    "kind": "类别",
    # visits and confirmation
    "visited_on": "回访日期",
    "reason": "回访事由",
    "performed": "履行情况",
    "satisfied": "当事人是否满意",
    "lawsuit": "是否起诉",
    "risk": "是否有激化风险",
    "measures": "采取措施",
    "visitor": "回访人",
    "applied_on": "申请日期",
    "decided_on": "裁定日期",
    "court": "人民法院",
    # roster
    "group_name": "所在村组",
    "political_status": "政治面貌",
    "education": "文化程度",
    "identity_category": "身份类别",
    "certificate_no": "证书编号",
    "appointed_on": "登记日期",
    "removed_on": "清退日期",
    "hours": "学时",
    "topic": "主题",
    "trained_on": "培训日期",
    # activities
    "held_on": "活动日期",
    "audience_count": "受众人数",
    "speaker": "主讲人",
    "notes": "备注",
    # ratings
    "grade": "满意度",
    "rated_on": "评价日期",
    "comment": "评价意见",
    "no_rating_reason": "未评价原因",
}


def label(field: str) -> str:
    return LABELS.get(field, field)
