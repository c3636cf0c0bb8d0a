"""Notes to prose: reading what the user typed into forms that fit a sentence, and a linter.

`notes` reads a note's items (shape, person, lead-ins); `person` turns a remark about the
reader into one to them; `lint` finds what a careful reader would stumble on in an email.
No Textual here: this is the core.
"""
