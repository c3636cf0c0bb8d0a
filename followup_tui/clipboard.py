"""Copy text to the system clipboard with pyperclip, but only where a clipboard really answers.

pyperclip raises when there is no DISPLAY, yet with DISPLAY set and no X server listening it
fails silently, so the check here looks for the server itself. The terminal's own clipboard
(OSC 52) is the Textual layer's fallback and is not handled here.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

X11_SOCKET_DIR = Path("/tmp/.X11-unix")
PROC_VERSION = Path("/proc/version")
X11_TCP_BASE_PORT = 6000
CONNECT_TIMEOUT = 0.2
COPY_TIMEOUT = 5.0
# Tools that keep serving the selection from a background child after the copy returns: that
# child must outlive the app and its terminal.
SERVING_TOOLS = {
    "xclip": ["xclip", "-selection", "clipboard"],
    "xsel": ["xsel", "--clipboard", "--input"],
    "wl-copy": ["wl-copy"],
}


@dataclass(frozen=True)
class CopyResult:
    """What a copy did: whether it worked, the backend used ("" when none) and a line to show."""

    ok: bool
    backend: str
    message: str


def _on_path(*names: str) -> bool:
    return all(shutil.which(name) is not None for name in names)


def _is_wsl() -> bool:
    try:
        return "microsoft" in PROC_VERSION.read_text(encoding="utf-8", errors="replace").lower()
    except OSError:
        return False


def x_server_answers(display: str) -> bool:
    """Whether the X server named by a DISPLAY value (":0", "localhost:10.0") is there."""
    host, sep, rest = display.rpartition(":")
    number = rest.split(".", 1)[0]
    if not sep or not number.isdigit():
        return False
    if host in ("", "unix"):
        return (X11_SOCKET_DIR / f"X{number}").exists()
    if host.startswith("/"):
        # A socket path, as launchd-started XQuartz uses: the socket is the name itself.
        return Path(f"{host}:{number}").exists()
    try:
        with socket.create_connection(
            (host.strip("[]"), X11_TCP_BASE_PORT + int(number)), timeout=CONNECT_TIMEOUT
        ):
            return True
    except OSError:
        return False


def clipboard_backend() -> str:
    """The tool pyperclip would use here, checked in pyperclip's own order; "" when none works."""
    if sys.platform == "darwin":
        return "pbcopy" if _on_path("pbcopy") else ""
    if sys.platform == "win32":
        return "windows"
    if sys.platform.startswith("linux") and _is_wsl() and _on_path("clip.exe"):
        return "clip.exe"
    # pyperclip wants wl-paste too before it picks wl-copy
    if os.environ.get("WAYLAND_DISPLAY") and _on_path("wl-copy", "wl-paste"):
        return "wl-copy"
    display = os.environ.get("DISPLAY", "")
    if display and x_server_answers(display):
        for tool in ("xclip", "xsel"):
            if _on_path(tool):
                return tool
    return ""


def system_clipboard_available() -> bool:
    """True only where a system clipboard really answers (not just where DISPLAY is set)."""
    return clipboard_backend() != ""


def copy_detached(command: list[str], text: str) -> None:
    """Run a clipboard tool in a session of its own, holding none of our terminal or pipes.

    pyperclip starts xclip in the app's session with the terminal as its output: when the
    terminal closes, the child serving the selection gets SIGHUP and the copy is gone, and a
    caller reading our output waits for as long as that child lives.
    """
    proc = subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        close_fds=True,
        start_new_session=True,
    )
    try:
        proc.communicate(text.encode("utf-8"), timeout=COPY_TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        raise OSError(f"{command[0]} did not finish within {COPY_TIMEOUT:.0f} s") from None
    if proc.returncode != 0:
        raise OSError(f"{command[0]} exited with status {proc.returncode}")


def copy_with_pyperclip(text: str) -> CopyResult:
    """Put `text` on the system clipboard; never raises, reports what happened instead."""
    backend = clipboard_backend()
    if not backend:
        return CopyResult(False, "", "no system clipboard here")
    if backend in SERVING_TOOLS:
        try:
            copy_detached(SERVING_TOOLS[backend], text)
        except OSError as exc:
            return CopyResult(False, backend, f"copy with {backend} failed: {exc}")
        return CopyResult(True, backend, f"copied to the system clipboard with {backend}")
    # Imported here: it is only needed on a copy, and start-up should stay quick.
    import pyperclip

    try:
        pyperclip.copy(text)
    except (pyperclip.PyperclipException, OSError) as exc:
        return CopyResult(False, backend, f"copy with {backend} failed: {exc}")
    return CopyResult(True, backend, f"copied to the system clipboard with {backend}")
