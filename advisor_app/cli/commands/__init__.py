"""Subcommands of `advisor`. Each module exposes ``register(subparsers)``; a subparser it adds sets
``func=callable(args, store) -> int`` (or ``func_no_store=callable(args) -> int``).

``COMMANDS`` names the module that registers each subcommand, so that running one command imports
only its own module (start-up budget: a command answers in under 0.5 s as a whole process). A test
checks the table against what the modules register; a name missing from it still works (every
module is then loaded), only slower. Keep module-level imports of command modules light: heavy
libraries (reportlab, openpyxl, the sync client) are imported inside the command functions.
"""

COMMANDS: dict[str, str] = {
    "audit": "audit",
    "backup": "backup",
    "restore": "backup",
    "demo-data": "demo",
    "diagnose": "diagnose",
    "init": "init",
    "key": "key",
    "print": "print_doc",
    "report": "report",
    "retention": "retention",
    "search": "search",
    "login": "sync_cmd",
    "logout": "sync_cmd",
    "sync": "sync_cmd",
    "sync-status": "sync_cmd",
    "conflicts": "sync_cmd",
    "export": "tabular",
    "followup": "followup",
    "zero-report": "zero_report",
    "import": "tabular",
    "users": "users",
}

# The one-line help of each command: `advisor --help` lists these without loading any command module.
COMMAND_HELP: dict[str, str] = {
    "audit": "审计记录：查看、导出、打印个人信息的记录（司法所）",
    "backup": "备份本机数据库（程序运行时也可备份）",
    "restore": "从备份文件恢复本机数据库（原数据另存一份）",
    "demo-data": "生成演示数据（虚构的村镇、咨询、案件、法律明白人等）",
    "diagnose": "检查本机安装（版本、路径、字体、密钥存储、数据库），供技术支持使用",
    "init": "创建或升级本机数据库，并载入行政区划代码",
    "key": "数据库加密状态与密钥（换电脑恢复备份时需要）",
    "print": "打印文书（生成 PDF）",
    "report": "统计报表：调解月报、工作台账、法律明白人花名册、热点",
    "retention": "保存期限：到期记录删除个人信息（统计数字不变）",
    "search": "按关键词查找咨询和案件（姓名、案号、内容）",
    "login": "登录市级同步服务器（令牌保存在系统密钥环中）",
    "logout": "退出登录（本机数据、未同步的记录都保留）",
    "sync": "与市级服务器同步（先发送本机修改，再接收，最后核对）",
    "sync-status": "同步状态：服务器、上次同步、待发送、被拒、冲突、已隔离",
    "conflicts": "列出待处理的同步冲突",
    "export": "导出为 Excel（.xlsx）或 CSV",
    "followup": "差评回访：列出待回访的差评，登记回访情况",
    "zero-report": "零上报：某村某月无矛盾纠纷",
    "import": "从 Excel（.xlsx）或 CSV 导入；逐行报告错误，正确的行照常导入",
    "users": "本机用户（多人共用一台电脑：各自的身份和负责的村）",
}
