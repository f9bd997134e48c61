"""Chinese (zh_CN) translations of riskdesk's visible strings, written into the .ts file.

Keyed by source text; a (context, source) key overrides where one English word needs two
Chinese renderings. Run through tools/update_translations.sh.
"""
from __future__ import annotations

import sys
import xml.etree.ElementTree as ET

ZH: dict[str, str] = {
    "riskdesk": "riskdesk 风控工作台",
    "Import applications": "导入申请",
    "Application files (*.csv *.xlsx);;All files (*)": "申请文件 (*.csv *.xlsx);;所有文件 (*)",
    "Working": "处理中",
    "Cancel": "取消",
    "Application no.": "申请编号",
    "Submitted": "申请时间",
    "Applicant": "申请人",
    "ID number": "身份证号",
    "Phone": "手机号",
    "Product": "产品",
    "Channel": "渠道",
    "Amount (CNY)": "金额（元）",
    "Term (months)": "期限（月）",
    "APR %": "年利率 %",
    "Known outcome": "已知表现",
    "the chain head does not match the last event (events were removed from the end)":
        "链头与最后一条事件不符（末尾的事件被删除）",
    "event {seq} is missing": "缺少第 {seq} 号事件",
    "the stored text does not match its hash": "存储的原文与其哈希不符",
    "the link to the previous event is broken": "与前一事件的链接断开",
    "the event's fields differ from the text that was hashed": "事件字段与被哈希的原文不一致",
    "officer": "审查员",
    "senior officer": "高级审查员",
    "compliance": "合规",
    "auditor": "审计",
    "admin": "管理员",
    "cash loan": "现金贷",
    "instalment": "消费分期",
    "credit card": "信用卡",
    "own app": "自营APP",
    "partner platform": "合作平台",
    "equal instalments": "等额本息",
    "equal principal": "等额本金",
    "interest only": "先息后本",
    "bullet": "到期还本付息",
    "revolving": "循环",
    "consumption": "日常消费",
    "home improvement": "装修",
    "education": "教育",
    "medical": "医疗",
    "travel": "旅游",
    "car": "购车",
    "debt consolidation": "债务整合",
    "other": "其他",
    "good": "正常",
    "bad": "不良",
    "committed": "已入库",
    "refused": "已拒绝",
    "Create the administrator": "创建管理员",
    "This database has no users yet. Create the first administrator; the administrator then "
    "adds the other users.": "此数据库尚无用户。请创建第一位管理员，之后由管理员添加其他用户。",
    "User name": "用户名",
    "Password": "密码",
    "Repeat password": "再次输入密码",
    "Create": "创建",
    "The two passwords differ.": "两次输入的密码不一致。",
    "The file is neither UTF-8 nor GBK/GB18030 text (undecodable byte at offset {offset}).":
        "文件既不是 UTF-8 也不是 GBK/GB18030 文本（第 {offset} 字节无法解码）。",
    "The file contains NUL bytes; it is not a CSV text file.": "文件含有空字节，不是 CSV 文本文件。",
    "The file is empty.": "文件为空。",
    "The file is not a well-formed CSV table: {error}": "文件不是格式正确的 CSV 表格：{error}",
    "The Excel workbook cannot be read: {error}": "无法读取 Excel 工作簿：{error}",
    "Columns \"{a}\" and \"{b}\" both mean {name}; keep one.":
        "列“{a}”和“{b}”都表示 {name}，请只保留一列。",
    "Required column(s) missing: {columns}. See docs/import-format.md for accepted headers.":
        "缺少必需的列：{columns}。可接受的表头见 docs/import-format.md。",
    "Cannot read {file}: {error}": "无法读取 {file}：{error}",
    "row {row}, column {column}, value \"{value}\": {reason}":
        "第 {row} 行，列 {column}，值“{value}”：{reason}",
    "... and {n} more problems": "……另有 {n} 个问题",
    "Reading {file}": "正在读取 {file}",
    "Checking {n} rows": "正在校验 {n} 行",
    "Comparing with stored applications": "正在与已存申请比对",
    "{n} problems in {rows} rows": "{rows} 行中有 {n} 个问题",
    "Done": "完成",
    "conflict:": "冲突：",
    "stored and file values differ": "库中值与文件值不同",
    "application {no} is already stored with a different {field}":
        "申请 {no} 已入库，但 {field} 不同",
    "this ID number is stored under a different name": "此身份证号在库中对应另一个姓名",
    "Writing applications": "正在写入申请",
    "{n} new, {p} already present, {r} rejected": "新增 {n} 条，已存在 {p} 条，拒绝 {r} 条",
    "not a whole number": "不是整数",
    "not a number": "不是数字",
    "more than {n} decimal places": "小数位超过 {n} 位",
    "must be greater than {min:g}": "必须大于 {min:g}",
    "must be at least {min:g}": "不能小于 {min:g}",
    "must be at most {max:g}": "不能大于 {max:g}",
    "not a date (expected YYYY-MM-DD)": "不是日期（应为 YYYY-MM-DD）",
    "not a date and time (expected YYYY-MM-DD HH:MM:SS)": "不是日期时间（应为 YYYY-MM-DD HH:MM:SS）",
    "lies in the future": "晚于当前时间",
    "before the year 2000": "早于 2000 年",
    "not an 18-character ID number (17 digits and a digit or X)":
        "不是 18 位身份证号（17 位数字加一位数字或 X）",
    "ID number check digit is wrong": "身份证号校验位错误",
    "the birth date in the ID number is not valid": "身份证号中的出生日期无效",
    "required value is missing": "缺少必填值",
    "unknown value; expected one of: {values}": "未知取值；应为以下之一：{values}",
    "not a mainland mobile number (11 digits starting with 1)": "不是大陆手机号（以 1 开头的 11 位数字）",
    "not a bank card number (12 to 19 digits)": "不是银行卡号（12 至 19 位数字）",
    "not an IPv4 or IPv6 address": "不是 IPv4 或 IPv6 地址",
    "longer than {n} characters": "超过 {n} 个字符",
    "may contain only letters, digits and - _ . /": "只能包含字母、数字和 - _ . /",
    "duplicate application number; first seen in row {row}": "申请编号重复；首次出现在第 {row} 行",
    "differs from the birth date in the ID number": "与身份证号中的出生日期不一致",
    "same ID number as row {row} but a different name": "与第 {row} 行身份证号相同但姓名不同",
    "Import refused": "导入被拒绝",
    "{file} was refused and nothing was imported: {n} problem(s) in {rows} of {total} rows. "
    "Correct the file and import it again, or import the good rows with \"skip invalid rows\".":
        "{file} 被拒绝，未导入任何数据：{total} 行中有 {rows} 行共 {n} 个问题。"
        "请修正文件后重新导入，或使用“跳过无效行”只导入有效行。",
    "The OS keyring cannot be read: {error}": "无法读取操作系统密钥环：{error}",
    "The OS keyring cannot store the data key: {error}": "操作系统密钥环无法保存数据密钥：{error}",
    "Data key {key_id} is not in this computer's keyring. Restore it from the escrow copy with "
    "`riskdesk key import` (see docs/keys.md); without it encrypted personal data cannot be read.":
        "本机密钥环中没有数据密钥 {key_id}。请用 `riskdesk key import` 从托管副本恢复"
        "（见 docs/keys.md）；没有它，加密的个人信息无法读取。",
    "This database has no data key yet.": "此数据库还没有数据密钥。",
    "The keyring holds a different key under the id {key_id} than the one this database was "
    "encrypted with.": "密钥环中编号 {key_id} 的密钥与加密此数据库所用的密钥不同。",
    "Only an administrator may export the data key.": "只有管理员可以导出数据密钥。",
    "riskdesk - risk case management": "riskdesk - 风险案件管理",
    "Signed in: {user} ({roles}) | {db}": "已登录：{user}（{roles}）| {db}",
    "Main": "主工具栏",
    "Import applications...": "导入申请…",
    "Refresh": "刷新",
    "Quit": "退出",
    "About riskdesk": "关于 riskdesk",
    "&File": "文件(&F)",
    "&Help": "帮助(&H)",
    "{total} applications, {loaded} loaded": "共 {total} 笔申请，已加载 {loaded} 笔",
    "riskdesk {version}\nDatabase: {db}": "riskdesk {version}\n数据库：{db}",
    "Importing {file}": "正在导入 {file}",
    "Import finished": "导入完成",
    "{file}: {total} rows, {new} imported, {present} already present.":
        "{file}：共 {total} 行，导入 {new} 行，已存在 {present} 行。",
    "Import cancelled": "导入已取消",
    "The import was cancelled; nothing was saved.": "导入已取消，未保存任何数据。",
    "Import failed": "导入失败",
    "The import failed and nothing was saved: {error}": "导入失败，未保存任何数据：{error}",
    "create users": "创建用户",
    "import applications": "导入申请",
    "view applications": "查看申请",
    "verify the audit trail": "校验审计链",
    "{user} may not {action}; this needs the role: {roles}.": "{user} 无权{action}；需要角色：{roles}。",
    "Row": "行",
    "Close": "关闭",
    "Import valid rows only...": "只导入有效行…",
    "Save rejected rows as": "被拒绝行另存为",
    "CSV files (*.csv)": "CSV 文件 (*.csv)",
    "{n} rows rejected, written with their reasons to {path}.": "拒绝 {n} 行，已连同原因写入 {path}。",
    "{file} was refused and nothing was imported: {n} problem(s) in {rows} of {total} rows. "
    "Correct the file and import it again, or import only the valid rows: the others then go to "
    "a rejects file with their reasons.":
        "{file} 被拒绝，未导入任何数据：{total} 行中有 {rows} 行共 {n} 个问题。"
        "请修正文件后重新导入，或只导入有效行：其余行将连同原因写入拒绝文件。",
    "Column": "列",
    "Value": "值",
    "Reason": "原因",
    "Sign in to riskdesk": "登录 riskdesk",
    "Sign in": "登录",
    "Wrong user name or password, or the account is locked. Failed attempts are recorded.":
        "用户名或密码错误，或账户已锁定。失败的尝试会被记录。",
    "Unsupported database type: {backend}": "不支持的数据库类型：{backend}",
    "The database schema ({revision}) is newer than this riskdesk; install the newer version of "
    "riskdesk to open it.": "数据库结构版本（{revision}）比本 riskdesk 更新；请安装新版 riskdesk 后再打开。",
    "The database is empty; run `riskdesk db upgrade` first.": "数据库为空；请先运行 `riskdesk db upgrade`。",
    "The database schema ({current}) is older than this riskdesk ({head}); run `riskdesk db "
    "upgrade`.": "数据库结构版本（{current}）比本 riskdesk（{head}）旧；请运行 `riskdesk db upgrade`。",
    "The database could not complete the operation: {error}": "数据库无法完成操作：{error}",
    "Cancelled; nothing was saved.": "已取消，未保存任何数据。",
    "The database cannot be used: {error}": "无法使用数据库：{error}",
    "Sign in as an administrator to add users.": "请以管理员身份登录后添加用户。",
    "The first user of a database must be an admin.": "数据库的第一个用户必须是管理员。",
    "A user name needs 1 to 64 characters.": "用户名需为 1 至 64 个字符。",
    "Unknown role(s): {roles}. Known roles: {known}.": "未知角色：{roles}。可用角色：{known}。",
    "A password needs at least {n} characters.": "密码至少需要 {n} 个字符。",
    "User {name} already exists.": "用户 {name} 已存在。",
}

BY_CONTEXT: dict[tuple[str, str], str] = {}


def fill(path: str) -> int:
    tree = ET.parse(path)
    missing = []
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            tr = msg.find("translation")
            assert tr is not None
            text = BY_CONTEXT.get((name, source), ZH.get(source))
            if text is None:
                missing.append(f"{name}: {source}")
                continue
            tr.text = text
            tr.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    with open(path, encoding="utf-8") as fh:
        body = fh.read()
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(body.replace("<?xml version='1.0' encoding='utf-8'?>",
                              '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1))
    for m in missing:
        print("untranslated:", m, file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(fill(sys.argv[1]))
