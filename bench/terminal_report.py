"""The terminal benchmark's table, and its section of bench/RESULTS.md."""

from __future__ import annotations

import os
import platform
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
START = "<!-- terminal_bench: start -->"
END = "<!-- terminal_bench: end -->"
HOW = "## How it is measured"


@dataclass
class Row:
    """One line of the table: the app's figure, the yardstick's, their ratio, the target."""

    measure: str
    value: str
    yardstick: str = ""
    ratio: float | None = None
    target: str = ""
    met: bool | None = None

    def cells(self) -> list[str]:
        verdict = "" if self.met is None else ("met" if self.met else "**missed**")
        ratio = "" if self.ratio is None else f"{self.ratio:.2f}x"
        return [self.measure, self.value, self.yardstick, ratio, self.target, verdict]


def ms(value: float) -> str:
    """Milliseconds, to a sensible precision."""
    return f"{value:,.0f} ms" if value >= 100 else f"{value:.1f} ms"


def ratio_of_rounds(app: Sequence[float], yard: Sequence[float]) -> float:
    """The median over rounds of the app/yardstick ratio within each round."""
    return statistics.median(a / y for a, y in zip(app, yard, strict=True) if y)


def table(rows: Sequence[Row]) -> str:
    """The rows as a Markdown table."""
    lines = [
        "| measure | followup-tui | yardstick, same rounds | ratio | target | result |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    lines += ["| " + " | ".join(r.cells()) + " |" for r in rows]
    return "\n".join(lines)


def load() -> str:
    """The load averages (1, 5, 15 min) now."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


# The first full run, on main at 5d498ed (before issue 14's app layer landed), at load 13-17.
BASELINE = (
    "Baseline, the first full run (main at 5d498ed, before issue 14's app layer; load 13-17):"
    " time to usable 3.72x the one-Static app (first paint 1.49x); at 30 ms a key echo p95"
    " 3.25x the bare TextArea, preview p95 2.04x the mirror, CPU per key 1.37x, keys coalesced"
    " 171/166/165 of 200 (mirror 146/143/132); at 100 ms echo 3.87x, preview 3.32x, CPU 2.12x,"
    " coalesced 8 and 41 of 100 (mirror 8 and 1); 20,000 words at 100 ms: 84 of 100 coalesced;"
    " interviews screen 7,922 ms with 1,000 drafts, 2,000 ms with 10; idle CPU 2.05x."
)

# Found on 2026-12-02: the A/B rows below that predate it may compare a build with itself.
BASE_CAVEAT = (
    "Until 2026-12-02 the children ran in the benchmark's own folder, and `python -m"
    " followup_tui` (the usual `--base` command) imports the package of the current folder"
    " before any on PYTHONPATH: an A/B run from a checkout could measure that checkout on both"
    " sides. Children now run in the temporary folder; the A/B figures of the rows marked"
    " 2026-12-02 were taken that way (or with PYTHONSAFEPATH=1), the older ones may not have"
    " been."
)

# Changes made for issue 15, each measured A/B while it was made (the code before it run from
# a copy of the package, cases interleaved).
CHANGES: tuple[tuple[str, str], ...] = (
    (
        "`render.py`: a note's items are worked out once per text and once per line"
        " (`_note_items`, `_note_item`, memoised pure functions; each render still gets lists"
        " of its own); `practices/notes.py`: the words of each item likewise (`_item_words`)",
        "render_all + evaluate per change, CPU time, three interleaved pairs: 20,000 words of"
        " notes 52.9 / 51.0 / 38.4 -> 18.4 / 17.7 / 13.1 ms (2.9x less); 200 words 3.2 / 2.9"
        " / 3.9 -> 1.9 / 2.7 / 2.2 ms. What is left reads the 6,800-word email itself.",
    ),
    (
        "`prose/notes.py` (issue 12's notes as sentences, which landed since): turning a note"
        ' item to the reader (`to_reader`: the reader\'s name and he/she made "you") is'
        " memoised per item like `read_note`, and `_split_items` holds 4,096 texts instead of"
        " 64, as the concerns note is read line by line (a long one evicted every line at"
        " every key)",
        "render_all + evaluate per change, CPU time, three interleaved pairs: 20,000 words of"
        " notes 340 / 344 / 391 -> 37 / 41 / 51 ms; 200 words 7.5 / 5.4 / 7.3 -> 5.5 / 6.0 /"
        " 3.3 ms; the emails are the same (a digest of both panel emails compared at 200, 2,000"
        " and 20,000 words).",
    ),
    (
        "`app/screens/interviews.py`: the folder is read when the screen resumes only (Textual"
        " sends ScreenResume when the screen is first shown too); it was read in `on_mount`"
        " as well, so opening the list read every draft twice",
        "first row on screen with 1,000 drafts, three interleaved pairs at load 17: 6,520 ->"
        " 7,177 ms (1.13x, within this load's noise): the first row came after the first read"
        " already; the second read ran after it, keeping the list from answering keys for as"
        " long again (it was half of the 18.3 s profiled around ctrl+o).",
    ),
    (
        "`listing.py`: the interviews list and `followup-tui list` read the drafts through a"
        " small index in the cache folder (each draft's list fields, used only while the file"
        " has the same size, times and inode; a missing or damaged index is rebuilt); the list"
        " is read in a thread worker, with a line saying so until it is in",
        "reading 1,000 drafts (core, load 5): 2,366 ms with no index, 135-197 ms with it. First"
        " row on screen with 1,000 drafts, one round at load 5, against main before: 2,800 vs"
        " 4,099 ms (0.68x); with the index, 1,000 drafts take as long as 10 (2,199 vs 2,651"
        " ms): what is left is the screen itself (see the profile above), not the drafts.",
    ),
    (
        "`app/widgets/preview.py`: the body is a read-only TextArea in which only the changed"
        " span is replaced (`text.changed_span`), so a change re-wraps the lines it touches and"
        " never lays out the screen; the line under the email is laid out only when its height"
        " changes. `app/screens/main.py`: one render at a time, a change made meanwhile"
        " rendered as soon as it is shown (an exclusive worker was cancelled by every key, so"
        " with a slow render the preview waited for a pause in the typing)",
        "20,000 words of notes, a key every 100 ms (one quick round, load 4-5): preview median"
        " 2,375 -> 430 ms, echo median 248 -> 120 ms. The demo draft, three rounds at 30 ms"
        " and two at 100 ms against main before (load 3-5): echo p95 1.07x and 1.20x, preview"
        " p95 1.03x and 1.10x, CPU per key 1.04x and 1.06x: for a short email a TextArea's"
        " frame costs about what the Static's did.",
    ),
    (
        "`practices/spelling.py`: the app reads the spelling dictionary on a thread of its"
        " own once the first email is shown (`do_not_wait`, `load_in_background`); until"
        ' then the Proofread entry says "checking the spelling…". The command line still'
        " waits for it",
        "the first render and judgement of the demo draft in a fresh process took 2,554 ms at"
        " load 10 (cProfile: 2.3 s of 3.5 s in `SpellChecker.__init__`, 1.0 s of it one C call"
        " to `json.loads` that holds the GIL), all of it while the screen was being built.",
    ),
    (
        "`app/collector.py`: `followup-tui` builds its first screen with the garbage collector"
        " off; with the first email on screen it freezes what was built out of the"
        " collector's passes and turns it on, and after a save that comes of a pause in typing"
        " it collects and freezes again",
        "in a Pilot run of 52 keys: full passes 3 (491 ms, the longest 192 ms) -> 2 (77 ms,"
        " the longest 45 ms); a full pass of the started app 116-152 ms -> 35 ms. With the"
        " two changes below, against main before, same rounds (2026-12-02; 3 at 30 ms, 2 at"
        " 100 ms, 8 for time to usable; load 0.3-0.7): echo p95 0.51x and 0.50x, preview p95"
        " 0.56x and 0.46x, CPU per key 0.93x and 0.77x, time to usable 0.84x.",
    ),
    (
        "`practices/spelling.py`: the word list is parsed a slice at a time (`_json_slices`),"
        ' the same dictionary as `SpellChecker(language="en")` (a test compares them)',
        "the longest the loading thread held the interpreter, seen by a thread waking every"
        " millisecond: 185-211 ms -> 49-51 ms; what is left is the library's own"
        " `set().union(*words)` (44 ms), one C call.",
    ),
    (
        "`app/widgets/preview.py`: the body is one `Static` a paragraph, and only the"
        " paragraphs that changed are replaced (a key changes one); it was a read-only"
        " TextArea, which draws every line in view after any edit",
        "the email's frame for a key, Pilot run, compositor only: 13-36 ms over a 44x27 region"
        " -> about 6 ms over the changed paragraph (42x8). In the real terminal: the row"
        " above.",
    ),
    (
        "`app/screens/interviews.py`: rows go into the table a hundred at a time, each lot"
        " working out its own cells, a frame drawn between; the row the cursor is kept on is"
        " always in the first lot",
        "first row on screen with 1,000 drafts, against main before, three interleaved pairs"
        " (load 0.8-0.9): 0.91x with the cells of every row worked out first, 0.79x with each"
        " lot working out its own. What is left: reading the index in the worker (65-77 ms"
        " alone) takes 210-340 ms while the UI builds the screen, as both want the"
        " interpreter; and the push itself (Footer recomposing, the DataTable's first cells):"
        " 10 drafts take 100-270 ms.",
    ),
    (
        "`app/__init__.py`: the process hands the interpreter lock between threads every"
        " 0.5 ms instead of Python's 5 ms (`sys.setswitchinterval`), only for the app `run`"
        " starts",
        "against the same build without it, same rounds (3 at 30 ms, 2 at 100 ms, load"
        " 0.3-0.5): echo p95 0.85x and 0.86x, preview p95 0.94x and 0.83x, CPU per key 0.98x"
        " and 0.93x.",
    ),
    (
        "`app/screens/main.py`: the spelling dictionary starts loading once the first email"
        " is drawn (`call_after_refresh`), not as the email is set on the screen",
        "first email set on the screen to drawn, `bench/first_paint.py`, three runs before "
        "and four after: 410-630 -> 170-250 ms (the loader held the interpreter while the "
        "email's paragraphs were mounted and drawn). Typing and the interviews list against "
        "the build without it, same rounds (load 0.4-0.9): echo p95 0.99x and 1.07x, preview "
        "p95 1.04x and 1.01x, CPU per key 0.99x and 1.07x, interviews screen with 1,000 "
        "drafts 0.92x.",
    ),
    (
        "`app/app.py`: type-ahead. Keys typed while the main screen was still being built"
        " reached no widget (nothing had the focus yet) and were dropped; they are now held"
        " until its first field has the focus, then handed on in order, letters straight"
        " into the field so that the first frame shows them. `screens/pane_tabs.py`: the"
        " layout is switched only when the width crosses the line (each resize rebuilt the"
        " footer and repainted the pane titles)",
        "time to usable against main before, same rounds (8, load 0.2-0.4): 0.75x (877 /"
        " 1,202 ms); the first key typed now shows in the first frame (time to usable ="
        " first paint). Seen in a timeline of one start: the 14 keys typed before the"
        " screen had the focus were all lost before, the first key shown was one typed"
        " 110-200 ms after the first paint.",
    ),
    (
        "`app/widgets/checklist.py`: a changed result repaints only its own lines when it"
        " takes as many lines as before (`ScrollView.refresh_lines`), else the lines from it"
        " down; the scroll height grows"
        " with the lines but shrinks only once six blank lines have piled up at the end, as"
        " a new height lays out the whole screen and a reason wrapping to a line more or"
        " less is common while typing",
        "lines drawn again over 20 keys typed into a topic (Pilot, counted by hooking the"
        " styles cache): the checklist's 665 -> 266, its scroll bars' 412 -> 132, all"
        " widgets' 1,763 -> 1,084; screen layouts caused by the checklist 8 -> 0. Against"
        " main before, same rounds (3 at 30 ms, 2 at 100 ms, load 0.5-0.7; before the"
        " lines-from-it-down part): echo p95 0.97x and 0.77x, preview p95 1.00x and 0.95x,"
        " CPU per key 0.96x and 0.96x.",
    ),
    (
        "`app/widgets/footer.py`: every screen's footer is Textual's `Footer` rebuilt only"
        " when the keys it shows change (the stock one mounts all its keys anew at every"
        " refresh of a screen's bindings: each focus change, a screen shown, the screen idle"
        " after it). `screens/interviews.py`: the row actions are dimmed only once the"
        " folder is read and empty, not while it is read (lighting them as the first rows"
        " came rebuilt the footer once more)",
        "footers rebuilt (Pilot, counted): the main screen opening 5 -> 2, ctrl+o 4 (three on"
        " the list, one on the main screen it leaves) -> 1, each 11-27 ms in Pilot; a Tab"
        " between fields no longer rebuilds it. Against main before, same rounds (8 for time"
        " to usable, 3 for the list; load 0.3-0.8): time to usable 0.91x (537 / 577 ms),"
        " first row of the interviews list with 1,000 drafts 0.73x (180 / 223 ms).",
    ),
    (
        "`app/screens/interview_rows.py`: the open draft is found among the rows by its name"
        " and its folder's real path, resolving a file only when it is a link (it resolved"
        " all 1,000); `listing.py`: the folder is sorted by file name (the same order as by"
        " path, without comparing paths part by part)",
        "1,000 drafts, alone: resolving every path 27 ms (the benchmark's demo has no open"
        " file, so its figures do not show this), sorting 3.8 -> 2.0 ms. With the footer"
        " change: ctrl+o to the first row with 1,000 drafts 142-177 ms over four runs (a"
        " timeline of the child's event loop), the read 44-52 ms of CPU in its thread.",
    ),
    (
        "`app/widgets/notes.py`: the notes form is in groups (the interview's fields, the"
        " interviewers, each note with its label); a frame draws again every widget whose"
        " parent's region overlaps the change, so a key in a note visits its group, not"
        " every part of the form. The blank lines between parts are the groups' margins;"
        " the screen is unchanged (snapshots, and tmux captures compared)",
        "widgets visited a frame (Pilot, counted by hooking `render_lines`): a key in a topic"
        " 22 -> 16, a cursor blink in Company 26 -> 22. Against the same build ungrouped,"
        " same rounds (8 for time to usable, 3 at 30 ms, 2 at 100 ms; load 0.3-0.8): time to"
        " usable 0.91x, echo p95 0.95x and 0.57x, preview p95 0.99x and 0.84x, CPU per key"
        " 1.02x and 0.84x. Tried in the morning, the groups cost time to usable 1.16x: then"
        " usable waited for the first field's focus, since the type-ahead it is the first"
        " paint.",
    ),
    (
        "`app/screens/interviews.py`: the first lot of rows put in the table is the rows up "
        "to the cursor's and a screenful after it (it was a hundred, or the hundreds up to "
        "the cursor's row); the rest follow a hundred at a time, a frame drawn between",
        "first row on screen with 1,000 drafts against main before, three interleaved pairs "
        "(load 0.4-0.6; a started app measured once quiet): 0.78x (203 / 267 ms); 248 ms in "
        "this build's own rounds, 10 drafts 135 ms.",
    ),
    (
        "`prose/notes.py`: a note is split into items line by line, each line memoised"
        " (`_split_line`), so a key re-splits the line it is typed in; `context.py`: each note"
        " field's items for its slot, the concerns with their answers, and the items no"
        " sentence takes are worked out once per text (`_slot_notes`, `_concerns`, `_unfit`),"
        " so a key in one note reads only that note again. Both are pure functions of their"
        " arguments and return immutable results",
        "render and judge per key (`review.render_and_judge`, CPU time, median of 40 keys,"
        " two interleaved pairs, 2026-12-03): 20,000 words of notes 60.0 / 60.5 -> 22.9 / 21.8"
        " ms, 2,000 words 13.0 / 12.8 -> 9.9 / 9.5 ms, the demo 5.9 / 6.5 -> 6.4 / 6.4 ms;"
        " emails and verdicts the same (a digest over every stage, tone and interviewer at"
        " 200, 2,000 and 20,000 words; 200,000 random texts split alike). In the terminal,"
        " 20,000 words, two interleaved pairs against main before (load 0.8-1.0): at 100 ms a"
        " key preview median 269 / 354 -> 82 / 98 ms, echo p95 183 / 238 -> 99 / 167 ms, keys"
        " coalesced 3 / 8 -> 0 / 2 of 100; at 30 ms echo p95 353 / 458 -> 206 / 216 ms,"
        " preview p95 893 / 895 -> 448 / 464 ms.",
    ),
    (
        "`prose/notes.py`: a read note works out its forms (`words`, `phrase`, `clause`,"
        " `sentence`, `usable`) once (`functools.cached_property` on the frozen `Note`, which"
        " is memoised per item, so the same object comes back at every key); `context.py`: the"
        " concerns joined into one string once per text (taken out again on review: a join of a"
        " few notes whose forms are already worked out needs no memo of its own)",
        "render and judge per key, as above, two interleaved pairs: 20,000 words 21.3 / 20.6"
        " -> 15.2 / 14.9 ms, 2,000 words 8.6 / 8.5 -> 7.5 / 7.4 ms, the demo 5.5 / 5.5 -> 5.2"
        " / 5.4 ms; the same digest. In the terminal, 20,000 words, the second of two"
        " interleaved pairs (the machine sped up during the first): at 100 ms a key echo p95"
        " 54.8 -> 70.0 ms, preview p95 114 -> 116 ms, CPU per key 55.7 -> 52.0 ms, no key"
        " coalesced on either; within what one run moves from the next.",
    ),
    (
        "`app/screens/interviews.py`: the list is Textual's `OptionList`, one line a row, its"
        " cells aligned under a line of column names, the interview's column narrowed to keep"
        " the next follow-up in view on a narrow screen; it was a `DataTable`, which renders"
        " every cell through Rich and, as rows are added, every visible cell again. The lines"
        " up to the cursor's and a screenful after it come first, the rest in one lot once"
        " they are drawn. `interview_rows.py`: each row's cells are worked out in the reading"
        " thread, from the next follow-up its sort found (it was worked out twice)",
        "with 1,000 drafts, timelines of ctrl+o (four of each build, interleaved, load 0.7-1.0):"
        " from the rows handed to the screen to their frame 45-67 -> 28-38 ms; the list done"
        " (every row in, the last frame drawn) about 1,000 -> 490 ms after the key, as each of"
        " the DataTable's lots of a hundred rows was followed by a frame drawing every visible"
        " cell again. First row on screen against main before, three interleaved pairs, twice:"
        " 0.94x (341 / 361 ms) and 1.03x (364 / 353 ms); most of the time is the read and the"
        " push of the screen, which this does not change (Analysis).",
    ),
    (
        "`app/widgets/footer.py`: the footer is compact on every screen. Each of Textual's"
        " footer keys starts compact and is then bound to its footer's style, so a wide"
        " footer restyled every key twice as it was mounted (in the real terminal the main"
        " screen's footer already showed compact, the others wide). `app.tcss`: the compact"
        " footer's palette key docked to the edge (a key beneath it showed through its last"
        " column)",
        "a profile of the UI thread from ctrl+o to the rows handed to the screen, 1,000 drafts:"
        " restyling the footer's keys 188 -> 37 ms of 590 -> 330 ms profiled. Timelines of"
        " ctrl+o with 1,000 drafts, four of each build interleaved: first row 383-407 ->"
        " 220-331 ms. Against main before, same rounds (a slow hour: the one-Static app 465"
        " ms): the interviews list with 1,000 drafts 0.93x (335 / 390 ms, three pairs), time"
        " to usable 0.94x (723 / 765 ms, eight).",
    ),
    (
        "`app/render_process.py`: the live email is rendered and judged in a process of its"
        " own (one spawned worker; the draft and the result pickled), which also reads the"
        " spelling dictionary; it starts once the first email is drawn and takes the renders"
        " over when ready. Until then, and if it cannot start or dies, renders run on a"
        " thread as before",
        "against the build before, same rounds, three full runs: echo p95 at 30 ms 0.85x in"
        " each, preview p95 at 30 ms 0.77-0.88x, at 100 ms 1.04x and 1.00x (the last run);"
        " time to usable 1.04x (1.16x and 1.31x when the process started with the app);"
        " CPU per key, both processes counted, 0.97x and 0.95x. 20,000 words at 30 ms a"
        " key: preview p95 358 -> 140-148 ms. Memory 96 -> 136 MiB in all (three processes)."
        ' Section "The render in a process of its own".',
    ),
    (
        "`app/render_process.py`: the render process is started and spoken to by the app"
        " itself, over its stdin and stdout, which the app's event loop reads and writes: the"
        " `ProcessPoolExecutor` woke two threads of the app's process for each render, and"
        " brought multiprocessing's resource tracker",
        "against the executor, same rounds: CPU per key 0.93x at 30 ms and 0.91x at 100 ms;"
        " echo and preview p95 1.03x and 1.00x at 30 ms, 0.85x and 0.85x at 100 ms; time to"
        " usable 0.96x. A round trip alone: 1.45 -> 0.40 ms of the app's CPU. Memory 136 ->"
        ' 123 MiB in all (two processes). Section "The render process over pipes".',
    ),
    (
        "`app/pause.py`: the header's title (the draft's company and role) and the To"
        " drop-down's names follow the draft once typing pauses, not at each change: the stock"
        " `Header` and `Select` lay the screen out for a new label, so each key typed into the"
        " company, the role or a name laid it out twice",
        "CPU per key typed into the company's name (new group `field`), same rounds: 0.56x"
        " the build before (48.2 / 85.8 ms), 0.76x edd6d50 (48.2 / 63.6 ms; the build before"
        " about 1.35x). A name: 55-57 -> 45-47 ms a key on the UI thread (tmux, /proc)."
        ' Section "Typing into the company\'s name".',
    ),
    (
        "`practices/spelling.py`, `prose/lint.py`: the spelling and the prose linter work out "
        "each line of the email once, and the dictionary's verdict on each word once (a key "
        "changes one line); an unknown word's one-edit neighbours are looked up in the word "
        "counts directly. `app/saving.py`: the autosave sets one timer a pause, not one a key",
        "the render process's job (render and judge, the draft pickled and read back, the "
        "benchmark's typing), against the build before, interleaved: median 2.11-2.21 -> "
        "1.79-1.94 ms, "
        "average 2.86-2.89 -> 2.31-2.46 ms; the same spelling verdicts on 6,000 texts. Within one"
        ' terminal run\'s noise. Section "Where the CPU of a key goes, process by process".',
    ),
    (
        "`practices/spelling.py`, `app/pause.py`: the word at the cursor is judged once the"
        " cursor leaves it or typing pauses for a second (`WordBeingTyped`), not at each key",
        "the render process's job on the benchmark's keys (one long word, so each key was a"
        " new unknown word to look up): average 2.09-2.53 -> 1.71-1.75 ms. The checklist no"
        ' longer warns about each state of a word being typed. Section "Layouts of the screen'
        ' while typing, and the word being typed".',
    ),
    (
        "`app/widgets/email_body.py`: the preview's body is one Line API widget drawing each"
        " paragraph's wrapped lines; its scroll height stays the pane's while the email fits,"
        " and grows in steps of four lines past it. It was a Static a paragraph, and a"
        " paragraph wrapping to a line more laid out the whole screen",
        "layouts of the screen in 200 keys typed into a topic (Pilot, counted): 20 -> 10"
        " (edd6d50: 12). Against edd6d50, same rounds: echo p95 at 30 ms 1.20x -> 0.89x,"
        ' preview p95 1.21x -> 0.86x. Section "Layouts of the screen while typing, and the'
        ' word being typed".',
    ),
)


# What the profiles of the key path show (`bench/profile_keys.py`: cProfile in the child, on
# only while keys are typed; shares of its time, as cProfile slows every call alike).
ANALYSIS: tuple[str, ...] = (
    "**Typing, the demo draft**: the frames cost most, not the core (render and judge take"
    " about 5 ms a change, off the UI thread). A key changes the note, the email body and"
    " often the checklist (the spelling verdict follows a half-typed word): an echo frame"
    " for the note, then a frame for the email. Timed in a Pilot run (compositor only): the"
    " note's frame 5-8 ms, visiting 22 widgets (below, Frames); the email's frame 13-36 ms"
    " while the preview's body was a TextArea, which draws every line in view again after"
    " any edit (its line cache is cleared), and 6 ms with one Static a paragraph. About one"
    " key in ten also lays out the screen (a paragraph or, before it kept spare lines,"
    " the checklist changes height),"
    " 25 ms or so. Keys typed while a frame is drawn land in the next one: that is the"
    " coalescing.",
    "**The garbage collector**: the started app keeps about 150,000 objects the collector"
    " tracks, and a full pass over them took 82-192 ms, three of them in 52 keys typed in a"
    " Pilot run (491 ms in all): a key typed meanwhile waits. With the start-up's objects"
    " frozen out of the passes (`app/collector.py`) the full passes in the same run took 45"
    " and 32 ms.",
    "**Typing, 20,000 words of notes**: work per key that grows with the notes. Rendering"
    " and judging took about 60 ms of CPU a key in the render thread (2026-12-03, before"
    " the notes were read line by line and field by field), 15 ms since: what is left reads"
    " the note typed in, item by item (each item's reading is memoised, the loop over them"
    " is not). The render thread shares the GIL with the UI thread, so a long render slows"
    " the frames drawn meanwhile. A profile of the UI thread (100 keys at 100 ms, after that"
    " change) has the frames at 7.3 of its 10 s: 75 frames for 100 keys, as the echo and the"
    " email often land in one frame, and Textual redraws the rectangle around every change"
    " of a frame, so such a frame visits about 60 widgets (the checklist pane lies between"
    " the notes and the preview); 9 layouts of the screen, when a typed line wraps anew in a"
    " note that tall. Rendering in another process takes the render off the UI's"
    ' interpreter: landed on 2026-12-03 ("The render in a process of its own", below).',
    "**Interviews screen**: in a profile of ctrl+o with 10 drafts (2.8 s profiled at load 5)"
    " Textual's Footer was rebuilt 8 times (it recomposes at each change of the bindings:"
    " the screen push, the focus, the stack), each FooterKey restyled twice (0.9 s), the"
    " DataTable's first cells rendered 0.3 s, importing the screen and DataTable 0.13 s;"
    " the footer now rebuilds once. With 1,000 drafts, timelines of the child's event loop"
    " (2026-12-03, the list an OptionList): the screen drawn 40-100 ms after the key; the"
    " read 100-140 ms of CPU in its thread (about 75 ms alone: the index's JSON 10, checking"
    " each indexed draft 26-35, the next follow-up of each 18, the cells 12), 170-250 ms of"
    " wall time, as the UI thread builds and draws the screen meanwhile (styling its new"
    " widgets is most of that: Textual matches each against every rule of the app's"
    " stylesheets); the list's first lines 7-11 ms; their frame 28-38 ms later. Ten drafts"
    " take 100-146 ms, so the push of the screen alone is about 100 ms.",
    "**Frames**: Textual's compositor re-renders, for each frame, every widget whose clip"
    " overlaps the rectangle around the regions changed since the last frame; a widget in a"
    " scrolling container is clipped to the container, so a change to one field of the"
    " notes form visited every widget of the form (22 at the demo's size; 16 since the"
    " form is in groups; the bare TextArea's frame visits one). Any frame also visits the"
    " screen's own children (header, drop-downs, panes, footer) and the three panes, whose"
    " clip is the screen. A frame that holds the note and the email together"
    " covers most of the screen (~60 widgets). Cached lines are not drawn again, but each"
    " visit costs its share.",
    "**Time to usable** (cProfile of the UI thread from the spawn until a key typed meanwhile"
    " shows; 7.5 s profiled at load 5): importing Textual and the app 1.6 s; the rest is"
    " Textual building a screen of ~110 widgets: styling them, six layouts, compositing."
    " Focusing the first field restyles the screen (`_update_focus_styles`, 0.48 s); the 12"
    " one-line fields' `Input.__init__` take 0.25 s. The render thread no longer reads the"
    " spelling dictionary while the screen is built (2.3 s of its first render's 3.5 s"
    " profiled, a GIL-holding `json.loads` among it). What is left is the widget count: each"
    " field of the form is a Label and an Input in a Horizontal. Profiled again after the"
    " collector change (2.3 s profiled, the test suite running beside it): imports 0.55 s,"
    " applying styles 0.71 s (1,007 times to 418 nodes), five layouts 0.61 s, compositing"
    " 0.36 s."
    " Since the type-ahead, time to usable is the first paint. Profiled again then (1.06 s"
    " profiled, quiet machine): styles applied 931 times to 388 nodes 0.39 s (543 of them for"
    " component classes), composing 0.23 s, two layouts 0.19 s, focusing the first field"
    " 0.08 s, importing the practices 0.07 s.",
    "**Idle**: the app draws two frames a second, for the cursor blink, and nothing else. The"
    " compositor's update region for a blink frame is the blinking field alone (22x1 cells,"
    " checked by hooking the compositor in a Pilot run), so a blink repaints one line; the"
    " 1.7x over the bare TextArea (17 against 10 ms of CPU a second, quiet machine) is the"
    " price of a frame on a screen of ~110 widgets. An earlier reading of 38x, at load 15,"
    " was the tail of start-up. Counted later (Pilot, 3 s idle): 2 blink frames a second,"
    " each visiting 22 widgets (26 before the form's groups), and the check for a change"
    " to the open draft's file once a second (`FollowupApp.check_disk`, one stat).",
)


def section(rows: Sequence[Row], notes: Sequence[str], info: dict[str, str]) -> str:
    """The whole section, between its markers."""
    body = [
        START,
        "## In a real terminal (`python bench/terminal_bench.py --write`)",
        "",
        f"Written on {info['date']}, in {info['seconds']} s; {info['settings']}.",
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs; load average at the start"
        f" and end: {info['load_start']} / {info['load_end']} (a shared machine: the ratios"
        " within a round are what mean something).",
        "",
        table(rows),
        "",
        *[f"- {n}" for n in notes],
        f"- {BASELINE}",
        f"- {BASE_CAVEAT}",
        "",
        "### What the profiles show",
        "",
        *[f"- {a}" for a in ANALYSIS],
        "",
        "### Changes made for issue 15",
        "",
        "| change | measured effect |",
        "| --- | --- |",
        *[f"| {change} | {effect} |" for change, effect in CHANGES],
        END,
    ]
    return "\n".join(body)


def write_results(text: str, path: Path = RESULTS) -> None:
    """Put the section in RESULTS.md in place of the last one (or before "How it is measured")."""
    old = path.read_text() if path.exists() else "# Speed benchmark results\n"
    if START in old and END in old:
        head, rest = old.split(START, 1)
        new = head + text + rest.split(END, 1)[1]
    elif HOW in old:
        head, rest = old.split(HOW, 1)
        new = f"{head}{text}\n\n{HOW}{rest}"
    else:
        new = f"{old.rstrip()}\n\n{text}\n"
    path.write_text(new)


def kept_section(path: Path = RESULTS) -> str:
    """The terminal section of RESULTS.md as it stands ("" if none), for `run.py --write`."""
    old = path.read_text() if path.exists() else ""
    if START not in old or END not in old:
        return ""
    return START + old.split(START, 1)[1].split(END, 1)[0] + END
