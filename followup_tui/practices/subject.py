"""Practice `subject`: a subject line that names the role or the company."""

from __future__ import annotations

from followup_tui.practices.context import WORD_RE, Context, quote, wordset
from followup_tui.practices.placeholders import find_placeholder
from followup_tui.practices.table import G2, Practice, Status, Verdict

PRACTICE = Practice(
    "subject", "Subject names the role or company", G2, False,
    "Put the role or the company in the subject so it is easy to find later.",
)  # fmt: skip

_GENERIC_SUBJECT_WORDS = wordset(
    "thank thanks you for the a an and of to my our your opportunity interview interviewing "
    "interviewed follow following followed up followup meeting today yesterday time "
    "conversation chat call re fwd fw after again note quick just checking in on with "
    "regarding about email message great good lovely wonderful nice pleasant talk today's "
    "productive insightful informative discussion chance hello hi catching up application "
    "applying candidacy status update role position job"
)
# What a role is called: a subject holding one of these names the role even in lower case.
_ROLE_NOUNS = wordset(
    "engineer developer manager analyst designer scientist lead director coordinator "
    "specialist assistant associate consultant administrator architect officer nurse teacher "
    "technician researcher writer copywriter editor accountant recruiter barista electrician "
    "planner intern internship representative advisor adviser executive head partner clerk "
    "agent operator programmer tester strategist marketer producer supervisor chef driver "
    "therapist pharmacist lawyer paralegal"
)


def judge(c: Context) -> Verdict:
    """The subject names the draft's role or company; without a draft, it is specific."""
    subject = c.subject.strip()
    if not subject:
        return Status.FAIL, "no subject line"
    placeholder = find_placeholder(subject)
    if placeholder:
        return Status.FAIL, f"subject has a placeholder {quote(placeholder)}"
    words = [w.lower() for w in WORD_RE.findall(subject)]
    if all(w in _GENERIC_SUBJECT_WORDS for w in words):
        return Status.WARN, "generic subject: name the role or company"
    if c.draft is not None:
        named = [s for s in (c.draft.interview.role, c.draft.interview.company) if s.strip()]
        if named:
            low = " ".join(subject.casefold().split())
            for name in named:
                if " ".join(name.casefold().split()) in low:
                    return Status.PASS, f"subject names {quote(name)}"
            return Status.WARN, "subject names neither the role nor the company"
    # Without notes: a role word, or a capitalised word past the first (a company, a title).
    tokens = WORD_RE.findall(subject)
    hits = [
        i
        for i, word in enumerate(tokens)
        if word.lower() not in _GENERIC_SUBJECT_WORDS
        and (word.lower().rstrip("s") in _ROLE_NOUNS or (i and word[0].isupper()))
    ]
    if hits:
        # Quote the run of such words around the first ("Graphic Designer", not "Graphic").
        end = hits[0]
        while end + 1 in hits:
            end += 1
        return Status.PASS, f"subject names {quote(' '.join(tokens[hits[0] : end + 1]))}"
    return Status.WARN, "subject names neither the role nor the company"
