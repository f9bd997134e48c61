"""The accepted import columns, their types, ranges and header aliases (English and Chinese).

docs/import-format.md is generated from this list (``riskdesk import --describe``), so the
document and the code cannot drift apart.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from riskdesk.domain.enums import Channel, Outcome, Product, Purpose, RepaymentType


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # text, int, decimal, float, datetime, date, enum, id_no, phone, card, ip
    required: bool
    aliases: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    min_exclusive: bool = False
    max_length: int | None = None
    enum: type[StrEnum] | None = None
    values: dict[str, str] = field(default_factory=dict)  # accepted spellings -> stored value
    target: str = "application"  # application, applicant or features
    doc: str = ""


def _spellings(enum: type[StrEnum], extra: dict[str, str]) -> dict[str, str]:
    out = {m.value: m.value for m in enum}
    out.update({m.value.replace("_", " "): m.value for m in enum})
    out.update(extra)
    return out


COLUMNS: tuple[Column, ...] = (
    Column("application_no", "text", True, ("申请编号", "申请号", "application_id", "app_no"),
           max_length=40, doc="unique application number (natural key)"),
    Column("name", "text", True, ("姓名", "客户姓名", "申请人姓名", "applicant_name"),
           max_length=128, target="applicant", doc="applicant's full name"),
    Column("id_no", "id_no", True, ("身份证号", "身份证号码", "证件号码", "national_id", "id_number"),
           target="applicant", doc="18-character resident ID number, GB 11643 checksum"),
    Column("birth_date", "date", False, ("出生日期", "date_of_birth"), target="applicant",
           doc="optional; must equal the birth date in the ID number"),
    Column("phone", "phone", True, ("手机号", "手机号码", "联系电话", "mobile", "phone_no"),
           doc="mainland mobile number, 11 digits (+86 and separators allowed)"),
    Column("card_no", "card", False, ("银行卡号", "收款卡号", "bank_card", "card"),
           doc="optional bank card for disbursement, 12-19 digits"),
    Column("product", "enum", True, ("产品", "产品类型", "product_type"), enum=Product,
           values=_spellings(Product, {"现金贷": "cash_loan", "现金贷款": "cash_loan",
                                       "分期": "instalment", "消费分期": "instalment",
                                       "installment": "instalment", "信用卡": "credit_card"})),
    Column("channel", "enum", True, ("渠道", "进件渠道", "source_channel"), enum=Channel,
           values=_spellings(Channel, {"自营": "own_app", "自营app": "own_app",
                                       "合作平台": "partner", "助贷": "partner",
                                       "partner_platform": "partner"})),
    Column("partner_code", "text", False, ("合作方", "合作机构", "合作方编号", "partner"),
           max_length=24, doc="the channel partner's code in the partner register (partner "
                              "channel only)"),
    Column("amount", "decimal", True, ("申请金额", "借款金额", "金额", "loan_amount", "funded_amnt"),
           minimum=0, maximum=10_000_000, min_exclusive=True, doc="CNY"),
    Column("term_months", "int", True, ("期限", "期限月", "借款期限", "term"), minimum=1,
           maximum=60, doc="months, 1-60"),
    Column("apr", "decimal", True, ("年利率", "年化利率", "利率", "int_rate", "interest_rate"),
           minimum=0, maximum=100, doc="nominal annual interest rate in percent, 0-100"),
    Column("upfront_fee", "decimal", False, ("手续费", "服务费", "一次性费用"), minimum=0,
           maximum=10_000_000, doc="one-off fees at disbursement, CNY"),
    Column("monthly_fee", "decimal", False, ("月管理费", "每月费用"), minimum=0,
           maximum=1_000_000, doc="recurring fees per month, CNY"),
    Column("other_fees", "decimal", False, ("其他费用",), minimum=0, maximum=10_000_000,
           doc="any other fees over the loan's life, CNY"),
    Column("repayment_type", "enum", True, ("还款方式",), enum=RepaymentType,
           values=_spellings(RepaymentType, {"等额本息": "equal_instalment",
                                             "等额本金": "equal_principal",
                                             "先息后本": "interest_only",
                                             "到期还本付息": "bullet",
                                             "一次性还本付息": "bullet", "循环": "revolving"})),
    Column("purpose", "enum", True, ("借款用途", "用途", "loan_purpose"), enum=Purpose,
           values=_spellings(Purpose, {"日常消费": "consumption", "消费": "consumption",
                                       "装修": "home_improvement", "教育": "education",
                                       "医疗": "medical", "旅游": "travel", "购车": "car",
                                       "债务整合": "debt_consolidation", "其他": "other"})),
    Column("submitted_at", "datetime", True, ("申请时间", "提交时间", "进件时间", "application_time"),
           doc="local time of the origination system (Asia/Shanghai by default); "
               "YYYY-MM-DD HH:MM[:SS] or YYYY/MM/DD"),
    Column("device_id", "text", False, ("设备号", "设备id", "设备指纹", "device"), max_length=64),
    Column("ip", "ip", False, ("ip地址", "ip_address")),
    Column("contact_phone", "phone", False, ("紧急联系人电话", "紧急联系人手机", "联系人电话",
                                             "emergency_contact_phone"),
           doc="optional emergency contact's mobile number; links applicants into fraud rings"),
    Column("employer", "text", False, ("工作单位", "单位名称", "employer_name", "company"),
           max_length=128, doc="optional employer; compared normalised (blanks, punctuation, "
                               "company-form suffix dropped) to link applicants into rings"),
    Column("outcome", "enum", False, ("贷后表现", "结果", "known_outcome", "class"), enum=Outcome,
           values=_spellings(Outcome, {"好": "good", "坏": "bad", "正常": "good", "违约": "bad"}),
           doc="known outcome of a past loan, for model monitoring"),
    Column("stated_age", "int", False, ("申报年龄", "年龄", "age"), minimum=16, maximum=100,
           doc="age as the applicant declared it; rule AGE_MISMATCH compares it with the ID"),
    Column("annual_income", "float", False, ("年收入", "annual_inc"), minimum=0,
           maximum=1e9, target="features", doc="declared annual income, CNY"),
    Column("emp_length_years", "int", False, ("工作年限", "emp_length"), minimum=0, maximum=60,
           target="features"),
    Column("verification_status", "text", False, ("收入核验状态", "收入核实"), max_length=20,
           target="features"),
    Column("lender_grade", "text", False, ("贷款等级", "sub_grade"), max_length=4,
           target="features", doc="the originator's own grade (not used by our model)"),
    Column("delinq_2yrs", "int", False, ("近两年逾期次数",), minimum=0, maximum=1000,
           target="features"),
    Column("inq_last_6mths", "int", False, ("近6个月查询次数",), minimum=0, maximum=1000,
           target="features"),
    Column("revol_util", "float", False, ("循环额度使用率",), minimum=0, maximum=1000,
           target="features", doc="percent"),
    Column("acc_now_delinq", "int", False, ("当前逾期账户数",), minimum=0, maximum=1000,
           target="features"),
    Column("open_il_6m", "int", False, ("近6个月新开分期账户数",), minimum=0, maximum=1000,
           target="features"),
    Column("open_il_12m", "int", False, ("近12个月新开分期账户数",), minimum=0, maximum=1000,
           target="features"),
    Column("open_il_24m", "int", False, ("近24个月新开分期账户数",), minimum=0, maximum=1000,
           target="features"),
    Column("total_bal_il", "float", False, ("分期贷款余额",), minimum=0, maximum=1e10,
           target="features"),
    Column("all_util", "float", False, ("总体额度使用率",), minimum=0, maximum=1000,
           target="features", doc="percent"),
    Column("inq_fi", "int", False, ("金融机构查询次数",), minimum=0, maximum=1000,
           target="features"),
    Column("inq_last_12m", "int", False, ("近12个月查询次数",), minimum=0, maximum=1000,
           target="features"),
    Column("delinq_amnt", "float", False, ("逾期金额",), minimum=0, maximum=1e10,
           target="features"),
    Column("num_il_tl", "int", False, ("分期账户总数",), minimum=0, maximum=10000,
           target="features"),
    Column("total_il_high_credit_limit", "float", False, ("分期账户授信总额",), minimum=0,
           maximum=1e11, target="features"),
)

BY_NAME = {c.name: c for c in COLUMNS}
FEATURE_COLUMNS = tuple(c.name for c in COLUMNS if c.target == "features")


def header_key(header: str) -> str:
    """Headers match after dropping case, blanks, underscores, dashes and brackets."""
    return re.sub(r"[\s_\-()（）\[\]【】]", "", str(header)).lower()


ALIASES: dict[str, str] = {}
for _c in COLUMNS:
    for _a in (_c.name, *_c.aliases):
        ALIASES[header_key(_a)] = _c.name


def value_key(value: str) -> str:
    return re.sub(r"[\s_\-]", "", value).lower()


ENUM_VALUES: dict[str, dict[str, str]] = {
    c.name: {value_key(k): v for k, v in c.values.items()} for c in COLUMNS if c.enum
}
ENUM_EXACT: dict[str, dict[str, str]] = {c.name: dict(c.values) for c in COLUMNS if c.enum}
