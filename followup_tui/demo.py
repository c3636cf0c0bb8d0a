"""The built-in sample interview behind `followup-tui --demo`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from followup_tui.model import Draft, Interview, Interviewer, Notes, Profile, Stage, Tone


def demo_draft(now: datetime | None = None) -> Draft:
    """A filled-in panel interview held this morning, so every pane has something to show."""
    now = now or datetime.now(UTC).astimezone()
    when = (now - timedelta(hours=5)).replace(minute=0, second=0, microsecond=0)
    return Draft(
        interview=Interview(
            company="Northwind Analytics",
            role="Senior Data Engineer",
            when=when,
            format="video",
            decision_by=(when + timedelta(days=10)).date(),
        ),
        interviewers=[
            Interviewer("Priya Raman", "Head of Data Platform", "priya.raman@northwind.example"),
            Interviewer("Tomás Herrera", "Staff Engineer", "tomas.herrera@northwind.example"),
        ],
        notes=Notes(
            topics="moving the nightly batch jobs to streaming\nhow the team runs on-call",
            resonated="the plan to give analysts self-serve pipelines",
            skills="cut warehouse costs by 40% at my last job by partitioning the event tables",
            concerns="I have less experience with Kafka than with Kinesis",
            answers="I have run Kafka on a side project since the summer",
            missed="I forgot to mention the open-source dbt package I maintain",
            next_steps="they decide within two weeks; the recruiter will call",
        ),
        stage=Stage.THANK_YOU,
        tone=Tone.WARM,
    )


def demo_profile() -> Profile:
    """The sample user who signs the demo emails."""
    return Profile(
        name="Alex Morgan",
        email="alex.morgan@example.com",
        phone="+44 20 7946 0018",
        links=["https://github.com/alexmorgan"],
        sign_off="Best regards",
    )
