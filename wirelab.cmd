@echo off
rem Wirelab launcher for Windows: builds the jar with Maven when it is missing, then runs it.
rem After changing sources, delete cli\target\wirelab.jar (or run: mvn -DskipTests package).
setlocal
set "ROOT=%~dp0"
set "JAR=%ROOT%cli\target\wirelab.jar"
if "%1"=="test" (
  pushd "%ROOT%" && mvn -B verify & popd
  exit /b %ERRORLEVEL%
)
if not exist "%JAR%" (
  echo wirelab: building on first use ... 1>&2
  pushd "%ROOT%"
  call mvn -B -q -DskipTests package
  if errorlevel 1 ( popd & echo wirelab: build failed 1>&2 & exit /b 1 )
  popd
)
rem inspect is a one-pass batch job on one thread: the serial collector suits it (docs\benchmarks.md).
if "%1"=="inspect" if not defined WIRELAB_JAVA_OPTS set "WIRELAB_JAVA_OPTS=-XX:+UseSerialGC"
java %WIRELAB_JAVA_OPTS% -jar "%JAR%" %*
