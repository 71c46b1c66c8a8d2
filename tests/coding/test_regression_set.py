"""The bundled dictionaries against a regression set of realistic wire sentences (issue 4).

tests/data/regression/events.yaml holds sentences written for this project (invented events,
real 2020s actors), each with its date and its expected events, written one per string as
"SOURCE TARGET CODE [flag ...]" (flags: hypothetical, future, reported_speech, passive), or an
empty list when nothing may be coded. A case passes when the coded (source, target, code) set
equals the expected one and every listed flag is set on its event.

The overall pass rate must stay at or above PASS_FLOOR (measured, minus two points), so a
dictionary change that breaks more than it fixes fails; MUST_PASS cases must pass exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import yaml

from coding.records import Article, CodedArticle

CASES_FILE = Path(__file__).resolve().parents[1] / "data" / "regression" / "events.yaml"
FLAGS = frozenset({"hypothetical", "future", "reported_speech", "passive"})
PASS_FLOOR = 0.90  # measured 92.0% (277/301) on 2026-11-26, less about two points
MUST_PASS = (
    "m-negated-attack", "m-would-attack-if", "m-plans-to-attack", "m-will-meet",
    "m-passive-attacked", "m-reported-shelling", "m-reported-attack", "s03-pledge-aid-euros",
    "s19-shell-city", "s11-accuse-war-crimes", "s13-threaten-attack", "s04-held-talks-leaders",
    "a-unnamed-person-no-title", "n-sports", "s16-impose-sanctions",
    # Actor attribution rules: transitive "struck", a compass "of", advisers, whose detention,
    # roles placed by the event's place.
    "s19-missiles-struck", "s19-struck-position-west-of", "s04-adviser-meets", "s11-condemn",
    "s17-detain-protesters", "s18-bomb-plain", "s19-greek-owned-ship", "s08-prisoner-exchange",
    "s19-shared-role-clash", "s19-shared-role-names",
    # Leaving or returning to a place is travel, quitting a bloc a break with it: not military
    # retreats or returns.
    "s08-leader-leaves-capital", "s08-return-home", "s16-quit-bloc",
    # A name the parser made a noun-phrase adverb is the object: "visited Washington".
    "s04-visit-name-as-adverb",
    # A subject the parser hung on the auxiliary, a progressive it read as the attribute of
    # "is": the verb's subject all the same.
    "s04-mediate-subject-on-auxiliary", "s04-mediate-progressive-as-attr",
    # "its" in a reported clause is the speaker's when the doer is plural, else left open.
    "s19-reported-its-infrastructure", "s19-reported-its-positions", "s19-reported-its-troops",
    "s19-reported-its-own-missile",
    # A list of countries naming things ("Chinese and Russian bombers") is one actor each.
    "s15-joint-patrol-listed-countries",
    # Where an act was done from places it: "kidnapped students from a school in X".
    "s18-kidnap-from-place",
    # A threat is of the speaker's own act: "Russia could attack ..., German officials warned"
    # is a forecast, no threat of Germany's or of Russia's; the Kremlin saying it is Russia's.
    "s13-warn-of-anothers-act", "s13-threaten-forces-would-attack",
    "s20-own-spokesman-says-could-strike",
    # A country name the actor dictionaries decide ("Congo") places the event there too.
    "s19-seize-town-in-congo",
    # Those a government detains at home are its own, before the place's country.
    "s17-detain-near-foreign-border",
    # The same words keep the country an earlier event of the sentence gave them.
    "s10-protesters-demanding-placed-by-clash",
    # An act "likely" is possible, one "unlikely" none, one "set" or "poised" to be done intended.
    "m-likely-to-attack", "m-unlikely-to-invade", "m-set-to-launch", "m-poised-to-seize",
    # Hearsay with no named speaker is reported: "reportedly", "is believed to have".
    "m-reportedly-supplied", "m-believed-to-have-supplied",
    # Those "pro-" a name support it and are not it.
    "s14-pro-eu-protesters-are-not-the-eu",
    # Holding people is detention (173) unless they are held hostage; taking a city is no
    # abduction (no bare "take +" as 181).
    "s17-hold-foreign-citizens", "s13-take-revenge-is-a-threat",
    # Who used force on a thing ("a ship attacked by pirates") is not whose it is, unless the
    # phrase is the event itself ("the seizure of a ship hijacked by X").
    "s07-rescue-crew-of-attacked-ship", "s11-condemn-seizure-of-hijacked-ship",
    # A group's leaders and commanders are the group: "gang leaders" are CRM, not CRMGOV.
    "s14-student-leaders-strike", "s17-arrest-gang-leaders", "s18-kill-guerrilla-commander",
    # A preposition after the object is no particle: "took Mosul in June" is no "take in".
    "s19-took-city-in-year",
    # "denied sending troops" denies an act; it refuses nothing to anyone.
    "s12-deny-sending-troops", "s12-deny-supplying-weapons",
    # A date is when, never whom: "on Monday" fills no "on +".
    "s15-drills-near-on-weekday",
    # Listed sharers share with each other, and the intelligence shared is no agency (SPY).
    "s06-listed-share-intelligence", "s06-share-intelligence-no-one-named",
    # "Both governments" are the governments of the last pair, "both countries" its countries.
    "s04-both-governments-after-host",
    # An act someone stops is not done, and one asked to be stopped not intended.
    "m-stopped-supporting", "m-urged-to-stop",
    # A negative subject ("neither X nor Y", "no government", "none of") did nothing, in every
    # verb it shares; "neither condemned nor supported" is two denials.
    "m-neither-nor-subjects", "m-none-of-subject", "m-no-subject-shared-by-listed-verbs",
    "m-neither-verb-nor-verb", "m-neither-in-other-clause",
    # A region named in a place phrase is where, not whom, and a machine of no country is no
    # one; "Liberian-flagged" says whose the tanker is. "at" aims: "fired at the Gulf states".
    "s17-seize-tanker-in-named-waters", "s17-seize-flagged-tanker",
    "s19-intercept-drones-over-named-waters", "s19-fire-missiles-at-region-states",
    # Force's "from" on the verb is where it came from; taken "from" someone, or a thing
    # "from" a country, names whom.
    "s19-fire-rockets-from-positions", "s15-launch-missiles-from-country",
    "s19-recapture-from-troops", "s19-shells-near-vessel-from-country",
    # The city an agreement or talks are named after is no party ("the Paris climate
    # agreement"); a proposal is still its maker's ("the Washington proposal").
    "s16-withdraw-from-city-named-agreement", "s05-welcome-city-named-talks-with",
    "s12-reject-capital-named-proposal",
    # The place an act was done near, as the place it was done in, is whom it touched.
    "s19-shell-villages-near-city",
    "s18-bomb-targets-throughout-country", "s19-launch-drone-strikes-across-country",
    # An order to forces of no named country goes down one's own chain of command; one to
    # another country's troops is an expulsion.
    "s10-order-own-troops-to-withdraw", "s10-order-police-to-disperse",
    "s16-order-foreign-troops-to-leave",
    # Those evicted from a place, not the place, are whom an eviction touched; "coast guards"
    # are a force as "coast guard" is.
    "s20-evict-people-from-camp-near-city", "s20-coast-guards-plural",
    # "allow aid @enter +": the aid is what is let in, the target is where it goes.
    "s20-allow-aid-trucks-to-enter",
    # A modal before the perfect ("may have bombed") is a possible past: no threat, no intent.
    "s20-may-have-bombed-is-no-threat", "s20-might-have-supplied-is-no-intent",
    # A place "-held" or "-controlled" by a group or country is theirs: "a rebel-held village".
    "s20-bomb-rebel-held-village", "s20-attack-government-held-town",
    # Prisoners of war put to death are killed (1823), not sentenced; a network break-in is no
    # breach of a rule.
    "s20-execute-prisoners-of-war", "s20-hackers-breach-networks",
    # A gerund in a verb's adverbial phrase is its subject's act ("after meeting Xi, Lula",
    # "retaliated by attacking"), unless negated ("without consulting"), opposed ("warned
    # Finland against joining") or the object's ("condemned Iran for supplying").
    "s20-after-meeting-gerund", "s20-retaliate-by-attacking",
    "s20-without-consulting-is-no-consultation", "s20-warn-against-joining-is-no-joining",
    "s20-condemn-for-supplying-is-the-objects-act",
    # The place of a talk's topic is no party: "discussed the war in Gaza".
    "s20-discuss-war-in-place-is-no-party",
    # Cutting gas supplies reduces relations; leaders clash in a meeting in words, not arms.
    "s20-cut-gas-supplies", "s20-leaders-clash-in-meeting", "s20-freeze-participation-in-alliance",
    # "the allegation" is the last accuser's; criminal charges are no accusation (112); "the
    # raid" the last raider's, "the attack" the last attacker's before the last to use force.
    "s20-reject-the-allegation", "s20-deny-criminal-charges-is-no-rejection",
    "s20-condemn-the-raid", "s20-condemn-the-attack-named-by-its-verb",
    # A role word the parser tags as an adjective but hangs as a compound: "rebel leaders".
    "s04-meet-rebel-leaders-in-country",
    # An agreement ended or left is no agreement signed.
    "s16-end-cooperation-agreement", "s16-leave-nuclear-deal",
    # Machines of war acting are the forces of whoever launched or sent them, not of whoever
    # shot them down.
    "s19-launched-drones-that-struck", "s13-scrambled-jets-to-warn-off",
    "s19-downed-drones-that-attacked",
    # "The army said its troops ...": the speaker a definite role word, named before.
    "s19-speaker-role-named-before",
    # Riot weapons and live fire on a crowd are repression (175); "used X to" is the user's act.
    "s17-tear-gas-to-disperse", "s17-live-ammunition-at-protesters",
    # Police of no named country are those of the people they face, when no place is named.
    "s14-protesters-in-city-clash-with-police", "s14-fans-abroad-clash-with-police",
    # "A round of talks" is talks: between listed actors, and only as real as its verb.
    "s04-round-of-talks-venue", "s04-ready-to-host-round-of-talks",
    # A place the listed actors met in is no party: "held talks in Istanbul".
    "s04-talks-venue-capital", "s05-sign-deal-at-venue",
    # Only people are held in detention: a summit, a town or an exchange is not.
    "s04-hold-summit", "s17-hold-town-no-detention", "s08-hold-prisoner-exchange",
    # The object when the pattern's target phrase is the source's own; a denial's target.
    "s20-mass-expulsion", "m-denied-attacking",
    # A demand made through a clause is on the clause's subject; a named verb beats a bare
    # preposition that may be the complement's.
    "s10-demand-release", "s10-demand-lift-sanctions", "s10-demand-withdraw",
    "s10-demand-policy-change",
    # A sum of money is no target: the "to" phrase is.
    "s07-donate",
    # An event noun's own words ("air strikes") and the attack as the means of a killing.
    "s19-strikes-killed",
    # A complement's object names the target of a pattern naming the complement.
    "s13-threaten-halt-negotiations", "s13-threaten-military-force",
    # Agreeing to an act is the intention to do it.
    "s03-agree-talks",
    # What is discussed is no party; a bare role facing a foreign state is not of that state;
    # jailing is detention (173), as a sentence to prison is.
    "s17-jail-for-years", "s04-discuss-topic-is-no-party", "s05-thank-foreign-state",
    # A place the actor dictionaries list ("Borno state") is in their country, not a namesake's;
    # whoever is handed over to a court, the court is the one cooperated with.
    "s19-the-militant-group", "s06-hand-over-suspect",
    # Police sent to a country serve there (074); the intent to do so is 0334.
    "s07-deploy-police-mission", "s03-pledge-peacekeepers",
    # Appeals to agree to a ceasefire; two "for" slots need two phrases.
    "s02-urge-ceasefire", "s12-reject-aid-request",
    # Sub-codes: military cooperation, cooperation on trade, inspectors allowed in, a massacre,
    # a military alert, a ceasefire agreed to.
    "s03-vow-military-cooperation", "s06-trade-deal-cooperate", "s08-allow-inspectors",
    "s20-massacre", "s15-alert", "s08-ceasefire-agree",
    # What someone is pressed to do has not happened.
    "m-pressured-to-allow",
    # A government's coercion is at home: the opposition it curbs is its country's.
    "s17-curfew",
)

Triple = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class Case:
    case_id: str
    day: date
    text: str
    expected: dict[Triple, frozenset[str]]  # (source, target, code) -> flags that must be set


@dataclass(frozen=True, slots=True)
class Outcome:
    case: Case
    coded: dict[Triple, frozenset[str]]  # (source, target, code) -> flags set

    @property
    def passed(self) -> bool:
        if set(self.coded) != set(self.case.expected):
            return False
        return all(flags <= self.coded[key] for key, flags in self.case.expected.items())

    def describe(self) -> str:
        def show(events: dict[Triple, frozenset[str]]) -> str:
            return "; ".join(
                " ".join([*key, *sorted(flags)]) for key, flags in sorted(events.items())
            ) or "(none)"

        return (
            f"[{self.case.case_id}] {self.case.text}\n"
            f"    expected: {show(self.case.expected)}\n    coded:    {show(self.coded)}"
        )


def _event(text: str, where: str) -> tuple[Triple, frozenset[str]]:
    words = text.split()
    if len(words) < 3 or not FLAGS.issuperset(words[3:]):
        raise ValueError(f"{where}: event must be 'SOURCE TARGET CODE [flag ...]': {text!r}")
    return (words[0], words[1], words[2]), frozenset(words[3:])


def load_cases(path: Path = CASES_FILE) -> list[Case]:
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    cases = []
    for number, item in enumerate(items, start=1):
        where = f"{path}: case {number} ({item.get('id')})"
        expected = dict(_event(str(e), where) for e in item["events"] or [])
        cases.append(Case(str(item["id"]), item["date"], " ".join(item["text"].split()), expected))
    return cases


def coded_events(coded: CodedArticle) -> dict[Triple, frozenset[str]]:
    found: dict[Triple, frozenset[str]] = {}
    for event in coded.events:
        flags = frozenset(name for name in FLAGS if getattr(event.modality, name))
        key = (event.source.code, event.target.code, event.event_code)
        found[key] = found.get(key, frozenset()) | flags
    return found


def run_cases(coder, cases: list[Case]) -> list[Outcome]:
    from coding.pipeline import code_articles

    articles = [
        Article(
            article_id=case.case_id,
            title="",
            text=case.text,
            published_at=datetime(case.day.year, case.day.month, case.day.day, tzinfo=UTC),
        )
        for case in cases
    ]
    return [
        Outcome(case, coded_events(coded))
        for case, coded in zip(cases, code_articles(coder, articles), strict=True)
    ]


def test_regression_cases_are_well_formed_and_cover_every_root() -> None:
    cases = load_cases()
    assert len(cases) >= 150
    assert len({c.case_id for c in cases}) == len(cases)
    roots = {code[:2] for c in cases for (_, _, code) in c.expected}
    assert roots >= {f"{n:02d}" for n in range(1, 21)}
    assert sum(1 for c in cases if not c.expected) >= 5
    assert set(MUST_PASS) <= {c.case_id for c in cases}


@pytest.fixture(scope="module")
def outcomes() -> list[Outcome]:
    from coding.pipeline import load_coder

    return run_cases(load_coder(), load_cases())


@pytest.mark.slow
def test_regression_set_pass_rate_stays_above_the_measured_floor(outcomes) -> None:
    failed = [o for o in outcomes if not o.passed]
    rate = 1 - len(failed) / len(outcomes)
    report = "\n".join(o.describe() for o in failed)
    assert rate >= PASS_FLOOR, f"pass rate {rate:.1%} < {PASS_FLOOR:.1%}; failures:\n{report}"


@pytest.mark.slow
def test_regression_must_pass_cases_code_exactly(outcomes) -> None:
    by_id = {o.case.case_id: o for o in outcomes}
    failed = [by_id[i] for i in MUST_PASS if not by_id[i].passed]
    assert not failed, "\n".join(o.describe() for o in failed)
