"""Sensible UK starting lists, written into a new vault once and then the coordinator's to edit."""

from __future__ import annotations

from peerdesk.domain.taxonomy import ListItemDraft, ListKind

_LIVED_EXPERIENCE: dict[str, tuple[str, ...]] = {
    "Mental health": (
        "Anxiety",
        "Depression",
        "Psychosis",
        "Bipolar disorder",
        "Eating difficulties",
        "Self-harm",
        "Suicidal thoughts or attempts",
        "Trauma and PTSD",
        "Obsessive-compulsive disorder",
        "Hearing voices",
        "Personality disorder diagnosis",
        "Hospital admission or detention",
    ),
    "Caring": (
        "Caring for someone with mental health challenges",
        "Young carer",
        "Caring for a parent",
        "Caring for a partner",
    ),
    "Perinatal": ("Perinatal mental health", "Baby loss", "Birth trauma"),
    "Forensic and criminal justice": ("Prison", "Secure services", "Probation"),
    "Early intervention in psychosis": ("Early intervention service",),
    "Children and young people's services": ("CAMHS", "Care experienced", "School exclusion"),
    "Homelessness": ("Rough sleeping", "Temporary accommodation", "Sofa surfing"),
    "Substance use": ("Alcohol", "Drugs", "Gambling", "Recovery community"),
    "Identity-based experience": (
        "Ethnicity and racism",
        "Faith",
        "Age",
        "Gender identity",
        "Sexual orientation",
        "Disability",
        "Neurodivergence",
        "Refugee or asylum seeker",
    ),
}

_SKILLS = (
    "Active listening",
    "Group facilitation",
    "Wellness and recovery planning",
    "Mutual problem solving",
    "Telling my story safely",
    "Advocacy",
    "Signposting",
    "Art and creative activities",
    "Digital skills",
    "Driving",
    "First aid",
    "Mental health first aid",
)

_INTERESTS = (
    "Walking",
    "Gardening",
    "Cooking",
    "Music",
    "Art and crafts",
    "Reading",
    "Football",
    "Gaming",
    "Photography",
    "Faith groups",
    "Volunteering",
    "Nature and wildlife",
    "Films and TV",
    "Yoga and mindfulness",
)

_LANGUAGES = (
    "English",
    "Welsh",
    "British Sign Language",
    "Polish",
    "Urdu",
    "Punjabi",
    "Bengali",
    "Gujarati",
    "Arabic",
    "Romanian",
    "Portuguese",
    "Spanish",
    "Lithuanian",
    "Somali",
    "Tamil",
    "Mandarin",
    "Cantonese",
    "Vietnamese",
    "Kurdish",
    "Farsi",
)

# A few example areas with approximate centres; coordinators replace them with their own.
_AREAS: tuple[tuple[str, float, float], ...] = (
    ("Liverpool city centre", 53.4072, -2.9917),
    ("Birkenhead", 53.3934, -3.0148),
    ("Chester", 53.1934, -2.8931),
    ("Warrington", 53.3900, -2.5970),
    ("Crewe", 53.0979, -2.4416),
    ("St Helens", 53.4534, -2.7375),
    ("Southport", 53.6475, -3.0053),
    ("Widnes and Runcorn", 53.3517, -2.7290),
)

SUPERVISION_TOPICS = (
    "Use of own story and boundaries",
    "Dual identity of worker and service user",
    "Caseload",
    "Team relations",
    "Wellbeing",
    "Safeguarding",
    "Learning and development",
)
"""DOMAIN.md's supervision topics, plus wellbeing, safeguarding and learning."""


def supervision_topic_items() -> list[ListItemDraft]:
    """The default supervision topics (also seeded into vaults made before the list existed)."""
    return [ListItemDraft(ListKind.SUPERVISION_TOPIC, name) for name in SUPERVISION_TOPICS]


def default_items() -> list[ListItemDraft]:
    """Every default item, in display order."""
    items = [
        ListItemDraft(ListKind.LIVED_EXPERIENCE, name, family=family)
        for family, names in _LIVED_EXPERIENCE.items()
        for name in names
    ]
    items += [ListItemDraft(ListKind.SKILL, name) for name in _SKILLS]
    items += [ListItemDraft(ListKind.INTEREST, name) for name in _INTERESTS]
    items += [ListItemDraft(ListKind.LANGUAGE, name) for name in _LANGUAGES]
    items += [
        ListItemDraft(ListKind.AREA, name, latitude=lat, longitude=lon) for name, lat, lon in _AREAS
    ]
    items += supervision_topic_items()
    return items
