@echo off
rem plan-reports for Windows: starts the tool of this package (lib\plan-reports.jar) with the Java
rem of JAVA_HOME, else the first java on the PATH; Java 17 or later. Arguments are passed on
rem unchanged and the tool's exit code is this script's. The tool writes the console's own
rem encoding (GBK on a Chinese Windows console), so no chcp is needed. This file is saved in GBK
rem with CRLF line ends, the code page a Chinese Windows console reads a batch file in.
setlocal
set "PR_JAR=%~dp0..\lib\plan-reports.jar"
set "PR_JAVA="
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "PR_JAVA=%JAVA_HOME%\bin\java.exe"
if not defined PR_JAVA (
  where java >nul 2>&1
  if errorlevel 1 (
    echo 找不到 Java：plan-reports 需要 Java 17 或更高版本。请安装 Java 17（见 README-zh.md“安装 Java”），或把 JAVA_HOME 设为其安装目录。 1>&2
    exit /b 1
  )
  set "PR_JAVA=java"
)
"%PR_JAVA%" -version 2>&1 | findstr /r /c:"version \"1[7-9]" /c:"version \"[2-9][0-9]" >nul
if errorlevel 1 (
  echo Java 版本过低：plan-reports 需要 Java 17 或更高版本（"%PR_JAVA%" -version 可查看当前版本）。请安装 Java 17（见 README-zh.md“安装 Java”），或把 JAVA_HOME 设为其安装目录。 1>&2
  exit /b 1
)
if not exist "%PR_JAR%" (
  echo 找不到 %PR_JAR%：安装包不完整，请重新解压 plan-reports 安装包。 1>&2
  exit /b 1
)
"%PR_JAVA%" -jar "%PR_JAR%" %*
exit /b %ERRORLEVEL%
