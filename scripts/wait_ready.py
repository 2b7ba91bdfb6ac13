"""Wait until the web app is ready (``/health/ready`` answers 200), print the URL, then stay up.

Run as the last Procfile entry: honcho stops all processes when one exits, so after printing
the address this process simply waits for Ctrl-C like the others.
"""

from __future__ import annotations

import sys
import time

import httpx


def main(base_url: str, timeout_s: float = 300.0) -> int:
    started = time.monotonic()
    last_state = None
    while time.monotonic() - started < timeout_s:
        try:
            response = httpx.get(f"{base_url}/health/ready", timeout=5.0)
            body = response.json()
        except (httpx.HTTPError, ValueError):
            response, body = None, None
        if response is not None and response.status_code == 200:
            elapsed = time.monotonic() - started
            print(f"Biståndsguiden är redo efter {elapsed:.1f} s: öppna {base_url}/", flush=True)
            break
        state = None if body is None else {k: v["ok"] for k, v in body["components"].items()}
        if state != last_state:
            print(f"Väntar på tjänsterna … {state or 'webbappen startar'}", flush=True)
            last_state = state
        time.sleep(1.0)
    else:
        print(f"Tjänsterna blev inte redo inom {timeout_s:.0f} s; se loggarna ovan.", flush=True)
        return 1
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"))
