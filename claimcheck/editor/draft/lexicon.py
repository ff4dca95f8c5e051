"""The words the drafting rules read: reporting verbs and what they say of a claim, titles and roles,
the cues that tell a company from a ministry or a newspaper, documents, and the words of a right of
reply. Word lists, no logic; every rule that uses them is in its own module.
"""

from __future__ import annotations

#: Reporting verbs, every form a news story uses, → the claim kind the verb itself implies ("" when the
#: verb says nothing about it and the content decides).
REPORTING_VERBS: dict[str, str] = {}


def _split(words: str) -> list[str]:
    """The words of a space-separated list (kept as one string so that word lists stay compact)."""
    return words.split()


def _pairs(pairs: str) -> dict[str, str]:
    """``"key:value key:value"`` as a dict; ``_`` in a key is a space, ``-`` alone an empty value."""
    out = {}
    for pair in pairs.split():
        key, _, value = pair.partition(":")
        out[key.replace("_", " ")] = "" if value == "-" else value
    return out


def _verbs(kind: str, *forms: str) -> None:
    for form in forms:
        REPORTING_VERBS[form] = kind


_verbs("", "heard", "said", "says", "say", "told", "tells", "tell", "added", "adds", "stated", "states", "wrote", "writes")
_verbs("", "explained", "explains", "noted", "notes", "replied", "responded", "confirmed", "confirms")
_verbs("", "reported", "reports", "revealed", "reveals", "showed", "shows", "show", "found", "finds", "find")
_verbs("", "indicated", "indicates", "acknowledged", "acknowledges", "conceded", "concedes", "admitted", "admits", "admit")
_verbs("", "announced", "announces", "disclosed", "discloses", "insisted", "insists", "maintained", "maintains")
_verbs("", "argued", "argues", "contended", "contends", "asserted", "asserts", "stressed", "stresses", "recalled")
_verbs("allegation", "alleged", "alleges", "allege", "claimed", "claims", "accused", "accuses", "accuse", "charged")
_verbs("denial", "denied", "denies", "deny", "rejected", "rejects", "disputed", "disputes", "dismissed", "dismisses", "refuted")
_verbs("denial", "countered", "counters", "rebutted")
_verbs("prediction", "warned", "warns", "warn", "predicted", "predicts", "forecast", "forecasts", "projected", "projects")
_verbs("prediction", "expects", "expect", "expected", "fears", "fear", "feared")
_verbs("assessment", "believes", "believe", "believed", "thinks", "think", "suggested", "suggests", "suggest", "concluded", "concludes")
_verbs("assessment", "estimated", "estimates", "estimate", "considers", "consider", "sees", "see", "regards", "regard", "views")
_verbs(
    "assessment", "welcomed", "welcomes", "praised", "praises", "criticised", "criticized", "criticises", "condemned", "condemns", "hailed"
)
_verbs("action", "recommended", "recommends", "urged", "urges", "promised", "promises", "pledged", "pledges", "vowed", "vows")
_verbs("action", "agreed", "agrees", "ordered", "orders", "decided")

#: Verbs whose subject is usually a document ("the report found", "records show").
DOCUMENT_VERBS = frozenset(
    {"says", "said", "say", "shows", "showed", "show", "found", "finds", "find", "stated", "states", "suggests", "suggested", "suggest"}
    | {"concluded", "concludes", "reveals", "revealed", "indicates", "indicated", "admits", "admitted", "estimates", "estimated"}
    | {"warns", "warned", "recommends", "recommended", "notes", "noted", "put"}
)

#: Words that may stand between a subject and its reporting verb.
ADVERBS = frozenset({"also", "later", "previously", "earlier", "separately", "again", "then", "publicly", "repeatedly", "privately"})
AUXILIARIES = frozenset({"has", "have", "had", "did", "does", "do", "will", "would", "could", "can", "may", "might", "is", "was"})

#: Honorifics before a person's name; the first group is kept in the name ("Dr Anil Mehra").
KEPT_HONORIFICS = frozenset({"Dr", "Dr.", "Prof", "Prof.", "Professor", "Sir", "Dame", "Lord", "Lady"})
HONORIFICS = KEPT_HONORIFICS | frozenset({"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Mx", "Cllr", "Cllr.", "Councillor"})
HONORIFICS |= frozenset({"Councilmember", "Councilman", "Councilwoman", "Sen.", "Senator", "Rep.", "Gov.", "Governor", "Mayor"})
HONORIFICS |= frozenset({"Minister", "President", "Judge", "Justice", "Rev.", "Father", "Sister", "Capt.", "Gen.", "Col.", "Sgt."})
#: The role an honorific names, for matching "a councillor" with "Cllr Janet Rowe".
HONORIFIC_ROLES = _pairs(
    "Cllr:councillor Cllr.:councillor Councillor:councillor Councilmember:councilmember Councilman:councilmember "
    "Councilwoman:councilmember Sen.:senator Senator:senator Rep.:representative Gov.:governor Governor:governor "
    "Mayor:mayor Minister:minister President:president Dr:doctor Dr.:doctor Prof:professor Prof.:professor "
    "Professor:professor Judge:judge "
)

#: Nouns naming what a person is or does ("spokeswoman", "chief executive"): a phrase built on one is a
#: person or, without a name, an unnamed source.
PERSON_ROLES = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "executive", "director", "president", "chairman", "chairwoman", "chair"}
    | {"minister", "councillor", "councilmember", "member", "professor", "lawyer", "attorney", "solicitor", "barrister"}
    | {"organiser", "organizer", "coordinator", "analyst", "engineer", "manager", "supervisor", "driver", "worker", "mayor"}
    | {"senator", "governor", "secretary", "officer", "official", "economist", "researcher", "scientist", "expert", "adviser"}
    | {"advisor", "consultant", "founder", "owner", "resident", "grandmother", "grandfather", "mother", "father", "farmer"}
    | {"grower", "teacher", "nurse", "doctor", "surgeon", "inspector", "head", "leader", "chief", "deputy", "representative"}
    | {"employee", "miner", "commissioner", "trustee", "partner", "campaigner", "activist", "agent", "editor", "reporter"}
    | {"correspondent", "treasurer", "auditor", "planner", "architect", "pilot", "captain", "judge", "mp", "aide", "staffer"}
    | {"prosecutor", "investigator", "detective", "juror", "witness", "coroner", "epidemiologist", "physician", "pharmacist"}
)
#: Plural nouns that, bare or with a number, name an unnamed group ("analysts", "three people").
GROUP_NOUNS = frozenset(
    {"analysts", "experts", "officials", "officers", "sources", "people", "residents", "employees", "workers", "staff", "members"}
    | {"economists", "researchers", "scientists", "critics", "campaigners", "activists", "farmers", "growers", "traders"}
    | {"investors", "executives", "managers", "engineers", "doctors", "nurses", "teachers", "parents", "patients", "diplomats"}
    | {"insiders", "lawyers", "observers", "witnesses", "neighbours", "neighbors", "drivers", "miners", "locals", "villagers"}
    | {"councillors", "lawmakers", "legislators", "ministers", "inspectors", "auditors", "consultants", "academics", "users"}
    | {"prosecutors", "investigators", "detectives", "jurors", "judges", "police", "protesters", "unions", "regulators", "scholars"}
)
#: Role nouns that stand for a company or a body in a definite description ("the mine's owner").
BODY_ROLES = _pairs(
    "company:company firm:company developer:company owner:company operator:company subsidiary:company unit:company "
    "business:company contractor:company broker:company haulier:company manufacturer:company maker:company "
    "producer:company supplier:company retailer:company group:- ministry:government-body department:government-body "
    "council:government-body district:government-body agency:government-body authority:government-body "
    "administration:government-body government:government-body regulator:government-body police:government-body "
    "office:government-body association:organisation union:organisation alliance:organisation campaign:organisation "
    "charity:organisation institute:organisation organisation:organisation organization:organisation "
    "federation:organisation newspaper:news-outlet paper:news-outlet broadcaster:news-outlet "
)

#: Words in a name that say what kind of party it is.
NAME_CUES: dict[str, str] = {}
for _word in _split(
    "Corp Corp. Corporation Inc Inc. Ltd Ltd. Limited plc PLC LLC LLP Co. Company Holdings Homes Foods Gold Mining Energy Securities Haulage Export Exports Environmental Trading Associates Partners Bank Airlines Motors Industries Technologies Systems Capital Resources Logistics Pharmaceuticals Farms Construction Developments Properties Brands Manufacturing Semiconductor Electronics Telecom Communications Shipping Airways Petroleum Oil Steel Motors Enterprises Ventures"
):
    NAME_CUES[_word] = "company"
for _word in _split(
    "Ministry Department Council Police Administration Government Agency Authority Commission Parliament Senate Congress Pentagon Directorate Court Bureau Inspectorate Regulator Treasury Army Navy Municipality Cabinet Executive Office Assembly Prefecture Constabulary District Registry"
):
    NAME_CUES[_word] = "government-body"
for _word in _split(
    "News Herald Times Journal Post Observer Gazette Ledger Tribune Beacon Telegraph Guardian Chronicle Courier Express Mail Mirror Standard Independent Reuters Bloomberg Press Wire Radio TV Television Broadcasting Magazine Newsroom Daily"
):
    NAME_CUES[_word] = "news-outlet"
for _word in _split(
    "Union Association Alliance Federation University College Foundation Trust Society Campaign Coalition League Network Forum Club Party Local Watch Centre Center Committee Charity Fund Movement Initiative Council"
):
    NAME_CUES.setdefault(_word, "organisation")
for _word in _split("Research Analytics Insights Institute Consulting Consultancy Intelligence Forecasting Economics"):
    NAME_CUES[_word] = "research-firm"

#: Words in a description that say what kind of party it is ("a Dutch non-profit group", "the regional newspaper").
DESCRIPTION_CUES = (
    ("news-outlet", ("newspaper", "broadcaster", "news site", "news agency", "magazine", "news outlet", "tabloid", "wire service")),
    ("research-firm", ("research firm", "research body", "research group", "think tank", "consultancy", "forecaster", "analytics firm")),
    ("government-body", ("ministry", "government", "regulator", "authority", "agency", "department", "council", "public body")),
    ("organisation", ("non-profit", "nonprofit", "charity", "campaign", "union", "association", "environmental group", "trade body")),
    ("organisation", ("monitoring group", "advocacy group", "lobby group", "pressure group", "industry group", "represents")),
    ("company", ("company", "firm", "maker", "contractor", "developer", "operator", "broker", "haulier", "producer", "manufacturer")),
    ("company", ("supplier", "retailer", "subsidiary", "which sells", "which makes", "which operates", "which runs", "which builds")),
)

#: Nouns naming a document, → its kind in the format.
DOCUMENT_NOUNS = _pairs(
    "statement:statement statements:statement press_release:statement release:statement report:report "
    "reports:report review:report study:report survey:report estimates:report estimate:report projections:report "
    "poll:report assessment:report analysis:report audit:report memo:other memorandum:other briefing:other "
    "letter:letter email:other e-mail:other note:other notes:other filing:filing filings:filing court_papers:filing "
    "records:other record:other documents:other document:other papers:other data:other figures:other "
    "forecast:report model:other quotation:other results:report response:other reply:other photographs:other "
    "photos:other minutes:other register:other interview:interview post:social-media-post tweet:social-media-post "
    "broadcast:broadcast website:web-page blog:web-page "
)
#: Where a post was written: "wrote on Facebook".
SOCIAL_MEDIA = ("Facebook", "Twitter", "X", "Instagram", "LinkedIn", "TikTok", "Threads", "Bluesky", "Mastodon", "social media", "YouTube")

#: Countries and capitals that news copy uses for their governments ("the US tightened restrictions").
STATE_NAMES = frozenset(
    _split(
        "US USA UK EU Britain China Russia India Japan Germany France Italy Spain Canada Australia Brazil Mexico Iran "
        "Israel Turkey Ukraine Norway Sweden Denmark Finland Poland Netherlands Belgium Switzerland Austria Ireland "
        "Greece Portugal Egypt Pakistan Indonesia Vietnam Thailand Nigeria Kenya Argentina Chile Colombia Peru "
        "Venezuela Cuba Syria Iraq Taiwan Korea Beijing Moscow Washington Tehran Kyiv Brussels Pyongyang Ankara Tokyo "
        "Delhi Ottawa Canberra Whitehall Westminster"
    )
) | frozenset({"United States", "United Kingdom", "European Union", "South Korea", "North Korea", "Saudi Arabia", "South Africa"})

#: Capitalised words that start sentences or qualify names but are never names themselves.
NOT_NAMES = frozenset(
    _split(
        "The A An In On At To For By With From After Before Its His Her Their Our My Your This That These Those It He "
        "She They We I But And Or As If When While Asked According Speaking Throughout Last Earlier Later Update "
        "Correction Meanwhile However Despite Like Most Some Many Few Several One Two Three Four Five Six Seven Eight "
        "Nine Ten None No Not All Each Every Both Such There Here What Who Whom Whose Which Why How Where Yes Also "
        "Even Only Under Over Since Until During Between Among Without Within About Against Across Through Into Onto "
        "Upon Once Now Then Today Yesterday Tomorrow Still Already Just Members Analysts Experts Officials Officers "
        "Residents Critics Sources Staff People Instead Although Though Because So Nor Yet Than More Less Another "
        "Other Others New Former Senior Chief Deputy Acting Interim Retired Independent"
    )
)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
MONTH_ABBREVIATIONS = {k: int(v) for k, v in _pairs("Jan:1 Feb:2 Mar:3 Apr:4 Jun:6 Jul:7 Aug:8 Sep:9 Sept:9 Oct:10 Nov:11 Dec:12").items()}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: Languages named in translation notes → BCP 47 codes.
LANGUAGES = {
    "Norwegian": "no", "Swedish": "sv", "Danish": "da", "Finnish": "fi", "Icelandic": "is", "German": "de", "French": "fr",
    "Spanish": "es", "Portuguese": "pt", "Italian": "it", "Dutch": "nl", "Polish": "pl", "Czech": "cs", "Slovak": "sk",
    "Hungarian": "hu", "Romanian": "ro", "Greek": "el", "Turkish": "tr", "Russian": "ru", "Ukrainian": "uk", "Arabic": "ar",
    "Hebrew": "he", "Persian": "fa", "Chinese": "zh", "Mandarin": "zh", "Cantonese": "yue", "Japanese": "ja", "Korean": "ko",
    "Hindi": "hi", "Urdu": "ur", "Bengali": "bn", "Indonesian": "id", "Malay": "ms", "Vietnamese": "vi", "Thai": "th",
    "Swahili": "sw", "Catalan": "ca", "Basque": "eu", "Welsh": "cy", "Irish": "ga", "Estonian": "et", "Latvian": "lv",
    "Lithuanian": "lt", "Serbian": "sr", "Croatian": "hr", "Bulgarian": "bg", "Slovenian": "sl", "Albanian": "sq",
}  # fmt: skip

#: Words that mark a claim as blaming someone (an allegation) or rebutting blame (a denial).
BLAME_WORDS = (
    "accus", "hid", "hiding", "cover-up", "covered up", "overstat", "misled", "mislead", "lied", "illegal", "unlawful", "fraud",
    "failed", "failure", "negligen", "ignored", "broke the law", "breach", "violat", "corrupt",
    "should have", "without permission", "unsafe", "dumped", "smuggl", "bribe", "abuse", "suspected", "alleged",
    "concerns over", "accusation", "wrongdoing", "misconduct", "cover up", "mismanag", "falsif", "withheld", "concealed",
)  # fmt: skip
NEGATIONS = (" not ", " no ", " never ", "n't ", " nothing ", " none ", " nor ", "no evidence", "categorically", " without ")
EVALUATIVE = (
    "could", "might", "may ", "likely", "unlikely", "threaten", "crucial", "risk", "worst", "best", "significant",
    "should", "part of", "enough", "too ", "in our view", "we believe", "sign of", "evidence of",
)  # fmt: skip
FUTURE = (" will ", " would ", " is to ", " are to ", " plans to ", " intends to ", " going to ", " expects to ", "by 20")

#: Gerunds whose past tense is not the word without "ing" plus "ed" ("accused the firm of hiding…" → "hid").
IRREGULAR_PAST = _pairs(
    "keeping:kept hiding:hid making:made taking:took giving:gave selling:sold telling:told paying:paid leaving:left "
    "breaking:broke stealing:stole misleading:misled lying:lied being:was having:had doing:did running:ran getting:got "
    "buying:bought bringing:brought holding:held sending:sent spending:spent building:built cutting:cut putting:put "
    "setting:set letting:let hitting:hit withholding:withheld seeking:sought teaching:taught thinking:thought "
    "losing:lost meeting:met sitting:sat standing:stood understanding:understood writing:wrote driving:drove "
    "hiring:hired agreeing:agreed seeing:saw eating:ate falling:fell feeling:felt finding:found forgetting:forgot"
)
