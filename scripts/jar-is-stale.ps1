# For wirelab.cmd: exits 0 when cli\target\wirelab.jar is missing or older than a main source,
# a resource or a pom.xml (the jar must be rebuilt), 1 when it is up to date.
$root = Split-Path -Parent $PSScriptRoot
$jar = Get-Item -LiteralPath (Join-Path $root 'cli\target\wirelab.jar') -ErrorAction SilentlyContinue
if (-not $jar) { exit 0 }
$sources = @(Get-ChildItem -Path (Join-Path $root '*\src\main') -Recurse -File) +
    @(Get-ChildItem -Path (Join-Path $root 'pom.xml'), (Join-Path $root '*\pom.xml') -File)
if ($sources | Where-Object { $_.LastWriteTime -gt $jar.LastWriteTime } | Select-Object -First 1) {
  exit 0
}
exit 1
