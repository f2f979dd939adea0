"""Made-up names from the many backgrounds of UK volunteers, spelled as their owners spell them.

Entries are ``"Latin"``, ``"Latin>Known as"`` or ``"Latin=Native script"``; a surname written
``"Male|Female"`` takes the form that matches the person (Polish, Lithuanian, Icelandic …).
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass

from peerdesk.domain.text import fold


@dataclass(frozen=True)
class Background:
    """A naming tradition with the equality answers and languages that commonly go with it."""

    key: str
    weight: int
    women: tuple[str, ...]
    men: tuple[str, ...]
    surnames: tuple[str, ...]
    ethnicity: str
    religions: tuple[tuple[str, int], ...]
    languages: tuple[tuple[str, float, float], ...] = ()
    """(list item name, chance they speak it, chance it is their first language if they do)"""
    style: str = "western"
    native_chance: float = 0.0
    """Chance the full name is written in its own script, with a Latin "known as"."""


@dataclass(frozen=True)
class PersonName:
    full_name: str
    known_as: str
    gender: str
    """"f" or "m": which name forms were used (not necessarily how they identify)."""
    latin: str
    """The name in Latin letters (for an e-mail address), whatever script ``full_name`` uses."""
    surname: str


_WHITE = "White"
_ASIAN = "Asian or Asian British"
_BLACK = "Black, Black British, Caribbean or African"
_OTHER = "Other ethnic group"
_SECULAR = (("No religion", 48), ("Christian", 40), ("Buddhist", 2), ("Jewish", 2))
_CHRISTIAN = (("Christian", 80), ("No religion", 18))
_MUSLIM = (("Muslim", 95), ("No religion", 3))


def _split(text: str) -> tuple[str, ...]:
    return tuple(unicodedata.normalize("NFC", part) for part in text.split(","))


BACKGROUNDS: tuple[Background, ...] = (
    Background(
        "english",
        34,
        _split(
            "Zoë,Emily,Sophie,Charlotte,Hannah,Rebecca>Becky,Elizabeth>Liz,Sarah,Laura,"
            "Jessica>Jess,Katherine>Kate,Margaret>Maggie,Chloë,Amelia,Grace,Joanne>Jo,"
            "Deborah>Debbie,Susan>Sue,Naomi,Alex,Charlie,Robin,Abigail>Abbie,Alison,Bethany>Beth,"
            "Caroline,Danielle>Dani,Eleanor>Ellie,Fiona,Gemma,Harriet>Hattie,Helen,Imogen,"
            "Jennifer>Jen,Karen,Lucy,Megan,Natalie,Paula,Rachel,Samantha>Sam,Tracey,Victoria>Vicky,"
            "Wendy,Yvonne,Patricia>Trish,Lauren,Kayleigh,Stacey,Jade,Ruth,Dawn"
        ),
        _split(
            "Oliver,Jack,George,Thomas>Tom,James>Jamie,Daniel>Dan,Christopher>Chris,"
            "Michael>Mike,Matthew>Matt,Robert>Rob,Anthony>Tony,Stephen>Steve,Samuel>Sam,"
            "Benjamin>Ben,Joseph>Joe,Harry,Noah,Liam,Kevin,Gary,Alex,Jordan,Adam,Andrew>Andy,"
            "Callum,David>Dave,Edward>Ed,Frank,Graham,Ian,Jason,Karl,Lewis,Mark,Nathan,Paul,"
            "Peter,Richard>Rich,Simon,Stuart,Timothy>Tim,William>Will,Wayne,Dean,Craig,Philip>Phil,"
            "Ryan,Neil"
        ),
        _split(
            "Smith,Jones,Taylor,Brown,Wilson,Johnson,Robinson,Wright,Thompson,Walker,White,"
            "Roberts,Green,Hall,Wood,Jackson,Clarke,Harrison,Cooper,Ward,Turner,Hill,Shaw,"
            "Atkinson,Ashworth-Jones,Fairclough,Molyneux,Heseltine,D'Arcy,Baker,Bennett,Carter,"
            "Chapman,Collins,Dixon,Edwards,Ellis,Fletcher,Foster,Gibson,Graham,Harris,Holmes,"
            "Hunt,Kennedy,King,Knowles,Lawson,Marshall,Mason,Mitchell,Moore,Parker,Pearson,"
            "Richardson,Rigby,Scott,Simpson,Stevens,Tattersall,Webb,Wells,Whittaker,Young"
        ),
        _WHITE,
        _SECULAR,
    ),
    Background(
        "welsh",
        5,
        _split(
            "Cerys,Siân,Ffion,Eluned,Gwenllian>Gwen,Angharad,Catrin,Nia,Lowri,Rhiannon,Bethan,Mared,Elin"
        ),
        _split("Dafydd,Rhys,Iwan,Owain,Gethin,Geraint,Aled,Emyr,Llŷr,Huw,Gareth,Dylan,Ioan"),
        _split(
            "Jones,Williams,Davies,Evans,Hughes,Pritchard,Llewellyn,Rees,Morgan,Griffiths,"
            "Lloyd,Prys"
        ),
        _WHITE,
        (("Christian", 45), ("No religion", 50)),
        (("Welsh", 0.4, 0.3),),
    ),
    Background(
        "irish",
        6,
        _split(
            "Aoife,Siobhán,Gráinne,Niamh,Róisín,Caoimhe,Orla,Bríd,Sinéad,Máire,Clodagh,Deirdre,Éabha"
        ),
        _split("Seán,Ciarán,Pádraig>Paddy,Oisín,Eoin,Cathal,Dónal,Tadhg,Liam,Declan"),
        _split(
            "O'Brien,Murphy,Kelly,O'Sullivan,Byrne,Doyle,McCarthy,Ó Briain|Ní Bhriain,"
            "Ó Ceallaigh|Ní Cheallaigh,Gallagher,Nolan,Quinn"
        ),
        _WHITE,
        (("Christian", 65), ("No religion", 32)),
    ),
    Background(
        "scottish",
        4,
        _split("Eilidh,Mhairi,Iona,Kirsty,Catriona>Cat,Morag,Isla,Ailsa,Shona,Fiona,Kirsteen"),
        _split("Callum,Ruaridh,Hamish,Euan,Fraser,Angus,Alasdair>Ali,Lachlan,Iain,Murdo,Struan"),
        _split(
            "MacDonald,Campbell,Stewart,Robertson,MacLeod,Fraser,Mackenzie,Sinclair,Ross,Murray,"
            "Paterson,MacKinnon,Buchanan"
        ),
        _WHITE,
        _SECULAR,
    ),
    Background(
        "polish",
        6,
        _split(
            "Agnieszka>Aga,Katarzyna>Kasia,Małgorzata>Gosia,Joanna>Asia,Zofia>Zosia,"
            "Aleksandra>Ola,Magdalena>Magda,Ewa,Beata,Dorota,Justyna,Marta,Anna>Ania"
        ),
        _split(
            "Łukasz,Wojciech>Wojtek,Paweł,Krzysztof>Krzysiek,Michał,Tomasz>Tomek,Piotr,"
            "Jakub>Kuba,Grzegorz>Grzesiek,Marcin,Bartosz>Bartek,Adam,Rafał"
        ),
        _split(
            "Kowalski|Kowalska,Nowak,Wiśniewski|Wiśniewska,Wójcik,Kamiński|Kamińska,"
            "Lewandowski|Lewandowska,Zieliński|Zielińska,Dąbrowski|Dąbrowska,"
            "Szymański|Szymańska,Woźniak,Kozłowski|Kozłowska,Jankowski|Jankowska"
        ),
        _WHITE,
        (("Christian", 82), ("No religion", 15)),
        (("Polish", 0.95, 0.6),),
    ),
    Background(
        "lithuanian",
        1,
        _split("Rūta,Eglė,Jurgita,Aistė,Gintarė"),
        _split("Tomas,Mantas,Darius,Žygimantas,Paulius"),
        _split(
            "Kazlauskas|Kazlauskienė,Petrauskas|Petrauskaitė,Jankauskas|Jankauskienė,"
            "Žukauskas|Žukauskaitė"
        ),
        _WHITE,
        _CHRISTIAN,
        (("Lithuanian", 0.95, 0.7),),
    ),
    Background(
        "romanian",
        2,
        _split("Ioana,Elena,Andreea,Mihaela,Alexandra>Alex"),
        _split("Mihai,Andrei,Ștefan,Ionuț,Bogdan"),
        _split("Popescu,Ionescu,Dumitrescu,Constantin,Țurcanu,Stănescu"),
        _WHITE,
        (("Christian", 88), ("No religion", 10)),
        (("Romanian", 0.95, 0.7),),
    ),
    Background(
        "portuguese",
        2,
        _split("Inês,Beatriz,Mariana,Joana,Conceição>São"),
        _split("João,Gonçalo,Tiago,Luís,Sérgio"),
        _split("Silva,Santos,Gonçalves,Ferreira,Araújo,Magalhães,Simões"),
        _WHITE,
        (("Christian", 70), ("No religion", 28)),
        (("Portuguese", 0.95, 0.6),),
    ),
    Background(
        "spanish",
        1,
        _split("María,Lucía,Begoña,Nerea,Pilar"),
        _split("José,Álvaro,Javier,Íñigo,Raúl"),
        _split("García,Núñez,Pérez,Fernández,Jiménez,Muñoz,Ibáñez"),
        _WHITE,
        (("Christian", 60), ("No religion", 38)),
        (("Spanish", 0.95, 0.6),),
        style="spanish",
    ),
    Background(
        "french",
        1,
        _split("Amélie,Hélène,Cécile,Élodie,Renée"),
        _split("François,Benoît,Jérôme,Raphaël,Théo"),
        _split("Lefèvre,Dubois,Moreau,Girard,Fournier"),
        _WHITE,
        (("No religion", 55), ("Christian", 42)),
    ),
    Background(
        "northern_european",
        1,
        _split("Þóra,Anneliese,Åsa,Solveig,Ingrid"),
        _split("Søren,Jürgen,Björn,Lars,Ólafur"),
        _split("Østergaard,Müller,Schäfer,Halvorsen,Åberg,Jónsson|Jónsdóttir"),
        _WHITE,
        (("No religion", 55), ("Christian", 42)),
    ),
    Background(
        "pakistani",
        6,
        _split(
            "Fatima,Ayesha,Sana,Nadia,Rabia,Saima,Zainab,Amna,Shazia,Hina,Mehwish,Samina,Sadia,"
            "Bushra"
        ),
        _split(
            "Mohammed>Mo,Muhammad,Imran,Tariq,Asif,Usman,Bilal,Zubair,Kamran,Hamza,Faisal,Naveed,"
            "Shahzad,Waqas"
        ),
        _split(
            "Khan,Ahmed,Hussain,Ali,Iqbal,Akhtar,Mahmood,Raza,Malik,Qureshi,Javed,Aslam,Butt,"
            "Rashid,Shah"
        ),
        _ASIAN,
        _MUSLIM,
        (("Urdu", 0.7, 0.3), ("Punjabi", 0.4, 0.2)),
    ),
    Background(
        "bangladeshi",
        3,
        _split("Rahima,Nusrat,Tahmina,Farzana,Salma,Ruksana,Jahanara,Shamima"),
        _split("Abdul,Shahid,Anwar,Rafiq,Jamal,Sohel,Mizanur,Habibur"),
        _split("Miah|Begum,Uddin|Khatun,Rahman,Chowdhury,Hossain,Islam,Ahmed"),
        _ASIAN,
        _MUSLIM,
        (("Bengali", 0.85, 0.4),),
    ),
    Background(
        "gujarati",
        3,
        _split("Priya,Anjali,Sunita,Hetal,Pooja,Nisha,Meera,Kavita,Bhavna"),
        _split("Arjun,Rajesh>Raj,Nirav,Bhavesh,Sanjay,Vikram>Vik,Amit,Rohan,Ketan"),
        _split("Patel,Shah,Mistry,Desai,Joshi,Parmar,Chauhan,Solanki,Mehta,Pandya"),
        _ASIAN,
        (("Hindu", 72), ("Muslim", 8), ("No religion", 10), ("Another religion or belief", 6)),
        (("Gujarati", 0.75, 0.3),),
    ),
    Background(
        "sikh",
        2,
        _split("Harpreet,Gurpreet,Jaspreet,Manjit,Amrit,Simran,Harleen,Jasleen,Navdeep>Nav"),
        _split(
            "Harpreet,Gurpreet,Jaspreet,Manjit,Amrit,Kuldeep,Sukhwinder>Sukhi,Gurdeep,Ravinder>Ravi"
        ),
        _split("Sandhu,Gill,Dhillon,Sidhu,Bains,Johal,Grewal"),
        _ASIAN,
        (("Sikh", 88), ("No religion", 10)),
        (("Punjabi", 0.8, 0.3),),
        style="sikh",
    ),
    Background(
        "tamil",
        1,
        _split("Kavitha,Lakshmi,Thushanthi>Thusha,Nirmala,Sharmila,Vasuki"),
        _split("Arun,Suresh,Sivakumar>Siva,Prakash,Thanuj,Kajan"),
        _split("Rajaratnam,Thambirajah,Krishnan,Selvarajah,Navaratnam,Kanagaratnam"),
        _ASIAN,
        (("Hindu", 70), ("Christian", 22), ("No religion", 6)),
        (("Tamil", 0.85, 0.5),),
    ),
    Background(
        "arab",
        3,
        _split("Fatima=فاطمة,Layla=ليلى,Mariam=مريم,Nour=نور,Huda=هدى,Amira=أميرة"),
        _split("Mohammed=محمد,Ahmed=أحمد,Omar=عمر,Youssef=يوسف,Khalid=خالد,Karim=كريم"),
        _split("Hassan=حسن,Haddad=حداد,Mansour=منصور,Khalil=خليل,Saleh=صالح,Abdullah=عبد الله"),
        _OTHER,
        (("Muslim", 82), ("Christian", 12), ("No religion", 4)),
        (("Arabic", 0.95, 0.7),),
        native_chance=0.3,
    ),
    Background(
        "chinese",
        3,
        _split("Jing=静,Na=娜,Mei=美,Xiaoling=晓玲,Yan=燕,Ying=英"),
        _split("Wei=伟,Jun=军,Hao=浩,Ming=明,Lei=磊,Jian=建"),
        _split("Li=李,Wang=王,Zhang=张,Chen=陈,Liu=刘,Huang=黄,Zhao=赵,Wu=吴"),
        _ASIAN,
        (("No religion", 60), ("Buddhist", 20), ("Christian", 18)),
        (("Mandarin", 0.7, 0.7), ("Cantonese", 0.35, 0.6)),
        style="family_first",
        native_chance=0.35,
    ),
    Background(
        "vietnamese",
        2,
        _split("Thảo,Linh,Hương,Ngọc,Lan,Mai,Trang,Hà,Thu,Phương"),
        _split("Minh,Tuấn,Đức,Hải,Quang,Hùng,Dũng,Nam,Long,Khoa"),
        _split("Nguyễn,Trần,Lê,Phạm,Hoàng,Huỳnh,Phan,Vũ,Võ,Đặng,Bùi,Đỗ"),
        _ASIAN,
        (("Buddhist", 50), ("No religion", 30), ("Christian", 18)),
        (("Vietnamese", 0.9, 0.6),),
        style="vietnamese",
    ),
    Background(
        "nigerian",
        4,
        _split(
            "Chiamaka>Amaka,Adaeze>Ada,Ngozi,Funmilayo>Funmi,Folake,Oluwatoyin>Toyin,"
            "Chioma,Blessing,Temitope>Tope,Yetunde"
        ),
        _split(
            "Chidi,Oluwaseun>Seun,Emeka,Tunde,Babajide>Jide,Olumide>Mide,Obinna,Ifeanyi,"
            "Segun,Oluwadamilare>Dami"
        ),
        _split("Okafor,Adeyemi,Okonkwo,Adebayo,Eze,Nwosu,Oyelaran,Ogunleye,Balogun,Obi,Nwachukwu"),
        _BLACK,
        (("Christian", 80), ("Muslim", 15), ("No religion", 4)),
    ),
    Background(
        "ghanaian",
        1,
        _split("Ama,Abena,Akosua,Efua,Adwoa"),
        _split("Kwame,Kofi,Kwabena,Yaw,Kwesi"),
        _split("Mensah,Owusu,Boateng,Asante,Osei,Appiah"),
        _BLACK,
        (("Christian", 85), ("Muslim", 10), ("No religion", 4)),
    ),
    Background(
        "caribbean",
        3,
        _split("Marcia,Shanice,Jacqueline>Jackie,Beverley>Bev,Simone,Paulette,Andrea,Janelle"),
        _split("Delroy,Winston,Jermaine,Leroy,Marcus,Devon,Clive,Errol"),
        _split("Campbell,Francis,Grant,Thomas,Clarke,Bailey,Henry,Reid,Lewis,McKenzie"),
        _BLACK,
        (("Christian", 65), ("No religion", 28), ("Another religion or belief", 5)),
    ),
    Background(
        "somali",
        2,
        _split("Hodan,Ayaan,Faadumo,Sahra,Hibo,Ifrah,Nasra,Amina"),
        _split("Abdi,Abdirahman>Abdi,Hassan,Mohamed,Yusuf,Abdullahi,Mahad,Liban"),
        _split("Warsame,Farah,Jama,Omar,Hersi,Osman,Egal,Nur,Duale"),
        _BLACK,
        _MUSLIM,
        (("Somali", 0.9, 0.5),),
        style="somali",
    ),
    Background(
        "turkish_kurdish",
        2,
        _split("Zeynep,Ayşe,Elif,Çağla,Rojda,Şirin,Berfin,Dilan"),
        _split("Mehmet,Emre,Can,Gökhan,Baran,Azad,Serhat,Yusuf"),
        _split("Yılmaz,Kaya,Demir,Şahin,Aydın,Doğan,Özdemir,Yıldız"),
        _OTHER,
        (("Muslim", 65), ("No religion", 25), ("Another religion or belief", 8)),
        (("Kurdish", 0.4, 0.5),),
    ),
    Background(
        "iranian",
        1,
        _split("Shirin,Maryam,Parisa,Nasrin,Leila,Azadeh,Roya"),
        _split("Reza,Dariush,Amir,Mehdi,Kian,Arash,Babak"),
        _split("Hosseini,Ahmadi,Rezaei,Karimi,Moradi,Jafari,Tehrani,Sadeghi"),
        _OTHER,
        (("Muslim", 40), ("No religion", 40), ("Christian", 8), ("Another religion or belief", 10)),
        (("Farsi", 0.85, 0.6),),
    ),
)

_VIETNAMESE_MIDDLE = {"f": _split("Thị,Ngọc,Thu,Thị"), "m": _split("Văn,Đức,Quốc,Hữu,Văn")}
_ENGLISH_MIDDLE = {
    "f": _split("Rose,Anne,Louise,Marie,Grace,Jane"),
    "m": _split("James,John,David,Edward,Lee,Paul"),
}
_ASCII_WORD = re.compile(r"[a-z0-9]+")
_MIXED_CHANCE = 0.15
_WESTERN_SURNAMES = tuple(
    s
    for bg in BACKGROUNDS
    if bg.style == "western" and bg.native_chance == 0
    for s in bg.surnames
    if "dóttir" not in s  # a patronymic is not passed on by marriage
)


def _parse(entry: str) -> tuple[str, str, str]:
    """``"Latin=Native>Known"`` to (latin, native, known as); missing parts are empty."""
    entry, _, known = entry.partition(">")
    latin, _, native = entry.partition("=")
    return latin, native, known


def _surname(entry: str, gender: str) -> tuple[str, str]:
    """(latin, native) for ``gender`` from ``"Male|Female"`` or a plain surname."""
    male, _, female = entry.partition("|")
    latin, _, native = (female if gender == "f" and female else male).partition("=")
    return latin, native


def ascii_words(text: str) -> tuple[str, ...]:
    """Folded ASCII words of a Latin-script name, for e-mail addresses ("Ó Briain" -> o, briain)."""
    return tuple(_ASCII_WORD.findall(fold(text).replace("'", "")))


def make_name(rng: random.Random, bg: Background, gender: str, *, surname: str = "") -> PersonName:
    """A person's name in ``bg``'s tradition; ``surname`` (an entry) keeps a family's name."""
    given_latin, given_native, known = _parse(rng.choice(bg.women if gender == "f" else bg.men))
    family_entry = surname or rng.choice(bg.surnames)
    if not surname and bg.style == "western" and rng.random() < _MIXED_CHANCE:
        family_entry = rng.choice(_WESTERN_SURNAMES)  # mixed families; married names
    family_latin, family_native = _surname(family_entry, gender)
    latin = f"{given_latin} {family_latin}"
    native = bool(given_native and family_native) and rng.random() < bg.native_chance
    if bg.style == "family_first":
        if native:
            full, known = family_native + given_native, f"{family_latin} {given_latin}"
        elif rng.random() < 0.5:
            full = f"{family_latin} {given_latin}"
        else:
            full = f"{given_latin} {family_latin}"
    elif native:
        full, known = f"{given_native} {family_native}", given_latin
    elif bg.style == "vietnamese":
        middle = rng.choice(_VIETNAMESE_MIDDLE[gender])
        if rng.random() < 0.7:
            full = f"{family_latin} {middle} {given_latin}"
            known = known or (given_latin if rng.random() < 0.7 else "")
        else:
            full = f"{given_latin} {family_latin}"
    elif bg.style == "sikh":
        faith_name = "Kaur" if gender == "f" else "Singh"
        full = f"{given_latin} {faith_name}"
        if rng.random() < 0.7:
            full += f" {family_latin}"
        else:
            latin = full
    elif bg.style == "spanish" and rng.random() < 0.6:  # both family names, father's first
        full = f"{given_latin} {family_latin} {_surname(rng.choice(bg.surnames), gender)[0]}"
    elif bg.style == "somali":
        father, _, _ = _parse(rng.choice(bg.men))
        full = f"{given_latin} {father} {family_latin}"
    else:
        middle = ""
        if bg.key == "english" and rng.random() < 0.2:
            middle = rng.choice(_ENGLISH_MIDDLE[gender]) + " "
        full = f"{given_latin} {middle}{family_latin}"
    if known and not native and rng.random() < 0.4:
        known = ""  # most people with a usual short form never write it down
    return PersonName(full, known, gender, latin, family_entry)


def choose_background(rng: random.Random) -> Background:
    return rng.choices(BACKGROUNDS, cum_weights=_CUMULATIVE)[0]


def _cumulative() -> list[int]:
    total, out = 0, []
    for bg in BACKGROUNDS:
        total += bg.weight
        out.append(total)
    return out


_CUMULATIVE = _cumulative()
