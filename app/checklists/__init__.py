"""Checklists of the process model: shipped templates and their validation."""

from app.checklists.templates import (
    ChecklistItem,
    Template,
    TemplateError,
    load_templates,
    meeting_items,
    template_items,
)

__all__ = [
    "ChecklistItem",
    "Template",
    "TemplateError",
    "load_templates",
    "meeting_items",
    "template_items",
]
