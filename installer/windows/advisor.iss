; 乡村法律服务工作台 — Inno Setup 6 script (per-user install, no administrator rights).
; Build on Windows after `python installer\build.py` (see installer\README.md):
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" installer\windows\advisor.iss
; The output is build\installer\output\advisor-desk-setup-<version>.exe.
; The file is UTF-8 with BOM so ISCC reads the Chinese text correctly.

#define AppName "乡村法律服务工作台"
#define AppExe "advisor-app.exe"
#define Dist "..\..\build\installer\dist\advisor-app"
#define Staging "..\..\build\installer\staging"
; The version comes from the executable's version resource, which build.py generates from pyproject.toml.
#ifndef AppVersion
  #define AppVersion GetVersionNumbersString(AddBackslash(SourcePath) + Dist + "\" + AppExe)
#endif
; Where the app keeps its data (platformdirs user_data_dir("advisor-desk")); never removed unless asked.
#define DataDir "{localappdata}\advisor-desk"

[Setup]
AppId={{82BE1A99-BB15-4B3B-958B-990BE4E0DC74}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=乡村法律服务工作台项目
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
; Per-user: installs into %LOCALAPPDATA%\Programs without a UAC prompt.
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\advisor-desk
DisableProgramGroupPage=yes
DefaultGroupName={#AppName}
UsePreviousAppDir=yes
OutputDir=..\..\build\installer\output
OutputBaseFilename=advisor-desk-setup-{#AppVersion}
SetupIconFile={#Staging}\advisor-app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Python 3.11 and Qt 6 need 64-bit Windows 10 or later.
MinVersion=10.0
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; An upgrade closes the running app first (Restart Manager) so no file is left half-replaced.
CloseApplications=yes
RestartApplications=no

[Languages]
; ChineseSimplified.isl is an Inno Setup translation kept beside this script or in Inno's Languages folder.
#if FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "ChineseSimplified.isl"
#else
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "在桌面创建快捷方式"; GroupDescription: "快捷方式："

[InstallDelete]
; The previous version's program files go first, so no stale module shadows a new one. Data is elsewhere.
Type: filesandordirs; Name: "{app}\_internal"

[Dirs]
; The data folder exists from the start so the 打开数据文件夹 shortcut works; the uninstaller leaves it.
Name: "{#DataDir}"; Flags: uninsneveruninstall

[Files]
Source: "{#Dist}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autoprograms}\{#AppName}\诊断信息（技术支持用）"; Filename: "{cmd}"; Parameters: "/k """"{app}\advisor.exe"" diagnose"""; WorkingDir: "{app}"
Name: "{autoprograms}\{#AppName}\打开数据文件夹"; Filename: "{#DataDir}"
Name: "{autoprograms}\{#AppName}\卸载{#AppName}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "立即运行{#AppName}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself wrote into its own folder; the data folder is handled in [Code].
Type: filesandordirs; Name: "{app}\_internal"

[Code]
{ The uninstaller keeps the user's data (database, backups, logs, attachments) unless the user asks,
  twice, to remove it. A silent uninstall (an upgrade script, a technician) never removes data. }

function DataFolder(): String;
begin
  Result := ExpandConstant('{#DataDir}');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Folder: String;
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  Folder := DataFolder();
  if UninstallSilent() or not DirExists(Folder) then
    exit;
  if MsgBox('程序已卸载。' #13#10#13#10 +
            '是否同时删除本机数据（咨询、案件、协议书、备份和日志）？' #13#10 +
            '数据文件夹：' + Folder + #13#10#13#10 +
            '选“否”将保留数据，重新安装后可继续使用（推荐）。',
            mbConfirmation, MB_YESNO or MB_DEFBUTTON2) <> IDYES then
    exit;
  if MsgBox('删除后无法恢复，尚未同步到服务器的记录也会丢失。' #13#10 +
            '确定要永久删除 ' + Folder + ' 吗？',
            mbError, MB_YESNO or MB_DEFBUTTON2) <> IDYES then
    exit;
  if not DelTree(Folder, True, True, True) then
    MsgBox('部分数据文件未能删除（可能正被其他程序使用），请手动删除：' #13#10 + Folder,
           mbInformation, MB_OK);
end;
