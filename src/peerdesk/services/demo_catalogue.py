"""Made-up course catalogue, staff, referees and adjustments that demo check histories draw on."""

from __future__ import annotations

from collections.abc import Sequence

from peerdesk.domain.training import CourseDetails, Topic

# (topic, course, provider, hours, validity in months or None): two or three per topic.
DEMO_COURSES: tuple[tuple[str, str, str, float, int | None], ...] = (
    ("Active listening", "Active listening skills", "Recovery College", 6.0, None),
    ("Active listening", "Listening to understand (refresher)", "In house", 2.0, None),
    ("Mutual problem solving", "Solving problems together", "Recovery College", 3.0, None),
    ("Mutual problem solving", "Shared decision making", "NHS trust peer team", 2.5, None),
    ("Wellness and recovery planning", "Wellness Action Plans for peers", "Mind", 3.0, None),
    ("Wellness and recovery planning", "WRAP awareness", "Recovery College", 12.0, None),
    ("Managing challenging situations", "De-escalation for peer workers", "In house", 3.0, 36),
    ("Managing challenging situations", "Conflict resolution", "Council", 3.5, 36),
    ("Valuing difference", "Equality, diversity and inclusion", "Council e-learning", 1.5, 36),
    ("Valuing difference", "Cultural humility in peer support", "In house", 3.0, None),
    ("Code of conduct and ethics", "Boundaries and ethics", "In house", 2.0, None),
    ("Code of conduct and ethics", "Code of conduct essentials", "Council e-learning", 1.0, 36),
    ("Team working", "Working as a peer team", "In house", 2.0, None),
    ("Team working", "Reflective practice groups", "NHS trust peer team", 2.0, None),
    (
        "Telling your own story safely",
        "Sharing your story with purpose",
        "Recovery College",
        4.0,
        None,
    ),
    ("Telling your own story safely", "Intentional peer support: story", "In house", 3.0, None),
    ("Safeguarding adults", "Safeguarding adults level 2", "Council", 3.0, 24),
    ("Safeguarding adults", "Safeguarding adults e-learning", "Council e-learning", 1.5, 24),
    ("Safeguarding adults", "Safeguarding adults refresher", "In house", 2.0, 24),
    ("Safeguarding children", "Safeguarding children level 1", "Council e-learning", 1.5, 36),
    ("Safeguarding children", "Think family: children and carers", "Council", 3.0, 36),
    ("Data protection", "Data protection and confidentiality", "Council e-learning", 1.0, 12),
    ("Data protection", "UK GDPR for volunteers", "In house", 1.5, 12),
    (
        "Suicide and self-harm awareness",
        "Zero Suicide Alliance awareness",
        "ZSA e-learning",
        0.5,
        36,
    ),
    ("Suicide and self-harm awareness", "Suicide first aid", "Council", 6.0, 36),
    ("Lone working", "Lone working and personal safety", "In house", 1.5, 36),
    ("Lone working", "Personal safety on visits", "Council", 2.0, 36),
)

SAFEGUARDING_ADULTS = "Safeguarding adults"


def catalogue_for(topics: Sequence[Topic]) -> list[CourseDetails]:
    """The demo courses for the vault's ``topics`` (a topic missing from the vault is skipped)."""
    by_name = {t.name.casefold(): t.id for t in topics if not t.retired}
    return [
        CourseDetails(name, by_name[topic.casefold()], provider, hours, months)
        for topic, name, provider, hours, months in DEMO_COURSES
        if topic.casefold() in by_name
    ]


STAFF = (
    "Sam Okafor",
    "Rachel Whitmore",
    "Imran Qureshi",
    "Bethan Lloyd",
    "Grace Mensah",
)
"""Coordinators and leads who see certificates, decide checks and confirm induction items."""

MENTORS = (
    "Jo Kettering",
    "Priya Raman",
    "Danny McCormick",
    "Aoife Brennan",
    "Tomasz Nowak",
    "Femi Adeyemi",
    "Carol Hughes",
    "Li Wei",
)
"""Experienced PSWs who buddy new starters."""

RISK_PANELS = (
    "Sam Okafor, Rachel Whitmore and Jo Kettering (peer lead)",
    "Imran Qureshi and Bethan Lloyd",
    "Grace Mensah, Sam Okafor and Priya Raman (peer lead)",
)

RISK_OUTCOMES = (
    "Conviction over ten years old and unrelated to the role; no further action, cleared.",
    "Discussed openly with the applicant; supervision monthly for the first six months.",
    "Caution as a teenager; no risk to people supported identified. Cleared.",
)

DISCLOSURE_NOTES = (
    "Caution for possession, 2009.",
    "Conviction for a driving offence, 2014.",
    "Public order caution, 2011; discussed with the applicant.",
)

REFEREE_FIRST = (
    "Helen",
    "Mark",
    "Sunita",
    "Gareth",
    "Olivia",
    "Kwame",
    "Fiona",
    "Declan",
    "Ruth",
    "Ahmed",
    "Lucy",
    "Martin",
    "Nadia",
    "Owen",
    "Sian",
    "Victor",
)
REFEREE_LAST = (
    "Armstrong",
    "Begum",
    "Clarke",
    "Doyle",
    "Evans",
    "Fletcher",
    "Gill",
    "Hartley",
    "Iqbal",
    "Jones",
    "Khan",
    "Lewis",
    "Morris",
    "Nolan",
    "Price",
    "Roberts",
    "Shaw",
    "Taylor",
    "Walsh",
    "Young",
)
EMPLOYER_ROLES = (
    "line manager",
    "team leader",
    "volunteer coordinator",
    "store manager",
    "shift supervisor",
    "head of department",
)
CHARACTER_ROLES = (
    "tutor at the Recovery College",
    "church minister",
    "family friend",
    "community group leader",
    "former teacher",
    "sports club coach",
)

# (category, what) pairs that DOMAIN.md's examples suggest.
ADJUSTMENTS: tuple[tuple[str, str], ...] = (
    ("Hours", "No shifts before 10am (medication side effects in the morning)."),
    ("Hours", "Shifts of at most four hours, with a break in the middle."),
    ("Hours", "Phased return: two short shifts a week for the first month."),
    ("Task support", "Written notes after briefings; instructions by email as well."),
    ("Task support", "Paired with a colleague for home visits."),
    ("Task support", "Extra time to write up contact notes."),
    ("Debrief", "A ten-minute debrief with the coordinator after each shift."),
    ("Debrief", "Weekly check-in call on Fridays."),
    ("Environment", "A quiet room available for breaks."),
    ("Communication", "Text the day before any change to the rota."),
)
