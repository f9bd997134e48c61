; Inno Setup 6 script: the Windows installer for the one-folder PyInstaller build.
; Build the app first (packaging/README.md), then from the repository root:
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\riskdesk.iss
; Output: dist\installer\riskdesk-setup-<version>.exe

; The version comes from the version resource the spec wrote into riskdesk.exe.
#define AppExe "riskdesk-gui.exe"
#define AppDir "..\dist\riskdesk"
#define AppVersion GetVersionNumbersString(AppDir + "\riskdesk.exe")

[Setup]
AppId={{6E2B4C1A-8F3D-4B7E-9C21-5A0D7E3F9B64}
AppName=riskdesk
AppVersion={#AppVersion}
AppVerName=riskdesk {#AppVersion}
AppPublisher=riskdesk
VersionInfoVersion={#AppVersion}
VersionInfoDescription=riskdesk risk case management installer
DefaultDirName={autopf}\riskdesk
DefaultGroupName=riskdesk
DisableProgramGroupPage=yes
; IT installs for all users; a user without admin rights may still install for themselves.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile=..\resources\icons\riskdesk.ico
UninstallDisplayIcon={app}\{#AppExe}
OutputDir=..\dist\installer
OutputBaseFilename=riskdesk-setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder build: riskdesk.exe (command line), riskdesk-gui.exe (window), _internal\.
Source: "{#AppDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\riskdesk"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,riskdesk}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\riskdesk"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,riskdesk}"; Flags: nowait postinstall skipifsilent

; Uninstalling removes the program only: databases, backups, logs and the keyring entries are
; the user's data (platformdirs folders under %LOCALAPPDATA%\riskdesk) and stay.
