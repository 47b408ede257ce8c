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
STATUS = {"form": "200 OK", "thanks": "200 OK", "used": "200 OK", "closed": "200 OK", "expired": "410 Gone",
          "withdrawn": "410 Gone", "unknown": "404 Not Found", "limited": "429 Too Many Requests", "bad": "400 Bad Request"}
# What became of the channel post, after the thanks: only what is true.
POSTED = {
    "sent": "Het staat in het kanaal van regio {region}, bij {requester}.",
    "waiting": "Het wordt doorgegeven in het kanaal van regio {region} zodra Slack het aanneemt; het is bewaard.",
    "given_up": "Het is bewaard, maar kon niet in het kanaal van regio {region} worden geplaatst. Laat {requester} "
                "weten dat u heeft geantwoord, zodat uw antwoord niet gemist wordt.",
}
MESSAGES = {
    "thanks": ("Dank u wel", "Wij hebben uw antwoord op {ref} ontvangen. {posted} Tot de deadline ({deadline}) kunt u "
                             "het via deze link nog aanpassen."),
    "declined": ("Dank u wel", "Wij hebben genoteerd dat u niet reageert op {ref}, of dat de vraag niet op u van "
                               "toepassing is. {posted} U krijgt hierover geen herinneringen meer."),
    "used": ("Deze vraag is al beantwoord", "Op {answered_on} is via deze link geantwoord op {ref}. De deadline "
                                            "({deadline}) is voorbij, dus aanpassen kan hier niet meer. Wilt u iets "
                                            "aanvullen? Neem dan contact op met {contact}."),
    "closed": ("Deze vraag is afgesloten", "{requester} heeft uw antwoord op {ref} op {answered_on} zelf als ontvangen "
                                           "genoteerd; via deze link is niets meer nodig. Wilt u iets aanvullen? "
                                           "Neem dan contact op met {contact}."),
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
               "van inwoners: er is niets verstuurd. Hieronder staat uw tekst, met het nummer onleesbaar gemaakt (••••). "
               "Verwijs naar de casus met een zaaknummer en verstuur uw antwoord opnieuw.",
    "answer_conflict": "Terwijl u schreef, is via deze link al een antwoord gegeven. Het bewaarde antwoord staat hieronder "
                       "in grijs; uw eigen tekst staat in het tekstvak en is nog niet verstuurd. Verstuur hem opnieuw "
                       "als hij dat antwoord moet vervangen.",
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
        seen = (form.get("versie") or [""])[0]
        page = answer(self.rt, token, typed, declined, int(seen) if seen.isdigit() and len(seen) < 6 else None)
        return page.state, self._render(page)

    def _render(self, page: Page) -> str:
        """The form refills what was typed (a suspected BSN masked), or the stored answer to amend."""
        if page.state == "form":
            problem = PROBLEMS[page.problem].format(**page.facts) if page.problem else None
            return environment().get_template("answer/form.html").render(**page.facts, problem=problem,
                                                                         typed=page.typed)
        if page.state == "thanks":
            page.facts["posted"] = POSTED[page.facts["post"]].format(**page.facts)
            return self._message(*MESSAGES["declined" if page.facts["declined"] else "thanks"], **page.facts)
        return self._message(*MESSAGES[page.state], **page.facts)

    @staticmethod
    def _message(heading: str, body: str, **facts) -> str:
        return environment().get_template("answer/message.html").render(heading=heading, body=body.format(**facts))
