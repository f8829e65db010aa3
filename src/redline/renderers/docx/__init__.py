"""The Word (.docx) renderer: the redline as native tracked changes (`render.render_docx`)."""
