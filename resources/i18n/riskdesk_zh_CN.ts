<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminDialog</name>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="82" />
        <source>Users and roles</source>
        <translation>用户与角色</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="84" />
        <location filename="../../riskdesk/ui/admin.py" line="87" />
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="84" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="84" />
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="84" />
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="85" />
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="85" />
        <source>Waiting for approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="87" />
        <source>Request</source>
        <translation>申请单</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="87" />
        <source>New roles</source>
        <translation>新角色</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="88" />
        <source>Asked by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="88" />
        <source>Asked at</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="92" />
        <source>Add user...</source>
        <translation>新增用户…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="93" />
        <source>Change roles...</source>
        <translation>修改角色…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="94" />
        <source>Activate / deactivate</source>
        <translation>启用 / 停用</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="95" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="96" />
        <source>Countersign key...</source>
        <translation>会签密钥...</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="97" />
        <source>Idle lock...</source>
        <translation>空闲锁定…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="98" />
        <source>Name on reports...</source>
        <translation>报告署名…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="99" />
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="100" />
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="110" />
        <source>Role grants waiting for a second administrator</source>
        <translation>等待第二位管理员审批的角色授予</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="136" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="136" />
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="164" />
        <location filename="../../riskdesk/ui/admin.py" line="173" />
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="169" />
        <source>Add user</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="173" />
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="183" />
        <source>Roles of {user}</source>
        <translation>{user} 的角色</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="205" />
        <source>The whole fingerprint {user} reads out from their sign-in (32 characters; spaces are ignored):</source>
        <translation>{user} 登录时显示、向您念出的完整指纹（32 个字符，空格忽略）：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="208" />
        <source>{user} holds the admin role: this is an ADMINISTRATOR key, whose countersignatures vouch for other users' keys.</source>
        <translation>{user} 具有管理员角色：这是一把管理员密钥，其会签将为其他用户的密钥担保。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="211" />
        <source>Countersign signing key</source>
        <translation>会签签名密钥</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="226" />
        <source>Idle lock</source>
        <translation>空闲锁定</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="226" />
        <source>Lock a workstation's session after this many minutes without input:</source>
        <translation>工作站无操作多少分钟后锁定会话：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="232" />
        <source>Name on reports</source>
        <translation>报告署名</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="233" />
        <source>Bank and team printed on report covers:</source>
        <translation>印在报告封面上的银行与团队名称：</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../riskdesk/ui/app.py" line="96" />
        <source>The database cannot be used: {error}</source>
        <translation>无法使用数据库：{error}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/app.py" line="101" />
        <source>riskdesk</source>
        <translation>riskdesk 风控工作台</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/app.py" line="139" />
        <source>Signing key</source>
        <translation>签名密钥</translation>
    </message>
</context>
<context>
    <name>ApplicationsModel</name>
    <message>
        <location filename="../../riskdesk/ui/applications/model.py" line="20" />
        <source>Application no.</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/applications/model.py" line="21" />
        <source>Submitted</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/applications/model.py" line="22" />
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/applications/model.py" line="23" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/applications/model.py" line="24" />
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/applications/model.py" line="25" />
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/applications/model.py" line="26" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/applications/model.py" line="27" />
        <source>Amount (CNY)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/applications/model.py" line="28" />
        <source>Term (months)</source>
        <translation>期限（月）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/applications/model.py" line="29" />
        <source>APR %</source>
        <translation>年利率 %</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/applications/model.py" line="30" />
        <source>PD %</source>
        <translation>违约概率 %</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/applications/model.py" line="31" />
        <source>Points</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/applications/model.py" line="32" />
        <source>Band</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/applications/model.py" line="33" />
        <source>Rule hits</source>
        <translation>规则命中</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/applications/model.py" line="34" />
        <source>Known outcome</source>
        <translation>已知表现</translation>
    </message>
</context>
<context>
    <name>ApplicationsTab</name>
    <message>
        <location filename="../../riskdesk/ui/applications/tab.py" line="39" />
        <source>Search: application or loan no., ID number (also masked), phone or name</source>
        <translation>搜索：申请编号或借据号、身份证号（可为脱敏形式）、手机号或姓名</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/applications/tab.py" line="46" />
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/applications/tab.py" line="47" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/applications/tab.py" line="48" />
        <source>Band</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/applications/tab.py" line="49" />
        <source>Known outcome</source>
        <translation>已知表现</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/applications/tab.py" line="52" />
        <source>{what}: any</source>
        <translation>{what}：全部</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/applications/tab.py" line="54" />
        <source>{what}: {value}</source>
        <translation>{what}：{value}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/applications/tab.py" line="59" />
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/applications/tab.py" line="67" />
        <source>Enter or a double-click opens the application with its case.</source>
        <translation>按回车或双击打开申请及其案件。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/applications/tab.py" line="104" />
        <source>the search “{text}”</source>
        <translation>搜索“{text}”</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/applications/tab.py" line="106" />
        <source>No applications match {what}: clear the filters or the search to see them all.</source>
        <translation>没有符合{what}的申请：清除筛选或搜索即可查看全部。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/applications/tab.py" line="108" />
        <source>No applications yet: import a file (Ctrl+I).</source>
        <translation>尚无申请：请导入文件（Ctrl+I）。</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <location filename="../../riskdesk/services/audit/trail.py" line="151" />
        <source>{user} has no unlocked signing key: sign in again to record this.</source>
        <translation>{user} 没有已解锁的签名密钥：请重新登录后再录入。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/trail.py" line="159" />
        <source>The signing key of {user} was revoked by an administrator: it signs nothing more. Sign in again to make a new key, then have an administrator countersign it.</source>
        <translation>{user} 的签名密钥已被管理员吊销，不能再签名。请重新登录生成新密钥，再请管理员会签。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/trail.py" line="162" />
        <source>The signing key of {user} was lost (it no longer opens with their password): sign in again to make a new key, then have an administrator countersign it.</source>
        <translation>{user} 的签名密钥已失效（无法用其密码解开）：请重新登录生成新密钥，再请管理员会签。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/trail.py" line="167" />
        <source>The signing key of {user} is not active: an administrator must countersign it (riskdesk user countersign) before {user} records decisions.</source>
        <translation>{user} 的签名密钥尚未生效：须经管理员会签（riskdesk user countersign）后，{user} 方可录入决策。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/trail.py" line="230" />
        <source>the chain head does not match the last event (events were removed from the end)</source>
        <translation>链头与最后一条事件不符（末尾的事件被删除）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/trail.py" line="238" />
        <source>event {seq} is missing</source>
        <translation>缺少第 {seq} 号事件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/trail.py" line="240" />
        <source>the stored text does not match its hash</source>
        <translation>存储的原文与其哈希不符</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/trail.py" line="242" />
        <source>the link to the previous event is broken</source>
        <translation>与前一事件的链接断开</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/trail.py" line="244" />
        <source>the event's fields differ from the text that was hashed</source>
        <translation>事件字段与被哈希的原文不一致</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/anchors.py" line="87" />
        <source>monthly report {no}</source>
        <translation>月度报告 {no}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/anchors.py" line="95" />
        <source>{file} is not a riskdesk monthly report (no audit head in it).</source>
        <translation>{file} 不是 riskdesk 月度报告（其中没有审计链头）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/anchors.py" line="107" />
        <source>event {seq}, anchored by {source}, is missing</source>
        <translation>{source} 锚定的第 {seq} 号事件缺失</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/anchors.py" line="110" />
        <source>event {seq} differs from the hash {source} holds: the chain was rewritten after it was anchored</source>
        <translation>第 {seq} 号事件与 {source} 记录的哈希不符：锚定之后审计链被改写</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/anchors.py" line="138" />
        <source>This workstation already has an anchor key.</source>
        <translation>本工作站已有锚定密钥。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/anchors.py" line="184" />
        <source>the anchor file's pin of {user}'s key has a forged seal</source>
        <translation>锚定文件中 {user} 密钥的固定记录封印是伪造的</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/anchors.py" line="241" />
        <source>keyed anchor {id} ({at:%Y-%m-%d %H:%M} UTC)</source>
        <translation>密钥锚点 {id}（{at:%Y-%m-%d %H:%M} UTC）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/anchors.py" line="246" />
        <location filename="../../riskdesk/services/audit/anchors.py" line="275" />
        <source>{source} has a forged seal</source>
        <translation>{source} 的签封是伪造的</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/anchors.py" line="267" />
        <source>anchor file {file} ({at})</source>
        <translation>锚定文件 {file}（{at}）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/anchors.py" line="270" />
        <source>{source} holds an anchor without an event number and hash</source>
        <translation>{source} 中有缺少事件序号和哈希值的锚定记录</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/anchors.py" line="318" />
        <source>report {no} is in the archive but no audit event issued it</source>
        <translation>报告 {no} 在归档中，但没有任何审计事件记录其出具</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/anchors.py" line="329" />
        <source>the keyed anchor made at event {seq} is missing or changed</source>
        <translation>事件 {seq} 生成的密钥锚定记录缺失或已被改动</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/anchors.py" line="338" />
        <source>event {seq} anchored event {anchored} with another hash: the chain was rewritten after it</source>
        <translation>事件 {seq} 锚定的事件 {anchored} 哈希值不同：审计链在锚定之后被改写</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/anchors.py" line="345" />
        <source>keyed anchor {id}, made at event {seq}, is missing</source>
        <translation>事件 {seq} 生成的密钥锚定记录 {id} 缺失</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/anchors.py" line="349" />
        <source>keyed anchor {id} differs from what event {seq} recorded</source>
        <translation>密钥锚定记录 {id} 与事件 {seq} 的记载不符</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/anchors.py" line="352" />
        <source>event {seq} anchored this database as {then}; it now names itself {now}</source>
        <translation>事件 {seq} 锚定时本数据库标识为 {then}，现标识为 {now}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/anchors.py" line="365" />
        <source>report {no}, issued at event {seq}, is missing from the archive</source>
        <translation>事件 {seq} 出具的报告 {no} 已从归档中缺失</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/anchors.py" line="372" />
        <source>report {no} in the archive differs from what event {seq} recorded</source>
        <translation>归档中的报告 {no} 与事件 {seq} 的记载不符</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/anchors.py" line="390" />
        <source>the archived file of report {no} is not the one issued at event {seq}</source>
        <translation>报告 {no} 的归档文件并非事件 {seq} 出具的文件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/anchors.py" line="404" />
        <source>this database names itself {own}, not {database} (the identity its monthly reports print)</source>
        <translation>本数据库自称 {own}，而非 {database}（月度报告上打印的标识）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/anchors.py" line="408" />
        <source>the anchor file {file} holds no anchor of database {database}, only {n} of other databases</source>
        <translation>锚定文件 {file} 中没有数据库 {database} 的锚点，只有其他数据库的 {n} 个</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/anchor_file.py" line="71" />
        <source>The anchor folder's path is too long.</source>
        <translation>锚定文件夹路径过长。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/anchor_file.py" line="73" />
        <source>The anchor folder must be an absolute path (e.g. a network share).</source>
        <translation>锚定文件夹须为绝对路径（如网络共享目录）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/anchor_file.py" line="118" />
        <source>An anchor file record needs a kind.</source>
        <translation>锚定文件记录须注明类型。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/anchor_file.py" line="141" />
        <source>Cannot read the anchor file {file}: {error}</source>
        <translation>无法读取锚定文件 {file}：{error}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/anchor_file.py" line="152" />
        <source>The anchor file {file} is damaged at line {line}: not a record.</source>
        <translation>锚定文件 {file} 第 {line} 行已损坏：不是有效记录。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/anchor_file.py" line="187" />
        <source>{kind} record to {file} ({error})</source>
        <translation>写入 {file} 的 {kind} 记录（{error}）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/anchor_file.py" line="190" />
        <source>The change was saved, but {n} anchor file record(s) could not be written: {records}. Check the anchor folder (riskdesk audit anchor --folder), then run riskdesk audit anchor.</source>
        <translation>变更已保存，但有 {n} 条锚定文件记录未能写入：{records}。请检查锚定文件夹（riskdesk audit anchor --folder），然后运行 riskdesk audit anchor。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/signatures.py" line="53" />
        <source>event {seq} ({action} by {actor}): {reason}</source>
        <translation>事件 {seq}（{actor} 的 {action}）：{reason}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/signatures.py" line="67" />
        <source>{n} decision event(s) before signatures (events {first}-{last}, {start:%Y-%m-%d} to {end:%Y-%m-%d}): recorded before signing keys existed, checked by their hashes only</source>
        <translation>启用签名之前的决策事件 {n} 条（事件 {first}-{last}，{start:%Y-%m-%d} 至 {end:%Y-%m-%d}）：记录于签名密钥启用之前，仅以哈希校验</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/signatures.py" line="160" />
        <source>a key registration whose public key is not an Ed25519 key (32 bytes in base64)</source>
        <translation>密钥登记中的公钥不是 Ed25519 密钥（应为 32 字节的 base64）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/signatures.py" line="167" />
        <source>a key registration not signed by the key it registers</source>
        <translation>密钥登记未由其所登记的密钥签名</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/signatures.py" line="176" />
        <source>a second root key: only the first administrator's key is trusted without a countersignature</source>
        <translation>出现第二个根密钥：只有首位管理员的密钥无需会签即受信任</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/signatures.py" line="180" />
        <source>a root key of {user}, whom no role change in the trail made an administrator</source>
        <translation>{user} 的根密钥无效：审计轨迹中没有任何角色变更使其成为管理员</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/signatures.py" line="186" />
        <source>the first administrator's key ({user}) could not be compared with a pin: no anchor file, or none that pins a key for this database</source>
        <translation>首位管理员（{user}）的密钥无法与固定记录比对：没有锚定文件，或锚定文件中没有本数据库的固定密钥</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/signatures.py" line="192" />
        <source>this root key is not the one the anchor file pins for {user}</source>
        <translation>此根密钥与锚定文件为 {user} 固定的密钥不符</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/signatures.py" line="207" />
        <source>the signature does not hold for this database ({database}): signed in another database or a copy, or the event was changed</source>
        <translation>签名对本数据库（{database}）不成立：系在其他数据库或副本中签署，或事件已被修改</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/signatures.py" line="212" />
        <source>signed without this database's identity after event {seq} bound the signatures to it (replayed from an older copy?)</source>
        <translation>事件 {seq} 起签名已绑定本数据库标识，此事件的签名却未含该标识（是否从旧副本重放？）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/signatures.py" line="224" />
        <source>no signature (not recorded by the application)</source>
        <translation>无签名（并非由本系统记录）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/signatures.py" line="228" />
        <source>signed by a key never registered in the trail</source>
        <translation>签名所用密钥从未在审计轨迹中登记</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/signatures.py" line="231" />
        <source>signed with the key of {owner}, not of {actor}</source>
        <translation>以 {owner} 的密钥签名，而非 {actor} 的密钥</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/signatures.py" line="166" />
        <location filename="../../riskdesk/services/audit/signatures.py" line="217" />
        <source>the signature does not match the event</source>
        <translation>签名与事件内容不符</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/signatures.py" line="239" />
        <source>signed by a key no administrator had countersigned</source>
        <translation>签名所用密钥未经管理员会签</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/signatures.py" line="242" />
        <source>signed by a key revoked at event {seq}</source>
        <translation>签名所用密钥已于事件 {seq} 吊销</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/signatures.py" line="254" />
        <source>a role change signed by a key that is not an administrator's</source>
        <translation>角色变更所用签名密钥不属于管理员</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/signatures.py" line="257" />
        <source>an administrator changed their own roles</source>
        <translation>管理员变更了本人的角色</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/signatures.py" line="262" />
        <source>countersigned by a key that is not an administrator's</source>
        <translation>会签所用密钥不属于管理员</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/signatures.py" line="266" />
        <source>a countersignature of no registered key of another user</source>
        <translation>会签对象不是其他用户已登记的密钥</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/signatures.py" line="273" />
        <source>the countersignature calls {user} an administrator, but no signed role change made them one (their roles were written outside the application)</source>
        <translation>会签记录称 {user} 为管理员，但没有任何经签名的角色变更授予其该角色（其角色是在系统之外写入的）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/signatures.py" line="279" />
        <source>revoked by a key that is not an administrator's</source>
        <translation>吊销所用密钥不属于管理员</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/signatures.py" line="295" />
        <source>the event's fields differ from the signed text</source>
        <translation>事件字段与已签名文本不符</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/privacy/free_text.py" line="216" />
        <source>personal data in audit text written after free text was masked: {n} event(s) ({seqs}); a way of saving text that does not mask it, to be reported to the administrator</source>
        <translation>脱敏启用后写入的审计记录中仍含个人信息：{n} 条（{seqs}）；存在未脱敏的文本保存途径，请报告系统管理员</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/privacy/free_text.py" line="228" />
        <source>personal data in audit text before {date}: {n} event(s) written before free text was masked ({seqs}); they stay as written, the chain holds</source>
        <translation>{date} 之前的审计文本中含个人信息：{n} 条事件写于自由文本脱敏之前（{seqs}）；按原样保留，哈希链完整</translation>
    </message>
</context>
<context>
    <name>AuditPack</name>
    <message>
        <location filename="../../riskdesk/services/audit/packs.py" line="99" />
        <source>month {m}</source>
        <translation>月份 {m}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/packs.py" line="100" />
        <source>listed cases</source>
        <translation>所列案件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/packs.py" line="101" />
        <source>{what}: {cases}, {complaints}, {apps}, {reports}</source>
        <translation>{what}：{cases}，{complaints}，{apps}，{reports}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/packs.py" line="102" />
        <source>{n} case</source>
        <translation>案件 {n} 件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/packs.py" line="103" />
        <source>{n} cases</source>
        <translation>案件 {n} 件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/packs.py" line="104" />
        <source>{n} complaint</source>
        <translation>投诉 {n} 件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/packs.py" line="105" />
        <source>{n} complaints</source>
        <translation>共 {n} 件投诉</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/packs.py" line="106" />
        <source>{n} application</source>
        <translation>申请 {n} 笔</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/packs.py" line="107" />
        <source>{n} applications</source>
        <translation>申请 {n} 笔</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/packs.py" line="108" />
        <source>{n} report</source>
        <translation>报告 {n} 份</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/packs.py" line="109" />
        <source>{n} reports</source>
        <translation>报告 {n} 份</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/packs.py" line="157" />
        <source>No case for {ref}.</source>
        <translation>没有 {ref} 的案件。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/packs.py" line="276" />
        <source>{user} may not export personal data unmasked.</source>
        <translation>{user} 无权导出未脱敏的个人信息。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/packs.py" line="280" />
        <source>Give a month or a list of cases.</source>
        <translation>请给出月份或案件清单。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/packs.py" line="283" />
        <source>A pack is sealed with the bank's audit key, and this workstation has none: import it from escrow or create it (riskdesk audit anchor --create-key).</source>
        <translation>审计包须用本行的审计密钥签封，而本工作站没有该密钥：请从托管处导入或创建（riskdesk audit anchor --create-key）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/packs.py" line="423" />
        <source>{file} is not a riskdesk audit pack (or it is damaged).</source>
        <translation>{file} 不是 riskdesk 审计包（或已损坏）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/packs.py" line="429" />
        <source>{file} is damaged: {why}</source>
        <translation>{file} 已损坏：{why}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/packs.py" line="454" />
        <source>the seal does not match the content: the pack was changed after it was sealed</source>
        <translation>签封与内容不符：审计包在签封后被改动</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/packs.py" line="462" />
        <source>the seal's signature is forged</source>
        <translation>签封的签名是伪造的</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/packs.py" line="467" />
        <source>the chain breaks at event {seq}</source>
        <translation>审计链在第 {seq} 号事件处断开</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/packs.py" line="475" />
        <source>event {seq} does not match the chain</source>
        <translation>第 {seq} 号事件与审计链不符</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/packs.py" line="480" />
        <source>the chain does not lead to the head report {no} printed</source>
        <translation>审计链未能通向报告 {no} 所印的链头</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <location filename="../../riskdesk/storage/backup.py" line="33" />
        <source>riskdesk backs up local SQLite databases; a server database is backed up with its own tools by the DBA (pg_dump, mariadb-dump), see docs/security.md.</source>
        <translation>riskdesk 只备份本地 SQLite 数据库；服务器数据库由数据库管理员用其自身工具备份（pg_dump、mariadb-dump），见 docs/security.md。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/storage/backup.py" line="46" />
        <source>{file} is damaged: {why}</source>
        <translation>{file} 已损坏：{why}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/storage/backup.py" line="53" />
        <source>{file} is not a riskdesk database: {why}</source>
        <translation>{file} 不是 riskdesk 数据库：{why}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/storage/backup.py" line="56" />
        <source>{file} has no riskdesk schema.</source>
        <translation>{file} 中没有 riskdesk 数据结构。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/storage/backup.py" line="77" />
        <source>A backup cannot overwrite its own database.</source>
        <translation>备份不能覆盖其自身的数据库。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/storage/backup.py" line="89" />
        <source>Cannot write the backup {file}: {why}</source>
        <translation>无法写入备份 {file}：{why}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/storage/backup.py" line="102" />
        <source>There is no file {file}.</source>
        <translation>没有文件 {file}。</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="115" />
        <source>What did you check, and what did you find?</source>
        <translation>您核实了什么？发现了什么？</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="116" />
        <source>Add note</source>
        <translation>添加笔记</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="118" />
        <source>Reason (required for every decision)</source>
        <translation>理由（每个决定都必须填写）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="120" />
        <source>Claim</source>
        <translation>领取</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="120" />
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="121" />
        <source>Decline</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="122" />
        <source>Request information</source>
        <translation>要求补充材料</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="123" />
        <source>Escalate</source>
        <translation>上报</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="123" />
        <source>Confirm</source>
        <translation>复核通过</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="124" />
        <source>Send back</source>
        <translation>复核退回</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="128" />
        <source>Open loan...</source>
        <translation>打开借据…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="129" />
        <source>Schedule, repayments, days past due by month and where the money went</source>
        <translation>还款计划、还款记录、逐月逾期天数和资金去向</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="134" />
        <source>Fraud ring...</source>
        <translation>欺诈团伙...</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="135" />
        <source>The applicants and devices, phones, cards and employers they share, as a graph</source>
        <translation>以关系图显示申请人及其共用的设备、手机号、银行卡和工作单位</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="144" />
        <source>Show ID number</source>
        <translation>显示身份证号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="144" />
        <source>Show phone</source>
        <translation>显示手机号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="145" />
        <source>Show bank card</source>
        <translation>显示银行卡号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="147" />
        <source>Shows the full value to you; the audit trail records that you looked.</source>
        <translation>向您显示完整信息；审计轨迹会记录您的查看。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="158" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="159" />
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="160" />
        <source>History shows</source>
        <translation>历史显示</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="216" />
        <source>Case {id} - {app}</source>
        <translation>案件 {id} - {app}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="287" />
        <source>Not shown</source>
        <translation>未显示</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="307" />
        <source>Application {no}</source>
        <translation>申请 {no}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="309" />
        <source>This application has no case to open.</source>
        <translation>该申请没有可打开的案件。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="347" />
        <source>Assigned to someone else</source>
        <translation>案件已分配给他人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="354" />
        <source>Sent for a second check</source>
        <translation>已提交复核</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="355" />
        <source>Your approval is recorded and waits for a senior officer (four-eyes): {why}. If it is sent back, the case returns to your "My cases" with the checker's reason.</source>
        <translation>您的批准已记录，正等待高级审核员复核（双人复核）：{why}。如被退回，案件将连同复核人的理由回到您的“我的案件”。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="366" />
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="370" />
        <location filename="../../riskdesk/ui/cases/detail.py" line="392" />
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="418" />
        <source>Decide again: your new decision goes to the check again.</source>
        <translation>请重新决定：新的决定将再次提交复核。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="419" />
        <source>Case {id}</source>
        <translation>案件 {id}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="420" />
        <source>Case {id}: {kind}, {status}</source>
        <translation>案件 {id}：{kind}，{status}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="421" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="422" />
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="423" />
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="424" />
        <source>nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="425" />
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="426" />
        <source>Approval needs a second person</source>
        <translation>批准需要第二人复核</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="432" />
        <source>No events of this kind.</source>
        <translation>没有此类事件。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="433" />
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="427" />
        <source>Rule hits</source>
        <translation>规则命中</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="428" />
        <source>Linked applications</source>
        <translation>关联申请</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="430" />
        <source>Notes</source>
        <translation>调查笔记</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="431" />
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="510" />
        <source>corrects note {id}</source>
        <translation>更正笔记 {id}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="470" />
        <source>Partner under review: {code} {name}. Why: {reason}</source>
        <translation>复审中的合作方：{code} {name}。原因：{reason}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="30" />
        <source>{value} (unmasked)</source>
        <translation>{value}（明文显示）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="52" />
        <source>Application no.</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="41" />
        <location filename="../../riskdesk/ui/cases/application_html.py" line="42" />
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="100" />
        <source>All events</source>
        <translation>全部事件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="101" />
        <source>Decisions and checks</source>
        <translation>决定与复核</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="102" />
        <source>Claims, assignments and notes</source>
        <translation>领取、分配与笔记</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="103" />
        <source>Views of personal data</source>
        <translation>查看个人信息</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="104" />
        <source>Other events</source>
        <translation>其他事件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="276" />
        <source>Hard stop: nobody may approve this application.</source>
        <translation>硬性拒绝：任何人均不得批准此申请。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="443" />
        <source>{maker} decided to {decision} on {at}: “{reason}”</source>
        <translation>{maker} 于 {at} 决定{decision}：“{reason}”</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="447" />
        <source>Sent back by {checker} on {at}</source>
        <translation>{checker} 于 {at} 退回</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="449" />
        <source>Checker's reason: “{reason}”</source>
        <translation>复核人理由：“{reason}”</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="453" />
        <source>Awaiting a second person's check (four-eyes)</source>
        <translation>等待第二人复核（双人复核）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="454" />
        <source>Why: {why}</source>
        <translation>原因：{why}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="474" />
        <source>Model figures (evidence)</source>
        <translation>模型指标（证据）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="536" />
        <source>{who} viewed the case {n} times, last {at}</source>
        <translation>{who} 查看了案件 {n} 次，最近一次 {at}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="538" />
        <source>{who} viewed the case</source>
        <translation>{who} 查看了案件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="542" />
        <source>reason: “{reason}”</source>
        <translation>理由：“{reason}”</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="544" />
        <source>decided in place of {user} (confirmed)</source>
        <translation>代替 {user} 作出决定（已确认）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="24" />
        <location filename="../../riskdesk/ui/cases/application_html.py" line="83" />
        <source>not given</source>
        <translation>未提供</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="32" />
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="32" />
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="37" />
        <source>{stated} (the ID says {age})</source>
        <translation>{stated}（身份证显示 {age}）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="43" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="44" />
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="45" />
        <source>Age from the ID</source>
        <translation>身份证年龄</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="46" />
        <source>Stated age</source>
        <translation>自报年龄</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="47" />
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="48" />
        <source>Region code</source>
        <translation>地区代码</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="49" />
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="50" />
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="51" />
        <source>Loan</source>
        <translation>贷款</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="53" />
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="55" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="58" />
        <source>Fees over the term</source>
        <translation>全期费用</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="59" />
        <source>Repayment</source>
        <translation>还款方式</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="61" />
        <source>Income and debt</source>
        <translation>收入与负债</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="62" />
        <source>Annual income</source>
        <translation>年收入</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="64" />
        <source>Monthly income</source>
        <translation>月收入</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="66" />
        <source>Years in employment</source>
        <translation>工作年限</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="67" />
        <source>Income verification</source>
        <translation>收入核验</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="69" />
        <source>Monthly payment of this loan</source>
        <translation>本笔贷款月供</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="70" />
        <source>Payment to income</source>
        <translation>月供收入比</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="72" />
        <source>Instalment loan balances</source>
        <translation>分期贷款余额</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="74" />
        <source>Debt to income (balances + this loan) / annual income</source>
        <translation>负债收入比（余额 + 本笔贷款）/ 年收入</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="76" />
        <source>Credit bureau</source>
        <translation>征信信息</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="79" />
        <location filename="../../riskdesk/ui/cases/application_html.py" line="81" />
        <source>Partner</source>
        <translation>合作方</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="80" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="121" />
        <source>{points} points, {band} band (PD {pd})</source>
        <translation>{points} 分，{band}档（违约概率 {pd}）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="123" />
        <source>Approve band: above {a} points (PD below {pa}); decline band: {d} points or fewer (PD {pd} or more); review in between.</source>
        <translation>批准档：高于 {a} 分（违约概率低于 {pa}）；拒绝档：{d} 分及以下（违约概率 {pd} 及以上）；其间为人工审核档。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="139" />
        <source>{points} points (raises risk)</source>
        <translation>{points} 分（提高风险）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="140" />
        <source>+{points} points (lowers risk)</source>
        <translation>+{points} 分（降低风险）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="150" />
        <source>Reasons (effect on the score in points)</source>
        <translation>原因（对评分的影响，单位：分）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="56" />
        <source>Term (months)</source>
        <translation>期限（月）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="57" />
        <source>APR %</source>
        <translation>年利率 %</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="54" />
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="434" />
        <source>Why this reason points this way</source>
        <translation>此原因的方向说明</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="60" />
        <source>Submitted</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="82" />
        <source>the bank's own channel</source>
        <translation>本行自有渠道</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="84" />
        <source>Device and IP</source>
        <translation>设备与 IP</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="85" />
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="86" />
        <source>IP address</source>
        <translation>IP 地址</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/application_html.py" line="119" />
        <source>model {m}, rule set {r}, policy {p}</source>
        <translation>模型 {m}，规则集 {r}，策略 {p}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="489" />
        <source>Early warnings (evidence)</source>
        <translation>预警（证据）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="525" />
        <source>same person</source>
        <translation>同一人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="525" />
        <source>same phone</source>
        <translation>同一手机号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="526" />
        <source>same device</source>
        <translation>同一设备</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="526" />
        <source>same bank card</source>
        <translation>同一银行卡</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/detail.py" line="429" />
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
</context>
<context>
    <name>CaseKeys</name>
    <message>
        <location filename="../../riskdesk/ui/cases/keys.py" line="122" />
        <source>After a decision, open the next case</source>
        <translation>决定后打开下一件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/keys.py" line="124" />
        <source>The next case of the same queue view; {next} and {previous} move without deciding</source>
        <translation>同一队列视图中的下一件；{next} 和 {previous} 不作决定直接切换</translation>
    </message>
</context>
<context>
    <name>CaseReport</name>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="110" />
        <source>contribution to the log-odds of default (+ raises risk)</source>
        <translation>对违约对数几率的贡献（正值提高风险）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="140" />
        <location filename="../../riskdesk/reports/case_report.py" line="378" />
        <source>Case audit report</source>
        <translation>案件审计报告</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="144" />
        <source>Report no.</source>
        <translation>报告编号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="145" />
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="146" />
        <source>Application no.</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="147" />
        <location filename="../../riskdesk/reports/case_report.py" line="334" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="148" />
        <source>Generated by</source>
        <translation>生成人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="149" />
        <location filename="../../riskdesk/reports/case_report.py" line="382" />
        <source>Cut-off</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="158" />
        <source>Application and applicant</source>
        <translation>申请与申请人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="162" />
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="165" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="168" />
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="169" />
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="170" />
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="171" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="172" />
        <source>Amount (CNY)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="173" />
        <source>Term (months)</source>
        <translation>期限（月）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="174" />
        <source>APR %</source>
        <translation>年利率 %</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="175" />
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="176" />
        <source>Submitted</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="177" />
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="184" />
        <source>Personal data is masked for this reader.</source>
        <translation>本阅读者看到的个人信息已脱敏。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="190" />
        <source>Score and decision record</source>
        <translation>评分与决策记录</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="195" />
        <source>Probability of default</source>
        <translation>违约概率</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="198" />
        <source>Points</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="199" />
        <source>Band</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="200" />
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="201" />
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="202" />
        <source>Rule set</source>
        <translation>规则集</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="203" />
        <source>Policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="204" />
        <source>Decided at</source>
        <translation>决策时间</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="211" />
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="115" />
        <location filename="../../riskdesk/reports/case_report.py" line="218" />
        <location filename="../../riskdesk/reports/case_report.py" line="284" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="219" />
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="220" />
        <source>Effect (points)</source>
        <translation>影响（分）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="232" />
        <source>Rule hits</source>
        <translation>规则命中</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="237" />
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="238" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="239" />
        <source>Finding</source>
        <translation>发现</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="240" />
        <source>Source</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="247" />
        <source>corrects note {id}</source>
        <translation>更正笔记 {id}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="248" />
        <source>Investigation notes</source>
        <translation>调查笔记</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="254" />
        <location filename="../../riskdesk/reports/case_report.py" line="315" />
        <location filename="../../riskdesk/reports/case_report.py" line="364" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="255" />
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="256" />
        <source>Check</source>
        <translation>核查项</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="257" />
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="273" />
        <source>No notes.</source>
        <translation>无笔记。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="276" />
        <source>Decision chain</source>
        <translation>决策链</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="281" />
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="282" />
        <source>none yet</source>
        <translation>尚无</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="286" />
        <source>Maker</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="290" />
        <source>Checker (four-eyes)</source>
        <translation>复核人（双人复核）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="293" />
        <source>Why a second person</source>
        <translation>需第二人复核的原因</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="316" />
        <location filename="../../riskdesk/reports/case_report.py" line="365" />
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="317" />
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="318" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="327" />
        <source>Linked complaints</source>
        <translation>关联投诉</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="332" />
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="333" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="335" />
        <source>What the customer says</source>
        <translation>客户诉求</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="348" />
        <source>Audit events of this case</source>
        <translation>本案件的审计事件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="351" />
        <source>Each event's SHA-256 chains to the one before; riskdesk audit verify recomputes the chain.</source>
        <translation>每个事件的 SHA-256 与前一事件链接；riskdesk audit verify 可重新计算整条链。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="363" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="366" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="367" />
        <source>Hash</source>
        <translation>哈希</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="381" />
        <source>Page {x} of {y}</source>
        <translation>第 {x} 页，共 {y} 页</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="383" />
        <source>Contains personal data</source>
        <translation>含个人信息</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="392" />
        <source>superseded by {id}</source>
        <translation>已被 {id} 取代</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="393" />
        <source>supersedes {id}</source>
        <translation>取代 {id}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="400" />
        <source>Evidence files</source>
        <translation>证据文件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="401" />
        <source>SHA-256 of each file's bytes as attached; files are never deleted, a new version supersedes the old.</source>
        <translation>每个文件添加时内容的 SHA-256；文件从不删除，新版本取代旧版本。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="404" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="404" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="405" />
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="405" />
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="406" />
        <source>Added</source>
        <translation>添加人及时间</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/case_report.py" line="407" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
</context>
<context>
    <name>Cases</name>
    <message>
        <location filename="../../riskdesk/services/cases/postloan_actions.py" line="173" />
        <location filename="../../riskdesk/services/cases/work.py" line="58" />
        <source>Case work needs a signed-in user.</source>
        <translation>处理案件需要已登录的用户。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/evidence.py" line="103" />
        <location filename="../../riskdesk/services/cases/work.py" line="65" />
        <source>There is no case {id}.</source>
        <translation>没有编号为 {id} 的案件。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/work.py" line="88" />
        <source>Case {id} was changed by someone else (version {theirs}, you saw {yours}); reload it and decide again.</source>
        <translation>案件 {id} 已被他人修改（当前版本 {theirs}，您看到的是 {yours}）；请重新加载后再决定。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/work.py" line="99" />
        <source>Case {id} is already assigned; a senior officer can reassign it.</source>
        <translation>案件 {id} 已分配；可由高级审核员重新分配。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/work.py" line="102" />
        <source>Case {id} is {status}; it cannot be claimed.</source>
        <translation>案件 {id} 状态为 {status}，不能领取。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/work.py" line="121" />
        <source>Case {id} is {status}; it cannot be assigned.</source>
        <translation>案件 {id} 状态为 {status}，不能分派。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/work.py" line="147" />
        <source>User {id} is not an active officer; cases go to officers and senior officers.</source>
        <translation>用户 {id} 不是在岗的审查员；案件只能分派给审查员和高级审查员。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/work.py" line="156" />
        <source>Note kind must be one of {kinds}; outcome one of {outcomes}.</source>
        <translation>笔记类型须为 {kinds} 之一；结果须为 {outcomes} 之一。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/work.py" line="160" />
        <source>A note needs text.</source>
        <translation>笔记需要填写内容。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/work.py" line="164" />
        <source>Note {id} is not a note of this case.</source>
        <translation>笔记 {id} 不属于本案件。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/work.py" line="230" />
        <source>the policy recommends declining</source>
        <translation>策略建议拒绝</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/work.py" line="234" />
        <source>the amount is above {limit:,.0f} CNY</source>
        <translation>金额超过 {limit:,.0f} 元</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/work.py" line="248" />
        <source>Decision must be one of {d}.</source>
        <translation>决定须为 {d} 之一。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/work.py" line="256" />
        <source>Case {id} is a post-loan case: it takes post-loan actions, not {decision}.</source>
        <translation>案件 {id} 为贷后案件，应采取贷后处置措施，不能{decision}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/work.py" line="260" />
        <source>Case {id} is a model review: the validator closes it with a decision on the model.</source>
        <translation>案件 {id} 为模型复审案件：由验证人对模型作出决定后结案。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/work.py" line="324" />
        <source>Case {id} waits for the check of a post-loan action: confirm or send back that action.</source>
        <translation>案件 {id} 正等待贷后处置措施的复核：请复核通过或复核退回该措施。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/postloan_actions.py" line="181" />
        <location filename="../../riskdesk/services/cases/work.py" line="251" />
        <source>A decision needs a reason.</source>
        <translation>决定需要填写理由。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/postloan_actions.py" line="183" />
        <location filename="../../riskdesk/services/cases/work.py" line="253" />
        <source>Case {id} is {status}; it cannot be decided now.</source>
        <translation>案件 {id} 状态为 {status}，现在不能决定。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/work.py" line="265" />
        <source>Case {id} is escalated: a senior officer decides it.</source>
        <translation>案件 {id} 已上报，须由高级审核员决定。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/work.py" line="305" />
        <source>Case {id} is assigned to {user}. Decide it in their place?</source>
        <translation>案件 {id} 已分配给 {user}。是否代替其作出决定？</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/work.py" line="318" />
        <source>Case {id} is not awaiting a check.</source>
        <translation>案件 {id} 不在待复核状态。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/postloan_actions.py" line="275" />
        <location filename="../../riskdesk/services/cases/work.py" line="321" />
        <source>{user} made this decision and may not also check it (four-eyes).</source>
        <translation>{user} 作出了该决定，不得再由本人复核（双人复核）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/postloan_actions.py" line="278" />
        <location filename="../../riskdesk/services/cases/work.py" line="342" />
        <source>Sending a decision back needs a reason.</source>
        <translation>复核退回决定需要填写理由。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/opening.py" line="132" />
        <source>There is no application {id}.</source>
        <translation>不存在申请 {id}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/detail.py" line="306" />
        <source>The applicant of case {id} is missing.</source>
        <translation>案件 {id} 的申请人记录缺失。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/detail.py" line="517" />
        <source>{field} cannot be unmasked.</source>
        <translation>{field} 不能明文显示。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/detail.py" line="521" />
        <source>Case {id} has no application.</source>
        <translation>案件 {id} 没有关联申请。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/hard_stops.py" line="75" />
        <source>Case {id} cannot be approved by anyone: hard stop {rules}.</source>
        <translation>案件 {id} 任何人均不得批准：触发硬性拒绝规则 {rules}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/hard_stops.py" line="78" />
        <source>{name} ({text}; source: {source})</source>
        <translation>{name}（{text}；依据：{source}）</translation>
    </message>
</context>
<context>
    <name>CasesModel</name>
    <message>
        <location filename="../../riskdesk/ui/cases/model.py" line="36" />
        <source>Application no.</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/model.py" line="37" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/model.py" line="38" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/model.py" line="39" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/model.py" line="40" />
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/model.py" line="41" />
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/model.py" line="42" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/model.py" line="43" />
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/model.py" line="44" />
        <source>Amount (CNY)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/model.py" line="45" />
        <source>PD %</source>
        <translation>违约概率 %</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/model.py" line="46" />
        <source>Points</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/model.py" line="47" />
        <source>Band</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/model.py" line="48" />
        <source>Rule hits</source>
        <translation>规则命中</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/model.py" line="49" />
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/model.py" line="50" />
        <source>Sent back because</source>
        <translation>复核退回原因</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/model.py" line="55" />
        <source>Bad rate doubled</source>
        <translation>坏账率翻倍</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/model.py" line="56" />
        <source>Complaints over the limit</source>
        <translation>投诉率超限</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/model.py" line="58" />
        <source>Score PSI over 0.25</source>
        <translation>评分 PSI 超过 0.25</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/model.py" line="59" />
        <source>Feature CSI over 0.25</source>
        <translation>特征 CSI 超过 0.25</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/model.py" line="60" />
        <source>AUC down from validation</source>
        <translation>AUC 较验证时下降</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/model.py" line="61" />
        <source>Band outside calibration</source>
        <translation>风险等级超出校准范围</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/model.py" line="62" />
        <source>Validation overdue</source>
        <translation>验证已逾期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/model.py" line="70" />
        <source>My cases</source>
        <translation>我的案件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/model.py" line="71" />
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/model.py" line="72" />
        <source>Escalated</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/model.py" line="73" />
        <source>Awaiting check</source>
        <translation>待复核</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/model.py" line="74" />
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/model.py" line="75" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/model.py" line="99" />
        <source>{n} DPD</source>
        <translation>逾期 {n} 天</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/model.py" line="141" />
        <source>Loan {no}: days past due, class and balance from the latest monitoring run</source>
        <translation>借据 {no}：逾期天数、五级分类和余额取自最近一次贷后监测</translation>
    </message>
</context>
<context>
    <name>ChallengerReport</name>
    <message>
        <location filename="../../riskdesk/reports/challenger_section.py" line="30" />
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/challenger_section.py" line="31" />
        <source>Active model {id}</source>
        <translation>生效模型 {id}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/challenger_section.py" line="32" />
        <source>Challenger {id} (shadow)</source>
        <translation>挑战者 {id}（影子运行）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/challenger_section.py" line="33" />
        <source>Approved automatically</source>
        <translation>自动通过</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/challenger_section.py" line="35" />
        <source>Flagged for review</source>
        <translation>标记人工审核</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/challenger_section.py" line="37" />
        <source>AUC on known outcomes</source>
        <translation>已知表现的 AUC</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/challenger_section.py" line="39" />
        <source>KS on known outcomes</source>
        <translation>已知表现的 KS</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/challenger_section.py" line="42" />
        <source>AUC and KS on the same {n} applications with a known outcome that are training rows of neither model ({t} training rows left out).</source>
        <translation>AUC 和 KS 以相同的 {n} 笔有已知表现、且不属于任一模型训练样本的申请计算（剔除训练样本 {t} 笔）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/challenger_section.py" line="47" />
        <source>AUC and KS not compared: {why} ({k} known outcomes).</source>
        <translation>未比较 AUC 和 KS：{why}（已知表现 {k} 笔）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/challenger_section.py" line="51" />
        <source>Champion and challenger</source>
        <translation>冠军模型与挑战者模型</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/challenger_section.py" line="52" />
        <source>Model {s} ({sname}) scored in shadow beside the active model {c} ({cname}) on {n} applications; its scores decided nothing. Both at the policy in force (approve below {a:.1%}, decline from {d:.1%}) with the same rule hits.</source>
        <translation>模型 {s}（{sname}）与生效模型 {c}（{cname}）并行影子运行，对 {n} 笔申请评分；其评分不用于任何决定。两者均按现行政策（违约概率低于 {a:.1%} 批准，自 {d:.1%} 起拒绝）及相同的规则命中判断。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/challenger_section.py" line="59" />
        <source>Decisions that would change: {k} ({up} approved by the active model, flagged by the challenger; {down} the other way).</source>
        <translation>将改变的决定：{k} 笔（{up} 笔生效模型批准而挑战者标记；{down} 笔相反）。</translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="56" />
        <source>The reply to the customer</source>
        <translation>给客户的答复</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="58" />
        <source>Reason (extension, reopening, withdrawal, escalation)</source>
        <translation>理由（延期、重新打开、撤回投诉、上报）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="62" />
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="66" />
        <source>What the bank changes so it does not happen again</source>
        <translation>银行为避免再次发生而采取的整改措施</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="71" />
        <source>Start investigating</source>
        <translation>开始调查</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="72" />
        <source>Assign to...</source>
        <translation>分派给…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="72" />
        <source>Insert reply template</source>
        <translation>插入答复模板</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="74" />
        <source>Send reply</source>
        <translation>发送答复</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="74" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="75" />
        <source>Extend (complex case)</source>
        <translation>延期（复杂案件）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="76" />
        <source>Ask for special extension</source>
        <translation>申请特别延期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="77" />
        <source>Approve special extension</source>
        <translation>批准特别延期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="78" />
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="78" />
        <source>Withdrawn</source>
        <translation>已撤回投诉</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="79" />
        <source>Escalate to compliance</source>
        <translation>上报合规</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="80" />
        <source>Open fraud case</source>
        <translation>开立欺诈案件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="86" />
        <source>Customer's reaction</source>
        <translation>客户反馈</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="87" />
        <location filename="../../riskdesk/ui/complaints/detail.py" line="246" />
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="88" />
        <location filename="../../riskdesk/ui/complaints/detail.py" line="247" />
        <source>Rectification</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="111" />
        <source>Complaint {number}</source>
        <translation>投诉 {number}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="184" />
        <source>the customer's reaction</source>
        <translation>客户反馈</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="185" />
        <source>the root cause</source>
        <translation>投诉原因</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="188" />
        <source>the rectification</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="191" />
        <source>To close the complaint, give {what}.</source>
        <translation>办结投诉前，请填写{what}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="192" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="197" />
        <location filename="../../riskdesk/ui/complaints/detail.py" line="237" />
        <source>Extension</source>
        <translation>延期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="197" />
        <source>Has the complainant been told of the extension and its reason?</source>
        <translation>是否已告知投诉人延期及其理由？</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="202" />
        <source>Assign</source>
        <translation>分派</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="202" />
        <source>Handler:</source>
        <translation>处理人：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="214" />
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="279" />
        <source>status: {status}</source>
        <translation>状态：{status}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="281" />
        <source>handler: {name}</source>
        <translation>处理人：{name}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="282" />
        <source>nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="190" />
        <location filename="../../riskdesk/ui/complaints/detail.py" line="217" />
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="229" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="229" />
        <source>escalated</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="231" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="231" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="232" />
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="233" />
        <source>On behalf</source>
        <translation>代理投诉</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="235" />
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="236" />
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="239" />
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="239" />
        <source>(not assigned)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="240" />
        <location filename="../../riskdesk/ui/complaints/detail.py" line="248" />
        <source>Replied</source>
        <translation>已答复</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="241" />
        <source>late: replied after the due time</source>
        <translation>超时：答复晚于办理时限</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="242" />
        <source>Fraud case</source>
        <translation>欺诈案件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="245" />
        <source>Reaction</source>
        <translation>客户反馈</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="257" />
        <source>The customer's applications and cases</source>
        <translation>该客户的申请与案件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="258" />
        <source>What the customer says</source>
        <translation>客户诉求</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="258" />
        <source>Reply</source>
        <translation>答复</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/detail.py" line="259" />
        <source>History</source>
        <translation>历史</translation>
    </message>
</context>
<context>
    <name>ComplaintForm</name>
    <message>
        <location filename="../../riskdesk/ui/complaints/intake.py" line="44" />
        <source>Register a complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/intake.py" line="50" />
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/intake.py" line="53" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/intake.py" line="54" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/intake.py" line="56" />
        <source>Name, ID number or phone of the customer</source>
        <translation>客户姓名、身份证号或手机号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/intake.py" line="58" />
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/intake.py" line="64" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/intake.py" line="70" />
        <source>As given, when the bank does not know them</source>
        <translation>如非本行客户，按其自述填写</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/intake.py" line="71" />
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/intake.py" line="73" />
        <location filename="../../riskdesk/ui/complaints/intake.py" line="132" />
        <source>(no application)</source>
        <translation>（无关联申请）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/intake.py" line="74" />
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/intake.py" line="76" />
        <source>e.g. written power of attorney seen</source>
        <translation>例如：已查验书面授权委托书</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/intake.py" line="77" />
        <source>Complaining on their behalf</source>
        <translation>代理投诉人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/intake.py" line="78" />
        <source>Proxy's authorisation</source>
        <translation>代理授权</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/intake.py" line="80" />
        <source>(nobody named)</source>
        <translation>（未指明）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/intake.py" line="84" />
        <source>Employee complained about</source>
        <translation>被投诉员工</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/intake.py" line="85" />
        <source>Team complained about</source>
        <translation>被投诉团队</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/intake.py" line="89" />
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/intake.py" line="91" />
        <source>What the customer says</source>
        <translation>客户诉求</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/intake.py" line="96" />
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/intake.py" line="115" />
        <source>the channel</source>
        <translation>投诉渠道</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/intake.py" line="116" />
        <source>the category</source>
        <translation>投诉类别</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/intake.py" line="123" />
        <source>{name}  {id_no}  ({n} applications)</source>
        <translation>{name}  {id_no}（{n} 笔申请）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/intake.py" line="127" />
        <source>No customer found; enter the complainant's name as given.</source>
        <translation>未找到客户；请按投诉人自述填写姓名。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/intake.py" line="155" />
        <location filename="../../riskdesk/ui/complaints/intake.py" line="178" />
        <source>Not registered</source>
        <translation>未登记</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/intake.py" line="156" />
        <source>Choose {what}.</source>
        <translation>请选择{what}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/intake.py" line="156" />
        <source> and </source>
        <translation>和</translation>
    </message>
</context>
<context>
    <name>ComplaintImport</name>
    <message>
        <location filename="../../riskdesk/services/intake/complaints.py" line="121" />
        <source>Checked {n} rows</source>
        <translation>已检查 {n} 行</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/complaints.py" line="133" />
        <source>ticket already imported as {number} with different content</source>
        <translation>该工单已作为 {number} 导入，但内容不同</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/complaints.py" line="143" />
        <source>Registering {n} of {total}</source>
        <translation>正在登记 {n} / {total}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/complaints.py" line="199" />
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/complaints.py" line="203" />
        <source>longer than {n} characters</source>
        <translation>超过 {n} 个字符</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/complaints.py" line="206" />
        <source>same ticket as row {row}</source>
        <translation>与第 {row} 行工单号重复</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/complaints.py" line="211" />
        <source>unknown channel (phone, app, letter, branch, regulator_referral or their Chinese names)</source>
        <translation>未知渠道（电话、App、信函、网点、监管转办）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/complaints.py" line="216" />
        <source>unknown category</source>
        <translation>未知类别</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/complaints.py" line="220" />
        <source>not a date and time (expected YYYY-MM-DD HH:MM)</source>
        <translation>不是日期时间（应为 YYYY-MM-DD HH:MM）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/complaints.py" line="223" />
        <source>lies in the future</source>
        <translation>晚于当前时间</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/complaints.py" line="226" />
        <source>a proxy complaint needs the authorisation noted</source>
        <translation>代理投诉须注明授权方式</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/complaints.py" line="244" />
        <source>no such application</source>
        <translation>没有此申请</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/complaints.py" line="246" />
        <source>belongs to another customer than the ID or phone</source>
        <translation>与身份证号或手机号对应的客户不一致</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/complaints.py" line="252" />
        <source>required when the customer is not known to the bank</source>
        <translation>非本行客户时必填</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/complaints.py" line="268" />
        <source>not an ID number</source>
        <translation>不是身份证号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/complaints.py" line="232" />
        <location filename="../../riskdesk/services/intake/complaints.py" line="273" />
        <source>no customer with this ID number</source>
        <translation>没有此身份证号的客户</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/complaints.py" line="278" />
        <source>not a mobile number</source>
        <translation>不是手机号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/complaints.py" line="234" />
        <location filename="../../riskdesk/services/intake/complaints.py" line="283" />
        <source>no customer with this phone</source>
        <translation>没有此手机号的客户</translation>
    </message>
</context>
<context>
    <name>Complaints</name>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="56" />
        <source>upper-level review</source>
        <translation>上级复核</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="57" />
        <source>mediation</source>
        <translation>调解</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="58" />
        <source>arbitration</source>
        <translation>仲裁</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="59" />
        <source>litigation</source>
        <translation>诉讼</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="81" />
        <source>Deadlines must grow: decide &lt;= complex &lt;= special, each 1 to 365 days.</source>
        <translation>期限须递增：一般 &lt;= 复杂 &lt;= 特别，每项 1 至 365 天。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="126" />
        <source>There is no complaint {id}.</source>
        <translation>不存在投诉 {id}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="145" />
        <source>Complaint {number} was changed by someone else (version {theirs}, you saw {yours}); reload it.</source>
        <translation>投诉 {number} 已被他人修改（当前版本 {theirs}，您看到的是 {yours}）；请重新加载。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="157" />
        <source>Complaint {number} is {status}; this step is not possible now.</source>
        <translation>投诉 {number} 状态为 {status}，当前不能执行此步骤。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="166" />
        <source>{what} is required.</source>
        <translation>必须填写{what}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="179" />
        <source>{what} must be one of: {choices}.</source>
        <translation>{what}必须是以下之一：{choices}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="180" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="231" />
        <source>The channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="232" />
        <source>The category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="233" />
        <source>A description</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="238" />
        <source>There is no application {id}.</source>
        <translation>不存在申请 {id}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="241" />
        <source>Application {no} belongs to another customer.</source>
        <translation>申请 {no} 属于其他客户。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="249" />
        <source>There is no customer {id}.</source>
        <translation>不存在客户 {id}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="252" />
        <source>The complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="254" />
        <source>How the proxy is authorised</source>
        <translation>代理授权方式</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="261" />
        <source>A complaint cannot be received in the future.</source>
        <translation>投诉受理时间不能晚于当前时间。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="380" />
        <source>There is no user {id}.</source>
        <translation>不存在用户 {id}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="382" />
        <source>{user} is the person or in the team complained about in {number}; someone else must handle it.</source>
        <translation>{user} 是投诉 {number} 的被投诉人或属于被投诉团队，须由他人处理（回避）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="393" />
        <source>Complaint {number} is {status}; it cannot be assigned.</source>
        <translation>投诉 {number} 状态为 {status}，不能分派。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="403" />
        <location filename="../../riskdesk/services/complaints/handling.py" line="421" />
        <source>A reason for the extension</source>
        <translation>延期理由</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="405" />
        <location filename="../../riskdesk/services/complaints/handling.py" line="444" />
        <source>Tell the complainant about the extension first, then record it.</source>
        <translation>请先告知投诉人延期情况，再予以记录。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="408" />
        <source>Complaint {number} is already extended.</source>
        <translation>投诉 {number} 已延期。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="423" />
        <source>A special extension follows a complex-case extension.</source>
        <translation>特别延期须在复杂案件延期之后申请。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="438" />
        <source>No special extension of {number} is waiting for approval.</source>
        <translation>投诉 {number} 没有待审批的特别延期。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="441" />
        <source>The handler cannot approve their own extension.</source>
        <translation>处理人不能审批自己的延期申请。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="461" />
        <source>The response</source>
        <translation>答复</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="463" />
        <source>The reply is only the template: write what the investigation found and what the bank will do.</source>
        <translation>答复仅有模板文字：请写明调查结果及我行的处理措施。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="468" />
        <source>The response must tell the customer the further channels; missing: {channels}.</source>
        <translation>答复须告知客户后续救济途径；缺少：{channels}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="481" />
        <source>The customer's reaction</source>
        <translation>客户反馈</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="482" />
        <source>The root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="483" />
        <source>The rectification</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="494" />
        <source>A reason to reopen</source>
        <translation>重新打开的理由</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="505" />
        <source>How the withdrawal was received</source>
        <translation>撤回投诉的接收方式</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="516" />
        <source>A reason to escalate</source>
        <translation>上报理由</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/complaints/handling.py" line="527" />
        <source>A fraud case is opened from an identity-theft complaint that names an application.</source>
        <translation>只有指明申请的冒名贷款/身份盗用投诉才能开立欺诈案件。</translation>
    </message>
</context>
<context>
    <name>ComplaintsModel</name>
    <message>
        <location filename="../../riskdesk/ui/complaints/model.py" line="20" />
        <source>Complaint no.</source>
        <translation>投诉编号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/model.py" line="21" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/model.py" line="22" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/model.py" line="23" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/model.py" line="24" />
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/model.py" line="25" />
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/model.py" line="26" />
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/model.py" line="27" />
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/model.py" line="28" />
        <source>Extension</source>
        <translation>延期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/model.py" line="29" />
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/model.py" line="67" />
        <source>overdue {n} d</source>
        <translation>已逾期 {n} 天</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/model.py" line="68" />
        <source>{n} d</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/model.py" line="70" />
        <source>replied late</source>
        <translation>超时答复</translation>
    </message>
</context>
<context>
    <name>ComplaintsTab</name>
    <message>
        <location filename="../../riskdesk/ui/complaints/tab.py" line="66" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/tab.py" line="67" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/tab.py" line="68" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/tab.py" line="70" />
        <location filename="../../riskdesk/ui/complaints/tab.py" line="77" />
        <source>{what}: any</source>
        <translation>{what}：全部</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/tab.py" line="77" />
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/tab.py" line="85" />
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/tab.py" line="85" />
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/tab.py" line="86" />
        <source>Due within {days} days</source>
        <translation>{days} 天内到期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/tab.py" line="88" />
        <source>Escalated</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/tab.py" line="98" />
        <source>Figures for</source>
        <translation>统计月份</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/tab.py" line="103" />
        <source>Register complaint...</source>
        <translation>登记投诉…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/tab.py" line="107" />
        <source>Import from call centre...</source>
        <translation>导入呼叫中心投诉…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/tab.py" line="111" />
        <source>Deadlines...</source>
        <translation>处理期限…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/tab.py" line="124" />
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/tab.py" line="140" />
        <source>Complaints: {n}</source>
        <translation>共 {n} 件投诉</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/tab.py" line="199" />
        <source>{file}: rows {total}, complaints registered {new}, already present {present}.</source>
        <translation>{file}：共 {total} 行，登记 {new} 件投诉，{present} 件已存在。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/tab.py" line="165" />
        <source>Complaints {month}: {received} received, {responded} replied; on time {on_time}; replied late {late}; extended {extended}; reopened {reopened}; overdue now {overdue}</source>
        <translation>{month} 投诉：受理 {received} 件，答复 {responded} 件；按时率 {on_time}；超时答复 {late} 件；延期率 {extended}；重开率 {reopened}；当前逾期 {overdue} 件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/tab.py" line="172" />
        <source>Open by category</source>
        <translation>未结投诉（按类别）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/tab.py" line="191" />
        <source>row {row}, column {column}, value "{value}": {reason}</source>
        <translation>第 {row} 行，列 {column}，值“{value}”：{reason}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/tab.py" line="194" />
        <location filename="../../riskdesk/ui/complaints/tab.py" line="204" />
        <source>Import refused</source>
        <translation>导入被拒绝</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/tab.py" line="195" />
        <source>{file}: nothing imported; {n} problem(s):</source>
        <translation>{file}：未导入任何内容；共 {n} 个问题：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/tab.py" line="198" />
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/tab.py" line="206" />
        <source>Importing {file}</source>
        <translation>正在导入 {file}</translation>
    </message>
</context>
<context>
    <name>DeadlinesDialog</name>
    <message>
        <location filename="../../riskdesk/ui/complaints/deadlines.py" line="19" />
        <source>Complaint deadlines</source>
        <translation>投诉处理期限</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/deadlines.py" line="23" />
        <source>Decide and notify within (days)</source>
        <translation>处理并告知期限（天）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/deadlines.py" line="24" />
        <source>Complex case, extended to (days)</source>
        <translation>复杂案件延长至（天）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/deadlines.py" line="25" />
        <source>Special extension, at most (days)</source>
        <translation>特别延期最长至（天）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/deadlines.py" line="31" />
        <source>Count working days (Monday to Friday; public holidays are not known)</source>
        <translation>按工作日计算（周一至周五；不含法定节假日信息）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/complaints/deadlines.py" line="44" />
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="23" />
        <source>Import applications</source>
        <translation>导入申请</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="24" />
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="290" />
        <source>Application files (*.csv *.xlsx);;All files (*)</source>
        <translation>申请文件 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="30" />
        <source>Attach an evidence file</source>
        <translation>添加证据文件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="31" />
        <source>Documents and images (*.pdf *.png *.jpg *.jpeg *.xlsx *.xls *.docx *.doc);;All files (*)</source>
        <translation>文档和图片 (*.pdf *.png *.jpg *.jpeg *.xlsx *.xls *.docx *.doc);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="44" />
        <source>Working</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="45" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="60" />
        <source>Save rejected rows as</source>
        <translation>被拒绝行另存为</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="61" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="66" />
        <source>Export the view as</source>
        <translation>将视图导出为</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/dialogs.py" line="67" />
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 文件 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>EmptyNote</name>
    <message>
        <location filename="../../riskdesk/ui/cases/queue_view.py" line="25" />
        <source>Clear filters and search</source>
        <translation>清除筛选和搜索</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/queue_view.py" line="34" />
        <source>No cases in “{view}” match {what}.</source>
        <translation>“{view}”中没有符合{what}的案件。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/queue_view.py" line="37" />
        <source>There are no cases in “{view}”.</source>
        <translation>“{view}”中没有案件。</translation>
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
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="157" />
        <location filename="../../riskdesk/domain/enums.py" line="325" />
        <source>opened the case</source>
        <translation>打开了案件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="158" />
        <source>changed a feature note</source>
        <translation>修改了特征说明</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="159" />
        <source>scoring run (scored, checked, opened the case)</source>
        <translation>评分运行（评分、规则校验、开立案件）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="160" />
        <source>claimed</source>
        <translation>领取</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="161" />
        <location filename="../../riskdesk/domain/enums.py" line="296" />
        <source>assigned</source>
        <translation>分派</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="162" />
        <source>added a note</source>
        <translation>添加了笔记</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="166" />
        <source>looked at unmasked personal data</source>
        <translation>查看了未脱敏的个人信息</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="167" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="168" />
        <source>bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="173" />
        <source>trained</source>
        <translation>已训练</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="174" />
        <source>proposed</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="175" />
        <source>active</source>
        <translation>生效中</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="176" />
        <source>retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="177" />
        <source>in shadow (challenger)</source>
        <translation>影子运行（挑战者）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="178" />
        <source>approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="179" />
        <source>review</source>
        <translation>人工审核</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="180" />
        <source>decline</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="181" />
        <source>automatic approval</source>
        <translation>自动批准</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="182" />
        <source>flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="183" />
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="184" />
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="185" />
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="186" />
        <source>pre-loan review</source>
        <translation>贷前审核</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="187" />
        <source>fraud</source>
        <translation>欺诈</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="188" />
        <source>post-loan</source>
        <translation>贷后</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="189" />
        <source>partner review</source>
        <translation>合作方审查</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="190" />
        <source>human review requested</source>
        <translation>客户申请人工复核</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="191" />
        <source>data incident</source>
        <translation>数据安全事件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="192" />
        <source>annual re-review</source>
        <translation>年度复审</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="193" />
        <source>new</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="194" />
        <source>in review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="195" />
        <source>pending information</source>
        <translation>待补充材料</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="196" />
        <source>escalated</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="197" />
        <source>awaiting check</source>
        <translation>待复核</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="198" />
        <source>returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="266" />
        <source>app</source>
        <translation>App</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="267" />
        <source>letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="268" />
        <source>in branch</source>
        <translation>网点</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="269" />
        <source>regulator referral</source>
        <translation>监管转办</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="270" />
        <source>collection conduct</source>
        <translation>催收行为</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="271" />
        <source>interest and fees</source>
        <translation>利息与费用</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="272" />
        <source>personal information and privacy</source>
        <translation>个人信息与隐私</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="273" />
        <source>unauthorised loan or identity theft</source>
        <translation>冒名贷款或身份盗用</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="274" />
        <source>service quality</source>
        <translation>服务质量</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="275" />
        <source>received</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="276" />
        <source>investigating</source>
        <translation>调查中</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="277" />
        <source>responded</source>
        <translation>已答复</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="278" />
        <source>withdrawn</source>
        <translation>已撤回投诉</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="279" />
        <source>accepted</source>
        <translation>接受</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="280" />
        <source>rejected</source>
        <translation>不接受</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="281" />
        <source>no answer</source>
        <translation>未回应</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="282" />
        <source>process gap</source>
        <translation>流程缺陷</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="283" />
        <source>system error</source>
        <translation>系统错误</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="284" />
        <source>staff conduct</source>
        <translation>员工行为</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="285" />
        <source>partner conduct</source>
        <translation>合作方行为</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="286" />
        <source>product design</source>
        <translation>产品设计</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="287" />
        <source>disclosure</source>
        <translation>信息披露</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="288" />
        <source>third-party fraud</source>
        <translation>第三方欺诈</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="289" />
        <source>no fault found</source>
        <translation>未发现过错</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="290" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="291" />
        <source>complex case (30 days)</source>
        <translation>复杂案件（30 天）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="292" />
        <source>special extension requested</source>
        <translation>已申请特别延期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="293" />
        <source>special extension (60 days)</source>
        <translation>特别延期（60 天）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="294" />
        <source>registered</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="295" />
        <source>started investigating</source>
        <translation>开始调查</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="297" />
        <source>extended (complex case)</source>
        <translation>延期（复杂案件）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="298" />
        <source>asked for a special extension</source>
        <translation>申请特别延期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="299" />
        <source>approved the special extension</source>
        <translation>批准特别延期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="300" />
        <source>replied</source>
        <translation>答复</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="302" />
        <source>reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="303" />
        <source>recorded the withdrawal</source>
        <translation>记录撤回投诉</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="304" />
        <source>escalated to compliance</source>
        <translation>上报合规</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="305" />
        <source>linked a fraud case</source>
        <translation>关联欺诈案件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="306" />
        <source>opened</source>
        <translation>开立</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="307" />
        <source>case audit report</source>
        <translation>案件审计报告</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="308" />
        <source>monthly compliance report</source>
        <translation>月度合规报告</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="309" />
        <source>model validation report</source>
        <translation>模型验证报告</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="314" />
        <source>normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="315" />
        <source>special mention</source>
        <translation>关注</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="316" />
        <source>substandard</source>
        <translation>次级</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="317" />
        <source>doubtful</source>
        <translation>可疑</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="318" />
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="319" />
        <source>out</source>
        <translation>转出</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="320" />
        <source>in</source>
        <translation>转入</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="321" />
        <source>transfer</source>
        <translation>转账</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="322" />
        <source>cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="323" />
        <source>cross-border</source>
        <translation>跨境</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="324" />
        <source>ran post-loan monitoring</source>
        <translation>运行了贷后监测</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="326" />
        <source>added an early warning</source>
        <translation>添加了预警</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="331" />
        <source>person</source>
        <translation>个人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="332" />
        <source>company</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="333" />
        <source>merchant</source>
        <translation>商户</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="334" />
        <source>own account</source>
        <translation>本人账户</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="335" />
        <source>loan</source>
        <translation>贷款</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="336" />
        <source>real estate</source>
        <translation>房地产</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="337" />
        <source>securities</source>
        <translation>证券</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="338" />
        <source>futures</source>
        <translation>期货</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="339" />
        <source>asset management</source>
        <translation>资产管理产品</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="340" />
        <source>equity investment</source>
        <translation>股权投资</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="345" />
        <source>sealed the audit head with the anchor key</source>
        <translation>用锚定密钥签封了审计链头</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="346" />
        <source>changed the post-loan thresholds</source>
        <translation>修改了贷后阈值</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="353" />
        <source>open</source>
        <translation>未关闭</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="354" />
        <source>exported an audit pack</source>
        <translation>导出了审计包</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="355" />
        <source>brought an audit finding back</source>
        <translation>导回了审计发现</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="356" />
        <source>followed up an audit finding</source>
        <translation>跟进了审计发现</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="359" />
        <source>exported a table</source>
        <translation>导出了表格</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="360" />
        <source>exported the case queue</source>
        <translation>导出了案件队列</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="365" />
        <source>platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="366" />
        <source>guarantor</source>
        <translation>担保机构</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="367" />
        <source>collection agency</source>
        <translation>催收机构</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="368" />
        <source>onboarding</source>
        <translation>准入中</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="369" />
        <source>suspended</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="370" />
        <source>exited</source>
        <translation>已退出</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="371" />
        <source>registered a partner</source>
        <translation>登记了合作方</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="372" />
        <source>recorded a due-diligence check</source>
        <translation>记录了尽职调查检查</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="373" />
        <source>changed a partner's status</source>
        <translation>变更了合作方状态</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="374" />
        <source>set the capital figures</source>
        <translation>设置了资本数据</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="377" />
        <source>added a list entry</source>
        <translation>添加了名单条目</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="378" />
        <source>loaded list entries from a file</source>
        <translation>从文件导入了名单条目</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="379" />
        <source>asked to remove a list entry</source>
        <translation>申请移出名单条目</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="380" />
        <source>approved a list entry's removal</source>
        <translation>批准移出名单条目</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="381" />
        <source>allowlist silenced a shared-key rule</source>
        <translation>白名单抑制了共用标识规则</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="386" />
        <source>continue monitoring</source>
        <translation>继续监测</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="387" />
        <source>contact the borrower</source>
        <translation>联系借款人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="388" />
        <source>request documents on the use of funds</source>
        <translation>要求提供资金用途证明材料</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="389" />
        <source>freeze the undrawn line</source>
        <translation>冻结未用额度</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="390" />
        <source>call the loan early</source>
        <translation>提前收回贷款</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="391" />
        <source>reclassify the loan</source>
        <translation>调整贷款五级分类</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="392" />
        <source>report suspicious activity</source>
        <translation>报告可疑交易</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="393" />
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="394" />
        <source>confirmed</source>
        <translation>已复核通过</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="395" />
        <source>sent back</source>
        <translation>已复核退回</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="396" />
        <source>text message</source>
        <translation>短信</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="397" />
        <source>visit</source>
        <translation>上门</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="398" />
        <source>promised to pay</source>
        <translation>承诺还款</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="399" />
        <source>refused to pay</source>
        <translation>拒绝还款</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="400" />
        <source>disputes the debt</source>
        <translation>对债务有异议</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="401" />
        <source>not reached</source>
        <translation>未联系上</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="402" />
        <source>took a post-loan action</source>
        <translation>采取了贷后处置措施</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="403" />
        <source>confirmed the post-loan action (four-eyes)</source>
        <translation>复核通过了贷后处置措施（双人复核）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="405" />
        <source>sent the post-loan action back</source>
        <translation>复核退回了贷后处置措施</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="410" />
        <source>model review</source>
        <translation>模型复审</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="411" />
        <source>keep the model</source>
        <translation>继续使用模型</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="412" />
        <source>recalibrate</source>
        <translation>重新校准</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="413" />
        <source>retrain</source>
        <translation>重新训练</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="414" />
        <source>retire the model</source>
        <translation>停用模型</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="415" />
        <source>closed the model review</source>
        <translation>结束了模型复审</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="163" />
        <location filename="../../riskdesk/domain/enums.py" line="199" />
        <source>decided</source>
        <translation>已决定</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="164" />
        <source>confirmed the decision (four-eyes)</source>
        <translation>复核通过了决定（双人复核）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="165" />
        <source>sent the decision back</source>
        <translation>复核退回了决定</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="200" />
        <location filename="../../riskdesk/domain/enums.py" line="301" />
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="201" />
        <source>identity</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="202" />
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="203" />
        <source>income</source>
        <translation>收入</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="204" />
        <source>employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="205" />
        <source>site visit</source>
        <translation>实地走访</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="206" />
        <source>credit bureau</source>
        <translation>征信</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="207" />
        <source>verified</source>
        <translation>已核实</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="208" />
        <source>discrepancy</source>
        <translation>有出入</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="209" />
        <source>unable to verify</source>
        <translation>无法核实</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="210" />
        <source>request information</source>
        <translation>要求补充材料</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="211" />
        <source>escalate</source>
        <translation>上报</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="351" />
        <source>in progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/enums.py" line="352" />
        <source>resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/evidence.py" line="26" />
        <source>attached an evidence file</source>
        <translation>添加了证据文件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/domain/evidence.py" line="27" />
        <source>opened an evidence file</source>
        <translation>查看了证据文件</translation>
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <location filename="../../riskdesk/services/cases/evidence.py" line="84" />
        <source>Name either a case or a complaint.</source>
        <translation>请指定一个案件或一条投诉（二者选一）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/evidence.py" line="105" />
        <source>Case {id} is {status}: files are attached to open cases only.</source>
        <translation>案件 {id} 状态为“{status}”：只能向未结案件添加附件。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/evidence.py" line="112" />
        <source>There is no complaint {id}.</source>
        <translation>不存在投诉 {id}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/evidence.py" line="114" />
        <source>Complaint {number} is {status}: files are attached to complaints not yet closed.</source>
        <translation>投诉 {number} 状态为“{status}”：只能向尚未关闭的投诉添加附件。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/evidence.py" line="127" />
        <source>Attaching a file needs a signed-in user.</source>
        <translation>添加附件需要已登录的用户。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/evidence.py" line="133" />
        <source>File {id} is not on this case or complaint: a new version supersedes a file of the same case or complaint.</source>
        <translation>文件 {id} 不属于此案件或投诉：新版本只能替代同一案件或投诉中的文件。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/evidence.py" line="139" />
        <source>File {id} is already superseded by file {later}: supersede the newest version.</source>
        <translation>文件 {id} 已被文件 {later} 替代：请替代最新版本。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/evidence.py" line="207" />
        <source>There is no evidence file {id}.</source>
        <translation>没有编号为 {id} 的证据文件。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/evidence.py" line="215" />
        <source>The bytes of {name} are not in this audit pack (a masked pack lists files by name, type and hash only).</source>
        <translation>本审计包不含 {name} 的文件内容（脱敏审计包只列出文件名、类型和哈希值）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/evidence.py" line="219" />
        <source>{name} is incomplete in the database ({n} of {m} pieces).</source>
        <translation>数据库中的 {name} 不完整（共 {m} 段，仅有 {n} 段）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/evidence.py" line="230" />
        <source>{name} does not match the SHA-256 recorded when it was attached.</source>
        <translation>{name} 与添加时记录的 SHA-256 不一致。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/evidence.py" line="248" />
        <source>Application {no} has no case.</source>
        <translation>申请 {no} 没有案件。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/evidence.py" line="251" />
        <source>Application {no} has {n} cases ({ids}): name one with --case.</source>
        <translation>申请 {no} 有 {n} 个案件（{ids}）：请用 --case 指定其中一个。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/evidence.py" line="144" />
        <source>The image cannot be read.</source>
        <translation>无法读取该图片。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/evidence.py" line="147" />
        <source>Legacy Excel (.xls) and Word (.doc) files are not previewed; the list shows their SHA-256.</source>
        <translation>旧版 Excel（.xls）和 Word（.doc）文件不提供预览；列表中显示其 SHA-256。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/office_preview.py" line="41" />
        <source>Only PDF, images and Excel (.xlsx) or Word (.docx) files are previewed; the list shows this file's SHA-256.</source>
        <translation>仅 PDF、图片及 Excel（.xlsx）或 Word（.docx）文件可预览；列表中显示该文件的 SHA-256。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/office_preview.py" line="47" />
        <source>{name} cannot be read: {error}</source>
        <translation>无法读取 {name}：{error}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/office_preview.py" line="88" />
        <source>the document is too large to preview</source>
        <translation>文档过大，无法预览</translation>
    </message>
</context>
<context>
    <name>EvidenceModel</name>
    <message>
        <location filename="../../riskdesk/ui/evidence.py" line="71" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/evidence.py" line="72" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/evidence.py" line="73" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/evidence.py" line="74" />
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/evidence.py" line="75" />
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/evidence.py" line="76" />
        <source>Added at</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/evidence.py" line="110" />
        <source>{name} (superseded)</source>
        <translation>{name}（已被取代）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/evidence.py" line="117" />
        <source>Superseded by file #{id}</source>
        <translation>已被文件 #{id} 取代</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/evidence.py" line="119" />
        <source>New version of file #{id}</source>
        <translation>文件 #{id} 的新版本</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/evidence.py" line="121" />
        <source>Not in this audit pack: listed by name, type and hash</source>
        <translation>本审计包不含此文件内容：仅列出文件名、类型和哈希值</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <location filename="../../riskdesk/ui/evidence.py" line="297" />
        <source>What the file is (optional)</source>
        <translation>文件说明（可选）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/evidence.py" line="298" />
        <source>Attach...</source>
        <translation>添加附件...</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/evidence.py" line="300" />
        <source>PDF, PNG, JPEG, Excel or Word, at most 20 MB; stored encrypted, its SHA-256 recorded in the audit trail</source>
        <translation>可添加 PDF、PNG、JPEG、Excel 或 Word 文件，最大 20 MB；加密存储，其 SHA-256 记入审计轨迹</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/evidence.py" line="302" />
        <source>New version...</source>
        <translation>新版本...</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/evidence.py" line="304" />
        <source>Attach a file that supersedes the chosen one; both are kept</source>
        <translation>添加一个取代所选文件的新版本；新旧版本均保留</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/evidence.py" line="305" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/evidence.py" line="295" />
        <location filename="../../riskdesk/ui/evidence.py" line="310" />
        <location filename="../../riskdesk/ui/evidence.py" line="324" />
        <source>Evidence files</source>
        <translation>证据文件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/evidence.py" line="370" />
        <source>Not attached</source>
        <translation>未添加</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/evidence.py" line="374" />
        <source>{name} is larger than 20 MB.</source>
        <translation>{name} 超过 20 MB。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/evidence.py" line="417" />
        <source>No preview</source>
        <translation>无法预览</translation>
    </message>
</context>
<context>
    <name>Feed</name>
    <message>
        <location filename="../../riskdesk/services/feed/files.py" line="147" />
        <source>The sequence to export after is 0 or more.</source>
        <translation>导出起点序号须为 0 或以上。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/feed/files.py" line="172" />
        <source>{file} cannot be read.</source>
        <translation>无法读取 {file}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/feed/files.py" line="178" />
        <source>The manifest {file} is missing or unreadable.</source>
        <translation>清单文件 {file} 不存在或无法读取。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/feed/files.py" line="183" />
        <source>This workstation's keyring holds no feed key: the seal cannot be checked.</source>
        <translation>本工作站的密钥环中没有决定回传密钥：无法核验封签。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/feed/files.py" line="187" />
        <source>The manifest's seal (HMAC) does not match: the manifest was changed or sealed with another key.</source>
        <translation>清单封签（HMAC）不符：清单已被改动，或由其他密钥封签。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/feed/files.py" line="190" />
        <source>The file's SHA-256 differs from its manifest: the file was changed.</source>
        <translation>文件的 SHA-256 与清单不符：文件已被改动。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/feed/files.py" line="199" />
        <source>The file is not a decision feed file.</source>
        <translation>该文件不是决定回传文件。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/feed/files.py" line="201" />
        <source>The file holds {n} records; its manifest says {m}.</source>
        <translation>文件含 {n} 条记录，清单记载为 {m} 条。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/feed/files.py" line="205" />
        <source>The file's sequences do not match the range its manifest gives.</source>
        <translation>文件中的序号与清单记载的范围不符。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/feed/files.py" line="226" />
        <source>{file}: “{cell}” is not a sequence number.</source>
        <translation>{file}：“{cell}”不是序号。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/feed/files.py" line="284" />
        <source>Warn after {low} to {high} hours.</source>
        <translation>预警时间须为 {low} 至 {high} 小时。</translation>
    </message>
</context>
<context>
    <name>FeedTab</name>
    <message>
        <location filename="../../riskdesk/ui/feed.py" line="97" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/feed.py" line="100" />
        <source>Origination reads the feed through its database view or the files of “riskdesk decisions export”, and acknowledges what it has taken.</source>
        <translation>进件系统通过数据库视图或“riskdesk decisions export”导出的文件读取决定回传数据，并对已接收的记录回执确认。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/feed.py" line="109" />
        <source>Not acknowledged by origination:</source>
        <translation>进件系统尚未回执：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/feed.py" line="115" />
        <source>Decision feed</source>
        <translation>决定回传</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/feed.py" line="120" />
        <source>Last sequence: {last}    Exported up to: {exported}    Acknowledged up to: {acked}    Not acknowledged: {open}</source>
        <translation>最新序号：{last}    已导出至：{exported}    已回执至：{acked}    未回执：{open}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/feed.py" line="125" />
        <source>{n} record(s) not acknowledged within {hours} hours.</source>
        <translation>{n} 条记录在 {hours} 小时内未获回执。</translation>
    </message>
</context>
<context>
    <name>FileTypes</name>
    <message>
        <location filename="../../riskdesk/security/filetypes.py" line="43" />
        <source>a Windows program (PE)</source>
        <translation>Windows 程序（PE）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/filetypes.py" line="44" />
        <source>a Linux program (ELF)</source>
        <translation>Linux 程序（ELF）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/filetypes.py" line="45" />
        <location filename="../../riskdesk/security/filetypes.py" line="46" />
        <location filename="../../riskdesk/security/filetypes.py" line="47" />
        <location filename="../../riskdesk/security/filetypes.py" line="48" />
        <source>a macOS program (Mach-O)</source>
        <translation>macOS 程序（Mach-O）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/filetypes.py" line="50" />
        <source>a macOS universal program or a Java class</source>
        <translation>macOS 通用程序或 Java 类文件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/filetypes.py" line="51" />
        <source>a script (it starts with #!)</source>
        <translation>脚本（以 #! 开头）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/filetypes.py" line="55" />
        <source>a RAR archive</source>
        <translation>RAR 压缩包</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/filetypes.py" line="56" />
        <source>a 7-Zip archive</source>
        <translation>7-Zip 压缩包</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/filetypes.py" line="57" />
        <source>a gzip archive</source>
        <translation>gzip 压缩包</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/filetypes.py" line="58" />
        <source>a bzip2 archive</source>
        <translation>bzip2 压缩包</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/filetypes.py" line="59" />
        <source>an xz archive</source>
        <translation>xz 压缩包</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/filetypes.py" line="60" />
        <source>a zstd archive</source>
        <translation>zstd 压缩包</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/filetypes.py" line="61" />
        <source>a cabinet archive</source>
        <translation>CAB 压缩包</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/filetypes.py" line="62" />
        <source>a tar archive</source>
        <translation>tar 归档文件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/filetypes.py" line="64" />
        <source>a zip archive</source>
        <translation>zip 压缩包</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/filetypes.py" line="65" />
        <source>an Office file with macros</source>
        <translation>含宏的 Office 文件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/filetypes.py" line="66" />
        <source>an Office document of another kind</source>
        <translation>其他类型的 Office 文档</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/filetypes.py" line="67" />
        <source>a compound file that is neither Word nor Excel (an installer, a mail, ...)</source>
        <translation>既非 Word 也非 Excel 的复合文件（安装程序、邮件等）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/filetypes.py" line="77" />
        <source>{name} is {what}: programs and scripts cannot be attached, whatever their name.</source>
        <translation>{name} 是{what}：无论文件名如何，程序和脚本都不能作为附件。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/filetypes.py" line="80" />
        <source>{name} is {what}: archives cannot be attached; attach the documents inside it one by one.</source>
        <translation>{name} 是{what}：压缩包不能作为附件，请将其中的文件逐个添加。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/filetypes.py" line="83" />
        <source>{name} is {what}: it cannot be attached.</source>
        <translation>{name} 是{what}，不能作为附件。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/filetypes.py" line="90" />
        <source>The file</source>
        <translation>该文件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/filetypes.py" line="92" />
        <source>{name} is empty.</source>
        <translation>{name} 是空文件。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/filetypes.py" line="94" />
        <source>{name} is {size:.1f} MB; evidence files may be at most 20 MB.</source>
        <translation>{name} 大小为 {size:.1f} MB；证据文件最大 20 MB。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/filetypes.py" line="113" />
        <source>{name} is not a PDF, PNG or JPEG image, or an Excel or Word file (by its content, whatever its name): it cannot be attached.</source>
        <translation>按文件内容判断（与文件名无关），{name} 不是 PDF、PNG 或 JPEG 图片、Excel 或 Word 文件，不能作为附件。</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../riskdesk/ui/cases/filters.py" line="44" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/filters.py" line="45" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/filters.py" line="46" />
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/filters.py" line="47" />
        <source>Band</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/filters.py" line="48" />
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/filters.py" line="49" />
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/filters.py" line="50" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/filters.py" line="55" />
        <source>{what}: any</source>
        <translation>{what}：全部</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/filters.py" line="57" />
        <source>{what}: {value}</source>
        <translation>{what}：{value}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/filters.py" line="63" />
        <source>Submitted</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/filters.py" line="75" />
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/filters.py" line="97" />
        <source>submitted {start} to {end}</source>
        <translation>提交于 {start} 至 {end}</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <location filename="../../riskdesk/services/audit/findings.py" line="43" />
        <source>Severity is one of: {s}.</source>
        <translation>严重程度应为以下之一：{s}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/findings.py" line="46" />
        <source>A finding needs its text.</source>
        <translation>审计发现须填写内容。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/findings.py" line="48" />
        <source>A finding's text is at most 4,000 characters and its recommendation 2,000.</source>
        <translation>审计发现内容最多 4,000 字，建议最多 2,000 字。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/findings.py" line="51" />
        <source>Say what the finding is on: a case, a complaint or the month.</source>
        <translation>请说明审计发现针对的对象：案件、投诉或该月份。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/findings.py" line="102" />
        <source>{file} is refused: {why}</source>
        <translation>{file} 被拒绝：{why}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/findings.py" line="141" />
        <source>Status is one of: {s}.</source>
        <translation>状态应为以下之一：{s}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/findings.py" line="144" />
        <source>Say what was done (the follow-up note).</source>
        <translation>请说明采取了什么措施（跟进说明）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/findings.py" line="147" />
        <source>There is no finding {id}.</source>
        <translation>没有审计发现 {id}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/findings.py" line="162" />
        <source>Finding {id} was changed by someone else.</source>
        <translation>审计发现 {id} 已被他人修改。</translation>
    </message>
</context>
<context>
    <name>FindingsTab</name>
    <message>
        <location filename="../../riskdesk/ui/findings.py" line="43" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/findings.py" line="43" />
        <location filename="../../riskdesk/ui/findings.py" line="82" />
        <source>On</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/findings.py" line="43" />
        <location filename="../../riskdesk/ui/findings.py" line="84" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/findings.py" line="43" />
        <location filename="../../riskdesk/ui/findings.py" line="85" />
        <source>Finding</source>
        <translation>发现</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/findings.py" line="44" />
        <location filename="../../riskdesk/ui/findings.py" line="86" />
        <source>Recommendation</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/findings.py" line="44" />
        <source>Auditor</source>
        <translation>审计人员</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/findings.py" line="44" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/findings.py" line="49" />
        <source>Findings</source>
        <translation>审计发现</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/findings.py" line="54" />
        <source>What is wrong, with the evidence</source>
        <translation>存在的问题及证据</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/findings.py" line="57" />
        <source>Case (application no. or case id)</source>
        <translation>案件（申请编号或案件编号）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/findings.py" line="58" />
        <source>Complaint (id)</source>
        <translation>投诉（编号）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/findings.py" line="59" />
        <source>The month (YYYY-MM)</source>
        <translation>该月份（YYYY-MM）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/findings.py" line="67" />
        <source>What was done about it</source>
        <translation>采取的措施</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/findings.py" line="68" />
        <source>Add finding</source>
        <translation>添加审计发现</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/findings.py" line="70" />
        <source>Save follow-up</source>
        <translation>保存跟进</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/findings.py" line="111" />
        <source>case {id}</source>
        <translation>案件 {id}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/findings.py" line="113" />
        <source>complaint {id}</source>
        <translation>投诉 {id}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/findings.py" line="114" />
        <source>month {m}</source>
        <translation>月份 {m}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/findings.py" line="124" />
        <source>A complaint is named by its id (a number).</source>
        <translation>投诉以其编号（数字）标识。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/findings.py" line="128" />
        <source>There is no case {ref} in this pack.</source>
        <translation>本审计包中没有案件 {ref}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/findings.py" line="137" />
        <source>Not added</source>
        <translation>未添加</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/findings.py" line="150" />
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../riskdesk/ui/signin.py" line="93" />
        <source>Create the administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/signin.py" line="83" />
        <source>This database has no users yet. Create the first administrator; the administrator then adds the other users.</source>
        <translation>此数据库尚无用户。请创建第一位管理员，之后由管理员添加其他用户。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/signin.py" line="86" />
        <source>There is no database at {db} yet: creating its first administrator creates it.</source>
        <translation>{db} 处尚无数据库：创建首位管理员时将新建该数据库。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/signin.py" line="88" />
        <source>The database {db} has no users yet.</source>
        <translation>数据库 {db} 尚无任何用户。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/signin.py" line="89" />
        <source>Create the first administrator; the administrator then adds the other users. To try riskdesk on demo data instead, cancel and run `riskdesk demo`: it builds the demo database and makes it the default.</source>
        <translation>请创建首位管理员，再由管理员添加其他用户。如需先用演示数据试用 riskdesk，请取消并运行 `riskdesk demo`：该命令将建立演示数据库并将其设为默认数据库。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/signin.py" line="98" />
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/signin.py" line="93" />
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/signin.py" line="102" />
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>FlowTimeline</name>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_window.py" line="61" />
        <source>No fund flows</source>
        <translation>没有资金流水</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_window.py" line="70" />
        <source>day {n}</source>
        <translation>第 {n} 天</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <location filename="../../riskdesk/services/intake/reader.py" line="72" />
        <source>The file is neither UTF-8 nor GBK/GB18030 text (line {line}: undecodable byte at offset {offset}).</source>
        <translation>文件既不是 UTF-8 也不是 GBK/GB18030 文本（第 {line} 行，第 {offset} 字节无法解码）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/reader.py" line="100" />
        <source>The file is not valid {encoding}: line {line} holds bytes of another encoding (offset {offset}). Save the whole file in one encoding (UTF-8 or GBK).</source>
        <translation>文件不是有效的 {encoding} 文本：第 {line} 行含有其他编码的字节（第 {offset} 字节）。请将整个文件保存为同一种编码（UTF-8 或 GBK）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/reader.py" line="104" />
        <source>The file mixes encodings: line {line} is not UTF-8 while line {other} is. Save the whole file in one encoding (UTF-8 or GBK).</source>
        <translation>文件混用了多种编码：第 {line} 行不是 UTF-8，而第 {other} 行是。请将整个文件保存为同一种编码（UTF-8 或 GBK）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/reader.py" line="120" />
        <source>row {row} (line {line}): expected {expected} fields, found {found}</source>
        <translation>第 {row} 条记录（第 {line} 行）：应有 {expected} 个字段，实有 {found} 个</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/reader.py" line="154" />
        <source>The file contains NUL bytes; it is not a CSV text file.</source>
        <translation>文件含有空字节，不是 CSV 文本文件。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/reader.py" line="164" />
        <source>{n} rows do not have as many fields as the header; nothing was imported:</source>
        <translation>{n} 条记录的字段数与表头不符，未导入任何数据：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/reader.py" line="172" />
        <location filename="../../riskdesk/services/intake/reader.py" line="194" />
        <location filename="../../riskdesk/services/intake/reader.py" line="308" />
        <source>The file is empty.</source>
        <translation>文件为空。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/reader.py" line="137" />
        <location filename="../../riskdesk/services/intake/reader.py" line="175" />
        <source>The file is not a well-formed CSV table: {error}</source>
        <translation>文件不是格式正确的 CSV 表格：{error}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/reader.py" line="189" />
        <source>The Excel workbook cannot be read: {error}</source>
        <translation>无法读取 Excel 工作簿：{error}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/reader.py" line="215" />
        <source>the cell is a number in Excel, which keeps only 15 digits and drops leading zeros; format the column as text and enter the values again</source>
        <translation>该单元格在 Excel 中为数值格式，只保留 15 位有效数字并会丢失前导零；请将该列设置为文本格式后重新录入</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/reader.py" line="263" />
        <source>Columns "{a}" and "{b}" both mean {name}; keep one.</source>
        <translation>列“{a}”和“{b}”都表示 {name}，请只保留一列。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/reader.py" line="264" />
        <source>(columns {first} and {second} of the header)</source>
        <translation>（表头第 {first} 列和第 {second} 列）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/reader.py" line="273" />
        <source>Required column(s) missing: {columns}. See docs/import-format.md for accepted headers.</source>
        <translation>缺少必需的列：{columns}。可接受的表头见 docs/import-format.md。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/reader.py" line="297" />
        <source>{file} is {mb:,} MB; files above {limit:,} MB are refused. Split it into smaller files (each lands whole or not at all).</source>
        <translation>{file} 大小为 {mb:,} MB；超过 {limit:,} MB 的文件不予导入。请拆分为较小的文件（每个文件整体导入或完全不导入）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/reader.py" line="304" />
        <source>Cannot read {file}: {error}</source>
        <translation>无法读取 {file}：{error}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/applications.py" line="120" />
        <source>row {row}, column {column}, value "{value}": {reason}</source>
        <translation>第 {row} 行，列 {column}，值“{value}”：{reason}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/applications.py" line="125" />
        <location filename="../../riskdesk/services/intake/reader.py" line="146" />
        <source>... and {n} more problems</source>
        <translation>……另有 {n} 个问题</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/applications.py" line="141" />
        <source>Reading {file}</source>
        <translation>正在读取 {file}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/applications.py" line="187" />
        <source>Checking {n} rows</source>
        <translation>正在校验 {n} 行</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/applications.py" line="198" />
        <source>Comparing with stored applications</source>
        <translation>正在与已存申请比对</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/applications.py" line="222" />
        <source>Saving</source>
        <translation>正在保存</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/applications.py" line="232" />
        <source>{n} problems in {rows} rows</source>
        <translation>{rows} 行中有 {n} 个问题</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/applications.py" line="241" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/applications.py" line="257" />
        <source>Scoring the new applications</source>
        <translation>正在为新申请评分</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/applications.py" line="282" />
        <source>no such partner in the register</source>
        <translation>合作方名录中无此合作方</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/applications.py" line="295" />
        <source>conflict:</source>
        <translation>冲突：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/applications.py" line="338" />
        <source>stored and file values differ</source>
        <translation>库中值与文件值不同</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/applications.py" line="342" />
        <source>application {no} is already stored with a different {field}</source>
        <translation>申请 {no} 已入库，但 {field} 不同</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/applications.py" line="366" />
        <source>this ID number is stored under a different name</source>
        <translation>此身份证号在库中对应另一个姓名</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/applications.py" line="406" />
        <source>Rebuilding the indexes</source>
        <translation>正在重建索引</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/applications.py" line="440" />
        <source>Writing applications</source>
        <translation>正在写入申请</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/applications.py" line="411" />
        <source>{n} new, {p} already present, {r} rejected</source>
        <translation>新增 {n} 条，已存在 {p} 条，拒绝 {r} 条</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/validate.py" line="87" />
        <location filename="../../riskdesk/services/intake/validate.py" line="94" />
        <source>not a whole number</source>
        <translation>不是整数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/validate.py" line="88" />
        <location filename="../../riskdesk/services/intake/validate.py" line="89" />
        <source>not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/validate.py" line="100" />
        <source>more than {n} decimal places</source>
        <translation>小数位超过 {n} 位</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/validate.py" line="104" />
        <source>must be greater than {min:g}</source>
        <translation>必须大于 {min:g}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/validate.py" line="105" />
        <source>must be at least {min:g}</source>
        <translation>不能小于 {min:g}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/validate.py" line="110" />
        <source>must be at most {max:g}</source>
        <translation>不能大于 {max:g}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/validate.py" line="139" />
        <source>not a date (expected YYYY-MM-DD)</source>
        <translation>不是日期（应为 YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/validate.py" line="141" />
        <source>not a date and time (expected YYYY-MM-DD HH:MM:SS)</source>
        <translation>不是日期时间（应为 YYYY-MM-DD HH:MM:SS）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/validate.py" line="151" />
        <source>lies in the future</source>
        <translation>晚于当前时间</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/validate.py" line="153" />
        <source>before the year 2000</source>
        <translation>早于 2000 年</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/validate.py" line="161" />
        <source>not an 18-character ID number (17 digits and a digit or X)</source>
        <translation>不是 18 位身份证号（17 位数字加一位数字或 X）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/validate.py" line="164" />
        <source>ID number check digit is wrong</source>
        <translation>身份证号校验位错误</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/validate.py" line="169" />
        <source>the birth date in the ID number is not valid</source>
        <translation>身份证号中的出生日期无效</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/validate.py" line="212" />
        <source>required value is missing</source>
        <translation>缺少必填值</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/validate.py" line="228" />
        <source>unknown value; expected one of: {values}</source>
        <translation>未知取值；应为以下之一：{values}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/validate.py" line="237" />
        <source>not a mainland mobile number (11 digits starting with 1)</source>
        <translation>不是大陆手机号（以 1 开头的 11 位数字）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/validate.py" line="243" />
        <source>not a bank card number (12 to 19 digits)</source>
        <translation>不是银行卡号（12 至 19 位数字）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/validate.py" line="252" />
        <source>not an IPv4 or IPv6 address</source>
        <translation>不是 IPv4 或 IPv6 地址</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/validate.py" line="256" />
        <source>longer than {n} characters</source>
        <translation>超过 {n} 个字符</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/validate.py" line="260" />
        <source>may contain only letters, digits and - _ . /</source>
        <translation>只能包含字母、数字和 - _ . /</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/validate.py" line="272" />
        <source>duplicate application number; first seen in row {row}</source>
        <translation>申请编号重复；首次出现在第 {row} 行</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/validate.py" line="278" />
        <source>differs from the birth date in the ID number</source>
        <translation>与身份证号中的出生日期不一致</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/validate.py" line="288" />
        <source>same ID number as row {row} but a different name</source>
        <translation>与第 {row} 行身份证号相同但姓名不同</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/cells.py" line="37" />
        <source>contains a bidirectional-override character ({code}), which can make the text display other than it reads</source>
        <translation>含有双向文字控制字符（{code}），会使文字的显示顺序与实际内容不符</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/cells.py" line="39" />
        <source>contains a control character ({code}); remove line breaks, tabs and control characters</source>
        <translation>含有控制字符（{code}）；请删除换行符、制表符和控制字符</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/cells.py" line="99" />
        <source>an ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/cells.py" line="100" />
        <source>a mobile number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/cells.py" line="101" />
        <source>a card number</source>
        <translation>银行卡号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/cells.py" line="144" />
        <source>looks like {what}; personal data does not belong in this column</source>
        <translation>疑似{what}；个人信息不应填写在此列</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/cells.py" line="195" />
        <source>misplaced thousands separator (write 5,000,000 or 5000000)</source>
        <translation>千位分隔符位置错误（应写作 5,000,000 或 5000000）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/cells.py" line="250" />
        <source>has no time zone while row {row} has one: write every time in this column with its zone or every time without</source>
        <translation>未注明时区，而第 {row} 行注明了时区：此列的时间应全部注明时区或全部不注明</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/cells.py" line="256" />
        <source>not a time zone (expected Z or an offset such as +08:00)</source>
        <translation>时区无效（应为 Z 或 +08:00 这样的时差）</translation>
    </message>
</context>
<context>
    <name>ImportProblemsDialog</name>
    <message>
        <location filename="../../riskdesk/ui/import_problems.py" line="48" />
        <source>Import refused</source>
        <translation>导入被拒绝</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/import_problems.py" line="52" />
        <source>{file} was refused and nothing was imported: {n} problem(s) in {rows} of {total} rows. Correct the file and import it again, or import only the valid rows: the others then go to a rejects file with their reasons.</source>
        <translation>{file} 被拒绝，未导入任何数据：{total} 行中有 {rows} 行共 {n} 个问题。请修正文件后重新导入，或只导入有效行：其余行将连同原因写入拒绝文件。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/import_problems.py" line="64" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/import_problems.py" line="65" />
        <source>Import valid rows only...</source>
        <translation>只导入有效行…</translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <location filename="../../riskdesk/security/datakey.py" line="73" />
        <source>A stored value cannot be decrypted with the data keys this computer holds (another key, or a value moved from another column).</source>
        <translation>已存储的值无法用本机持有的数据密钥解密（密钥不同，或该值来自其他列）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/datakey.py" line="91" />
        <source>A stored file cannot be decrypted with the data keys this computer holds (another key, or a file moved from another record).</source>
        <translation>已存储的文件无法用本机持有的数据密钥解密（密钥不同，或文件是从其他记录移来的）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/datakey.py" line="130" />
        <source>The OS keyring cannot be read: {error}</source>
        <translation>无法读取操作系统密钥环：{error}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/datakey.py" line="143" />
        <source>The OS keyring cannot store the data key: {error}</source>
        <translation>操作系统密钥环无法保存数据密钥：{error}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/datakey.py" line="162" />
        <source>Data key {key_id} is not in this computer's keyring. Restore it from the escrow copy with `riskdesk key import` (see docs/keys.md); without it encrypted personal data cannot be read.</source>
        <translation>本机密钥环中没有数据密钥 {key_id}。请用 `riskdesk key import` 从托管副本恢复（见 docs/keys.md）；没有它，加密的个人信息无法读取。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/datakey.py" line="204" />
        <source>This database has no active data key.</source>
        <translation>此数据库没有启用的数据密钥。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/datakey.py" line="206" />
        <source>This database has no data key yet.</source>
        <translation>此数据库还没有数据密钥。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/security/datakey.py" line="176" />
        <source>The keyring holds a different key under the id {key_id} than the one this database was encrypted with.</source>
        <translation>密钥环中编号 {key_id} 的密钥与加密此数据库所用的密钥不同。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/audit/keys.py" line="118" />
        <source>Re-encrypting: {n} values left</source>
        <translation>正在重新加密：剩余 {n} 条</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../riskdesk/i18n.py" line="83" />
        <source>en</source>
        <translation>zh</translation>
    </message>
</context>
<context>
    <name>Lists</name>
    <message>
        <location filename="../../riskdesk/i18n.py" line="71" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../riskdesk/i18n.py" line="77" />
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/lists/bulk.py" line="85" />
        <source>The list must be black or allow, not {v}.</source>
        <translation>名单应为 black（黑名单）或 allow（白名单），而不是 {v}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/lists/bulk.py" line="111" />
        <source>the same value as row {row}</source>
        <translation>与第 {row} 行的值相同</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/lists/bulk.py" line="116" />
        <source>Checked {n} rows</source>
        <translation>已检查 {n} 行</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/lists/bulk.py" line="165" />
        <source>unknown kind; expected one of: id_no, phone, card, device</source>
        <translation>未知类型；应为 id_no、phone、card、device 之一</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/lists/bulk.py" line="168" />
        <source>the reason is missing</source>
        <translation>缺少原因</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/lists/bulk.py" line="174" />
        <source>not a date (write 2027-06-30)</source>
        <translation>不是日期（请写作 2027-06-30）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/lists/entries.py" line="46" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/lists/entries.py" line="47" />
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/lists/entries.py" line="48" />
        <source>bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/lists/entries.py" line="49" />
        <source>device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/lists/entries.py" line="51" />
        <source>blacklist</source>
        <translation>黑名单</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/lists/entries.py" line="52" />
        <source>allowlist</source>
        <translation>白名单</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/lists/entries.py" line="54" />
        <source>active</source>
        <translation>生效中</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/lists/entries.py" line="55" />
        <source>expired</source>
        <translation>已到期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/lists/entries.py" line="56" />
        <source>removal pending</source>
        <translation>待批准移出</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/lists/entries.py" line="57" />
        <source>removed</source>
        <translation>已移出</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/lists/entries.py" line="84" />
        <source>{what} must be one of: {choices} (not {value}).</source>
        <translation>{what}应为以下之一：{choices}（而不是 {value}）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/lists/entries.py" line="92" />
        <location filename="../../riskdesk/services/lists/entries.py" line="187" />
        <location filename="../../riskdesk/services/lists/entries.py" line="304" />
        <source>The kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/lists/entries.py" line="97" />
        <source>not an ID number (17 digits and a digit or X)</source>
        <translation>不是身份证号（17 位数字加 1 位数字或 X）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/lists/entries.py" line="102" />
        <source>not a mainland mobile number (11 digits starting with 1)</source>
        <translation>不是大陆手机号（以 1 开头的 11 位数字）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/lists/entries.py" line="108" />
        <source>not a bank card number (12 to 19 digits)</source>
        <translation>不是银行卡号（12 至 19 位数字）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/lists/entries.py" line="116" />
        <source>a device ID has 1 to 64 characters</source>
        <translation>设备号应为 1 至 64 个字符</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/lists/entries.py" line="163" />
        <location filename="../../riskdesk/services/lists/entries.py" line="186" />
        <location filename="../../riskdesk/services/lists/entries.py" line="307" />
        <source>The list</source>
        <translation>名单</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/lists/entries.py" line="208" />
        <source>Give the reason for listing the value.</source>
        <translation>请填写列入名单的原因。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/lists/entries.py" line="210" />
        <source>The expiry date has passed.</source>
        <translation>到期日已过。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/lists/entries.py" line="212" />
        <source>{value} is already on the {list} (entry {id}).</source>
        <translation>{value} 已在{list}中（条目 {id}）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/lists/entries.py" line="229" />
        <source>There is no list entry {id}.</source>
        <translation>没有名单条目 {id}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/lists/entries.py" line="238" />
        <location filename="../../riskdesk/services/lists/entries.py" line="266" />
        <source>Entry {id} was removed already.</source>
        <translation>名单条目 {id} 已移出。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/lists/entries.py" line="241" />
        <source>The removal of entry {id} already waits for approval (asked by {user}).</source>
        <translation>名单条目 {id} 的移出申请已在等待批准（申请人：{user}）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/lists/entries.py" line="245" />
        <source>Give the reason for removing the entry.</source>
        <translation>请填写移出名单的原因。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/lists/entries.py" line="269" />
        <source>Nobody asked to remove entry {id}: ask first (riskdesk lists remove).</source>
        <translation>尚无人申请移出名单条目 {id}：请先提出申请（riskdesk lists remove）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/lists/entries.py" line="272" />
        <source>{user} asked for this removal: a second user approves it.</source>
        <translation>{user} 提出了此移出申请：须由另一名用户批准。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/lists_tab.py" line="93" />
        <source>{status} (asked by {user})</source>
        <translation>{status}（申请人：{user}）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/lists_tab.py" line="97" />
        <source>manual</source>
        <translation>手工录入</translation>
    </message>
</context>
<context>
    <name>ListsModel</name>
    <message>
        <location filename="../../riskdesk/ui/lists_tab.py" line="40" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/lists_tab.py" line="41" />
        <source>List</source>
        <translation>名单</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/lists_tab.py" line="42" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/lists_tab.py" line="43" />
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/lists_tab.py" line="44" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/lists_tab.py" line="45" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/lists_tab.py" line="46" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/lists_tab.py" line="47" />
        <source>Expires</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/lists_tab.py" line="48" />
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/lists_tab.py" line="49" />
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
</context>
<context>
    <name>ListsTab</name>
    <message>
        <location filename="../../riskdesk/ui/lists_tab.py" line="110" />
        <source>Find a value: ID number, phone, card or device</source>
        <translation>查找：身份证号、手机号、银行卡号或设备号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/lists_tab.py" line="112" />
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/lists_tab.py" line="113" />
        <source>Both lists</source>
        <translation>黑白名单</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/lists_tab.py" line="114" />
        <source>Removed too</source>
        <translation>含已移出</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/lists_tab.py" line="115" />
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/lists_tab.py" line="128" />
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/lists_tab.py" line="130" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/lists_tab.py" line="131" />
        <source>Expires on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/lists_tab.py" line="136" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/lists_tab.py" line="136" />
        <source>Load file...</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/lists_tab.py" line="137" />
        <source>Ask to remove</source>
        <translation>申请移出</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/lists_tab.py" line="137" />
        <source>Approve removal</source>
        <translation>批准移出</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/lists_tab.py" line="188" />
        <source>Not shown</source>
        <translation>未显示</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/lists_tab.py" line="194" />
        <source>{n} entries</source>
        <translation>{n} 个条目</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/lists_tab.py" line="199" />
        <location filename="../../riskdesk/ui/lists_tab.py" line="212" />
        <location filename="../../riskdesk/ui/lists_tab.py" line="218" />
        <location filename="../../riskdesk/ui/lists_tab.py" line="223" />
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/lists_tab.py" line="199" />
        <source>Select an entry first.</source>
        <translation>请先选择一个名单条目。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/lists_tab.py" line="228" />
        <source>Load list entries</source>
        <translation>导入名单条目</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/lists_tab.py" line="229" />
        <source>List files (*.csv *.xlsx);;All files (*)</source>
        <translation>名单文件 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/lists_tab.py" line="241" />
        <location filename="../../riskdesk/ui/lists_tab.py" line="247" />
        <source>Not loaded</source>
        <translation>未导入</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/lists_tab.py" line="244" />
        <source>Row {row}, {column} "{value}": {reason}</source>
        <translation>第 {row} 行，{column}“{value}”：{reason}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/lists_tab.py" line="248" />
        <source>{file}: nothing loaded, {n} problem(s):</source>
        <translation>{file}：未导入任何条目，共 {n} 个问题：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/lists_tab.py" line="251" />
        <source>Loaded</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/lists_tab.py" line="251" />
        <source>{file}: {n} entries added.</source>
        <translation>{file}：已添加 {n} 个条目。</translation>
    </message>
</context>
<context>
    <name>LoanDialog</name>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_window.py" line="85" />
        <source>Loan {no}</source>
        <translation>借据 {no}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_window.py" line="89" />
        <source>{no}: principal {principal}, {term} months at {apr} %, {kind}; disbursed {at}. Standing {as_of}: {dpd} days past due, {category}, balance {balance}, overdue {overdue}.</source>
        <translation>{no}：本金 {principal}，{term} 个月，年化利率 {apr}%，{kind}；放款时间 {at}。截至 {as_of}：逾期 {dpd} 天，{category}，余额 {balance}，逾期金额 {overdue}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_window.py" line="102" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_window.py" line="102" />
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_window.py" line="103" />
        <source>Paid on</source>
        <translation>实还日</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_window.py" line="111" />
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_window.py" line="111" />
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_window.py" line="112" />
        <source>Days past due</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_window.py" line="112" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_window.py" line="118" />
        <source>After disbursement</source>
        <translation>放款后</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_window.py" line="118" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_window.py" line="119" />
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_window.py" line="119" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_window.py" line="120" />
        <source>Merchant category</source>
        <translation>商户类别</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_window.py" line="102" />
        <source>Amount due (CNY)</source>
        <translation>应还金额（元）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_window.py" line="103" />
        <source>Principal (CNY)</source>
        <translation>本金（元）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_window.py" line="104" />
        <source>Paid (CNY)</source>
        <translation>实还金额（元）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_window.py" line="113" />
        <source>Balance (CNY)</source>
        <translation>余额（元）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_window.py" line="113" />
        <source>Overdue (CNY)</source>
        <translation>逾期金额（元）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_window.py" line="119" />
        <source>Amount (CNY)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_window.py" line="120" />
        <source>Counterparty</source>
        <translation>交易对手</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_window.py" line="120" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_window.py" line="133" />
        <source>Detected</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_window.py" line="133" />
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_window.py" line="134" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_window.py" line="134" />
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_window.py" line="136" />
        <source>Schedule and repayments</source>
        <translation>还款计划与还款</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_window.py" line="137" />
        <source>Days past due by month</source>
        <translation>逐月逾期天数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_window.py" line="138" />
        <source>Fund flows</source>
        <translation>资金流水</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_window.py" line="139" />
        <source>Early warnings</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_window.py" line="148" />
        <source>{h} h</source>
        <translation>{h} 小时</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_window.py" line="149" />
        <source>{d} days</source>
        <translation>{d} 天</translation>
    </message>
</context>
<context>
    <name>LoanImport</name>
    <message>
        <location filename="../../riskdesk/services/intake/loans.py" line="140" />
        <source>Cannot tell what this file holds: a loan file has loan_no and application_no, a repayment file instalment_no, a fund-flow file flow_no.</source>
        <translation>无法判断文件内容：借据文件含 loan_no 和 application_no，还款文件含 instalment_no，资金流水文件含 flow_no。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/loans.py" line="159" />
        <source>The {kind} file lacks the columns: {names}.</source>
        <translation>{kind} 文件缺少列：{names}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/loans.py" line="208" />
        <source>not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/loans.py" line="211" />
        <source>must be above zero</source>
        <translation>必须大于零</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/loans.py" line="212" />
        <source>must not be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/loans.py" line="215" />
        <source>above {top}</source>
        <translation>超过 {top}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/loans.py" line="227" />
        <source>not a date (expected YYYY-MM-DD)</source>
        <translation>不是日期（应为 YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/loans.py" line="239" />
        <source>not a date and time (expected YYYY-MM-DD HH:MM)</source>
        <translation>不是日期时间（应为 YYYY-MM-DD HH:MM）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/loans.py" line="252" />
        <source>not a whole number</source>
        <translation>不是整数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/loans.py" line="255" />
        <source>must be between {low} and {high}</source>
        <translation>必须在 {low} 到 {high} 之间</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/loans.py" line="309" />
        <source>same as row {row}</source>
        <translation>与第 {row} 行重复</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/loans.py" line="357" />
        <source>Checking loans</source>
        <translation>正在检查借据</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/loans.py" line="284" />
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/loans.py" line="287" />
        <source>longer than {n} characters</source>
        <translation>超过 {n} 个字符</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/loans.py" line="384" />
        <source>no such application</source>
        <translation>没有此申请</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/loans.py" line="386" />
        <source>the application was not approved (automatically or by a final officer decision)</source>
        <translation>该申请未获批准（既非自动通过，也无审查员的最终批准）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/loans.py" line="400" />
        <source>no such partner in the register</source>
        <translation>合作方名录中无此合作方</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/loans.py" line="404" />
        <source>a partner share needs the partner (partner_code)</source>
        <translation>合作方出资比例须同时给出合作方（partner_code）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/loans.py" line="407" />
        <source>one of: {choices}</source>
        <translation>应为以下之一：{choices}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/loans.py" line="417" />
        <location filename="../../riskdesk/services/intake/loans.py" line="557" />
        <source>already imported with different content</source>
        <translation>已以不同内容导入</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/loans.py" line="421" />
        <source>already has a loan</source>
        <translation>已有借据</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/loans.py" line="437" />
        <source>Checking repayments</source>
        <translation>正在检查还款</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/loans.py" line="458" />
        <location filename="../../riskdesk/services/intake/loans.py" line="526" />
        <source>no such loan</source>
        <translation>无此借据</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/loans.py" line="469" />
        <source>a payment needs its date</source>
        <translation>还款须有日期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/loans.py" line="472" />
        <source>more than the amount due</source>
        <translation>超过应还金额</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/loans.py" line="482" />
        <source>instalment {n} was imported with another due date or amount</source>
        <translation>第 {n} 期已以不同的应还日或金额导入</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/loans.py" line="503" />
        <source>Checking fund flows</source>
        <translation>正在检查资金流水</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/loans.py" line="531" />
        <source>out or in</source>
        <translation>应为 out（转出）或 in（转入）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/loans.py" line="534" />
        <source>transfer, cash or cross_border</source>
        <translation>应为 transfer（转账）、cash（现金）或 cross_border（跨境）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/loans.py" line="537" />
        <source>four digits</source>
        <translation>应为四位数字</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/intake/loans.py" line="540" />
        <source>not an account number</source>
        <translation>不是账号</translation>
    </message>
</context>
<context>
    <name>LoanListDialog</name>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_list.py" line="33" />
        <source>Loan</source>
        <translation>贷款</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_list.py" line="33" />
        <source>Start</source>
        <translation>起始日</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_list.py" line="33" />
        <source>Principal (CNY)</source>
        <translation>本金（元）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_list.py" line="34" />
        <source>Days past due</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_list.py" line="34" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_list.py" line="34" />
        <source>Balance (CNY)</source>
        <translation>余额（元）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_list.py" line="35" />
        <source>Overdue (CNY)</source>
        <translation>逾期金额（元）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_list.py" line="47" />
        <source>One loan. Double-click it to open it.</source>
        <translation>共 1 笔贷款，双击打开。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_list.py" line="49" />
        <source>{n} loans. Double-click a loan to open it.</source>
        <translation>共 {n} 笔贷款，双击某笔贷款打开。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/loan_list.py" line="52" />
        <source>No loans.</source>
        <translation>没有贷款。</translation>
    </message>
</context>
<context>
    <name>Loans</name>
    <message>
        <location filename="../../riskdesk/services/postloan/book.py" line="117" />
        <source>There is no loan {id}.</source>
        <translation>没有借据 {id}。</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../riskdesk/ui/idle_lock.py" line="34" />
        <source>riskdesk is locked</source>
        <translation>riskdesk 已锁定</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/idle_lock.py" line="39" />
        <source>The session of {user} was locked after a period without input. Enter your password to go on, or sign out.</source>
        <translation>{user} 的会话因长时间无操作已锁定。请输入密码继续，或退出登录。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/idle_lock.py" line="47" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/idle_lock.py" line="49" />
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/idle_lock.py" line="61" />
        <source>Wrong password, or the account is locked. Failed attempts are recorded.</source>
        <translation>密码错误或账户已锁定。失败的尝试会被记录。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="85" />
        <source>riskdesk - risk case management</source>
        <translation>riskdesk - 风险案件管理</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="122" />
        <source>View:</source>
        <translation>视图：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="129" />
        <source>Search: application no., ID number, phone or name (Ctrl+F)</source>
        <translation>搜索：申请编号、身份证号、手机号或姓名（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="146" />
        <source>Claim</source>
        <translation>领取</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="147" />
        <source>Assign to...</source>
        <translation>分派给…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="148" />
        <source>Export view...</source>
        <translation>导出视图…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="149" />
        <source>First page</source>
        <translation>第一页</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="150" />
        <source>Last page</source>
        <translation>最后一页</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="165" />
        <source>Case queue</source>
        <translation>案件队列</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_tabs.py" line="36" />
        <location filename="../../riskdesk/ui/main_window.py" line="168" />
        <source>Applications</source>
        <translation>申请</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="169" />
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="200" />
        <source>Signed in: {user} ({roles}) | {db}</source>
        <translation>已登录：{user}（{roles}）| {db}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="255" />
        <source>{view} ({n})</source>
        <translation>{view}（{n}）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="170" />
        <source>Post-loan</source>
        <translation>贷后</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="171" />
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="172" />
        <source>Partners</source>
        <translation>合作方</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="173" />
        <source>Audit findings</source>
        <translation>审计发现</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="175" />
        <source>Lists</source>
        <translation>名单</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="176" />
        <source>Decision feed</source>
        <translation>决定回传</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="267" />
        <source>Complaints: {overdue} overdue, {soon} due within {days} days</source>
        <translation>投诉：{overdue} 件逾期，{soon} 件 {days} 天内到期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="271" />
        <source>Decision feed: {n} late</source>
        <translation>决策回传：{n} 条逾期未确认</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="274" />
        <source>Decision feed: {n} not acknowledged by origination in time</source>
        <translation>决定回传：{n} 条未在规定时间内获进件系统回执</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="284" />
        <source>Cases: the last {n} of {total}</source>
        <translation>案件：共 {total} 件中的最后 {n} 件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="287" />
        <source>Cases: {loaded} of {total} loaded</source>
        <translation>案件：共 {total} 件，已加载 {loaded} 件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="313" />
        <source>Not claimed</source>
        <translation>未领取</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="321" />
        <source>Assign cases</source>
        <translation>分派案件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="321" />
        <source>Assign {n} case(s) to:</source>
        <translation>将 {n} 件案件分派给：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="326" />
        <source>Not assigned</source>
        <translation>未分派</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="344" />
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="345" />
        <source>Cases written to {path}: {n} (personal data masked; the export is recorded in the audit trail).</source>
        <translation>已将 {n} 件案件写入 {path}（个人信息已脱敏；本次导出已记入审计轨迹）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="349" />
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="350" />
        <source>Nothing was written: {error}</source>
        <translation>未写入任何内容：{error}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="352" />
        <source>Exporting {file}</source>
        <translation>正在导出 {file}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="383" />
        <source>No more cases in this view.</source>
        <translation>此视图中没有更多案件。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="399" />
        <location filename="../../riskdesk/ui/main_window.py" line="402" />
        <source>Application {no}</source>
        <translation>申请 {no}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="403" />
        <source>This application has no case to open.</source>
        <translation>该申请没有可打开的案件。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="420" />
        <source>the search “{text}”</source>
        <translation>搜索“{text}”</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="438" />
        <source>{n} people share these visible digits: add the name after the ID number to narrow the search.</source>
        <translation>有 {n} 人的身份证号可见部分相同：请在身份证号后加上姓名以缩小范围。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="451" />
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="455" />
        <source>Import applications...</source>
        <translation>导入申请…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="459" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="462" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/guide.py" line="64" />
        <location filename="../../riskdesk/ui/main_window.py" line="465" />
        <location filename="../../riskdesk/ui/main_window.py" line="542" />
        <source>About riskdesk</source>
        <translation>关于 riskdesk</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="467" />
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="473" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="477" />
        <source>Settings...</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="483" />
        <source>Users and roles...</source>
        <translation>用户与角色…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="485" />
        <source>&amp;Administration</source>
        <translation>管理(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="488" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="489" />
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="490" />
        <source>The program's log: what it did and what went wrong (no personal data), for support</source>
        <translation>程序日志：记录程序做了什么、出了什么错（不含个人信息），供技术支持使用</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/guide.py" line="25" />
        <location filename="../../riskdesk/ui/main_window.py" line="493" />
        <source>User guide</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="503" />
        <source>&amp;Case</source>
        <translation>案件(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="504" />
        <source>Open the selected case</source>
        <translation>打开所选案件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="510" />
        <source>Claim cases as I open them</source>
        <translation>打开案件时自动领取</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="518" />
        <source>In the case window</source>
        <translation>案件窗口中</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="519" />
        <source>Add the note</source>
        <translation>添加调查记录</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="519" />
        <source>To the reason</source>
        <translation>转到理由</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="520" />
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="520" />
        <source>Decline</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="521" />
        <source>Request information</source>
        <translation>要求补充材料</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="522" />
        <source>Escalate</source>
        <translation>上报</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="523" />
        <source>Next case of the view</source>
        <translation>视图中的下一件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="524" />
        <source>Previous case of the view</source>
        <translation>视图中的上一件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="538" />
        <source>{total} applications, {loaded} loaded</source>
        <translation>共 {total} 笔申请，已加载 {loaded} 笔</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/imports_flow.py" line="58" />
        <source>Importing {file}</source>
        <translation>正在导入 {file}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/imports_flow.py" line="87" />
        <source>Scoring: {summary}</source>
        <translation>评分：{summary}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/imports_flow.py" line="88" />
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="579" />
        <source>seal intact, signature checked</source>
        <translation>签封完好，签名已核验</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="580" />
        <source>seal intact (signature not checked: no audit key here)</source>
        <translation>签封完好（签名未核验：本机没有审计密钥）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="581" />
        <source>SEAL BROKEN: {why}</source>
        <translation>签封已破坏：{why}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="582" />
        <source>Audit pack {id}: {scope}. {seal}. Read-only: only findings can be written.</source>
        <translation>审计包 {id}：{scope}。{seal}。只读：仅可填写审计发现。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_window.py" line="594" />
        <source>Backup not made</source>
        <translation>未能备份</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/guide.py" line="67" />
        <source>riskdesk {version}
Database: {db} (schema {schema})
Credit model: {model}</source>
        <translation>riskdesk {version}
数据库：{db}（结构版本 {schema}）
信用模型：{model}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/guide.py" line="70" />
        <source>approved by {who}</source>
        <translation>由 {who} 批准</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/guide.py" line="72" />
        <source>none active</source>
        <translation>无生效模型</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/guide.py" line="80" />
        <source>validation OVERDUE since {day}</source>
        <translation>验证已逾期（自 {day} 起）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/guide.py" line="81" />
        <source>next validation due {day}</source>
        <translation>下次验证到期 {day}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/imports_flow.py" line="75" />
        <source>{file}: rows {total}, imported {new}, already present {present}.</source>
        <translation>{file}：共 {total} 行，导入 {new} 行，已存在 {present} 行。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/imports_flow.py" line="79" />
        <source>{file}: rows {total}, imported {new}, flagged {flagged}, cases opened {cases}, already present {present}.</source>
        <translation>{file}：共 {total} 行，导入 {new} 行，其中标记 {flagged} 笔、开立案件 {cases} 件，已存在 {present} 行。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/imports_flow.py" line="84" />
        <source>Rows rejected: {n}, written with their reasons to {path}.</source>
        <translation>拒绝 {n} 行，已连同原因写入 {path}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/imports_flow.py" line="93" />
        <source>Import cancelled</source>
        <translation>导入已取消</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/imports_flow.py" line="93" />
        <source>The import was cancelled; nothing was saved.</source>
        <translation>导入已取消，未保存任何数据。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/imports_flow.py" line="96" />
        <source>Import refused</source>
        <translation>导入被拒绝</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/imports_flow.py" line="98" />
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/imports_flow.py" line="98" />
        <source>The import failed and nothing was saved: {error}</source>
        <translation>导入失败，未保存任何数据：{error}</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <location filename="../../riskdesk/ui/rings.py" line="204" />
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rings.py" line="204" />
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rings.py" line="204" />
        <source>Submitted</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rings.py" line="205" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rings.py" line="205" />
        <source>Flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rings.py" line="220" />
        <source>yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>Model</name>
    <message>
        <location filename="../../riskdesk/scoring/train.py" line="65" />
        <source>The target column "{col}" is not in the data.</source>
        <translation>数据中没有目标列“{col}”。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/train.py" line="69" />
        <source>The target column "{col}" has {n} empty values.</source>
        <translation>目标列“{col}”有 {n} 个空值。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/train.py" line="76" />
        <source>The target column "{col}" is not 0/1; name the bad value with --bad-value.</source>
        <translation>目标列“{col}”不是 0/1；请用 --bad-value 指定代表违约的取值。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/train.py" line="81" />
        <source>The target needs at least 10 bad and 10 good rows (found {bad} bad, {good} good).</source>
        <translation>目标列至少需要 10 个坏样本和 10 个好样本（现有坏样本 {bad} 个，好样本 {good} 个）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/train.py" line="205" />
        <source>No usable feature columns in the data.</source>
        <translation>数据中没有可用的特征列。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/train.py" line="156" />
        <source>The time column "{col}" is not in the data.</source>
        <translation>数据中没有时间列“{col}”。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/train.py" line="175" />
        <source>{col} cannot be allowed as a feature: only age may be, with a reason (--allow-feature age --why TEXT).</source>
        <translation>{col} 不能作为特征使用：仅年龄可在说明理由后使用（--allow-feature age --why 理由）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/train.py" line="179" />
        <source>Allowing {col} needs a reason (--why).</source>
        <translation>使用 {col} 须说明理由（--why）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/train.py" line="286" />
        <source>data: {name} ({rows} rows, bad rate {bad:.2%}, sha256 {sha})</source>
        <translation>数据：{name}（{rows} 行，坏账率 {bad:.2%}，sha256 {sha}）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/train.py" line="290" />
        <source>features ({n}): {names}</source>
        <translation>特征（{n} 个）：{names}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/train.py" line="293" />
        <source>trees: {rounds} (early stopping in CV), depth {depth}; split: {split}</source>
        <translation>树数：{rounds}（交叉验证早停），深度 {depth}；划分方式：{split}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/train.py" line="296" />
        <source>held-out ({n} rows): AUC {auc:.4f}  KS {ks:.4f}  Gini {gini:.4f}  bad rate {bad:.2%}</source>
        <translation>留出集（{n} 行）：AUC {auc:.4f}  KS {ks:.4f}  Gini {gini:.4f}  坏账率 {bad:.2%}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/train.py" line="299" />
        <source>5-fold CV AUC: XGBoost {x:.4f} +- {xs:.4f} | logistic baseline {l:.4f} +- {ls:.4f} (same folds)</source>
        <translation>5 折交叉验证 AUC：XGBoost {x:.4f} +- {xs:.4f} | 逻辑回归基准 {l:.4f} +- {ls:.4f}（相同折）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/train.py" line="305" />
        <source>training rows: fingerprints of {n} kept; monitoring measures AUC/KS without them</source>
        <translation>训练样本：已保存 {n} 笔的指纹；模型监测计算 AUC/KS 时予以剔除</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/train.py" line="307" />
        <source>training rows: no fingerprints kept; monitoring cannot tell them apart and gives no AUC/KS</source>
        <translation>训练样本：未保存指纹；模型监测无法区分训练样本，不计算 AUC/KS</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/train.py" line="310" />
        <source>held-out AUC without / {variant}: {a:.4f} / {b:.4f}</source>
        <translation>留出集 AUC 不含 / {variant}：{a:.4f} / {b:.4f}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/train.py" line="312" />
        <source>calibration (held-out, deciles of PD):</source>
        <translation>校准（留出集，按违约概率十分位）：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/train.py" line="313" />
        <source>bin      n  predicted  observed</source>
        <translation>分组     数量  预测值     实际值</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/train.py" line="323" />
        <source>excluded (protected): {names}</source>
        <translation>已排除（受保护属性）：{names}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/train.py" line="324" />
        <location filename="../../riskdesk/scoring/train.py" line="332" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/train.py" line="326" />
        <source>allowed (protected, with reason): {col}: {why}</source>
        <translation>已允许（受保护属性，附理由）：{col}：{why}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/train.py" line="330" />
        <source>proxies (Cramér's V &gt;= {t:.2f} with a protected column): {found}</source>
        <translation>代理变量（与受保护列的 Cramér V ≥ {t:.2f}）：{found}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/train.py" line="341" />
        <source>correlation of each feature with the protected columns (Cramér's V):</source>
        <translation>各特征与受保护列的相关性（Cramér V）：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/train.py" line="362" />
        <source>outcomes: loan book, default = {dpd}+ days past due within {months} months on book ({source})</source>
        <translation>结果：贷款账簿，违约 = 放款后 {months} 个月内逾期 {dpd} 天以上（{source}）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/train.py" line="365" />
        <source>outcomes: column {col} (bad = {bad}){note}</source>
        <translation>结果：列 {col}（坏 = {bad}）{note}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/registry.py" line="59" />
        <source>There is no model {id}.</source>
        <translation>没有编号为 {id} 的模型。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/registry.py" line="105" />
        <source>Model {id} is {status}; only a trained, retired or shadow model can be proposed.</source>
        <translation>模型 {id} 的状态为 {status}；只有已训练、已停用或影子运行中的模型可以提请审批。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/registry.py" line="112" />
        <source>Model {id} uses columns that applications do not have ({cols}); it can be kept for analysis but not activated.</source>
        <translation>模型 {id} 使用了申请数据中没有的列（{cols}）；可留作分析，但不能启用。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/registry.py" line="163" />
        <source>Model {id} is {status}, not proposed.</source>
        <translation>模型 {id} 的状态为 {status}，不是待审批。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/registry.py" line="166" />
        <source>{user} proposed model {id} and may not also approve it (four-eyes).</source>
        <translation>{user} 提请了模型 {id}，不得再由本人审批（双人复核）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/registry.py" line="170" />
        <source>{user} trained model {id} and may not also validate it.</source>
        <translation>{user} 训练了模型 {id}，不得再验证该模型。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/registry.py" line="178" />
        <source>An approval records the validator's findings: write them (--findings TEXT).</source>
        <translation>批准须记录验证人的结论：请填写（--findings 结论）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/registry.py" line="219" />
        <source>The model files {file} cannot be used: {why}</source>
        <translation>模型文件 {file} 无法使用：{why}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/registry.py" line="224" />
        <source>larger than {mb} MB</source>
        <translation>大于 {mb} MB</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/registry.py" line="231" />
        <source>the metadata is not JSON ({error})</source>
        <translation>元数据不是 JSON（{error}）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/registry.py" line="235" />
        <source>the metadata lacks the feature list or the artefact's SHA-256</source>
        <translation>元数据缺少特征列表或模型文件的 SHA-256</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/registry.py" line="238" />
        <source>The bundled model file does not match its metadata (damaged installation).</source>
        <translation>随附的模型文件与其元数据不符（安装已损坏）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/registry.py" line="243" />
        <source>not an XGBoost model</source>
        <translation>不是 XGBoost 模型</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/training.py" line="72" />
        <location filename="../../riskdesk/services/credit/validation.py" line="124" />
        <source>Cannot read {file}: {error}</source>
        <translation>无法读取 {file}：{error}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/training.py" line="77" />
        <source>{file} is not a readable CSV file: {error}</source>
        <translation>{file} 不是可读取的 CSV 文件：{error}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/feature_notes.py" line="65" />
        <source>{feature} is not a feature name.</source>
        <translation>{feature} 不是特征名称。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/feature_notes.py" line="68" />
        <source>A feature note holds at most {n} characters in each language.</source>
        <translation>特征说明每种语言最多 {n} 个字符。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/governance.py" line="57" />
        <source>Unknown model-governance setting: {names}.</source>
        <translation>未知的模型治理设置：{names}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/governance.py" line="64" />
        <source>A default definition needs days past due between 1 and 360 and months on book between 1 and 60.</source>
        <translation>违约定义的逾期天数须在 1 至 360 之间，观察期月数须在 1 至 60 之间。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/outcomes.py" line="104" />
        <source>The loan book has no loan with a known outcome yet (a loan needs {m} months on book, or to have defaulted)</source>
        <translation>贷款账簿中尚无结果已知的贷款（贷款须放款满 {m} 个月或已违约）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/calibration.py" line="43" />
        <source>Unknown recalibration method {method}: platt or isotonic.</source>
        <translation>未知的重新校准方法 {method}：可用 platt 或 isotonic。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/recalibration.py" line="85" />
        <source>{option} takes a date written YYYY-MM-DD, not {value}.</source>
        <translation>{option} 须为 YYYY-MM-DD 格式的日期，而非 {value}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/recalibration.py" line="135" />
        <source>No model is active: name the model to recalibrate (--model ID).</source>
        <translation>当前没有生效的模型：请指定要重新校准的模型（--model ID）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/recalibration.py" line="141" />
        <source>The window ends ({until}) before it starts ({since}).</source>
        <translation>时间窗口的结束日（{until}）早于开始日（{since}）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/recalibration.py" line="147" />
        <source>Applications submitted from {since} to {until}: {known} with a known outcome, {n} of them outside model {id}'s training rows ({bads} bad). A recalibration needs at least {rows} such rows with {min} bad and {min} good: widen the window (--since).</source>
        <translation>{since} 至 {until} 提交的申请：{known} 笔已知贷后表现，其中 {n} 笔不属于模型 {id} 的训练样本（坏样本 {bads} 笔）。重新校准至少需要 {rows} 笔此类申请，且坏、好样本各不少于 {min} 笔：请放宽时间窗口（--since）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/recalibration.py" line="224" />
        <source>model {id} registered: model {base} recalibrated ({method}), fitted on {fit} rows, judged on {n} held-out rows ({bads} bad)</source>
        <translation>已登记模型 {id}：模型 {base} 经重新校准（{method}），拟合用 {fit} 行，在 {n} 行留出样本上评估（坏样本 {bads} 行）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/recalibration.py" line="228" />
        <source>Brier score {b0:.5f} -&gt; {b1:.5f}; ECE by decile {e0:.4f} -&gt; {e1:.4f}</source>
        <translation>Brier 分数 {b0:.5f} -&gt; {b1:.5f}；按十分位的期望校准误差（ECE）{e0:.4f} -&gt; {e1:.4f}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/recalibration.py" line="231" />
        <source>decile     n  observed    before     after</source>
        <translation>十分位   行数   实际     校准前     校准后</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/shadow.py" line="98" />
        <source>No model is scoring in shadow.</source>
        <translation>当前没有影子运行中的模型。</translation>
    </message>
</context>
<context>
    <name>ModelReview</name>
    <message>
        <location filename="../../riskdesk/services/credit/model_review.py" line="140" />
        <source>Model {id} ({name}), monitoring of {month}:</source>
        <translation>模型 {id}（{name}），{month} 监测：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/model_review.py" line="149" />
        <source>score PSI {value:.4f} above {limit:.2f}</source>
        <translation>评分 PSI {value:.4f}，高于 {limit:.2f}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/model_review.py" line="151" />
        <source>feature {feature}: CSI {value:.4f} above {limit:.2f}</source>
        <translation>特征 {feature}：CSI {value:.4f}，高于 {limit:.2f}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/model_review.py" line="154" />
        <source>AUC {value:.4f} on {rows} rows, down more than {limit:.2f} from {validation:.4f} at validation</source>
        <translation>AUC {value:.4f}（{rows} 行），较验证时的 {validation:.4f} 下降超过 {limit:.2f}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/model_review.py" line="157" />
        <source>{band} band: observed bad rate {observed:.1%} outside its calibration interval {low:.1%} to {high:.1%} (predicted {predicted:.1%}, {n} rows)</source>
        <translation>风险等级“{band}”：实际坏账率 {observed:.1%} 超出校准置信区间 {low:.1%} 至 {high:.1%}（预测 {predicted:.1%}，{n} 行）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/model_review.py" line="160" />
        <source>past its next validation date {day}</source>
        <translation>已超过下次验证日期 {day}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/model_review.py" line="172" />
        <source>Case {id} is not a model review.</source>
        <translation>案件 {id} 不是模型复审案件。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/model_review.py" line="176" />
        <source>A model review closes with one of: {d}.</source>
        <translation>模型复审须以下列之一结案：{d}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/model_review.py" line="179" />
        <source>Closing a model review needs a reason.</source>
        <translation>结束模型复审须填写理由。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/model_review.py" line="181" />
        <source>Case {id} is {status}; it cannot be closed now.</source>
        <translation>案件 {id} 状态为{status}，目前不能结案。</translation>
    </message>
</context>
<context>
    <name>ModelReviewPanel</name>
    <message>
        <location filename="../../riskdesk/ui/cases/model_review_panel.py" line="35" />
        <source>Why (the validator's reason, signed)</source>
        <translation>理由（验证人填写，将签名）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/model_review_panel.py" line="36" />
        <source>Close the model review</source>
        <translation>结束模型复审</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/model_review_panel.py" line="59" />
        <source>Not closed</source>
        <translation>未结案</translation>
    </message>
</context>
<context>
    <name>Models</name>
    <message>
        <location filename="../../riskdesk/domain/scoring.py" line="21" />
        <source>demo model (bundled)</source>
        <translation>演示模型（随附）</translation>
    </message>
</context>
<context>
    <name>Monitoring</name>
    <message>
        <location filename="../../riskdesk/services/credit/monitoring.py" line="121" />
        <source>model review case {id} opened</source>
        <translation>已开立模型复审案件 {id}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/challenger.py" line="178" />
        <location filename="../../riskdesk/services/credit/monitoring.py" line="168" />
        <source>n/a</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/challenger.py" line="180" />
        <source>challenger model {s} in shadow beside model {c}: {n} applications scored by both</source>
        <translation>挑战者模型 {s} 与模型 {c} 并行影子运行：两者均评分的申请 {n} 笔</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/challenger.py" line="183" />
        <source>  at the current policy: approved {a1} / {a2}, flagged {f1} / {f2} (champion / challenger); {k} decisions would change ({u} to flagged)</source>
        <translation>  按现行政策：自动批准 {a1} / {a2}，标记 {f1} / {f2}（冠军 / 挑战者）；{k} 笔决定将改变（其中 {u} 笔改为标记）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/challenger.py" line="189" />
        <source>  AUC {a1} / {a2}, KS {k1} / {k2} on the same {n} known outcomes (training rows of either model excluded: {t})</source>
        <translation>  在相同的 {n} 笔已知表现上：AUC {a1} / {a2}，KS {k1} / {k2}（已剔除任一模型的训练样本 {t} 笔）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/challenger.py" line="194" />
        <source>  AUC / KS not compared ({why}); known outcomes: {k}</source>
        <translation>  未比较 AUC / KS（{why}）；已知表现：{k} 笔</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/challenger.py" line="202" />
        <source>a model holds no fingerprints of its training rows</source>
        <translation>有模型未保存训练样本指纹</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/challenger.py" line="204" />
        <source>no known outcomes yet</source>
        <translation>尚无已知表现</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/challenger.py" line="205" />
        <source>every known outcome is a training row</source>
        <translation>已知表现均为训练样本</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/challenger.py" line="206" />
        <source>the rows left are all good or all bad</source>
        <translation>其余样本表现全部为好或全部为坏</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/monitoring.py" line="172" />
        <source>model {m}, {month}: {n} scored applications</source>
        <translation>模型 {m}，{month}：已评分申请 {n} 笔</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/monitoring.py" line="174" />
        <source>score PSI against training: {v} (&lt; 0.10 stable, 0.10-0.25 watch, &gt; 0.25 shifted)</source>
        <translation>评分相对训练集的 PSI：{v}（&lt; 0.10 稳定，0.10-0.25 关注，&gt; 0.25 已偏移）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/monitoring.py" line="177" />
        <source>  feature PSI {name}: {v}</source>
        <translation>  特征 PSI {name}：{v}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/monitoring.py" line="196" />
        <source>known outcomes: {k}; AUC {auc}, KS {ks} (training rows not excluded)</source>
        <translation>已知表现：{k} 笔；AUC {auc}，KS {ks}（未剔除训练样本）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/monitoring.py" line="199" />
        <source>known outcomes: {k}; AUC/KS not measured: the model holds no fingerprints of its training rows, so they cannot be told apart from new applications</source>
        <translation>已知表现：{k} 笔；未计算 AUC/KS：该模型未保存训练样本指纹，无法区分训练样本与新申请</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/monitoring.py" line="203" />
        <source>known outcomes: 0; AUC/KS not measured</source>
        <translation>已知表现：0 笔；未计算 AUC/KS</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/monitoring.py" line="205" />
        <source>known outcomes: {k}, all of them training rows of the model: no rows left for AUC/KS</source>
        <translation>已知表现：{k} 笔，均为该模型的训练样本：无可用于计算 AUC/KS 的样本</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/monitoring.py" line="208" />
        <source>known outcomes: {k}; training rows excluded: {t}; the {n} rows left are all good or all bad: AUC/KS not measured</source>
        <translation>已知表现：{k} 笔；剔除训练样本 {t} 笔；其余 {n} 笔表现全部为好或全部为坏：未计算 AUC/KS</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/monitoring.py" line="211" />
        <source>known outcomes: {k}; training rows excluded: {t}; AUC {auc}, KS {ks} on the other {n} rows</source>
        <translation>已知表现：{k} 笔；剔除训练样本 {t} 笔；其余 {n} 笔的 AUC {auc}，KS {ks}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/monitoring.py" line="182" />
        <source>override rate (decline band approved by an officer): {rate} of {n} decided</source>
        <translation>推翻率（拒绝等级被审核员批准）：已决定 {n} 笔中的 {rate}</translation>
    </message>
</context>
<context>
    <name>MonthPicker</name>
    <message>
        <location filename="../../riskdesk/ui/month_picker.py" line="62" />
        <source>{year}</source>
        <translation>{year}年</translation>
    </message>
</context>
<context>
    <name>Monthly</name>
    <message>
        <location filename="../../riskdesk/services/periods.py" line="94" />
        <source>A month is written YYYY-MM, not {month}.</source>
        <translation>月份格式为 YYYY-MM，而不是 {month}。</translation>
    </message>
</context>
<context>
    <name>MonthlyReport</name>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="259" />
        <location filename="../../riskdesk/reports/monthly_report.py" line="433" />
        <source>Monthly compliance report</source>
        <translation>月度合规报告</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="262" />
        <source>Period</source>
        <translation>报告期间</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="170" />
        <location filename="../../riskdesk/reports/monthly_report.py" line="265" />
        <source>Report no.</source>
        <translation>报告编号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="266" />
        <location filename="../../riskdesk/reports/monthly_report.py" line="435" />
        <source>Cut-off</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="267" />
        <source>Issued by</source>
        <translation>出具人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="268" />
        <source>Issued at</source>
        <translation>出具时间</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="270" />
        <source>Figures count only what existed at the cut-off: regenerating this report with the same cut-off gives the same figures.</source>
        <translation>数据仅统计截止时间之前已存在的记录：以相同截止时间重新生成本报告，数据完全相同。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="279" />
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="281" />
        <location filename="../../riskdesk/services/periods.py" line="213" />
        <source>Applications received</source>
        <translation>受理申请</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="282" />
        <source>Decided (automatic or flagged)</source>
        <translation>已决策（自动或标记）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="283" />
        <location filename="../../riskdesk/services/periods.py" line="214" />
        <source>Flagged for review</source>
        <translation>标记人工审核</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="284" />
        <location filename="../../riskdesk/reports/partner_section.py" line="57" />
        <source>Flag rate</source>
        <translation>标记率</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="140" />
        <location filename="../../riskdesk/reports/monthly_report.py" line="285" />
        <source>Approved automatically</source>
        <translation>自动通过</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="290" />
        <source>Overrides (four-eyes)</source>
        <translation>推翻策略建议（双人复核）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="291" />
        <source>Median time to decision</source>
        <translation>决策用时中位数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="292" />
        <source>90th percentile time to decision</source>
        <translation>决策用时第 90 百分位</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="294" />
        <source>SLA breaches</source>
        <translation>超出时限</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="299" />
        <location filename="../../riskdesk/reports/monthly_report.py" line="376" />
        <location filename="../../riskdesk/services/periods.py" line="215" />
        <source>Complaints received</source>
        <translation>受理投诉</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="300" />
        <source>Complaints overdue</source>
        <translation>逾期投诉</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="146" />
        <source>Trigger</source>
        <translation>触发规则</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="332" />
        <location filename="../../riskdesk/reports/partner_section.py" line="56" />
        <source>Applications</source>
        <translation>申请</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="148" />
        <source>Share of decided</source>
        <translation>占已决策比例</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="98" />
        <source>Probability of default</source>
        <translation>违约概率</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="101" />
        <source>Decisions</source>
        <translation>决策笔数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="110" />
        <source>Five-category exceptions: loans classed above their days-past-due floor</source>
        <translation>五级分类例外：分类高于逾期天数对应最低分类的贷款</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="114" />
        <source>No loan was classed above its floor this month.</source>
        <translation>本月没有贷款的分类高于其最低分类。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="116" />
        <source>Loan</source>
        <translation>贷款</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="117" />
        <source>Floor</source>
        <translation>最低分类</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="118" />
        <source>Class</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="121" />
        <source>Confirmed</source>
        <translation>复核通过时间</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="122" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="133" />
        <location filename="../../riskdesk/reports/postloan_section.py" line="39" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="137" />
        <source>Automatic decisions and their triggers</source>
        <translation>自动决策及其触发规则</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="139" />
        <source>Score band</source>
        <translation>评分等级</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="141" />
        <location filename="../../riskdesk/reports/monthly_report.py" line="147" />
        <source>Flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="142" />
        <source>Decided</source>
        <translation>已决策</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="149" />
        <source>Fired on automatic approvals</source>
        <translation>在自动通过中触发</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="155" />
        <source>No trigger fired this month.</source>
        <translation>本月没有规则触发。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="164" />
        <source>Restatements of earlier months</source>
        <translation>以前月份的数据更正</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="165" />
        <source>Registered after those months' reports were issued; the issued reports stay as they were.</source>
        <translation>以下记录在相应月份报告出具后登记；已出具的报告保持不变。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="168" />
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="168" />
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="169" />
        <source>As issued</source>
        <translation>出具时</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="169" />
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="182" />
        <source>all {k} with a known outcome, training rows included</source>
        <translation>全部 {k} 笔已知表现（含训练样本）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="185" />
        <source>none of {k} with a known outcome (training rows cannot be told apart)</source>
        <translation>{k} 笔已知表现均未计入（无法区分训练样本）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="187" />
        <source>{n} of {k} with a known outcome ({t} training rows excluded)</source>
        <translation>{k} 笔已知表现中的 {n} 笔（已剔除训练样本 {t} 笔）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="195" />
        <source>Model review cases</source>
        <translation>模型复审案件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="197" />
        <source>Monitoring opened no model-review case for this month.</source>
        <translation>本月监测未开立模型复审案件。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="200" />
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="201" />
        <source>What opened it</source>
        <translation>开立原因</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="202" />
        <source>Status at the cut-off</source>
        <translation>截止时状态</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="204" />
        <source>open</source>
        <translation>未关闭</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="204" />
        <source>decided: {decision}, by {user} on {day}</source>
        <translation>已决定：{decision}，{user} 于 {day}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="214" />
        <source>No model monitoring was recorded for this month.</source>
        <translation>本月未记录模型监测。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="215" />
        <source>Monitored before the model's training rows were excluded: the AUC / KS include rows the model was trained on and overstate how it ranks new applications.</source>
        <translation>该次监测早于剔除训练样本：AUC / KS 含模型的训练样本，高估了模型对新申请的排序能力。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="218" />
        <source>AUC and KS are measured only on the month's applications with a known outcome that are not rows the model was trained on (recognised by the fingerprints stored with the model).</source>
        <translation>AUC 和 KS 仅以本月有已知表现、且不属于模型训练样本的申请计算（训练样本按模型保存的指纹识别）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="222" />
        <source>No AUC / KS: the model holds no fingerprints of its training rows, so they cannot be told apart from new applications.</source>
        <translation>不计算 AUC / KS：该模型未保存训练样本指纹，无法区分训练样本与新申请。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="225" />
        <source>No AUC / KS: no application of the month has a known outcome yet.</source>
        <translation>不计算 AUC / KS：本月申请尚无已知表现。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="227" />
        <source>No AUC / KS: every application of the month with a known outcome is a row the model was trained on; no rows are left to measure.</source>
        <translation>不计算 AUC / KS：本月有已知表现的申请均为模型训练样本，剔除后无样本可供计算。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="230" />
        <source>No AUC / KS: the applications left after excluding training rows are all good or all bad.</source>
        <translation>不计算 AUC / KS：剔除训练样本后，其余申请的表现全部为好或全部为坏。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="238" />
        <source>Audit findings</source>
        <translation>审计发现</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="239" />
        <source>Brought back this month</source>
        <translation>本月导回</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="240" />
        <source>Still open</source>
        <translation>仍未关闭</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="242" />
        <source>Resolved or risk accepted</source>
        <translation>已解决或接受风险</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="245" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="246" />
        <source>On</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="247" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="248" />
        <source>Finding</source>
        <translation>发现</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="263" />
        <source>{month} (calendar month, {zone})</source>
        <translation>{month}（自然月，{zone}）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="273" />
        <source>An event counts in the month of its business time (complaint received, application submitted, decision made final) as recorded at the cut-off; later registrations of earlier months are listed as restatements.</source>
        <translation>各项事件按业务发生时间（投诉受理、申请提交、决定生效）计入所属月份，以截止时已登记的记录为准；此后补登的以前月份记录作为数据更正列示。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="286" />
        <source>Officer decisions made final</source>
        <translation>已生效的人工决定</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="295" />
        <source>Cases opened</source>
        <translation>新立案件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="296" />
        <source>Cases closed</source>
        <translation>办结案件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="297" />
        <source>Cases open at the cut-off</source>
        <translation>截止时点在办案件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="304" />
        <source>Officer decisions and overrides</source>
        <translation>审查员决定与推翻</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="306" />
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="307" />
        <location filename="../../riskdesk/reports/monthly_report.py" line="386" />
        <location filename="../../riskdesk/reports/monthly_report.py" line="396" />
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="310" />
        <source>No officer decision this month.</source>
        <translation>本月没有审查员决定。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="200" />
        <location filename="../../riskdesk/reports/monthly_report.py" line="314" />
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="119" />
        <location filename="../../riskdesk/reports/monthly_report.py" line="315" />
        <source>Maker</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="316" />
        <source>Made at</source>
        <translation>经办时间</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="120" />
        <location filename="../../riskdesk/reports/monthly_report.py" line="317" />
        <source>Checker</source>
        <translation>复核人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="318" />
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="320" />
        <source>waiting</source>
        <translation>待复核</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="323" />
        <source>Compliance checks: cost and amount ceilings</source>
        <translation>合规检查：综合成本与金额上限</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="326" />
        <source>no case</source>
        <translation>无案件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="327" />
        <source>still open</source>
        <translation>仍在处理</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="328" />
        <source>awaiting check</source>
        <translation>待复核</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="329" />
        <location filename="../../riskdesk/reports/postloan_section.py" line="65" />
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="330" />
        <source>APR band</source>
        <translation>年利率档次</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="331" />
        <source>What happened by the cut-off</source>
        <translation>截止时的处理结果</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="337" />
        <source>No application this month was over a ceiling.</source>
        <translation>本月没有超过上限的申请。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="346" />
        <source>Model monitoring</source>
        <translation>模型监控</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="347" />
        <source>Active model</source>
        <translation>生效模型</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="348" />
        <location filename="../../riskdesk/reports/monthly_report.py" line="426" />
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="349" />
        <source>Approved at</source>
        <translation>批准时间</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="351" />
        <source>Score PSI against training</source>
        <translation>评分相对训练集的 PSI</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="357" />
        <source>Override rate</source>
        <translation>推翻率</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="361" />
        <source>Decisions by probability of default</source>
        <translation>按违约概率分布的决策</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="375" />
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="404" />
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="377" />
        <source>Replied</source>
        <translation>已答复</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="288" />
        <source>Officer decisions awaiting check</source>
        <translation>待复核的人工决定</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="341" />
        <source>Decision feed: {n} record(s) of this month not acknowledged by origination within {hours} hours by the cut-off.</source>
        <translation>决定回传：截至统计截止时点，本月有 {n} 条记录未在 {hours} 小时内获进件系统回执。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="353" />
        <source>AUC / KS out of sample</source>
        <translation>样本外 AUC / KS</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="355" />
        <source>Rows measured for AUC / KS</source>
        <translation>AUC / KS 计算样本数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="371" />
        <source>Fraud rings</source>
        <translation>欺诈团伙</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="372" />
        <source>Rings found</source>
        <translation>发现团伙数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="373" />
        <source>Rings confirmed as fraud</source>
        <translation>确认为欺诈的团伙数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="374" />
        <source>Rings closed</source>
        <translation>已结案团伙数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="378" />
        <source>Replied on time</source>
        <translation>按时答复</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="379" />
        <source>Replied late (after the due time, extensions counted)</source>
        <translation>超时答复（晚于办理时限，含延期）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="381" />
        <source>Extended</source>
        <translation>延期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="382" />
        <source>Reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="383" />
        <source>Overdue at the cut-off</source>
        <translation>截止时逾期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="385" />
        <source>Open by category</source>
        <translation>未结投诉（按类别）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="390" />
        <source>Received by channel</source>
        <translation>按渠道受理</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="392" />
        <source>Root causes of complaints closed</source>
        <translation>已结投诉的根本原因</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="400" />
        <source>Overdue complaints at the cut-off</source>
        <translation>截止时的逾期投诉</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="402" />
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="403" />
        <location filename="../../riskdesk/reports/postloan_section.py" line="33" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="405" />
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="411" />
        <source>intact: every event re-hashed and chained</source>
        <translation>完整：每个事件均已重新计算哈希并核对链接</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="412" />
        <source>BROKEN: see riskdesk audit verify</source>
        <translation>已损坏：请运行 riskdesk audit verify</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="414" />
        <source>Audit trail</source>
        <translation>审计轨迹</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="415" />
        <source>Verification</source>
        <translation>核验结果</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="416" />
        <source>Last event at the cut-off</source>
        <translation>截止时的最后事件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="417" />
        <source>Its hash (the chain's head)</source>
        <translation>其哈希（链头）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="418" />
        <source>Anchored outside the database in</source>
        <translation>数据库外锚定位置</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="419" />
        <source>{file}
(database {id}; riskdesk audit verify --anchors FILE)</source>
        <translation>{file}
（数据库标识 {id}；riskdesk audit verify --anchors 文件）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="422" />
        <source>Role</source>
        <translation>职责</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="422" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="423" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="423" />
        <source>Signature</source>
        <translation>签字</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="424" />
        <source>Prepared by</source>
        <translation>编制</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="425" />
        <source>Reviewed by</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="432" />
        <source>Sign-off</source>
        <translation>签批</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/monthly_report.py" line="434" />
        <source>Page {x} of {y}</source>
        <translation>第 {x} 页，共 {y} 页</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/postloan_section.py" line="26" />
        <source>Post-loan</source>
        <translation>贷后</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/postloan_section.py" line="28" />
        <source>No loan was monitored this month.</source>
        <translation>本月没有监测任何贷款。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/postloan_section.py" line="33" />
        <source>Loans</source>
        <translation>笔数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/postloan_section.py" line="34" />
        <source>Principal outstanding (CNY)</source>
        <translation>本金余额（元）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/postloan_section.py" line="35" />
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/postloan_section.py" line="35" />
        <source>Overdue amount (CNY)</source>
        <translation>逾期金额（元）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/postloan_section.py" line="43" />
        <source>Monitoring runs this month</source>
        <translation>本月监测次数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/postloan_section.py" line="44" />
        <source>Standing as of</source>
        <translation>数据截至</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/postloan_section.py" line="46" />
        <source>Non-performing ratio (substandard, doubtful, loss)</source>
        <translation>不良率（次级、可疑、损失）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/postloan_section.py" line="50" />
        <source>Roll rates {previous} to {month} (share of each row's loans)</source>
        <translation>迁徙率 {previous} 至 {month}（按各行贷款笔数的占比）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/postloan_section.py" line="55" />
        <source>From \ to</source>
        <translation>从 \ 到</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/postloan_section.py" line="61" />
        <source>No snapshot of the month before: no roll rates yet.</source>
        <translation>没有上月快照，暂无迁徙率。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/postloan_section.py" line="63" />
        <source>Early warnings raised</source>
        <translation>本月预警</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/postloan_section.py" line="66" />
        <source>Warnings</source>
        <translation>预警数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/postloan_section.py" line="68" />
        <source>Post-loan cases opened</source>
        <translation>开立的贷后案件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/postloan_section.py" line="71" />
        <source>No early warning this month.</source>
        <translation>本月没有预警。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/partner_section.py" line="51" />
        <source>Partners</source>
        <translation>合作方</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/partner_section.py" line="53" />
        <source>No partner is registered.</source>
        <translation>尚未登记合作方。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/partner_section.py" line="56" />
        <source>Partner</source>
        <translation>合作方</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/partner_section.py" line="57" />
        <source>Approval rate</source>
        <translation>通过率</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/partner_section.py" line="58" />
        <source>Fraud hits</source>
        <translation>欺诈规则命中</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/partner_section.py" line="58" />
        <source>Bad rate</source>
        <translation>不良率</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/partner_section.py" line="59" />
        <source>Complaints per 1,000 loans</source>
        <translation>每千笔贷款投诉数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/partner_section.py" line="67" />
        <source>Bad rate of matured loans by month (%)</source>
        <translation>成熟贷款不良率（按月，%）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/partner_section.py" line="71" />
        <source>Joint lending at {day}</source>
        <translation>截至 {day} 的联合贷款</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/partner_section.py" line="74" />
        <source>No capital figures are set: the ratios cannot be computed.</source>
        <translation>尚未设置资本数据，无法计算比例。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/partner_section.py" line="78" />
        <source>Bank's part of joint loans, {code}</source>
        <translation>与 {code} 联合贷款中本行出资部分</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/partner_section.py" line="82" />
        <source>All partners, of the total loan balance</source>
        <translation>全部合作方，占贷款总余额</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/partner_section.py" line="85" />
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/partner_section.py" line="86" />
        <source>Amount (CNY)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/partner_section.py" line="87" />
        <source>Ratio</source>
        <translation>比例</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/partner_section.py" line="88" />
        <source>Limit</source>
        <translation>上限</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/partner_section.py" line="91" />
        <source>Warning: {what}</source>
        <translation>预警：{what}</translation>
    </message>
</context>
<context>
    <name>OfficePreviewDialog</name>
    <message>
        <location filename="../../riskdesk/ui/evidence.py" line="247" />
        <source>{name} - SHA-256 {hash}</source>
        <translation>{name} - SHA-256 {hash}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/evidence.py" line="253" />
        <source>Only the first rows and columns are shown.</source>
        <translation>仅显示前面的行和列。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/evidence.py" line="254" />
        <source>Text and cell values only, as saved: no formulas, pictures or macros are run or shown.</source>
        <translation>仅显示保存时的文字和单元格数值：不运行、不显示公式、图片或宏。</translation>
    </message>
</context>
<context>
    <name>Partners</name>
    <message>
        <location filename="../../riskdesk/services/partners/register.py" line="28" />
        <source>Licence and registration verified</source>
        <translation>已核实牌照与登记信息</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/partners/register.py" line="29" />
        <source>Shareholders and actual controller known</source>
        <translation>已掌握股东与实际控制人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/partners/register.py" line="30" />
        <source>Financial standing reviewed</source>
        <translation>已审查财务状况</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/partners/register.py" line="31" />
        <source>Data security and personal-information protection assessed</source>
        <translation>已评估数据安全与个人信息保护</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/partners/register.py" line="33" />
        <source>No key risk-control step outsourced to the partner</source>
        <translation>未将核心风控环节外包给合作方</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/partners/register.py" line="35" />
        <source>Complaints and litigation record checked</source>
        <translation>已核查投诉与诉讼记录</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/partners/register.py" line="47" />
        <source>{what} is one of: {choices}.</source>
        <translation>{what}应为以下之一：{choices}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/partners/register.py" line="57" />
        <source>A partner needs a code (up to 24 characters) and a name (up to 128).</source>
        <translation>合作方须有编号（最多 24 个字符）和名称（最多 128 个字符）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/partners/register.py" line="59" />
        <source>The kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/partners/register.py" line="61" />
        <source>A partner with the code {code} exists.</source>
        <translation>编号为 {code} 的合作方已存在。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/partners/register.py" line="79" />
        <source>There is no partner {id}.</source>
        <translation>没有合作方 {id}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/partners/register.py" line="90" />
        <source>Partner {code} was changed by someone else.</source>
        <translation>合作方 {code} 已被他人修改。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/partners/register.py" line="98" />
        <source>The status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/partners/register.py" line="100" />
        <source>A status change needs its reason.</source>
        <translation>状态变更须说明原因。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/partners/register.py" line="105" />
        <source>Due diligence is not complete: {items}.</source>
        <translation>尽职调查尚未完成：{items}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/partners/register.py" line="122" />
        <source>The checklist item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/partners/register.py" line="124" />
        <source>Note the evidence the check rests on.</source>
        <translation>请注明检查所依据的证据。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/partners/register.py" line="197" />
        <source>Capital and balance are amounts in CNY.</source>
        <translation>资本和余额须为人民币金额。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/partners/register.py" line="200" />
        <source>Capital and balance are above zero.</source>
        <translation>资本和余额须大于零。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/partners/performance.py" line="200" />
        <source>{code}: {ratio:.1f} % of net tier-1 capital (limit {limit:.0f} %)</source>
        <translation>{code}：占一级资本净额 {ratio:.1f}%（上限 {limit:.0f}%）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/partners/performance.py" line="204" />
        <source>all partners: {ratio:.1f} % of the loan balance (limit {limit:.0f} %)</source>
        <translation>全部合作方：占贷款余额 {ratio:.1f}%（上限 {limit:.0f}%）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/partners/performance.py" line="334" />
        <source>{who}: bad rate {now} against {before} last month (doubled)</source>
        <translation>{who}：不良率 {now}，上月 {before}（翻倍）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/partners/performance.py" line="338" />
        <source>{who}: bad rate {rate}, at least twice all partners' {pooled}</source>
        <translation>{who}：不良率 {rate}，达到全部合作方合计 {pooled} 的两倍以上</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/partners/performance.py" line="342" />
        <source>{who}: {n} complaints per 1,000 loans (limit {limit})</source>
        <translation>{who}：每千笔贷款投诉 {n} 笔（上限 {limit} 笔）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/partners/performance.py" line="347" />
        <source>{who}: joint loans {ratio} of net tier-1 capital (limit {limit})</source>
        <translation>{who}：联合贷款占一级资本净额 {ratio}（上限 {limit}）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/partners/performance.py" line="351" />
        <source>{who}: funds {share} of a joint loan (at least {minimum} required)</source>
        <translation>{who}：某笔联合贷款出资比例 {share}（不得低于 {minimum}）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/partners/performance.py" line="368" />
        <source>{value} %</source>
        <translation>{value}%</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/partners/performance.py" line="357" />
        <source>All partners: joint loans {ratio} of the loan balance (limit {limit})</source>
        <translation>全部合作方：联合贷款占各项贷款余额 {ratio}（上限 {limit}）</translation>
    </message>
</context>
<context>
    <name>PartnersTab</name>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="74" />
        <source>Bad rate by partner, last six months</source>
        <translation>各合作方不良率（近六个月）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="75" />
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="79" />
        <location filename="../../riskdesk/ui/partners.py" line="95" />
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="79" />
        <location filename="../../riskdesk/ui/partners.py" line="96" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="79" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="79" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="80" />
        <source>Due diligence</source>
        <translation>尽职调查</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="80" />
        <source>Next review</source>
        <translation>下次复审</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="83" />
        <source>Partner</source>
        <translation>合作方</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="83" />
        <source>Applications</source>
        <translation>申请</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="83" />
        <source>Approval rate</source>
        <translation>通过率</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="84" />
        <source>Flag rate</source>
        <translation>标记率</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="84" />
        <source>Fraud hits</source>
        <translation>欺诈规则命中</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="84" />
        <source>Matured loans</source>
        <translation>成熟贷款</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="85" />
        <location filename="../../riskdesk/ui/partners.py" line="183" />
        <source>Bad rate</source>
        <translation>不良率</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="85" />
        <source>Complaints per 1,000 loans</source>
        <translation>每千笔贷款投诉数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="86" />
        <source>Of tier-1 capital</source>
        <translation>占一级资本净额</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="86" />
        <source>Lowest share</source>
        <translation>最低出资比例</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="103" />
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="105" />
        <source>Evidence (documents, dates)</source>
        <translation>证据（文件、日期）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="113" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="115" />
        <source>Register partner</source>
        <translation>登记合作方</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="115" />
        <source>Record check</source>
        <translation>记录检查</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="116" />
        <source>Set status</source>
        <translation>设置状态</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="132" />
        <location filename="../../riskdesk/ui/partners.py" line="183" />
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="140" />
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="147" />
        <source>Performance in the month</source>
        <translation>本月表现</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="185" />
        <source>No matured partner loans yet</source>
        <translation>尚无满账龄的合作方贷款</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="192" />
        <source>Joint lending at {day}: against net tier-1 capital {ratios} (limit 25 % each); all partners {all} of the loan balance (limit 50 %).</source>
        <translation>截至 {day} 的联合贷款：占一级资本净额 {ratios}（单一合作方上限 25%）；全部合作方占各项贷款余额 {all}（上限 50%）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="201" />
        <source>Bad rate at least twice last month's or all partners'</source>
        <translation>不良率达到上月或全部合作方合计的两倍以上</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="203" />
        <source>Limit: 20 complaints per 1,000 loans; warning at 80 %</source>
        <translation>上限：每千笔贷款投诉 20 笔；达到 80% 预警</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="205" />
        <source>Limit: 25 % of net tier-1 capital per partner; warning at 80 %</source>
        <translation>上限：单一合作方占一级资本净额 25%；达到 80% 预警</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="207" />
        <source>The partner must fund at least {minimum} % of each joint loan</source>
        <translation>合作方对每笔联合贷款的出资比例不得低于 {minimum}%</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="221" />
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/findings.py" line="102" />
        <location filename="../../riskdesk/ui/partners.py" line="155" />
        <source>Not shown</source>
        <translation>未显示</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="188" />
        <source>Joint lending: no capital figures set.</source>
        <translation>联合贷款：尚未设置资本数据。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="222" />
        <source>Limit passed: {alerts}</source>
        <translation>已超限额：{alerts}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="223" />
        <source>Limit near (80 % reached): {alerts}</source>
        <translation>接近限额（已达 80%）：{alerts}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="232" />
        <location filename="../../riskdesk/ui/partners.py" line="237" />
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/partners.py" line="232" />
        <source>Select a partner first.</source>
        <translation>请先选择合作方。</translation>
    </message>
</context>
<context>
    <name>Periods</name>
    <message>
        <location filename="../../riskdesk/services/periods.py" line="68" />
        <source>{zone} is not a time zone name such as Asia/Shanghai.</source>
        <translation>{zone} 不是时区名称（例如 Asia/Shanghai）。</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="63" />
        <source>manage users and roles</source>
        <translation>管理用户和角色</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="64" />
        <source>import applications</source>
        <translation>导入申请</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="65" />
        <source>view applications</source>
        <translation>查看申请</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="66" />
        <source>verify the audit trail</source>
        <translation>校验审计链</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="67" />
        <source>train credit models</source>
        <translation>训练信用模型</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="68" />
        <source>propose a model for activation</source>
        <translation>提请启用模型</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="69" />
        <source>approve a model on its validation report (validator)</source>
        <translation>依据验证报告批准模型（验证人）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="71" />
        <source>record model monitoring</source>
        <translation>记录模型监控</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="72" />
        <source>validate a model: issue its validation report (independent validator)</source>
        <translation>验证模型：出具验证报告（独立验证人）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="74" />
        <source>score applications</source>
        <translation>为申请评分</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="75" />
        <source>change rule settings</source>
        <translation>修改规则设置</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="76" />
        <source>change the decision policy</source>
        <translation>修改决策策略</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="77" />
        <source>approve a rule or policy change (second person)</source>
        <translation>批准规则或政策变更（第二人）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="79" />
        <source>work cases: claim, note, decide</source>
        <translation>处理案件：领取、记录、决定</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="80" />
        <source>assign cases to others</source>
        <translation>将案件分配给他人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="81" />
        <source>check another officer's decision</source>
        <translation>复核他人的决定</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="82" />
        <source>export the data key for escrow</source>
        <translation>导出数据密钥以托管</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="83" />
        <source>rotate the data key (re-encrypt personal data under a new key)</source>
        <translation>轮换数据密钥（以新密钥重新加密个人数据）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="85" />
        <source>change workstation settings</source>
        <translation>修改工作站设置</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="86" />
        <source>export the case queue (masked)</source>
        <translation>导出案件队列（脱敏）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="87" />
        <source>see unmasked personal data</source>
        <translation>查看未脱敏的个人信息</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="88" />
        <source>register and handle complaints</source>
        <translation>登记和处理投诉</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="90" />
        <source>assign complaints</source>
        <translation>分派投诉</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="91" />
        <source>approve a special complaint extension</source>
        <translation>审批投诉特别延期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="93" />
        <source>change complaint deadlines</source>
        <translation>修改投诉处理期限</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="94" />
        <source>issue case audit reports</source>
        <translation>出具案件审计报告</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="95" />
        <source>issue the monthly report</source>
        <translation>出具月度报告</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="96" />
        <source>import loans, repayments and flows</source>
        <translation>导入借据、还款和资金流水</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="97" />
        <source>run post-loan monitoring</source>
        <translation>运行贷后监测</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="98" />
        <source>change post-loan thresholds</source>
        <translation>修改贷后阈值</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="99" />
        <source>export an offline audit pack</source>
        <translation>导出离线审计包</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="100" />
        <source>bring audit findings back</source>
        <translation>导回审计发现</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="101" />
        <source>follow up audit findings</source>
        <translation>跟进审计发现</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="102" />
        <source>keep the partner register</source>
        <translation>维护合作方名录</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="103" />
        <source>set the bank's time zone for months and reports</source>
        <translation>设置本行用于月份与报告时间的时区</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="105" />
        <source>write the notes that explain the model's reasons</source>
        <translation>编写解释模型原因的特征说明</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="107" />
        <source>attach evidence files to cases</source>
        <translation>向案件添加证据文件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="108" />
        <source>attach evidence files to complaints</source>
        <translation>向投诉添加证据文件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="110" />
        <source>export the decision feed and record its acknowledgements</source>
        <translation>导出决定回传数据并登记回执</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="112" />
        <source>see the blacklist and allowlist</source>
        <translation>查看黑名单和白名单</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="113" />
        <source>add to the blacklist and allowlist, and ask for a removal</source>
        <translation>向黑名单和白名单添加条目并申请移出</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="115" />
        <source>approve a list removal (second person)</source>
        <translation>批准移出名单（第二人复核）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="117" />
        <source>see fraud rings and their graphs</source>
        <translation>查看欺诈团伙及其关系图</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="118" />
        <source>rebuild the fraud-ring links and recompute every ring</source>
        <translation>重建欺诈团伙的关联并重新计算所有团伙</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/permissions.py" line="199" />
        <source>{user} may not {action}; this needs the role: {roles}.</source>
        <translation>{user} 无权{action}；需要角色：{roles}。</translation>
    </message>
</context>
<context>
    <name>PiiConfirm</name>
    <message>
        <location filename="../../riskdesk/ui/pii_confirm.py" line="12" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/pii_confirm.py" line="13" />
        <source>mobile number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/pii_confirm.py" line="14" />
        <source>bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/pii_confirm.py" line="28" />
        <source>Personal data will be masked</source>
        <translation>个人信息将被脱敏</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/pii_confirm.py" line="29" />
        <source>This text holds personal data. It is saved masked, and the full values are kept encrypted beside it:
{values}

Save it so?</source>
        <translation>本段文字含个人信息。保存时将脱敏显示，完整信息另行加密保存：
{values}

是否按此保存？</translation>
    </message>
</context>
<context>
    <name>PortfolioTab</name>
    <message>
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="82" />
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="83" />
        <source>Import loan files...</source>
        <translation>导入借据文件…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="84" />
        <source>Run monitoring now</source>
        <translation>立即运行监测</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="92" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="92" />
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="96" />
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="187" />
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="192" />
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="193" />
        <source>Loans</source>
        <translation>贷款</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="92" />
        <source>Principal outstanding</source>
        <translation>本金余额</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="93" />
        <source>Overdue amount</source>
        <translation>逾期金额</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="93" />
        <source>Share of balance</source>
        <translation>余额占比</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="96" />
        <source>From \ to</source>
        <translation>从 \ 到</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="102" />
        <source>Loans by class, by month</source>
        <translation>各月贷款五级分类</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="104" />
        <source>Overdue buckets</source>
        <translation>逾期天数分布</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="111" />
        <source>Click a class, a bucket or a roll-rate cell to list its loans.</source>
        <translation>点击分类、逾期区段或迁徙率单元格可列出相应贷款。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="114" />
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="187" />
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="141" />
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="262" />
        <source>Not shown</source>
        <translation>未显示</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="276" />
        <source>Monitoring as of {day}: loans {loans}, new early warnings {alerts}, cases opened {opened}, cases updated {updated}.</source>
        <translation>截至 {day} 的监测：贷款 {loans} 笔，新预警 {alerts} 条，开立案件 {opened} 件，更新案件 {updated} 件。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="178" />
        <source>Roll rates {previous} to {month}</source>
        <translation>迁徙率 {previous} 至 {month}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="193" />
        <source>Days past due</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="203" />
        <source>Months on book</source>
        <translation>账龄（月）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="107" />
        <source>Vintages: 30+ days past due (solid), 90+ (dashed)</source>
        <translation>账龄分析：逾期 30 天以上（实线）、90 天以上（虚线）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="176" />
        <source>Loans {n}; principal outstanding {balance}; non-performing ratio {npl}</source>
        <translation>贷款 {n} 笔；本金余额 {balance}；不良率 {npl}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="203" />
        <source>Share of loans</source>
        <translation>贷款占比</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="205" />
        <source>No vintages yet</source>
        <translation>尚无账龄数据</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="246" />
        <source>Loans {month}: {before} last month, {now} now</source>
        <translation>{month} 贷款：上月{before}，本月{now}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="249" />
        <source>Loans {month}: {bucket} past due</source>
        <translation>{month} 贷款：逾期 {bucket}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="252" />
        <source>Loans {month}: {category}</source>
        <translation>{month} 贷款：{category}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="275" />
        <source>Monitoring done</source>
        <translation>监测完成</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="281" />
        <source>Post-loan monitoring</source>
        <translation>贷后监测</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="289" />
        <source>Import loan files</source>
        <translation>导入借据文件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="306" />
        <source>{file}: refused, nothing imported</source>
        <translation>{file}：被拒绝，未导入任何数据</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="310" />
        <source>{file}: {kind}, {new} new, {updated} updated, {present} already present</source>
        <translation>{file}：{kind}，新增 {new}，更新 {updated}，已存在 {present}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="315" />
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="317" />
        <source>Loan import</source>
        <translation>借据导入</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="319" />
        <source>Importing loan files</source>
        <translation>正在导入借据文件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/loans/portfolio.py" line="325" />
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
</context>
<context>
    <name>PostLoan</name>
    <message>
        <location filename="../../riskdesk/services/postloan/monitoring.py" line="66" />
        <source>First instalment due {due} not paid</source>
        <translation>首期（{due} 到期）未还</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/postloan/monitoring.py" line="68" />
        <source>{dpd} days past due (crossed {threshold}); {overdue} overdue since {due}</source>
        <translation>逾期 {dpd} 天（越过 {threshold} 天）；自 {due} 起逾期金额 {overdue}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/postloan/monitoring.py" line="70" />
        <source>{count} instalments paid only in part</source>
        <translation>{count} 期仅部分还款</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/postloan/monitoring.py" line="72" />
        <source>{amount} ({share}) of the proceeds moved to one account {account} within {hours} h of disbursement</source>
        <translation>放款后 {hours} 小时内有 {amount}（{share}）贷款资金转入同一账户 {account}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/postloan/monitoring.py" line="75" />
        <source>{amount} paid to {kind} {account} on {at}, {days} days after disbursement</source>
        <translation>{at}（放款后 {days} 天）向 {kind} {account} 支付 {amount}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/postloan/monitoring.py" line="78" />
        <source>{amount} spent on a banned use ({kind}, MCC {mcc}) on {at}</source>
        <translation>{at} 有 {amount} 用于禁止用途（{kind}，商户类别码 {mcc}）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/postloan/monitoring.py" line="80" />
        <source>{amount} moved to the borrower's own other account {account} on {at}</source>
        <translation>{at} 有 {amount} 转入借款人本人的其他账户 {account}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/postloan/monitoring.py" line="82" />
        <source>{amount} out by {channel} on {day}: at or above the large-value threshold {threshold}</source>
        <translation>{day} 以 {channel} 方式转出 {amount}：达到大额交易标准 {threshold}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/postloan/monitoring.py" line="85" />
        <source>Jointly funded with {partner}, whose share is {share} % (at least {minimum} % required)</source>
        <translation>与 {partner} 联合出资，其出资比例为 {share}%（至少须为 {minimum}%）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/postloan/monitoring.py" line="88" />
        <source>Promise to pay by {promised} (contact on {contacted}) not kept: {overdue} still overdue, {dpd} days past due</source>
        <translation>承诺于 {promised} 前还款（{contacted} 联系）未履约：仍逾期 {overdue}，已逾期 {dpd} 天</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/postloan/monitoring.py" line="91" />
        <source>Loan over one year: credit re-review {n} due since {due}</source>
        <translation>贷款期限超过一年：第 {n} 次年度授信复审自 {due} 起到期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="135" />
        <source>First payment missed</source>
        <translation>首期未还</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="136" />
        <source>Days past due crossed a threshold</source>
        <translation>逾期天数越过阈值</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="137" />
        <source>Repeated partial payments</source>
        <translation>多次部分还款</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="138" />
        <source>Proceeds moved out at once</source>
        <translation>贷款资金快速转出</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="139" />
        <source>Proceeds repay other credit</source>
        <translation>贷款资金用于偿还其他信用</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="140" />
        <source>Banned use of proceeds</source>
        <translation>贷款资金用于禁止用途</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="141" />
        <source>Round trip to own account</source>
        <translation>资金回流本人账户</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="142" />
        <source>Large-value same-day total</source>
        <translation>单日大额交易</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="143" />
        <source>Annual credit re-review due</source>
        <translation>年度授信复审到期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="144" />
        <source>Promise to pay not kept</source>
        <translation>承诺还款未履约</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="145" />
        <source>Partner share of a joint loan below the minimum</source>
        <translation>联合贷款中合作方出资比例低于下限</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/postloan/monitoring.py" line="149" />
        <source>Reading repayments</source>
        <translation>正在读取还款</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/postloan/monitoring.py" line="152" />
        <source>Writing the month's snapshot</source>
        <translation>正在写入本月快照</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/postloan/monitoring.py" line="155" />
        <source>Checking fund flows</source>
        <translation>正在检查资金流水</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/postloan/monitoring.py" line="161" />
        <source>Raising cases</source>
        <translation>正在生成案件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/postloan/policy.py" line="47" />
        <source>Measures for Risk Classification of Financial Assets (2023); CBIRC Order 2020 No. 9; PBOC Order 2016 No. 3</source>
        <translation>《商业银行金融资产风险分类办法》（2023）；银保监会令2020年第9号；中国人民银行令2016年第3号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/postloan/policy.py" line="76" />
        <source>Say why the thresholds change.</source>
        <translation>请说明修改阈值的原因。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/postloan/policy.py" line="81" />
        <source>Unknown post-loan setting: {names}.</source>
        <translation>未知的贷后设置：{names}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/postloan/policy.py" line="86" />
        <source>Category floors must rise: special mention &lt; substandard &lt; doubtful &lt; loss, from day 1.</source>
        <translation>分类下限须逐级递增：关注 &lt; 次级 &lt; 可疑 &lt; 损失，且从第 1 天开始。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/postloan_actions.py" line="112" />
        <source>Case {id} is not a post-loan case on a loan.</source>
        <translation>案件 {id} 不是针对贷款的贷后案件。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/postloan_actions.py" line="178" />
        <source>A post-loan action is one of {actions}.</source>
        <translation>贷后处置措施须为以下之一：{actions}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/postloan_actions.py" line="189" />
        <source>A contact needs its channel ({channels}) and outcome ({outcomes}).</source>
        <translation>联系记录须填写渠道（{channels}）和结果（{outcomes}）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/postloan_actions.py" line="195" />
        <source>A promise to pay needs the date promised, today or later.</source>
        <translation>承诺还款须填写承诺日期（今天或以后）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/postloan_actions.py" line="198" />
        <location filename="../../riskdesk/services/cases/postloan_actions.py" line="203" />
        <source>A promise-to-pay date goes with the outcome “promised to pay”.</source>
        <translation>只有结果为“承诺还款”时才填写承诺还款日期。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/postloan_actions.py" line="206" />
        <source>The line of loan {loan} is already frozen.</source>
        <translation>贷款 {loan} 的未用额度已冻结。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/postloan_actions.py" line="209" />
        <source>Loan {loan} was already called early.</source>
        <translation>贷款 {loan} 已提前收回。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/postloan_actions.py" line="215" />
        <source>Reclassify above the days-past-due floor ({floor}): one of {classes}.</source>
        <translation>调整后的分类须高于逾期天数对应的最低分类（{floor}），可选：{classes}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/postloan_actions.py" line="220" />
        <source>Loan {loan} is already {category}.</source>
        <translation>贷款 {loan} 已是{category}类。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/postloan_actions.py" line="272" />
        <source>Case {id} has no post-loan action awaiting a check.</source>
        <translation>案件 {id} 没有待复核的贷后处置措施。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/postloan/charts.py" line="29" />
        <source>Current</source>
        <translation>未逾期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/postloan/charts.py" line="30" />
        <source>1-30 days</source>
        <translation>1-30 天</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/postloan/charts.py" line="31" />
        <source>31-60 days</source>
        <translation>31-60 天</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/postloan/charts.py" line="32" />
        <source>61-90 days</source>
        <translation>61-90 天</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/postloan/charts.py" line="33" />
        <source>91-180 days</source>
        <translation>91-180 天</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/postloan/charts.py" line="34" />
        <source>Over 180 days</source>
        <translation>180 天以上</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/postloan/charts.py" line="104" />
        <source>There are no post-loan figures yet: import loan files and run monitoring first.</source>
        <translation>尚无贷后数据：请先导入借据文件并运行监测。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/postloan/charts.py" line="108" />
        <source>There are no post-loan figures for {month}: the data covers {first} to {last}.</source>
        <translation>{month} 没有贷后数据：现有数据为 {first} 至 {last}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/postloan/charts.py" line="181" />
        <source>Unknown loan class: {value}.</source>
        <translation>未知的贷款分类：{value}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/postloan/charts.py" line="193" />
        <source>Unknown overdue bucket: {value}.</source>
        <translation>未知的逾期区段：{value}。</translation>
    </message>
</context>
<context>
    <name>PostLoanPanel</name>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="50" />
        <source>Hard stop: nobody may approve this application, whatever their role or a second person's check.</source>
        <translation>硬性拒绝：无论角色、无论是否经双人复核，任何人均不得批准此申请。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="53" />
        <source>Source: {source}</source>
        <translation>依据：{source}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="67" />
        <source>Post-loan actions</source>
        <translation>贷后处置</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="86" />
        <source>Record contact</source>
        <translation>记录联系</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="87" />
        <source>Request documents</source>
        <translation>要求提供材料</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="90" />
        <source>Reclassify...</source>
        <translation>调整五级分类...</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="92" />
        <source>Confirm action</source>
        <translation>复核通过</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="85" />
        <source>Keep monitoring</source>
        <translation>继续监测</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="88" />
        <source>Freeze line</source>
        <translation>冻结未用额度</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="89" />
        <source>Call early...</source>
        <translation>提前收回贷款...</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="91" />
        <source>Report suspicious</source>
        <translation>报告可疑交易</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="93" />
        <source>Send back action</source>
        <translation>复核退回</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="94" />
        <source>Nothing more to do now: the case is decided and closes.</source>
        <translation>暂无需进一步处置：案件作出决定并关闭。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="95" />
        <source>The borrower was contacted: channel, outcome and any promise to pay (a reminder is raised if it passes unpaid).</source>
        <translation>已联系借款人：记录渠道、结果及承诺还款日（到期仍未还款将发出提醒）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="97" />
        <source>Ask for documents on the use of funds; the case waits for them.</source>
        <translation>要求借款人提供资金用途证明材料；案件等待材料。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="99" />
        <source>Freeze the undrawn part of the line.</source>
        <translation>冻结额度中尚未使用的部分。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="100" />
        <source>Call the loan early: a senior officer confirms (four-eyes).</source>
        <translation>提前收回贷款：须由高级审查员确认（双人复核）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="102" />
        <source>Set the five-category class above the days-past-due floor: a senior officer confirms (four-eyes).</source>
        <translation>将五级分类调整至高于逾期天数对应的最低分类：须由高级审查员确认（双人复核）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="104" />
        <source>Report suspicious activity to the anti-money-laundering team.</source>
        <translation>向反洗钱团队报告可疑交易。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="116" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="117" />
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="118" />
        <source>Promised to pay by</source>
        <translation>承诺还款日</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="119" />
        <source>New class</source>
        <translation>调整后分类</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="186" />
        <source>Assigned to someone else</source>
        <translation>案件已分配给他人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="195" />
        <source>Sent for a second check</source>
        <translation>已提交复核</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="196" />
        <source>“{action}” is recorded and waits for a senior officer (four-eyes). If it is sent back, the case returns to your "My cases" with the checker's reason.</source>
        <translation>“{action}”已记录，等待高级审查员复核（双人复核）。如被退回，案件将连同复核人的理由回到您的“我的案件”。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="200" />
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="202" />
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="228" />
        <source>not monitored yet</source>
        <translation>尚未监测</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="230" />
        <source>{category} (above the days-past-due floor: {floor})</source>
        <translation>{category}（高于逾期天数对应的最低分类：{floor}）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="233" />
        <source>Loan no.</source>
        <translation>贷款编号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="234" />
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="235" />
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="236" />
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="237" />
        <source>Days past due</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="238" />
        <source>Five-category class</source>
        <translation>五级分类</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="239" />
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="240" />
        <source>Undrawn line</source>
        <translation>未用额度</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="240" />
        <source>frozen on {at}</source>
        <translation>已于 {at} 冻结</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="241" />
        <source>not frozen</source>
        <translation>未冻结</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="244" />
        <source>Called early</source>
        <translation>提前收回</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="245" />
        <source>Loan {no}</source>
        <translation>借据 {no}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="250" />
        <source>Awaiting a senior officer's check (four-eyes): {maker} asked to {what} on {at}: “{reason}”</source>
        <translation>待高级审查员复核（双人复核）：{maker} 于 {at} 申请{what}：“{reason}”</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="257" />
        <source>{checker} sent “{what}” back on {at}: “{reason}”. Your reason was: “{mine}”</source>
        <translation>{checker} 于 {at} 退回了“{what}”：“{reason}”。您的理由：“{mine}”</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="262" />
        <source>Early warnings (evidence)</source>
        <translation>预警（证据）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="263" />
        <source>Post-loan actions taken</source>
        <translation>已采取的贷后处置</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="272" />
        <source>The origination application and its score follow.</source>
        <translation>以下为贷前申请及其评分。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="281" />
        <source>promised to pay by {day}</source>
        <translation>承诺 {day} 前还款</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="283" />
        <source>{floor} → {category}</source>
        <translation>{floor} → {category}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="285" />
        <source> ({status})</source>
        <translation>（{status}）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="287" />
        <source>reason: “{reason}”</source>
        <translation>理由：“{reason}”</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/postloan_panel.py" line="289" />
        <source>checked by {checker} on {at}</source>
        <translation>{checker} 于 {at} 复核</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../riskdesk/ui/evidence.py" line="178" />
        <source>{name} - SHA-256 {hash}</source>
        <translation>{name} - SHA-256 {hash}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/evidence.py" line="187" />
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/evidence.py" line="188" />
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/evidence.py" line="203" />
        <source>Page {x} of {y}</source>
        <translation>第 {x} 页，共 {y} 页</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/evidence.py" line="219" />
        <source>No preview</source>
        <translation>无法预览</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../riskdesk/ui/import_problems.py" line="20" />
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/import_problems.py" line="21" />
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/import_problems.py" line="22" />
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/import_problems.py" line="23" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>Queue</name>
    <message>
        <location filename="../../riskdesk/services/cases/queue.py" line="121" />
        <source>Unknown view {view}.</source>
        <translation>未知视图 {view}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/queue.py" line="230" />
        <source>Cannot sort by {key}.</source>
        <translation>不能按 {key} 排序。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/paged_model.py" line="48" />
        <source>{a} applicants, {n} applications</source>
        <translation>{a} 名申请人，{n} 笔申请</translation>
    </message>
</context>
<context>
    <name>QueueExport</name>
    <message>
        <location filename="../../riskdesk/services/cases/export.py" line="34" />
        <source>Case</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/export.py" line="35" />
        <source>Application no.</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/export.py" line="36" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/export.py" line="37" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/export.py" line="38" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/export.py" line="39" />
        <source>Due (UTC)</source>
        <translation>到期（UTC）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/export.py" line="40" />
        <source>Applicant (masked)</source>
        <translation>申请人（脱敏）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/export.py" line="41" />
        <source>ID number (masked)</source>
        <translation>身份证号（脱敏）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/export.py" line="42" />
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/export.py" line="43" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/export.py" line="44" />
        <source>Amount (CNY)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/export.py" line="45" />
        <source>PD</source>
        <translation>违约概率</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/export.py" line="46" />
        <source>Points</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/export.py" line="47" />
        <source>Band</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/export.py" line="48" />
        <source>Rule hits</source>
        <translation>规则命中</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/export.py" line="49" />
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/export.py" line="80" />
        <source>Export to a .csv or .xlsx file, not {name}.</source>
        <translation>请导出为 .csv 或 .xlsx 文件，而不是 {name}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/export.py" line="88" />
        <source>{n} rows do not fit in one Excel sheet; export to CSV or narrow the view.</source>
        <translation>{n} 行超出一个 Excel 工作表的容量；请导出为 CSV 或缩小视图范围。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/export.py" line="112" />
        <source>{n} of {total} rows</source>
        <translation>{n} / {total} 行</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/cases/export.py" line="132" />
        <source>Cases</source>
        <translation>案件</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="17" />
        <source>Loan amount {value} CNY</source>
        <translation>借款金额 {value} 元</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="18" />
        <source>Term of {value} months</source>
        <translation>期限 {value} 个月</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="19" />
        <source>Interest rate {value} %</source>
        <translation>利率 {value}%</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="20" />
        <source>Annual income {value} CNY</source>
        <translation>年收入 {value} 元</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="21" />
        <source>{value} years in employment</source>
        <translation>工作年限 {value} 年</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="22" />
        <source>Income verification: {value}</source>
        <translation>收入核验：{value}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="23" />
        <source>{value} delinquencies in the last 2 years</source>
        <translation>近两年逾期 {value} 次</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="24" />
        <source>{value} credit inquiries in the last 6 months</source>
        <translation>近 6 个月征信查询 {value} 次</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="25" />
        <source>Revolving credit {value} % used</source>
        <translation>循环额度已使用 {value}%</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="26" />
        <source>{value} accounts delinquent now</source>
        <translation>当前逾期账户 {value} 个</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="27" />
        <source>{value} instalment accounts opened in 6 months</source>
        <translation>近 6 个月新开分期账户 {value} 个</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="28" />
        <source>{value} instalment accounts opened in 12 months</source>
        <translation>近 12 个月新开分期账户 {value} 个</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="30" />
        <source>{value} instalment accounts opened in 24 months</source>
        <translation>近 24 个月新开分期账户 {value} 个</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="32" />
        <source>Instalment loan balances {value}</source>
        <translation>分期贷款余额 {value}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="33" />
        <source>Overall credit {value} % used</source>
        <translation>总体额度已使用 {value}%</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="34" />
        <source>{value} personal-finance inquiries</source>
        <translation>个人金融查询 {value} 次</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="35" />
        <source>{value} credit inquiries in the last 12 months</source>
        <translation>近 12 个月征信查询 {value} 次</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="36" />
        <source>Past-due amount {value}</source>
        <translation>逾期金额 {value}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="37" />
        <source>{value} instalment accounts in total</source>
        <translation>分期账户共 {value} 个</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="38" />
        <source>Instalment credit limits {value}</source>
        <translation>分期授信总额 {value}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="42" />
        <source>Term of {value} month</source>
        <translation>期限 {value} 个月</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="43" />
        <source>{value} year in employment</source>
        <translation>工作年限 {value} 年</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="44" />
        <source>{value} delinquency in the last 2 years</source>
        <translation>近两年逾期 {value} 次</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="45" />
        <source>{value} credit inquiry in the last 6 months</source>
        <translation>近 6 个月征信查询 {value} 次</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="46" />
        <source>{value} account delinquent now</source>
        <translation>当前逾期账户 {value} 个</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="47" />
        <source>{value} instalment account opened in 6 months</source>
        <translation>近 6 个月新开分期账户 {value} 个</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="48" />
        <source>{value} instalment account opened in 12 months</source>
        <translation>近 12 个月新开分期账户 {value} 个</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="50" />
        <source>{value} instalment account opened in 24 months</source>
        <translation>近 24 个月新开分期账户 {value} 个</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="52" />
        <source>{value} personal-finance inquiry</source>
        <translation>个人金融查询 {value} 次</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="53" />
        <source>{value} credit inquiry in the last 12 months</source>
        <translation>近 12 个月征信查询 {value} 次</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="55" />
        <source>{value} instalment account in total</source>
        <translation>分期账户共 {value} 个</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="59" />
        <source>Loan amount (CNY)</source>
        <translation>贷款金额（元）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="60" />
        <source>Term (months)</source>
        <translation>期限（月）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="61" />
        <source>Interest rate (%)</source>
        <translation>利率（%）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="62" />
        <source>Annual income (CNY)</source>
        <translation>年收入（元）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="63" />
        <source>Years in employment</source>
        <translation>工作年限</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="64" />
        <source>Income verification</source>
        <translation>收入核验</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="65" />
        <source>Delinquencies in the last 2 years</source>
        <translation>近 2 年逾期次数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="66" />
        <source>Credit inquiries in the last 6 months</source>
        <translation>近 6 个月查询次数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="67" />
        <source>Revolving credit used (%)</source>
        <translation>循环授信使用率（%）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="68" />
        <source>Accounts delinquent now</source>
        <translation>当前逾期账户数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="69" />
        <source>Instalment accounts opened in 6 months</source>
        <translation>近 6 个月新开分期账户数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="70" />
        <source>Instalment accounts opened in 12 months</source>
        <translation>近 12 个月新开分期账户数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="71" />
        <source>Instalment accounts opened in 24 months</source>
        <translation>近 24 个月新开分期账户数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="72" />
        <source>Instalment loan balances (CNY)</source>
        <translation>分期贷款余额（元）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="73" />
        <source>Overall credit used (%)</source>
        <translation>总体授信使用率（%）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="74" />
        <source>Personal-finance inquiries</source>
        <translation>个人金融类查询次数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="75" />
        <source>Credit inquiries in the last 12 months</source>
        <translation>近 12 个月查询次数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="76" />
        <source>Past-due amount (CNY)</source>
        <translation>逾期金额（元）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="77" />
        <source>Instalment accounts in total</source>
        <translation>分期账户总数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="78" />
        <source>Instalment credit limits (CNY)</source>
        <translation>分期授信额度（元）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="81" />
        <source>{name}: not given</source>
        <translation>{name}：未提供</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="83" />
        <source>Verified</source>
        <translation>已核实</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="84" />
        <source>Source Verified</source>
        <translation>来源已核实</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="85" />
        <source>Not Verified</source>
        <translation>未核实</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="86" />
        <source>raises risk</source>
        <translation>提高风险</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="87" />
        <source>lowers risk</source>
        <translation>降低风险</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="88" />
        <source>not given</source>
        <translation>未提供</translation>
    </message>
    <message>
        <location filename="../../riskdesk/scoring/reasons.py" line="202" />
        <source>{what}: {effect}</source>
        <translation>{what}：{effect}</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <location filename="../../riskdesk/services/reporting/archive.py" line="35" />
        <source>A report is written in zh or en, not {lang}.</source>
        <translation>报告语言只能是 zh 或 en，而不是 {lang}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/reporting/archive.py" line="113" />
        <source>Application {no} has no case.</source>
        <translation>申请 {no} 没有案件。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/reporting/archive.py" line="255" />
        <source>There is no report {id}.</source>
        <translation>不存在报告 {id}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/reporting/archive.py" line="340" />
        <source>Consumer-finance risk team</source>
        <translation>消费金融风险管理团队</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <location filename="../../riskdesk/ui/reports.py" line="94" />
        <source>Application no.</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/reports.py" line="105" />
        <source>Issue case audit report</source>
        <translation>出具案件审计报告</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/reports.py" line="106" />
        <source>Issue monthly report</source>
        <translation>出具月度报告</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/reports.py" line="108" />
        <source>Issue model validation report</source>
        <translation>出具模型验证报告</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/reports.py" line="110" />
        <source>Print...</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/reports.py" line="111" />
        <source>Save PDF as...</source>
        <translation>PDF 另存为…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/reports.py" line="112" />
        <source>Check a PDF file...</source>
        <translation>核验 PDF 文件…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/reports.py" line="118" />
        <source>Include personal data</source>
        <translation>包含个人信息</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/reports.py" line="120" />
        <source>Full name, ID number and phone in the case report; recorded in the audit trail, and every page is marked "contains personal data".</source>
        <translation>案件报告中显示完整姓名、身份证号和手机号；记入审计轨迹，且每页标注“含个人信息”。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/reports.py" line="132" />
        <source>Report no.</source>
        <translation>报告编号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/reports.py" line="132" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/reports.py" line="132" />
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/reports.py" line="132" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/reports.py" line="133" />
        <source>Issued by</source>
        <translation>出具人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/reports.py" line="134" />
        <source>Issued at</source>
        <translation>出具时间</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/reports.py" line="134" />
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/reports.py" line="140" />
        <source>Report language</source>
        <translation>报告语言</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/reports.py" line="141" />
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/reports.py" line="148" />
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/reports.py" line="152" />
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/reports.py" line="161" />
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/reports.py" line="167" />
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/reports.py" line="171" />
        <location filename="../../riskdesk/ui/reports.py" line="187" />
        <source>Issued reports</source>
        <translation>已出具的报告</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/reports.py" line="127" />
        <location filename="../../riskdesk/ui/reports.py" line="196" />
        <location filename="../../riskdesk/ui/reports.py" line="243" />
        <source>Not shown</source>
        <translation>未显示</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/reports.py" line="263" />
        <location filename="../../riskdesk/ui/reports.py" line="287" />
        <source>Not issued</source>
        <translation>未出具</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/reports.py" line="288" />
        <source>Enter the application number of the case.</source>
        <translation>请输入案件的申请编号。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/reports.py" line="265" />
        <source>Issuing the report</source>
        <translation>正在出具报告</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/reports.py" line="324" />
        <source>Save PDF as</source>
        <translation>PDF 另存为</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/reports.py" line="330" />
        <source>Check a PDF file</source>
        <translation>核验 PDF 文件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/reports.py" line="339" />
        <source>Cannot read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/reports.py" line="343" />
        <source>Issued by riskdesk</source>
        <translation>由 riskdesk 出具</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/reports.py" line="344" />
        <source>{file} is report {no}, issued by {who} at {at}.</source>
        <translation>{file} 是报告 {no}，由 {who} 于 {at} 出具。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/reports.py" line="348" />
        <source>Not issued by riskdesk</source>
        <translation>非 riskdesk 出具</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/reports.py" line="349" />
        <source>{file} matches no issued report: it was not issued here, or it was changed after issue.</source>
        <translation>{file} 与任何已出具的报告都不符：它不是在此出具的，或出具后被修改过。</translation>
    </message>
</context>
<context>
    <name>RingClosePanel</name>
    <message>
        <location filename="../../riskdesk/ui/cases/ring_close_panel.py" line="58" />
        <source>Why: the evidence of fraud (signed), or why it goes back</source>
        <translation>理由：欺诈证据（签名），或复核退回的原因</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/ring_close_panel.py" line="60" />
        <source>Confirmed fraud...</source>
        <translation>确认欺诈结案…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/ring_close_panel.py" line="61" />
        <source>Propose closing the ring as confirmed fraud; a senior officer confirms it</source>
        <translation>提议以“确认欺诈”结案；由高级审查员复核</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/ring_close_panel.py" line="63" />
        <source>Confirm fraud...</source>
        <translation>复核通过：确认欺诈…</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/ring_close_panel.py" line="64" />
        <source>Send back</source>
        <translation>复核退回</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/ring_close_panel.py" line="87" />
        <source>Close {code} as confirmed fraud</source>
        <translation>{code} 以“确认欺诈”结案</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/ring_close_panel.py" line="88" />
        <source>Blacklist its {n} devices, phones and cards</source>
        <translation>将其 {n} 个设备、手机号和银行卡加入黑名单</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/ring_close_panel.py" line="90" />
        <source>Decline its {n} open applications</source>
        <translation>拒绝其 {n} 笔未决申请</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/ring_close_panel.py" line="111" />
        <source>An officer proposes, a senior officer other than the proposer confirms; both are signed.</source>
        <translation>由审查员提议，提议人以外的高级审查员复核；两步均经签名。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/ring_close_panel.py" line="114" />
        <source>{maker} proposed it ({what}): “{reason}”. Waiting for a senior officer's confirmation.</source>
        <translation>{maker} 已提议（{what}）：“{reason}”。等待高级审查员复核。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/ring_close_panel.py" line="118" />
        <source>{code} was confirmed as fraud.</source>
        <translation>{code} 已确认为欺诈。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/ring_close_panel.py" line="119" />
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/ring_close_panel.py" line="119" />
        <source>expired: its links fell out of the window</source>
        <translation>已过期：其关联已超出时间窗口</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/ring_close_panel.py" line="121" />
        <source>merged into an older ring</source>
        <translation>已并入更早的团伙</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/ring_close_panel.py" line="122" />
        <source>{code} is no longer open: {status}.</source>
        <translation>{code} 已不在处理中：{status}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/ring_close_panel.py" line="127" />
        <source>blacklist {n} keys</source>
        <translation>{n} 个关联要素加入黑名单</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/ring_close_panel.py" line="128" />
        <source>decline {n} open applications</source>
        <translation>拒绝 {n} 笔未决申请</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/ring_close_panel.py" line="131" />
        <source>close the ring only</source>
        <translation>仅结案</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/ring_close_panel.py" line="139" />
        <source>Close {code} as confirmed fraud?</source>
        <translation>{code} 以“确认欺诈”结案？</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/ring_close_panel.py" line="141" />
        <source>You propose: {what}. Nothing happens until a senior officer other than you confirms it. Your proposal is signed with your key.</source>
        <translation>您提议：{what}。须经您以外的一名高级审查员复核通过后才执行。您的提议以您的密钥签名。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/ring_close_panel.py" line="146" />
        <source>Not proposed</source>
        <translation>未提议</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/ring_close_panel.py" line="159" />
        <source>Confirm {code} as fraud?</source>
        <translation>复核通过，确认 {code} 为欺诈？</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/ring_close_panel.py" line="160" />
        <source>{maker} proposed: {what}. Confirming does it now, in one step: each decline is a final decision sent to origination. Your confirmation is signed with your key.</source>
        <translation>{maker} 提议：{what}。复核通过后一次执行：每笔拒绝均为最终决定，并回传进件系统。您的复核以您的密钥签名。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/ring_close_panel.py" line="167" />
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/ring_close_panel.py" line="171" />
        <source>{code} confirmed as fraud</source>
        <translation>{code} 已确认为欺诈</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/cases/ring_close_panel.py" line="172" />
        <source>{keys} keys put on the blacklist; {n} applications declined.</source>
        <translation>{keys} 个关联要素已加入黑名单；{n} 笔申请已拒绝。</translation>
    </message>
</context>
<context>
    <name>RingDialog</name>
    <message>
        <location filename="../../riskdesk/ui/rings.py" line="235" />
        <source>Fraud ring {code}</source>
        <translation>欺诈团伙 {code}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rings.py" line="247" />
        <source>Click a node to see its applications.</source>
        <translation>点击节点查看其申请。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rings.py" line="254" />
        <source>Open application</source>
        <translation>打开申请</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rings.py" line="257" />
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rings.py" line="258" />
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rings.py" line="259" />
        <source>Fit</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rings.py" line="290" />
        <location filename="../../riskdesk/ui/rings.py" line="297" />
        <source>device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rings.py" line="290" />
        <location filename="../../riskdesk/ui/rings.py" line="298" />
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rings.py" line="291" />
        <location filename="../../riskdesk/ui/rings.py" line="299" />
        <source>card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rings.py" line="291" />
        <source>contact phone</source>
        <translation>紧急联系人电话</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rings.py" line="292" />
        <location filename="../../riskdesk/ui/rings.py" line="300" />
        <source>employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rings.py" line="295" />
        <source>applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rings.py" line="296" />
        <source>flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rings.py" line="305" />
        <source>{code}: {applicants} applicants, {applications} applications, {keys} shared keys, {amount} applied; density {density}, over {days} days, {flagged} flagged, {bad} with bad outcomes</source>
        <translation>{code}：{applicants} 名申请人，{applications} 笔申请，{keys} 个共用关联要素，申请金额 {amount}；关联密度 {density}，跨 {days} 天，{flagged} 被标记，{bad} 表现为坏</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rings.py" line="320" />
        <source>{node}: {n} applications</source>
        <translation>{node}：{n} 笔申请</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rings.py" line="351" />
        <source>Application {no}</source>
        <translation>申请 {no}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rings.py" line="352" />
        <source>This application has no case to open.</source>
        <translation>该申请没有可打开的案件。</translation>
    </message>
</context>
<context>
    <name>RingReport</name>
    <message>
        <location filename="../../riskdesk/reports/ring_section.py" line="20" />
        <source>device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/ring_section.py" line="20" />
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/ring_section.py" line="21" />
        <source>card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/ring_section.py" line="22" />
        <source>employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/ring_section.py" line="64" />
        <source>Fraud ring {code}</source>
        <translation>欺诈团伙 {code}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/ring_section.py" line="66" />
        <source>Applicants</source>
        <translation>申请人数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/ring_section.py" line="67" />
        <source>Applications</source>
        <translation>申请</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/ring_section.py" line="68" />
        <source>Shared keys</source>
        <translation>共用关联要素</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/ring_section.py" line="70" />
        <source>Amount applied (CNY)</source>
        <translation>申请金额（元）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/ring_section.py" line="71" />
        <source>Density</source>
        <translation>关联密度</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/ring_section.py" line="72" />
        <source>Time span (days)</source>
        <translation>时间跨度（天）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/ring_section.py" line="73" />
        <source>Share flagged</source>
        <translation>被标记占比</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/ring_section.py" line="75" />
        <source>Share with bad outcomes</source>
        <translation>表现为坏占比</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/ring_section.py" line="79" />
        <source>Member applications</source>
        <translation>成员申请</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/ring_section.py" line="82" />
        <source>Application no.</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/ring_section.py" line="82" />
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/ring_section.py" line="83" />
        <source>Submitted</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/ring_section.py" line="83" />
        <source>Amount (CNY)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/ring_section.py" line="84" />
        <source>Flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/ring_section.py" line="86" />
        <source>yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>Rings</name>
    <message>
        <location filename="../../riskdesk/services/rings/views.py" line="107" />
        <source>A ring ID looks like RING-000123, not {text}.</source>
        <translation>团伙编号形如 RING-000123，而不是 {text}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/rings/closing.py" line="86" />
        <location filename="../../riskdesk/services/rings/views.py" line="139" />
        <source>There is no ring {code}.</source>
        <translation>没有团伙 {code}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/rings/closing.py" line="93" />
        <source>Give the reason.</source>
        <translation>请填写理由。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/rings/closing.py" line="103" />
        <source>Ring {code} is {status}, not open.</source>
        <translation>团伙 {code} 的状态为 {status}，不是未结。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/rings/closing.py" line="126" />
        <source>Ring {code} has no proposal to check.</source>
        <translation>团伙 {code} 没有待复核的提议。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/rings/closing.py" line="129" />
        <source>The proposal needs a second person: you made it.</source>
        <translation>该提议需要第二人复核：提议人是您。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/rings/closing.py" line="181" />
        <source>fraud ring {code} confirmed</source>
        <translation>欺诈团伙 {code} 已确认</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/rings/detect.py" line="121" />
        <source>The scoring run was saved, but linking its applications for fraud rings failed ({reason}). The next scoring run tries again; a senior officer can run 'riskdesk rings rebuild' now.</source>
        <translation>评分批次已保存，但为团伙识别关联其申请失败（{reason}）。下一次评分会重试；高级审核员也可立即运行 riskdesk rings rebuild。</translation>
    </message>
</context>
<context>
    <name>RolesDialog</name>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="48" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="49" />
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="50" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="51" />
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/admin.py" line="58" />
        <source>Granting the senior officer or admin role waits for a second administrator's approval.</source>
        <translation>授予高级审查员或管理员角色需等待第二位管理员审批。</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="14" />
        <source>internal policy</source>
        <translation>内部政策</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="15" />
        <source>CBIRC Order 2020 No. 9 (Interim Measures for Internet Loans)</source>
        <translation>银保监会令 2020 年第 9 号（《商业银行互联网贷款管理暂行办法》）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="17" />
        <source>CBIRC Order 2020 No. 9 (Interim Measures for Internet Loans) (wording unverified)</source>
        <translation>银保监会令 2020 年第 9 号（《商业银行互联网贷款管理暂行办法》）（措辞待核实）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="19" />
        <source>facilitation-lending notice 2025 / window guidance (24 % all-in cap)</source>
        <translation>2025 年助贷业务通知 / 窗口指导（综合年化成本上限 24%）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="21" />
        <source>GB 11643 (citizen identity number)</source>
        <translation>GB 11643（公民身份号码）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="53" />
        <source>Device shared by several applicants</source>
        <translation>多名申请人共用设备</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="55" />
        <source>Device used by {n} applicants within {days} days</source>
        <translation>{days} 天内有 {n} 名申请人使用该设备</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="56" />
        <source>Phone shared by several applicants</source>
        <translation>多名申请人共用手机号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="58" />
        <source>Phone number given by {n} applicants within {days} days</source>
        <translation>{days} 天内有 {n} 名申请人填写该手机号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="59" />
        <source>Bank card shared by several applicants</source>
        <translation>多名申请人共用银行卡</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="61" />
        <source>Bank card given by {n} applicants within {days} days</source>
        <translation>{days} 天内有 {n} 名申请人填写该银行卡</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="62" />
        <source>Many applications from one person</source>
        <translation>同一人多头申请</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="64" />
        <source>{n} applications from this ID number within {days} days</source>
        <translation>该身份证号 {days} 天内申请 {n} 笔</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="65" />
        <source>Stated age differs from the ID number</source>
        <translation>申报年龄与身份证不符</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="67" />
        <source>Stated age {stated}, the ID number gives {actual}</source>
        <translation>申报年龄 {stated} 岁，身份证显示 {actual} 岁</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="68" />
        <source>Invalid ID number checksum</source>
        <translation>身份证校验位错误</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="70" />
        <source>The ID number's check character is wrong</source>
        <translation>身份证号的校验位不正确</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="72" />
        <source>Debt service above income limit</source>
        <translation>还款收入比超限</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="74" />
        <source>Monthly repayments are {ratio:.0%} of monthly income (limit {limit:.0%})</source>
        <translation>月还款额占月收入 {ratio:.0%}（上限 {limit:.0%}）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="78" />
        <source>Above the personal credit-loan ceiling</source>
        <translation>超过个人信用贷款额度上限</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="80" />
        <source>This person's applications total {total:,.0f} CNY within {days} days (ceiling {ceiling:,.0f})</source>
        <translation>该申请人 {days} 天内申请合计 {total:,.0f} 元（上限 {ceiling:,.0f}）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="82" />
        <source>All-in annual cost above the ceiling</source>
        <translation>综合年化成本超上限</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="84" />
        <source>All-in annual cost {cost:.2f} % (band {band}); ceiling {ceiling:.0f} %; 4x LPR benchmark {lpr4:.2f} %</source>
        <translation>综合年化成本 {cost:.2f}%（档次 {band}）；上限 {ceiling:.0f}%；4 倍 LPR 参考 {lpr4:.2f}%</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="88" />
        <source>Bullet repayment longer than allowed</source>
        <translation>到期一次还本期限超限</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="90" />
        <source>Bullet repayment over {term} months (limit {limit})</source>
        <translation>到期一次还本，期限 {term} 个月（上限 {limit}）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="91" />
        <source>Borrower outside the licensed regions</source>
        <translation>借款人不在经营区域内</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="93" />
        <source>Borrower's region {region} is outside the licensed regions</source>
        <translation>借款人所在地区 {region} 不在经营区域内</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="96" />
        <source>Internal blacklist hit</source>
        <translation>命中内部黑名单</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="98" />
        <source>The {kind} is on the internal blacklist</source>
        <translation>该{kind}在内部黑名单中</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="100" />
        <source>Partner not active</source>
        <translation>合作方非正常合作状态</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="102" />
        <source>Applied through partner {partner}, whose status is {status}</source>
        <translation>经合作方 {partner} 申请，该合作方状态为{status}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="108" />
        <source>Fraud ring</source>
        <translation>欺诈团伙</translation>
    </message>
    <message>
        <location filename="../../riskdesk/rules/catalog.py" line="110" />
        <source>Ring of {n} applicants sharing devices, phones, cards or employers within {days} days</source>
        <translation>{days} 天内 {n} 名申请人共用设备、手机号、银行卡或工作单位，构成关联团伙</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/rulesets.py" line="45" />
        <location filename="../../riskdesk/services/credit/rulesets.py" line="135" />
        <source>defaults</source>
        <translation>默认设置</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/rulesets.py" line="111" />
        <source>There is no rule {code}.</source>
        <translation>没有规则 {code}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/rulesets.py" line="113" />
        <source>Severity must be low, medium or high, not {v}.</source>
        <translation>严重程度应为 low、medium 或 high，而不是 {v}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/rulesets.py" line="118" />
        <source>Rule {code} has no parameter {key}.</source>
        <translation>规则 {code} 没有参数 {key}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/rulesets.py" line="122" />
        <source>Parameter {key} of rule {code} must be like {example}.</source>
        <translation>规则 {code} 的参数 {key} 应形如 {example}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/rulesets.py" line="172" />
        <source>The policy has no setting {name}; it has {names}.</source>
        <translation>决策政策没有设置项 {name}；可用的设置项为 {names}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/rulesets.py" line="177" />
        <source>Policy settings are numbers.</source>
        <translation>决策政策的设置项均为数字。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/rulesets.py" line="179" />
        <source>PD bands need 0 &lt; approve-below &lt;= decline-from &lt; 1.</source>
        <translation>违约概率风险等级须满足 0 &lt; 批准上限 &lt;= 拒绝下限 &lt; 1。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/rulesets.py" line="183" />
        <source>The review SLA must be a positive number of hours.</source>
        <translation>审核时限必须是正的小时数。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/rulesets.py" line="186" />
        <source>The four-eyes amount cannot be negative.</source>
        <translation>双人复核金额不能为负数。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/backtest.py" line="93" />
        <source>--days must be between 1 and {n}, not {d}.</source>
        <translation>--days 必须在 1 到 {n} 之间，而不是 {d}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/proposals.py" line="76" />
        <source>{item}: write CODE.PARAMETER=VALUE, for example SHARED_DEVICE.min_applicants=10.</source>
        <translation>{item}：请写作 规则代码.参数=值，例如 SHARED_DEVICE.min_applicants=10。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/proposals.py" line="88" />
        <source>{item}: write NAME=VALUE, for example approve_below=0.06.</source>
        <translation>{item}：请写作 名称=值，例如 approve_below=0.06。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/proposals.py" line="119" />
        <source>Rule {code}: {field} cannot be changed.</source>
        <translation>规则 {code}：{field} 不可更改。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/proposals.py" line="123" />
        <source>Rule {code}: {field} is true or false.</source>
        <translation>规则 {code}：{field} 只能为 true 或 false。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/proposals.py" line="144" />
        <source>(restores {what})</source>
        <translation>（恢复 {what}）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/proposals.py" line="160" />
        <source>The proposal changes nothing: give at least one rule or policy value.</source>
        <translation>该提议未作任何变更：请至少给出一项规则或政策取值。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/proposals.py" line="163" />
        <source>Say why the change is proposed (--why).</source>
        <translation>请说明提议变更的理由（--why）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/proposals.py" line="168" />
        <source>The proposal changes nothing: every value is already as proposed.</source>
        <translation>该提议未作任何变更：各项取值已与提议相同。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/proposals.py" line="226" />
        <source>There is no proposal {id}.</source>
        <translation>不存在提议 {id}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/proposals.py" line="232" />
        <source>Proposal {id} is {status}, not awaiting a decision.</source>
        <translation>提议 {id} 的状态为{status}，不在待决定之列。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/proposals.py" line="244" />
        <source>{user} proposed change {id} and may not also approve it (four-eyes).</source>
        <translation>{user} 提议了变更 {id}，不得同时批准（双人复核）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/proposals.py" line="251" />
        <source>rule set</source>
        <translation>规则集</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/proposals.py" line="252" />
        <source>policy</source>
        <translation>决策政策</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/proposals.py" line="255" />
        <source>Proposal {id} was made against an older {what}: another change was approved since. Reject it and propose again from the version in force.</source>
        <translation>提议 {id} 基于较早的{what}：此后已有其他变更获批。请驳回该提议，并基于现行版本重新提议。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/proposals.py" line="263" />
        <source>proposal {id}: {why}</source>
        <translation>提议 {id}：{why}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/proposals.py" line="349" />
        <source>There is no rule set {id}.</source>
        <translation>不存在规则集 {id}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/proposals.py" line="356" />
        <source>There is no policy version {id}.</source>
        <translation>不存在政策版本 {id}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/rule_versions.py" line="126" />
        <location filename="../../riskdesk/services/credit/rule_versions.py" line="127" />
        <source>absent</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>RulesTab</name>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="64" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="70" />
        <source>In force and change</source>
        <translation>现行规则与变更</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="71" />
        <location filename="../../riskdesk/ui/rules_tab.py" line="208" />
        <source>Proposals</source>
        <translation>变更提议</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="72" />
        <location filename="../../riskdesk/ui/rules_tab.py" line="246" />
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="91" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="91" />
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="92" />
        <source>auto-approved</source>
        <translation>自动批准</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="94" />
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="95" />
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="96" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="97" />
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="98" />
        <source>Hard stop</source>
        <translation>硬性拒绝</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="99" />
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="100" />
        <source>Source</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="101" />
        <source>Rules in force</source>
        <translation>现行规则</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="108" />
        <source>CODE.PARAMETER=VALUE separated by spaces, e.g. SHARED_DEVICE.min_applicants=10 (double-click a rule)</source>
        <translation>规则代码.参数=值，以空格分隔，例如 SHARED_DEVICE.min_applicants=10（双击规则可填入）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="112" />
        <source>NAME=VALUE separated by spaces, e.g. approve_below=0.06</source>
        <translation>名称=值，以空格分隔，例如 approve_below=0.06</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="114" />
        <source>Why the change is needed (required)</source>
        <translation>变更理由（必填）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="115" />
        <location filename="../../riskdesk/ui/rules_tab.py" line="203" />
        <location filename="../../riskdesk/ui/rules_tab.py" line="239" />
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="124" />
        <source>(otherwise at approval)</source>
        <translation>（未勾选则批准时生效）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="126" />
        <source>Rule changes:</source>
        <translation>规则变更：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="127" />
        <source>Policy changes:</source>
        <translation>政策变更：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="128" />
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="133" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="134" />
        <location filename="../../riskdesk/ui/rules_tab.py" line="309" />
        <location filename="../../riskdesk/ui/rules_tab.py" line="312" />
        <location filename="../../riskdesk/ui/rules_tab.py" line="318" />
        <source>Backtest</source>
        <translation>回测</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="136" />
        <source>Propose</source>
        <translation>提议</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="139" />
        <source>Backtest over the last</source>
        <translation>回测最近</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="149" />
        <source>Application no.</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="151" />
        <source>Submitted</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="153" />
        <source>PD</source>
        <translation>违约概率</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="154" />
        <location filename="../../riskdesk/ui/rules_tab.py" line="180" />
        <source>Before</source>
        <translation>变更前</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="156" />
        <location filename="../../riskdesk/ui/rules_tab.py" line="180" />
        <source>After</source>
        <translation>变更后</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="158" />
        <source>Rules before</source>
        <translation>变更前命中规则</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="159" />
        <source>Rules after</source>
        <translation>变更后命中规则</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="160" />
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="163" />
        <source>Applications that change</source>
        <translation>结果变化的申请</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="183" />
        <source>Flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="183" />
        <source>Approval rate</source>
        <translation>通过率</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="184" />
        <source>Cases per day</source>
        <translation>每日案件数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="185" />
        <source>Bad rate among approved</source>
        <translation>通过申请的不良率</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="186" />
        <source>Share of bads caught</source>
        <translation>不良申请识别率</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="197" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="198" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="199" />
        <source>Change</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="200" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="201" />
        <source>Proposed by</source>
        <translation>提议人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="202" />
        <source>Proposed</source>
        <translation>提议时间</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="204" />
        <source>at approval</source>
        <translation>批准时</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="205" />
        <source>Decided by</source>
        <translation>决定人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="206" />
        <location filename="../../riskdesk/ui/rules_tab.py" line="244" />
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="210" />
        <source>Note with the decision (optional)</source>
        <translation>决定附言（可选）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="214" />
        <source>Backtest selected</source>
        <translation>回测所选提议</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="215" />
        <location filename="../../riskdesk/ui/rules_tab.py" line="367" />
        <location filename="../../riskdesk/ui/rules_tab.py" line="373" />
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="216" />
        <location filename="../../riskdesk/ui/rules_tab.py" line="381" />
        <source>Reject or withdraw</source>
        <translation>驳回或撤回</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="226" />
        <source>A change takes effect only when a second person (compliance or a senior officer, never its proposer) approves it; the approval is signed.</source>
        <translation>变更须经第二人（合规人员或高级审核员，不得为提议人）批准后方生效；批准经电子签名。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="232" />
        <source>in force</source>
        <translation>现行</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="232" />
        <source>coming</source>
        <translation>待生效</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="233" />
        <source>past</source>
        <translation>已失效</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="234" />
        <source>rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="234" />
        <source>policy</source>
        <translation>决策政策</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="236" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="237" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="238" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="241" />
        <source>Written by</source>
        <translation>写入人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="242" />
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="249" />
        <source>Rule or setting</source>
        <translation>规则或设置项</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="250" />
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="251" />
        <source>First</source>
        <translation>前一版本</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="252" />
        <source>Second</source>
        <translation>后一版本</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="253" />
        <source>Differences</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="255" />
        <source>Compare the two selected</source>
        <translation>比较所选两个版本</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="257" />
        <source>Propose restoring the selected</source>
        <translation>提议恢复所选版本</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/main_tabs.py" line="103" />
        <location filename="../../riskdesk/ui/rules_tab.py" line="271" />
        <location filename="../../riskdesk/ui/rules_tab.py" line="273" />
        <source>Rules and policy</source>
        <translation>规则与政策</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="280" />
        <source>In force: rule set {rs}, policy version {pv}. Proposals awaiting approval: {n}.</source>
        <translation>现行：规则集 {rs}，政策版本 {pv}。待批准提议：{n} 项。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="285" />
        <source>Policy: approve below PD {a}, decline from PD {d}; review within {h} hours; approvals above {amount} CNY need a second person.</source>
        <translation>决策政策：违约概率低于 {a} 为批准档，不低于 {d} 为拒绝档；{h} 小时内完成审核；批准金额超过 {amount} 元须第二人复核。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="311" />
        <source>Backtesting...</source>
        <translation>正在回测……</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="331" />
        <source>{n} applications submitted in the last {days} days ({unscored} not scored), {known} with a known outcome; {changed} change. Nothing was written.</source>
        <translation>最近 {days} 天提交的申请 {n} 笔（未评分 {unscored} 笔），已知结果 {known} 笔；结果变化 {changed} 笔。未写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="344" />
        <location filename="../../riskdesk/ui/rules_tab.py" line="349" />
        <source>Propose a change</source>
        <translation>提议变更</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="368" />
        <source>Approve proposal {id}? It takes effect {when}:
{change}</source>
        <translation>批准提议 {id}？生效时间：{when}
{change}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="369" />
        <source>at once</source>
        <translation>立即</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="393" />
        <location filename="../../riskdesk/ui/rules_tab.py" line="399" />
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="394" />
        <source>Select two versions of the same kind (two rule sets or two policies).</source>
        <translation>请选择同类的两个版本（两个规则集或两个政策版本）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="397" />
        <source>{kind} {a} -&gt; {b}</source>
        <translation>{kind} {a} → {b}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="406" />
        <location filename="../../riskdesk/ui/rules_tab.py" line="411" />
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/rules_tab.py" line="407" />
        <source>Select one version, and write the reason on the first page.</source>
        <translation>请选择一个版本，并在第一页填写理由。</translation>
    </message>
</context>
<context>
    <name>Scoring</name>
    <message>
        <location filename="../../riskdesk/services/credit/monitoring.py" line="52" />
        <source>No model is active.</source>
        <translation>没有生效的模型。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/scoring_job.py" line="126" />
        <source>{d} decisions ({f} flagged), {s} new scores, {h} rule hits, {r} reason codes, {c} new cases (model {m}, rule set {rs}, policy {p})</source>
        <translation>决策 {d} 笔（标记 {f} 笔），新评分 {s} 条，规则命中 {h} 条，原因码 {r} 条，新案件 {c} 件（模型 {m}，规则集 {rs}，策略 {p}）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/scoring_job.py" line="155" />
        <source>No model is active: an admin proposes one and compliance or a senior officer approves it (riskdesk model propose / approve).</source>
        <translation>没有生效的模型：需由管理员提请、合规或高级审核员审批（riskdesk model propose / approve）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/scoring_job.py" line="173" />
        <source>Reading applications</source>
        <translation>正在读取申请</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/scoring_job.py" line="225" />
        <source>Linking applications for fraud rings</source>
        <translation>正在为团伙识别关联申请</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/scoring_job.py" line="231" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/scoring_job.py" line="274" />
        <source>Scope must be all or unscored.</source>
        <translation>范围应为 all 或 unscored。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/scoring_job.py" line="318" />
        <source>Scoring {n} applications</source>
        <translation>正在为 {n} 笔申请评分</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/scoring_job.py" line="431" />
        <source>Checking rules</source>
        <translation>正在检查规则</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/scoring_job.py" line="523" />
        <source>Explaining flagged applications</source>
        <translation>正在计算标记申请的原因</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/scoring_job.py" line="497" />
        <source>Recording decisions</source>
        <translation>正在记录决策</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/scoring_job.py" line="514" />
        <source>Opening cases</source>
        <translation>正在创建案件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/explanations.py" line="121" />
        <source>Application {id} has not been scored.</source>
        <translation>申请 {id} 尚未评分。</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../riskdesk/services/admin/settings.py" line="31" />
        <source>The idle lock must be between {low} and {high} minutes.</source>
        <translation>空闲锁定时间须在 {low} 到 {high} 分钟之间。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/admin/settings.py" line="57" />
        <source>The name on reports needs 1 to 200 characters.</source>
        <translation>报告署名需 1 至 200 个字符。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/admin/settings.py" line="88" />
        <source>Keep 0 to 365 automatic backups.</source>
        <translation>自动备份保留数量须为 0 到 365。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../riskdesk/ui/settings_dialog.py" line="43" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/settings_dialog.py" line="47" />
        <source>A SQLite file, or postgresql+psycopg://user@host/db</source>
        <translation>SQLite 文件，或 postgresql+psycopg://用户@主机/数据库</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/settings_dialog.py" line="50" />
        <source>Kept in the OS keyring, never in a file</source>
        <translation>保存在操作系统密钥环中，不写入任何文件</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/settings_dialog.py" line="51" />
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/settings_dialog.py" line="54" />
        <source>In use now: {db}</source>
        <translation>当前使用：{db}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/settings_dialog.py" line="73" />
        <source>default: {path}</source>
        <translation>默认：{path}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/settings_dialog.py" line="76" />
        <source>The audit anchor file is kept here, outside the database: choose a share the database's owner cannot rewrite</source>
        <translation>审计锚定文件保存在此处（数据库之外）：请选择数据库所有者无法改写的共享目录</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/settings_dialog.py" line="82" />
        <source>none: urgent actions go out with the feed</source>
        <translation>不设置：紧急处置随回传数据一并发出</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/settings_dialog.py" line="98" />
        <source>Compliance sets it; months, report numbers and report times follow it</source>
        <translation>由合规部门设置；月份、报告编号及报告时间均按此时区</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/settings_dialog.py" line="109" />
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/settings_dialog.py" line="110" />
        <source>Database password</source>
        <translation>数据库密码</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/settings_dialog.py" line="112" />
        <source>Language (after a restart)</source>
        <translation>界面语言（重启后生效）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/settings_dialog.py" line="113" />
        <source>Idle lock (minutes)</source>
        <translation>空闲锁定（分钟）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/settings_dialog.py" line="114" />
        <source>Backups kept on exit</source>
        <translation>退出时保留的备份数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/settings_dialog.py" line="115" />
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/settings_dialog.py" line="116" />
        <source>Audit anchor folder</source>
        <translation>审计锚定文件夹</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/settings_dialog.py" line="117" />
        <source>Decision feed folder (urgent actions)</source>
        <translation>决定回传文件夹（紧急处置）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/settings_dialog.py" line="118" />
        <source>Feed acknowledgement warning (hours)</source>
        <translation>回传回执预警时限（小时）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/settings_dialog.py" line="119" />
        <source>Complaint reply due (days)</source>
        <translation>投诉答复期限（天）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/settings_dialog.py" line="120" />
        <source>Bank's time zone (reports, months)</source>
        <translation>本行时区（报告、月份）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/settings_dialog.py" line="121" />
        <source>Case review SLA (hours)</source>
        <translation>案件审查时限（小时）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/settings_dialog.py" line="123" />
        <source>(part of the decision policy: compliance changes it)</source>
        <translation>（属于决策政策，由合规人员修改）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/settings_dialog.py" line="137" />
        <source>Give a database first.</source>
        <translation>请先填写数据库。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/settings_dialog.py" line="142" />
        <source>There is no database at {path} yet: riskdesk creates it on its next start, with its first administrator.</source>
        <translation>{path} 处尚无数据库：riskdesk 下次启动时将新建该数据库，并创建其首位管理员。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/settings_dialog.py" line="146" />
        <source>Cannot connect: {error}</source>
        <translation>无法连接：{error}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/settings_dialog.py" line="149" />
        <source>Connected to {db}: schema {rev} (this riskdesk: {head})</source>
        <translation>已连接 {db}：结构版本 {rev}（本程序：{head}）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/settings_dialog.py" line="173" />
        <source>Not saved</source>
        <translation>未保存</translation>
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
        <location filename="../../riskdesk/storage/engine.py" line="76" />
        <source>The OS keyring cannot be read: {error}</source>
        <translation>无法读取操作系统密钥环：{error}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/storage/engine.py" line="149" />
        <source>Unsupported database type: {backend}</source>
        <translation>不支持的数据库类型：{backend}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/storage/engine.py" line="186" />
        <source>There is no database at {path}. Build the demo database with `riskdesk demo{option}`, or create a new database with its first administrator: `riskdesk user add NAME --role admin{option}`; or name another database with --db or RISKDESK_DB.</source>
        <translation>{path} 处没有数据库。可运行 `riskdesk demo{option}` 建立演示数据库，或运行 `riskdesk user add NAME --role admin{option}` 新建数据库并创建其首位管理员；也可用 --db 或 RISKDESK_DB 指定其他数据库。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/storage/engine.py" line="195" />
        <source>The database {db} has no users yet: nobody can sign in to it. Build the demo database with `riskdesk demo{option}`, or create its first administrator: `riskdesk user add NAME --role admin{option}`.</source>
        <translation>数据库 {db} 尚无任何用户，无法登录。可运行 `riskdesk demo{option}` 建立演示数据库，或运行 `riskdesk user add NAME --role admin{option}` 创建其首位管理员。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/storage/migrate.py" line="75" />
        <source>The database schema ({revision}) is newer than this riskdesk; install the newer version of riskdesk to open it.</source>
        <translation>数据库结构版本（{revision}）比本 riskdesk 更新；请安装新版 riskdesk 后再打开。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/storage/migrate.py" line="89" />
        <source>The database is empty; run `riskdesk db upgrade` first.</source>
        <translation>数据库为空；请先运行 `riskdesk db upgrade`。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/storage/migrate.py" line="91" />
        <source>The database schema ({current}) is older than this riskdesk ({head}); run `riskdesk db upgrade`.</source>
        <translation>数据库结构版本（{current}）比本 riskdesk（{head}）旧；请运行 `riskdesk db upgrade`。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/storage/session.py" line="34" />
        <source>The database is locked by another program or window (waited {seconds:g} s); nothing was changed. Try again when it is free.</source>
        <translation>数据库被其他程序或窗口锁定（已等待 {seconds:g} 秒）；未做任何更改。请在其空闲后重试。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/storage/session.py" line="38" />
        <source>The disk holding the database is full (or the database reached its size limit); nothing was changed. Free space, then try again.</source>
        <translation>数据库所在磁盘已满（或数据库已达到大小上限）；未做任何更改。请释放空间后重试。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/storage/session.py" line="43" />
        <source>The connection to the database server was lost; nothing was changed. It is retried on the next action.</source>
        <translation>与数据库服务器的连接已断开；未做任何更改。下一次操作时将重新连接。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/storage/session.py" line="45" />
        <source>The database could not complete the operation: {error}</source>
        <translation>数据库无法完成操作：{error}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/storage/mysql_keys.py" line="177" />
        <source>The bulk load into {table} kept {kept} of {written} rows (a duplicate key): nothing of it is saved.</source>
        <translation>批量载入 {table} 时仅保留了 {written} 行中的 {kept} 行（存在重复键）：本次载入的内容均未保存。</translation>
    </message>
</context>
<context>
    <name>TableExport</name>
    <message>
        <location filename="../../riskdesk/services/reporting/table_export.py" line="33" />
        <source>Export to a .csv or .xlsx file, not {name}.</source>
        <translation>请导出为 .csv 或 .xlsx 文件，而不是 {name}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/reporting/table_export.py" line="36" />
        <source>{n} rows do not fit in one Excel sheet; export to CSV.</source>
        <translation>{n} 行超出单个 Excel 工作表的容量，请导出为 CSV。</translation>
    </message>
</context>
<context>
    <name>TableTools</name>
    <message>
        <location filename="../../riskdesk/ui/table_tools.py" line="137" />
        <source>Not exported</source>
        <translation>未导出</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/table_tools.py" line="140" />
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/table_tools.py" line="141" />
        <source>{n} rows written to {file}.</source>
        <translation>已将 {n} 行写入 {file}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/table_tools.py" line="151" />
        <source>Export to Excel/CSV...</source>
        <translation>导出为 Excel/CSV...</translation>
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
    <name>UnacknowledgedModel</name>
    <message>
        <location filename="../../riskdesk/ui/feed.py" line="37" />
        <source>Sequence</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/feed.py" line="37" />
        <source>Application no.</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/feed.py" line="37" />
        <source>Loan no.</source>
        <translation>贷款编号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/feed.py" line="38" />
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/feed.py" line="38" />
        <source>Final (UTC)</source>
        <translation>生效时间（UTC）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/feed.py" line="38" />
        <source>Decided by</source>
        <translation>决定人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/feed.py" line="39" />
        <source>Checked by</source>
        <translation>复核人</translation>
    </message>
</context>
<context>
    <name>Users</name>
    <message>
        <location filename="../../riskdesk/services/admin/users.py" line="60" />
        <source>Sign in as an administrator to add users.</source>
        <translation>请以管理员身份登录后添加用户。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/admin/users.py" line="62" />
        <source>The first user of a database must be an admin.</source>
        <translation>数据库的第一个用户必须是管理员。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/admin/users.py" line="68" />
        <source>A user name needs 1 to 64 characters.</source>
        <translation>用户名需为 1 至 64 个字符。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/admin/users.py" line="109" />
        <source>Unknown role(s): {roles}. Known roles: {known}.</source>
        <translation>未知角色：{roles}。可用角色：{known}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/admin/signing_keys.py" line="123" />
        <location filename="../../riskdesk/services/admin/users.py" line="167" />
        <source>There is no user {id}.</source>
        <translation>不存在用户 {id}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/admin/signing_keys.py" line="133" />
        <source>Administrators cannot countersign their own signing key; ask another administrator.</source>
        <translation>管理员不能会签本人的签名密钥，请另一位管理员会签。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/admin/signing_keys.py" line="140" />
        <source>{user} has no signing key waiting for a countersignature.</source>
        <translation>{user} 没有待会签的签名密钥。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/admin/signing_keys.py" line="143" />
        <source>Type the whole fingerprint ({n} characters) as {user} reads it out; you typed {got}.</source>
        <translation>请按 {user} 念出的内容输入完整指纹（{n} 个字符）；您输入了 {got} 个。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/admin/signing_keys.py" line="147" />
        <source>The fingerprint does not match the key {user} registered: ask {user} to read it out again.</source>
        <translation>指纹与 {user} 登记的密钥不符：请 {user} 重新念一遍。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/admin/signing_keys.py" line="181" />
        <source>You set the password of {user}, so another administrator countersigns their signing key.</source>
        <translation>{user} 的密码由您设置，其签名密钥须由另一位管理员会签。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/admin/signing_keys.py" line="190" />
        <source>Administrators cannot revoke their own signing key; ask another administrator.</source>
        <translation>管理员不能吊销本人的签名密钥，请另一位管理员办理。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/admin/signing_keys.py" line="257" />
        <source>your signing key {fp} awaits an administrator's countersignature: read this fingerprint out to them; until then you cannot record decisions.</source>
        <translation>您的签名密钥 {fp} 待管理员会签：请向管理员核对此指纹；会签之前不能录入决策。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/admin/users.py" line="180" />
        <source>Administrators cannot change their own roles; ask another administrator.</source>
        <translation>管理员不能修改自己的角色；请由另一位管理员操作。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/admin/users.py" line="192" />
        <source>Role request {id} is not pending.</source>
        <translation>角色申请 {id} 不在待审批状态。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/admin/users.py" line="194" />
        <source>The administrator who asked for a role cannot approve it; a second administrator must.</source>
        <translation>提出角色申请的管理员不能自行审批，须由第二位管理员审批。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/admin/users.py" line="197" />
        <source>Administrators cannot approve roles for themselves.</source>
        <translation>管理员不能为自己审批角色。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/admin/users.py" line="214" />
        <source>Administrators cannot deactivate themselves.</source>
        <translation>管理员不能停用自己。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/admin/users.py" line="319" />
        <source>A password needs at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/admin/users.py" line="329" />
        <source>Sign in to change your password.</source>
        <translation>请登录后修改密码。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/admin/users.py" line="333" />
        <source>The current password is wrong.</source>
        <translation>当前密码错误。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/admin/users.py" line="350" />
        <source>Administrators change their own password themselves, not by a reset.</source>
        <translation>管理员应自行修改本人密码，不能通过重置。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/admin/users.py" line="72" />
        <source>User {name} already exists.</source>
        <translation>用户 {name} 已存在。</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <location filename="../../riskdesk/services/credit/validation.py" line="111" />
        <source>the loan book as of {day}</source>
        <translation>截至 {day} 的贷款账簿</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/validation.py" line="115" />
        <source>the bundled demo data ({name})</source>
        <translation>随附演示数据（{name}）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/validation.py" line="118" />
        <source>Model {id} was trained on {name}: give that file (--data FILE) to validate it.</source>
        <translation>模型 {id} 以 {name} 训练：验证时请提供该文件（--data 文件）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/validation.py" line="131" />
        <source>the training file {name}</source>
        <translation>训练文件 {name}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/validation.py" line="133" />
        <source>{file} is not the data model {id} was trained on (SHA-256 {got}, expected {want}).</source>
        <translation>{file} 不是模型 {id} 的训练数据（SHA-256 {got}，应为 {want}）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/validation.py" line="251" />
        <source>No out-of-time sample: the data has no real application dates, so the held-out rows are a random 25 % of the same period.</source>
        <translation>无跨时间样本：数据没有真实的申请日期，留出集为同一时期随机抽取的 25%。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/validation.py" line="255" />
        <source>Outcomes come from the data's own column ({what}), not from the bank's loan book under its default definition.</source>
        <translation>结果取自数据自身的列（{what}），而非按本行违约定义由贷款账簿计算。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/validation.py" line="259" />
        <source>XGBoost does not beat the logistic baseline by more than noise; the simpler model would serve as well.</source>
        <translation>XGBoost 相对逻辑回归基准的优势未超出噪声范围；更简单的模型同样适用。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/validation.py" line="262" />
        <source>Calibration fails its test in at least one band or overall: predicted PDs should be recalibrated before they set limits or prices.</source>
        <translation>至少一个风险等级或整体的校准检验未通过：违约概率用于额度或定价前应重新校准。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/validation.py" line="267" />
        <source>The PDs are the booster's log-odds through a {method} map fitted on applications submitted {since} to {until}: the calibration figures on the training data's held-out rows judge them against older outcomes; the window's held-out rows are the measure of the recalibration.</source>
        <translation>违约概率由模型的对数几率经 {method} 校准映射得出，该映射拟合于 {since} 至 {until} 提交的申请：训练数据留出样本上的校准数字是以较早的贷后表现衡量的；衡量重新校准的是该时间窗口的留出样本。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/validation.py" line="274" />
        <source>The data holds no protected column: adverse impact cannot be measured on it.</source>
        <translation>数据中没有受保护列：无法据此衡量不利影响。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/validation.py" line="277" />
        <source>Some reasons run against credit intuition; they need sign-off before they are given to customers.</source>
        <translation>部分原因与信贷常识相悖；向客户提供前须经签批。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/validation.py" line="337" />
        <source>No validation report with SHA-256 {sha} was issued on model {id}: a model is approved on its own validation report (riskdesk model validate {id}).</source>
        <translation>未就模型 {id} 出具 SHA-256 为 {sha} 的验证报告：模型须依据其自身的验证报告批准（riskdesk model validate {id}）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/services/credit/recalibration.py" line="205" />
        <source>The applications model {id} was recalibrated on (submitted {since} to {until}) or their outcomes have changed since: its calibration cannot be checked; recalibrate again.</source>
        <translation>模型 {id} 重新校准所用的申请（{since} 至 {until} 提交）或其贷后表现已发生变化：无法核验其校准，请重新校准。</translation>
    </message>
</context>
<context>
    <name>ValidationReport</name>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="21" />
        <source>1. Purpose and scope</source>
        <translation>1. 目的与范围</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="21" />
        <source>2. Data</source>
        <translation>2. 数据</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="22" />
        <source>3. Features</source>
        <translation>3. 特征</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="22" />
        <source>4. Discrimination</source>
        <translation>4. 区分能力</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="23" />
        <source>5. Benchmark against logistic regression</source>
        <translation>5. 与逻辑回归基准比较</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="24" />
        <source>6. Calibration</source>
        <translation>6. 校准</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="24" />
        <source>7. Stability</source>
        <translation>7. 稳定性</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="25" />
        <source>8. Adverse impact</source>
        <translation>8. 不利影响</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="25" />
        <source>9. Reason-code review</source>
        <translation>9. 原因代码审查</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="26" />
        <source>10. Limitations</source>
        <translation>10. 局限性</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="26" />
        <source>11. Next validation</source>
        <translation>11. 下次验证</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="27" />
        <source>12. Sign-off</source>
        <translation>12. 签批</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="28" />
        <source>in-sample (fitting rows)</source>
        <translation>样本内（拟合行）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="29" />
        <source>out-of-sample (held-out rows)</source>
        <translation>样本外（留出行）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="30" />
        <source>out-of-time (latest 25 %)</source>
        <translation>跨时间（最近 25%）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="31" />
        <source>approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="31" />
        <source>review</source>
        <translation>人工审核</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="32" />
        <source>decline</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="44" />
        <source>not computed</source>
        <translation>未计算</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="48" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="48" />
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="57" />
        <location filename="../../riskdesk/reports/validation_report.py" line="274" />
        <source>Model validation report</source>
        <translation>模型验证报告</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="60" />
        <source>This report gives the evidence a validator needs to approve or refuse the credit model below for scoring applications: every figure is recomputed from the model's stored artefact and its training data, checked by SHA-256. Approval in riskdesk names this report's SHA-256.</source>
        <translation>本报告提供验证人批准或否决下述信用评分模型所需的证据：每个数字均由模型存储的文件及其训练数据（经 SHA-256 核对）重新计算。riskdesk 中的批准记录本报告的 SHA-256。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="66" />
        <source>Report no.</source>
        <translation>报告编号</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="66" />
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="67" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="67" />
        <source>Artefact SHA-256</source>
        <translation>模型文件 SHA-256</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="68" />
        <source>Trained by</source>
        <translation>训练人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="69" />
        <source>Proposed by</source>
        <translation>提议人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="69" />
        <source>Report issued by</source>
        <translation>报告出具人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="70" />
        <source>Issued at</source>
        <translation>出具时间</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="71" />
        <source>Bootstrap resamples</source>
        <translation>自助法重抽样次数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="79" />
        <source>{dpd}+ days past due within {months} months on book, from the loan book's repayments as of {day} (source: {source})</source>
        <translation>放款后 {months} 个月内逾期 {dpd} 天以上，依据截至 {day} 的贷款账簿还款记录（来源：{source}）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="84" />
        <source>column {col}, bad = {bad}</source>
        <translation>列 {col}，坏 = {bad}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="89" />
        <source>Source</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="89" />
        <source>Data SHA-256</source>
        <translation>数据 SHA-256</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="90" />
        <location filename="../../riskdesk/reports/validation_report.py" line="122" />
        <location filename="../../riskdesk/reports/validation_report.py" line="157" />
        <location filename="../../riskdesk/reports/validation_report.py" line="161" />
        <location filename="../../riskdesk/reports/validation_report.py" line="183" />
        <location filename="../../riskdesk/reports/validation_report.py" line="228" />
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="90" />
        <location filename="../../riskdesk/reports/validation_report.py" line="122" />
        <source>Bad rate</source>
        <translation>不良率</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="91" />
        <source>Default definition</source>
        <translation>违约定义</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="92" />
        <source>Split</source>
        <translation>样本划分</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="92" />
        <source>{kind}: {train} fitting rows, {held} held-out rows</source>
        <translation>{kind}：拟合 {train} 行，留出 {held} 行</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="94" />
        <source>Window</source>
        <translation>时间窗口</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="94" />
        <source>dates by {col}</source>
        <translation>按 {col} 的日期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="95" />
        <source>no real dates (random split)</source>
        <translation>无真实日期（随机划分）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="96" />
        <source>Excluded (protected)</source>
        <translation>已排除（受保护属性）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="97" />
        <location filename="../../riskdesk/reports/validation_report.py" line="99" />
        <location filename="../../riskdesk/reports/validation_report.py" line="100" />
        <location filename="../../riskdesk/reports/validation_report.py" line="102" />
        <location filename="../../riskdesk/reports/validation_report.py" line="250" />
        <location filename="../../riskdesk/reports/validation_report.py" line="262" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="98" />
        <source>Allowed with a reason</source>
        <translation>附理由允许</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="100" />
        <source>Dropped (identifier-like or empty)</source>
        <translation>已剔除（类似标识符或为空）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="101" />
        <source>Proxies</source>
        <translation>代理变量</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="108" />
        <source>larger raises risk</source>
        <translation>越大风险越高</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="108" />
        <source>larger lowers risk</source>
        <translation>越大风险越低</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="108" />
        <source>free</source>
        <translation>不约束</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="110" />
        <location filename="../../riskdesk/reports/validation_report.py" line="210" />
        <location filename="../../riskdesk/reports/validation_report.py" line="238" />
        <source>Feature</source>
        <translation>特征</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="110" />
        <source>Monotone constraint</source>
        <translation>单调约束</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="110" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="110" />
        <source>Total gain</source>
        <translation>总增益</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="113" />
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="113" />
        <source>number</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="116" />
        <source>features ({n}): {names}</source>
        <translation>特征（{n} 个）：{names}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="122" />
        <source>Sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="127" />
        <source>95 % bootstrap intervals over {n} resamples of each sample's rows.</source>
        <translation>各样本按 {n} 次自助法重抽样得到的 95% 置信区间。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="130" />
        <source>Out-of-time: not available (no real dates in the data).</source>
        <translation>跨时间：不可用（数据中无真实日期）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="138" />
        <source>Fold</source>
        <translation>折</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="138" />
        <source>Logistic AUC</source>
        <translation>逻辑回归 AUC</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="138" />
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="141" />
        <source>mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="143" />
        <source>The difference is within noise (less than two standard errors, {se:.4f}): XGBoost is not shown to rank better than logistic regression.</source>
        <translation>差异在噪声范围内（小于两个标准误，{se:.4f}）：未能证明 XGBoost 的排序能力优于逻辑回归。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="146" />
        <source>The difference is more than two standard errors ({se:.4f}): it is not noise.</source>
        <translation>差异超过两个标准误（{se:.4f}）：并非噪声。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="149" />
        <source>The same {n} folds of the whole data, each model refitted on each fold (training-time cross-validation).</source>
        <translation>全量数据的同一 {n} 折，两个模型在每折上分别重新拟合（训练时的交叉验证）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="157" />
        <location filename="../../riskdesk/reports/validation_report.py" line="183" />
        <source>Decile</source>
        <translation>十分位</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="157" />
        <location filename="../../riskdesk/reports/validation_report.py" line="161" />
        <source>Predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="157" />
        <location filename="../../riskdesk/reports/validation_report.py" line="161" />
        <location filename="../../riskdesk/reports/validation_report.py" line="184" />
        <source>Observed</source>
        <translation>实际</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="161" />
        <source>Band</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="161" />
        <source>Bads / expected</source>
        <translation>坏账数 / 预期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="162" />
        <source>Binomial p</source>
        <translation>二项检验 p 值</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="162" />
        <source>Fails (p &lt; 0.05)</source>
        <translation>未通过（p &lt; 0.05）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="167" />
        <source>Held-out rows, by decile of predicted PD:</source>
        <translation>留出行，按预测违约概率十分位：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="169" />
        <source>Hosmer-Lemeshow: statistic {stat:.4f}, {df} degrees of freedom, p = {p:.4f}</source>
        <translation>Hosmer-Lemeshow：统计量 {stat:.4f}，自由度 {df}，p = {p:.4f}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="172" />
        <source>By policy band (approve below {a:.2%}, decline from {d:.2%}):</source>
        <translation>按政策风险等级（低于 {a:.2%} 批准，{d:.2%} 起拒绝）：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="185" />
        <source>Predicted before</source>
        <translation>校准前预测</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="186" />
        <source>Predicted after</source>
        <translation>校准后预测</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="191" />
        <source>Recalibration</source>
        <translation>重新校准</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="192" />
        <source>This version is model {base}'s booster with a {method} map fitted on {fit} applications submitted {since} to {until} with a known outcome ({excluded} training rows of the booster set aside). Before (model {base}) and after (this version) on the window's {n} held-out rows ({bads} bad), by decile of the booster's score:</source>
        <translation>本版本为模型 {base} 的同一模型文件加上 {method} 校准映射，该映射拟合于 {since} 至 {until} 提交、已知贷后表现的 {fit} 笔申请（已剔除 {excluded} 笔训练样本）。以下为该时间窗口 {n} 行留出样本（坏样本 {bads} 行）上校准前（模型 {base}）与校准后（本版本）的对比，按模型评分十分位：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="202" />
        <source>Brier score {b0:.5f} before, {b1:.5f} after; expected calibration error by decile {e0:.4f} before, {e1:.4f} after.</source>
        <translation>Brier 分数：校准前 {b0:.5f}，校准后 {b1:.5f}；按十分位的期望校准误差：校准前 {e0:.4f}，校准后 {e1:.4f}。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="212" />
        <source>Score PSI, held-out rows against the fitting rows: {v:.4f} (&lt; 0.10 stable, 0.10-0.25 watch, &gt; 0.25 shifted)</source>
        <translation>评分 PSI（留出行对拟合行）：{v:.4f}（&lt; 0.10 稳定，0.10-0.25 关注，&gt; 0.25 偏移）</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="214" />
        <source>Characteristic stability (CSI) of each feature, same samples:</source>
        <translation>各特征的特征稳定性指数（CSI），样本同上：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="220" />
        <source>Approval (not in the decline band) and flag (not in the approve band) rates of the held-out rows by protected group; the ratio is each group's approval rate over the highest group's, below 0.80 is adverse impact (four-fifths rule).</source>
        <translation>留出行按受保护群体的批准率（不在拒绝档）与标记率（不在批准档）；比率为各群体批准率与最高群体批准率之比，低于 0.80 即存在不利影响（五分之四规则）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="225" />
        <source>The data holds no protected column: not measured.</source>
        <translation>数据中没有受保护列：未衡量。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="228" />
        <source>Group</source>
        <translation>群体</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="228" />
        <source>Approval rate</source>
        <translation>通过率</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="228" />
        <source>Flag rate</source>
        <translation>标记率</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="229" />
        <source>Four-fifths ratio</source>
        <translation>五分之四比率</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="229" />
        <source>Adverse impact</source>
        <translation>不利影响</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="237" />
        <source>raises</source>
        <translation>提高</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="237" />
        <source>lowers</source>
        <translation>降低</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="238" />
        <source>Observed direction</source>
        <translation>实际方向</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="238" />
        <source>Expected</source>
        <translation>预期方向</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="238" />
        <source>Counter-intuitive</source>
        <translation>违反常识</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="239" />
        <source>What the case window shows</source>
        <translation>案件窗口显示的内容</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="242" />
        <source>raising: {levels}</source>
        <translation>提高风险：{levels}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="247" />
        <source>Direction of each feature's exact contribution on up to 2,000 held-out rows (larger value or level against risk). Counter-intuitive reasons for sign-off: {names}</source>
        <translation>各特征精确贡献的方向（最多 2,000 个留出行；数值或取值对风险的影响）。须签批的违反常识原因：{names}</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="263" />
        <source>Next validation due: {day} (validated every {months} months, or sooner after a material change of data, use or performance).</source>
        <translation>下次验证到期：{day}（每 {months} 个月验证一次；数据、用途或表现发生重大变化时提前验证）。</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="267" />
        <source>Role</source>
        <translation>职责</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="267" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="267" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="267" />
        <source>Signature</source>
        <translation>签字</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="268" />
        <source>Validator</source>
        <translation>验证人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="269" />
        <source>Model owner</source>
        <translation>模型负责人</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="271" />
        <source>Findings (the validator's text is recorded with the approval):</source>
        <translation>结论（验证人的文字随批准一并记录）：</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="275" />
        <source>Page {x} of {y}</source>
        <translation>第 {x} 页，共 {y} 页</translation>
    </message>
    <message>
        <location filename="../../riskdesk/reports/validation_report.py" line="276" />
        <source>Model {id}, artefact {sha}</source>
        <translation>模型 {id}，文件 {sha}</translation>
    </message>
</context>
<context>
    <name>_CredentialsDialog</name>
    <message>
        <location filename="../../riskdesk/ui/signin.py" line="34" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/signin.py" line="35" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../riskdesk/ui/signin.py" line="43" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>