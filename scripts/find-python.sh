#!/usr/bin/env bash
# Print the path of a Python interpreter of the given minor version: find-python.sh 3.10
# Rasa Open Source 3.6 runs only on Python <= 3.10 (.venv-rasa); everything else uses 3.11 (.venv).
# Looks at $PYTHON310 / $PYTHON311, then pythonX.Y (and python3) on PATH, then `pyenv prefix X.Y`.
set -euo pipefail
version=${1:?usage: find-python.sh 3.10|3.11}
override_var="PYTHON${version//./}"
for candidate in "${!override_var:-}" "python$version" python3; do
  [ -n "$candidate" ] || continue
  if path=$(command -v "$candidate" 2>/dev/null) &&
     "$path" -c "import sys; assert '%d.%d' % sys.version_info[:2] == '$version'" 2>/dev/null; then
    echo "$path"; exit 0
  fi
done
if command -v pyenv >/dev/null 2>&1 && prefix=$(pyenv prefix "$version" 2>/dev/null); then
  echo "$prefix/bin/python$version"; exit 0
fi
cat >&2 <<MSG
Python $version was not found. Install it, for example with pyenv (\`pyenv install $version\`)
or your system's package manager (python$version and python$version-venv), or point
$override_var at an interpreter:
    $override_var=/path/to/python$version make test
MSG
exit 1
