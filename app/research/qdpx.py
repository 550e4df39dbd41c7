"""A study as a REFI-QDA project (``.qdpx``): a qualitative-analysis program opens it coded.

The REFI-QDA project standard (QDA-XML, namespace ``urn:QDA-XML:project:1.0``) describes a
``.qdpx`` file as a ZIP archive holding ``project.qde``, the project in XML, and the sources'
texts in a ``Sources`` folder, each referred to as ``internal://<file>``. Kumppani writes

- one text source per event: its title, date, kind and phase, then its entries in the order
  written, each under a line naming its type, tensions and phase;
- a code book with a code for each entry type and each tension (grouped under two codes that
  are not themselves codable) and, when private entries are included, a code that marks them;
- one selection per entry spanning exactly the entry's text (``startPosition`` and
  ``endPosition`` count Unicode characters from the start of the source, the end exclusive),
  coded with its type and tensions;
- cases for the people (their pseudonyms) and the organizations (their roles) with their
  attributes as variables, each case referring to the events its people attended.

Every GUID is derived from the partnership's and the record's ids (a UUID version 5), so
exporting the same diary again gives the same GUIDs and a program can match the two projects.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from io import BytesIO

from app.domain import EntryType, Tension, Visibility
from app.domain.labels import (
    entry_type_name,
    event_kind_name,
    level_name,
    phase_name,
    role_name,
    tension_name,
)
from app.i18n import N_, _
from app.research.study import Study, StudyEvent
from app.version import version

NS = "urn:QDA-XML:project:1.0"
_ROOT = uuid.UUID("6f1d3c2a-5b0e-4d7a-9c61-2f8a4b7e9d10")  # Kumppani's namespace for GUIDs

Tr = Callable[[str], str]


def guid(study: Study, kind: str, key: str) -> str:
    """The stable GUID of one thing of the study (``kind`` "code", "entry", "event"…)."""
    return str(uuid.uuid5(_ROOT, f"{study.id}\x1f{kind}\x1f{key}"))


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def _sub(parent: ET.Element, tag: str, **attributes: str) -> ET.Element:
    return ET.SubElement(parent, _q(tag), attributes)


@dataclass(slots=True)
class _Source:
    """One event's text and where each of its entries lies in it."""

    text: str
    spans: list[tuple[int, int]] = field(default_factory=list)


def event_source(event: StudyEvent, tr: Tr = _) -> _Source:
    """The text of an event's source and the span of each entry's text in it."""
    parts: list[str] = [event.title, "\n"]
    about = [event.when.replace("T", " "), event_kind_name(event.kind, tr)]
    if event.phase is not None:
        about.append(phase_name(event.phase, tr))
    parts += [" · ".join(about), "\n"]
    if event.attended:
        parts += [tr("Present: {people}").format(people=", ".join(event.attended)), "\n"]
    source = _Source("")
    position = sum(len(p) for p in parts)
    for entry in event.entries:
        heading = "\n[" + " · ".join(
            _entry_labels(entry.type, entry.tensions, entry.visibility, tr)
        )
        heading += "]\n"
        parts.append(heading)
        position += len(heading)
        parts.append(entry.text)
        source.spans.append((position, position + len(entry.text)))
        position += len(entry.text)
        parts.append("\n")
        position += 1
    source.text = "".join(parts)
    return source


def _entry_labels(
    kind: EntryType, tensions: Iterable[Tension], visibility: Visibility, tr: Tr
) -> list[str]:
    labels = [entry_type_name(kind, tr)]
    labels += [tension_name(t, tr) for t in tensions]
    if visibility == Visibility.PRIVATE:
        labels.append(tr("Private"))
    return labels


def build_project(
    study: Study, tr: Tr = _, now: datetime | None = None
) -> tuple[bytes, dict[str, str]]:
    """``project.qde`` as bytes and the sources' texts by their file name."""
    stamp = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    ET.register_namespace("", NS)
    user = guid(study, "user", "kumppani")
    root = ET.Element(
        _q("Project"),
        {
            "name": study.title,
            "origin": f"Kumppani {version()}",
            "creatingUserGUID": user,
            "creationDateTime": stamp,
        },
    )
    users = _sub(root, "Users")
    _sub(users, "User", guid=user, name="Kumppani", id="kumppani")
    codes = _codebook(root, study, tr)
    variables = _variables(root, study, tr)
    sources_by_event = {e.id: guid(study, "event", e.id) for e in study.events}
    _cases(root, study, variables, sources_by_event, tr)
    sources = _sub(root, "Sources")
    files: dict[str, str] = {}
    for event in study.events:
        source = event_source(event, tr)
        source_guid = sources_by_event[event.id]
        file_name = f"{source_guid}.txt"
        files[file_name] = source.text
        element = _sub(
            sources,
            "TextSource",
            guid=source_guid,
            name=f"{event.when[:10]} {event.title}",
            plainTextPath=f"internal://{file_name}",
            creatingUser=user,
            creationDateTime=stamp,
        )
        for entry, (start, end) in zip(event.entries, source.spans, strict=True):
            selection = _sub(
                element,
                "PlainTextSelection",
                guid=guid(study, "entry", entry.id),
                name=entry_type_name(entry.type, tr),
                startPosition=str(start),
                endPosition=str(end),
                creatingUser=user,
                creationDateTime=stamp,
            )
            applied = [codes[entry.type.value], *(codes[t.value] for t in entry.tensions)]
            if entry.visibility == Visibility.PRIVATE:
                applied.append(codes["private"])
            for code in applied:
                coding = _sub(
                    selection,
                    "Coding",
                    guid=guid(study, "coding", f"{entry.id}\x1f{code}"),
                    creatingUser=user,
                    creationDateTime=stamp,
                )
                _sub(coding, "CodeRef", targetGUID=code)
        _value(element, variables["date"], "DateValue", event.when[:10])
        _value(element, variables["kind"], "TextValue", event_kind_name(event.kind, tr))
        if event.phase is not None:
            _value(element, variables["phase"], "TextValue", phase_name(event.phase, tr))
    ET.indent(root, space=" ")
    xml = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return xml, files


def _codebook(root: ET.Element, study: Study, tr: Tr) -> dict[str, str]:
    """The code book; returns the GUID of each codable code by entry type, tension or
    "private"."""
    codes_element = _sub(_sub(root, "CodeBook"), "Codes")
    found: dict[str, str] = {}
    groups: list[tuple[str, str, list[tuple[str, str]]]] = [
        (
            "types",
            tr("Entry type"),
            [(t.value, entry_type_name(t, tr)) for t in EntryType],
        ),
        ("tensions", tr("Tension"), [(t.value, tension_name(t, tr)) for t in Tension]),
    ]
    for key, name, members in groups:
        group = _sub(
            codes_element, "Code", guid=guid(study, "code", key), name=name, isCodable="false"
        )
        for value, label in members:
            found[value] = guid(study, "code", value)
            _sub(group, "Code", guid=found[value], name=label, isCodable="true")
    if study.include_private:
        found["private"] = guid(study, "code", "private")
        private = _sub(
            codes_element, "Code", guid=found["private"], name=tr("Private entry"), isCodable="true"
        )
        ET.SubElement(private, _q("Description")).text = tr(
            "The facilitator's own entry, never shown to the partners."
        )
    return found


# Variable key → (name, type of the values).
_VARIABLES = {
    "title": (N_("Job title"), "Text"),
    "side": (N_("Side"), "Text"),
    "organization": (N_("Organization"), "Text"),
    "level": (N_("Level"), "Text"),
    "sponsor": (N_("Sponsor"), "Boolean"),
    "role": (N_("Role"), "Text"),
    "date": (N_("Event date"), "Date"),
    "kind": (N_("Event kind"), "Text"),
    "phase": (N_("Phase"), "Text"),
}


def _variables(root: ET.Element, study: Study, tr: Tr) -> dict[str, str]:
    element = _sub(root, "Variables")
    found: dict[str, str] = {}
    for key, (name, kind) in _VARIABLES.items():
        found[key] = guid(study, "variable", key)
        _sub(element, "Variable", guid=found[key], name=tr(name), typeOfVariable=kind)
    return found


def _value(parent: ET.Element, variable: str, tag: str, value: str) -> None:
    holder = _sub(parent, "VariableValue")
    _sub(holder, "VariableRef", targetGUID=variable)
    ET.SubElement(holder, _q(tag)).text = value


def _cases(
    root: ET.Element, study: Study, variables: dict[str, str], sources: dict[str, str], tr: Tr
) -> None:
    cases = _sub(root, "Cases")
    for person in study.people:
        case = _sub(cases, "Case", guid=guid(study, "person", person.key), name=person.key)
        if person.title:
            _value(case, variables["title"], "TextValue", person.title)
        _value(case, variables["side"], "TextValue", role_name(person.side, tr))
        _value(case, variables["organization"], "TextValue", person.organization)
        if person.level is not None:
            _value(case, variables["level"], "TextValue", level_name(person.level, tr))
        _value(case, variables["sponsor"], "BooleanValue", "true" if person.sponsor else "false")
        for event in study.events:
            if person.key in event.attended:
                _sub(case, "SourceRef", targetGUID=sources[event.id])
    members = {p.key: p.organization for p in study.people}
    for org in study.organizations:
        case = _sub(cases, "Case", guid=guid(study, "organization", org.key), name=org.key)
        _value(case, variables["role"], "TextValue", role_name(org.role, tr))
        for event in study.events:
            if any(members.get(k) == org.key for k in event.attended):
                _sub(case, "SourceRef", targetGUID=sources[event.id])


def qdpx_bytes(study: Study, tr: Tr = _, now: datetime | None = None) -> bytes:
    """The whole ``.qdpx`` archive."""
    xml, files = build_project(study, tr, now)
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", xml)
        for name, text in files.items():
            archive.writestr(f"Sources/{name}", text.encode("utf-8"))
    return buffer.getvalue()
