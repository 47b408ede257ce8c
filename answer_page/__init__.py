"""The answer page (`/antwoord/<token>`): a server-rendered Dutch form behind the personal link in
a mail. No JavaScript, no cookies, readable on a phone; the token is the only key. It runs in
the bot's own web server beside /slack/events."""
from __future__ import annotations

import logging
from urllib.parse import parse_qs

from delivery.mail.compose import environment
from service.answer_limit import allowed
from service.answers import Page, answer, show
from service.runtime import Runtime

log = logging.getLogger(__name__)
PREFIX = "/antwoord/"
MAX_BODY = 64 * 1024
HEADERS = [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store"),
           ("Referrer-Policy", "no-referrer"), ("X-Frame-Options", "DENY"), ("X-Content-Type-Options", "nosniff"),
           ("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")]
STATUS = {"form": "200 OK", "thanks": "200 OK", "used": "200 OK", "expired": "410 Gone", "withdrawn": "410 Gone",
          "unknown": "404 Not Found", "limited": "429 Too Many Requests", "bad": "400 Bad Request"}
MESSAGES = {
    "thanks": ("Dank u wel", "Uw antwoord op {ref} is doorgegeven aan {requester}, in het kanaal van regio {region}. "
                              "U hoeft verder niets te doen."),
    "declined": ("Dank u wel", "Wij hebben doorgegeven aan {requester} dat u niet reageert op {ref}, of dat de vraag "
                               "niet op u van toepassing is. U krijgt hierover geen herinneringen meer."),
    "used": ("Deze vraag is al beantwoord", "Op {answered_on} is via deze link al een antwoord op {ref} gegeven. "
                                            "Wilt u iets aanvullen? Neem dan contact op met {contact}."),
    "withdrawn": ("Deze vraag is ingetrokken", "{requester} heeft vraag {ref} ingetrokken: u hoeft niet meer te "
                                               "antwoorden. Vragen? Neem contact op met {contact}."),
    "expired": ("Deze link is verlopen", "De link bij vraag {ref} was geldig tot 30 dagen na de deadline ({deadline}). "
                                         "Neem contact op met {contact} als u nog wilt reageren."),
    "unknown": ("Deze link kennen we niet", "Controleer of u de hele link uit de e-mail heeft gebruikt. Bestaat de "
                                            "vraag nog? Neem dan contact op met degene die hem stelde."),
    "limited": ("Even geduld", "Er is te vaak geprobeerd via deze link te antwoorden. Probeer het over tien minuten opnieuw."),
    "bad": ("Dat lukte niet", "Het formulier kwam niet goed aan. Open de link uit de e-mail opnieuw."),
}
PROBLEMS = {
    "answer_empty": "Er staat nog geen antwoord in het tekstvak. Schrijf uw antwoord, of kies 'Wij reageren niet / niet van toepassing'.",
    "answer_too_long": "Uw antwoord is langer dan {limit} tekens. Maak het korter; er is nog niets verstuurd.",
    "err_bsn": "Uw antwoord lijkt een burgerservicenummer (BSN) te bevatten. Regiowacht bewaart geen persoonsgegevens "
               "van inwoners: er is niets verstuurd en het nummer wordt niet getoond. Verwijs naar de casus met een "
               "zaaknummer en verstuur uw antwoord opnieuw.",
}


class AnswerPage:
    def __init__(self, rt: Runtime):
        self.rt = rt

    def __call__(self, environ, start_response):
        token = environ.get("PATH_INFO", "")[len(PREFIX):].strip("/")
        method = environ.get("REQUEST_METHOD", "GET")
        try:
            if method == "POST":
                state, html = self._post(token, environ)
            elif method in ("GET", "HEAD"):
                page = show(self.rt, token)
                state, html = page.state, self._render(page)
            else:
                start_response("405 Method Not Allowed", [("Allow", "GET, POST")] + HEADERS)
                return [b""]
        except Exception as error:  # noqa: BLE001 - one line, never a traceback page
            log.error("answer page failed: %s", type(error).__name__)
            start_response("503 Service Unavailable", HEADERS)
            return [self._message("Even geen verbinding", "Het antwoord kon nu niet worden verwerkt; er is niets "
                                  "verstuurd. Probeer het over een paar minuten opnieuw.").encode()]
        body = html.encode()
        start_response(STATUS[state], HEADERS + [("Content-Length", str(len(body)))])
        return [b""] if method == "HEAD" else [body]

    def _post(self, token: str, environ) -> tuple[str, str]:
        if not allowed(self.rt, token):
            return "limited", self._message(*MESSAGES["limited"])
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = -1
        if not 0 <= length <= MAX_BODY:
            return "bad", self._message(*MESSAGES["bad"])
        try:
            form = parse_qs(environ["wsgi.input"].read(length).decode("utf-8"), keep_blank_values=True)
        except (UnicodeDecodeError, ValueError):
            return "bad", self._message(*MESSAGES["bad"])
        declined = (form.get("actie") or [""])[0] == "niet"
        typed = (form.get("antwoord") or [""])[0]
        page = answer(self.rt, token, typed, declined)
        if page.state == "thanks" and declined:
            return page.state, self._message(*MESSAGES["declined"], **page.facts)
        # Refill what was typed, except when it held a BSN: that is never shown back.
        return page.state, self._render(page, typed="" if page.problem == "err_bsn" else typed)

    def _render(self, page: Page, typed: str = "") -> str:
        if page.state == "form":
            problem = PROBLEMS[page.problem].format(**page.facts) if page.problem else None
            return environment().get_template("answer/form.html").render(**page.facts, problem=problem, typed=typed)
        return self._message(*MESSAGES[page.state], **page.facts)

    @staticmethod
    def _message(heading: str, body: str, **facts) -> str:
        return environment().get_template("answer/message.html").render(heading=heading, body=body.format(**facts))
