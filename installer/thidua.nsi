; ThiĐua Desktop — Windows installer (NSIS 3, Unicode). Compiles on Windows and on Linux:
;   makensis -DDIST=dist\ThiDua -DVERSION=0.1.0 installer\thidua.nsi
; DIST: the PyInstaller one-folder build (installer/thidua.spec); VERSION: thidua_desktop.__version__;
; OUTFILE: where the installer goes (default dist\ThiDua-VERSION-cai-dat.exe beside DIST).
;
; - Per-user, no administrator rights: %LOCALAPPDATA%\Programs\ThiDua, registry under HKCU only.
; - The installer speaks Vietnamese (the officers' language; issue 16: "always in Vietnamese").
; - Start-menu and desktop shortcuts; .tdsync bundles open with the app, which shows the import
;   preview (HKCU\Software\Classes; ThiDua.exe "%1").
; - Upgrade: installing a newer version over an older one replaces the program files only. The
;   office's data lives elsewhere (%LOCALAPPDATA%\ThiDua: database, keys, backups, logs) and is
;   never touched; the new version migrates the database the next time it opens it.
; - Uninstall keeps the data unless the officer ticks "Xóa cả dữ liệu" (unticked by default, and
;   confirmed once more, since the keys go with it).
; This file is UTF-8 with a byte-order mark, so makensis reads the Vietnamese the same everywhere.

Unicode true
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef DIST
  !define DIST "..\dist\ThiDua"
!endif
!ifndef OUTFILE
  !define OUTFILE "${DIST}\..\ThiDua-${VERSION}-cai-dat.exe"
!endif
; Windows wants four numbers in the file's version resource.
!ifndef VERSION4
  !define VERSION4 "${VERSION}.0"
!endif

!define APP_NAME "ThiĐua Desktop"
!define APP_ID "ThiDua"                       ; folder, registry and ProgID names: plain ASCII
!define APP_EXE "ThiDua.exe"
!define PUBLISHER "ThiĐua Desktop"
!define DATA_DIR "$LOCALAPPDATA\ThiDua"       ; platformdirs' user data and config folder (config.py)
!define TRIAL_DIR "$LOCALAPPDATA\ThiDua-dung-thu"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define PROGID "ThiDua.tdsync"
!define SHCNE_ASSOCCHANGED 0x08000000

Name "${APP_NAME}"
Caption "Cài đặt ${APP_NAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_ID}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"
ShowInstDetails hide
ShowUninstDetails hide

VIProductVersion "${VERSION4}"
VIAddVersionKey /LANG=1066 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=1066 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1066 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1066 "FileDescription" "Cài đặt ${APP_NAME}"
VIAddVersionKey /LANG=1066 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1066 "LegalCopyright" "Phần mềm mã nguồn mở (MIT)"

!include "MUI2.nsh"
!include "LogicLib.nsh"

; The icon of the installer and the uninstaller (the installed program's own is in ThiDua.exe,
; from installer/thidua.spec): scripts/make_icons.py writes it from resources/icons/thidua.svg.
!define MUI_ICON "${__FILEDIR__}\..\resources\icons\thidua.ico"
!define MUI_UNICON "${__FILEDIR__}\..\resources\icons\thidua.ico"
!define MUI_ABORTWARNING
!define MUI_UNABORTWARNING
!define MUI_WELCOMEPAGE_TITLE "Cài đặt ${APP_NAME}"
!define MUI_WELCOMEPAGE_TEXT "Chương trình sẽ cài ${APP_NAME} ${VERSION} cho riêng tài khoản Windows này, không cần quyền quản trị.$\r$\n$\r$\nNếu máy đã có phiên bản cũ, phiên bản mới được cài đè lên; dữ liệu của đơn vị được giữ nguyên và tự nâng cấp khi mở phần mềm.$\r$\n$\r$\nBấm Tiếp để tiếp tục."
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Mở ${APP_NAME} ngay"
!define MUI_UNCONFIRMPAGE_TEXT_TOP "${APP_NAME} sẽ được gỡ khỏi máy. Dữ liệu của đơn vị (sổ theo dõi, hồ sơ, khóa, bản sao lưu trong ${DATA_DIR}) được giữ lại, trừ khi bạn chọn xóa ở bước sau."
!define MUI_COMPONENTSPAGE_NODESC

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!define MUI_COMPONENTSPAGE_TEXT_TOP "Chọn những gì cần gỡ. Chỉ đánh dấu «Xóa cả dữ liệu» khi chắc chắn không cần dữ liệu trên máy này nữa (đã có bản sao lưu hoặc đã gửi lên tỉnh)."
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Vietnamese"

; The app must be closed before its files are replaced or removed. Its program file cannot be
; deleted while it runs: try, and ask the officer to close it until it can.
!macro CLOSE_RUNNING_APP UN
Function ${UN}CloseRunningApp
  retry:
    ClearErrors
    IfFileExists "$INSTDIR\${APP_EXE}" 0 done
    Rename "$INSTDIR\${APP_EXE}" "$INSTDIR\${APP_EXE}.dang-cap-nhat"
    IfErrors 0 renamed
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${APP_NAME} đang mở. Hãy đóng phần mềm rồi bấm Thử lại." IDRETRY retry
    Abort
  renamed:
    Rename "$INSTDIR\${APP_EXE}.dang-cap-nhat" "$INSTDIR\${APP_EXE}"
  done:
FunctionEnd
!macroend
!insertmacro CLOSE_RUNNING_APP ""
!insertmacro CLOSE_RUNNING_APP "un."

Section "${APP_NAME}" SecApp
  SectionIn RO
  Call CloseRunningApp
  SetOutPath "$INSTDIR"
  ; An upgrade: the old version's program files go first, so no library of the old build lingers
  ; beside the new one. Only the program folder: the data folder is elsewhere.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  File /r "${DIST}\*"
  WriteUninstaller "$INSTDIR\go-cai-dat.exe"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  ; .tdsync bundles open with the app (ui/app.py shows the import preview of the file given).
  WriteRegStr HKCU "Software\Classes\.tdsync" "" "${PROGID}"
  WriteRegStr HKCU "Software\Classes\.tdsync" "Content Type" "application/x-thidua-sync"
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "Gói đồng bộ ThiĐua"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell" "" "open"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open" "" "Mở bằng ${APP_NAME}"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'
  System::Call 'shell32::SHChangeNotify(i ${SHCNE_ASSOCCHANGED}, i 0, p 0, p 0)'

  ; Apps & features: per user, with the version an upgrade compares.
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\go-cai-dat.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\go-cai-dat.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "un.${APP_NAME}" UnSecApp
  SectionIn RO
  Call un.CloseRunningApp
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  ; The association only if it is still ours (another program may have taken .tdsync since).
  ReadRegStr $0 HKCU "Software\Classes\.tdsync" ""
  ${If} $0 == "${PROGID}"
    DeleteRegKey HKCU "Software\Classes\.tdsync"
  ${EndIf}
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  System::Call 'shell32::SHChangeNotify(i ${SHCNE_ASSOCCHANGED}, i 0, p 0, p 0)'
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\go-cai-dat.exe"
  RMDir "$INSTDIR"  ; only if empty: never a folder the officer put files in
SectionEnd

; Unticked by default (/o): the data stays unless the officer asks, and confirms.
Section /o "un.Xóa cả dữ liệu của đơn vị (không khôi phục được nếu chưa sao lưu)" UnSecData
  MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "Xóa toàn bộ dữ liệu trong ${DATA_DIR}: sổ theo dõi, hồ sơ, khóa bảo mật và các bản sao lưu trong đó? Không thể hoàn tác." IDYES remove
  DetailPrint "Giữ lại dữ liệu trong ${DATA_DIR}."
  Goto end
  remove:
    RMDir /r "${DATA_DIR}"
    RMDir /r "${TRIAL_DIR}"
  end:
SectionEnd

Function .onInit
  ; Quiet upgrades (/S) keep the same folder as the version installed before.
  ReadRegStr $0 HKCU "${UNINSTALL_KEY}" "InstallLocation"
  ${If} $0 != ""
    StrCpy $INSTDIR $0
  ${EndIf}
FunctionEnd
