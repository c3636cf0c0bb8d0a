"""Contact details written in an email's signature, compared with the user's profile.

An email edited by hand keeps the signature it had when it was edited; after the profile
changes (a new phone number), that signature would send the old details.
"""

from __future__ import annotations

import re

from followup_tui.model import Profile

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE_RE = re.compile(r"\+?\d[\d \t().-]{5,}\d")
# A phone number is compared on its last digits: "+44 20 7946 0018" and "020 7946 0018".
PHONE_DIGITS = 7


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def stale_contact(signature: str, profile: Profile) -> str:
    """Why the signature's email or phone is not the profile's (an old one), or "".

    Only details of a kind the profile has are compared: a phone under the name when the
    profile has none is the user's own business.
    """
    own_email = profile.email.strip().casefold()
    if own_email:
        for found in EMAIL_RE.findall(signature):
            if found.casefold() != own_email:
                return f"the signature has {found}, your profile {profile.email.strip()}"
    own_phone = _digits(profile.phone)
    if len(own_phone) >= PHONE_DIGITS:
        for match in PHONE_RE.finditer(signature):
            number = match.group().strip()
            digits = _digits(number)
            if len(digits) >= PHONE_DIGITS and digits[-PHONE_DIGITS:] != own_phone[-PHONE_DIGITS:]:
                return f"the signature has the phone {number}, your profile {profile.phone.strip()}"
    return ""
