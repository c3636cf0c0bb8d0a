"""Clipboard detection and copying; xclip is never really run (it lingers on its caller's pipes)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pyperclip
import pytest

from followup_tui import clipboard
from followup_tui.clipboard import CopyResult, copy_with_pyperclip, system_clipboard_available


@pytest.fixture
def linux(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A Linux box with no display, an empty PATH bin folder and an empty X socket folder."""
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    monkeypatch.setenv("PATH", str(bin_dir))
    sockets = tmp_path / "x11"
    sockets.mkdir()
    monkeypatch.setattr(clipboard, "X11_SOCKET_DIR", sockets)
    monkeypatch.setattr(clipboard, "PROC_VERSION", tmp_path / "no-proc-version")
    return tmp_path


def fake_tool(root: Path, name: str) -> None:
    tool = root / "bin" / name
    tool.write_text("#!/bin/sh\nexit 0\n")
    tool.chmod(0o755)


@pytest.fixture
def no_real_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail loudly if anything would start a real clipboard process."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"a real process was started: {args!r}")

    monkeypatch.setattr(subprocess, "Popen", refuse)
    monkeypatch.setattr(subprocess, "run", refuse)


def test_no_display_no_wayland(linux: Path) -> None:
    fake_tool(linux, "xclip")
    assert not system_clipboard_available()
    assert clipboard.clipboard_backend() == ""


def test_display_without_x_server(linux: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_tool(linux, "xclip")
    monkeypatch.setenv("DISPLAY", ":99")
    assert not system_clipboard_available()


def test_display_with_socket_and_xclip(linux: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_tool(linux, "xclip")
    monkeypatch.setenv("DISPLAY", ":99.0")
    (linux / "x11" / "X99").touch()
    assert system_clipboard_available()
    assert clipboard.clipboard_backend() == "xclip"


def test_display_with_socket_but_no_tool(linux: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISPLAY", ":99")
    (linux / "x11" / "X99").touch()
    assert not system_clipboard_available()


def test_xsel_when_no_xclip(linux: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_tool(linux, "xsel")
    monkeypatch.setenv("DISPLAY", "unix:3")
    (linux / "x11" / "X3").touch()
    assert clipboard.clipboard_backend() == "xsel"


def test_wayland_needs_wl_copy_and_wl_paste(linux: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    fake_tool(linux, "wl-copy")
    assert not system_clipboard_available()
    fake_tool(linux, "wl-paste")
    assert clipboard.clipboard_backend() == "wl-copy"


@pytest.mark.parametrize("display", ["", ":", "nonsense", ":x", "host:"])
def test_malformed_display(linux: Path, monkeypatch: pytest.MonkeyPatch, display: str) -> None:
    fake_tool(linux, "xclip")
    monkeypatch.setenv("DISPLAY", display)
    assert not system_clipboard_available()


def test_tcp_display(linux: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A forwarded display ("localhost:N") answers only if something listens on 6000+N."""
    fake_tool(linux, "xclip")
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        port = server.getsockname()[1]
        monkeypatch.setattr(clipboard, "X11_TCP_BASE_PORT", port - 10)
        monkeypatch.setenv("DISPLAY", "127.0.0.1:10.0")
        assert system_clipboard_available()
    # the listener is closed now: nothing answers
    assert not system_clipboard_available()


def test_macos_and_windows(linux: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    assert not system_clipboard_available()
    fake_tool(linux, "pbcopy")
    assert clipboard.clipboard_backend() == "pbcopy"
    monkeypatch.setattr(sys, "platform", "win32")
    assert clipboard.clipboard_backend() == "windows"


def test_copy_without_clipboard(linux: Path, no_real_copy: None) -> None:
    result = copy_with_pyperclip("hello")
    assert result == CopyResult(False, "", "no system clipboard here")


def x_display(root: Path, monkeypatch: pytest.MonkeyPatch, xclip: str) -> Path:
    """A display that answers, and an `xclip` that runs `xclip` (shell) with stdin."""
    tool = root / "bin" / "xclip"
    tool.write_text(f"#!/bin/sh\n{xclip}\n")
    tool.chmod(0o755)
    monkeypatch.setenv("DISPLAY", ":0")
    (root / "x11" / "X0").touch()
    return root / "copied"


def test_copy_failure_is_reported(linux: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    x_display(linux, monkeypatch, "echo 'Error: no display' >&2; exit 1")
    result = copy_with_pyperclip("hello")
    assert not result.ok
    assert result.backend == "xclip"
    assert "exited with status 1" in result.message


def test_pyperclip_failure_is_reported(
    linux: Path, monkeypatch: pytest.MonkeyPatch, no_real_copy: None
) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    fake_tool(linux, "pbcopy")

    def broken(text: str) -> None:
        raise pyperclip.PyperclipException("could not find a copy/paste mechanism")

    monkeypatch.setattr(pyperclip, "copy", broken)
    result = copy_with_pyperclip("hello")
    assert not result.ok and result.backend == "pbcopy"
    assert "could not find" in result.message


def test_copy_success_passes_exact_text(linux: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copied = x_display(linux, monkeypatch, f'/bin/cat > "{linux}/copied"')
    text = "Subject: Thank you\n\nDear Ms. Ortiz,\n  thanks — “quoted” ✓\n"
    result = copy_with_pyperclip(text)
    assert result.ok
    assert result.backend == "xclip"
    assert copied.read_text(encoding="utf-8") == text


def test_xclip_runs_in_its_own_session_holding_none_of_our_pipes(
    linux: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 10 item 18: the child serving the selection must not die with our terminal."""
    record = linux / "copied"
    # Like xclip: read the text, then leave a child behind that keeps serving it.
    x_display(
        linux,
        monkeypatch,
        f'/bin/cat > /dev/null; /bin/ps -o sid= -p $$ > "{record}"; (/bin/sleep 30 &); exit 0',
    )
    tool = str(linux / "bin" / "xclip")
    reader, writer = os.pipe()
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                "from followup_tui.clipboard import copy_detached as c; "
                f"c([{tool!r}], 'hello'); print(True, flush=True)",
            ],
            stdout=writer,
            env=dict(os.environ),
            timeout=30,
            check=True,
        )
        os.close(writer)
        writer = -1
        # Our pipe reaches its end as soon as the copy returns: no lingering child holds it.
        with os.fdopen(reader, "rb") as out:
            reader = -1
            assert out.read() == b"True\n"
    finally:
        for fd in (reader, writer):
            if fd != -1:
                os.close(fd)
    assert result.returncode == 0
    assert int(record.read_text().strip()) != os.getsid(0)


def test_clipboard_module_does_not_import_textual() -> None:
    code = (
        "import sys, followup_tui.clipboard as c; c.system_clipboard_available(); "
        "sys.exit(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))"
    )
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-c", code], cwd=root, check=False)
    assert done.returncode == 0
