"""The local console: the same `/inkoop` lines, typed as a chosen user in a chosen channel, with
the answers and the channel posts printed as plain text. No Slack needed."""
from __future__ import annotations

import atexit
import itertools
import sys
import threading
import time
from email import policy
from email.parser import BytesParser
from pathlib import Path
from socketserver import ThreadingMixIn

from domain.permissions import Actor
from domain.text_input import from_console
from service.home import home_for, press_home
from service.interactions import press_urgent, run_command
from views.text import blocks_to_text

OUT = Path("out")  # where the console puts exports and timelines
BANNER = """Regiowacht console (zonder Slack). Typ een opdracht zoals in Slack, bijv. `{cmd} help` of `status`.
Je bent {user} in kanaal {channel}{admin}. Verder: `:gebruiker U_X`, `:kanaal C_X`, `:beheerder aan|uit`,
`:knop U1 oppakken|opgelost`, `:knop T3 klaar`, `:knop I2 ontvangen` (de knoppen in Slack), `:thuis` (je App Home), `:stop`."""
# The buttons Slack shows, by the kind of item they sit under: word typed -> (button, item table).
BUTTONS = {"U": {"oppakken": "ack", "opgepakt": "ack", "ack": "ack", "opgelost": "resolve", "oplossen": "resolve",
                 "resolve": "resolve"},
           "T": {"klaar": "home_done", "done": "home_done"},
           "I": {"ontvangen": "home_received", "received": "home_received"}}
UNKNOWN = ("Onbekend: typ `:gebruiker U_X`, `:kanaal C_X`, `:beheerder aan`, `:knop U1 oppakken`, `:knop T3 klaar`, "
           "`:knop I2 ontvangen`, `:thuis` of `:stop`.")


class ConsolePrinter:
    """Stands in for Slack's Web API: what the bot sends is printed."""

    def __init__(self, out=sys.stdout):
        self.out = out
        self._ts = itertools.count(1)

    def api_call(self, api_method: str, *, json: dict | None = None) -> dict:
        if api_method.startswith("conversations."):  # the outbox looking for an earlier delivery: none here
            return {"ok": True, "channel": {"id": (json or {}).get("users", "")}, "messages": []}
        payload = json or {}
        where = payload.get("channel", "?")
        label = {"chat.update": "bijgewerkt", "views.publish": "App Home"}.get(api_method, "bericht")
        print(f"\n  ┌ [{label} in {where}]", file=self.out)
        for line in blocks_to_text(payload.get("blocks", []), payload.get("text", "")).splitlines():
            print(f"  │ {line}", file=self.out)
        print("  └", file=self.out)
        return {"ok": True, "ts": f"{time.time():.0f}.{next(self._ts):06d}", "channel": where}


def run_console(rt, *, team: str, user: str, channel: str, admin: bool, answer_page=None, stdin=sys.stdin,
                out=sys.stdout) -> int:
    """The console on a runtime whose client is a ConsolePrinter; `answer_page` (a WSGI app) is
    served on PORT so links in mails can be opened."""
    settings = rt.settings
    # Whether each user is an admin, remembered: switching back to someone keeps what they were.
    state = {"user": user, "channel": channel, "admin": admin, "admins": {user: admin}}
    say = lambda text="": print(text, file=out)  # noqa: E731
    say(BANNER.format(cmd=settings.slash_command, user=user, channel=channel, admin=" (beheerder)" if admin else ""))
    if answer_page is not None:
        _serve_answer_page(rt, answer_page, say)
    mailbox = Mailbox(Path(settings.mail_dir))
    rt.sender.deliver()  # what earlier runs left in the outbox
    mailbox.show_new(say)
    interactive = stdin.isatty()
    if interactive:
        _line_editing()
    while True:
        try:
            line = input(f"\n{state['user']} in {state['channel']}> ") if interactive else stdin.readline()
        except EOFError:
            line = ""
        except KeyboardInterrupt:
            say()
            return 0
        if not line and not interactive:
            return 0
        line = line.strip()
        if not line:
            continue
        if not interactive:
            say(f"\n> {line}")
        actor = Actor(team_id=team, user_id=state["user"], channel_id=state["channel"], language=settings.language,
                      admin_check=lambda: state["admin"] or state["user"] in settings.admins)
        if line.startswith(":"):
            word, _, rest = line[1:].partition(" ")
            if word in ("stop", "quit", "exit"):
                return 0
            if word in ("gebruiker", "user") and rest:
                # Another person is no admin unless said so (or in BOT_ADMINS): permissions show as in Slack.
                state["user"] = rest.strip()
                state["admin"] = state["admins"].get(state["user"], False)
                say(_whoami(state, settings))
            elif word in ("kanaal", "channel") and rest:
                state["channel"] = rest.strip()
                say(_whoami(state, settings))
            elif word in ("beheerder", "admin"):
                state["admin"] = state["admins"][state["user"]] = rest.strip() in ("aan", "on", "ja", "yes")
                say(_whoami(state, settings))
            elif word in ("knop", "button") and len(rest.split()) == 2:
                _press(rt, actor, *rest.split(), say)
            elif word in ("thuis", "home"):
                say(blocks_to_text(home_for(rt, actor).to_dict()["blocks"]))
            else:
                say(UNKNOWN)
            continue
        if line.startswith(settings.slash_command):
            line = line[len(settings.slash_command):].strip()
        answer = run_command(rt, actor, from_console(line))
        if answer.modal is not None:
            say("(In Slack opent nu een formulier met deze velden; typ ze hier op één regel, zie `help`.)")
            say(blocks_to_text(answer.modal.to_dict()["blocks"]))
        else:
            say(blocks_to_text(answer.blocks, answer.text))
        for file in answer.files:  # in Slack these arrive as a direct message
            path = OUT / file.name
            OUT.mkdir(exist_ok=True)
            path.write_bytes(file.content)
            say(f"  → {path}")
        mailbox.show_new(say)


def _whoami(state: dict, settings) -> str:
    admin = state["admin"] or state["user"] in settings.admins
    return f"Je bent nu {state['user']} in kanaal {state['channel']} ({'beheerder' if admin else 'geen beheerder'})."


HISTORY = Path.home() / ".regiowacht_history"


class Mailbox:
    """Without SMTP_URL mails are .eml files in MAIL_DIR: the console shows each new one."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.seen = set(directory.glob("*.eml")) if directory.is_dir() else set()

    def show_new(self, say) -> None:
        if not self.directory.is_dir():
            return
        for path in sorted(set(self.directory.glob("*.eml")) - self.seen, key=lambda p: p.stat().st_mtime):
            self.seen.add(path)
            message = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
            say(f"  ✉ e-mail aan {message['To']}: {message['Subject']}\n    {path}")


def _serve_answer_page(rt, application, say) -> None:
    """The answer page on PORT, so a link in a mail can be opened and answered in a browser."""
    from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

    class Quiet(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    class Threading(ThreadingMixIn, WSGIServer):
        daemon_threads = True

    try:
        server = make_server("127.0.0.1", rt.settings.port, application,
                             server_class=Threading, handler_class=Quiet)
    except OSError:
        say(f"(Poort {rt.settings.port} is bezet: de antwoordpagina draait nu niet. Kies een andere met PORT=….)")
        return
    threading.Thread(target=server.serve_forever, daemon=True).start()
    say(f"Antwoordpagina voor links in e-mails: {rt.settings.answer_base}/antwoord/…")


def _line_editing() -> None:
    """Arrow keys, editing and history across sessions, as in any shell (readline)."""
    try:
        import readline
    except ImportError:  # Windows without pyreadline: plain input still works
        return
    try:
        readline.read_history_file(HISTORY)
    except OSError:
        pass
    readline.set_history_length(1000)
    atexit.register(_save_history, readline)


def _save_history(readline) -> None:
    try:
        readline.write_history_file(HISTORY)
    except OSError:
        pass


def _press(rt, actor: Actor, ref: str, button: str, say) -> None:
    """A button as Slack shows it under an item of this channel: Oppakken / Opgelost under an
    urgent case, Klaar under a task and Ontvangen under an input request (App Home)."""
    from store.db import session_scope
    from store.queries import item_by_ref
    ref = ref.upper().lstrip("#")
    buttons = BUTTONS.get(ref[:1], {})
    action = buttons.get(button.lower())
    if action is None:
        words = " of ".join(f"`:knop {ref} {word}`" for word in dict.fromkeys(
            next(w for w, a in buttons.items() if a == act) for act in buttons.values()))
        say(f"Onder {ref} zit geen knop '{button}'" + (f": typ {words}." if words else
                                                      ": knoppen zitten onder urgente signalen (U), taken (T) en inputverzoeken (I)."))
        return
    with session_scope(rt.engine) as session:
        item = item_by_ref(session, actor.team_id, ref)
        item_id = item.id if item is not None else None
    if item_id is None:
        say(f"Ik vind {ref} niet.")
        return
    if ref.startswith("U"):
        answer = press_urgent(rt, actor, item_id, action)
    else:
        answer = press_home(rt, actor, action, item_id)
    say(blocks_to_text(answer.blocks, answer.text) if answer is not None else f"{ref}: {button.lower()}.")
