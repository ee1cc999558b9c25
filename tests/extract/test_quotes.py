"""Quotes: direct and reported speech with speaker, role and organisation."""

from eventcoder.extract.quotes import find_quotes, parse_speaker
from eventcoder.models import Article, Paragraph


def _article(*paras: str) -> Article:
    text = "\n\n".join(paras)
    spans, pos = [], 0
    for p in paras:
        spans.append(Paragraph(pos, pos + len(p)))
        pos += len(p) + 2
    return Article("q", text, tuple(spans))


def test_parse_speaker_forms():
    sp = parse_speaker("Kirkuk Operations Command spokesman Col. Ahmed al-Obeidi")
    assert (sp.name, sp.role, sp.organization) == ("Ahmed al-Obeidi", "spokesman", "Kirkuk Operations Command")
    sp = parse_speaker("Amina Yusuf, a nurse at the Gusau general hospital")
    assert (sp.name, sp.role, sp.organization) == ("Amina Yusuf", "nurse", "Gusau general hospital")
    sp = parse_speaker("the town's mayor, Lt. Col. Musa Danjuma")
    assert (sp.name, sp.role, sp.organization) == ("Musa Danjuma", "mayor", "town")


def test_quote_over_a_paragraph_break_and_she_added_go_to_the_named_speaker():
    # kind of probe 23: "Name, a role at ..., said:" then a quote that runs over the break
    art = _article(
        "Mortar rounds hit a clinic in Tsafe on Monday, officials said.",
        "Amina Yusuf, a nurse at the district clinic, said: \"We treated nine wounded women, most of them with burns.",
        "\"Two of them died in the night,\" she added. \"We have no more bandages.\"",
        "Garba Bello, who heads the local vigilance group, said the rounds had come from the hills to the east.",
    )
    quotes = find_quotes(art)

    def by(prefix):
        [q] = [q for q in quotes if q.text.startswith(prefix)]
        return q

    assert (by("We treated nine").speaker, by("We treated nine").role) == ("Amina Yusuf", "nurse")
    assert by("Two of them died").speaker == "Amina Yusuf"
    assert by("We have no more bandages").speaker == "Amina Yusuf"
    assert by("the rounds had come").speaker == "Garba Bello"
    assert by("the rounds had come").direct is False


def test_quote_first_then_name_told_agency_speaker_is_the_person():
    # kind of probe 25
    art = _article(
        "\"The school is gone,\" Halima Sani, a local council member, told the news agency by phone. "
        "\"Children are studying under the trees.\"",
        "\"We heard three blasts before dawn,\" said Musa Idris, a trader who lives near the market.",
    )
    qs = find_quotes(art)
    by_text = {q.text.split(",")[0].split(".")[0]: q for q in qs}
    assert by_text["The school is gone"].speaker == "Halima Sani"
    assert by_text["The school is gone"].role == "local council member"
    assert by_text["The school is gone"].organization is None
    assert by_text["Children are studying under the trees"].speaker == "Halima Sani"
    assert by_text["We heard three blasts before dawn"].speaker == "Musa Idris"
    assert by_text["We heard three blasts before dawn"].role == "trader"


def test_titles_do_not_become_names_and_surname_resolves():
    art = _article(
        "Joint Task Force spokesman Brig. Gen. Aliyu Garba said that troops had repelled the attack.",
        "The attackers fled towards the forest, Garba said.",
    )
    qs = find_quotes(art)
    assert [q.speaker for q in qs] == ["Aliyu Garba", "Aliyu Garba"]
    assert qs[0].organization == "Joint Task Force" and qs[0].role == "spokesman"
    assert qs[0].text.startswith("troops had repelled the attack")


def test_offsets_point_into_the_text():
    art = _article("\"We will rebuild the bridge,\" said Ahmed Musa, the mayor of Tsafe.")
    [q] = find_quotes(art)
    assert art.text[q.start:q.end] == q.text


def test_name_with_as_inside_a_word_is_kept_whole():
    # regression: "Firas Bashar Sabri" lost "Firas" to the "identified as NAME" rule
    sp = parse_speaker("Kenya Defence Forces spokesman Col. Thomas Ruto Kiprop")
    assert (sp.name, sp.role, sp.organization) == ("Thomas Ruto Kiprop", "spokesman", "Kenya Defence Forces")


def test_role_and_surname_refer_back_to_a_named_speaker(code):
    # real-news class 8: "The youth leader said:" and "Yakubu said," are the named people met before
    text = ("Gunmen killed three villagers in Tsafe on Monday night, police said.\n\n"
            "Musa Bello, a youth leader in Tsafe, said the gunmen also stole motorcycles.\n\n"
            "The youth leader said: \"The attackers came in their numbers and started shooting.\"\n\n"
            "A resident who witnessed the attack, John Yakubu, confirmed the toll.\n\n"
            "Yakubu said, \"It was late at night when the gunmen arrived in large numbers.\"")
    quotes = {q.text[:20]: q.speaker for q in code(text, published="2023-05-16").quotes}
    assert quotes["The attackers came i"] == "Musa Bello"
    assert quotes["It was late at night"] == "John Yakubu"


def test_aside_attribution_and_said_adding(code):
    text = ("Gunmen killed nine people in Tsafe on Tuesday, police said.\n\n"
            "Amina Sani, a spokeswoman for a community association, spoke to reporters in Gusau.\n\n"
            "With more police on the roads, she said, calm will return to the villages within days.\n\n"
            "The attackers also set fire to houses, Sani said, adding: \"We counted nine bodies in the market.\"")
    quotes = {q.text[:22]: q.speaker for q in code(text, published="2024-02-28").quotes}
    assert quotes["calm will return to th"] == "Amina Sani"
    assert quotes["We counted nine bodies"] == "Amina Sani"


def test_sentence_fragments_are_never_speakers_or_organisations():
    # real-news class 8: "However", "They", "When the army" are not who spoke
    from eventcoder.extract.quotes import parse_speaker

    assert parse_speaker("However").name is None
    assert parse_speaker("They").organization is None
    assert parse_speaker("When the army").organization is None
    assert parse_speaker("the statement").organization is None
    assert parse_speaker("Joint Operations Command spokesman Maj. Gen. Tahseen al-Khafaji").name == "Tahseen al-Khafaji"


def test_confirmed_and_said_quotes_what_was_said_and_a_claim_is_no_quote(code):
    text = ("Bandits killed five farmers in Tsafe on Monday, police said.\n\n"
            "A police spokesman, Musa Bello, confirmed the attack and said security forces had been deployed.\n\n"
            "Al-Shabaab claimed responsibility for the attack.")
    quotes = code(text, published="2023-03-14").quotes
    assert [(q.speaker, q.text) for q in quotes if q.speaker] == [("Musa Bello", "security forces had been deployed")]
    assert not any(q.text.startswith("responsibility") for q in quotes)


def test_speakers_seen_on_real_news_forms():
    # issue 8, class 8: a weekday as a first name; office words the role list does not know
    # before the name; a participle aside before the speaker; a speaker introduced by
    # "narrated" and then "He stated:"; an organisation in capitals is no person
    art = _article(
        "Gunmen killed nine villagers in Kwarbaga on Monday night, police said.",
        "Talking to reporters, Kaduna SSP Operations Musa Bello Garba said the gunmen had come on motorcycles.",
        "A witness, Ibrahim Sule, narrated the attack in a telephone interview. He stated: \"They shot at anyone "
        "who ran and burned the granaries.\"",
        "Sunday Ayuba, a community leader, said the village had asked for soldiers twice this year.",
        "The Ohio-based Christian Relief Ministries said the kidnapped group included seven women.",
    )
    quotes = find_quotes(art)

    def by(prefix):
        [q] = [q for q in quotes if q.text.startswith(prefix)]
        return q

    assert (by("the gunmen had come").speaker, by("the gunmen had come").role) == (
        "Musa Bello Garba", "Kaduna SSP Operations")
    assert by("They shot at anyone").speaker == "Ibrahim Sule"
    assert by("the village had asked").speaker == "Sunday Ayuba"
    assert by("the kidnapped group").speaker is None
    assert not [q for q in quotes if q.text.startswith("Talking to reporters")]


def test_wires_peoples_and_possessives_are_no_speakers():
    # issue 8, class 8: "Reuters", "Palestinians" and "Mwai Kibaki's government" said nothing
    # as persons
    from eventcoder.extract.quotes import parse_speaker

    assert parse_speaker("Reuters").name is None
    assert parse_speaker("Palestinians", lambda s: s == "Palestinian").name is None
    assert parse_speaker("Mwai Kibaki's").name is None
    assert parse_speaker("Baghdad Operations Center").name is None
    assert parse_speaker("Amina Yusuf").name == "Amina Yusuf"


def test_according_to_a_named_person_time_lead_ins_and_quoted_as_saying():
    # issue 8, class 8: reported speech in the forms real reports use; an outlet that
    # "reported" and a person who "reported the kidnapping to the police" speak no words
    art = _article(
        "Gunmen attacked the town of Kwarbaga on Monday, police said.",
        "According to Kwarbaga radio owner, Musa Bello Garba, the journalist was trapped inside the building.",
        "According to him, the victims were civilians from the eastern province.",
        "Yesterday, Ibrahim Sule Dogo, the police spokesman for the province, reported that the explosion killed "
        "six people.",
        "Nurhadi was quoted as saying by the state news agency that the panel had rejected the request.",
        "Channels TV reported that the attack took place on Monday in the village.",
        "Amina Yusuf reported the kidnapping to the police in the town.",
    )
    got = [(q.speaker, q.text) for q in find_quotes(art)]
    assert ("Musa Bello Garba", "the journalist was trapped inside the building") in got
    assert ("Musa Bello Garba", "the victims were civilians from the eastern province") in got
    assert ("Ibrahim Sule Dogo", "the explosion killed six people") in got
    assert ("Nurhadi", "the panel had rejected the request") in got
    assert not [g for g in got if g[0] in ("Channels TV", "Amina Yusuf")]


def test_descriptions_before_a_name_and_names_that_are_organisations():
    # issue 8, class 8: "said bus conductor Dennis Kariuki", "said eyewitness Ali Yusuf",
    # "said Minister of Territorial Administration Josue Binou" name persons; the trailing
    # capitals of "the Emergency Response Room" or "the Man-made River Project" do not
    from eventcoder.extract.quotes import parse_speaker

    assert (parse_speaker("bus conductor Dennis Kariuki").name, parse_speaker("bus conductor Dennis Kariuki").role) == (
        "Dennis Kariuki", "bus conductor")
    assert parse_speaker("eyewitness Ali Yusuf").name == "Ali Yusuf"
    assert parse_speaker("Minister of Territorial Administration Josue Binou").name == "Josue Binou"
    assert parse_speaker("senior Shebab commander Ahmed Abdi Godane").name == "Ahmed Abdi Godane"
    assert parse_speaker("the local Emergency Response Room").name is None
    assert parse_speaker("the Great Man-made River Project").name is None


def test_he_said_after_a_quote_and_abbreviated_titles_after_a_quote():
    # issue 8, class 8: "He said ..." after a direct quotation attributed in the same
    # paragraph; "Gov. Silvano Aureoles said" (an abbreviation before the name); "He also added"
    art = _article(
        "A suicide bomber struck a market in Tikrit on Thursday, police said.",
        "\u201cThe bomber blew himself up in the crowd,\u201d said Maj. Gen. Khalid Hassan, a spokesman for the "
        "ministry. He said the bomber had fallen to the ground before the blast.",
        "\u201cNo attack on the market will go unpunished,\u201d Gov. Ahmed Saleh said.",
        "He also added that it is not clear which group the bomber belonged to.",
    )
    got = {q.text[:25]: q.speaker for q in find_quotes(art)}
    assert got["the bomber had fallen to "] == "Khalid Hassan"
    assert got["No attack on the market w"] == "Ahmed Saleh"
    assert got["it is not clear which gro"] == "Ahmed Saleh"


def test_a_long_lead_in_names_the_speaker_and_the_spokesman_refers_back():
    # issue 8, class 8: a long lead-in before "said" whose comma part is the name, then
    # "the spokesman said" and "He added:" for the same person
    art = _article(
        "Gunmen attacked a gendarmerie post near Tikrit on Wednesday, killing four gendarmes.",
        "Prior to the attack on the post, the Minister of Communication and government Spokesman, Issa Bello Tchami, "
        "reviewing the security situation in that part of the country bedeviled by a year of protests and strikes, "
        "said \u201cheavily armed terrorists attacked the post at dawn\u201d.",
        "\u201cIn addition to the four gendarmes killed earlier we have lost ten officers in a month\u201d the "
        "spokesman said.",
    )
    got = {q.text[:20]: q.speaker for q in find_quotes(art)}
    assert got["heavily armed terror"] == "Issa Bello Tchami"
    assert got["In addition to the f"] == "Issa Bello Tchami"


def test_quotes_are_read_when_the_title_or_second_paragraph_reports_violence(code):
    # issue 8, class 8: a story whose first paragraph is a subtitle still has its quotes read
    # when its title reports violence, even if no event is coded from it
    coded = code("Riots shake the capital as the election row deepens\n\n"
                 "A long row over the vote count enters its second week.\n\n"
                 "\"We will not accept this result,\" said opposition leader Musa Bello Garba.",
                 published="2024-07-31")
    assert [(q.speaker, q.text) for q in coded.quotes] == [("Musa Bello Garba", "We will not accept this result")]


def test_confirmed_to_an_outlet_that():
    # "confirmed to DAILY NEWS that ...": the words after "that" are the quote
    art = _article("Gunmen attacked Kwarbaga on Friday.",
                   "The parish priest, Rev. Fr. Aaron Musa, confirmed to DAILY NEWS that 20 persons were killed.")
    assert [(q.speaker, q.text) for q in find_quotes(art)] == [("Aaron Musa", "20 persons were killed")]


def test_role_is_not_the_clause_before_it_and_an_international_body_is_no_person():
    sp = parse_speaker("The attack was condemned by the governor, Bello Danladi")
    assert (sp.name, sp.role) == ("Bello Danladi", "governor")
    sp = parse_speaker("the deputy director of the Taiz health office, Nabil Qasim")
    assert (sp.name, sp.role, sp.organization) == ("Nabil Qasim", "deputy director", "Taiz health office")
    assert parse_speaker("Amnesty International").name is None


def test_verbs_that_take_an_object_quote_nothing_but_the_speaker_speaks_next():
    # "declared a state of emergency" and "urged residents to stay indoors" are acts, not words;
    # the person named is the "he" of the next sentence
    art = _article(
        "President Oumar Kandé declared a state of emergency in the northern provinces on Friday.",
        "He said the army would restore order in Tessalit within days.",
        "Governor Awa Sidibé urged residents to stay indoors after dark.")
    qs = find_quotes(art)
    assert [(q.speaker, q.text) for q in qs] == [
        ("Oumar Kandé", "the army would restore order in Tessalit within days")]


def test_new_speech_verbs_and_a_place_after_the_speaker():
    art = _article(
        "Balaka District Commissioner Ruth Phiri informed that four houses were burnt in Ntonda.",
        "The state police spokesman, SP Idris Gana disclosed this in a statement on Monday.",
        "He said the gunmen fled towards the forest reserve.",
        "Roadblocks have cut the main road to Kisumu since dawn, says the agency's Peter Ouma in the town.")
    got = [(q.speaker, q.text) for q in find_quotes(art)]
    assert got == [
        ("Ruth Phiri", "four houses were burnt in Ntonda"),
        ("SP Idris Gana", "the gunmen fled towards the forest reserve"),
        ("Peter Ouma", "Roadblocks have cut the main road to Kisumu since dawn"),
    ]


def test_adding_after_a_direct_quotation_and_a_particle_in_the_name():
    art = _article(
        "\u201cThere was no fighting, they came to bomb the village,\u201d said Ko Thant Zin, adding that "
        "nine houses had been destroyed in the raid.",
        "Military judge Colonel Hassan al-Rifai said the four men had scouted the border post for weeks.")
    got = [(q.speaker, q.text, q.direct) for q in find_quotes(art)]
    assert got == [
        ("Ko Thant Zin", "There was no fighting, they came to bomb the village", True),
        ("Ko Thant Zin", "nine houses had been destroyed in the raid", False),
        ("Hassan al-Rifai", "the four men had scouted the border post for weeks", False),
    ]


def test_found_by_trying_to_break_the_quote_rules():
    # object then "that", "saying" after an object, "adding to", "said nothing", "van der",
    # two "adding that"s, and "continued to shell" (no speech)
    got = [[(q.speaker, q.text) for q in find_quotes(_article(t))] for t in (
        "Police spokesperson Grace Anene informed journalists that the attackers fled into the bush.",
        "Governor Ali Musa confirmed the attack, saying the suspects had been identified.",
        "\"We will not stop,\" said student leader Ana Quispe, adding to the crowd's anger.",
        "Army spokesman Ali Musa said nothing about its own casualties.",
        "\"This is our livelihood and we will fight,\" said Jan van der Berg, a farmer.",
        "\"We are overwhelmed,\" said Awa Kone, adding that medicine was running out and adding that the road "
        "was closed.",
        "Russian forces continued to shell Kharkiv on Saturday.")]
    assert got == [
        [("Grace Anene", "the attackers fled into the bush")],
        [("Ali Musa", "the suspects had been identified")],
        [("Ana Quispe", "We will not stop")],
        [],
        [("Jan van der Berg", "This is our livelihood and we will fight")],
        [("Awa Kone", "We are overwhelmed"), ("Awa Kone", "medicine was running out")],
        [],
    ]


def test_british_single_quotation_marks_and_apostrophes():
    # ‘...’ is read; the closing mark is also the apostrophe ("villagers’ homes", "soldiers’
    # camp"), so it closes only before punctuation, a verb of speaking or the paragraph's end
    got = [[(q.speaker, q.text) for q in find_quotes(_article(t))] for t in (
        "‘We fled into the bush at night,’ said Awa Diallo, a resident.",
        "Awa Diallo, a resident, said: ‘We have nothing left. The soldiers’ camp was burned too.’",
        "Police called them ‘terrorists’ in a statement on Monday.")]
    assert got == [
        [("Awa Diallo", "We fled into the bush at night")],
        [("Awa Diallo", "We have nothing left. The soldiers’ camp was burned too")],
        [],
    ]


def test_a_colon_after_any_verb_and_saying_after_the_subject_name_the_speaker():
    # class 8: "the president Amadou Sall, deplored: “...”" (a verb that is no verb of speech,
    # before a colon); "Sall joined the marchers, saying: “...”" (the subject speaks)
    art = _article(
        "In a message on Tuesday, the regional governor Amadou Sall, deplored: “While we mourn our soldiers, "
        "the attackers hide among civilians.”",
        "Fatou Ndiaye joined the marchers outside the court, saying: “We will not stop until they are freed.”",
    )
    by_text = {q.text.split(",")[0]: q.speaker for q in find_quotes(art)}
    assert by_text["While we mourn our soldiers"] == "Amadou Sall"
    assert by_text["We will not stop until they are freed"] == "Fatou Ndiaye"


def test_a_title_opened_by_vice_or_prime_is_one_role_not_an_organisation():
    # session 11, on real news: "Vice President Jalloh" gave the role "President" of the
    # organisation "Vice"
    sp = parse_speaker("Vice President Mohamed Juldeh Jalloh")
    assert (sp.name, sp.role, sp.organization) == ("Mohamed Juldeh Jalloh", "Vice President", None)
    sp = parse_speaker("Prime Minister Abiy Ahmed")
    assert (sp.name, sp.role, sp.organization) == ("Abiy Ahmed", "Prime Minister", None)


def test_reported_speech_in_a_dateline_paragraph_starts_after_the_dateline():
    # new-user helper: the governor's words began "KHERSON, Ukraine, 3 February 2024 — Russian forces"
    art = _article("GUSAU, Nigeria, 3 February 2024 — Gunmen attacked the market in Gusau on Friday, killing two "
                   "traders, police spokesman Yazid Abubakar said.")
    [q] = find_quotes(art)
    assert q.speaker == "Yazid Abubakar" and art.text[q.start:q.end].startswith("Gunmen attacked the market")


def test_a_clause_before_but_is_no_speakers_organization():
    # new-user trial: "No deaths were reported, but the Kenya Red Cross said it had treated 12
    # people" gave the organization "No deaths were reported"
    quotes = find_quotes(_article("No deaths were reported, but the Kenya Red Cross said it had treated 12 people "
                                  "for injuries."))
    assert [(q.organization, q.text) for q in quotes] == [("Kenya Red Cross", "it had treated 12 people for injuries")]


def test_confirmed_the_act_but_said_quotes_the_words_after_said():
    # new-user trial: "confirmed the attack but said only eight people were killed" quoted "the
    # attack but said ..."
    quotes = find_quotes(_article("A police spokesman, Abubakar Sadiq Aliyu, confirmed the attack but said only eight "
                                  "people were killed."))
    assert [(q.speaker, q.role, q.text) for q in quotes] == [
        ("Abubakar Sadiq Aliyu", "police spokesman", "only eight people were killed")]
