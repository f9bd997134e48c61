<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../../riskdesk/ui/app.py" line="48" />
        <source>The database cannot be used: {error}</source>
        <translation>无法使用数据库：{error}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/app.py" line="54" />
        <source>riskdesk</source>
        <translation>riskdesk 风控工作台</translation>
    </message>
</context>
<context>
    <name>ApplicationsModel</name>
    <message>
        <location filename="../../riskdesk/ui/applications/model.py" line="33" />
        <source>Application no.</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/applications/model.py" line="34" />
        <source>Submitted</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/applications/model.py" line="35" />
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/applications/model.py" line="36" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/applications/model.py" line="37" />
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/applications/model.py" line="38" />
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/applications/model.py" line="39" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/applications/model.py" line="40" />
        <source>Amount (CNY)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/applications/model.py" line="41" />
        <source>Term (months)</source>
        <translation>期限（月）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/applications/model.py" line="42" />
        <source>APR %</source>
        <translation>年利率 %</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/applications/model.py" line="43" />
        <source>Known outcome</source>
        <translation>已知表现</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <location filename="../../riskdesk/services/audit.py" line="119" />
        <source>the chain head does not match the last event (events were removed from the end)</source>
        <translation>链头与最后一条事件不符（末尾的事件被删除）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit.py" line="127" />
        <source>event {seq} is missing</source>
        <translation>缺少第 {seq} 号事件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit.py" line="129" />
        <source>the stored text does not match its hash</source>
        <translation>存储的原文与其哈希不符</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit.py" line="131" />
        <source>the link to the previous event is broken</source>
        <translation>与前一事件的链接断开</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit.py" line="133" />
        <source>the event's fields differ from the text that was hashed</source>
        <translation>事件字段与被哈希的原文不一致</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="13" />
        <source>Import applications</source>
        <translation>导入申请</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="14" />
        <source>Application files (*.csv *.xlsx);;All files (*)</source>
        <translation>申请文件 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="25" />
        <source>Working</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="26" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="41" />
        <source>Save rejected rows as</source>
        <translation>被拒绝行另存为</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="42" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>Enum</name>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="61" />
        <source>officer</source>
        <translation>审查员</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="62" />
        <source>senior officer</source>
        <translation>高级审查员</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="63" />
        <source>compliance</source>
        <translation>合规</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="64" />
        <source>auditor</source>
        <translation>审计</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="65" />
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="66" />
        <source>cash loan</source>
        <translation>现金贷</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="67" />
        <source>instalment</source>
        <translation>消费分期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="68" />
        <source>credit card</source>
        <translation>信用卡</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="69" />
        <source>own app</source>
        <translation>自营APP</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="70" />
        <source>partner platform</source>
        <translation>合作平台</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="71" />
        <source>equal instalments</source>
        <translation>等额本息</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="72" />
        <source>equal principal</source>
        <translation>等额本金</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="73" />
        <source>interest only</source>
        <translation>先息后本</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="74" />
        <source>bullet</source>
        <translation>到期还本付息</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="75" />
        <source>revolving</source>
        <translation>循环</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="76" />
        <source>consumption</source>
        <translation>日常消费</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="77" />
        <source>home improvement</source>
        <translation>装修</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="78" />
        <source>education</source>
        <translation>教育</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="79" />
        <source>medical</source>
        <translation>医疗</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="80" />
        <source>travel</source>
        <translation>旅游</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="81" />
        <source>car</source>
        <translation>购车</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="82" />
        <source>debt consolidation</source>
        <translation>债务整合</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="83" />
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="84" />
        <source>good</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="85" />
        <source>bad</source>
        <translation>不良</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="86" />
        <source>committed</source>
        <translation>已入库</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="87" />
        <source>refused</source>
        <translation>已拒绝</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../riskdesk/ui/signin.py" line="81" />
        <source>Create the administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/signin.py" line="82" />
        <source>This database has no users yet. Create the first administrator; the administrator then adds the other users.</source>
        <translation>此数据库尚无用户。请创建第一位管理员，之后由管理员添加其他用户。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/signin.py" line="87" />
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/signin.py" line="81" />
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/signin.py" line="91" />
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <location filename="../../riskdesk/services/imports/reader.py" line="44" />
        <source>The file is neither UTF-8 nor GBK/GB18030 text (undecodable byte at offset {offset}).</source>
        <translation>文件既不是 UTF-8 也不是 GBK/GB18030 文本（第 {offset} 字节无法解码）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/reader.py" line="52" />
        <source>The file contains NUL bytes; it is not a CSV text file.</source>
        <translation>文件含有空字节，不是 CSV 文本文件。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/reader.py" line="64" />
        <location filename="../../riskdesk/services/imports/reader.py" line="129" />
        <source>The file is empty.</source>
        <translation>文件为空。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/reader.py" line="67" />
        <source>The file is not a well-formed CSV table: {error}</source>
        <translation>文件不是格式正确的 CSV 表格：{error}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/reader.py" line="79" />
        <source>The Excel workbook cannot be read: {error}</source>
        <translation>无法读取 Excel 工作簿：{error}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/reader.py" line="101" />
        <source>Columns "{a}" and "{b}" both mean {name}; keep one.</source>
        <translation>列“{a}”和“{b}”都表示 {name}，请只保留一列。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/reader.py" line="109" />
        <source>Required column(s) missing: {columns}. See docs/import-format.md for accepted headers.</source>
        <translation>缺少必需的列：{columns}。可接受的表头见 docs/import-format.md。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/reader.py" line="125" />
        <source>Cannot read {file}: {error}</source>
        <translation>无法读取 {file}：{error}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/service.py" line="84" />
        <source>row {row}, column {column}, value "{value}": {reason}</source>
        <translation>第 {row} 行，列 {column}，值“{value}”：{reason}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/service.py" line="88" />
        <source>... and {n} more problems</source>
        <translation>……另有 {n} 个问题</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/service.py" line="103" />
        <source>Reading {file}</source>
        <translation>正在读取 {file}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/service.py" line="120" />
        <source>Checking {n} rows</source>
        <translation>正在校验 {n} 行</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/service.py" line="129" />
        <source>Comparing with stored applications</source>
        <translation>正在与已存申请比对</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/service.py" line="158" />
        <source>{n} problems in {rows} rows</source>
        <translation>{rows} 行中有 {n} 个问题</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/service.py" line="163" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/service.py" line="176" />
        <source>conflict:</source>
        <translation>冲突：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/service.py" line="216" />
        <source>stored and file values differ</source>
        <translation>库中值与文件值不同</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/service.py" line="220" />
        <source>application {no} is already stored with a different {field}</source>
        <translation>申请 {no} 已入库，但 {field} 不同</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/service.py" line="239" />
        <source>this ID number is stored under a different name</source>
        <translation>此身份证号在库中对应另一个姓名</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/service.py" line="308" />
        <source>Writing applications</source>
        <translation>正在写入申请</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/service.py" line="285" />
        <source>{n} new, {p} already present, {r} rejected</source>
        <translation>新增 {n} 条，已存在 {p} 条，拒绝 {r} 条</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/validate.py" line="74" />
        <location filename="../../riskdesk/services/imports/validate.py" line="81" />
        <source>not a whole number</source>
        <translation>不是整数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/validate.py" line="75" />
        <location filename="../../riskdesk/services/imports/validate.py" line="76" />
        <source>not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/validate.py" line="87" />
        <source>more than {n} decimal places</source>
        <translation>小数位超过 {n} 位</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/validate.py" line="91" />
        <source>must be greater than {min:g}</source>
        <translation>必须大于 {min:g}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/validate.py" line="92" />
        <source>must be at least {min:g}</source>
        <translation>不能小于 {min:g}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/validate.py" line="97" />
        <source>must be at most {max:g}</source>
        <translation>不能大于 {max:g}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/validate.py" line="109" />
        <source>not a date (expected YYYY-MM-DD)</source>
        <translation>不是日期（应为 YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/validate.py" line="111" />
        <source>not a date and time (expected YYYY-MM-DD HH:MM:SS)</source>
        <translation>不是日期时间（应为 YYYY-MM-DD HH:MM:SS）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/validate.py" line="117" />
        <source>lies in the future</source>
        <translation>晚于当前时间</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/validate.py" line="119" />
        <source>before the year 2000</source>
        <translation>早于 2000 年</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/validate.py" line="127" />
        <source>not an 18-character ID number (17 digits and a digit or X)</source>
        <translation>不是 18 位身份证号（17 位数字加一位数字或 X）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/validate.py" line="130" />
        <source>ID number check digit is wrong</source>
        <translation>身份证号校验位错误</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/validate.py" line="135" />
        <source>the birth date in the ID number is not valid</source>
        <translation>身份证号中的出生日期无效</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/validate.py" line="150" />
        <source>required value is missing</source>
        <translation>缺少必填值</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/validate.py" line="159" />
        <source>unknown value; expected one of: {values}</source>
        <translation>未知取值；应为以下之一：{values}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/validate.py" line="168" />
        <source>not a mainland mobile number (11 digits starting with 1)</source>
        <translation>不是大陆手机号（以 1 开头的 11 位数字）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/validate.py" line="174" />
        <source>not a bank card number (12 to 19 digits)</source>
        <translation>不是银行卡号（12 至 19 位数字）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/validate.py" line="183" />
        <source>not an IPv4 or IPv6 address</source>
        <translation>不是 IPv4 或 IPv6 地址</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/validate.py" line="187" />
        <source>longer than {n} characters</source>
        <translation>超过 {n} 个字符</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/validate.py" line="191" />
        <source>may contain only letters, digits and - _ . /</source>
        <translation>只能包含字母、数字和 - _ . /</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/validate.py" line="209" />
        <source>duplicate application number; first seen in row {row}</source>
        <translation>申请编号重复；首次出现在第 {row} 行</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/validate.py" line="215" />
        <source>differs from the birth date in the ID number</source>
        <translation>与身份证号中的出生日期不一致</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/imports/validate.py" line="225" />
        <source>same ID number as row {row} but a different name</source>
        <translation>与第 {row} 行身份证号相同但姓名不同</translation>
    </message>
</context>
<context>
    <name>ImportProblemsDialog</name>
    <message>
        <location filename="../../riskdesk/ui/import_problems.py" line="43" />
        <source>Import refused</source>
        <translation>导入被拒绝</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/import_problems.py" line="47" />
        <source>{file} was refused and nothing was imported: {n} problem(s) in {rows} of {total} rows. Correct the file and import it again, or import only the valid rows: the others then go to a rejects file with their reasons.</source>
        <translation>{file} 被拒绝，未导入任何数据：{total} 行中有 {rows} 行共 {n} 个问题。请修正文件后重新导入，或只导入有效行：其余行将连同原因写入拒绝文件。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/import_problems.py" line="59" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/import_problems.py" line="60" />
        <source>Import valid rows only...</source>
        <translation>只导入有效行…</translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <location filename="../../riskdesk/security/datakey.py" line="95" />
        <source>The OS keyring cannot be read: {error}</source>
        <translation>无法读取操作系统密钥环：{error}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/datakey.py" line="105" />
        <source>The OS keyring cannot store the data key: {error}</source>
        <translation>操作系统密钥环无法保存数据密钥：{error}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/datakey.py" line="124" />
        <source>Data key {key_id} is not in this computer's keyring. Restore it from the escrow copy with `riskdesk key import` (see docs/keys.md); without it encrypted personal data cannot be read.</source>
        <translation>本机密钥环中没有数据密钥 {key_id}。请用 `riskdesk key import` 从托管副本恢复（见 docs/keys.md）；没有它，加密的个人信息无法读取。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/datakey.py" line="137" />
        <source>This database has no data key yet.</source>
        <translation>此数据库还没有数据密钥。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/datakey.py" line="152" />
        <source>The keyring holds a different key under the id {key_id} than the one this database was encrypted with.</source>
        <translation>密钥环中编号 {key_id} 的密钥与加密此数据库所用的密钥不同。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/keys.py" line="17" />
        <source>Only an administrator may export the data key.</source>
        <translation>只有管理员可以导出数据密钥。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="34" />
        <source>riskdesk - risk case management</source>
        <translation>riskdesk - 风险案件管理</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="50" />
        <source>Signed in: {user} ({roles}) | {db}</source>
        <translation>已登录：{user}（{roles}）| {db}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="63" />
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="67" />
        <source>Import applications...</source>
        <translation>导入申请…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="71" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="74" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="77" />
        <location filename="../../riskdesk/ui/main_window.py" line="94" />
        <source>About riskdesk</source>
        <translation>关于 riskdesk</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="81" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="86" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="90" />
        <source>{total} applications, {loaded} loaded</source>
        <translation>共 {total} 笔申请，已加载 {loaded} 笔</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="95" />
        <source>riskdesk {version}
Database: {db}</source>
        <translation>riskdesk {version}
数据库：{db}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="114" />
        <source>Importing {file}</source>
        <translation>正在导入 {file}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="134" />
        <source>{n} rows rejected, written with their reasons to {path}.</source>
        <translation>拒绝 {n} 行，已连同原因写入 {path}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="136" />
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="130" />
        <source>{file}: {total} rows, {new} imported, {present} already present.</source>
        <translation>{file}：共 {total} 行，导入 {new} 行，已存在 {present} 行。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="141" />
        <source>Import cancelled</source>
        <translation>导入已取消</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="142" />
        <source>The import was cancelled; nothing was saved.</source>
        <translation>导入已取消，未保存任何数据。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="144" />
        <source>Import refused</source>
        <translation>导入被拒绝</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="146" />
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="147" />
        <source>The import failed and nothing was saved: {error}</source>
        <translation>导入失败，未保存任何数据：{error}</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="23" />
        <source>create users</source>
        <translation>创建用户</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="24" />
        <source>import applications</source>
        <translation>导入申请</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="25" />
        <source>view applications</source>
        <translation>查看申请</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="26" />
        <source>verify the audit trail</source>
        <translation>校验审计链</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="45" />
        <source>{user} may not {action}; this needs the role: {roles}.</source>
        <translation>{user} 无权{action}；需要角色：{roles}。</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../riskdesk/ui/import_problems.py" line="19" />
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/import_problems.py" line="20" />
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/import_problems.py" line="21" />
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/import_problems.py" line="22" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../riskdesk/ui/signin.py" line="58" />
        <source>Sign in to riskdesk</source>
        <translation>登录 riskdesk</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/signin.py" line="58" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/signin.py" line="68" />
        <source>Wrong user name or password, or the account is locked. Failed attempts are recorded.</source>
        <translation>用户名或密码错误，或账户已锁定。失败的尝试会被记录。</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <location filename="../../riskdesk/storage/engine.py" line="62" />
        <source>The OS keyring cannot be read: {error}</source>
        <translation>无法读取操作系统密钥环：{error}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/storage/engine.py" line="113" />
        <source>Unsupported database type: {backend}</source>
        <translation>不支持的数据库类型：{backend}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/storage/migrate.py" line="63" />
        <source>The database schema ({revision}) is newer than this riskdesk; install the newer version of riskdesk to open it.</source>
        <translation>数据库结构版本（{revision}）比本 riskdesk 更新；请安装新版 riskdesk 后再打开。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/storage/migrate.py" line="77" />
        <source>The database is empty; run `riskdesk db upgrade` first.</source>
        <translation>数据库为空；请先运行 `riskdesk db upgrade`。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/storage/migrate.py" line="79" />
        <source>The database schema ({current}) is older than this riskdesk ({head}); run `riskdesk db upgrade`.</source>
        <translation>数据库结构版本（{current}）比本 riskdesk（{head}）旧；请运行 `riskdesk db upgrade`。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/storage/session.py" line="25" />
        <source>The database could not complete the operation: {error}</source>
        <translation>数据库无法完成操作：{error}</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location filename="../../riskdesk/tasks.py" line="29" />
        <source>Cancelled; nothing was saved.</source>
        <translation>已取消，未保存任何数据。</translation>
    </message>
</context>
<context>
    <name>Users</name>
    <message>
        <location filename="../../riskdesk/services/users.py" line="48" />
        <source>Sign in as an administrator to add users.</source>
        <translation>请以管理员身份登录后添加用户。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/users.py" line="50" />
        <source>The first user of a database must be an admin.</source>
        <translation>数据库的第一个用户必须是管理员。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/users.py" line="56" />
        <source>A user name needs 1 to 64 characters.</source>
        <translation>用户名需为 1 至 64 个字符。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/users.py" line="60" />
        <source>Unknown role(s): {roles}. Known roles: {known}.</source>
        <translation>未知角色：{roles}。可用角色：{known}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/users.py" line="66" />
        <source>A password needs at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/users.py" line="69" />
        <source>User {name} already exists.</source>
        <translation>用户 {name} 已存在。</translation>
    </message>
</context>
<context>
    <name>_CredentialsDialog</name>
    <message>
        <location filename="../../riskdesk/ui/signin.py" line="35" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/signin.py" line="36" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/signin.py" line="44" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>