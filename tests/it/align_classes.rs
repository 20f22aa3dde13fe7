//! `align` on articles written for each class of mistake issue #18 found on real text:
//! one planted case per class, so that each stays fixed.

use crate::align_records::{Found, LaterVersion};
use crate::support::peaceplan;

/// The clauses `align --json` finds in `article` (written to a file first).
fn align(article: &str) -> Vec<Found> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("article.txt");
    std::fs::write(&path, article).unwrap();
    peaceplan(["align", "--json", path.to_str().unwrap()])
        .run()
        .json()
}

fn clause(found: &[Found], number: u32) -> &Found {
    found
        .iter()
        .find(|found| found.clause == number)
        .unwrap_or_else(|| panic!("clause {number} not found in {found:#?}"))
}

/// The numbers of the clauses found, in order.
fn clause_numbers(found: &[Found]) -> Vec<u32> {
    found.iter().map(|found| found.clause).collect()
}

fn flagged<'f>(found: &'f Found, kind: &str) -> Vec<&'f str> {
    found
        .departures
        .iter()
        .filter(|departure| departure.kind == kind)
        .map(|departure| departure.outlet_says.as_str())
        .collect()
}

#[test]
fn class_1_one_sentence_renders_two_clauses_and_its_figure_is_checked() {
    let found = align(
        "The 28-point US plan would oblige Ukraine to shrink its army to 650,000 troops and \
         write a renunciation of NATO membership into the constitution, Russia said.",
    );
    assert_eq!(flagged(clause(&found, 6), "figure"), ["650,000"]);
    clause(&found, 7);
    let departure = &clause(&found, 6).departures[0];
    assert!(
        departure.text_says.contains("600,000 personnel"),
        "{departure:?}"
    );
}

#[test]
fn class_2_figures_in_words_and_relative_cuts_are_figure_departures() {
    let found = align(
        "Under the US peace plan for Ukraine and Russia, Kyiv would halve its armed forces.\n\
         Ukraine would hold elections within sixty days, the plan says.",
    );
    assert_eq!(flagged(clause(&found, 6), "figure"), ["halve"]);
    assert!(clause(&found, 6).departures[0].why.contains("600,000"));
    assert_eq!(flagged(clause(&found, 25), "figure"), ["sixty days"]);
    let noun = align(
        "Under the US peace plan for Ukraine, Kyiv's army would be cut to about 600,000 \
         troops, a reduction of nearly half.",
    );
    assert_eq!(
        flagged(clause(&noun, 6), "figure"),
        ["reduction of nearly half"]
    );
}

#[test]
fn class_3_figures_of_today_and_dates_are_not_departures() {
    let found = align(
        "The US peace plan caps Ukraine's army, currently 800,000–850,000 strong, at 600,000 \
         personnel, Russia and Ukraine were told on 13 December.",
    );
    let six = clause(&found, 6);
    assert!(six.departures.is_empty(), "{:?}", six.departures);
}

#[test]
fn class_4_a_later_versions_figure_attributed_to_it_matches_it() {
    let attributed = align(
        "The European counter-proposal to the US peace plan for Ukraine and Russia caps \
         the size of the Ukrainian armed forces at 800,000 personnel in peacetime.",
    );
    let six = clause(&attributed, 6);
    assert!(six.departures.is_empty(), "{:?}", six.departures);
    assert_eq!(
        six.later_versions,
        [LaterVersion {
            version: "e3-counter".into(),
            point: Some(6),
            article_says: "800,000".into()
        }]
    );
    let presented_as_the_text = align(
        "The 28-point plan limits the size of the Ukrainian armed forces to 800,000 \
         personnel, Russia and Ukraine were told.",
    );
    let six = clause(&presented_as_the_text, 6);
    assert_eq!(flagged(six, "figure"), ["800,000"]);
    assert!(
        six.departures[0].why.contains("e3-counter point 6"),
        "{:?}",
        six.departures
    );
}

#[test]
fn class_5_synonyms_of_a_party_are_not_party_departures() {
    let found = align(
        "Under the US peace plan, Russia and Ukraine agree that the Alliance agrees not to \
         station troops in Ukraine.\n\
         A U.S.-facilitated dialogue between Russia and NATO would address all security issues.\n\
         The frozen Russian assets would fund US-led reconstruction of Ukraine.",
    );
    let party: Vec<&str> = found
        .iter()
        .flat_map(|found| flagged(found, "party"))
        .collect();
    assert!(party.is_empty(), "{party:?}");
    assert!(found.iter().any(|found| found.clause == 8));
}

#[test]
fn class_6_a_misquote_of_the_plan_is_flagged_and_an_officials_words_are_not() {
    let found = align(
        "If Russia invades Ukraine again, the US peace plan promises a \"strong, coordinated \
         military response\" and all sanctions will be reinstated, a text Zelensky called a \
         \"working document\".",
    );
    let ten = clause(&found, 10);
    assert_eq!(
        flagged(ten, "wording"),
        ["strong, coordinated military response"]
    );
    let all: Vec<&str> = found
        .iter()
        .flat_map(|found| found.departures.iter().map(|d| d.outlet_says.as_str()))
        .collect();
    assert!(!all.contains(&"working document"), "{all:?}");
}

#[test]
fn class_5_a_collective_actor_in_another_part_of_the_sentence_is_a_party_departure() {
    // The part scored for clause 8 ends at "and"; the wider party is in the next part.
    let found = align(
        "The 28-point plan for Ukraine says NATO would keep its troops out, and Kyiv would \
         accept a ban on foreign troops.",
    );
    assert_eq!(flagged(clause(&found, 8), "party"), ["foreign troops"]);
}

#[test]
fn class_5_a_party_swapped_in_a_list_of_parties_is_a_party_departure() {
    let found = align(
        "The US peace plan for Ukraine foresees a non-aggression agreement between the \
         Kremlin, Kyiv and the EU.\n\
         The US peace plan for Ukraine foresees a non-aggression agreement between Moscow, \
         Kyiv and the Europeans.",
    );
    let two = clause(&found, 2);
    assert_eq!(
        flagged(two, "party"),
        ["the Kremlin, Kyiv and the EU"],
        "{two:#?}"
    );
    assert_eq!(two.departures[0].text_says, "Russia, Ukraine and Europe");
    assert!(two.departures[0].why.contains("the EU"), "{two:#?}");
}

#[test]
fn class_6_the_plans_own_words_reordered_in_quotation_marks_are_no_misquote() {
    let found = align(
        "Under the US peace plan for Ukraine, Crimea, Luhansk and Donetsk would be \
         \"de facto recognized as Russian, including by the United States\".",
    );
    let clause_21 = clause(&found, 21);
    assert!(flagged(clause_21, "wording").is_empty(), "{clause_21:#?}");
}

#[test]
fn class_7_readmission_formal_recognition_and_a_misplaced_institution_are_flagged() {
    let found = align(
        "Under the 28-point US plan for Ukraine, Russia would be readmitted to the G8.\n\
         The United States would formally recognize Crimea, Luhansk and Donetsk as Russian.\n\
         Ukrainian forces would withdraw from the part of Donetsk they control, which would \
         become an IAEA-supervised demilitarized buffer zone.",
    );
    assert_eq!(flagged(clause(&found, 13), "wording"), ["readmitted"]);
    assert_eq!(flagged(clause(&found, 21), "scope"), ["formally recognize"]);
    assert!(flagged(clause(&found, 21), "party").contains(&"IAEA"));
}

#[test]
fn class_8_short_sentences_and_bullet_fragments_are_found() {
    let found = align(
        "Key points of the US plan for Ukraine and Russia\n\
         • Ukraine's sovereignty will be reaffirmed\n\
         • European fighter jets based in Poland\n\
         • Elections held in 100 days\n",
    );
    let clauses = clause_numbers(&found);
    for expected in [1, 9, 25] {
        assert!(clauses.contains(&expected), "{expected} not in {clauses:?}");
    }
    assert!(
        found
            .iter()
            .all(|found| !found.passages.is_empty() && found.score >= 0.33)
    );
}

#[test]
fn class_8_a_list_of_points_is_matched_line_by_line_on_one_distinctive_term() {
    let lines = [
        "Respect for Ukraine's sovereignty",
        "Firm security guarantees for Kyiv from Washington",
        "A joint US-Russian panel to monitor compliance",
    ];
    let listed = align(&format!(
        "What the US plan for Ukraine contains:\n- {}\n",
        lines.join("\n- ")
    ));
    let numbers = clause_numbers(&listed);
    assert_eq!(numbers, [1, 5, 15]);
    // The same words as prose: one term ("sovereignty") is not enough outside a list.
    let prose = align(&format!(
        "What the US plan for Ukraine contains: {}.",
        lines.join(". ")
    ));
    let numbers = clause_numbers(&prose);
    assert!(!numbers.contains(&1), "{numbers:?}");
}

#[test]
fn class_9_articles_on_another_plan_or_topic_match_no_clause() {
    for (article, reason) in [
        (
            "Trump's 20-point Gaza plan sets up a Board of Peace chaired by Trump, an \
             international stabilization force, and amnesty for Hamas members who disarm.",
            "it never names Ukraine",
        ),
        (
            "Washington floated a seven-point peace plan: Russia keeps Crimea, Ukraine stays \
             out of NATO, and sanctions on Russia are lifted.",
            "seven-point",
        ),
        (
            "Coral reefs in a protected buffer zone will be restored under the agency's \
             supervision, with the energy plant's profits shared 50-50.",
            "it never names Ukraine",
        ),
        (
            "Kyiv dismissed a leaked 100-day plan to end the war in Ukraine as fake. Both \
             sides would exchange all prisoners of war and Ukraine would not join NATO.",
            "100-day",
        ),
        (
            "Zelensky presented the 20-point peace plan for Ukraine: the Zaporizhzhia \
             nuclear power plant would be run jointly, and Ukraine's army kept at 800,000.",
            "framework-20",
        ),
        (
            "In 1993 Ukraine balked at ratifying START I and joining the Non-Proliferation \
             Treaty as a non-nuclear state, delaying the arms agreement with Russia.",
            "the latest year it names is 1993",
        ),
        (
            "After the Alaska summit, Putin's proposal required Ukraine to cede Donetsk and \
             Luhansk, renounce NATO membership and accept recognition of Crimea as Russian.",
            "it speaks of Putin's proposal and never of a US plan",
        ),
        (
            "At peace negotiations in Istanbul, Ukraine and Russia agreed to an all-for-all \
             exchange of prisoners of war and the return of deported children.",
            "it names no plan, proposal, draft or framework",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.txt");
        std::fs::write(&path, article).unwrap();
        let path = path.to_str().unwrap();
        let found: Vec<Found> = peaceplan(["align", "--json", path]).run().json();
        assert!(found.is_empty(), "{article}: {found:?}");
        peaceplan(["align", path])
            .stdout_empty()
            .stderr_has("does not look like an article about the plan")
            .stderr_has(reason)
            .run();
    }
}

#[test]
fn common_words_a_clause_happens_to_use_do_not_find_it() {
    // Clause 25 alone uses "day" and "hold", clause 18 "state" and "remain": common words
    // that say nothing here. The bloc's "member state" is clause 11's EU membership.
    // The army's cap, clause 6, is the clear match an article needs before a weaker one,
    // such as 11 here, counts.
    let found = align(
        "Zelenskyy said on the day the US peace plan for Ukraine arrived that his \
         government would hold a constructive search for solutions.\n\
         Under the plan, Ukraine's armed forces would be limited to 600,000 personnel.\n\
         The path to become a member state of the bloc would remain open, officials said \
         of the peace plan for Ukraine.",
    );
    let numbers = clause_numbers(&found);
    assert_eq!(numbers, [6, 11], "{found:#?}");
}

#[test]
fn a_question_and_an_officials_words_about_this_plan_render_no_clause() {
    let found = align(
        "What did Poland say about the European jets in the US peace plan for Ukraine?\n\
         “Neither Poland nor any other European state was consulted about this plan,” the \
         Polish minister said.",
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn a_sentence_renders_a_second_clause_only_with_terms_of_its_own() {
    // Clause 16 also speaks of non-aggression towards Europe and Ukraine, clause 18 of
    // the non-proliferation treaty: nothing here is theirs alone.
    for (article, expected) in [
        (
            "Ukraine would join a non-aggression pact with Russia and Europe under the US \
             peace plan.",
            2,
        ),
        (
            "Under the US plan for Ukraine, the US and Russia would renew nuclear \
             non-proliferation treaties.",
            17,
        ),
    ] {
        let numbers = clause_numbers(&align(article));
        assert_eq!(numbers, [expected], "{article}");
    }
    // Clause 8 (no NATO troops in Ukraine) shares "armed forces" with 6 and "NATO" with 7:
    // each of its terms is a better clause's.
    let found = align(
        "The US plan for Ukraine would require Kyiv to reduce the size of its armed forces \
         and halt its bid for NATO membership.",
    );
    let numbers = clause_numbers(&found);
    assert_eq!(numbers, [6, 7]);
    // Here clause 8 scores above both 6 and 7 (0.57 against 0.52), yet its NATO is 7's
    // and its troops 6's and 21's, each of which has a term of its own in the sentence.
    let found = align(
        "Under the US peace plan for Ukraine, Kyiv would withdraw troops from the Donbas, \
         accept big reductions of its military, and give up NATO membership.",
    );
    let numbers = clause_numbers(&found);
    assert_eq!(numbers, [6, 7, 21], "{found:#?}");
    // Only clauses that reach the threshold account for another's words: at 0.55, 6 and 7
    // (0.52) render nothing, so clause 8 (0.57) is no echo of them.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("article.txt");
    std::fs::write(
        &path,
        "Under the US peace plan for Ukraine, Kyiv would withdraw troops from the Donbas, \
         accept big reductions of its military, and give up NATO membership.",
    )
    .unwrap();
    let strict: Vec<Found> = peaceplan([
        "align",
        "--json",
        "--min-score",
        "0.55",
        path.to_str().unwrap(),
    ])
    .run()
    .json();
    assert_eq!(clause_numbers(&strict), [8], "{strict:#?}");
}

#[test]
fn class_9_weaker_matches_count_only_beside_a_clear_one() {
    // A reaction that names the plan and brushes a clause's topic (clause 15's working
    // group on security) reports nothing; beside a clear match (clause 6's cap), the
    // same sentence renders clause 15, so it does reach the threshold.
    let reaction = "Türkiye welcomed the US peace plan for Ukraine on Tuesday. France and \
                    Britain will establish a working group for security guarantees to be \
                    granted to Ukraine, Macron said.";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("reaction.txt");
    std::fs::write(&path, reaction).unwrap();
    let path = path.to_str().unwrap();
    let found: Vec<Found> = peaceplan(["align", "--json", path]).run().json();
    assert!(found.is_empty(), "{found:#?}");
    peaceplan(["align", path])
        .stdout_empty()
        .stderr_has("none scores 0.5 or more")
        .run();
    let with_the_cap = reaction.replace(
        "Tuesday.",
        "Tuesday. Under the plan, Ukraine's armed forces would be limited to 600,000 \
         personnel.",
    );
    assert_eq!(clause_numbers(&align(&with_the_cap)), [6, 15]);
}

#[test]
fn a_figure_departure_quotes_the_clause_sentence_that_gives_the_figure() {
    let found = align(
        "Under the US peace plan for Ukraine, Europe would add $200 billion to the \
         reconstruction fund.\n\
         The plan would invest $300 billion in frozen Russian assets in US-led efforts to \
         rebuild Ukraine.",
    );
    let fourteen = clause(&found, 14);
    let quoted: Vec<(&str, &str)> = fourteen
        .departures
        .iter()
        .map(|departure| (departure.outlet_says.as_str(), departure.text_says.as_str()))
        .collect();
    assert_eq!(quoted.len(), 2, "{quoted:?}");
    assert_eq!(quoted[0].0, "$200 billion");
    assert!(
        quoted[0].1.starts_with("Europe will add $100 billion"),
        "{quoted:?}"
    );
    assert_eq!(quoted[1].0, "$300 billion");
    assert!(
        quoted[1]
            .1
            .starts_with("$100 billion in frozen Russian assets"),
        "{quoted:?}"
    );
}

#[test]
fn class_9_a_story_of_events_needs_a_closer_match_than_an_account_of_the_plan() {
    // The same words, told as what happened and then as the plan's terms: only the second
    // is a rendering of clause 22 (before the rule, the first matched it at 0.46).
    // Clause 6's cap in each is the clear match an article needs before weaker ones count.
    let events = align(
        "Talks on the US peace plan for Ukraine went on. Under the plan, Ukraine's armed \
         forces would be limited to 600,000 personnel. Russian troops have not yet \
         succeeded in taking these territories militarily.",
    );
    let numbers = clause_numbers(&events);
    assert_eq!(numbers, [6], "{events:#?}");
    let terms = align(
        "Talks on the US peace plan for Ukraine went on. Under the plan, Ukraine's armed \
         forces would be limited to 600,000 personnel. Russian troops would not take \
         these territories militarily, under the plan.",
    );
    clause(&terms, 22);
}

#[test]
fn class_3_a_dateline_day_after_an_abbreviated_month_is_no_figure() {
    // "Nov." does not end the sentence, so "22" is read as the date it is.
    let found = align(
        "Brussels, Nov. 22 (Wire)--Leaders said the US peace plan for Ukraine proposes \
         limiting the size of Ukrainian forces.",
    );
    assert!(clause(&found, 6).departures.is_empty(), "{found:#?}");
}

#[test]
fn class_4_a_later_versions_figure_in_an_article_that_names_the_version_matches_it() {
    // The sentence does not say whose figure it is; the article names the 20-point plan
    // (in a story about the 28-point plan, which it numbers more often).
    let found = align(
        "The 28-point plan for Ukraine is the one Washington sent to Kyiv; a 20-point plan \
         followed the 28-point plan. Ukraine's armed forces would remain at 800,000 personnel \
         in peacetime.",
    );
    let army = clause(&found, 6);
    assert!(army.departures.is_empty(), "{army:#?}");
    assert_eq!(army.later_versions[0].version, "framework-20");
    // Given as the 28-point plan's own figure, it is a departure.
    let found = align(
        "A 20-point plan is being drafted. The 28-point plan for Ukraine would cap its army at \
         800,000 personnel.",
    );
    assert_eq!(flagged(clause(&found, 6), "figure"), ["800,000"]);
}

#[test]
fn class_5_another_word_for_the_troops_in_a_groups_hands_is_a_party_departure() {
    let found = align(
        "The 28-point plan urges Kyiv to give up joining NATO, without allowing it to deploy \
         an international peacekeeping force.",
    );
    assert_eq!(
        flagged(clause(&found, 8), "party"),
        ["international peacekeeping"]
    );
}

#[test]
fn class_8_a_bulleted_summary_of_the_news_is_read_as_prose_not_as_the_plans_points() {
    // Whole-sentence bullets of news, and the US Army's secretary, who is not the army the
    // plan caps: no clause.
    let found = align(
        "The 28-point plan for Ukraine was discussed in Kyiv.\n\n\
         • Two top US Army officials, Army Secretary Dan Driscoll among them, flew to Kyiv \
         this week to present the plan to the Ukrainian leadership and its military.\n\
         • Washington has reportedly drafted the secret plan with Russian envoys over the \
         past month, aiming to bring Moscow and Kyiv back to negotiations soon.\n\
         • European officials say they were not consulted about the proposal, which will be \
         discussed in high-level meetings with the Americans this week.\n",
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn class_4_a_story_about_a_later_version_reports_only_what_it_says_of_the_plan_itself() {
    // The 20-point plan is told more often than the 28-point one: its terms are the
    // framework's, and only the sentence about the earlier draft renders a clause.
    let found = align(
        "The new 20-point plan for Ukraine replaces the 28-point draft. The 20-point plan was \
         agreed in Miami.\nUnder it, Ukraine's army would stay at 800,000 in peacetime, and if \
         Russia invades again, all sanctions would be restored.\nThe earlier 28-point draft had \
         required Ukraine to withdraw from the part of Donetsk it controls.\n",
    );
    let clauses = clause_numbers(&found);
    assert_eq!(clauses, [21], "{found:#?}");
}

#[test]
fn class_7_recognition_is_de_facto_when_the_next_part_of_the_sentence_says_so() {
    let qualified = align(
        "The 28-point plan for Ukraine envisages recognising Crimea and the occupied east as \
         de facto Russian.",
    );
    assert!(
        clause(&qualified, 21).departures.is_empty(),
        "{qualified:#?}"
    );
    let bare = align(
        "The 28-point plan for Ukraine envisages recognising Crimea and the occupied east as \
         Russian.",
    );
    assert_eq!(flagged(clause(&bare, 21), "scope"), ["recognising"]);
}

#[test]
fn paraphrases_of_the_armys_cut_and_of_natos_bar_are_the_plans_words() {
    // "scale down" is clause 6's cut (before, clause 8 took the military and NATO);
    // "inscribe" and "never be admitted" are clause 7's statutes and bar.
    let cut = align(
        "Under the US peace plan for Ukraine, Kyiv would scale down its military and \
         abandon any future NATO membership.",
    );
    let numbers = clause_numbers(&cut);
    assert_eq!(numbers, [6, 7], "{cut:#?}");
    let bar = align(
        "Under the US peace plan for Ukraine, NATO would inscribe in its statutes that \
         Ukraine will never be admitted.",
    );
    let numbers = clause_numbers(&bar);
    assert_eq!(numbers, [7], "{bar:#?}");
}

#[test]
fn talks_over_the_plan_are_not_clause_4s_dialogue() {
    // News calls the negotiations over the plan "talks"; clause 4's dialogue between
    // Russia and NATO is another matter.
    let found = align(
        "Under the US peace plan for Ukraine, Ukraine's armed forces would be limited to \
         600,000 personnel. Russia and NATO officials held talks on the plan in Geneva.",
    );
    let numbers = clause_numbers(&found);
    assert_eq!(numbers, [6], "{found:#?}");
}

#[test]
fn class_6_speech_a_speaker_introduces_renders_nothing_but_its_introduction_may() {
    // The officer's words (giving up Donetsk, clause 21's topic) are his; the words that
    // introduce them give clause 6's cap.
    let found = align(
        "Ukraine's soldiers spoke about the US peace plan. Referring to the proposed cap of \
         600,000 troops on Ukraine's army, one officer said: \"I object to giving up the \
         parts of the Donetsk region that we still hold.\"",
    );
    let numbers = clause_numbers(&found);
    assert_eq!(numbers, [6], "{found:#?}");
    assert!(
        clause(&found, 6).passages[0]
            .text
            .ends_with("one officer said:")
    );
}

#[test]
fn class_9_a_title_case_headline_names_the_story_not_the_plans_terms() {
    // "Peace Plan" in a headline is the story's subject; "Concessions in Donbas" there is
    // not clause 21 (before, it matched at 0.38 as if the plan framed it).
    let found = align(
        "Soldiers Decry US Peace Plan for Ukraine, Fear Concessions in Donbas\n\
         Under the plan, Ukraine's armed forces would be limited to 600,000 personnel.",
    );
    let numbers = clause_numbers(&found);
    assert_eq!(numbers, [6], "{found:#?}");
}

#[test]
fn class_3_a_hedged_starting_figure_is_todays_not_the_plans() {
    let found = align(
        "The US plan for Ukraine calls for a reduction in Ukraine's armed forces, from \
         roughly 880,000 to around 600,000.",
    );
    assert!(
        flagged(clause(&found, 6), "figure").is_empty(),
        "{found:#?}"
    );
}

#[test]
fn renouncing_a_nato_bid_is_clause_7() {
    let found = align(
        "Under the US peace plan for Ukraine, Kyiv would have to legally renounce its NATO \
         bid.",
    );
    let numbers = clause_numbers(&found);
    assert_eq!(numbers, [7], "{found:#?}");
}

#[test]
fn class_1_a_sentence_renders_the_clause_before_its_without_part() {
    // Before ", without" was a joint, the troops in the second part diluted clause 7's
    // NATO membership in the first below the threshold.
    let found = align(
        "Under the US peace plan for Ukraine, Ukraine's armed forces would be limited to \
         600,000 personnel. The plan also asks Kyiv to give up hope of joining NATO for \
         years to come, without allowing it to invite an international peacekeeping force.",
    );
    let seven = clause(&found, 7);
    assert!(
        seven.passages[0].text.ends_with("for years to come"),
        "{seven:#?}"
    );
}

#[test]
fn class_1_a_comma_list_of_concessions_renders_each_of_its_clauses() {
    // Clause 7's words are a fragment of a long sentence whose whole scores it too low.
    let found = align(
        "The 28-point US plan requires Russia to respect Ukraine's sovereignty but also \
         demands that Ukraine make major concessions, such as giving up territory, not \
         joining NATO, and agreeing to a cap on the size of its military.",
    );
    // The passage is the list item alone, without its joining words.
    assert_eq!(clause(&found, 7).passages[0].text, "not joining NATO");
}

#[test]
fn class_6_a_misquote_in_another_part_of_the_sentence_is_flagged() {
    // The part scored for clause 13 is the last one; the misquote is in the first.
    let found = align(
        "The 28-point US plan for Ukraine caps its army at 600,000 troops. Russia will be \
         \"re-integrated into the world economy,\" invited back into a Group of Eight, and the US \
         and Russia will sign a long-term agreement on economic cooperation for mutual \
         development.",
    );
    assert_eq!(
        flagged(clause(&found, 13), "wording"),
        ["re-integrated into the world economy"]
    );
}

#[test]
fn class_6_the_plans_words_with_us_spelled_u_s_are_no_misquote() {
    let found = align(
        "Under the 28-point US plan for Ukraine, the remainder of the frozen Russian funds \
         \"will be invested in a separate U.S.-Russian investment vehicle.\"",
    );
    let fourteen = clause(&found, 14);
    assert!(flagged(fourteen, "wording").is_empty(), "{fourteen:#?}");
}

#[test]
fn class_7_recognising_russian_control_is_de_facto_in_other_words() {
    let found = align(
        "The 28-point US plan for Ukraine would have Washington recognising Russian control \
         of Crimea, Luhansk and Donetsk.\n\
         The 28-point US plan for Ukraine would have Washington formally recognising Russian \
         control of Crimea, Luhansk and Donetsk.",
    );
    assert_eq!(
        flagged(clause(&found, 21), "scope"),
        ["formally recognising"]
    );
    // Control recognised first does not hide a formal recognition after it.
    let both = align(
        "The 28-point US plan for Ukraine would have Washington recognising Russian control \
         of Crimea, Luhansk and Donetsk, with Europe formally recognising Crimea, Luhansk and \
         Donetsk as Russian.",
    );
    assert_eq!(
        flagged(clause(&both, 21), "scope"),
        ["formally recognising"]
    );
}

#[test]
fn class_5_a_party_in_another_clauses_part_of_the_sentence_is_that_clauses() {
    // Clause 21 is rendered by the whole sentence, clause 8 by its last part: NATO's forces
    // there are clause 8's party, not a party departure of clause 21.
    let found = align(
        "The 28-point US plan for Ukraine provides for the creation of a demilitarized zone \
         in Donetsk, freezing the line of contact in Kherson and Zaporizhzhia, limiting the \
         army to 600,000 soldiers and prohibiting the deployment of NATO forces on the \
         territory of Ukraine.",
    );
    clause(&found, 8);
    let territories = clause(&found, 21);
    assert!(flagged(territories, "party").is_empty(), "{territories:#?}");
}

#[test]
fn class_6_another_clauses_quotation_in_the_sentence_is_no_misquote_of_this_one() {
    // Clause 7 is rendered by the first part; the quotation is clause 8's words, in the
    // part that renders clause 8.
    let found = align(
        "Under the 28-point US plan for Ukraine, Ukraine would enshrine in its constitution \
         that it will never join NATO, while \"NATO agrees not to deploy troops in Ukraine.\"",
    );
    let seven = clause(&found, 7);
    assert!(flagged(seven, "wording").is_empty(), "{seven:#?}");
    assert_eq!(
        flagged(clause(&found, 8), "wording"),
        ["NATO agrees not to deploy troops in Ukraine"]
    );
}
