#!/usr/bin/env bash
# Print the path of a Python 3.10 interpreter (Rasa Open Source 3.6 runs only on Python <= 3.10).
set -euo pipefail
for candidate in "${PYTHON310:-}" python3.10; do
  [ -n "$candidate" ] || continue
  if path=$(command -v "$candidate" 2>/dev/null) && "$path" -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null; then
    echo "$path"; exit 0
  fi
done
if command -v pyenv >/dev/null 2>&1 && prefix=$(pyenv prefix 3.10 2>/dev/null); then
  echo "$prefix/bin/python3.10"; exit 0
fi
cat >&2 <<'MSG'
Python 3.10 was not found. Rasa Open Source 3.6 needs Python 3.10.
Install it, for example with pyenv (`pyenv install 3.10`) or your system's package manager
(python3.10 and python3.10-venv), or point PYTHON310 at an interpreter:
    PYTHON310=/path/to/python3.10 make test
MSG
exit 1
