"""Death tolls by FORMAT.md's table: numbers, words, sums, vague words, injuries never counted."""

import pytest

from eventcoder.extract.fatalities import find_deaths, parse_quantity


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Gunmen killed at least 12 villagers in Tsafe.", [12]),
        ("Three soldiers and two civilians were killed when the convoy hit a mine.", [5]),
        ("More than 40 militants and two soldiers were killed in the battle.", [42]),
        ("Dozens of people were killed in the shelling, residents said.", [12]),
        ("The raid killed more than a dozen farmers.", [12]),
        ("Tens of people died in the fire.", [10]),
        ("Air strikes killed several fighters near the river.", [3]),
        ("Troops killed ten of the attackers and lost four men.", [10, 4]),  # a force that "lost" men: its dead
        ("A policeman was killed and four others were wounded.", [1]),
        ("The mortar rounds caused no casualties, officials said.", [0]),
        ("The toll rose to 31 on Friday.", [31]),
        ("Rescuers recovered the bodies of eight miners.", [8]),
        ("At least five to seven people died.", [5]),
        # developed: a day between the verb and its auxiliary ("were on Sunday lynched") lost the toll
        ("Four suspected thieves were on Sunday lynched in Namulesa cell.", [4]),
        # the Pakistani army's press wing
        ("After intense fire exchange, 12 khwarij were sent to hell.", [12]),
        # "how many" asks a number: it gives none
        ("The statement did not clarify how many assailants were slain.", []),
        # singular victim nouns ("one trader")
        ("Traders clashed with police, leaving one trader dead.", [1]),
        # bad-input helper: "one hundred" was 101, "two hundred and fifty" nothing, "5-7" nothing
        ("One hundred people were killed in the attack.", [100]),
        ("Two hundred and fifty people were killed.", [250]),
        ("The attack killed 5-7 soldiers.", [5]),
        ("No fewer than 30 villagers were killed.", [30]),
        ("3 dozen people were killed.", [36]),
    ],
)
def test_death_figures(sentence, expected):
    assert [d.value for d in find_deaths(sentence)] == expected


def test_injuries_are_never_deaths():
    assert find_deaths("Six people were wounded and eleven injured in the blast.") == []


def test_killed_or_wounded_mixes_injuries_and_is_skipped():
    assert find_deaths("Fourteen people were killed or wounded in the film's opening scene.") == []


def test_hundreds_of_families_fled_is_no_toll_but_dozens_killed_is():
    figures = find_deaths("Dozens of civilians were killed and hundreds of families fled the village.")
    assert [(d.value, d.text) for d in figures] == [(12, "Dozens of civilians were killed")]


def test_dozens_arrested_is_not_a_toll():
    assert find_deaths("Dozens of people were arrested, police said.") == []


def test_attackers_are_marked():
    [fig] = find_deaths("Soldiers killed nine of the attackers.")
    assert fig.attackers is True and fig.value == 9


def test_spans_are_offsets():
    text = "Residents said that the strike killed four people."
    [fig] = find_deaths(text, offset=100)
    assert text[fig.start - 100:fig.end - 100] == fig.text == "killed four people"


@pytest.mark.parametrize(("phrase", "value"), [("twenty-one", (21, 21)), ("1,200", (1200, 1200)),
                                                ("up to 9", (9, 9)), ("two or three", (2, 3)), ("hundreds", (100, 100))])
def test_parse_quantity(phrase, value):
    assert parse_quantity(phrase) == value


def test_dates_are_not_tolls():
    figures = find_deaths("GUSAU, Nigeria, March 14, 2024 - Seven people were killed in Tsafe.")
    assert [(d.value, d.text) for d in figures] == [(7, "Seven people were killed")]


def test_beaten_to_death_and_left_injured():
    assert [d.value for d in find_deaths("A mob beat three men to death near the market.")] == [3]
    assert find_deaths("The clashes left nine police officers injured.") == []


def test_tolls_after_verbs_of_killing_beyond_killed():
    from eventcoder.extract.fatalities import find_deaths

    assert [d.value for d in find_deaths("Gunmen shot dead four farmers near the river")] == [4]
    assert [d.value for d in find_deaths("Raiders gunned down three policemen at a checkpoint")] == [3]
    assert [d.value for d in find_deaths("The raid resulted in the death of five suspects")] == [5]
    assert [d.value for d in find_deaths("The ambush left seven dead")] == [7]
    # "including" names part of the toll, it does not add to it
    assert [d.value for d in find_deaths("Jets hit the market, killing 6 civilians, including 2 women")] == [6]


def test_one_person_by_occupation_and_one_more_joined_by_and():
    from eventcoder.extract.fatalities import find_deaths

    [d] = find_deaths("Gunmen shot dead a local journalist in Gusau on Wednesday.")
    assert (d.value, d.victims) == (1, "journalist")
    [d] = find_deaths("Before dawn, gunmen killed a Kenyan engineer and a guard and kidnapped two guards.")
    assert (d.value, d.victims) == (2, "engineer and guard")
    [d] = find_deaths("Gunmen killed a farmer, and a soldier was wounded.")
    assert d.value == 1  # the soldier was wounded, not killed


def test_a_vague_word_before_another_figure_is_not_the_toll():
    from eventcoder.extract.fatalities import find_deaths

    text = "Local media reported the strikes, with some outlets saying nine people had been killed."
    assert [(d.value, d.victims) for d in find_deaths(text, 0)] == [(9, "people")]
    assert [d.value for d in find_deaths("Three Afghan army soldiers were killed.", 0)] == [3]


def test_the_dead_listed_after_the_verb_are_a_figure():
    from eventcoder.extract.fatalities import find_deaths

    assert [d.value for d in find_deaths("Among those killed were 11 soldiers and one police officer.")] == [12]
    assert [d.value for d in find_deaths("The victims included two teachers and three nurses.")] == [5]


def test_a_listed_part_of_the_dead_does_not_undercut_the_toll(code):
    art = code("Attack\n\nGunmen killed 20 villagers in an attack near Mosul on Friday. Among the dead were four "
               "children, police said.", published="2021-02-13")
    assert [(e.fatalities, e.location) for e in art.events] == [(20, "Mosul")]
    art = code("Attack\n\nGunmen attacked soldiers near Mosul on Friday. Among those killed were 11 soldiers and one "
               "police officer, the ministry said.", published="2021-02-13")
    assert [(e.fatalities, e.location) for e in art.events] == [(12, "Mosul")]
