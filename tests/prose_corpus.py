"""Drafts whose notes are typed the way people type them after an interview, for the prose tests.

Written for this project: lower-case fragments, first-person sentences, remarks about the
interviewer in the third person, questions, exclamations, bullet lists, one word, very long
notes, names from many languages, and nothing at all.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from followup_tui.model import Draft, Interview, Interviewer, Notes, Profile

WHEN = datetime(2026, 11, 17, 10, 0, tzinfo=UTC)  # a Tuesday

PROFILE = Profile(
    name="Jordan Ellis",
    email="jordan.ellis@example.com",
    phone="+1 555 0142",
    links=["https://jordanellis.example"],
    sign_off="Kind regards",
)


def _draft(
    company: str,
    role: str,
    people: list[Interviewer],
    notes: Notes,
    *,
    decision: date | None = None,
) -> Draft:
    return Draft(
        interview=Interview(company=company, role=role, when=WHEN, decision_by=decision),
        interviewers=people or [Interviewer()],
        notes=notes,
    )


LONG = (
    "we went through the whole quarterly planning cycle in a lot of detail, from how the "
    "regional leads put in their requests in the first week, to how finance pushes back on "
    "the numbers, to the final review with the executive team where most of the trade-offs "
    "get made, and then how the plan gets broken down into monthly targets for every branch"
)

CORPUS: dict[str, Draft] = {
    "lower-case teacher": _draft(
        "Riverside Elementary",
        "4th grade teacher position",
        [Interviewer("Ms. Dana Whitfield", "Principal", "dwhitfield@riverside.example")],
        Notes(
            topics="i talked about my classroom management approach",
            resonated="i loved that they do co-teaching for ELL students!",
            skills="differentiated reading groups",
            concerns="she was worried I haven't taught 4th grade before",
            missed="forgot to say i'm finishing my reading specialist endorsement.",
            next_steps="they decide by friday",
        ),
    ),
    "third-person devops": _draft(
        "Cloudhaven",
        "Platform Engineer",
        [Interviewer("Helen Okafor", "CTO", "helen@cloudhaven.example")],
        Notes(
            topics="Helen's plan to move every service onto one cluster",
            resonated="she said the team owns its own on-call rota",
            skills="built the CI pipeline at my last company\nterraform",
            concerns="she was worried I haven't used Kubernetes in production",
            answers="I have run a three-node k3s cluster at home for two years",
        ),
    ),
    "doctor formal": _draft(
        "St Anne's Hospital",
        "HR Manager role",
        [Interviewer("Dr. Helen Okafor", "Chief Medical Officer", "h.okafor@stannes.example")],
        Notes(
            topics="retention of night-shift nurses",
            skills="python",
            concerns="no PhD",
            missed="I should have mentioned my CIPD qualification",
        ),
    ),
    "panel one topic": _draft(
        "Northwind Analytics",
        "Data Analyst",
        [
            Interviewer("Priya Raman", "Head of Data", "priya@northwind.example"),
            Interviewer("Tomás Herrera", "Staff Engineer", "tomas@northwind.example"),
            Interviewer("Aiko Tanaka", "Product Manager", "aiko@northwind.example"),
        ],
        Notes(topics="the self-serve dashboard project", skills="SQL"),
    ),
    "panel with own notes": _draft(
        "Fjord & Co",
        "Sales Lead",
        [
            Interviewer(
                "Søren Kierkegaard-Nielsen", "", "", "we compared the Nordic and German markets"
            ),
            Interviewer("Zoë Ó Briain", "", "", "she asked how I would ramp a new territory"),
            Interviewer("Nguyễn Văn An", "", "", "the CRM migration"),
            Interviewer("Olúwaseun Adébáyọ̀", "", "", "how the team celebrates wins"),
        ],
        Notes(
            topics="territory planning",
            skills="grew a new region from zero to 1.2M in two years",
            concerns="I have not sold into healthcare",
            answers="I sold to three university hospitals through a partner last year",
        ),
    ),
    "questions": _draft(
        "Bluebird Labs",
        "UX Researcher",
        [Interviewer("Sam Lee")],
        Notes(
            topics="is the research team growing?\nhow they recruit participants",
            resonated="do they really ship every week??",
            next_steps="when will they decide?",
        ),
    ),
    "exclamations": _draft(
        "Sunny Side Bakery",
        "Shift Supervisor",
        [Interviewer("Marco Bianchi", "Owner")],
        Notes(
            topics="the new sourdough line!!!",
            resonated="loved the early-morning team breakfast!",
            skills="ran the weekend shift at a busy cafe for three years!",
        ),
    ),
    "bullets": _draft(
        "Acme Logistics",
        "an Operations Analyst",
        [Interviewer("Grace Kim", "Director")],
        Notes(
            topics="- route optimisation\n- warehouse staffing\n- peak season",
            resonated="* the open-plan ops floor\n* weekly retros",
            skills="1. Excel modelling\n2. reduced late deliveries by 15%\n3. SQL",
            concerns="- limited experience with SAP",
            missed="- I hold a forklift licence too",
        ),
    ),
    "one word": _draft(
        "Zenith",
        "Designer",
        [Interviewer("Li Wei")],
        Notes(topics="typography", resonated="culture", skills="Figma", concerns="seniority"),
    ),
    "very long": _draft(
        "Harbour Bank",
        "Financial Planning Analyst",
        [Interviewer("Rebecca Stone", "FP&A Manager")],
        Notes(
            topics=LONG + "\nforecast accuracy\nthe new planning tool\nheadcount models",
            resonated=LONG,
            skills="built a rolling forecast model in Excel and Power BI that the whole region "
            "used\nled the monthly variance review\npresented to the CFO every quarter",
            concerns="they thought I might find the role too junior",
            missed="I forgot to mention that I passed CFA level 2 last year and I'm sitting "
            "level 3 in June",
            next_steps="two more rounds, then a case study",
        ),
    ),
    "empty": _draft("", "", [], Notes()),
    "names only": _draft("Tiny Startup", "", [Interviewer("Dr. Okafor")], Notes()),
    "first-person sentences": _draft(
        "Greenleaf",
        "Environmental Consultant",
        [Interviewer("Mx. Robin Hale", "Lead Consultant")],
        Notes(
            topics="I explained my soil sampling work in Kenya",
            resonated="I liked how they work with local farmers.",
            skills="I led a team of five field technicians",
            concerns="I seemed nervous about the travel",
            missed="I meant to say I speak Swahili",
        ),
    ),
    "non-English names": _draft(
        "Müller & Søn",
        "Ingenieur",
        [
            Interviewer("Jürgen Müller", "Geschäftsführer"),
            Interviewer("Fatima Al-Sayed", "Head of R&D"),
        ],
        Notes(topics="the hydrogen pilot plant", resonated="four-day week"),
    ),
    "professor alone": _draft(
        "State University",
        "Research Assistant",
        [Interviewer("Professor")],
        Notes(topics="the grant timeline", skills="R and Stata"),
    ),
    "we discussed": _draft(
        "Orbit Media",
        "Content Strategist",
        [Interviewer("Jess Park", "Editor-in-Chief"), Interviewer("Amir Haddad", "SEO Lead")],
        Notes(
            topics="we discussed the newsletter relaunch; they said traffic doubled last year",
            resonated="Amir's idea of a weekly data story",
            skills="wrote 200+ long-form articles",
            concerns="he asked about my notice period",
            answers="my notice period is four weeks",
        ),
        decision=date(2026, 11, 28),
    ),
}
