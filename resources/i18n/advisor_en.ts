<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about.py" line="44" />
        <source>Components and licences</source>
        <translation>Components and licences</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="57" />
        <source>Font: %1</source>
        <translation>Font: %1</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="70" />
        <source>About %1</source>
        <translation>About %1</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="84" />
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="96" />
        <location filename="../../ui/about.py" line="130" />
        <source>Data folder:</source>
        <translation>Data folder:</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="97" />
        <location filename="../../ui/about.py" line="132" />
        <source>Log folder:</source>
        <translation>Log folder:</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="101" />
        <source>Component versions:</source>
        <translation>Component versions:</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="116" />
        <source>Open data folder</source>
        <translation>Open data folder</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="119" />
        <source>Copy version details</source>
        <translation>Copy version details</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="122" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="138" />
        <source>Copied</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>ActivitiesPage</name>
    <message>
        <location filename="../../ui/pages.py" line="178" />
        <source>New activity</source>
        <translation>New activity</translation>
    </message>
</context>
<context>
    <name>ActivityForm</name>
    <message>
        <location filename="../../ui/activity_form.py" line="56" />
        <source>Print rating card…</source>
        <translation>Print rating card…</translation>
    </message>
    <message>
        <location filename="../../ui/activity_form.py" line="26" />
        <source>Legal publicity activity</source>
        <translation>Legal publicity activity</translation>
    </message>
    <message>
        <location filename="../../ui/activity_form.py" line="28" />
        <source>Village</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/activity_form.py" line="29" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/activity_form.py" line="30" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/activity_form.py" line="31" />
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../../ui/activity_form.py" line="32" />
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/activity_form.py" line="35" />
        <source>Audience</source>
        <translation>Audience</translation>
    </message>
    <message>
        <location filename="../../ui/activity_form.py" line="36" />
        <source>Speaker</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <location filename="../../ui/activity_form.py" line="40" />
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../../ui/activity_form.py" line="41" />
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/activity_form.py" line="44" />
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../ui/activity_form.py" line="45" />
        <source>Add a photo…</source>
        <translation>Add a photo…</translation>
    </message>
    <message>
        <location filename="../../ui/activity_form.py" line="60" />
        <source>Save the activity first, then add photos.</source>
        <translation>Save the activity first, then add photos.</translation>
    </message>
    <message>
        <location filename="../../ui/activity_form.py" line="77" />
        <source>Add a photo</source>
        <translation>Add a photo</translation>
    </message>
</context>
<context>
    <name>AgreementTab</name>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="41" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="42" />
        <source>Main facts and matters in dispute</source>
        <translation>Main facts and matters in dispute</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="45" />
        <source>Terms agreed</source>
        <translation>Terms agreed</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="46" />
        <source>Way and time of performance</source>
        <translation>Way and time of performance</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="48" />
        <source>Perform by</source>
        <translation>Perform by</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="51" />
        <source>parties + 1</source>
        <translation>parties + 1</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="52" />
        <source>Copies</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="53" />
        <source>Amount (yuan)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="56" />
        <source>Save draft agreement</source>
        <translation>Save draft agreement</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="57" />
        <source>Mark signed…</source>
        <translation>Mark signed…</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="58" />
        <source>Change (new version)</source>
        <translation>Change (new version)</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="59" />
        <source>Attach signed scan…</source>
        <translation>Attach signed scan…</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="60" />
        <location filename="../../ui/case/agreement_tab.py" line="156" />
        <location filename="../../ui/case/agreement_tab.py" line="166" />
        <location filename="../../ui/case/agreement_tab.py" line="171" />
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="67" />
        <source>Print case documents</source>
        <translation>Print case documents</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="70" />
        <source>Application for mediation</source>
        <translation>Application for mediation</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="71" />
        <source>Registration form</source>
        <translation>Registration form</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="72" />
        <source>Notice of rights and duties</source>
        <translation>Notice of rights and duties</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="73" />
        <source>Mediation record</source>
        <translation>Mediation record</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="74" />
        <source>Oral agreement form</source>
        <translation>Oral agreement form</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="75" />
        <source>Return visit record</source>
        <translation>Return visit record</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="76" />
        <source>Application for judicial confirmation</source>
        <translation>Application for judicial confirmation</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="77" />
        <source>Whole case file</source>
        <translation>Whole case file</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="91" />
        <source>Agreement</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="114" />
        <source>Mark signed</source>
        <translation>Mark signed</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="116" />
        <source>Have all parties signed (or pressed a fingerprint), the mediator signed and the committee's seal been put on it? After this the agreement can no longer be edited.</source>
        <translation>Have all parties signed (or pressed a fingerprint), the mediator signed and the committee's seal been put on it? After this the agreement can no longer be edited.</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="140" />
        <source>Attach signed scan</source>
        <translation>Attach signed scan</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="156" />
        <source>Printing is not available yet (%1).</source>
        <translation>Printing is not available yet (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="218" />
        <source>No agreement yet. Suggested clauses follow the dispute type.</source>
        <translation>No agreement yet. Suggested clauses follow the dispute type.</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="222" />
        <source>, signed %1</source>
        <translation>, signed %1</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="228" />
        <source> — signed agreements are read-only; a change makes a new version.</source>
        <translation> — signed agreements are read-only; a change makes a new version.</translation>
    </message>
    <message>
        <location filename="../../ui/case/agreement_tab.py" line="233" />
        <source>Version %1: %2</source>
        <translation>Version %1: %2</translation>
    </message>
</context>
<context>
    <name>AppMain</name>
    <message>
        <location filename="../../ui/app.py" line="72" />
        <source>数据文件夹（默认：系统用户数据目录，或 ADVISOR_DATA_DIR）</source>
        <translation>数据文件夹（默认：系统用户数据目录，或 ADVISOR_DATA_DIR）</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../ui/audit_page.py" line="35" />
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="37" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="38" />
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="39" />
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="40" />
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="41" />
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="42" />
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="55" />
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="62" />
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="65" />
        <source>Starting date</source>
        <translation>Starting date</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="93" />
        <source>Reading…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="127" />
        <source>%1 in all</source>
        <translation>%1 in all</translation>
    </message>
</context>
<context>
    <name>CaseWindow</name>
    <message>
        <location filename="../../ui/case/window.py" line="142" />
        <source>Register a dispute</source>
        <translation>Register a dispute</translation>
    </message>
    <message>
        <location filename="../../ui/case/window.py" line="143" />
        <source>New case: enter the parties, the type and a summary, then save.</source>
        <translation>New case: enter the parties, the type and a summary, then save.</translation>
    </message>
    <message>
        <location filename="../../ui/case/window.py" line="173" />
        <source>(past the one-month target)</source>
        <translation>(past the one-month target)</translation>
    </message>
    <message>
        <location filename="../../ui/case/window.py" line="176" />
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../../ui/case/window.py" line="178" />
        <source>Accepted %1, due %2</source>
        <translation>Accepted %1, due %2</translation>
    </message>
    <message>
        <location filename="../../ui/case/window.py" line="231" />
        <source>Restore draft</source>
        <translation>Restore draft</translation>
    </message>
    <message>
        <location filename="../../ui/case/window.py" line="233" />
        <source>An unsaved draft from %1 was found (the program may have closed unexpectedly). Restore it?</source>
        <translation>An unsaved draft from %1 was found (the program may have closed unexpectedly). Restore it?</translation>
    </message>
    <message>
        <location filename="../../ui/case/window.py" line="252" />
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../ui/case/window.py" line="253" />
        <source>This case has changes that are not saved. Leave without saving?</source>
        <translation>This case has changes that are not saved. Leave without saving?</translation>
    </message>
    <message>
        <location filename="../../ui/case/window.py" line="123" />
        <source>This step failed because of a program error; an error report was saved.</source>
        <translation>This step failed because of a program error; an error report was saved.</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <location filename="../../ui/pages.py" line="164" />
        <source>Register a dispute</source>
        <translation>Register a dispute</translation>
    </message>
</context>
<context>
    <name>CloseTab</name>
    <message>
        <location filename="../../ui/case/close_tab.py" line="54" />
        <source>Attach a document…</source>
        <translation>Attach a document…</translation>
    </message>
    <message>
        <location filename="../../ui/case/close_tab.py" line="58" />
        <source>Add to the case file:</source>
        <translation>Add to the case file:</translation>
    </message>
    <message>
        <location filename="../../ui/case/close_tab.py" line="62" />
        <source>Close the case with rating…</source>
        <translation>Close the case with rating…</translation>
    </message>
    <message>
        <location filename="../../ui/case/close_tab.py" line="63" />
        <location filename="../../ui/case/close_tab.py" line="111" />
        <location filename="../../ui/case/close_tab.py" line="122" />
        <source>Archive</source>
        <translation>Archive</translation>
    </message>
    <message>
        <location filename="../../ui/case/close_tab.py" line="73" />
        <source>Case file (卷宗) contents — ✗ marks a required document that is missing:</source>
        <translation>Case file (卷宗) contents — ✗ marks a required document that is missing:</translation>
    </message>
    <message>
        <location filename="../../ui/case/close_tab.py" line="78" />
        <source>Close and archive</source>
        <translation>Close and archive</translation>
    </message>
    <message>
        <location filename="../../ui/case/close_tab.py" line="82" />
        <source>Attach a document</source>
        <translation>Attach a document</translation>
    </message>
    <message>
        <location filename="../../ui/case/close_tab.py" line="96" />
        <source>Close the case</source>
        <translation>Close the case</translation>
    </message>
    <message>
        <location filename="../../ui/case/close_tab.py" line="155" />
        <source>required</source>
        <translation>required</translation>
    </message>
    <message>
        <location filename="../../ui/case/close_tab.py" line="155" />
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../ui/case/close_tab.py" line="48" />
        <location filename="../../ui/case/close_tab.py" line="144" />
        <source>Paper copy filed</source>
        <translation>Paper copy filed</translation>
    </message>
    <message>
        <location filename="../../ui/case/close_tab.py" line="144" />
        <source>Withdraw the tick</source>
        <translation>Withdraw the tick</translation>
    </message>
    <message>
        <location filename="../../ui/case/close_tab.py" line="50" />
        <source>The signed paper document is in the case file (recorded with your name and the time)</source>
        <translation>The signed paper document is in the case file (recorded with your name and the time)</translation>
    </message>
    <message>
        <location filename="../../ui/case/close_tab.py" line="113" />
        <source>The case file is not complete. Missing: %1.

Attach a scan of each, or tick “Paper copy filed” once the signed paper is in the file.</source>
        <translation>The case file is not complete. Missing: %1.

Attach a scan of each, or tick “Paper copy filed” once the signed paper is in the file.</translation>
    </message>
    <message>
        <location filename="../../ui/case/close_tab.py" line="123" />
        <source>Archive this case? An archived case and its file can no longer be changed.</source>
        <translation>Archive this case? An archived case and its file can no longer be changed.</translation>
    </message>
    <message>
        <location filename="../../ui/case/close_tab.py" line="159" />
        <source>not recorded when archived</source>
        <translation>not recorded when archived</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../../ui/labels.py" line="15" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="16" />
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="17" />
        <source>Village</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="18" />
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="19" />
        <source>Matter</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="20" />
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="21" />
        <source>Referred to</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="22" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="23" />
        <source>Case number</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="24" />
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="25" />
        <source>Dispute type</source>
        <translation>Dispute type</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="26" />
        <source>Parties</source>
        <translation>Parties</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="27" />
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="28" />
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="29" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="30" />
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="31" />
        <source>Village group</source>
        <translation>Village group</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="32" />
        <source>Identity</source>
        <translation>Identity</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="33" />
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="34" />
        <source>Trainings</source>
        <translation>Trainings</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="35" />
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="36" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="37" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="38" />
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="39" />
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="40" />
        <source>Audience</source>
        <translation>Audience</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="41" />
        <source>Speaker</source>
        <translation>Speaker</translation>
    </message>
</context>
<context>
    <name>ConfirmationTab</name>
    <message>
        <location filename="../../ui/case/confirmation_tab.py" line="38" />
        <source>Applied on</source>
        <translation>Applied on</translation>
    </message>
    <message>
        <location filename="../../ui/case/confirmation_tab.py" line="39" />
        <source>Court</source>
        <translation>Court</translation>
    </message>
    <message>
        <location filename="../../ui/case/confirmation_tab.py" line="40" />
        <source>Record the application</source>
        <translation>Record the application</translation>
    </message>
    <message>
        <location filename="../../ui/case/confirmation_tab.py" line="42" />
        <source>Court confirmed</source>
        <translation>Court confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/case/confirmation_tab.py" line="43" />
        <source>Court refused</source>
        <translation>Court refused</translation>
    </message>
    <message>
        <location filename="../../ui/case/confirmation_tab.py" line="58" />
        <source>Judicial confirmation</source>
        <translation>Judicial confirmation</translation>
    </message>
    <message>
        <location filename="../../ui/case/confirmation_tab.py" line="82" />
        <source>The parties may jointly apply to the court within 30 days of the agreement taking effect: until %1 (%2 day(s) left).</source>
        <translation>The parties may jointly apply to the court within 30 days of the agreement taking effect: until %1 (%2 day(s) left).</translation>
    </message>
    <message>
        <location filename="../../ui/case/confirmation_tab.py" line="89" />
        <source>Judicial confirmation needs a signed written agreement.</source>
        <translation>Judicial confirmation needs a signed written agreement.</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <location filename="../../ui/conflicts_page.py" line="38" />
        <source>(empty)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_page.py" line="41" />
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_page.py" line="43" />
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_page.py" line="67" />
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_page.py" line="68" />
        <source>This computer's version</source>
        <translation>This computer's version</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_page.py" line="69" />
        <source>Server's version</source>
        <translation>Server's version</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_page.py" line="70" />
        <source>Keep</source>
        <translation>Keep</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_page.py" line="76" />
        <source>Keep this computer's version</source>
        <translation>Keep this computer's version</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_page.py" line="77" />
        <source>Keep the server's version</source>
        <translation>Keep the server's version</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_page.py" line="78" />
        <source>Merge as chosen per field</source>
        <translation>Merge as chosen per field</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_page.py" line="94" />
        <source>No conflicts to resolve</source>
        <translation>No conflicts to resolve</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_page.py" line="148" />
        <source> (the server's version has not arrived yet; compare after syncing)</source>
        <translation> (the server's version has not arrived yet; compare after syncing)</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_page.py" line="164" />
        <source>This computer</source>
        <translation>This computer</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_page.py" line="164" />
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_page.py" line="201" />
        <source>Cannot resolve it this way</source>
        <translation>Cannot resolve it this way</translation>
    </message>
</context>
<context>
    <name>ConsultationForm</name>
    <message>
        <location filename="../../ui/consultation_form.py" line="30" />
        <source>Consultation</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="30" />
        <source>New consultation</source>
        <translation>New consultation</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="35" />
        <source>Village</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="36" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="37" />
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="41" />
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="42" />
        <source>Mobile or landline, e.g. 13800138000 or 0913-2345678</source>
        <translation>Mobile or landline, e.g. 13800138000 or 0913-2345678</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="43" />
        <source>ID number (optional)</source>
        <translation>ID number (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="45" />
        <source>Priority groups</source>
        <translation>Priority groups</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="46" />
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="47" />
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="49" />
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="51" />
        <source>Matter</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="52" />
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="55" />
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="58" />
        <source>Referred to</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="67" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="68" />
        <source>Time taken</source>
        <translation>Time taken</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="69" />
        <source>Adviser</source>
        <translation>Adviser</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="71" />
        <source>Save and close with rating…</source>
        <translation>Save and close with rating…</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="74" />
        <source>Print record</source>
        <translation>Print record</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="132" />
        <source>Referred to mediation: after saving, the village's mediator registers it under Disputes (source: referred by another body).</source>
        <translation>Referred to mediation: after saving, the village's mediator registers it under Disputes (source: referred by another body).</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="144" />
        <source>No article of the Legal Aid Law matched; the legal aid office will check eligibility.</source>
        <translation>No article of the Legal Aid Law matched; the legal aid office will check eligibility.</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="147" />
        <source>Legal Aid Law %1: %2 (%3)</source>
        <translation>Legal Aid Law %1: %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="173" />
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/consultation_form.py" line="191" />
        <source>Close the consultation</source>
        <translation>Close the consultation</translation>
    </message>
</context>
<context>
    <name>ConsultationsPage</name>
    <message>
        <location filename="../../ui/pages.py" line="147" />
        <source>New consultation</source>
        <translation>New consultation</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../ui/crash.py" line="116" />
        <source>程序出错了</source>
        <translation>程序出错了</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="121" />
        <source>错误报告已保存到：
%1</source>
        <translation>错误报告已保存到：
%1</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="123" />
        <source>错误报告未能保存到文件，请点“复制报告”。</source>
        <translation>错误报告未能保存到文件，请点“复制报告”。</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="126" />
        <source>程序遇到了一个意外错误。已经保存的数据不会丢失；刚才正在填写、尚未保存的内容可能需要重新填写。
请把错误报告发给技术支持人员（报告中不含姓名、身份证号和电话）。

</source>
        <translation>程序遇到了一个意外错误。已经保存的数据不会丢失；刚才正在填写、尚未保存的内容可能需要重新填写。
请把错误报告发给技术支持人员（报告中不含姓名、身份证号和电话）。

</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="141" />
        <source>复制报告</source>
        <translation>复制报告</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="145" />
        <source>打开报告所在文件夹</source>
        <translation>打开报告所在文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="149" />
        <source>关闭</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="156" />
        <source>已复制</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>CrashReport</name>
    <message>
        <location filename="../../ui/crash.py" line="48" />
        <source>〔中文%1字〕</source>
        <translation>〔中文%1字〕</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="67" />
        <source>安装包</source>
        <translation>安装包</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="69" />
        <source>源代码</source>
        <translation>源代码</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="72" />
        <source>乡村法律服务工作台 错误报告</source>
        <translation>乡村法律服务工作台 错误报告</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="73" />
        <source>时间：%1</source>
        <translation>时间：%1</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="76" />
        <source>程序版本：%1（%2）</source>
        <translation>程序版本：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="80" />
        <source>操作系统：%1</source>
        <translation>操作系统：%1</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="83" />
        <source>线程：%1</source>
        <translation>线程：%1</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="106" />
        <source>错误报告-%1.txt</source>
        <translation>错误报告-%1.txt</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../ui/dashboard.py" line="133" />
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="134" />
        <source>Export monthly report…</source>
        <translation>Export monthly report…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="136" />
        <source>Monthly mediation statistics (region and period chosen), .xlsx or .pdf</source>
        <translation>Monthly mediation statistics (region and period chosen), .xlsx or .pdf</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="139" />
        <source>Export adviser ledger…</source>
        <translation>Export adviser ledger…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="141" />
        <source>Village legal adviser ledger (region and period chosen), .xlsx or .pdf</source>
        <translation>Village legal adviser ledger (region and period chosen), .xlsx or .pdf</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="144" />
        <source>Export rating ranking…</source>
        <translation>Export rating ranking…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="147" />
        <source>Service ratings and ranking: self-rating, satisfaction, follow-up and remedy rates per village and adviser</source>
        <translation>Service ratings and ranking: self-rating, satisfaction, follow-up and remedy rates per village and adviser</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="154" />
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="156" />
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="190" />
        <source>Accepted (cases)</source>
        <translation>Accepted (cases)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="191" />
        <source>Settled (cases)</source>
        <translation>Settled (cases)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="59" />
        <location filename="../../ui/dashboard.py" line="192" />
        <source>Success rate</source>
        <translation>Success rate</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="193" />
        <source>Agreed amounts (10,000 yuan)</source>
        <translation>Agreed amounts (10,000 yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="194" />
        <source>Court confirmations (cases)</source>
        <translation>Court confirmations (cases)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="195" />
        <source>Consultations (count)</source>
        <translation>Consultations (count)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="196" />
        <location filename="../../ui/dashboard.py" line="318" />
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="197" />
        <source>Poor ratings to follow up</source>
        <translation>Poor ratings to follow up</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="198" />
        <source>Overdue cases</source>
        <translation>Overdue cases</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="199" />
        <source>Within the confirmation window</source>
        <translation>Within the confirmation window</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="200" />
        <source>Visits due</source>
        <translation>Visits due</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="63" />
        <location filename="../../ui/dashboard.py" line="201" />
        <source>Villages not reported</source>
        <translation>Villages not reported</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="215" />
        <source>Disputes accepted by type</source>
        <translation>Disputes accepted by type</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="216" />
        <source>Satisfaction ratings</source>
        <translation>Satisfaction ratings</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="217" />
        <source>Consultations and cases, last 12 months</source>
        <translation>Consultations and cases, last 12 months</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="239" />
        <location filename="../../ui/dashboard.py" line="308" />
        <source>Village</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="240" />
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="64" />
        <location filename="../../ui/dashboard.py" line="241" />
        <source>Legal literates</source>
        <translation>Legal literates</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="56" />
        <source>Township</source>
        <translation>Township</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="57" />
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="58" />
        <source>Settled</source>
        <translation>Settled</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="60" />
        <source>Amount (10,000 yuan)</source>
        <translation>Amount (10,000 yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="62" />
        <source>Villages</source>
        <translation>Villages</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="242" />
        <source>Short by</source>
        <translation>Short by</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="243" />
        <source>On-site service (hours)</source>
        <translation>On-site service (hours)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="244" />
        <source>Lectures (quarter)</source>
        <translation>Lectures (quarter)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="245" />
        <source>Duties</source>
        <translation>Duties</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="255" />
        <source>Hot topics (clearly up this month)</source>
        <translation>Hot topics (clearly up this month)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="256" />
        <source>To do and overdue</source>
        <translation>To do and overdue</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="275" />
        <source>Townships at a glance (double-click one to look at it)</source>
        <translation>Townships at a glance (double-click one to look at it)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="280" />
        <source>Villages at a glance</source>
        <translation>Villages at a glance</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="292" />
        <source>Service ratings and ranking (counted as in the rating report)</source>
        <translation>Service ratings and ranking (counted as in the rating report)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="296" />
        <source>Self-rated share</source>
        <translation>Self-rated share</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="297" />
        <source>Satisfaction (counted)</source>
        <translation>Satisfaction (counted)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="298" />
        <location filename="../../ui/dashboard.py" line="320" />
        <source>Follow-up rate</source>
        <translation>Follow-up rate</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="299" />
        <location filename="../../ui/dashboard.py" line="321" />
        <source>Remedy rate</source>
        <translation>Remedy rate</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="308" />
        <source>Ranking by village</source>
        <translation>Ranking by village</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="309" />
        <source>Ranking by adviser / mediator</source>
        <translation>Ranking by adviser / mediator</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="309" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="314" />
        <source>Rank</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="316" />
        <source>Rated</source>
        <translation>Rated</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="317" />
        <source>Self-rated (share)</source>
        <translation>Self-rated (share)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="319" />
        <source>Poor</source>
        <translation>Poor</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="340" />
        <source>%1 rated, %2 poor</source>
        <translation>%1 rated, %2 poor</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="342" />
        <source>%1 poor</source>
        <translation>%1 poor</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="368" />
        <source>Shown: %1</source>
        <translation>Shown: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="373" />
        <location filename="../../ui/dashboard.py" line="657" />
        <source>All regions</source>
        <translation>All regions</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="378" />
        <source> (merged)</source>
        <translation> (merged)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="412" />
        <source>Counting…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="430" />
        <source>The figures could not be made: %1</source>
        <translation>The figures could not be made: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="451" />
        <source>%1 ratings</source>
        <translation>%1 ratings</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="460" />
        <source>zero reports %1</source>
        <translation>zero reports %1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="502" />
        <source>%1 is not over: %2 consultations and %3 cases so far, not drawn</source>
        <translation>%1 is not over: %2 consultations and %3 cases so far, not drawn</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="61" />
        <location filename="../../ui/dashboard.py" line="510" />
        <source>Consultations</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="510" />
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="569" />
        <source>No topic clearly up this month</source>
        <translation>No topic clearly up this month</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="575" />
        <source>%1 days overdue: %2 (%3)</source>
        <translation>%1 days overdue: %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="585" />
        <source>%1 days left to apply for court confirmation: %2</source>
        <translation>%1 days left to apply for court confirmation: %2</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="594" />
        <source>Visit due (by %1): %2</source>
        <translation>Visit due (by %1): %2</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="603" />
        <source>Poor rating follow-up overdue (due %1)</source>
        <translation>Poor rating follow-up overdue (due %1)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="640" />
        <source>met</source>
        <translation>met</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="640" />
        <source>not met</source>
        <translation>not met</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="670" />
        <location filename="../../ui/dashboard.py" line="732" />
        <source>Export %1</source>
        <translation>Export %1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="672" />
        <source>Excel workbook (*.xlsx);;PDF file (*.pdf)</source>
        <translation>Excel workbook (*.xlsx);;PDF file (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="686" />
        <source>Counting %1…</source>
        <translation>Counting %1…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="687" />
        <source>Writing %1…</source>
        <translation>Writing %1…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="709" />
        <source>Export cancelled</source>
        <translation>Export cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="712" />
        <location filename="../../ui/dashboard.py" line="715" />
        <source>Exported: %1</source>
        <translation>Exported: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="720" />
        <source>Export failed: %1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="729" />
        <source>Exporting %1…</source>
        <translation>Exporting %1…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="766" />
        <location filename="../../ui/dashboard.py" line="792" />
        <source>The records could not be found: %1</source>
        <translation>The records could not be found: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="799" />
        <source>Records behind the figure</source>
        <translation>Records behind the figure</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="887" />
        <source>%1月</source>
        <translation>%1月</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="894" />
        <source>%1/%2 – %3/%4</source>
        <translation>%1/%2 – %3/%4</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="903" />
        <source>%1 %2 (%3%)</source>
        <translation>%1 %2 (%3%)</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../ui/first_run.py" line="75" />
        <source>Welcome to the village legal service desk</source>
        <translation>Welcome to the village legal service desk</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="77" />
        <source>I am a</source>
        <translation>I am a</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="79" />
        <location filename="../../ui/first_run.py" line="124" />
        <source>Township</source>
        <translation>Township</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="83" />
        <source>Villages of the township</source>
        <translation>Villages of the township</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="87" />
        <source>Log in with the city server account…</source>
        <translation>Log in with the city server account…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="89" />
        <source>Downloads the township and villages of the account and sets the role from it</source>
        <translation>Downloads the township and villages of the account and sets the role from it</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="94" />
        <source>Your name</source>
        <translation>Your name</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="96" />
        <source>Demo data</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="96" />
        <source>Fill in demo records to try the program</source>
        <translation>Fill in demo records to try the program</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="124" />
        <source>County</source>
        <translation>County</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="139" />
        <source>The villages you serve become this computer's default scope; </source>
        <translation>The villages you serve become this computer's default scope; </translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="141" />
        <source>Already known: %1; more may be added.</source>
        <translation>Already known: %1; more may be added.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="144" />
        <source>One village per line (paste, or import a CSV of village name / region code); villages can also be added later under Settings → Villages, or downloaded by logging in to the city server.</source>
        <translation>One village per line (paste, or import a CSV of village name / region code); villages can also be added later under Settings → Villages, or downloaded by logging in to the city server.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="174" />
        <source>Logged in: %1 (%2)</source>
        <translation>Logged in: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="196" />
        <source>Line %1: %2</source>
        <translation>Line %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="222" />
        <source>Demo data: could not be made; run the command advisor demo-data later</source>
        <translation>Demo data: could not be made; run the command advisor demo-data later</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="230" />
        <source>Making demo data (printing the signed agreements)…</source>
        <translation>Making demo data (printing the signed agreements)…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="253" />
        <source>Printing the signed demo agreements (%1/%2)…</source>
        <translation>Printing the signed demo agreements (%1/%2)…</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../../ui/workbench.py" line="424" />
        <source>Record the follow-up of a poor rating</source>
        <translation>Record the follow-up of a poor rating</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="431" />
        <source>Followed up by</source>
        <translation>Followed up by</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="432" />
        <source>Follow-up date</source>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="433" />
        <source>What was found</source>
        <translation>What was found</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="434" />
        <source>What was done</source>
        <translation>What was done</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../ui/forms.py" line="280" />
        <source>The program ran into an error; nothing was saved. Please try again.</source>
        <translation>The program ran into an error; nothing was saved. Please try again.</translation>
    </message>
    <message>
        <location filename="../../ui/forms.py" line="324" />
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../ui/forms.py" line="325" />
        <source>This form has changes that are not saved. Save them?</source>
        <translation>This form has changes that are not saved. Save them?</translation>
    </message>
    <message>
        <location filename="../../ui/forms.py" line="373" />
        <source>Restore draft</source>
        <translation>Restore draft</translation>
    </message>
    <message>
        <location filename="../../ui/forms.py" line="375" />
        <source>An unsaved draft from %1 was found (the program may have closed unexpectedly). Restore it?</source>
        <translation>An unsaved draft from %1 was found (the program may have closed unexpectedly). Restore it?</translation>
    </message>
</context>
<context>
    <name>Hooks</name>
    <message>
        <location filename="../../ui/hooks.py" line="34" />
        <location filename="../../ui/hooks.py" line="39" />
        <source>%1 is not available yet</source>
        <translation>%1 is not available yet</translation>
    </message>
    <message>
        <location filename="../../ui/hooks.py" line="52" />
        <source>Export of %1 is not available yet</source>
        <translation>Export of %1 is not available yet</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <location filename="../../ui/labels.py" line="48" />
        <source>Consultations</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="49" />
        <source>Disputes</source>
        <translation>Disputes</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="50" />
        <source>Legal literates</source>
        <translation>Legal literates</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="51" />
        <source>Legal education activities</source>
        <translation>Legal education activities</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../../ui/list_page.py" line="91" />
        <source>Search: names, matters, words in the record…</source>
        <translation>Search: names, matters, words in the record…</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="95" />
        <source>All townships</source>
        <translation>All townships</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="100" />
        <source>All villages</source>
        <translation>All villages</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="105" />
        <source>All types</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="109" />
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="113" />
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="114" />
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="116" />
        <source>Export to Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="117" />
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="136" />
        <source>Clear filters</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="141" />
        <source>Show all</source>
        <translation>Show all</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="243" />
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/list_page.py" line="287" />
        <location filename="../../ui/list_page.py" line="295" />
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record(s)</numerusform>
            <numerusform>%n record(s)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="313" />
        <source>The list could not be loaded: %1</source>
        <translation>The list could not be loaded: %1</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="342" />
        <source>%1 records from the statistics</source>
        <translation>%1 records from the statistics</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="421" />
        <location filename="../../ui/list_page.py" line="438" />
        <source>Export to Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="426" />
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="441" />
        <location filename="../../ui/list_page.py" line="444" />
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="441" />
        <source>Saved to %1</source>
        <translation>Saved to %1</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="444" />
        <source>Export failed: %1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="446" />
        <source>Export cancelled</source>
        <translation>Export cancelled</translation>
    </message>
</context>
<context>
    <name>LocalLoginDialog</name>
    <message>
        <location filename="../../ui/local_login.py" line="40" />
        <source>Sign in on this computer</source>
        <translation>Sign in on this computer</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="49" />
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="50" />
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="54" />
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="61" />
        <source>Several people share this computer; each sees only the records of the villages they look after.</source>
        <translation>Several people share this computer; each sees only the records of the villages they look after.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/lock.py" line="46" />
        <source>Locked　%1</source>
        <translation>Locked　%1</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="50" />
        <source>To protect the parties' information the program locked itself after a while away. Anything not saved was kept as a draft.</source>
        <translation>To protect the parties' information the program locked itself after a while away. Anything not saved was kept as a draft.</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="55" />
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="57" />
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login_dialog.py" line="63" />
        <source>Log in to the sync server</source>
        <translation>Log in to the sync server</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="67" />
        <source>https://… (the sync server address the city justice bureau gave you)</source>
        <translation>https://… (the sync server address the city justice bureau gave you)</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="73" />
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="74" />
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="75" />
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="79" />
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="87" />
        <source>The login token is kept in the system keyring; the records on this computer are never deleted by logging in, out or changing account.</source>
        <translation>The login token is kept in the system keyring; the records on this computer are never deleted by logging in, out or changing account.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="99" />
        <source>Server address: must start with https://</source>
        <translation>Server address: must start with https://</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="101" />
        <source>Account: please enter your account</source>
        <translation>Account: please enter your account</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="103" />
        <source>Password: please enter your password</source>
        <translation>Password: please enter your password</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="117" />
        <source>Logging in… (you can cancel at any time)</source>
        <translation>Logging in… (you can cancel at any time)</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="155" />
        <source>Logged in as %1: the login was already complete when it was cancelled.</source>
        <translation>Logged in as %1: the login was already complete when it was cancelled.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="173" />
        <source>The server did not answer within %1 seconds: check the network and the server address, then try again.</source>
        <translation>The server did not answer within %1 seconds: check the network and the server address, then try again.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="111" />
        <source>Opening…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="55" />
        <source>Statistics arrive with the reports module.</source>
        <translation>Statistics arrive with the reports module.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="65" />
        <source>Village legal service desk</source>
        <translation>Village legal service desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="68" />
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="71" />
        <source>Legal consultations</source>
        <translation>Legal consultations</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="74" />
        <source>Dispute mediation</source>
        <translation>Dispute mediation</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="75" />
        <source>Legal literate persons</source>
        <translation>Legal literate persons</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="76" />
        <source>Legal publicity</source>
        <translation>Legal publicity</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="77" />
        <source>Statistics</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="78" />
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="79" />
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>MemberForm</name>
    <message>
        <location filename="../../ui/roster_page.py" line="54" />
        <source>Legal literate person</source>
        <translation>Legal literate person</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="56" />
        <source>Village</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="57" />
        <source>Village group</source>
        <translation>Village group</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="58" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="59" />
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="60" />
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="61" />
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="62" />
        <source>Ethnicity</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="64" />
        <source>Political status</source>
        <translation>Political status</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="66" />
        <source>Education</source>
        <translation>Education</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="68" />
        <source>Identity</source>
        <translation>Identity</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="70" />
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="71" />
        <source>Certificate number</source>
        <translation>Certificate number</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="72" />
        <source>Registered on</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="75" />
        <source>Trainings</source>
        <translation>Trainings</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="77" />
        <source>Add a training…</source>
        <translation>Add a training…</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="78" />
        <source>Remove from the roster…</source>
        <translation>Remove from the roster…</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="83" />
        <source>Show full numbers</source>
        <translation>Show full numbers</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="109" />
        <source> (read only: the township office keeps the roster)</source>
        <translation> (read only: the township office keeps the roster)</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="136" />
        <source>%1  %2 hours  %3</source>
        <translation>%1  %2 hours  %3</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="144" />
        <source> (removed: %1)</source>
        <translation> (removed: %1)</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="176" />
        <source>Remove from the roster</source>
        <translation>Remove from the roster</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="176" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>PartyDialog</name>
    <message>
        <location filename="../../ui/case/party_dialog.py" line="30" />
        <source>Party</source>
        <translation>Party</translation>
    </message>
    <message>
        <location filename="../../ui/case/party_dialog.py" line="32" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/case/party_dialog.py" line="33" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/case/party_dialog.py" line="35" />
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/case/party_dialog.py" line="35" />
        <source>The party is an organisation</source>
        <translation>The party is an organisation</translation>
    </message>
    <message>
        <location filename="../../ui/case/party_dialog.py" line="37" />
        <source>Representative</source>
        <translation>Representative</translation>
    </message>
    <message>
        <location filename="../../ui/case/party_dialog.py" line="38" />
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/case/party_dialog.py" line="41" />
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../ui/case/party_dialog.py" line="42" />
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/case/party_dialog.py" line="43" />
        <source>Ethnicity</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <location filename="../../ui/case/party_dialog.py" line="44" />
        <source>Occupation</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <location filename="../../ui/case/party_dialog.py" line="45" />
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/case/party_dialog.py" line="46" />
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/case/party_dialog.py" line="47" />
        <source>Priority groups</source>
        <translation>Priority groups</translation>
    </message>
    <message>
        <location filename="../../ui/case/party_dialog.py" line="68" />
        <source>This party's name sounds the same as the mediator's (%1). If they are the same person or related, the mediator should step aside (回避).</source>
        <translation>This party's name sounds the same as the mediator's (%1). If they are the same person or related, the mediator should step aside (回避).</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../ui/print_preview.py" line="41" />
        <source>Print preview — %1</source>
        <translation>Print preview — %1</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="51" />
        <source>The document PDF could not be opened; please print it again.</source>
        <translation>The document PDF could not be opened; please print it again.</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="59" />
        <source>%1 pages</source>
        <translation>%1 pages</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="60" />
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="61" />
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="62" />
        <source>Fit width</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="63" />
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="64" />
        <source>Save as PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="65" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="78" />
        <source>Open folder</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="125" />
        <source>Print %1</source>
        <translation>Print %1</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="139" />
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="139" />
        <source>Printing could not start: please check the printer.</source>
        <translation>Printing could not start: please check the printer.</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="157" />
        <source>Sent to the printer: %1 (pages %2–%3)</source>
        <translation>Sent to the printer: %1 (pages %2–%3)</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="170" />
        <location filename="../../ui/print_preview.py" line="183" />
        <source>Save as PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="170" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="184" />
        <source>Could not save %1 (%2): choose another folder.</source>
        <translation>Could not save %1 (%2): choose another folder.</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="190" />
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>PrivacyBox</name>
    <message>
        <location filename="../../ui/local_login.py" line="193" />
        <source>Privacy and security</source>
        <translation>Privacy and security</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="198" />
        <source>Add a local user…</source>
        <translation>Add a local user…</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="203" />
        <source>Local users</source>
        <translation>Local users</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="206" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="209" />
        <source>Lock when idle for</source>
        <translation>Lock when idle for</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="210" />
        <source>Audit log…</source>
        <translation>Audit log…</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="212" />
        <source>Who viewed, exported or printed personal data</source>
        <translation>Who viewed, exported or printed personal data</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="217" />
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="222" />
        <source>, administrator</source>
        <translation>, administrator</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="223" />
        <source>, disabled</source>
        <translation>, disabled</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="229" />
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="229" />
        <source>None (one person uses it, no sign-in needed)</source>
        <translation>None (one person uses it, no sign-in needed)</translation>
    </message>
</context>
<context>
    <name>QuarantineList</name>
    <message>
        <location filename="../../ui/quarantine_list.py" line="25" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_list.py" line="26" />
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_list.py" line="27" />
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_list.py" line="28" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_list.py" line="29" />
        <source>Held since (UTC)</source>
        <translation>Held since (UTC)</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_list.py" line="42" />
        <source>These records came from the sync server but could not be written here (for example, data not in the expected form). Everything else synced as usual; a newer version on the server replaces them by itself, nothing needs to be done.</source>
        <translation>These records came from the sync server but could not be written here (for example, data not in the expected form). Everything else synced as usual; a newer version on the server replaces them by itself, nothing needs to be done.</translation>
    </message>
</context>
<context>
    <name>RatingCard</name>
    <message>
        <location filename="../../ui/rating_card.py" line="35" />
        <source>Rating card-%1-%2.pdf</source>
        <translation>Rating card-%1-%2.pdf</translation>
    </message>
    <message>
        <location filename="../../ui/rating_card.py" line="68" />
        <source>Consultation record</source>
        <translation>Consultation record</translation>
    </message>
</context>
<context>
    <name>RatingDialog</name>
    <message>
        <location filename="../../ui/rating_dialog.py" line="40" />
        <source>Print rating card (the person rates by phone)</source>
        <translation>Print rating card (the person rates by phone)</translation>
    </message>
    <message>
        <location filename="../../ui/rating_dialog.py" line="33" />
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../../ui/rating_dialog.py" line="34" />
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../ui/rating_dialog.py" line="36" />
        <source>Only when no rating was given: why (e.g. left before rating)</source>
        <translation>Only when no rating was given: why (e.g. left before rating)</translation>
    </message>
    <message>
        <location filename="../../ui/rating_dialog.py" line="37" />
        <source>No rating, because</source>
        <translation>No rating, because</translation>
    </message>
</context>
<context>
    <name>RatingDialogs</name>
    <message>
        <location filename="../../ui/workbench.py" line="362" />
        <source>Rated on %1, %2</source>
        <translation>Rated on %1, %2</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="375" />
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="378" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="413" />
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="457" />
        <source>Appeal a rating</source>
        <translation>Appeal a rating</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="460" />
        <source>Why the rating is mistaken or malicious</source>
        <translation>Why the rating is mistaken or malicious</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="462" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="479" />
        <source>Decide the appeal</source>
        <translation>Decide the appeal</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="481" />
        <source>Revoke the rating (appeal upheld: it counts no more)</source>
        <translation>Revoke the rating (appeal upheld: it counts no more)</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="486" />
        <source>Keep the rating (appeal rejected)</source>
        <translation>Keep the rating (appeal rejected)</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="496" />
        <source>Village's reason</source>
        <translation>Village's reason</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="497" />
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="498" />
        <source>Decided by</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="499" />
        <source>Grounds</source>
        <translation>Grounds</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <location filename="../../ui/pages.py" line="44" />
        <source>Record (read only)</source>
        <translation>Record (read only)</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="46" />
        <source>Reading…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="59" />
        <source>The record is no longer there.</source>
        <translation>The record is no longer there.</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="61" />
        <source>Kept by the township office; read only here.</source>
        <translation>Kept by the township office; read only here.</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="73" />
        <source>The record could not be read: %1</source>
        <translation>The record could not be read: %1</translation>
    </message>
</context>
<context>
    <name>RecordsDialog</name>
    <message>
        <location filename="../../ui/dashboard.py" line="91" />
        <source>(no records)</source>
        <translation>(no records)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="92" />
        <source>%1 records</source>
        <translation>%1 records</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <location filename="../../ui/pages.py" line="122" />
        <source>Read only</source>
        <translation>Read only</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="123" />
        <source>This computer reads and reports: records are kept by the township offices.</source>
        <translation>This computer reads and reports: records are kept by the township offices.</translation>
    </message>
</context>
<context>
    <name>RegionPicker</name>
    <message>
        <location filename="../../ui/local_login.py" line="89" />
        <source>%1 (whole township)</source>
        <translation>%1 (whole township)</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="93" />
        <source>%1 (whole county)</source>
        <translation>%1 (whole county)</translation>
    </message>
</context>
<context>
    <name>RegistrationTab</name>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="37" />
        <source>Village</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="38" />
        <source>Dispute type</source>
        <translation>Dispute type</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="39" />
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="40" />
        <source>Accepted on</source>
        <translation>Accepted on</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="41" />
        <source>Mediator</source>
        <translation>Mediator</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="42" />
        <source>Recorder</source>
        <translation>Recorder</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="43" />
        <source>Summary of the dispute</source>
        <translation>Summary of the dispute</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="47" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="47" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="47" />
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="47" />
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="47" />
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="54" />
        <source>Parties</source>
        <translation>Parties</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="57" />
        <source>Add a party…</source>
        <translation>Add a party…</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="58" />
        <source>Remove party</source>
        <translation>Remove party</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="59" />
        <source>Save registration</source>
        <translation>Save registration</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="66" />
        <source>Show full numbers</source>
        <translation>Show full numbers</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="68" />
        <source>Shows the parties' full ID numbers and phones (recorded in the audit log)</source>
        <translation>Shows the parties' full ID numbers and phones (recorded in the audit log)</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="81" />
        <source>Registration</source>
        <translation>Registration</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="175" />
        <source>Zero report filed for this month</source>
        <translation>Zero report filed for this month</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="177" />
        <source>The village filed a zero report for %1 (no disputes that month).
Registering this case accepted on %2 corrects that month's zero report to one with disputes (the correction is kept with the zero report).

Register it?</source>
        <translation>The village filed a zero report for %1 (no disputes that month).
Registering this case accepted on %2 corrects that month's zero report to one with disputes (the correction is kept with the zero report).

Register it?</translation>
    </message>
    <message>
        <location filename="../../ui/case/registration_tab.py" line="188" />
        <source>Not saved: that month has a zero report; registration cancelled</source>
        <translation>Not saved: that month has a zero report; registration cancelled</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <location filename="../../ui/roster_page.py" line="202" />
        <source>Village</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="202" />
        <source>On the roster</source>
        <translation>On the roster</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="202" />
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="208" />
        <source>Per village (target: at least 3)</source>
        <translation>Per village (target: at least 3)</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="217" />
        <source>Add a person</source>
        <translation>Add a person</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="227" />
        <source> (read only: the township office keeps the roster)</source>
        <translation> (read only: the township office keeps the roster)</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="258" />
        <source>below target</source>
        <translation>below target</translation>
    </message>
</context>
<context>
    <name>SessionsTab</name>
    <message>
        <location filename="../../ui/case/sessions_tab.py" line="34" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/case/sessions_tab.py" line="35" />
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/case/sessions_tab.py" line="36" />
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../../ui/case/sessions_tab.py" line="38" />
        <source>Statements of each side</source>
        <translation>Statements of each side</translation>
    </message>
    <message>
        <location filename="../../ui/case/sessions_tab.py" line="39" />
        <source>Facts checked</source>
        <translation>Facts checked</translation>
    </message>
    <message>
        <location filename="../../ui/case/sessions_tab.py" line="40" />
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/case/sessions_tab.py" line="45" />
        <source>Rights notice read and signed</source>
        <translation>Rights notice read and signed</translation>
    </message>
    <message>
        <location filename="../../ui/case/sessions_tab.py" line="46" />
        <source>Mediation failed…</source>
        <translation>Mediation failed…</translation>
    </message>
    <message>
        <location filename="../../ui/case/sessions_tab.py" line="47" />
        <source>Terminate…</source>
        <translation>Terminate…</translation>
    </message>
    <message>
        <location filename="../../ui/case/sessions_tab.py" line="48" />
        <source>Save this session</source>
        <translation>Save this session</translation>
    </message>
    <message>
        <location filename="../../ui/case/sessions_tab.py" line="53" />
        <source>Recorded: the rights notice was read and signed</source>
        <translation>Recorded: the rights notice was read and signed</translation>
    </message>
    <message>
        <location filename="../../ui/case/sessions_tab.py" line="65" />
        <source>Sessions held</source>
        <translation>Sessions held</translation>
    </message>
    <message>
        <location filename="../../ui/case/sessions_tab.py" line="69" />
        <source>Mediation sessions</source>
        <translation>Mediation sessions</translation>
    </message>
    <message>
        <location filename="../../ui/case/sessions_tab.py" line="84" />
        <source>Why (this goes into the case file):</source>
        <translation>Why (this goes into the case file):</translation>
    </message>
</context>
<context>
    <name>SetPasswordDialog</name>
    <message>
        <location filename="../../ui/password_dialog.py" line="33" />
        <source>This computer has no system keyring, so the database can be encrypted with a password: if the computer is stolen or someone copies the data files, the parties' information cannot be opened without the password.

Please note: once the password is forgotten, nobody (developers and support included) can recover the data in the database, nor the encrypted backups. Write the password on paper and seal it in the office safe.</source>
        <translation>This computer has no system keyring, so the database can be encrypted with a password: if the computer is stolen or someone copies the data files, the parties' information cannot be opened without the password.

Please note: once the password is forgotten, nobody (developers and support included) can recover the data in the database, nor the encrypted backups. Write the password on paper and seal it in the office safe.</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="100" />
        <source>Set a database password</source>
        <translation>Set a database password</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="107" />
        <source>Database password</source>
        <translation>Database password</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="108" />
        <source>Enter it again</source>
        <translation>Enter it again</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="112" />
        <source>Encrypt the database</source>
        <translation>Encrypt the database</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="113" />
        <source>Not now</source>
        <translation>Not now</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/settings_page.py" line="44" />
        <source>This computer</source>
        <translation>This computer</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="48" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="49" />
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="52" />
        <source>What this computer shows</source>
        <translation>What this computer shows</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="53" />
        <source>Data folder</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="55" />
        <source>Display</source>
        <translation>Display</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="60" />
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="61" />
        <source>Large text</source>
        <translation>Large text</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="67" />
        <source>Font size</source>
        <translation>Font size</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="75" />
        <source>Language (after restart)</source>
        <translation>Language (after restart)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="77" />
        <source>Villages</source>
        <translation>Villages</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="81" />
        <source>About this program</source>
        <translation>About this program</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="114" />
        <location filename="../../ui/settings_page.py" line="118" />
        <source>not chosen</source>
        <translation>not chosen</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="132" />
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="132" />
        <source>The new language is used after the program restarts.</source>
        <translation>The new language is used after the program restarts.</translation>
    </message>
</context>
<context>
    <name>SimilarPeople</name>
    <message>
        <location filename="../../ui/person_box.py" line="53" />
        <source>Already in the records: %1 (%2)</source>
        <translation>Already in the records: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/person_box.py" line="58" />
        <source>Use this person</source>
        <translation>Use this person</translation>
    </message>
</context>
<context>
    <name>StorePasswordDialog</name>
    <message>
        <location filename="../../ui/password_dialog.py" line="58" />
        <source>Enter the database password</source>
        <translation>Enter the database password</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="62" />
        <source>Database password</source>
        <translation>Database password</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="66" />
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="73" />
        <source>The database on this computer is encrypted with a password; enter the password that was set.</source>
        <translation>The database on this computer is encrypted with a password; enter the password that was set.</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="83" />
        <source>Please enter the database password</source>
        <translation>Please enter the database password</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="88" />
        <source>Database password: incorrect, please enter it again</source>
        <translation>Database password: incorrect, please enter it again</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../ui/sync_status.py" line="231" />
        <source>Sync failed: the server could not be reached. Check the network and try again.</source>
        <translation>Sync failed: the server could not be reached. Check the network and try again.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="235" />
        <source>Sync failed because of a program error; the records stay on this computer.</source>
        <translation>Sync failed because of a program error; the records stay on this computer.</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../ui/sync_page.py" line="42" />
        <source>Sign in…</source>
        <translation>Sign in…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="43" />
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="44" />
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="45" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="55" />
        <source>Sync server</source>
        <translation>Sync server</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="63" />
        <location filename="../../ui/sync_page.py" line="81" />
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="82" />
        <location filename="../../ui/sync_page.py" line="120" />
        <source>Conflicts</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="84" />
        <location filename="../../ui/sync_page.py" line="123" />
        <source>Quarantined</source>
        <translation>Quarantined</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="104" />
        <source>Server: %1
Account: %2</source>
        <translation>Server: %1
Account: %2</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="111" />
        <source>Server: %1
Not signed in (records are saved here as usual and sent after signing in)</source>
        <translation>Server: %1
Not signed in (records are saved here as usual and sent after signing in)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="115" />
        <source>No sync server set up yet: all records are kept on this computer.</source>
        <translation>No sync server set up yet: all records are kept on this computer.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="119" />
        <source>Conflicts (%1)</source>
        <translation>Conflicts (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="122" />
        <source>Quarantined (%1)</source>
        <translation>Quarantined (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="132" />
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="136" />
        <source>%1: %2/%3</source>
        <translation>%1: %2/%3</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="149" />
        <source>Sync finished: %1</source>
        <translation>Sync finished: %1</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="154" />
        <source>Sync not finished: %1</source>
        <translation>Sync not finished: %1</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="166" />
        <source>Signed out</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="168" />
        <source>%1 record(s) on this computer are not yet synced; they are kept here and sent automatically after signing in again.</source>
        <translation>%1 record(s) on this computer are not yet synced; they are kept here and sent automatically after signing in again.</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../ui/sync_status.py" line="253" />
        <source>Saved on this computer only (no sync server set up)</source>
        <translation>Saved on this computer only (no sync server set up)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="255" />
        <source>Not signed in to the sync server · %1 to send</source>
        <translation>Not signed in to the sync server · %1 to send</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="258" />
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="260" />
        <source>Last sync %1 (UTC) · %2 to send</source>
        <translation>Last sync %1 (UTC) · %2 to send</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="265" />
        <source> · %1 in conflict</source>
        <translation> · %1 in conflict</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="269" />
        <source> · %1 refused</source>
        <translation> · %1 refused</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="271" />
        <source> · %1 quarantined</source>
        <translation> · %1 quarantined</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="275" />
        <source> · error: %1</source>
        <translation> · error: %1</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="319" />
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../ui/sync_status.py" line="287" />
        <location filename="../../ui/sync_status.py" line="297" />
        <location filename="../../ui/sync_status.py" line="298" />
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="295" />
        <source>Cancel sync</source>
        <translation>Cancel sync</translation>
    </message>
</context>
<context>
    <name>TaskManager</name>
    <message>
        <location filename="../../ui/tasks.py" line="289" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TermsEditor</name>
    <message>
        <location filename="../../ui/case/terms_editor.py" line="36" />
        <source>Add term</source>
        <translation>Add term</translation>
    </message>
    <message>
        <location filename="../../ui/case/terms_editor.py" line="37" />
        <source>Insert suggested clause</source>
        <translation>Insert suggested clause</translation>
    </message>
    <message>
        <location filename="../../ui/case/terms_editor.py" line="38" />
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>TrainingForm</name>
    <message>
        <location filename="../../ui/roster_page.py" line="41" />
        <source>Add a training</source>
        <translation>Add a training</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="42" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="43" />
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="44" />
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../ui/local_login.py" line="129" />
        <source>Add a local user (administrator)</source>
        <translation>Add a local user (administrator)</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="129" />
        <source>Add a local user</source>
        <translation>Add a local user</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="142" />
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="143" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="144" />
        <source>Regions looked after</source>
        <translation>Regions looked after</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="145" />
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="146" />
        <source>Enter it again</source>
        <translation>Enter it again</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="156" />
        <source>The first user is this computer's administrator and can add other users. Once added, a password is needed when the program opens and after leaving the computer for a while; each person sees only the records of the regions they look after.</source>
        <translation>The first user is this computer's administrator and can add other users. Once added, a password is needed when the program opens and after leaving the computer for a while; each person sees only the records of the regions they look after.</translation>
    </message>
    <message>
        <location filename="../../ui/local_login.py" line="170" />
        <source>Enter it again: the two passwords differ, please type the same password twice</source>
        <translation>Enter it again: the two passwords differ, please type the same password twice</translation>
    </message>
</context>
<context>
    <name>VillageCombo</name>
    <message>
        <location filename="../../ui/villages.py" line="103" />
        <source>%1 (merged away)</source>
        <translation>%1 (merged away)</translation>
    </message>
</context>
<context>
    <name>VillageLines</name>
    <message>
        <location filename="../../ui/villages.py" line="167" />
        <source>One village a line, for example:
Qiaonan Village
Wangjia Village 610502100202
(can be copied from a table)</source>
        <translation>One village a line, for example:
Qiaonan Village
Wangjia Village 610502100202
(can be copied from a table)</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="174" />
        <source>Import from CSV…</source>
        <translation>Import from CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="194" />
        <source>Import failed: %1</source>
        <translation>Import failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="200" />
        <source>Read %1 villages from %2; they are added when you save</source>
        <translation>Read %1 villages from %2; they are added when you save</translation>
    </message>
</context>
<context>
    <name>Villages</name>
    <message>
        <location filename="../../ui/villages.py" line="42" />
        <source>No villages yet: add the township's villages in “Settings → Villages”, or click “Add village…” on the right</source>
        <translation>No villages yet: add the township's villages in “Settings → Villages”, or click “Add village…” on the right</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="132" />
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="134" />
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="147" />
        <source>Import a list of villages</source>
        <translation>Import a list of villages</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="149" />
        <source>Lists of villages (*.csv *.txt);;All files (*)</source>
        <translation>Lists of villages (*.csv *.txt);;All files (*)</translation>
    </message>
</context>
<context>
    <name>VillagesEditor</name>
    <message>
        <location filename="../../ui/villages.py" line="234" />
        <source>Village name (several lines may be pasted; a 12-digit division code may follow)</source>
        <translation>Village name (several lines may be pasted; a 12-digit division code may follow)</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="237" />
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="239" />
        <source>Import from CSV…</source>
        <translation>Import from CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="241" />
        <source>Rename…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="243" />
        <source>Merge away / bring back</source>
        <translation>Merge away / bring back</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="306" />
        <source>%1 (merged away)</source>
        <translation>%1 (merged away)</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="329" />
        <source>The villages of the county's townships; each township office keeps its own, and signing in to the city server downloads them.</source>
        <translation>The villages of the county's townships; each township office keeps its own, and signing in to the city server downloads them.</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="336" />
        <source>%1 has no villages yet: type a village name below and press Enter (or “Add”), or import a CSV; after signing in to the city server the list is also downloaded.</source>
        <translation>%1 has no villages yet: type a village name below and press Enter (or “Add”), or import a CSV; after signing in to the city server the list is also downloaded.</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="338" />
        <source>The township</source>
        <translation>The township</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="343" />
        <source>Tick the villages you look after (none ticked: the whole township); double-click to rename.</source>
        <translation>Tick the villages you look after (none ticked: the whole township); double-click to rename.</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="349" />
        <source>Double-click to rename; a merged-away village no longer appears in the forms, its records are kept.</source>
        <translation>Double-click to rename; a merged-away village no longer appears in the forms, its records are kept.</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="365" />
        <source>Please enter the village name</source>
        <translation>Please enter the village name</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="378" />
        <source>Line %1: %2</source>
        <translation>Line %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="382" />
        <source>%1 line %2: %3</source>
        <translation>%1 line %2: %3</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="400" />
        <source>Import failed: %1</source>
        <translation>Import failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="409" />
        <source>Please first select the village to rename in the list</source>
        <translation>Please first select the village to rename in the list</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="414" />
        <source>Rename a village</source>
        <translation>Rename a village</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="414" />
        <source>New village name:</source>
        <translation>New village name:</translation>
    </message>
    <message>
        <location filename="../../ui/villages.py" line="426" />
        <source>Please first select the village to merge away or bring back in the list</source>
        <translation>Please first select the village to merge away or bring back in the list</translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="42" />
        <source>Record performance</source>
        <translation>Record performance</translation>
    </message>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="46" />
        <source>Performance of the agreement:</source>
        <translation>Performance of the agreement:</translation>
    </message>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="51" />
        <source>Visited on</source>
        <translation>Visited on</translation>
    </message>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="52" />
        <source>Reason for the visit</source>
        <translation>Reason for the visit</translation>
    </message>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="54" />
        <source>Performed?</source>
        <translation>Performed?</translation>
    </message>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="57" />
        <source>Satisfied</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="57" />
        <source>The parties are satisfied</source>
        <translation>The parties are satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="59" />
        <source>Lawsuit</source>
        <translation>Lawsuit</translation>
    </message>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="59" />
        <source>A party went to court</source>
        <translation>A party went to court</translation>
    </message>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="61" />
        <source>Risk</source>
        <translation>Risk</translation>
    </message>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="61" />
        <source>Risk that the dispute flares up again</source>
        <translation>Risk that the dispute flares up again</translation>
    </message>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="63" />
        <source>Measures</source>
        <translation>Measures</translation>
    </message>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="64" />
        <source>Visitor</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="66" />
        <source>How the agreement is being carried out</source>
        <translation>How the agreement is being carried out</translation>
    </message>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="68" />
        <source>Save return visit</source>
        <translation>Save return visit</translation>
    </message>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="76" />
        <source>Return visit</source>
        <translation>Return visit</translation>
    </message>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="101" />
        <source>Visited %1 by %2</source>
        <translation>Visited %1 by %2</translation>
    </message>
    <message>
        <location filename="../../ui/case/visits_tab.py" line="106" />
        <source>Scheduled for %1</source>
        <translation>Scheduled for %1</translation>
    </message>
</context>
<context>
    <name>WorkbenchPage</name>
    <message>
        <location filename="../../ui/workbench.py" line="150" />
        <source>Opening…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="59" />
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="61" />
        <source>Log a consultation</source>
        <translation>Log a consultation</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="63" />
        <source>Register a dispute</source>
        <translation>Register a dispute</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="72" />
        <source>Return visits due</source>
        <translation>Return visits due</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="73" />
        <source>Cases past the one-month target</source>
        <translation>Cases past the one-month target</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="74" />
        <source>Agreements inside the 30-day judicial confirmation window</source>
        <translation>Agreements inside the 30-day judicial confirmation window</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="77" />
        <source>Waiting to sync</source>
        <translation>Waiting to sync</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="80" />
        <source>Open sync</source>
        <translation>Open sync</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="88" />
        <source>Follow-ups of poor ratings</source>
        <translation>Follow-ups of poor ratings</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="94" />
        <source>Record the follow-up</source>
        <translation>Record the follow-up</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="100" />
        <source>Appeal this rating…</source>
        <translation>Appeal this rating…</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="102" />
        <source>The rating is mistaken or malicious: the township office decides</source>
        <translation>The rating is mistaken or malicious: the township office decides</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="105" />
        <source>Decide the appeal…</source>
        <translation>Decide the appeal…</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="178" />
        <source>Today, %1</source>
        <translation>Today, %1</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="222" />
        <source>Follow-ups of poor ratings (%1)</source>
        <translation>Follow-ups of poor ratings (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="227" />
        <source>Follow-up due</source>
        <translation>Follow-up due</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="229" />
        <source>Follow-up %1 day(s) late</source>
        <translation>Follow-up %1 day(s) late</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="231" />
        <source>Follow up by %1</source>
        <translation>Follow up by %1</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="233" />
        <source>Source: %1</source>
        <translation>Source: %1</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="237" />
        <source>What went wrong: %1</source>
        <translation>What went wrong: %1</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="239" />
        <source>Comment: %1</source>
        <translation>Comment: %1</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="325" />
        <source>due in %1 day(s)</source>
        <translation>due in %1 day(s)</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="325" />
        <source>%1 day(s) overdue</source>
        <translation>%1 day(s) overdue</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="326" />
        <source>%1 day(s) past the target</source>
        <translation>%1 day(s) past the target</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="330" />
        <location filename="../../ui/workbench.py" line="331" />
        <source>%1 day(s) left to apply</source>
        <translation>%1 day(s) left to apply</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/workbench.py" line="335" />
        <source>%n record(s) saved here are waiting to be sent to the server.</source>
        <translation>
            <numerusform>%n record(s) saved here are waiting to be sent to the server.</numerusform>
            <numerusform>%n record(s) saved here are waiting to be sent to the server.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="338" />
        <source>Nothing is waiting to be sent.</source>
        <translation>Nothing is waiting to be sent.</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="255" />
        <location filename="../../ui/workbench.py" line="266" />
        <source>Nothing here today.</source>
        <translation>Nothing here today.</translation>
    </message>
</context>
</TS>