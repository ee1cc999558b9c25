"""End to end on written articles: the exact events, dates, places and tolls expected."""


def _events(coded):
    return [(e.event_type, e.sub_event_type, e.event_date, e.country, e.fatalities) for e in coded.events]


def test_lead_and_later_paragraph_are_one_event(code):
    text = (
        "Iraqi jets strike hideout\n\n"
        "MOSUL, Iraq, March 8, 2021 — Iraqi warplanes struck an Islamic State hideout in the Makhoul mountains "
        "of Salahuddin province on Saturday, killing nine militants, the army said.\n\n"
        "The air strike destroyed two caves used to store weapons, the statement said."
    )
    coded = code(text)
    assert coded.published == "2021-03-08"
    [ev] = coded.events
    assert (ev.event_type, ev.sub_event_type, ev.event_date) == ("Explosions/Remote violence", "Air/drone strike", "2021-03-06")
    assert (ev.actor1, ev.inter1, ev.actor2, ev.inter2) == ("Military Forces of Iraq", 1, "Islamic State", 2)
    assert (ev.country, ev.admin1, ev.location, ev.geo_precision) == ("IQ", "Salah ad Din", "Makhoul mountains", 2)
    assert ev.fatalities == 9 and ev.fatalities_text == "killing nine militants"
    assert ev.interaction == 12
    for item in ev.evidence:
        assert coded.text[item.start:item.end] == item.text


def test_weekday_same_day_and_future_weekday_not_coded(code):
    # kind of probe 10: "on Friday" in an article published on a Friday is that day
    text = (
        "Militants kill two officers in Hawija\n\n"
        "KIRKUK - Militants stormed a police station in Hawija on Friday, killing two officers, police said.\n\n"
        "Tribal elders will meet the governor on Sunday to discuss security."
    )
    coded = code(text, published="2019-03-08")
    assert _events(coded) == [("Battles", "Armed clash", "2019-03-08", "IQ", 2)]


def test_weekdays_across_new_year_resolve_into_old_year(code):
    # kind of probe 11
    text = (
        "Bandits kill three at Tsafe checkpoint\n\n"
        "GUSAU - Bandits attacked a police checkpoint outside Tsafe in Zamfara State on Saturday, killing three officers, police said.\n\n"
        "Soldiers pursued the attackers into the bush on Tuesday and killed five of them, the army said.\n\n"
        "Peace talks with the armed groups will resume on Friday, officials said."
    )
    coded = code(text, published="2025-01-01")
    assert sorted(_events(coded)) == [
        ("Battles", "Armed clash", "2024-12-28", "NG", 3),
        ("Battles", "Armed clash", "2024-12-31", "NG", 5),
    ]


def test_bare_ordinals_resolve_in_publication_month(code):
    # kind of probe 12
    text = (
        "Army post attacked near Mopti\n\n"
        "BAMAKO - Militants attacked an army post near Sevare on the 3rd, killing four soldiers, the army said.\n\n"
        "Troops caught up with the attackers on the fifth of February near Mopti and killed eleven of them in a gun battle, the army said."
    )
    coded = code(text, published="2023-02-09")
    got = {(e.event_date, e.fatalities, e.time_precision) for e in coded.events}
    assert got == {("2023-02-03", 4, 1), ("2023-02-05", 11, 1)}


def test_vague_quantities(code):
    # kind of probe 22
    text = (
        "Village attack in Zamfara\n\n"
        "GUSAU - Dozens of villagers were killed and hundreds of families fled when bandits attacked a village near Tsafe on Sunday, residents said.\n\n"
        "In a separate attack on Monday, militants ambushed an army patrol near Gusau; at least seven soldiers died, the army said."
    )
    coded = code(text, published="2024-04-15")
    got = sorted((e.sub_event_type, e.fatalities) for e in coded.events)
    assert got == [("Armed clash", 7), ("Attack", 12)]
    attack = next(e for e in coded.events if e.sub_event_type == "Attack")
    assert "Dozens" in (attack.fatalities_text or "")


def test_old_recap_and_background_are_not_coded(code):
    text = (
        "Roadside bomb near Wanlaweyn\n\n"
        "MOGADISHU, Aug. 14, 2023 — A roadside bomb killed three soldiers near Wanlaweyn in Lower Shabelle late Sunday, an officer said.\n\n"
        "In October 2017, a truck bomb in Mogadishu killed more than 500 people.\n\n"
        "The group has carried out attacks on the road for years."
    )
    coded = code(text)
    assert _events(coded) == [("Explosions/Remote violence", "Remote explosive/landmine/IED", "2023-08-13", "SO", 3)]


def test_suicide_bomber_counts_in_the_toll(code):
    text = (
        "Bomber hits Baidoa cafe\n\n"
        "BAIDOA, May 2, 2023 — A suicide bomber blew himself up in a cafe in Baidoa on Monday, killing six people, police said."
    )
    [ev] = code(text).events
    assert (ev.sub_event_type, ev.fatalities, ev.event_date) == ("Suicide bomb", 7, "2023-05-01")


def test_sports_article_full_of_war_words_is_not_relevant(code):
    text = (
        "Lions ambush rivals\n\n"
        "ACCRA - Accra Lions laid siege to the Kumasi goal from the first whistle and their striker fired a hat-trick, "
        "killing off the match before half-time. The coach praised the fans in the stadium and said the league title race "
        "was a battle. The defenders were shell-shocked, the captain said, and the club now leads the season by three points."
    )
    coded = code(text, published="2023-03-02")
    assert coded.events == [] and coded.relevant is False


def test_no_publication_date_leaves_relative_dates_null(code):
    text = "Gunmen kill farmers\n\nGunmen killed four farmers near Tsafe in Zamfara State on Sunday, police said."
    coded = code(text)
    [ev] = coded.events
    assert ev.event_date is None and ev.time_precision is None
    assert any("no publication date" in w for w in coded.warnings)


def test_protest_with_intervention_and_arrests_are_one_event(code):
    text = (
        "Police break up Nakuru march\n\n"
        "NAKURU - Police fired tear gas to disperse hundreds of people protesting against fuel prices in Nakuru on Monday.\n\n"
        "Officers detained eleven protesters, police said."
    )
    [ev] = code(text, published="2023-03-21").events
    assert (ev.event_type, ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Protests", "Protest with intervention", "Protesters (Kenya)", "Police Forces of Kenya")
    assert (ev.location, ev.admin1, ev.event_date) == ("Nakuru", "Nakuru", "2023-03-20")


def test_insurgents_storming_a_village_is_an_attack_with_bracketed_dateline(code):
    # regression: a lead "insurgents stormed the village of X ..., killing N villagers" was missed,
    # and a dateline with the date in brackets gave no publication date
    text = (
        "GUSAU, Nigeria (March 15, 2024) — Suspected insurgents stormed the village of Dandume near Tsafe in "
        "Zamfara State on Thursday night, killing at least 23 villagers, residents said on Friday."
    )
    coded = code(text)
    assert coded.published == "2024-03-15"
    [ev] = coded.events
    assert (ev.sub_event_type, ev.event_date, ev.fatalities, ev.admin1, ev.location) == (
        "Attack", "2024-03-14", 23, "Zamfara", "Dandume")
    assert (ev.actor1, ev.actor2) == ("Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)")


def test_quote_without_place_or_date_starts_no_event(code):
    text = (
        "Mine blast near Wanlaweyn\n\n"
        "MOGADISHU, Aug. 14, 2023 — A landmine exploded under a minibus near Wanlaweyn on Sunday, killing four passengers, police said.\n\n"
        "\"These mines do not distinguish between a soldier and a child,\" a deminer said."
    )
    coded = code(text)
    assert [(e.sub_event_type, e.fatalities) for e in coded.events] == [("Remote explosive/landmine/IED", 4)]


def test_another_sources_toll_is_an_alternative_not_a_sum(code):
    text = ("Raid on Dandume\n\nGUSAU, Nigeria, May 9, 2023 — Bandits killed at least 11 villagers in Dandume near Tsafe "
            "on Monday, police said, while a local councillor put the death toll at 19.")
    [ev] = code(text).events
    assert (ev.fatalities, ev.fatalities_low, ev.fatalities_high) == (11, 11, 19)


def test_vehicle_that_struck_a_mine_is_the_target(code):
    text = ("Convoy hits mine\n\nBAIDOA, Somalia, Aug. 14, 2023 — A Somali army truck struck a landmine near Baidoa on "
            "Sunday, killing four soldiers. Al-Shabaab claimed responsibility for the attack.")
    [ev] = code(text).events
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Remote explosive/landmine/IED", "al-Shabaab", "Military Forces of Somalia", 4)


def test_civilian_dead_make_civilians_the_target_of_a_strike(code):
    text = ("Strike on Tsafe\n\nGUSAU, Nigeria, May 9, 2023 — An air strike hit a market in Tsafe on Monday, killing "
            "six traders, residents said, as the army pursued bandits in the area.")
    [ev] = code(text).events
    assert (ev.actor2, ev.inter2, ev.interaction) == ("Civilians (Nigeria)", 7, 17)


def test_unrest_in_a_named_city_and_several_towns_is_an_event_there(code):
    # "in several towns" alone is a summary; with the capital named in the same clause it is news
    art = code("Police fought protesters\n\nThe government on Wednesday declared a curfew. There were reports of "
               "protests in the east end of Kumasi and in several towns across the north of Ghana with police "
               "and protesters in running battles.", published="2022-08-10")
    assert [(e.event_type, e.sub_event_type, e.event_date, e.location, e.country) for e in art.events] == [
        ("Riots", "Violent demonstration", "2022-08-10", "Kumasi", "GH")]
    art = code("Unrest\n\nThere were protests in several towns across the north of Ghana on Wednesday.",
               published="2022-08-10")
    assert art.events == []


def test_a_capital_ner_took_for_an_organisation_places_the_event(code):
    # spaCy reads "Bamako" here as an organisation: a capital by its whole name is still the place
    art = code("Police fought protesters\n\nThere were reports of protests in the east end of Bamako with police "
               "and protesters in running battles.", published="2022-08-10")
    assert [(e.location, e.admin1, e.country) for e in art.events] == [("Bamako", "Bamako", "ML")]


def test_clashes_a_crowd_meant_to_incite_are_no_event(code):
    art = code("Curfew\n\nA curfew was imposed in Mosul on Saturday after a group carried out sloganeering to incite "
               "communal clashes in the city.", published="2021-11-13")
    assert art.events == []


def test_a_report_placed_only_at_the_country_that_retells_a_placed_battle_is_one_event(code):
    art = code("Soldiers killed in Iraq\n\nBAGHDAD, May 10: Gunmen ambushed an army convoy in Iraq, sparking a "
               "firefight that left four soldiers dead, the ministry said today.\n\nEight of the gunmen were also "
               "killed in the battle on Monday night near Mosul, the ministry said.", published="2017-05-10")
    assert [(e.event_type, e.event_date, e.location, e.admin1) for e in art.events] == [
        ("Battles", "2017-05-08", "Mosul", "Nineveh")]


def test_the_same_place_a_day_later_with_no_dead_is_the_same_fight(code):
    from dataclasses import replace

    from eventcoder.assemble.grouping import drop_duplicates

    art = code("Soldiers killed\n\nTen soldiers were killed in an ambush by gunmen near Mosul on Friday.",
               published="2021-02-13")
    (fight,) = art.events
    assert (fight.event_date, fight.location, fight.fatalities) == ("2021-02-12", "Mosul", 10)
    told_next_day = replace(fight, event_id="x", event_date="2021-02-13", fatalities=0, evidence=[])
    assert drop_duplicates([fight, told_next_day]) == [fight]
    # a second fight with its own dead, or two days later, stays apart
    assert len(drop_duplicates([fight, replace(told_next_day, fatalities=3)])) == 2
    assert len(drop_duplicates([fight, replace(told_next_day, event_date="2021-02-14")])) == 2


def test_an_overnight_raid_on_a_named_day_is_dated_that_day(code):
    art = code("Raid\n\nGunmen killed 14 villagers in an overnight raid on a village near Gusau on Friday, police "
               "said on Saturday.", published="2024-03-09")
    assert [(e.event_date, e.location, e.fatalities) for e in art.events] == [("2024-03-08", "Gusau", 14)]
    # "overnight" after the act is the report's night, whatever day another clause names
    art = code("Strikes\n\nMissiles struck Mosul on Thursday, killing four people, and drones hit a depot in Kirkuk "
               "overnight.", published="2024-05-17")
    assert sorted((e.sub_event_type, e.event_date) for e in art.events) == [
        ("Air/drone strike", "2024-05-17"), ("Shelling/artillery/missile attack", "2024-05-16")]


def test_what_a_crowd_calls_for_is_no_modality_of_what_it_did(code):
    art = code("Unrest in Baghdad\n\nThe unrest began on Friday when thousands of demonstrators calling for the "
               "government to resign tried to storm the parliament in Baghdad.", published="2019-06-22")
    assert [(e.event_type, e.sub_event_type, e.event_date, e.location) for e in art.events] == [
        ("Riots", "Violent demonstration", "2019-06-21", "Baghdad")]
    # a protest that is the object of the call is none yet
    art = code("Arrests\n\nPolice said posts online were calling for residents of Baghdad to come out on Friday and "
               "join protests.", published="2019-06-22")
    assert [e.event_type for e in art.events] == []


def test_a_caps_dateline_with_its_agencies_and_the_day_unrest_began(code):
    # the bracket after the city is the dateline (its date is the report's); "that began on
    # Thursday" tells when the unrest began, "resumed on Friday" what this report is about
    art = code("Curfew in Mosul\n\nBAGHDAD (Radio Tigris / Wire - 23rd November, 2019) Violent protests, that began "
               "on Thursday during a general strike, resumed on Friday in Mosul, prompting a curfew.",
               published="2019-11-23")
    assert [(e.event_type, e.event_date, e.location) for e in art.events] == [("Riots", "2019-11-22", "Mosul")]


def test_a_buried_or_booby_trap_bomb_is_a_remote_explosive(code):
    art = code("Soldier killed\n\nA soldier was killed by a buried bomb while battling militants near Mosul on "
               "Thursday. A booby-trap bomb also wounded five of his comrades.", published="2018-03-31")
    assert [(e.sub_event_type, e.event_date, e.location) for e in art.events] == [
        ("Remote explosive/landmine/IED", "2018-03-29", "Mosul")]


def test_angry_residents_and_football_fans_are_a_crowd_that_riots(code):
    art = code("Police station burned\n\nAngry residents set fire to a police station in Garissa on Monday "
               "after a boy was hit by a car.", published="2024-03-12")
    assert [(e.event_type, e.sub_event_type, e.event_date, e.location) for e in art.events] == [
        ("Riots", "Violent demonstration", "2024-03-11", "Garissa")]
    art = code("Fans riot\n\nFootball fans rampaged through the streets of Bamako on Sunday, smashing windows "
               "and attacking passers-by.", published="2024-03-12")
    assert [(e.event_type, e.event_date, e.location) for e in art.events] == [("Riots", "2024-03-10", "Bamako")]


def test_villagers_torching_the_homes_of_accused_men_is_mob_violence(code):
    art = code("Homes torched\n\nVillagers torched the homes of two men accused of witchcraft in Chimoio "
               "district on Sunday.", published="2024-03-12")
    assert [(e.event_type, e.sub_event_type, e.event_date, e.location) for e in art.events] == [
        ("Riots", "Mob violence", "2024-03-10", "Chimoio")]


def test_an_army_bombarding_villages_is_shelling(code):
    art = code("Villages bombarded\n\nThe Syrian army bombarded rebel-held villages in southern Idlib on Monday, "
               "killing three civilians.", published="2024-03-12")
    assert [(e.sub_event_type, e.event_date, e.fatalities) for e in art.events] == [
        ("Shelling/artillery/missile attack", "2024-03-11", 3)]


def test_arrests_ahead_of_a_planned_rally_are_arrests_not_a_protest(code):
    art = code("Activists held\n\nPolice detained 30 opposition activists in Kampala on Sunday ahead of a "
               "planned rally.", published="2024-03-12")
    assert [(e.event_type, e.sub_event_type, e.event_date) for e in art.events] == [
        ("Strategic developments", "Arrests", "2024-03-10")]


def test_a_cache_of_ammunition_recovered_is_disrupted_weapons_use(code):
    art = code("Cache found\n\nTroops recovered 12 rifles and a cache of ammunition from a hideout near "
               "Maiduguri on Sunday, the army said.", published="2024-03-12")
    assert [(e.sub_event_type, e.event_date, e.location) for e in art.events] == [
        ("Disrupted weapons use", "2024-03-10", "Maiduguri")]


def test_a_village_in_a_named_region_that_the_gazetteer_knows_only_abroad_is_the_region(code):
    # the fixture gazetteer knows a Dronivka (alias Dronovka) in Ukraine's Donetsk only;
    # "Ukrainian Armed Forces" named thrice say whose arms, not where
    art = code("Shelling in Belgorod\n\nThe Ukrainian Armed Forces shelled the village of Dronovka in the "
               "Belgorod region on Monday, the governor said. The Ukrainian Armed Forces also used drones, "
               "he said, and the Ukrainian Armed Forces fired on a farm.", published="2024-01-23")
    assert [(e.sub_event_type, e.event_date, e.country, e.admin1) for e in art.events] == [
        ("Shelling/artillery/missile attack", "2024-01-22", "RU", "Belgorod")]


def test_a_division_a_town_is_near_does_not_hold_it(code):
    # two Rafahs in the fixture gazetteer: "near the Gaza Strip" says the Egyptian one is beside it
    art = code("Soldiers killed in Sinai\n\nAt least 23 Egyptian soldiers were killed on Friday when militants "
               "attacked a checkpoint outside Rafah, a border town near the Gaza Strip, the Egyptian army said.",
               published="2017-07-08")
    assert [(e.event_type, e.event_date, e.country, e.location, e.fatalities) for e in art.events] == [
        ("Battles", "2017-07-07", "EG", "Rafah", 23)]


def test_separatist_fighters_killed_in_an_offensive_is_a_battle_placed_away_from_the_source(code):
    art = code("Fighters killed\n\nAt least four separatist fighters were killed on Monday in a military "
               "offensive near Mopti, according to the government in Bamako.", published="2025-07-08")
    assert [(e.event_type, e.event_date, e.location, e.fatalities) for e in art.events] == [
        ("Battles", "2025-07-07", "Mopti", 4)]


def test_strikes_on_two_named_groups_in_one_province_on_one_day_are_two_events(code):
    art = code("Air strikes in Kirkuk\n\nIraqi jets carried out airstrikes against an Islamic State camp in Kirkuk "
               "province on Tuesday, killing 12 militants, the army said.\n\nAirstrikes also targeted positions "
               "of the PKK in Kirkuk province on Tuesday, killing four fighters.", published="2024-05-08")
    assert sorted((e.sub_event_type, e.event_date, e.actor2, e.fatalities) for e in art.events) == [
        ("Air/drone strike", "2024-05-07", "Islamic State", 12),
        ("Air/drone strike", "2024-05-07", "PKK: Kurdistan Workers Party", 4)]


def test_a_facility_named_for_its_city_places_the_event_in_that_city(code):
    art = code("Base hit\n\nDrones attacked an ammunition depot at Baghdad Air Base on Monday, the army "
               "said.", published="2024-05-08")
    assert [(e.sub_event_type, e.event_date, e.location, e.admin1) for e in art.events] == [
        ("Air/drone strike", "2024-05-06", "Baghdad", "Baghdad")]


def test_a_title_case_dateline_with_its_date_is_where_the_report_was_filed(code):
    art = code("Drone strikes\n\nBaghdad, May 6, 2024 – Drone strikes on the town of Hawija killed two fighters "
               "on Monday, officials said.", published="2024-05-06")
    assert [(e.sub_event_type, e.event_date, e.location, e.fatalities) for e in art.events] == [
        ("Air/drone strike", "2024-05-06", "Hawija", 2)]


def test_strikes_of_unstated_kind_in_a_report_of_air_strikes_are_air_strikes(code):
    art = code("Strikes\n\nIraqi jets carried out airstrikes on Islamic State positions near Hawija on Monday, "
               "the army said.\n\nThree civilians were wounded in strikes near a camp in Tikrit on Monday.",
               published="2024-05-07")
    assert sorted((e.sub_event_type, e.event_date, e.location) for e in art.events) == [
        ("Air/drone strike", "2024-05-06", "Hawija"), ("Air/drone strike", "2024-05-06", "Tikrit")]


def test_in_a_report_of_riots_an_attack_nobody_armed_made_is_a_riot(code):
    art = code("Fuel riots\n\nRioters burned shops in Gusau on Monday as anger over fuel prices spread.\n\n"
               "Attackers targeting a police station in Tsafe on Monday killed one officer, police said.",
               published="2024-05-07")
    assert sorted((e.event_type, e.event_date, e.location, e.fatalities) for e in art.events) == [
        ("Riots", "2024-05-06", "Gusau", 0), ("Riots", "2024-05-06", "Tsafe", 1)]
    # armed men named: an attack, riots or not
    art = code("Fuel riots\n\nRioters burned shops in Gusau on Monday as anger over fuel prices spread.\n\n"
               "Gunmen targeting a police station in Tsafe on Monday killed one officer, police said.",
               published="2024-05-07")
    assert sorted((e.event_type, e.location) for e in art.events) == [("Battles", "Tsafe"), ("Riots", "Gusau")]


def test_headline_tenses_and_a_bomb_that_killed(code):
    art = code("Bomb kills ranger\n\nViolence continued in Kirkuk province on Friday, after a bomb killed a ranger "
               "near Hawija.", published="2023-05-13")
    assert [(e.sub_event_type, e.event_date, e.location, e.fatalities) for e in art.events] == [
        ("Remote explosive/landmine/IED", "2023-05-12", "Hawija", 1)]
    art = code("Violence in the north\n\nSuspected insurgents attack a police outpost in Tikrit on Friday night, "
               "police say. No one was hurt.", published="2023-05-13")
    assert [(e.event_type, e.location) for e in art.events] == [("Battles", "Tikrit")]
    art = code("Rebels capture another town\n\nThe rebel group has taken over the town of Sevare from the army, "
               "residents said on Sunday.", published="2024-03-19")
    assert [(e.sub_event_type, e.location) for e in art.events] == [("Non-state actor overtakes territory", "Sevare")]


def test_clashes_between_security_forces_and_youth_groups_are_a_riot(code):
    art = code("Curfew\n\nA curfew was imposed in Kumasi after clashes between security forces and youth groups "
               "over a ban on motorbikes on Monday.", published="2025-09-09")
    assert [(e.event_type, e.event_date, e.location) for e in art.events] == [("Riots", "2025-09-08", "Kumasi")]


def test_a_country_in_a_backed_or_led_compound_is_no_place_of_the_act(code):
    art = code("Missiles hit city\n\nAn official said Tuesday that the Kenya-backed militia fired two missiles at a "
               "government-held town, killing three people.\n\nThe missiles landed in a market in Baidoa, the "
               "governor's office said.", published="2021-06-29")
    assert [(e.sub_event_type, e.event_date, e.country, e.location, e.fatalities) for e in art.events] == [
        ("Shelling/artillery/missile attack", "2021-06-29", "SO", "Baidoa", 3)]


def test_a_title_case_dateline_with_a_full_date_and_a_hyphen_dates_the_report(code):
    art = code("Villagers killed\n\nMopti, March 15, 2023 - Gunmen killed seven villagers near Sevare on Monday, "
               "a local official said.")
    assert art.published == "2023-03-15"
    assert [(e.event_date, e.location, e.fatalities) for e in art.events] == [("2023-03-13", "Sevare", 7)]


def test_killing_after_an_attack_on_listed_villages_is_that_attack_split_over_them(code):
    art = code("Villages attacked\n\nGunmen attacked the villages of Kwarmbasi, Dutsen Gari and Tudun Wada in "
               "Zamfara State on Monday, killing 12 people, police said.", published="2024-03-12")
    assert [(e.event_type, e.event_date, e.location, e.admin1, e.fatalities) for e in art.events] == [
        ("Violence against civilians", "2024-03-11", "Kwarmbasi", "Zamfara", 4),
        ("Violence against civilians", "2024-03-11", "Dutsen Gari", "Zamfara", 4),
        ("Violence against civilians", "2024-03-11", "Tudun Wada", "Zamfara", 4)]


def test_strikes_on_a_list_ner_read_as_one_location_split_and_an_unknown_country_reads_plainly(code):
    # no country or division named: the air force is "Military Forces (Unknown)"
    art = code("Strikes\n\nThe army said it carried out airstrikes on militant positions at Saddada, Shuwayrif "
               "and elsewhere on Monday.", published="2024-03-12")
    assert [(e.sub_event_type, e.event_date, e.actor1, e.location) for e in art.events] == [
        ("Air/drone strike", "2024-03-11", "Military Forces (Unknown)", "Saddada"),
        ("Air/drone strike", "2024-03-11", "Military Forces (Unknown)", "Shuwayrif")]


def test_settlers_torching_cars_and_a_man_burnt_to_death_by_arsonists(code):
    art = code("Cars torched\n\nIsraeli settlers torched two Palestinian cars near Nablus on Wednesday, a "
               "Palestinian official said.", published="2014-01-08")
    assert [(e.event_type, e.sub_event_type, e.event_date) for e in art.events] == [
        ("Strategic developments", "Looting/property destruction", "2014-01-08")]
    art = code("Strike day\n\nIn Kano on Sunday, a bus helper was burnt to death while sleeping in a bus when "
               "arsonists set fire to it.", published="2023-10-30")
    assert [(e.event_type, e.event_date, e.location) for e in art.events] == [
        ("Violence against civilians", "2023-10-29", "Kano")]
    # a house fire is no attack
    art = code("Fire\n\nIn Kano on Sunday, a man was burnt to death when his house caught fire, firemen said.",
               published="2023-10-30")
    assert art.events == []


def test_separate_attacks_with_their_towns_are_news_a_roundup_total_is_not(code):
    art = code("Soldiers killed\n\nSeparate attacks in Zamfara's Gusau and Tsafe districts on Sunday left nine "
               "soldiers dead, the army said.", published="2024-03-12")
    assert [(e.event_type, e.event_date, e.country) for e in art.events][:1] == [("Battles", "2024-03-10", "NG")]
    art = code("Soldiers killed\n\nNine soldiers were killed in five separate attacks across Zamfara on Sunday, "
               "the army said.", published="2024-03-12")
    assert art.events == []
