Unicode true
# Warnings are errors: a warning here is a mistake in what the installer does (an unused
# string, a missing file, a jump to nowhere), found at build time rather than on a user's PC.
!pragma warning error all

####
## 家园账本 (Jiayuan Ledger) — the Windows installer.
##
## Installs for the current user only, without administrator rights:
##   - the program in %LOCALAPPDATA%\Programs\家园账本: jiayuan.exe (the window), jiayuan-cli.exe
##     (its command line, a console program) and THIRD-PARTY-NOTICES.txt;
##   - unless unticked, that folder at the end of the user's PATH (HKCU\Environment), so that
##     `jiayuan-cli verify --ledger …` works in cmd.exe and PowerShell; the uninstaller removes
##     exactly that entry, and only when this installer added it;
##   - a Start-menu entry 家园账本 and, unless unticked, a desktop shortcut;
##   - .jiayuan ledger files opened by double-click (HKCU\Software\Classes), unless unticked;
##   - an uninstaller in "Apps & features" (HKCU\...\Uninstall\JiayuanLedger).
## The user's ledgers, backups and settings (%APPDATA%\jiayuan) are never touched, not even
## by the uninstaller.
##
## Built by `make dist` (scripts/dist.sh), through `wails build -platform windows/amd64 -nsis
## -installscope user`, which first writes wails_tools.nsh (the project's name and version
## from wails.json) and tmp\MicrosoftEdgeWebview2Setup.exe beside this file, then runs
##   makensis -DARG_WAILS_AMD64_BINARY=<build\bin\jiayuan.exe> project.nsi
## (Wails keeps this file and only regenerates wails_tools.nsh.) To rerun makensis by hand
## after such a build:  cd build/windows/installer && makensis -DARG_WAILS_AMD64_BINARY=../../bin/jiayuan.exe project.nsi
####

!ifndef REQUEST_EXECUTION_LEVEL
    !define REQUEST_EXECUTION_LEVEL "user"
!endif
!ifndef WAILS_INSTALL_SCOPE
    !define WAILS_INSTALL_SCOPE "user"
!endif
!if "${REQUEST_EXECUTION_LEVEL}" != "user"
    !error "家园账本 installs per user: REQUEST_EXECUTION_LEVEL must be user"
!endif
!define PRODUCT_EXECUTABLE "jiayuan.exe"
!define UNINST_KEY_NAME    "JiayuanLedger"
!define APP_KEY            "Software\JiayuanLedger"
!define PROGID             "JiayuanLedger.Ledger"
!define LEDGER_EXT         ".jiayuan"
!define START_NAME         "家园账本"

# Texts of the Wails macros used below, in the user's language (see the LangStrings).
!define WAILS_WIN10_REQUIRED              "$(WIN10_REQUIRED)"
!define WAILS_ARCHITECTURE_NOT_SUPPORTED  "$(ARCH_NOT_SUPPORTED)"
!define WAILS_INSTALL_WEBVIEW_DETAILPRINT "$(INSTALLING_WEBVIEW2)"

## INFO_PRODUCTNAME, INFO_PRODUCTVERSION, …, UNINST_KEY, RequestExecutionLevel, and the macros
## wails.checkArchitecture and wails.webview2runtime.
!include "wails_tools.nsh"
!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "WinMessages.nsh"

# The version information for these two must consist of 4 parts.
VIProductVersion "${INFO_PRODUCTVERSION}.0"
VIFileVersion    "${INFO_PRODUCTVERSION}.0"
VIAddVersionKey /LANG=0 "CompanyName"     "${INFO_COMPANYNAME}"
VIAddVersionKey /LANG=0 "FileDescription" "${INFO_PRODUCTNAME} 安装程序 (Installer)"
VIAddVersionKey /LANG=0 "ProductVersion"  "${INFO_PRODUCTVERSION}"
VIAddVersionKey /LANG=0 "FileVersion"     "${INFO_PRODUCTVERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright"  "${INFO_COPYRIGHT}"
VIAddVersionKey /LANG=0 "ProductName"     "${INFO_PRODUCTNAME}"

ManifestDPIAware true
SetCompressor /SOLID lzma

Name "${INFO_PRODUCTNAME}"
BrandingText "${INFO_PRODUCTNAME} ${INFO_PRODUCTVERSION}"
OutFile "..\..\bin\jiayuan-${INFO_PRODUCTVERSION}-windows-setup.exe"
InstallDir "$LOCALAPPDATA\Programs\${START_NAME}"
InstallDirRegKey HKCU "${APP_KEY}" "InstallDir"
ShowInstDetails show
ShowUninstDetails show

# ---- pages ---------------------------------------------------------------------------------

!define MUI_ICON   "..\icon.ico"
!define MUI_UNICON "..\icon.ico"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_SMALLDESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\${PRODUCT_EXECUTABLE}"
!define MUI_FINISHPAGE_RUN_TEXT "$(RUN_NOW)"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

# Chinese first: a system whose language is neither gets Chinese.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString WIN10_REQUIRED       ${LANG_SIMPCHINESE} "家园账本需要 Windows 10 或更新的版本。"
LangString WIN10_REQUIRED       ${LANG_ENGLISH}     "Jiayuan Ledger needs Windows 10 or later."
LangString ARCH_NOT_SUPPORTED   ${LANG_SIMPCHINESE} "家园账本只能安装在 64 位（x64）Windows 上。"
LangString ARCH_NOT_SUPPORTED   ${LANG_ENGLISH}     "Jiayuan Ledger installs on 64-bit (x64) Windows only."
LangString INSTALLING_WEBVIEW2  ${LANG_SIMPCHINESE} "正在安装 Microsoft Edge WebView2 运行库（家园账本的窗口需要它）…"
LangString INSTALLING_WEBVIEW2  ${LANG_ENGLISH}     "Installing the Microsoft Edge WebView2 Runtime (Jiayuan Ledger's window needs it)…"
LangString RUN_NOW              ${LANG_SIMPCHINESE} "现在打开家园账本"
LangString RUN_NOW              ${LANG_ENGLISH}     "Open Jiayuan Ledger now"
LangString SEC_MAIN             ${LANG_SIMPCHINESE} "家园账本（必需）"
LangString SEC_MAIN             ${LANG_ENGLISH}     "Jiayuan Ledger (required)"
LangString SEC_MAIN_DESC        ${LANG_SIMPCHINESE} "程序本身和“开始”菜单中的“家园账本”。只为当前用户安装，不需要管理员权限。"
LangString SEC_MAIN_DESC        ${LANG_ENGLISH}     "The program and its Start-menu entry. Installed for you only; no administrator rights needed."
LangString SEC_DESKTOP          ${LANG_SIMPCHINESE} "桌面快捷方式"
LangString SEC_DESKTOP          ${LANG_ENGLISH}     "Desktop shortcut"
LangString SEC_DESKTOP_DESC     ${LANG_SIMPCHINESE} "在桌面上放一个“家园账本”图标。"
LangString SEC_DESKTOP_DESC     ${LANG_ENGLISH}     "Puts a Jiayuan Ledger icon on the desktop."
LangString SEC_ASSOC            ${LANG_SIMPCHINESE} "双击 .jiayuan 账本文件时用家园账本打开"
LangString SEC_ASSOC            ${LANG_ENGLISH}     "Open .jiayuan ledger files with a double-click"
LangString SEC_ASSOC_DESC       ${LANG_SIMPCHINESE} "账本文件（.jiayuan）显示家园账本的图标，双击即可打开。"
LangString SEC_ASSOC_DESC       ${LANG_ENGLISH}     "Ledger files (.jiayuan) show the app's icon and open with a double-click."
LangString SHORTCUT_DESC        ${LANG_SIMPCHINESE} "业主委员会的三本账：维修资金、公共收益、工作经费"
LangString SHORTCUT_DESC        ${LANG_ENGLISH}     "The owners' committee's three books"
LangString FILE_TYPE            ${LANG_SIMPCHINESE} "家园账本文件"
LangString FILE_TYPE            ${LANG_ENGLISH}     "Jiayuan ledger"
LangString OPEN_VERB            ${LANG_SIMPCHINESE} "用家园账本打开(&O)"
LangString OPEN_VERB            ${LANG_ENGLISH}     "&Open with Jiayuan Ledger"
LangString SEC_PATH             ${LANG_SIMPCHINESE} "在命令提示符和 PowerShell 中使用 jiayuan-cli（加入 PATH）"
LangString SEC_PATH             ${LANG_ENGLISH}     "Use jiayuan-cli in Command Prompt and PowerShell (add to PATH)"
LangString SEC_PATH_DESC        ${LANG_SIMPCHINESE} "把程序文件夹加到您的 PATH（只为当前用户），审计人员可直接输入 jiayuan-cli verify --ledger 账本文件。卸载时移除。"
LangString SEC_PATH_DESC        ${LANG_ENGLISH}     "Adds the program folder to your PATH (for you only), so auditors can type jiayuan-cli verify --ledger FILE. Removed on uninstall."
LangString PATH_NOT_CHANGED     ${LANG_SIMPCHINESE} "PATH 太长，没有修改。如需在命令行中使用，请手动加入：$INSTDIR"
LangString PATH_NOT_CHANGED     ${LANG_ENGLISH}     "Your PATH is too long to change safely; it was left as it is. To use the command line, add this folder yourself: $INSTDIR"
LangString DATA_KEPT            ${LANG_SIMPCHINESE} "您的账本、备份和设置没有删除（设置和示例账本在 $APPDATA\jiayuan）。"
LangString DATA_KEPT            ${LANG_ENGLISH}     "Your ledgers, backups and settings were not deleted (settings and the demo ledger are in $APPDATA\jiayuan)."

# ---- PATH ----------------------------------------------------------------------------------
# The user's PATH is HKCU\Environment's Path value, entries separated by ";". NSIS strings hold
# ${NSIS_MAX_STRLEN} characters: a longer PATH would come back cut, and writing it back would
# lose the user's entries, so such a PATH is never written (the user is told instead).

# PathWithout: $R0 a PATH, $R1 an entry → $R2 that PATH without the entry's first occurrence
# (compared without regard to case, as Windows does), every other entry kept as it was, empty
# ones and a trailing ";" included; $R3 "1" when the entry was there, else "0".
!macro PATH_WITHOUT un
Function ${un}PathWithout
    Push $R4
    Push $R5
    Push $R6
    Push $R7
    StrCpy $R2 ""
    StrCpy $R3 "0"
    StrCpy $R7 "1" # the next kept entry is the first
    StrCpy $R4 "$R0;" # every entry ends with ";"
    ${DoWhile} $R4 != ""
        StrCpy $R5 0
        ${Do}
            StrCpy $R6 $R4 1 $R5
            ${IfThen} $R6 == ";" ${|} ${ExitDo} ${|}
            IntOp $R5 $R5 + 1
        ${Loop}
        StrCpy $R6 $R4 $R5 # the entry
        IntOp $R5 $R5 + 1
        StrCpy $R4 $R4 "" $R5 # the rest
        ${If} $R3 == "0"
        ${AndIf} $R6 == $R1
            StrCpy $R3 "1"
        ${ElseIf} $R7 == "1"
            StrCpy $R2 $R6
            StrCpy $R7 "0"
        ${Else}
            StrCpy $R2 "$R2;$R6"
        ${EndIf}
    ${Loop}
    Pop $R7
    Pop $R6
    Pop $R5
    Pop $R4
FunctionEnd
!macroend
!insertmacro PATH_WITHOUT ""
!insertmacro PATH_WITHOUT "un."

# AddToPath: $INSTDIR at the end of the user's PATH, unless it is there already; what was added
# is recorded (${APP_KEY} PathEntry) for the uninstaller, which removes that and nothing else.
Function AddToPath
    ClearErrors
    ReadRegStr $R0 HKCU "Environment" "Path"
    ${If} ${Errors}
    ${AndIf} $R0 == ""
        # No Path value, or one too long to read: tell the two apart.
        StrCpy $R5 0
        ${Do}
            EnumRegValue $R6 HKCU "Environment" $R5
            ${IfThen} $R6 == "" ${|} ${ExitDo} ${|}
            ${If} $R6 == "Path"
                DetailPrint "$(PATH_NOT_CHANGED)"
                Return
            ${EndIf}
            IntOp $R5 $R5 + 1
        ${Loop}
    ${EndIf}
    StrLen $R5 $R0
    IntOp $R5 $R5 + 2
    ${If} $R5 >= ${NSIS_MAX_STRLEN}
        DetailPrint "$(PATH_NOT_CHANGED)"
        Return
    ${EndIf}
    StrCpy $R1 "$INSTDIR"
    Call PathWithout
    ${If} $R3 == "1"
        Return # there already (put there by hand, or by an earlier install)
    ${EndIf}
    # "a" becomes "a;DIR"; "a;" becomes "a;DIR;": removing DIR gives back exactly what was there.
    StrCpy $R5 $R0 1 -1
    ${If} $R0 == ""
        StrCpy $R2 "$INSTDIR"
    ${ElseIf} $R5 == ";"
        StrCpy $R2 "$R0$INSTDIR;"
    ${Else}
        StrCpy $R2 "$R0;$INSTDIR"
    ${EndIf}
    StrLen $R5 $R2
    IntOp $R5 $R5 + 1
    ${If} $R5 >= ${NSIS_MAX_STRLEN}
        DetailPrint "$(PATH_NOT_CHANGED)"
        Return
    ${EndIf}
    WriteRegExpandStr HKCU "Environment" "Path" "$R2"
    WriteRegStr HKCU "${APP_KEY}" "PathEntry" "$INSTDIR"
    SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
FunctionEnd

# un.RemoveFromPath: the entry AddToPath recorded, out of the user's PATH again.
Function un.RemoveFromPath
    ReadRegStr $R1 HKCU "${APP_KEY}" "PathEntry"
    ${IfThen} $R1 == "" ${|} Return ${|}
    ClearErrors
    ReadRegStr $R0 HKCU "Environment" "Path"
    ${IfThen} ${Errors} ${|} Return ${|}
    StrLen $R5 $R0
    IntOp $R5 $R5 + 2
    ${If} $R5 >= ${NSIS_MAX_STRLEN}
        DetailPrint "$(PATH_NOT_CHANGED)"
        Return
    ${EndIf}
    Call un.PathWithout
    ${IfThen} $R3 != "1" ${|} Return ${|}
    ${If} $R2 == ""
        DeleteRegValue HKCU "Environment" "Path"
    ${Else}
        WriteRegExpandStr HKCU "Environment" "Path" "$R2"
    ${EndIf}
    SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
FunctionEnd

# ---- install -------------------------------------------------------------------------------

Function .onInit
    SetShellVarContext current
    !insertmacro wails.checkArchitecture
FunctionEnd

Section "$(SEC_MAIN)" SecMain
    SectionIn RO
    SetShellVarContext current

    # The window needs the WebView2 runtime (Windows 11 has it; Windows 10 mostly through Edge).
    !insertmacro wails.webview2runtime

    SetOutPath "$INSTDIR"
    File "/oname=${PRODUCT_EXECUTABLE}" "${ARG_WAILS_AMD64_BINARY}"
    File "..\..\bin\jiayuan-cli.exe"
    File "..\..\bin\THIRD-PARTY-NOTICES.txt"

    CreateShortCut "$SMPROGRAMS\${START_NAME}.lnk" "$INSTDIR\${PRODUCT_EXECUTABLE}" "" \
        "$INSTDIR\${PRODUCT_EXECUTABLE}" 0 SW_SHOWNORMAL "" "$(SHORTCUT_DESC)"

    WriteUninstaller "$INSTDIR\uninstall.exe"
    WriteRegStr HKCU "${APP_KEY}" "InstallDir" "$INSTDIR"
    WriteRegStr HKCU "${UNINST_KEY}" "DisplayName"          "${INFO_PRODUCTNAME}"
    WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion"       "${INFO_PRODUCTVERSION}"
    WriteRegStr HKCU "${UNINST_KEY}" "Publisher"            "${INFO_COMPANYNAME}"
    WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon"          "$INSTDIR\${PRODUCT_EXECUTABLE},0"
    WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation"      "$INSTDIR"
    WriteRegStr HKCU "${UNINST_KEY}" "UninstallString"      "$\"$INSTDIR\uninstall.exe$\""
    WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" "$\"$INSTDIR\uninstall.exe$\" /S"
    WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
    WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
    ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
    IntFmt $0 "0x%08X" $0
    WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "$(SEC_DESKTOP)" SecDesktop
    SetShellVarContext current
    CreateShortCut "$DESKTOP\${START_NAME}.lnk" "$INSTDIR\${PRODUCT_EXECUTABLE}" "" \
        "$INSTDIR\${PRODUCT_EXECUTABLE}" 0 SW_SHOWNORMAL "" "$(SHORTCUT_DESC)"
SectionEnd

Section "$(SEC_ASSOC)" SecAssoc
    # Per user: HKCU\Software\Classes. The command quotes both the program and the file, since
    # either path may hold spaces (a user name, a folder such as "业委会 2025").
    WriteRegStr HKCU "Software\Classes\${LEDGER_EXT}" "" "${PROGID}"
    WriteRegStr HKCU "Software\Classes\${LEDGER_EXT}\OpenWithProgids" "${PROGID}" ""
    WriteRegStr HKCU "Software\Classes\${PROGID}" "" "$(FILE_TYPE)"
    WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\${PRODUCT_EXECUTABLE},0"
    WriteRegStr HKCU "Software\Classes\${PROGID}\shell" "" "open"
    WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open" "" "$(OPEN_VERB)"
    WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" "$\"$INSTDIR\${PRODUCT_EXECUTABLE}$\" $\"%1$\""
    WriteRegStr HKCU "Software\Classes\Applications\${PRODUCT_EXECUTABLE}" "FriendlyAppName" "${INFO_PRODUCTNAME}"
    WriteRegStr HKCU "Software\Classes\Applications\${PRODUCT_EXECUTABLE}\SupportedTypes" "${LEDGER_EXT}" ""
    WriteRegStr HKCU "Software\Classes\Applications\${PRODUCT_EXECUTABLE}\shell\open\command" "" "$\"$INSTDIR\${PRODUCT_EXECUTABLE}$\" $\"%1$\""
    WriteRegStr HKCU "${APP_KEY}" "Associated" "1"
    System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)' # SHCNE_ASSOCCHANGED
SectionEnd

Section "$(SEC_PATH)" SecPath
    Call AddToPath
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
    !insertmacro MUI_DESCRIPTION_TEXT ${SecMain}    "$(SEC_MAIN_DESC)"
    !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "$(SEC_DESKTOP_DESC)"
    !insertmacro MUI_DESCRIPTION_TEXT ${SecAssoc}   "$(SEC_ASSOC_DESC)"
    !insertmacro MUI_DESCRIPTION_TEXT ${SecPath}    "$(SEC_PATH_DESC)"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

# ---- uninstall -----------------------------------------------------------------------------

Function un.onInit
    SetShellVarContext current
FunctionEnd

Section "uninstall"
    SetShellVarContext current

    Delete "$SMPROGRAMS\${START_NAME}.lnk"
    Delete "$DESKTOP\${START_NAME}.lnk"

    # The association, only where it is still ours.
    ReadRegStr $0 HKCU "Software\Classes\${LEDGER_EXT}" ""
    ${If} $0 == "${PROGID}"
        DeleteRegValue HKCU "Software\Classes\${LEDGER_EXT}" ""
    ${EndIf}
    DeleteRegValue HKCU "Software\Classes\${LEDGER_EXT}\OpenWithProgids" "${PROGID}"
    DeleteRegKey /ifempty HKCU "Software\Classes\${LEDGER_EXT}\OpenWithProgids"
    DeleteRegKey /ifempty HKCU "Software\Classes\${LEDGER_EXT}"
    DeleteRegKey HKCU "Software\Classes\${PROGID}"
    DeleteRegKey HKCU "Software\Classes\Applications\${PRODUCT_EXECUTABLE}"
    System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

    # The program's own files only: a ledger someone saved in this folder stays (RMDir without
    # /r removes the folder only when it is empty).
    Delete "$INSTDIR\${PRODUCT_EXECUTABLE}"
    Delete "$INSTDIR\jiayuan-cli.exe"
    Delete "$INSTDIR\THIRD-PARTY-NOTICES.txt"
    Delete "$INSTDIR\uninstall.exe"
    RMDir "$INSTDIR"

    # The window's browser cache (WebView2 keeps it in %APPDATA%\jiayuan.exe); not the user's data.
    RMDir /r "$APPDATA\${PRODUCT_EXECUTABLE}"

    # Before ${APP_KEY} goes: it records the PATH entry to remove.
    Call un.RemoveFromPath

    DeleteRegKey HKCU "${UNINST_KEY}"
    DeleteRegKey HKCU "${APP_KEY}"
    DetailPrint "$(DATA_KEPT)"
SectionEnd
