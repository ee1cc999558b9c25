"""Government measures with start and end dates, hours and who imposed them."""


def _measures(coded):
    return sorted((m.measure, m.country, m.start_date, m.end_date) for m in coded.measures)


def test_curfew_with_dates_hours_and_imposer(code):
    text = (
        "Curfew in Mosul\n\n"
        "MOSUL, Iraq, May 4, 2021 — The Nineveh provincial government has imposed a curfew on Mosul from 8 p.m. to 6 a.m. "
        "starting from May 5th to May 12th after clashes near Tikrit, officials said."
    )
    coded = code(text)
    [m] = coded.measures
    assert (m.measure, m.country, m.start_date, m.end_date, m.hours) == ("curfew", "IQ", "2021-05-05", "2021-05-12", "8 p.m.–6 a.m.")
    assert m.imposed_by == "The Nineveh provincial government"
    assert m.admin1 == "Nineveh"


def test_announced_closures_with_future_weekdays(code):
    # announced on Monday for "Monday until Friday": the end lies after publication
    text = (
        "Schools close in Baidoa\n\n"
        "BAIDOA - The governor announced that all schools in Baidoa would switch to remote learning from Monday until Friday "
        "and that markets would stay closed on Monday, after mortar rounds hit the town on Sunday."
    )
    coded = code(text, published="2023-08-14")
    assert _measures(coded) == [("business_closure", "SO", "2023-08-14", None),
                                ("school_closure", "SO", "2023-08-14", "2023-08-18")]


def test_powers_proposals_and_armed_group_lockdowns_are_not_measures(code):
    text = (
        "Emergency powers debated\n\n"
        "GUSAU - Under the decree, the governor can impose curfews and restrict movement in Zamfara State. "
        "Opposition lawmakers called for a state of emergency after bandits killed five farmers near Tsafe on Sunday.\n\n"
        "Bandit leaders announced a three-day lockdown of the Tsafe road starting on Monday."
    )
    coded = code(text, published="2023-08-15")
    assert coded.measures == []


def test_state_of_emergency_end_from_its_duration_and_gathering_ban_dated_by_the_announcement(code):
    text = (
        "Emergency declared in Zamfara\n\n"
        "GUSAU - The federal government declared a three-month state of emergency in Zamfara State on Friday after bandits "
        "killed twenty villagers near Tsafe.\n\n"
        "Gatherings of more than ten people have also been banned in the state, a government spokesman said."
    )
    coded = code(text, published="2023-09-02")
    got = {(m.measure, m.start_date, m.end_date, m.admin1) for m in coded.measures}
    assert got == {("state_of_emergency", "2023-09-01", "2023-12-01", "Zamfara"),
                   ("gathering_ban", "2023-09-01", None, "Zamfara")}


def test_announced_measure_starts_on_the_coming_weekday(code):
    # real-news class: "mourning would begin Saturday" announced on a Friday starts the next day
    coded = code("The president declared three days of national mourning, which would begin Saturday, "
                 "after the attack in Kirkuk, his office said.", published="2016-07-15")
    assert [(m.measure, m.start_date) for m in coded.measures] == [("mourning", "2016-07-16")]


def test_internet_restrictions_and_a_banned_march(code):
    # real-news measures: internet restrictions reported by a monitor; a march banned by police
    coded = code("Protesters clashed with police in Kirkuk on Thursday. A monitoring group said it had seen "
                 "internet restrictions in the province late Thursday.\n\nThe march had been banned by police "
                 "last week on the grounds that it would disrupt business.", published="2022-05-13")
    assert {m.measure for m in coded.measures} >= {"internet_shutdown", "gathering_ban"}


def test_a_measure_word_is_not_its_own_order_word(code):
    # regression: "restriction" must not count as the order that imposes a movement restriction
    coded = code("Traders in Kirkuk said the restriction of movement had hurt their business for weeks.",
                 published="2020-04-10")
    assert coded.measures == []


def test_what_a_curfew_order_also_bans_is_a_measure_of_its_own(code):
    # issue 8 (measures on real news): the order's other parts, in the forms real reports use
    text = (
        "Curfew in Kirkuk\n\n"
        "KIRKUK, Iraq, March 28, 2025 — The governor imposed a curfew on Kirkuk on Friday. The curfew has prohibited "
        "movement and any form of gathering in the city.\n\n"
        "Bars and nightclubs were prohibited from remaining open beyond 9pm, and vehicles from outside the province "
        "have been barred from entering, officials said."
    )
    coded = code(text)
    assert [m for m in _measures(coded)] == [
        ("business_closure", "IQ", "2025-03-28", None),
        ("curfew", "IQ", "2025-03-28", None),
        ("gathering_ban", "IQ", "2025-03-28", None),
        ("movement_restriction", "IQ", "2025-03-28", None)]


def test_a_closure_until_further_notice_is_a_measure(code):
    coded = code("Schools in Kirkuk were closed until further notice after the attack, officials said.",
                 published="2024-05-07")
    assert [(m.measure, m.country, m.admin1) for m in coded.measures] == [("school_closure", "IQ", "Kirkuk")]


def test_a_measure_for_a_list_of_provinces_and_new_order_wordings(code):
    # "in Kirkuk, Diyala and Nineveh": one measure per province; "issued a curfew", "a ban on all
    # mass gatherings", "limits entry and exit" are orders too
    coded = code("The prime minister declared a state of emergency in Kirkuk, Diyala and Nineveh provinces on "
                 "Sunday night.\n\nHe also issued a curfew from 9 pm to 6 am in Kirkuk. The decree limits entry "
                 "and exit from the province and imposes a ban on all mass gatherings.", published="2013-01-28")
    got = sorted((m.measure, m.admin1, m.start_date) for m in coded.measures)
    assert got == [("curfew", "Kirkuk", "2013-01-27"), ("gathering_ban", "Kirkuk", "2013-01-27"),
                   ("movement_restriction", "Kirkuk", "2013-01-27"),
                   ("state_of_emergency", "Diyala", "2013-01-27"), ("state_of_emergency", "Kirkuk", "2013-01-27"),
                   ("state_of_emergency", "Nineveh", "2013-01-27")]


def test_undated_measure_takes_the_report_date_with_no_date_evidence(code):
    text = ("Curfew after unrest\n\n"
            "The authorities imposed a nationwide night-time curfew after a week of violent demonstrations over "
            "unemployment in Iraq, the interior ministry said in a statement.")
    coded = code(text, published="2016-01-22")
    [m] = coded.measures
    assert (m.measure, m.country, m.start_date) == ("curfew", "IQ", "2016-01-22")
    assert [e.field for e in m.evidence] == ["measure"]
    # a publication date known to the month only dates nothing
    [m] = code(text, published="2016-01").measures
    assert m.start_date is None


def test_a_date_or_a_reported_clause_is_no_imposer(code):
    # session 11, on real news: the date between the government and its verb became the imposer,
    # and so did "Gabriel Tommy says they've" of a reported curfew
    coded = code("The government of Mali has today, Wednesday 10 August 2022 announced a nationwide curfew "
                 "starting at 3 p.m. in order to curb the rising protests in Bamako.", published="2022-08-10")
    [m] = coded.measures
    assert (m.measure, m.start_date, m.imposed_by) == ("curfew", "2022-08-10", None)
    coded = code("The head of the police in Mopti, Gabriel Tommy says they've imposed an indefinite curfew in "
                 "Mopti and Sevare.", published="2022-08-10")
    assert [m.imposed_by for m in coded.measures] == [None]
