"""Rendering for people: the source-attributed brief (Markdown, HTML, text) and the static report site."""
