<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about.py" line="44"/>
        <source>Components and licences</source>
        <translation>组件与许可证</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="57"/>
        <source>Font: %1</source>
        <translation>字体：%1</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="70"/>
        <source>About %1</source>
        <translation>关于%1</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="84"/>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="96"/>
        <location filename="../../ui/about.py" line="130"/>
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="97"/>
        <location filename="../../ui/about.py" line="132"/>
        <source>Log folder:</source>
        <translation>日志文件夹：</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="101"/>
        <source>Component versions:</source>
        <translation>组件版本：</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="116"/>
        <source>Open data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="119"/>
        <source>Copy version details</source>
        <translation>复制版本信息</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="122"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="138"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>ActivitiesPage</name>
    <message>
        <location filename="../../ui/pages.py" line="178"/>
        <source>New activity</source>
        <translation>新建活动</translation>
    </message>
</context>
<context>
    <name>ActivityForm</name>
    <message>
        <location filename="../../ui/activity_form.py" line="56"/>
        <source>Print rating card…</source>
        <translation>打印服务评价卡…</translation>
    </message>
    <message>
        <location filename="../../ui/activity_form.py" line="26"/>
        <source>Legal publicity activity</source>
        <translation>普法活动</translation>
    </message>
    <message>
        <location filename="../../ui/activity_form.py" line="28"/>
        <source>Village</source>
        <translation>所在村</translation>
    </message>
    <message>
        <location filename="../../ui/activity_form.py" line="29"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/activity_form.py" line="30"/>
        <source>Kind</source>
        <translation>活动类别</translation>
    </message>
    <message>
        <location filename="../../ui/activity_form.py" line="31"/>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../ui/activity_form.py" line="32"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/activity_form.py" line="35"/>
        <source>Audience</source>
        <translation>受众人数</translation>
    </message>
    <message>
        <location filename="../../ui/activity_form.py" line="36"/>
        <source>Speaker</source>
        <translation>主讲人</translation>
    </message>
    <message>
        <location filename="../../ui/activity_form.py" line="40"/>
        <source>Minutes</source>
        <translation>时长（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/activity_form.py" line="41"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/activity_form.py" line="44"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../ui/activity_form.py" line="45"/>
        <source>Add a photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../ui/activity_form.py" line="60"/>
        <source>Save the activity first, then add photos.</source>
        <translation>请先保存活动，再添加照片。</translation>
    </message>
    <message>
        <location filename="../../ui/activity_form.py" line="77"/>
        <source>Add a photo</source>
        <translation>添加照片</translation>
    </message>
</context>
<context>
    <name>AgreementTab</name>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="41"/>
        <source>Kind</source>
        <translation>协议形式</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="42"/>
        <source>Main facts and matters in dispute</source>
        <translation>纠纷主要事实、争议事项</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="45"/>
        <source>Terms agreed</source>
        <translation>协议内容</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="46"/>
        <source>Way and time of performance</source>
        <translation>履行方式、时限</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="48"/>
        <source>Perform by</source>
        <translation>履行期限</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="51"/>
        <source>parties + 1</source>
        <translation>当事人数 + 1</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="52"/>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="53"/>
        <source>Amount (yuan)</source>
        <translation>协议金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="56"/>
        <source>Save draft agreement</source>
        <translation>保存协议草稿</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="57"/>
        <source>Mark signed…</source>
        <translation>登记已签署…</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="58"/>
        <source>Change (new version)</source>
        <translation>变更（生成新版本）</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="59"/>
        <source>Attach signed scan…</source>
        <translation>上传签署件扫描…</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="60"/>
        <location filename="../../ui/case/agreement_tab.py" line="156"/>
        <location filename="../../ui/case/agreement_tab.py" line="166"/>
        <location filename="../../ui/case/agreement_tab.py" line="171"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="67"/>
        <source>Print case documents</source>
        <translation>打印案件文书</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="70"/>
        <source>Application for mediation</source>
        <translation>人民调解申请书</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="71"/>
        <source>Registration form</source>
        <translation>受理登记表</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="72"/>
        <source>Notice of rights and duties</source>
        <translation>当事人权利义务告知书</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="73"/>
        <source>Mediation record</source>
        <translation>调解记录</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="74"/>
        <source>Oral agreement form</source>
        <translation>口头协议登记表</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="75"/>
        <source>Return visit record</source>
        <translation>回访记录</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="76"/>
        <source>Application for judicial confirmation</source>
        <translation>司法确认申请书</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="77"/>
        <source>Whole case file</source>
        <translation>整本卷宗</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="91"/>
        <source>Agreement</source>
        <translation>调解协议</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="114"/>
        <source>Mark signed</source>
        <translation>登记已签署</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="116"/>
        <source>Have all parties signed (or pressed a fingerprint), the mediator signed and the committee&apos;s seal been put on it? After this the agreement can no longer be edited.</source>
        <translation>各方当事人是否均已签名（或按指印）、人民调解员已签名并加盖调委会印章？登记后协议不能再修改。</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="140"/>
        <source>Attach signed scan</source>
        <translation>上传签署件扫描</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="156"/>
        <source>Printing is not available yet (%1).</source>
        <translation>打印功能尚未就绪（%1）。</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="218"/>
        <source>No agreement yet. Suggested clauses follow the dispute type.</source>
        <translation>尚无协议。可按纠纷类型选用参考条款。</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="222"/>
        <source>, signed %1</source>
        <translation>，%1 签署</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="228"/>
        <source> — signed agreements are read-only; a change makes a new version.</source>
        <translation> —— 已签署的协议不能修改；如需变更请生成新版本。</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="233"/>
        <source>Version %1: %2</source>
        <translation>第 %1 版：%2</translation>
    </message>
</context>
<context>
    <name>AppMain</name>
    <message>
        <location filename="../../ui/app.py" line="72"/>
        <source>数据文件夹（默认：系统用户数据目录，或 ADVISOR_DATA_DIR）</source>
        <translation>数据文件夹（默认：系统用户数据目录，或 ADVISOR_DATA_DIR）</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../ui/audit_page.py" line="35"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="37"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="38"/>
        <source>User</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="39"/>
        <source>Action</source>
        <translation>动作</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="40"/>
        <source>Record</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="41"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="42"/>
        <source>Detail</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="55"/>
        <source>Audit log</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="62"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="65"/>
        <source>Starting date</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="93"/>
        <source>Reading…</source>
        <translation>正在读取……</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="127"/>
        <source>%1 in all</source>
        <translation>共 %1 条</translation>
    </message>
</context>
<context>
    <name>CaseWindow</name>
    <message>
        <location filename="../../ui/case/window.py" line="142"/>
        <source>Register a dispute</source>
        <translation>登记纠纷</translation>
    </message>
    <message>
        <location filename="../../ui/case/window.py" line="143"/>
        <source>New case: enter the parties, the type and a summary, then save.</source>
        <translation>新案件：填写当事人、纠纷类型和简要情况后保存。</translation>
    </message>
    <message>
        <location filename="../../ui/case/window.py" line="173"/>
        <source>(past the one-month target)</source>
        <translation>（已超过一个月办结期限）</translation>
    </message>
    <message>
        <location filename="../../ui/case/window.py" line="176"/>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location filename="../../ui/case/window.py" line="178"/>
        <source>Accepted %1, due %2</source>
        <translation>受理 %1，应结 %2</translation>
    </message>
    <message>
        <location filename="../../ui/case/window.py" line="231"/>
        <source>Restore draft</source>
        <translation>恢复草稿</translation>
    </message>
    <message>
        <location filename="../../ui/case/window.py" line="233"/>
        <source>An unsaved draft from %1 was found (the program may have closed unexpectedly). Restore it?</source>
        <translation>发现 %1 未保存的草稿（程序可能曾意外关闭）。是否恢复？</translation>
    </message>
    <message>
        <location filename="../../ui/case/window.py" line="252"/>
        <source>Unsaved changes</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <location filename="../../ui/case/window.py" line="253"/>
        <source>This case has changes that are not saved. Leave without saving?</source>
        <translation>本案件有尚未保存的修改。不保存就离开吗？</translation>
    </message>
    <message>
        <location filename="../../ui/case/window.py" line="123"/>
        <source>This step failed because of a program error; an error report was saved.</source>
        <translation>程序出错，这一步没有完成；已保存错误报告。</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <location filename="../../ui/pages.py" line="164"/>
        <source>Register a dispute</source>
        <translation>登记纠纷</translation>
    </message>
</context>
<context>
    <name>CloseTab</name>
    <message>
        <location filename="../../ui/case/close_tab.py" line="54"/>
        <source>Attach a document…</source>
        <translation>上传材料…</translation>
    </message>
    <message>
        <location filename="../../ui/case/close_tab.py" line="58"/>
        <source>Add to the case file:</source>
        <translation>补充卷宗材料：</translation>
    </message>
    <message>
        <location filename="../../ui/case/close_tab.py" line="62"/>
        <source>Close the case with rating…</source>
        <translation>评价并结案…</translation>
    </message>
    <message>
        <location filename="../../ui/case/close_tab.py" line="63"/>
        <location filename="../../ui/case/close_tab.py" line="111"/>
        <location filename="../../ui/case/close_tab.py" line="122"/>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <location filename="../../ui/case/close_tab.py" line="73"/>
        <source>Case file (卷宗) contents — ✗ marks a required document that is missing:</source>
        <translation>卷宗材料目录（✗ 表示缺少的必备材料）：</translation>
    </message>
    <message>
        <location filename="../../ui/case/close_tab.py" line="78"/>
        <source>Close and archive</source>
        <translation>结案归档</translation>
    </message>
    <message>
        <location filename="../../ui/case/close_tab.py" line="82"/>
        <source>Attach a document</source>
        <translation>上传材料</translation>
    </message>
    <message>
        <location filename="../../ui/case/close_tab.py" line="96"/>
        <source>Close the case</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../ui/case/close_tab.py" line="155"/>
        <source>required</source>
        <translation>必备</translation>
    </message>
    <message>
        <location filename="../../ui/case/close_tab.py" line="155"/>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location filename="../../ui/case/close_tab.py" line="48"/>
        <location filename="../../ui/case/close_tab.py" line="144"/>
        <source>Paper copy filed</source>
        <translation>纸质材料已归卷</translation>
    </message>
    <message>
        <location filename="../../ui/case/close_tab.py" line="144"/>
        <source>Withdraw the tick</source>
        <translation>撤销归卷勾选</translation>
    </message>
    <message>
        <location filename="../../ui/case/close_tab.py" line="50"/>
        <source>The signed paper document is in the case file (recorded with your name and the time)</source>
        <translation>已签字的纸质材料已放入卷宗（记录您的姓名和时间）</translation>
    </message>
    <message>
        <location filename="../../ui/case/close_tab.py" line="113"/>
        <source>The case file is not complete. Missing: %1.

Attach a scan of each, or tick “Paper copy filed” once the signed paper is in the file.</source>
        <translation>卷宗材料不全，缺少：%1。

请逐项上传扫描件，或在签字的纸质材料放入卷宗后勾选“纸质材料已归卷”。</translation>
    </message>
    <message>
        <location filename="../../ui/case/close_tab.py" line="123"/>
        <source>Archive this case? An archived case and its file can no longer be changed.</source>
        <translation>确定归档本案？归档后案件和卷宗都不能再修改。</translation>
    </message>
    <message>
        <location filename="../../ui/case/close_tab.py" line="159"/>
        <source>not recorded when archived</source>
        <translation>归档时未登记</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../../ui/labels.py" line="15"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="16"/>
        <source>Person</source>
        <translation>咨询人</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="17"/>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="18"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="19"/>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="20"/>
        <source>Question</source>
        <translation>咨询内容</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="21"/>
        <source>Referred to</source>
        <translation>引导去向</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="22"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="23"/>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="24"/>
        <source>Accepted</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="25"/>
        <source>Dispute type</source>
        <translation>纠纷类型</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="26"/>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="27"/>
        <source>Summary</source>
        <translation>简要情况</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="28"/>
        <source>Due</source>
        <translation>应结日期</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="29"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="30"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="31"/>
        <source>Village group</source>
        <translation>所在村组</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="32"/>
        <source>Identity</source>
        <translation>身份类别</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="33"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="34"/>
        <source>Trainings</source>
        <translation>培训次数</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="35"/>
        <source>Registered</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="36"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="37"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="38"/>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="39"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="40"/>
        <source>Audience</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="41"/>
        <source>Speaker</source>
        <translation>主讲人</translation>
    </message>
</context>
<context>
    <name>ConfirmationTab</name>
    <message>
        <location filename="../../ui/case/confirmation_tab.py" line="38"/>
        <source>Applied on</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <location filename="../../ui/case/confirmation_tab.py" line="39"/>
        <source>Court</source>
        <translation>人民法院</translation>
    </message>
    <message>
        <location filename="../../ui/case/confirmation_tab.py" line="40"/>
        <source>Record the application</source>
        <translation>登记申请</translation>
    </message>
    <message>
        <location filename="../../ui/case/confirmation_tab.py" line="42"/>
        <source>Court confirmed</source>
        <translation>法院已确认</translation>
    </message>
    <message>
        <location filename="../../ui/case/confirmation_tab.py" line="43"/>
        <source>Court refused</source>
        <translation>法院不予确认</translation>
    </message>
    <message>
        <location filename="../../ui/case/confirmation_tab.py" line="58"/>
        <source>Judicial confirmation</source>
        <translation>司法确认</translation>
    </message>
    <message>
        <location filename="../../ui/case/confirmation_tab.py" line="82"/>
        <source>The parties may jointly apply to the court within 30 days of the agreement taking effect: until %1 (%2 day(s) left).</source>
        <translation>当事人可自协议生效之日起 30 日内共同向人民法院申请司法确认：截至 %1（还剩 %2 天）。</translation>
    </message>
    <message>
        <location filename="../../ui/case/confirmation_tab.py" line="89"/>
        <source>Judicial confirmation needs a signed written agreement.</source>
        <translation>申请司法确认需要已签署的书面调解协议。</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <location filename="../../ui/conflicts_page.py" line="38"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_page.py" line="41"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_page.py" line="43"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_page.py" line="67"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_page.py" line="68"/>
        <source>This computer&apos;s version</source>
        <translation>本机版本</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_page.py" line="69"/>
        <source>Server&apos;s version</source>
        <translation>服务器版本</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_page.py" line="70"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_page.py" line="76"/>
        <source>Keep this computer&apos;s version</source>
        <translation>保留本机版本</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_page.py" line="77"/>
        <source>Keep the server&apos;s version</source>
        <translation>保留服务器版本</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_page.py" line="78"/>
        <source>Merge as chosen per field</source>
        <translation>按所选字段合并</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_page.py" line="94"/>
        <source>No conflicts to resolve</source>
        <translation>没有待处理的冲突</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_page.py" line="148"/>
        <source> (the server&apos;s version has not arrived yet; compare after syncing)</source>
        <translation>（服务器版本尚未收到，同步后可比较）</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_page.py" line="164"/>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_page.py" line="164"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_page.py" line="201"/>
        <source>Cannot resolve it this way</source>
        <translation>不能这样处理</translation>
    </message>
</context>
<context>
    <name>ConsultationForm</name>
    <message>
        <location filename="../../ui/consultation_form.py" line="30"/>
        <source>Consultation</source>
        <translation>法律咨询</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="30"/>
        <source>New consultation</source>
        <translation>新建咨询</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="35"/>
        <source>Village</source>
        <translation>所在村</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="36"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="37"/>
        <source>Person</source>
        <translation>咨询人</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="41"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="42"/>
        <source>Mobile or landline, e.g. 13800138000 or 0913-2345678</source>
        <translation>手机或座机，如 13800138000 或 0913-2345678</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="43"/>
        <source>ID number (optional)</source>
        <translation>身份证号（可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="45"/>
        <source>Priority groups</source>
        <translation>重点人群</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="46"/>
        <source>Mode</source>
        <translation>服务方式</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="47"/>
        <source>Service</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="49"/>
        <source>Category</source>
        <translation>咨询类别</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="51"/>
        <source>Matter</source>
        <translation>咨询事项</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="52"/>
        <source>Question</source>
        <translation>咨询内容</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="55"/>
        <source>Answer</source>
        <translation>解答意见</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="58"/>
        <source>Referred to</source>
        <translation>引导去向</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="67"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="68"/>
        <source>Time taken</source>
        <translation>用时</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="69"/>
        <source>Adviser</source>
        <translation>法律顾问</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="71"/>
        <source>Save and close with rating…</source>
        <translation>保存并评价办结…</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="74"/>
        <source>Print record</source>
        <translation>打印咨询记录</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="132"/>
        <source>Referred to mediation: after saving, the village&apos;s mediator registers it under Disputes (source: referred by another body).</source>
        <translation>转介人民调解：保存后，本村人民调解员在“纠纷调解”中登记受理（来源：接受委托移送）。</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="144"/>
        <source>No article of the Legal Aid Law matched; the legal aid office will check eligibility.</source>
        <translation>未匹配到《法律援助法》的具体条款，是否符合条件由法律援助机构审查。</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="147"/>
        <source>Legal Aid Law %1: %2 (%3)</source>
        <translation>《法律援助法》%1：%2（%3）</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="173"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="191"/>
        <source>Close the consultation</source>
        <translation>办结咨询</translation>
    </message>
</context>
<context>
    <name>ConsultationsPage</name>
    <message>
        <location filename="../../ui/pages.py" line="147"/>
        <source>New consultation</source>
        <translation>新建咨询</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../ui/crash.py" line="116"/>
        <source>程序出错了</source>
        <translation>程序出错了</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="121"/>
        <source>错误报告已保存到：
%1</source>
        <translation>错误报告已保存到：
%1</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="123"/>
        <source>错误报告未能保存到文件，请点“复制报告”。</source>
        <translation>错误报告未能保存到文件，请点“复制报告”。</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="126"/>
        <source>程序遇到了一个意外错误。已经保存的数据不会丢失；刚才正在填写、尚未保存的内容可能需要重新填写。
请把错误报告发给技术支持人员（报告中不含姓名、身份证号和电话）。

</source>
        <translation>程序遇到了一个意外错误。已经保存的数据不会丢失；刚才正在填写、尚未保存的内容可能需要重新填写。
请把错误报告发给技术支持人员（报告中不含姓名、身份证号和电话）。

</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="141"/>
        <source>复制报告</source>
        <translation>复制报告</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="145"/>
        <source>打开报告所在文件夹</source>
        <translation>打开报告所在文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="149"/>
        <source>关闭</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="156"/>
        <source>已复制</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>CrashReport</name>
    <message>
        <location filename="../../ui/crash.py" line="48"/>
        <source>〔中文%1字〕</source>
        <translation>〔中文%1字〕</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="67"/>
        <source>安装包</source>
        <translation>安装包</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="69"/>
        <source>源代码</source>
        <translation>源代码</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="72"/>
        <source>乡村法律服务工作台 错误报告</source>
        <translation>乡村法律服务工作台 错误报告</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="73"/>
        <source>时间：%1</source>
        <translation>时间：%1</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="76"/>
        <source>程序版本：%1（%2）</source>
        <translation>程序版本：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="80"/>
        <source>操作系统：%1</source>
        <translation>操作系统：%1</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="83"/>
        <source>线程：%1</source>
        <translation>线程：%1</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="106"/>
        <source>错误报告-%1.txt</source>
        <translation>错误报告-%1.txt</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../ui/dashboard.py" line="133"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="134"/>
        <source>Export monthly report…</source>
        <translation>导出月报表…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="136"/>
        <source>Monthly mediation statistics (region and period chosen), .xlsx or .pdf</source>
        <translation>人民调解工作统计月报表（所选地区和期间），.xlsx 或 .pdf</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="139"/>
        <source>Export adviser ledger…</source>
        <translation>导出工作台账…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="141"/>
        <source>Village legal adviser ledger (region and period chosen), .xlsx or .pdf</source>
        <translation>村（居）法律顾问工作台账（所选地区和期间），.xlsx 或 .pdf</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="144"/>
        <source>Export rating ranking…</source>
        <translation>导出评价排名…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="147"/>
        <source>Service ratings and ranking: self-rating, satisfaction, follow-up and remedy rates per village and adviser</source>
        <translation>服务评价情况及排名：各村、各顾问的自评率、满意率、回访率、整改率</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="154"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="156"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="190"/>
        <source>Accepted (cases)</source>
        <translation>受理（件）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="191"/>
        <source>Settled (cases)</source>
        <translation>调解成功（件）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="59"/>
        <location filename="../../ui/dashboard.py" line="192"/>
        <source>Success rate</source>
        <translation>成功率</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="193"/>
        <source>Agreed amounts (10,000 yuan)</source>
        <translation>协议金额（万元）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="194"/>
        <source>Court confirmations (cases)</source>
        <translation>司法确认（件）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="195"/>
        <source>Consultations (count)</source>
        <translation>咨询（件）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="196"/>
        <location filename="../../ui/dashboard.py" line="318"/>
        <source>Satisfaction</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="197"/>
        <source>Poor ratings to follow up</source>
        <translation>差评待回访</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="198"/>
        <source>Overdue cases</source>
        <translation>超期案件</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="199"/>
        <source>Within the confirmation window</source>
        <translation>司法确认期内</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="200"/>
        <source>Visits due</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="63"/>
        <location filename="../../ui/dashboard.py" line="201"/>
        <source>Villages not reported</source>
        <translation>未上报村</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="215"/>
        <source>Disputes accepted by type</source>
        <translation>受理纠纷（按类型）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="216"/>
        <source>Satisfaction ratings</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="217"/>
        <source>Consultations and cases, last 12 months</source>
        <translation>近 12 个月咨询与受理</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="239"/>
        <location filename="../../ui/dashboard.py" line="308"/>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="240"/>
        <source>Report</source>
        <translation>上报</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="64"/>
        <location filename="../../ui/dashboard.py" line="241"/>
        <source>Legal literates</source>
        <translation>法律明白人</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="56"/>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="57"/>
        <source>Accepted</source>
        <translation>受理（件）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="58"/>
        <source>Settled</source>
        <translation>调解成功（件）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="60"/>
        <source>Amount (10,000 yuan)</source>
        <translation>协议金额（万元）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="62"/>
        <source>Villages</source>
        <translation>村（社区）数</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="242"/>
        <source>Short by</source>
        <translation>差额</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="243"/>
        <source>On-site service (hours)</source>
        <translation>实地服务（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="244"/>
        <source>Lectures (quarter)</source>
        <translation>讲座（本季度）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="245"/>
        <source>Duties</source>
        <translation>履职</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="255"/>
        <source>Hot topics (clearly up this month)</source>
        <translation>热点（本月明显上升）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="256"/>
        <source>To do and overdue</source>
        <translation>待办与超期</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="275"/>
        <source>Townships at a glance (double-click one to look at it)</source>
        <translation>各乡镇情况（双击查看该乡镇）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="280"/>
        <source>Villages at a glance</source>
        <translation>各村情况</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="292"/>
        <source>Service ratings and ranking (counted as in the rating report)</source>
        <translation>服务评价情况及排名（按评价报表口径统计）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="296"/>
        <source>Self-rated share</source>
        <translation>自评率</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="297"/>
        <source>Satisfaction (counted)</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="298"/>
        <location filename="../../ui/dashboard.py" line="320"/>
        <source>Follow-up rate</source>
        <translation>回访率</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="299"/>
        <location filename="../../ui/dashboard.py" line="321"/>
        <source>Remedy rate</source>
        <translation>整改率</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="308"/>
        <source>Ranking by village</source>
        <translation>各村排名</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="309"/>
        <source>Ranking by adviser / mediator</source>
        <translation>法律顾问、调解员排名</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="309"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="314"/>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="316"/>
        <source>Rated</source>
        <translation>评价数</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="317"/>
        <source>Self-rated (share)</source>
        <translation>扫码自评（自评率）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="319"/>
        <source>Poor</source>
        <translation>差评</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="340"/>
        <source>%1 rated, %2 poor</source>
        <translation>评价 %1 条，差评 %2 条</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="342"/>
        <source>%1 poor</source>
        <translation>差评 %1 条</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="368"/>
        <source>Shown: %1</source>
        <translation>查看范围：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="373"/>
        <location filename="../../ui/dashboard.py" line="657"/>
        <source>All regions</source>
        <translation>全部地区</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="378"/>
        <source> (merged)</source>
        <translation>（已撤并）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="412"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="430"/>
        <source>The figures could not be made: %1</source>
        <translation>统计失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="451"/>
        <source>%1 ratings</source>
        <translation>共 %1 次评价</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="460"/>
        <source>zero reports %1</source>
        <translation>零上报 %1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="502"/>
        <source>%1 is not over: %2 consultations and %3 cases so far, not drawn</source>
        <translation>%1未满：至今咨询 %2、受理 %3，未画入曲线</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="61"/>
        <location filename="../../ui/dashboard.py" line="510"/>
        <source>Consultations</source>
        <translation>咨询</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="510"/>
        <source>Cases</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="569"/>
        <source>No topic clearly up this month</source>
        <translation>本月没有发现明显上升的热点</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="575"/>
        <source>%1 days overdue: %2 (%3)</source>
        <translation>超期 %1 天：%2（%3）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="585"/>
        <source>%1 days left to apply for court confirmation: %2</source>
        <translation>司法确认还剩 %1 天：%2</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="594"/>
        <source>Visit due (by %1): %2</source>
        <translation>待回访（%1 到期）：%2</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="603"/>
        <source>Poor rating follow-up overdue (due %1)</source>
        <translation>差评回访超期（%1 到期）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="640"/>
        <source>met</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="640"/>
        <source>not met</source>
        <translation>未达标</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="670"/>
        <location filename="../../ui/dashboard.py" line="732"/>
        <source>Export %1</source>
        <translation>导出%1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="672"/>
        <source>Excel workbook (*.xlsx);;PDF file (*.pdf)</source>
        <translation>Excel 表格 (*.xlsx);;PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="686"/>
        <source>Counting %1…</source>
        <translation>正在统计%1…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="687"/>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="709"/>
        <source>Export cancelled</source>
        <translation>已取消导出</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="712"/>
        <location filename="../../ui/dashboard.py" line="715"/>
        <source>Exported: %1</source>
        <translation>已导出：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="720"/>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="729"/>
        <source>Exporting %1…</source>
        <translation>正在导出%1…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="766"/>
        <location filename="../../ui/dashboard.py" line="792"/>
        <source>The records could not be found: %1</source>
        <translation>查找记录失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="799"/>
        <source>Records behind the figure</source>
        <translation>相关记录</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="887"/>
        <source>%1月</source>
        <translation>%1月</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="894"/>
        <source>%1/%2 – %3/%4</source>
        <translation>%1年%2月—%3年%4月</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="903"/>
        <source>%1 %2 (%3%)</source>
        <translation>%1 %2（%3%）</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../ui/first_run.py" line="75"/>
        <source>Welcome to the village legal service desk</source>
        <translation>欢迎使用乡村法律服务工作台</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="77"/>
        <source>I am a</source>
        <translation>我的身份</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="79"/>
        <location filename="../../ui/first_run.py" line="124"/>
        <source>Township</source>
        <translation>所在乡镇</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="83"/>
        <source>Villages of the township</source>
        <translation>本乡镇的村</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="87"/>
        <source>Log in with the city server account…</source>
        <translation>用市级服务器账号登录…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="89"/>
        <source>Downloads the township and villages of the account and sets the role from it</source>
        <translation>登录后自动下载本账号负责的乡镇和村，并按账号设置身份</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="94"/>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="96"/>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="96"/>
        <source>Fill in demo records to try the program</source>
        <translation>填入演示数据，先试用一下</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="124"/>
        <source>County</source>
        <translation>所在县（区）</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="139"/>
        <source>The villages you serve become this computer&apos;s default scope; </source>
        <translation>您服务的村将作为本机默认范围；</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="141"/>
        <source>Already known: %1; more may be added.</source>
        <translation>已有：%1；可再添加。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="144"/>
        <source>One village per line (paste, or import a CSV of village name / region code); villages can also be added later under Settings → Villages, or downloaded by logging in to the city server.</source>
        <translation>每行一个村（可粘贴，或从 CSV 导入 村名/区划代码）；也可以以后在“设置 → 村（社区）”添加，或登录市级服务器自动下载。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="174"/>
        <source>Logged in: %1 (%2)</source>
        <translation>已登录：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="196"/>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="222"/>
        <source>Demo data: could not be made; run the command advisor demo-data later</source>
        <translation>演示数据：生成失败，可以以后用命令 advisor demo-data 生成</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="230"/>
        <source>Making demo data (printing the signed agreements)…</source>
        <translation>正在生成演示数据（打印已签署的协议）…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="253"/>
        <source>Printing the signed demo agreements (%1/%2)…</source>
        <translation>正在打印已签署的演示协议（%1/%2）…</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../../ui/workbench.py" line="424"/>
        <source>Record the follow-up of a poor rating</source>
        <translation>登记差评回访</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="431"/>
        <source>Followed up by</source>
        <translation>回访人</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="432"/>
        <source>Follow-up date</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="433"/>
        <source>What was found</source>
        <translation>回访情况</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="434"/>
        <source>What was done</source>
        <translation>处理措施</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../ui/forms.py" line="280"/>
        <source>The program ran into an error; nothing was saved. Please try again.</source>
        <translation>程序出错，本次没有保存，请再试一次；仍不行请联系技术支持。</translation>
    </message>
    <message>
        <location filename="../../ui/forms.py" line="324"/>
        <source>Unsaved changes</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <location filename="../../ui/forms.py" line="325"/>
        <source>This form has changes that are not saved. Save them?</source>
        <translation>本表有尚未保存的修改。是否保存？</translation>
    </message>
    <message>
        <location filename="../../ui/forms.py" line="373"/>
        <source>Restore draft</source>
        <translation>恢复草稿</translation>
    </message>
    <message>
        <location filename="../../ui/forms.py" line="375"/>
        <source>An unsaved draft from %1 was found (the program may have closed unexpectedly). Restore it?</source>
        <translation>发现 %1 未保存的草稿（程序可能曾意外关闭）。是否恢复？</translation>
    </message>
</context>
<context>
    <name>Hooks</name>
    <message>
        <location filename="../../ui/hooks.py" line="34"/>
        <location filename="../../ui/hooks.py" line="39"/>
        <source>%1 is not available yet</source>
        <translation>%1 尚未提供</translation>
    </message>
    <message>
        <location filename="../../ui/hooks.py" line="52"/>
        <source>Export of %1 is not available yet</source>
        <translation>%1 的导出尚未提供</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <location filename="../../ui/labels.py" line="48"/>
        <source>Consultations</source>
        <translation>法律咨询</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="49"/>
        <source>Disputes</source>
        <translation>纠纷案件</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="50"/>
        <source>Legal literates</source>
        <translation>法律明白人</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="51"/>
        <source>Legal education activities</source>
        <translation>普法活动</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../../ui/list_page.py" line="91"/>
        <source>Search: names, matters, words in the record…</source>
        <translation>搜索：姓名、事项、记录中的文字…</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="95"/>
        <source>All townships</source>
        <translation>全部乡镇</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="100"/>
        <source>All villages</source>
        <translation>全部村</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="105"/>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="109"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="113"/>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="114"/>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="116"/>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="117"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="136"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="141"/>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="243"/>
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/list_page.py" line="287"/>
        <location filename="../../ui/list_page.py" line="295"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>共 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="313"/>
        <source>The list could not be loaded: %1</source>
        <translation>列表加载失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="342"/>
        <source>%1 records from the statistics</source>
        <translation>统计中的 %1 条记录</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="421"/>
        <location filename="../../ui/list_page.py" line="438"/>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="426"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="441"/>
        <location filename="../../ui/list_page.py" line="444"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="441"/>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="444"/>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="446"/>
        <source>Export cancelled</source>
        <translation>已取消导出</translation>
    </message>
</context>
<context>
    <name>LocalLoginDialog</name>
    <message>
        <location filename="../../ui/local_login.py" line="40"/>
        <source>Sign in on this computer</source>
        <translation>登录本机</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="49"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="50"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="54"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="61"/>
        <source>Several people share this computer; each sees only the records of the villages they look after.</source>
        <translation>这台电脑由多人共用，每人只能看到自己负责的村的记录。</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/lock.py" line="46"/>
        <source>Locked&#x3000;%1</source>
        <translation>已锁定&#x3000;%1</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="50"/>
        <source>To protect the parties&apos; information the program locked itself after a while away. Anything not saved was kept as a draft.</source>
        <translation>为保护当事人信息，离开电脑一段时间后程序已自动锁定。未保存的内容已存为草稿。</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="55"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="57"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login_dialog.py" line="63"/>
        <source>Log in to the sync server</source>
        <translation>登录同步服务器</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="67"/>
        <source>https://… (the sync server address the city justice bureau gave you)</source>
        <translation>https://…（市司法局提供的同步服务器地址）</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="73"/>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="74"/>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="75"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="79"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="87"/>
        <source>The login token is kept in the system keyring; the records on this computer are never deleted by logging in, out or changing account.</source>
        <translation>登录令牌保存在系统密钥环中；本机数据不会因登录、退出或换账号而删除。</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="99"/>
        <source>Server address: must start with https://</source>
        <translation>服务器地址：应以 https:// 开头</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="101"/>
        <source>Account: please enter your account</source>
        <translation>账号：请填写账号</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="103"/>
        <source>Password: please enter your password</source>
        <translation>密码：请填写密码</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="117"/>
        <source>Logging in… (you can cancel at any time)</source>
        <translation>正在登录……（可随时取消）</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="155"/>
        <source>Logged in as %1: the login was already complete when it was cancelled.</source>
        <translation>已登录为 %1：取消时登录已经完成。</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="173"/>
        <source>The server did not answer within %1 seconds: check the network and the server address, then try again.</source>
        <translation>服务器在 %1 秒内没有应答：请检查网络和服务器地址，稍后再试。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="111"/>
        <source>Opening…</source>
        <translation>正在打开…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="55"/>
        <source>Statistics arrive with the reports module.</source>
        <translation>统计功能将随统计报表模块提供。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="65"/>
        <source>Village legal service desk</source>
        <translation>乡村法律服务工作台</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="68"/>
        <source>Today</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="71"/>
        <source>Legal consultations</source>
        <translation>法律咨询</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="74"/>
        <source>Dispute mediation</source>
        <translation>纠纷调解</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="75"/>
        <source>Legal literate persons</source>
        <translation>法律明白人</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="76"/>
        <source>Legal publicity</source>
        <translation>普法活动</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="77"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="78"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="79"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>MemberForm</name>
    <message>
        <location filename="../../ui/roster_page.py" line="54"/>
        <source>Legal literate person</source>
        <translation>法律明白人</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="56"/>
        <source>Village</source>
        <translation>所在村</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="57"/>
        <source>Village group</source>
        <translation>所在村组</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="58"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="59"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="60"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="61"/>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="62"/>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="64"/>
        <source>Political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="66"/>
        <source>Education</source>
        <translation>文化程度</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="68"/>
        <source>Identity</source>
        <translation>身份类别</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="70"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="71"/>
        <source>Certificate number</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="72"/>
        <source>Registered on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="75"/>
        <source>Trainings</source>
        <translation>培训记录</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="77"/>
        <source>Add a training…</source>
        <translation>添加培训…</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="78"/>
        <source>Remove from the roster…</source>
        <translation>清退…</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="83"/>
        <source>Show full numbers</source>
        <translation>显示完整号码</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="109"/>
        <source> (read only: the township office keeps the roster)</source>
        <translation>（只读：名册由司法所维护）</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="136"/>
        <source>%1  %2 hours  %3</source>
        <translation>%1  %2 学时  %3</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="144"/>
        <source> (removed: %1)</source>
        <translation>（清退：%1）</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="176"/>
        <source>Remove from the roster</source>
        <translation>清退</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="176"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>PartyDialog</name>
    <message>
        <location filename="../../ui/case/party_dialog.py" line="30"/>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../ui/case/party_dialog.py" line="32"/>
        <source>Role</source>
        <translation>当事人类别</translation>
    </message>
    <message>
        <location filename="../../ui/case/party_dialog.py" line="33"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/case/party_dialog.py" line="35"/>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/case/party_dialog.py" line="35"/>
        <source>The party is an organisation</source>
        <translation>当事人为单位（组织）</translation>
    </message>
    <message>
        <location filename="../../ui/case/party_dialog.py" line="37"/>
        <source>Representative</source>
        <translation>代表人</translation>
    </message>
    <message>
        <location filename="../../ui/case/party_dialog.py" line="38"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../ui/case/party_dialog.py" line="41"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ui/case/party_dialog.py" line="42"/>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../ui/case/party_dialog.py" line="43"/>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <location filename="../../ui/case/party_dialog.py" line="44"/>
        <source>Occupation</source>
        <translation>职业或职务</translation>
    </message>
    <message>
        <location filename="../../ui/case/party_dialog.py" line="45"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../ui/case/party_dialog.py" line="46"/>
        <source>Address</source>
        <translation>单位或住址</translation>
    </message>
    <message>
        <location filename="../../ui/case/party_dialog.py" line="47"/>
        <source>Priority groups</source>
        <translation>重点人群</translation>
    </message>
    <message>
        <location filename="../../ui/case/party_dialog.py" line="68"/>
        <source>This party&apos;s name sounds the same as the mediator&apos;s (%1). If they are the same person or related, the mediator should step aside (回避).</source>
        <translation>该当事人与调解员（%1）姓名同音。如为同一人或有亲属等利害关系，调解员应当回避。</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../ui/print_preview.py" line="41"/>
        <source>Print preview — %1</source>
        <translation>打印预览 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="51"/>
        <source>The document PDF could not be opened; please print it again.</source>
        <translation>无法打开文书 PDF，请重新打印。</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="59"/>
        <source>%1 pages</source>
        <translation>共 %1 页</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="60"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="61"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="62"/>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="63"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="64"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="65"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="78"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="125"/>
        <source>Print %1</source>
        <translation>打印 %1</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="139"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="139"/>
        <source>Printing could not start: please check the printer.</source>
        <translation>无法开始打印，请检查打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="157"/>
        <source>Sent to the printer: %1 (pages %2–%3)</source>
        <translation>已送往打印机：%1（第 %2–%3 页）</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="170"/>
        <location filename="../../ui/print_preview.py" line="183"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="170"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="184"/>
        <source>Could not save %1 (%2): choose another folder.</source>
        <translation>未能保存 %1（%2），请换一个文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="190"/>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
</context>
<context>
    <name>PrivacyBox</name>
    <message>
        <location filename="../../ui/local_login.py" line="193"/>
        <source>Privacy and security</source>
        <translation>隐私与安全</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="198"/>
        <source>Add a local user…</source>
        <translation>添加本机用户…</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="203"/>
        <source>Local users</source>
        <translation>本机用户</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="206"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="209"/>
        <source>Lock when idle for</source>
        <translation>空闲后自动锁定</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="210"/>
        <source>Audit log…</source>
        <translation>审计记录…</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="212"/>
        <source>Who viewed, exported or printed personal data</source>
        <translation>谁查看、导出、打印了个人信息</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="217"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="222"/>
        <source>, administrator</source>
        <translation>，管理员</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="223"/>
        <source>, disabled</source>
        <translation>，已停用</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="229"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="229"/>
        <source>None (one person uses it, no sign-in needed)</source>
        <translation>无（单人使用，不需要登录）</translation>
    </message>
</context>
<context>
    <name>QuarantineList</name>
    <message>
        <location filename="../../ui/quarantine_list.py" line="25"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_list.py" line="26"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_list.py" line="27"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_list.py" line="28"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_list.py" line="29"/>
        <source>Held since (UTC)</source>
        <translation>隔离时间（UTC）</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_list.py" line="42"/>
        <source>These records came from the sync server but could not be written here (for example, data not in the expected form). Everything else synced as usual; a newer version on the server replaces them by itself, nothing needs to be done.</source>
        <translation>这些记录来自同步服务器，但本机版本暂时无法写入（例如数据不符合格式要求）。其余记录已照常同步；服务器上出现新版本后会自动替换，不需要人工处理。</translation>
    </message>
</context>
<context>
    <name>RatingCard</name>
    <message>
        <location filename="../../ui/rating_card.py" line="35"/>
        <source>Rating card-%1-%2.pdf</source>
        <translation>服务评价卡-%1-%2.pdf</translation>
    </message>
    <message>
        <location filename="../../ui/rating_card.py" line="68"/>
        <source>Consultation record</source>
        <translation>法律咨询记录</translation>
    </message>
</context>
<context>
    <name>RatingDialog</name>
    <message>
        <location filename="../../ui/rating_dialog.py" line="40"/>
        <source>Print rating card (the person rates by phone)</source>
        <translation>打印服务评价卡（当事人扫码评价）</translation>
    </message>
    <message>
        <location filename="../../ui/rating_dialog.py" line="33"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../ui/rating_dialog.py" line="34"/>
        <source>Comment</source>
        <translation>评价意见</translation>
    </message>
    <message>
        <location filename="../../ui/rating_dialog.py" line="36"/>
        <source>Only when no rating was given: why (e.g. left before rating)</source>
        <translation>仅在未评价时填写原因（如：当事人未作评价即离开）</translation>
    </message>
    <message>
        <location filename="../../ui/rating_dialog.py" line="37"/>
        <source>No rating, because</source>
        <translation>未评价原因</translation>
    </message>
</context>
<context>
    <name>RatingDialogs</name>
    <message>
        <location filename="../../ui/workbench.py" line="362"/>
        <source>Rated on %1, %2</source>
        <translation>评价日期 %1，%2</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="375"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="378"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="413"/>
        <source>Not saved: %1</source>
        <translation>保存失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="457"/>
        <source>Appeal a rating</source>
        <translation>申诉</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="460"/>
        <source>Why the rating is mistaken or malicious</source>
        <translation>说明该评价有误或属恶意评价的理由</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="462"/>
        <source>Reason</source>
        <translation>申诉理由</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="479"/>
        <source>Decide the appeal</source>
        <translation>裁定申诉</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="481"/>
        <source>Revoke the rating (appeal upheld: it counts no more)</source>
        <translation>撤销该评价（申诉成立，不再计入统计）</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="486"/>
        <source>Keep the rating (appeal rejected)</source>
        <translation>维持该评价（申诉不成立）</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="496"/>
        <source>Village&apos;s reason</source>
        <translation>村申诉理由</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="497"/>
        <source>Decision</source>
        <translation>裁定</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="498"/>
        <source>Decided by</source>
        <translation>裁定人</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="499"/>
        <source>Grounds</source>
        <translation>裁定理由</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <location filename="../../ui/pages.py" line="44"/>
        <source>Record (read only)</source>
        <translation>记录（只读）</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="46"/>
        <source>Reading…</source>
        <translation>正在读取……</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="59"/>
        <source>The record is no longer there.</source>
        <translation>这条记录已不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="61"/>
        <source>Kept by the township office; read only here.</source>
        <translation>由乡镇司法所登记和维护，本机只读。</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="73"/>
        <source>The record could not be read: %1</source>
        <translation>无法读取这条记录：%1</translation>
    </message>
</context>
<context>
    <name>RecordsDialog</name>
    <message>
        <location filename="../../ui/dashboard.py" line="91"/>
        <source>(no records)</source>
        <translation>（没有记录）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="92"/>
        <source>%1 records</source>
        <translation>共 %1 条</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <location filename="../../ui/pages.py" line="122"/>
        <source>Read only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="123"/>
        <source>This computer reads and reports: records are kept by the township offices.</source>
        <translation>本机（县司法局）只查看和统计：记录由各乡镇司法所和村（社区）登记。</translation>
    </message>
</context>
<context>
    <name>RegionPicker</name>
    <message>
        <location filename="../../ui/local_login.py" line="89"/>
        <source>%1 (whole township)</source>
        <translation>%1（全乡镇）</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="93"/>
        <source>%1 (whole county)</source>
        <translation>%1（全县）</translation>
    </message>
</context>
<context>
    <name>RegistrationTab</name>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="37"/>
        <source>Village</source>
        <translation>所在村</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="38"/>
        <source>Dispute type</source>
        <translation>纠纷类型</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="39"/>
        <source>Source</source>
        <translation>案件来源</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="40"/>
        <source>Accepted on</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="41"/>
        <source>Mediator</source>
        <translation>人民调解员</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="42"/>
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="43"/>
        <source>Summary of the dispute</source>
        <translation>纠纷简要情况</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="47"/>
        <source>Role</source>
        <translation>当事人类别</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="47"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="47"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="47"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="47"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="54"/>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="57"/>
        <source>Add a party…</source>
        <translation>添加当事人…</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="58"/>
        <source>Remove party</source>
        <translation>删除当事人</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="59"/>
        <source>Save registration</source>
        <translation>保存登记</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="66"/>
        <source>Show full numbers</source>
        <translation>显示完整号码</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="68"/>
        <source>Shows the parties&apos; full ID numbers and phones (recorded in the audit log)</source>
        <translation>显示当事人完整的身份证号和电话（会记入审计记录）</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="81"/>
        <source>Registration</source>
        <translation>受理登记</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="175"/>
        <source>Zero report filed for this month</source>
        <translation>本月已零上报</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="177"/>
        <source>The village filed a zero report for %1 (no disputes that month).
Registering this case accepted on %2 corrects that month&apos;s zero report to one with disputes (the correction is kept with the zero report).

Register it?</source>
        <translation>本村 %1 已零上报（本月无纠纷）。
登记这起 %2 受理的案件，会把该月的零上报更正为有纠纷记录（更正会记在零上报上）。

确认登记吗？</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="188"/>
        <source>Not saved: that month has a zero report; registration cancelled</source>
        <translation>未保存：该月已零上报，登记已取消</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <location filename="../../ui/roster_page.py" line="202"/>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="202"/>
        <source>On the roster</source>
        <translation>在册人数</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="202"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="208"/>
        <source>Per village (target: at least 3)</source>
        <translation>各村人数（目标：每村不少于 3 名）</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="217"/>
        <source>Add a person</source>
        <translation>新增人员</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="227"/>
        <source> (read only: the township office keeps the roster)</source>
        <translation>（只读：名册由司法所维护）</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="258"/>
        <source>below target</source>
        <translation>未达标</translation>
    </message>
</context>
<context>
    <name>SessionsTab</name>
    <message>
        <location filename="../../ui/case/sessions_tab.py" line="34"/>
        <source>Time</source>
        <translation>调解时间</translation>
    </message>
    <message>
        <location filename="../../ui/case/sessions_tab.py" line="35"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/case/sessions_tab.py" line="36"/>
        <source>Participants</source>
        <translation>参加人</translation>
    </message>
    <message>
        <location filename="../../ui/case/sessions_tab.py" line="38"/>
        <source>Statements of each side</source>
        <translation>各方陈述</translation>
    </message>
    <message>
        <location filename="../../ui/case/sessions_tab.py" line="39"/>
        <source>Facts checked</source>
        <translation>查明事实</translation>
    </message>
    <message>
        <location filename="../../ui/case/sessions_tab.py" line="40"/>
        <source>Result</source>
        <translation>调解结果</translation>
    </message>
    <message>
        <location filename="../../ui/case/sessions_tab.py" line="45"/>
        <source>Rights notice read and signed</source>
        <translation>已告知权利义务并签字</translation>
    </message>
    <message>
        <location filename="../../ui/case/sessions_tab.py" line="46"/>
        <source>Mediation failed…</source>
        <translation>调解不成…</translation>
    </message>
    <message>
        <location filename="../../ui/case/sessions_tab.py" line="47"/>
        <source>Terminate…</source>
        <translation>终止调解…</translation>
    </message>
    <message>
        <location filename="../../ui/case/sessions_tab.py" line="48"/>
        <source>Save this session</source>
        <translation>保存本次调解记录</translation>
    </message>
    <message>
        <location filename="../../ui/case/sessions_tab.py" line="53"/>
        <source>Recorded: the rights notice was read and signed</source>
        <translation>已登记：已告知权利义务并签字</translation>
    </message>
    <message>
        <location filename="../../ui/case/sessions_tab.py" line="65"/>
        <source>Sessions held</source>
        <translation>已有调解记录</translation>
    </message>
    <message>
        <location filename="../../ui/case/sessions_tab.py" line="69"/>
        <source>Mediation sessions</source>
        <translation>调解记录</translation>
    </message>
    <message>
        <location filename="../../ui/case/sessions_tab.py" line="84"/>
        <source>Why (this goes into the case file):</source>
        <translation>原因（将写入卷宗）：</translation>
    </message>
</context>
<context>
    <name>SetPasswordDialog</name>
    <message>
        <location filename="../../ui/password_dialog.py" line="33"/>
        <source>This computer has no system keyring, so the database can be encrypted with a password: if the computer is stolen or someone copies the data files, the parties&apos; information cannot be opened without the password.

Please note: once the password is forgotten, nobody (developers and support included) can recover the data in the database, nor the encrypted backups. Write the password on paper and seal it in the office safe.</source>
        <translation>这台电脑没有系统密钥环，数据库可以用密码加密：电脑被盗或被他人拷走数据文件时，没有密码就打不开其中的当事人信息。

请注意：密码忘记后，任何人（包括开发者和技术支持）都无法恢复数据库中的数据，加密的备份也无法恢复。请把密码写在纸上，封存在单位保险柜里。</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="100"/>
        <source>Set a database password</source>
        <translation>设置数据库密码</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="107"/>
        <source>Database password</source>
        <translation>数据库密码</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="108"/>
        <source>Enter it again</source>
        <translation>再输入一次</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="112"/>
        <source>Encrypt the database</source>
        <translation>加密数据库</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="113"/>
        <source>Not now</source>
        <translation>暂不加密</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/settings_page.py" line="44"/>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="48"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="49"/>
        <source>Region</source>
        <translation>所在地</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="52"/>
        <source>What this computer shows</source>
        <translation>本机查看范围</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="53"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="55"/>
        <source>Display</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="60"/>
        <source> pt</source>
        <translation> 磅</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="61"/>
        <source>Large text</source>
        <translation>大字体</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="67"/>
        <source>Font size</source>
        <translation>字号</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="75"/>
        <source>Language (after restart)</source>
        <translation>界面语言（重启后生效）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="77"/>
        <source>Villages</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="81"/>
        <source>About this program</source>
        <translation>关于本软件</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="114"/>
        <location filename="../../ui/settings_page.py" line="118"/>
        <source>not chosen</source>
        <translation>未选择</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="132"/>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="132"/>
        <source>The new language is used after the program restarts.</source>
        <translation>重新启动程序后使用新的界面语言。</translation>
    </message>
</context>
<context>
    <name>SimilarPeople</name>
    <message>
        <location filename="../../ui/person_box.py" line="53"/>
        <source>Already in the records: %1 (%2)</source>
        <translation>已有记录：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/person_box.py" line="58"/>
        <source>Use this person</source>
        <translation>使用此人</translation>
    </message>
</context>
<context>
    <name>StorePasswordDialog</name>
    <message>
        <location filename="../../ui/password_dialog.py" line="58"/>
        <source>Enter the database password</source>
        <translation>输入数据库密码</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="62"/>
        <source>Database password</source>
        <translation>数据库密码</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="66"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="73"/>
        <source>The database on this computer is encrypted with a password; enter the password that was set.</source>
        <translation>本机数据库已用密码加密，请输入设置时的密码。</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="83"/>
        <source>Please enter the database password</source>
        <translation>请填写数据库密码</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="88"/>
        <source>Database password: incorrect, please enter it again</source>
        <translation>数据库密码：不正确，请重新输入</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../ui/sync_status.py" line="231"/>
        <source>Sync failed: the server could not be reached. Check the network and try again.</source>
        <translation>同步未完成：连不上服务器，请检查网络后再试。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="235"/>
        <source>Sync failed because of a program error; the records stay on this computer.</source>
        <translation>同步因程序出错未完成，记录仍保存在本机。</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../ui/sync_page.py" line="42"/>
        <source>Sign in…</source>
        <translation>登录…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="43"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="44"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="45"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="55"/>
        <source>Sync server</source>
        <translation>同步服务器</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="63"/>
        <location filename="../../ui/sync_page.py" line="81"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="82"/>
        <location filename="../../ui/sync_page.py" line="120"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="84"/>
        <location filename="../../ui/sync_page.py" line="123"/>
        <source>Quarantined</source>
        <translation>已隔离</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="104"/>
        <source>Server: %1
Account: %2</source>
        <translation>服务器：%1
账号：%2</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="111"/>
        <source>Server: %1
Not signed in (records are saved here as usual and sent after signing in)</source>
        <translation>服务器：%1
未登录（本机数据照常保存，登录后发送）</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="115"/>
        <source>No sync server set up yet: all records are kept on this computer.</source>
        <translation>尚未设置同步服务器：所有记录保存在本机。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="119"/>
        <source>Conflicts (%1)</source>
        <translation>冲突（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="122"/>
        <source>Quarantined (%1)</source>
        <translation>已隔离（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="132"/>
        <source>Syncing…</source>
        <translation>正在同步……</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="136"/>
        <source>%1: %2/%3</source>
        <translation>%1：%2/%3</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="149"/>
        <source>Sync finished: %1</source>
        <translation>同步完成：%1</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="154"/>
        <source>Sync not finished: %1</source>
        <translation>同步未完成：%1</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="166"/>
        <source>Signed out</source>
        <translation>已退出登录</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="168"/>
        <source>%1 record(s) on this computer are not yet synced; they are kept here and sent automatically after signing in again.</source>
        <translation>本机还有 %1 条记录尚未同步，已保留在本机，重新登录后会自动发送。</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../ui/sync_status.py" line="253"/>
        <source>Saved on this computer only (no sync server set up)</source>
        <translation>仅本机保存（未设置同步服务器）</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="255"/>
        <source>Not signed in to the sync server · %1 to send</source>
        <translation>未登录同步服务器 · 待发送 %1 条</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="258"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="260"/>
        <source>Last sync %1 (UTC) · %2 to send</source>
        <translation>上次同步 %1（UTC） · 待发送 %2 条</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="265"/>
        <source> · %1 in conflict</source>
        <translation> · 冲突 %1 条</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="269"/>
        <source> · %1 refused</source>
        <translation> · 被拒 %1 条</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="271"/>
        <source> · %1 quarantined</source>
        <translation> · 已隔离 %1 条</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="275"/>
        <source> · error: %1</source>
        <translation> · 错误：%1</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="319"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../ui/sync_status.py" line="287"/>
        <location filename="../../ui/sync_status.py" line="297"/>
        <location filename="../../ui/sync_status.py" line="298"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="295"/>
        <source>Cancel sync</source>
        <translation>取消同步</translation>
    </message>
</context>
<context>
    <name>TaskManager</name>
    <message>
        <location filename="../../ui/tasks.py" line="289"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TermsEditor</name>
    <message>
        <location filename="../../ui/case/terms_editor.py" line="36"/>
        <source>Add term</source>
        <translation>添加条款</translation>
    </message>
    <message>
        <location filename="../../ui/case/terms_editor.py" line="37"/>
        <source>Insert suggested clause</source>
        <translation>插入参考条款</translation>
    </message>
    <message>
        <location filename="../../ui/case/terms_editor.py" line="38"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>TrainingForm</name>
    <message>
        <location filename="../../ui/roster_page.py" line="41"/>
        <source>Add a training</source>
        <translation>添加培训</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="42"/>
        <source>Date</source>
        <translation>培训日期</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="43"/>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="44"/>
        <source>Topic</source>
        <translation>培训主题</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../ui/local_login.py" line="129"/>
        <source>Add a local user (administrator)</source>
        <translation>添加本机用户（管理员）</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="129"/>
        <source>Add a local user</source>
        <translation>添加本机用户</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="142"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="143"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="144"/>
        <source>Regions looked after</source>
        <translation>负责区域</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="145"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="146"/>
        <source>Enter it again</source>
        <translation>再输入一次</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="156"/>
        <source>The first user is this computer&apos;s administrator and can add other users. Once added, a password is needed when the program opens and after leaving the computer for a while; each person sees only the records of the regions they look after.</source>
        <translation>第一个用户是本机管理员，可以添加其他用户。添加后，打开程序和离开电脑一段时间后都需要输入密码，每人只能看到自己负责区域的记录。</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="170"/>
        <source>Enter it again: the two passwords differ, please type the same password twice</source>
        <translation>再输入一次：两次输入的密码不一致，请输入相同的密码</translation>
    </message>
</context>
<context>
    <name>VillageCombo</name>
    <message>
        <location filename="../../ui/villages.py" line="103"/>
        <source>%1 (merged away)</source>
        <translation>%1（已撤并）</translation>
    </message>
</context>
<context>
    <name>VillageLines</name>
    <message>
        <location filename="../../ui/villages.py" line="167"/>
        <source>One village a line, for example:
Qiaonan Village
Wangjia Village 610502100202
(can be copied from a table)</source>
        <translation>每行一个村，例如：
桥南村
王家村 610502100202
（可从表格中复制粘贴）</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="174"/>
        <source>Import from CSV…</source>
        <translation>从 CSV 导入…</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="194"/>
        <source>Import failed: %1</source>
        <translation>导入失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="200"/>
        <source>Read %1 villages from %2; they are added when you save</source>
        <translation>已从 %2 读入 %1 个村，保存时添加</translation>
    </message>
</context>
<context>
    <name>Villages</name>
    <message>
        <location filename="../../ui/villages.py" line="42"/>
        <source>No villages yet: add the township&apos;s villages in “Settings → Villages”, or click “Add village…” on the right</source>
        <translation>尚无村：请到“设置 → 村（社区）”添加本乡镇的村，或点右边的“添加村…”</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="132"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="134"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="147"/>
        <source>Import a list of villages</source>
        <translation>导入村名单</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="149"/>
        <source>Lists of villages (*.csv *.txt);;All files (*)</source>
        <translation>村名单 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>VillagesEditor</name>
    <message>
        <location filename="../../ui/villages.py" line="234"/>
        <source>Village name (several lines may be pasted; a 12-digit division code may follow)</source>
        <translation>村名（可粘贴多行；可加 12 位区划代码）</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="237"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="239"/>
        <source>Import from CSV…</source>
        <translation>从 CSV 导入…</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="241"/>
        <source>Rename…</source>
        <translation>改名…</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="243"/>
        <source>Merge away / bring back</source>
        <translation>撤并 / 恢复</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="306"/>
        <source>%1 (merged away)</source>
        <translation>%1（已撤并）</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="329"/>
        <source>The villages of the county&apos;s townships; each township office keeps its own, and signing in to the city server downloads them.</source>
        <translation>本县各乡镇的村（社区）：由各乡镇司法所维护，登录市级服务器后自动下载。</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="336"/>
        <source>%1 has no villages yet: type a village name below and press Enter (or “Add”), or import a CSV; after signing in to the city server the list is also downloaded.</source>
        <translation>%1还没有村：在下面输入村名后按回车（或“添加”），也可从 CSV 导入；登录市级服务器后村名单也会自动下载。</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="338"/>
        <source>The township</source>
        <translation>本乡镇</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="343"/>
        <source>Tick the villages you look after (none ticked: the whole township); double-click to rename.</source>
        <translation>勾选您负责的村（不勾选则为全乡镇）；双击改名。</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="349"/>
        <source>Double-click to rename; a merged-away village no longer appears in the forms, its records are kept.</source>
        <translation>双击改名；撤并的村不再出现在表单中，已有记录保留。</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="365"/>
        <source>Please enter the village name</source>
        <translation>请填写村名</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="378"/>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="382"/>
        <source>%1 line %2: %3</source>
        <translation>%1 第 %2 行：%3</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="400"/>
        <source>Import failed: %1</source>
        <translation>导入失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="409"/>
        <source>Please first select the village to rename in the list</source>
        <translation>请先在列表中选中要改名的村</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="414"/>
        <source>Rename a village</source>
        <translation>村改名</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="414"/>
        <source>New village name:</source>
        <translation>新村名：</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="426"/>
        <source>Please first select the village to merge away or bring back in the list</source>
        <translation>请先在列表中选中要撤并或恢复的村</translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="42"/>
        <source>Record performance</source>
        <translation>登记履行情况</translation>
    </message>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="46"/>
        <source>Performance of the agreement:</source>
        <translation>协议履行情况：</translation>
    </message>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="51"/>
        <source>Visited on</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="52"/>
        <source>Reason for the visit</source>
        <translation>回访事由</translation>
    </message>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="54"/>
        <source>Performed?</source>
        <translation>履行情况</translation>
    </message>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="57"/>
        <source>Satisfied</source>
        <translation>是否满意</translation>
    </message>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="57"/>
        <source>The parties are satisfied</source>
        <translation>当事人满意</translation>
    </message>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="59"/>
        <source>Lawsuit</source>
        <translation>是否起诉</translation>
    </message>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="59"/>
        <source>A party went to court</source>
        <translation>有当事人已起诉</translation>
    </message>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="61"/>
        <source>Risk</source>
        <translation>激化风险</translation>
    </message>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="61"/>
        <source>Risk that the dispute flares up again</source>
        <translation>纠纷有再次激化的风险</translation>
    </message>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="63"/>
        <source>Measures</source>
        <translation>采取措施</translation>
    </message>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="64"/>
        <source>Visitor</source>
        <translation>回访人</translation>
    </message>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="66"/>
        <source>How the agreement is being carried out</source>
        <translation>了解协议履行情况</translation>
    </message>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="68"/>
        <source>Save return visit</source>
        <translation>保存回访记录</translation>
    </message>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="76"/>
        <source>Return visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="101"/>
        <source>Visited %1 by %2</source>
        <translation>%1 已回访（回访人：%2）</translation>
    </message>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="106"/>
        <source>Scheduled for %1</source>
        <translation>计划回访：%1</translation>
    </message>
</context>
<context>
    <name>WorkbenchPage</name>
    <message>
        <location filename="../../ui/workbench.py" line="150"/>
        <source>Opening…</source>
        <translation>正在打开…</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="59"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="61"/>
        <source>Log a consultation</source>
        <translation>登记咨询</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="63"/>
        <source>Register a dispute</source>
        <translation>登记纠纷</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="72"/>
        <source>Return visits due</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="73"/>
        <source>Cases past the one-month target</source>
        <translation>超期未结案件（超过一个月）</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="74"/>
        <source>Agreements inside the 30-day judicial confirmation window</source>
        <translation>可申请司法确认的协议（30 日内）</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="77"/>
        <source>Waiting to sync</source>
        <translation>待同步</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="80"/>
        <source>Open sync</source>
        <translation>打开同步</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="88"/>
        <source>Follow-ups of poor ratings</source>
        <translation>差评回访</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="94"/>
        <source>Record the follow-up</source>
        <translation>登记回访</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="100"/>
        <source>Appeal this rating…</source>
        <translation>申诉此评价…</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="102"/>
        <source>The rating is mistaken or malicious: the township office decides</source>
        <translation>评价有误或属恶意评价：提出申诉，由司法所裁定</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="105"/>
        <source>Decide the appeal…</source>
        <translation>裁定申诉…</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="178"/>
        <source>Today, %1</source>
        <translation>今天 %1</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="222"/>
        <source>Follow-ups of poor ratings (%1)</source>
        <translation>差评回访（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="227"/>
        <source>Follow-up due</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="229"/>
        <source>Follow-up %1 day(s) late</source>
        <translation>超期 %1 天</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="231"/>
        <source>Follow up by %1</source>
        <translation>%1 前回访</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="233"/>
        <source>Source: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="237"/>
        <source>What went wrong: %1</source>
        <translation>存在问题：%1</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="239"/>
        <source>Comment: %1</source>
        <translation>评价意见：%1</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="325"/>
        <source>due in %1 day(s)</source>
        <translation>还有 %1 天</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="325"/>
        <source>%1 day(s) overdue</source>
        <translation>已逾期 %1 天</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="326"/>
        <source>%1 day(s) past the target</source>
        <translation>超期 %1 天</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="330"/>
        <location filename="../../ui/workbench.py" line="331"/>
        <source>%1 day(s) left to apply</source>
        <translation>剩余 %1 天可申请</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/workbench.py" line="335"/>
        <source>%n record(s) saved here are waiting to be sent to the server.</source>
        <translation>
            <numerusform>本机有 %n 条记录等待上传到服务器。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="338"/>
        <source>Nothing is waiting to be sent.</source>
        <translation>没有待上传的记录。</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="255"/>
        <location filename="../../ui/workbench.py" line="266"/>
        <source>Nothing here today.</source>
        <translation>今天没有待办事项。</translation>
    </message>
</context>
</TS>
