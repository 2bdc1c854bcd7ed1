"""`Related:` references as authors write them."""


def split_references(value) -> list[str]:
    """`Related:` as written: one string with commas, or a list of lines."""
    parts = value if isinstance(value, list | tuple) else str(value).split(",")
    return [part.strip() for part in parts if part and part.strip()]
