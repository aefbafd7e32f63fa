@echo off
rem Wirelab launcher for Windows, as ./wirelab: builds the jar with Maven when it is missing or
rem older than any source, then runs it with every argument. "wirelab test" runs all the tests.
rem There are no blocks in parentheses on purpose: cmd expands variables in a whole block before
rem it runs, so each step here is one line and reads ERRORLEVEL after its command has finished.
setlocal
set "ROOT=%~dp0"
set "JAR=%ROOT%cli\target\wirelab.jar"

if /i "%~1"=="test" goto test
where java >nul 2>nul || goto nojava
if not exist "%JAR%" goto build
powershell -NoProfile -ExecutionPolicy Bypass -File "%ROOT%scripts\jar-is-stale.ps1"
if errorlevel 1 goto run
:build
where mvn >nul 2>nul || goto nomvn
>&2 echo wirelab: building (first run, or sources changed) ...
pushd "%ROOT%"
call mvn -B -q -DskipTests package
set "BUILD=%ERRORLEVEL%"
popd
if not "%BUILD%"=="0" goto buildfailed

:run
rem inspect is a one-pass batch job: the serial collector suits it (docs\benchmarks.md).
if /i "%~1"=="inspect" if not defined WIRELAB_JAVA_OPTS set "WIRELAB_JAVA_OPTS=-XX:+UseSerialGC"
rem The servers run with the measured settings of scripts\server.jvm (a java argument file).
if /i "%~1"=="chat" if not defined WIRELAB_JAVA_OPTS set "WIRELAB_JAVA_OPTS=@"%ROOT%scripts\server.jvm""
if /i "%~1"=="lb" if not defined WIRELAB_JAVA_OPTS set "WIRELAB_JAVA_OPTS=@"%ROOT%scripts\server.jvm""
if /i "%~1 %~2"=="bench server" if not defined WIRELAB_JAVA_OPTS set "WIRELAB_JAVA_OPTS=@"%ROOT%scripts\server.jvm""
if /i "%~1 %~2"=="bench floor" if not defined WIRELAB_JAVA_OPTS set "WIRELAB_JAVA_OPTS=@"%ROOT%scripts\server.jvm""
java %WIRELAB_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%

:test
where mvn >nul 2>nul || goto nomvn
rem What follows "test" goes to Maven unchanged (shift would split -Dtest=X at the "=").
set "ARGS=%*"
set "ARGS=%ARGS:*test=%"
pushd "%ROOT%"
call mvn -B verify %ARGS%
set "TESTS=%ERRORLEVEL%"
popd
exit /b %TESTS%

:nojava
>&2 echo wirelab: java not found; install Java 17 or newer and put it on the PATH
exit /b 1
:nomvn
>&2 echo wirelab: mvn not found; install Maven 3.8 or newer and put it on the PATH
exit /b 1
:buildfailed
>&2 echo wirelab: build failed; run "mvn -B -DskipTests package" to see why
exit /b 1
