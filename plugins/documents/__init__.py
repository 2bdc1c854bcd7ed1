"""Dokumente: every linked PDF, DOCX, ODT, XLSX, ODS shown with type, size, pages, language; PDF accessibility hints."""

from .plugin import register

__all__ = ["register"]
