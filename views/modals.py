"""The forms that a creating subcommand opens when typed without arguments. Each field's block_id
is the command's field key, so a submission runs through the very same code as the typed command
and an error lands next to the field that caused it."""
from __future__ import annotations

from dataclasses import dataclass

from slack_sdk.models.blocks import (
    ContextBlock,
    InputBlock,
    Option,
    PlainTextInputElement,
    PlainTextObject,
    SectionBlock,
    StaticSelectElement,
    UserSelectElement,
)
from slack_sdk.models.views import View

from domain.names import read_person
from domain.text_input import as_typed, clean, field_limit, to_plain
from domain.texts import t
from views.layout import CONTEXT_TEXT, posted


@dataclass(frozen=True)
class FormField:
    key: str
    label: str
    optional: bool = False
    multiline: bool = False
    person: bool = False       # also offers a Slack user picker
    placeholder: str | None = None
    choices: tuple[str, ...] = ()  # a menu of these values, not free text
    choice_texts: str = ""         # text key prefix of their labels: `sev_` + `hoog`
    default: str | None = None


_DEADLINE = FormField("deadline", "field_deadline", placeholder="placeholder_deadline")
FORMS: dict[str, tuple[FormField, ...]] = {
    "traject": (FormField("title", "field_title"), FormField("regio", "field_regio"),
                FormField("gemeenten", "field_gemeenten", optional=True, multiline=True),
                FormField("contracteinde", "field_contracteinde", placeholder="placeholder_deadline"),
                FormField("start", "field_start", optional=True), FormField("implementatie", "field_implementatie", optional=True),
                FormField("domein", "field_domein", optional=True)),
    "besluit": (FormField("title", "field_title"), _DEADLINE, FormField("door", "field_door", optional=True)),
    "input": (FormField("title", "field_question", multiline=True), FormField("van", "field_van", optional=True, person=True),
              FormField("rol", "field_rol", optional=True), _DEADLINE, FormField("voor", "field_voor", optional=True)),
    "taak": (FormField("title", "field_title"), FormField("eigenaar", "field_eigenaar", optional=True, person=True),
             _DEADLINE, FormField("na", "field_na", optional=True)),
    "urgent": (FormField("title", "field_description", multiline=True),
               FormField("ernst", "field_ernst", choices=("hoog", "middel", "laag"), choice_texts="sev_",
                         default="middel")),
}
# The answer to an input request, from the Antwoorden button on its DM; the request travels in the
# form's sealed metadata, so the one field is the answer itself.
FORMS["ontvangen"] = (FormField("title", "field_answer", multiline=True),)
PERSON_PICKER = "{key}_user"  # block id of a field's Slack user picker


def _choice_element(field: FormField, lang: str, chosen: str | None) -> StaticSelectElement:
    options = [Option(value=value, label=t(lang, f"{field.choice_texts}{value}")) for value in field.choices]
    initial = next((o for o in options if o.value == (chosen or field.default)), None)
    return StaticSelectElement(action_id="value", options=options, initial_option=initial)


def form_modal(name: str, lang: str, private_metadata: str, values: dict[str, str] | None = None,
               problem: str | None = None, intro: str | None = None) -> View:
    """The form; `values` (stored text: what was submitted, or a message's text) fills it in as it
    was typed, a mention in its person picker; `problem` is shown on top (a slow submission's
    error, or why a prefill was left out); `intro` says what it is for. Each field takes as many
    characters as the typed command allows."""
    blocks = []
    if problem:
        blocks.append(SectionBlock(text=posted("⚠️ " + problem)))
    if intro:
        blocks.append(ContextBlock(elements=[posted(intro, CONTEXT_TEXT)]))
    for field in FORMS[name]:
        placeholder = PlainTextObject(text=t(lang, field.placeholder)) if field.placeholder else None
        stored = (values or {}).get(field.key) or None
        picked = read_person(stored).user_id if field.person and stored else None
        limit = field_limit(name, field.key)
        typed = to_plain(stored)[:limit] if stored and not picked else None
        element = (_choice_element(field, lang, typed) if field.choices else
                   PlainTextInputElement(action_id="value", multiline=field.multiline, placeholder=placeholder,
                                         initial_value=typed, max_length=limit))
        blocks.append(InputBlock(block_id=field.key, label=t(lang, field.label), optional=field.optional,
                                 element=element))
        if field.person:
            blocks.append(InputBlock(block_id=PERSON_PICKER.format(key=field.key), optional=True,
                                     label=t(lang, f"field_{field.key}_user"),
                                     element=UserSelectElement(action_id="value", initial_user=picked)))
    return View(type="modal", callback_id=f"form_{name}", title=t(lang, f"modal_{name}"),
                submit=t(lang, "modal_submit"), close=t(lang, "modal_cancel"), blocks=blocks,
                private_metadata=private_metadata)


def notice_modal(title_key: str, lang: str, text: str) -> View:
    """A modal that only tells something: "saving…", or what a slow submission stored."""
    return View(type="modal", title=t(lang, title_key), close=t(lang, "modal_close"),
                blocks=[SectionBlock(text=posted(text))])


def saved_modal(lang: str, blocks: list[dict]) -> View:
    """What a slow submission stored: its answer, in the form's place."""
    return View(type="modal", title=t(lang, "modal_saved"), close=t(lang, "modal_close"), blocks=blocks)


def read_submission(name: str, state_values: dict) -> tuple[str, dict[str, str]]:
    """(free text, fields) from a view_submission's state, in the command's own terms."""
    def value(block_id: str) -> str | None:
        element = state_values.get(block_id, {}).get("value", {})
        return element.get("value") or element.get("selected_user") or (element.get("selected_option") or {}).get("value")

    fields: dict[str, str] = {}
    for field in FORMS[name]:
        if field.person and value(PERSON_PICKER.format(key=field.key)):
            fields[field.key] = f"<@{value(PERSON_PICKER.format(key=field.key))}>"
        elif value(field.key):
            # Typed into a form, text arrives raw: stored as typed, where a typed `<!channel>` or
            # `<@U1>` is text, not a broadcast or a mention.
            fields[field.key] = as_typed(clean(value(field.key)))
    title = fields.pop("title", "")
    return title, fields


def error_block(name: str, field: str | None) -> str:
    """The block an error is shown under: its own field, or the first one."""
    keys = [f.key for f in FORMS[name]]
    return field if field in keys else keys[0]
