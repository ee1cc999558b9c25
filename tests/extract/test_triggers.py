"""The trigger lexicon covers ACLED's taxonomy and marks candidate sentences."""

from eventcoder.extract.triggers import EVENT_TYPES, SUB_TO_TYPE, TriggerLexicon


def test_lexicon_covers_all_25_sub_event_types():
    lex = TriggerLexicon.load()
    covered = {t.sub_event_type for t in lex.triggers}
    assert covered == set(SUB_TO_TYPE)
    assert sum(len(v) for v in EVENT_TYPES.values()) == 25


def test_find_marks_spans_and_types():
    lex = TriggerLexicon.load()
    text = "A suicide bomber blew himself up at a tea shop."
    subs = {m.sub_event_type for m in lex.find(text)}
    assert "Suicide bomb" in subs
    m = next(m for m in lex.find(text, 10) if m.sub_event_type == "Suicide bomb")
    assert text[m.start - 10:m.end - 10] == m.text


def test_candidate_filter():
    lex = TriggerLexicon.load()
    assert lex.candidate("Police fired tear gas at protesters.")
    assert not lex.candidate("The ministry published its budget for next year.")


def test_riot_control_agent_is_not_a_riot():
    lex = TriggerLexicon.load()
    assert not [m for m in lex.find("grenades that contain the riot-control agent CS") if m.event_type == "Riots"]


def test_required_literals_are_read_from_the_pattern():
    from eventcoder.extract.triggers import required_literals

    assert required_literals(r"(?:hurled|threw|lobbed) (?:an? )?(?:hand )?grenades?") == {"grenade"}
    # the most selective part of each branch: "violence" or "assault" rather than "sexual"
    assert required_literals(r"raped|rapes?\b|sexual(?:ly)? (?:violence|assault)") == {"rape", "raped", "violence", "assault"}
    assert required_literals(r"(?:\w+ ){0,3}(?:\w+)") == frozenset()  # nothing required: always scanned


def test_scan_with_literals_finds_the_same_triggers_as_each_pattern():
    from eventcoder.extract.triggers import TriggerLexicon

    lex = TriggerLexicon.load()
    text = ("Militants hurled a grenade at a police post in the town, and artillery shelled two villages. "
            "Later, protesters marched to parliament.")
    found = {(m.sub_event_type, m.text) for m in lex.find(text)}
    assert ("Grenade", "hurled a grenade") in found
    assert ("Shelling/artillery/missile attack", "artillery") in found
    starts = lex.candidate_offsets(text)
    assert text.index("hurled") in starts and text.index("artillery") in starts
    assert lex.candidate("The weather was fine and the market opened.") is False


def test_shells_are_a_weapon_only_when_fired_or_landing():
    # general-news stream: "necklaces of ocean shells" was a shelling; "lobbed tear gas shells" too
    lex = TriggerLexicon.load()

    def shelling(text: str) -> bool:
        return any(m.sub_event_type == "Shelling/artillery/missile attack" for m in lex.find(text))

    assert not shelling("The photos show necklaces of ocean shells and mussel shells made by the Adena people.")
    assert not shelling("Riot police lobbed tear gas shells to disperse the activists.")
    assert shelling("Israel responded by firing at least six shells on villages in the area.")
    assert shelling("Artillery shells hit the market on Monday.")
    assert shelling("Russian forces shelled the city overnight.")


def test_general_news_words_that_name_no_event():
    # general-news stream (GeoWebNews, LGL), session 15: each of these was an event
    lex = TriggerLexicon.load()

    def subs(text: str) -> set[str]:
        return {m.sub_event_type for m in lex.find(text)}

    assert "Armed clash" not in subs("The archbishop died Sunday after a long battle with lung cancer.")
    assert "Armed clash" in subs("Troops fought a fierce battle with militants near the border.")
    assert not subs("Washington approved selling Riyadh 180 self-propelled artillery systems for $1.31 billion.")
    assert "Shelling/artillery/missile attack" in subs("Artillery pounded the northern suburbs overnight.")
    assert not subs("The anti-ballistic missile defences are being built in Poland.")
    assert not subs("The company president shot down rumors of a new engine.")
    assert "Disrupted weapons use" in subs("Air defences shot down two drones over the city.")
    assert not subs("Chefs in the Market District kitchen demonstrated Passover recipes.")
    assert not subs("A demonstration of military power, on the other hand, is available.")
    assert "Peaceful protest" in subs("Thousands of demonstrators marched to parliament.")
    assert not subs("Officials decided to host an annual biker rally on the beach.")
    assert not subs("The suspect agreed to surrender himself to police after three hours.")
    assert "Change to group/activity" in subs("Forty rebels surrendered to the army with their weapons.")
    assert not subs("Shingleton opened up his campaign headquarters over the weekend.")
    assert not subs("Lynch said the council would meet again.")
    assert not subs("Russia was angered by the ABM missiles the United States planned in Poland.")
    assert not subs("The deal includes 180 Paladin howitzers, artillery-firing vehicles on tracks.")
