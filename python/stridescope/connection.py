"""Finding the running Stridescope app and sending it messages.

The app (Electron or `stridescope serve`) listens on loopback only and writes a
runtime file, mode 0600, with its port and access token into a per-user
folder (as Jupyter does): $STRIDESCOPE_RUNTIME_DIR, else
$XDG_RUNTIME_DIR/stridescope, else ~/.local/share/stridescope/runtime.
$STRIDESCOPE_URL (http://127.0.0.1:PORT/?token=...) overrides the search.

Sending never raises into the user's program and never blocks it: messages go
to a background thread; a newer message for the same key replaces one not yet
sent (latest wins). With no app reachable, one line is printed to stderr once.
"""
import atexit
import json
import os
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request

ATTACH_PATH = "/api/attach"
SEND_TIMEOUT_S = 5.0
EXIT_FLUSH_S = 3.0


def runtime_dir():
    explicit = os.environ.get("STRIDESCOPE_RUNTIME_DIR")
    if explicit:
        return explicit
    xdg = os.environ.get("XDG_RUNTIME_DIR")
    if xdg:
        return os.path.join(xdg, "stridescope")
    return os.path.join(os.path.expanduser("~"), ".local", "share", "stridescope", "runtime")


def _pid_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def find_app():
    """(base URL, token) of the running app, or None."""
    url = os.environ.get("STRIDESCOPE_URL")
    if url:
        parts = urllib.parse.urlsplit(url)
        token = urllib.parse.parse_qs(parts.query).get("token", [""])[0]
        return f"{parts.scheme}://{parts.netloc}", token
    folder = runtime_dir()
    try:
        names = [n for n in os.listdir(folder) if n.startswith("server-") and n.endswith(".json")]
    except OSError:
        return None
    candidates = []
    for n in names:
        path = os.path.join(folder, n)
        try:
            with open(path) as f:
                info = json.load(f)
            if not _pid_alive(int(info["pid"])):
                continue
            candidates.append((os.path.getmtime(path), info))
        except (OSError, ValueError, KeyError, TypeError):
            continue
    if not candidates:
        return None
    info = max(candidates, key=lambda c: c[0])[1]
    return f"http://127.0.0.1:{int(info['port'])}", str(info["token"])


class Sender:
    """One background thread that posts messages to the app, latest first per key."""

    def __init__(self):
        self._lock = threading.Condition()
        self._pending = {}  # key -> message (dict); insertion order is send order
        self._busy = False
        self._thread = None
        self._warned = False
        self.sent = 0
        self.failed = 0
        atexit.register(self.flush, EXIT_FLUSH_S)

    def submit(self, key, message):
        with self._lock:
            self._pending.pop(key, None)
            self._pending[key] = message
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="stridescope-sender", daemon=True)
                self._thread.start()
            self._lock.notify_all()

    def flush(self, timeout=EXIT_FLUSH_S):
        """Waits (at most `timeout` seconds) until every submitted message was sent or dropped."""
        with self._lock:
            self._lock.wait_for(lambda: not self._pending and not self._busy, timeout)

    def _run(self):
        while True:
            with self._lock:
                if not self._lock.wait_for(lambda: self._pending, timeout=30):
                    return
                key = next(iter(self._pending))
                message = self._pending.pop(key)
                self._busy = True
            try:
                ok = self._post(message)
            finally:
                with self._lock:
                    self._busy = False
                    if ok:
                        self.sent += 1
                    else:
                        self.failed += 1
                    self._lock.notify_all()

    def _post(self, message):
        app = find_app()
        if app is None:
            self._warn_once("no Stridescope app is running (start it with `npm start` or `stridescope serve`); "
                            "nothing was sent")
            return False
        base, token = app
        body = json.dumps(message, allow_nan=False).encode("utf-8")
        request = urllib.request.Request(
            base + ATTACH_PATH, data=body, method="POST",
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
        try:
            with urllib.request.urlopen(request, timeout=SEND_TIMEOUT_S) as response:
                response.read()
            return True
        except urllib.error.HTTPError as e:
            detail = e.read().decode("utf-8", "replace").strip()[:200]
            self._warn_once(f"the Stridescope app refused the message ({e.code}): {detail}")
        except (urllib.error.URLError, OSError) as e:
            self._warn_once(f"could not reach the Stridescope app at {base}: {getattr(e, 'reason', e)}")
        return False

    def _warn_once(self, text):
        if self._warned:
            return
        self._warned = True
        try:
            sys.stderr.write(f"stridescope: {text}\n")
        except Exception:
            pass


_sender = None


def sender():
    global _sender
    if _sender is None:
        _sender = Sender()
    return _sender
