#!/usr/bin/env python3
"""Run a drizzle-kit command under a pseudo-terminal and answer its
"created or renamed?" prompts deterministically.

usage: drive.py ANSWERS_FILE VERSION -- COMMAND [ARGS...]

ANSWERS_FILE lines (blank lines and '#' comments ignored):

    <version>  <kind>  <subject>  <answer>

  kind     column | table | enum | schema | sequence | view | ... (the word
           drizzle-kit prints: "Is X <kind> created or renamed ...")
  subject  the entity as drizzle-kit names it in the prompt; for columns
           "<table>.<column>" (table as printed, e.g. "users" or "saas.users")
  answer   "create"  -> pick "+ X create <kind>"
           "rename:<from>" -> pick "~ <from> > X rename <kind>"

Every prompt must have an answer and every answer for VERSION must be used,
otherwise the run fails (so schema edits cannot silently change the history).

Needs python3 `pexpect` (pip install pexpect).
"""
import os
import re
import sys
import time

import pexpect

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Za-z0-9]|\r")
C = r"(?:\x1b\[[0-9;]*m)*"  # colour codes, in case colours are not disabled
QUESTION = re.compile(
    rf"Is {C}([^\s\x1b]+){C} (\w+)(?: in {C}([^\s\x1b]+){C} table)? created or renamed from another \w+\?"
)
ITEM = re.compile(r"^\s*(?:\u276f\s*)?([+~])\s+(.+?)\s+(create|rename) (\w+)\s*$")


def load_answers(path, version):
    answers = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            parts = line.split()
            if len(parts) != 4:
                sys.exit(f"{path}:{n}: expected 4 fields, got {line!r}")
            ver, kind, subject, answer = parts
            if answer != "create" and not answer.startswith("rename:"):
                sys.exit(f"{path}:{n}: answer must be create or rename:<from>")
            if ver == version:
                answers[(kind, subject)] = answer
    return answers


def settle(child, quiet=0.4, limit=10.0):
    """Collect output until the child has been silent for `quiet` seconds."""
    out = child.buffer  # already read by expect() but not yet consumed
    child.buffer = ""
    deadline = time.time() + limit
    while time.time() < deadline:
        try:
            out += child.read_nonblocking(65536, timeout=quiet)
        except pexpect.TIMEOUT:
            return out
        except pexpect.EOF:
            return out
    return out


def main():
    if len(sys.argv) < 5 or sys.argv[3] != "--":
        sys.exit(__doc__)
    answers_file, version, cmd = sys.argv[1], sys.argv[2], sys.argv[4:]
    answers = load_answers(answers_file, version) if answers_file != "-" else {}
    used = set()

    env = dict(os.environ, FORCE_COLOR="0", NO_COLOR="1", TERM="xterm")
    child = pexpect.spawn(
        cmd[0], cmd[1:], env=env, encoding="utf-8", dimensions=(80, 300), timeout=300
    )
    transcript = []
    while True:
        idx = child.expect([QUESTION, pexpect.EOF])
        transcript.append(ANSI.sub("", child.before or ""))
        if idx == 1:
            break
        name, kind, table = child.match.group(1), child.match.group(2), child.match.group(3)
        subject = f"{table}.{name}" if table else name
        key = (kind, subject)
        if key in used:
            # a re-render of a prompt we already answered
            continue
        text = ANSI.sub("", child.after + settle(child))
        transcript.append(text)
        items = []
        for line in text.split("\n")[1:]:
            m = ITEM.match(line)
            if m:
                items.append(m)
            elif items:
                break
        if key not in answers:
            child.terminate(force=True)
            sys.exit(
                f"drive.py: no answer for {version} {kind} {subject}\n--- prompt ---\n{text}"
            )
        answer = answers[key]
        choice = None
        for i, m in enumerate(items):
            if answer == "create" and m.group(1) == "+":
                choice = i
            elif answer.startswith("rename:") and m.group(1) == "~":
                frm = m.group(2).split(" \u203a ")[0].strip()
                if frm == answer[len("rename:"):]:
                    choice = i
            if choice is not None:
                break
        if choice is None:
            child.terminate(force=True)
            sys.exit(
                f"drive.py: option {answer} not offered for {version} {kind} {subject}\n--- prompt ---\n{text}"
            )
        print(f"  [{version}] {kind} {subject}: {answer}", file=sys.stderr)
        child.send("\x1b[B" * choice + "\r")
        used.add(key)

    child.close()
    out = "".join(transcript)
    missing = set(answers) - used
    if child.exitstatus != 0 or child.signalstatus is not None:
        sys.exit(f"drive.py: command failed ({child.exitstatus}/{child.signalstatus})\n{out}")
    if missing:
        sys.exit(f"drive.py: answers never asked for {version}: {sorted(missing)}\n{out}")
    if re.search(r"^\s*\w*Error\b", out, re.M):
        sys.exit(f"drive.py: drizzle-kit printed an error\n{out}")


if __name__ == "__main__":
    main()
