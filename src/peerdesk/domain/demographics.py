"""Optional equality-monitoring questions, each answerable with "Prefer not to say".

The options follow the common UK (ONS census style) categories. Answers are free to edit: a
person's own words are accepted when no option fits.
"""

from __future__ import annotations

from dataclasses import dataclass

PREFER_NOT_TO_SAY = "Prefer not to say"


@dataclass(frozen=True)
class Question:
    key: str
    label: str
    options: tuple[str, ...]


QUESTIONS: tuple[Question, ...] = (
    Question("gender", "Gender", ("Woman", "Man", "Non-binary", "In another way")),
    Question(
        "trans",
        "Is your gender the same as the sex you were registered at birth?",
        ("Yes", "No"),
    ),
    Question(
        "sexual_orientation",
        "Sexual orientation",
        ("Straight or heterosexual", "Gay or lesbian", "Bisexual", "In another way"),
    ),
    Question(
        "ethnicity",
        "Ethnic group",
        (
            "Asian or Asian British",
            "Black, Black British, Caribbean or African",
            "Mixed or multiple ethnic groups",
            "White",
            "Other ethnic group",
        ),
    ),
    Question(
        "religion",
        "Religion or belief",
        (
            "No religion",
            "Buddhist",
            "Christian",
            "Hindu",
            "Jewish",
            "Muslim",
            "Sikh",
            "Another religion or belief",
        ),
    ),
    Question("disability", "Do you consider yourself to have a disability?", ("Yes", "No")),
    Question(
        "age_band",
        "Age band",
        ("16–24", "25–34", "35–44", "45–54", "55–64", "65–74", "75 and over"),
    ),
)
QUESTION_BY_KEY = {q.key: q for q in QUESTIONS}


@dataclass(frozen=True)
class DemographicAnswer:
    """An answer, and whether it may be used when a person asks for a peer like this."""

    question: str
    answer: str
    may_use_for_matching: bool = False
