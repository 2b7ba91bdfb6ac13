#!/usr/bin/env bash
# Print the path of a Python 3.11 interpreter (everything but Rasa runs on it).
set -euo pipefail
for candidate in "${PYTHON311:-}" python3.11 python3; do
  [ -n "$candidate" ] || continue
  if path=$(command -v "$candidate" 2>/dev/null) && "$path" -c 'import sys; assert sys.version_info[:2] == (3, 11)' 2>/dev/null; then
    echo "$path"; exit 0
  fi
done
if command -v pyenv >/dev/null 2>&1 && prefix=$(pyenv prefix 3.11 2>/dev/null); then
  echo "$prefix/bin/python3.11"; exit 0
fi
echo "Python 3.11 was not found. Install it (e.g. 'pyenv install 3.11') or set PYTHON311=/path/to/python3.11." >&2
exit 1
