/*
 * test_temporal.c — sl_timex_find: a table of sentences, each with its
 * publication date and the expression that must be found (its exact text,
 * resolved day and granularity), or NULL when the sentence holds no date at
 * all.  Covers explicit dates, tokenised T17 text, relative expressions,
 * weekdays, holidays, anaphora, tense- and context-dependent years, and
 * false positives.  Plus: long texts (chunking), the cap contract, no
 * publication date, the lexicon and its hash index, list and anaphora
 * counts, concurrent calls from threads, and randomised inputs (bounds,
 * order, sane days).  The Timeline17 check runs when ../shared is present.
 */
#include "testutil.h"
#include "timeline/temporal.h"

#include <pthread.h>

#define SL_MIN_(a, b) ((a) < (b) ? (a) : (b))

enum { D = SL_GRAN_DAY, W = SL_GRAN_WEEK, M = SL_GRAN_MONTH, Y = SL_GRAN_YEAR };

typedef struct row {
    const char *pub;    /* publication date, NULL: unknown */
    const char *text;
    const char *expr;   /* the expression's text; NULL: no expression at all */
    const char *day;    /* expected day (first day of week/month/year) */
    int gran;
} row;

static const row table[] = {
    /* the seeds */
    {"2024-10-08", "Kim also stated on Tuesday that Pyongyang may accelerate efforts to acquire nuclear weapons.",
     "Tuesday", "2024-10-08", D},
    {"2023-11-06", "The exchange of letters between the two leaders occurred on the 78th anniversary of Korea’s liberation from Japan’s colonial rule.",
     "the 78th anniversary of Korea’s liberation from Japan’s colonial rule", "2023-08-15", D},
    {"2023-09-13", "Kim Jong-un promised full support for Vladimir Putin during their summit held at Russia's spaceport in the Far East on Wednesday.",
     "Wednesday", "2023-09-13", D},
    {"2024-10-08", "Kim praised relations, calling them invincible and eternal, since Putin's attend to Pyongyang in June, according to Yonhap News.",
     "June", "2024-06-01", M},
    {"2023-06-12", "It is worth mentioning Russia marks June 12, as Independence Day.", "June 12", "2023-06-12", D},
    {"2024-10-08", "Putin and Kim agreed to assist one another in the event of aggression in a letter of earlier this year.",
     "earlier this year", "2024-01-01", Y},
    {"2025-10-07", "Kim pledged to implement the comprehensive treaty signed by both leaders last year.",
     "last year", "2024-01-01", Y},
    /* explicit dates */
    {"2024-10-08", "The deal was signed on June 12, 2023 in Moscow.", "June 12, 2023", "2023-06-12", D},
    {"2024-10-08", "The deal was signed on 12 June 2023 in Moscow.", "12 June 2023", "2023-06-12", D},
    {"2023-07-01", "The talks were held on Jun. 12 in Geneva.", "Jun. 12", "2023-06-12", D},
    {"2023-07-01", "Elections will be held on Sept. 5, officials said.", "Sept. 5", "2023-09-05", D},
    {"2023-07-01", "He arrived on the 12th of June with his family.", "the 12th of June", "2023-06-12", D},
    {"2023-07-01", "He arrived on the 3rd of June, 2022 with his family.", "the 3rd of June, 2022", "2022-06-03", D},
    {"2023-07-01", "Troops left on 12th June.", "12th June", "2023-06-12", D},
    {"2023-07-01", "Records dated 2023-06-12 show the transfer.", "2023-06-12", "2023-06-12", D},
    {"2023-07-01", "The form dated 25/04/2009 was filed late.", "25/04/2009", "2009-04-25", D},
    {"2023-07-01", "The form dated 04/25/2009 was filed late.", "04/25/2009", "2009-04-25", D},
    {"2023-07-01", "The form dated 04/05/2009 was filed late.", NULL, NULL, 0},
    {"2024-10-08", "Inflation peaked in September 2023, the bank said.", "September 2023", "2023-09-01", M},
    {"2024-10-08", "Kim met Putin in Vladivostok in April 2019.", "April 2019", "2019-04-01", M},
    {"2024-10-08", "Prices dipped in Sept 2023 before recovering.", "Sept 2023", "2023-09-01", M},
    {"2024-10-08", "The law was passed in 2022 by parliament.", "2022", "2022-01-01", Y},
    {"2009-05-01", "This virus is like the pandemic flu virus of 1918 , experts said .", "1918", "1918-01-01", Y},
    {"2024-10-08", "Trade grew steadily between 2005 and 2009.", "2009", "2009-01-01", Y},
    {"2024-10-08", "Growth is forecast to recover by mid-2025.", "mid-2025", "2025-01-01", Y},
    {"2023-07-10", "Protests began in mid-June and spread quickly.", "mid-June", "2023-06-01", M},
    {"2023-07-10", "The summit is expected to take place in early September.", "early September", "2023-09-01", M},
    {"2024-10-08", "The army will withdraw by the end of June.", "the end of June", "2025-06-01", M},
    {"2024-10-08", "Fighting resumed late last year.", "late last year", "2023-01-01", Y},
    {"2009-06-01", "May 2009 saw the first cases in Britain.", "May 2009", "2009-05-01", M},
    /* Timeline17 tokenisation */
    {"2009-05-20", "The outbreak was declared on May 12 , 2009 in Geneva .", "May 12 , 2009", "2009-05-12", D},
    {"2009-04-25", "Susan Watts | 18:00 UK time , Saturday , 25 April 2009 Experts are clearly extremely concerned .",
     "Saturday , 25 April 2009", "2009-04-25", D},
    {"2010-01-20", "The first cases -LRB- in Haiti -RRB- were reported on Jan. 5 .", "Jan. 5", "2010-01-05", D},
    {"2010-01-20", "The quake struck on Jan 12 , killing thousands .", "Jan 12", "2010-01-12", D},
    {"2023-06-20", "They met on Monday, June 12.", "Monday, June 12", "2023-06-12", D},
    /* today, yesterday, tomorrow */
    {"2024-10-08", "The minister resigned today after the vote.", "today", "2024-10-08", D},
    {"2024-10-08", "Today the minister resigned.", "Today", "2024-10-08", D},
    {"2024-10-08", "The storm will hit the coast tonight.", "tonight", "2024-10-08", D},
    {"2024-10-08", "Officials met this morning in Seoul.", "this morning", "2024-10-08", D},
    {"2024-10-08", "The ministry said yesterday that cases rose.", "yesterday", "2024-10-07", D},
    {"2024-10-08", "Rebels attacked the town last night.", "last night", "2024-10-07", D},
    {"2024-10-08", "He had arrived in Paris the day before yesterday.", "the day before yesterday", "2024-10-06", D},
    {"2024-10-08", "The vote will take place tomorrow.", "tomorrow", "2024-10-09", D},
    /* weekdays (2024-10-08 is a Tuesday) */
    {"2024-10-08", "He visited Moscow on Monday.", "Monday", "2024-10-07", D},
    {"2024-10-08", "He will visit Moscow on Monday.", "Monday", "2024-10-14", D},
    {"2024-10-08", "They will meet next Monday in Geneva.", "next Monday", "2024-10-14", D},
    {"2024-10-08", "They met last Monday in Geneva.", "last Monday", "2024-10-07", D},
    {"2024-10-08", "They met last Tuesday in Geneva.", "last Tuesday", "2024-10-01", D},
    {"2024-10-08", "The minister said on Friday that talks had failed.", "Friday", "2024-10-04", D},
    {"2024-10-06", "The rally took place on Sunday in the capital.", "Sunday", "2024-10-06", D},
    {"2024-10-08", "The ceremony is scheduled for Saturday.", "Saturday", "2024-10-12", D},
    {"2024-10-08", "Monday's attack killed twelve people.", "Monday's", "2024-10-07", D},
    {"2024-10-08", "Obama spoke on Monday night in Chicago.", "Monday night", "2024-10-07", D},
    {"2010-07-27", "BP said Tuesday that it plans to cut its U.S. tax bill.", "Tuesday", "2010-07-27", D},
    {"2010-06-22", "She said she got her claim number from BP on Thursday and plans to file an application.",
     "Thursday", "2010-06-17", D},
    {"2010-01-16", "Relief teams should be in the country by Sunday.", "Sunday", "2010-01-17", D},
    {"2010-05-17", "The oil might, as soon as Tuesday night, start to get picked up by the loop current.",
     "Tuesday night", "2010-05-18", D},
    {"2010-11-17", "The report, set for Wednesday afternoon release, was leaked.", "Wednesday afternoon", "2010-11-17", D},
    {"2010-11-17", "They call us early on a Saturday morning.", NULL, NULL, 0},
    {"2010-09-16", "The well is expected to be permanently sealed by Sunday.", "Sunday", "2010-09-19", D},
    {"2010-05-25", "President Obama is to tour the Gulf state of Louisiana on Friday.", "Friday", "2010-05-28", D},
    {"2010-07-12", "Allen said BP would test the integrity of the well on Tuesday morning.", "Tuesday morning", "2010-07-13", D},
    {"2010-06-15", "Ahead of the congressional hearings on Tuesday and Thursday, lawmakers released documents.",
     "Thursday", "2010-06-17", D},
    {"2010-06-13", "On Tuesday , lawmakers are to hold a hearing in Washington .", "Tuesday", "2010-06-15", D},
    {"2010-07-27", "A federal judicial panel is meeting Thursday in Boise.", "Thursday", "2010-07-29", D},
    {"2010-07-27", "The hearing is on Monday.", "Monday", "2010-07-26", D},
    {"2010-01-17", "Many survivors of Tuesday 's quake are desperate.", "Tuesday", "2010-01-12", D},
    {"2010-01-17", "Many survivors of Tuesday's quake are desperate.", "Tuesday's", "2010-01-12", D},
    {"2010-02-27", "Monday 1 to Friday 5 March : Beyond Black is a ghost story .", "Monday 1", "2010-03-01", D},
    {"2010-03-23", "Entrants should attend the park on Friday , 26 , between 11am and 2pm .", "Friday , 26", "2010-03-26", D},
    {"2009-05-04", "On Tuesday , the WHO will hold a meeting of doctors .", "Tuesday", "2009-05-05", D},
    {"2010-05-10", "Nagel , speaking to reporters ahead of Senate hearings Tuesday , said the limit is not a cap .", "Tuesday", "2010-05-11", D},
    {"2010-05-24", "It will begin late Tuesday or early Wednesday , Dudley told CNN .", "Wednesday", "2010-05-26", D},
    {"2010-05-24", "He went to meet Putin on Monday .", "Monday", "2010-05-24", D},
    {"2010-05-26", "He went to meet Putin on Monday .", "Monday", "2010-05-24", D},
    /* weeks, months, years */
    {"2024-10-08", "Prices fell sharply last week.", "last week", "2024-09-30", W},
    {"2024-10-08", "Talks continue this week in Brussels.", "this week", "2024-10-07", W},
    {"2024-10-08", "Protesters gathered last weekend.", "last weekend", "2024-09-30", W},
    {"2024-10-08", "Inflation rose last month.", "last month", "2024-09-01", M},
    {"2024-10-08", "The plan starts next month.", "next month", "2024-11-01", M},
    {"2024-10-08", "Sales dropped earlier this month.", "earlier this month", "2024-10-01", M},
    {"2024-10-08", "Growth slowed this year.", "this year", "2024-01-01", Y},
    {"2024-10-08", "Elections are due next year.", "next year", "2025-01-01", Y},
    {"2010-06-15", "The well should be sealed by the end of the month.", "the end of the month", "2010-06-01", M},
    {"2010-06-15", "Two relief wells are due by the end of the year.", "the end of the year", "2010-01-01", Y},
    {"2010-06-15", "He was named person of the year.", NULL, NULL, 0},
    {"2024-10-08", "Protesters gathered this past weekend.", "this past weekend", "2024-09-30", W},
    {"2024-10-08", "Protesters gathered over the weekend.", "the weekend", "2024-09-30", W},
    {"2024-10-08", "Protesters will gather at the weekend.", "the weekend", "2024-10-07", W},
    {"2024-10-08", "They love the weekend.", NULL, NULL, 0},
    {"2010-07-26", "BP notes the press speculation over the weekend.", "the weekend", "2010-07-19", W},
    {"2010-07-29", "The well should be choked off by this weekend.", "this weekend", "2010-07-26", W},
    {"2010-07-19", "Chu earned two glowing profiles this weekend.", "this weekend", "2010-07-12", W},
    {"2010-06-20", "Hearings were held on June 12 and 13 in Washington.", "13", "2010-06-13", D},
    {"2010-06-20", "Hearings were held on March 3, 4 and 5.", "5", "2010-03-05", D},
    {"2010-06-20", "On June 12 and 13 people were hurt.", "June 12", "2010-06-12", D},
    /* N units ago, in N units */
    {"2024-10-08", "The quake struck three days ago.", "three days ago", "2024-10-05", D},
    {"2024-10-08", "The quake struck 3 days ago.", "3 days ago", "2024-10-05", D},
    {"2024-10-08", "He left two weeks ago.", "two weeks ago", "2024-09-23", W},
    {"2024-10-08", "He resigned a week ago.", "a week ago", "2024-09-30", W},
    {"2024-10-08", "Six months ago the company collapsed.", "Six months ago", "2024-04-01", M},
    {"2024-10-08", "The firm was founded 5 years ago.", "5 years ago", "2019-01-01", Y},
    {"2024-10-08", "The results will be announced in 10 days.", "in 10 days", "2024-10-18", D},
    {"2024-10-08", "The law takes effect three weeks from now.", "three weeks from now", "2024-10-28", W},
    {"2024-10-08", "It was the first rise in two years.", NULL, NULL, 0},
    {"2010-07-14", "BP will test the cap, aiming to stop the flow for the first time in three months.", NULL, NULL, 0},
    {"2010-07-14", "Prices will be the lowest in two years.", NULL, NULL, 0},
    {"2010-06-15", "Oil execs feel heat from congressional grilling - 16 hrs ago", "16 hrs ago", "2010-06-15", D},
    {"2010-06-15", "Crews arrived a couple of days ago.", "a couple of days ago", "2010-06-13", D},
    {"2010-06-15", "It was legalised about four decades ago.", "four decades ago", "1970-01-01", Y},
    {"2010-06-01", "The rig exploded on April 20. Two days later it sank.", "Two days later", "2010-04-22", D},
    {"2010-06-01", "The rig exploded on April 20, and sank the next day.", "the next day", "2010-04-21", D},
    {"2010-06-01", "The pandemic struck in 1918. Two years later it was over.", "Two years later", "1920-01-01", Y},
    {"2010-06-01", "Two days later it sank.", NULL, NULL, 0},
    {"2010-06-01", "The rig exploded last week. Two days later it sank.", "last week", "2010-05-24", W},
    /* tense decides the year of a bare month or day */
    {"2024-10-08", "Ms Smith said in March that she would resign.", "March", "2024-03-01", M},
    {"2024-10-08", "The vote will be held in March.", "March", "2025-03-01", M},
    {"2024-10-08", "Parliament meets in November.", "November", "2024-11-01", M},
    {"2024-10-08", "The treaty was signed in December.", "December", "2023-12-01", M},
    {"2009-06-28", "He was preparing 50 concerts in London in July.", "July", "2009-07-01", M},
    {"2010-06-29", "A U.S. appeals court set July 8 for oral arguments.", "July 8", "2010-07-08", D},
    {"2010-02-11", "A hearing has been set for 5 April in Los Angeles.", "5 April", "2010-04-05", D},
    {"2010-12-21", "Operations came under scrutiny after the April 20 explosion aboard the rig.", "April 20", "2010-04-20", D},
    {"2010-09-13", "BP can emerge from April's Deepwater Horizon disaster.", "April's", "2010-04-01", M},
    {"2010-05-14", "HOUSTON , April 29 -LRB- Reuters -RRB- -- A massive oil spill is expected to reach the coast.", "April 29", "2010-04-29", D},
    {"2009-06-12", "Novartis should have the vaccine ready in September or October.", "September", "2009-09-01", M},
    {"2009-06-12", "Novartis should have the vaccine ready in September or October.", "October", "2009-10-01", M},
    {"2024-03-01", "The summit took place on June 20.", "June 20", "2023-06-20", D},
    {"2024-03-01", "The summit will take place on June 20.", "June 20", "2024-06-20", D},
    {"2025-01-02", "It happened on December 31.", "December 31", "2024-12-31", D},
    {"2024-12-15", "Analysts see rates rising in January.", "January", "2025-01-01", M},
    {"2024-05-01", "He was born on 29 February.", "29 February", "2024-02-29", D},
    {"2009-06-01", "The outbreak began in May.", "May", "2009-05-01", M},
    {"2024-03-01", "The campaign will run from May to July.", "July", "2024-07-01", M},
    {"2009-05-05", "Thomas Cook has cancelled holidays to Cancun until 22 May.", "22 May", "2009-05-22", D},
    {"2024-10-08", "He stayed in the capital until March.", "March", "2024-03-01", M},
    {"2010-06-10", "She pledged legislation by August to address the spill.", "August", "2010-08-01", M},
    {"2010-08-04", "The company will step back while investigating the April 20 explosion.", "April 20", "2010-04-20", D},
    {"2010-07-23", "April 30 - An Obama aide says no drilling will be allowed in new areas.", "April 30", "2010-04-30", D},
    {"2010-07-08", "It is possible to stop the well between July 20 and July 27, the official said.", "July 27", "2010-07-27", D},
    {"2011-01-24", "He said in late July that Dudley would take over on October 1.", "October 1", "2010-10-01", D},
    {"2024-02-01", "The junta said it would hold elections in June.", "June", "2024-06-01", M},
    {"2024-10-08", "Cases have risen since November.", "November", "2023-11-01", M},
    {"2010-01-17", "The quake which rocked Padang in September last year killed 1,000 people.", "September last year", "2009-09-01", M},
    {"2010-02-09", "Jackson died at his home on 25 June last year.", "25 June last year", "2009-06-25", D},
    {"2024-10-08", "Turnout was low last June.", "last June", "2024-06-01", M},
    {"2024-05-08", "Turnout was low last June.", "last June", "2023-06-01", M},
    {"2024-10-08", "Elections are due next March.", "next March", "2025-03-01", M},
    {"2009-06-04", "When President Barack Obama unveiled his plans for Afghanistan and Pakistan in March , he promised to involve other countries .",
     "March", "2009-03-01", M},
    {"2010-07-13", "The commission has until 15 December to produce a definitive account.", "15 December", "2010-12-15", D},
    {"2010-07-15", "July 14 : Underwater robots are seen working at the site .", "July 14", "2010-07-14", D},
    {"2010-07-26", "It followed the April explosion and fire on the rig.", "April", "2010-04-01", M},
    {"2010-05-30", "There could be oil coming up 'til August .", "August", "2010-08-01", M},
    {"2024-10-08", "Critics of the May government protested.", NULL, NULL, 0},
    {"2010-05-30", "He wants to avoid a Katrina ahead of the November congressional elections.", "November", "2010-11-01", M},
    /* holidays */
    {"2024-10-08", "The strike ended on Good Friday.", "Good Friday", "2024-03-29", D},
    {"2009-12-28", "Shops closed on Christmas Day.", "Christmas Day", "2009-12-25", D},
    {"2023-06-12", "In a special message to Putin marking Russia's National Day, the Korean leader pledged support.",
     "Russia's National Day", "2023-06-12", D},
    {"2010-12-01", "Sales rose over Thanksgiving.", "Thanksgiving", "2010-11-25", D},
    {"2010-01-05", "He died on New Year's Eve.", "New Year's Eve", "2009-12-31", D},
    {"2010-01-05", "The quake hit on New Year 's Day .", "New Year 's Day", "2010-01-01", D},
    {"2024-10-08", "The church was rebuilt by Easter 2009.", "Easter 2009", "2009-04-12", D},
    {"2010-06-01", "The shop opened last Christmas.", "last Christmas", "2009-12-25", D},
    {"2010-06-01", "Christmas shopping began early.", NULL, NULL, 0},
    {"1987-10-20", "The company had said it expected the Aug 13 purchase to thin profits.", "Aug 13", "1987-08-13", D},
    {"2010-06-04", "On Friday, Obama will make his third trip to the region since the fatal April 20 explosion.",
     "April 20", "2010-04-20", D},
    {"2010-07-13", "It will mark the first time since the explosion aboard the rig on 20 April that the oil has stopped.",
     "20 April", "2010-04-20", D},
    {"2010-05-27", "More than a month after the rig blew out and sank on April 20 , the plan drew criticism .",
     "April 20", "2010-04-20", D},
    {"2010-12-16", "Eleven men died in the explosion on the Deepwater Horizon drilling rig in April .", "April", "2010-04-01", M},
    {"2010-09-13", "It can emerge from April 's Deepwater Horizon disaster in a strong position .", "April", "2010-04-01", M},
    {"2010-05-24", "The money will go toward a program to study the effects of the April 20 oil rig explosion.", "April 20", "2010-04-20", D},
    {"2010-05-11", "BP 's financial wounds from April 20 drilling-rig explosion might be serious .", "April 20", "2010-04-20", D},
    {"2010-06-09", "Congress will pass legislation by August that addresses the explosion on 20 April .", "20 April", "2010-04-20", D},
    {"2010-06-09", "Congress will pass legislation by August that addresses the explosion on 20 April .", "August", "2010-08-01", M},
    {"2010-06-01", "Voters will decide in the upcoming June 22 primary .", "June 22", "2010-06-22", D},
    {"2010-06-07", "If hiring picks up , polls will reflect that by November obviously .", "November", "2010-11-01", M},
    {"2010-05-30", "` OIL COMING UP UNTIL AUGUST ' After giving up", "AUGUST", "2010-08-01", M},
    {"2010-05-27", "The spill could become a liability for Obama ahead of November elections.", "November", "2010-11-01", M},
    {"2010-08-03", "The ban could be lifted ahead of the current November 30 deadline .", "November 30", "2010-11-30", D},
    {"2011-01-31", "He runs the fund set up in the aftermath of its April 20 oil well blowout.", "April 20", "2010-04-20", D},
    {"2010-06-13", "BP oil spill may not be capped until Christmas , expert warns", "Christmas", "2010-12-25", D},
    {"2011-07-26", "The 8 October gig at the Millennium Stadium was announced last week.", "8 October", "2011-10-08", D},
    /* anniversaries: of a known event (year + N), of a date, without N (by tense) */
    {"2023-11-06", "The letters were exchanged on the 78th anniversary of Korea's liberation.",
     "the 78th anniversary of Korea's liberation", "2023-08-15", D},
    {"2015-08-20", "Seoul marked the 70th anniversary of the liberation of Korea with a parade.",
     "the 70th anniversary of the liberation of Korea", "2015-08-15", D},
    {"2020-04-22", "Families gathered for the 10th anniversary of the April 20, 2010 explosion.",
     "the 10th anniversary of the April 20, 2010", "2020-04-20", D},
    {"2011-04-22", "Families gathered on the first anniversary of the April 20 explosion.",
     "the first anniversary of the April 20", "2011-04-20", D},
    {"2019-07-25", "The fiftieth anniversary of the July 1969 landing drew crowds.",
     "The fiftieth anniversary of the July 1969", "2019-07-01", M},
    {"2024-06-10", "Leaders met in Normandy for D-Day's 80th anniversary.", "D-Day's 80th anniversary", "2024-06-06", D},
    {"2024-06-10", "Leaders met in Normandy for the 80th D-Day anniversary.", "the 80th D-Day anniversary", "2024-06-06", D},
    {"2023-07-28", "Pyongyang held a parade marking the seventieth anniversary of the Korean War armistice.",
     "the seventieth anniversary of the Korean War armistice", "2023-07-27", D},
    {"2020-08-07", "Japan marked the 75th anniversary of the atomic bombing of Hiroshima.",
     "the 75th anniversary of the atomic bombing of Hiroshima", "2020-08-06", D},
    {"2018-11-20", "Macron hosted leaders for the centenary of Armistice Day.", "the centenary of Armistice Day", "2018-11-11", D},
    {"2021-09-14", "Biden spoke at the anniversary of the September 11 attacks.",
     "the anniversary of the September 11 attacks", "2021-09-11", D},
    {"2021-09-01", "Biden will speak at the anniversary of the 9/11 attacks.",
     "the anniversary of the 9/11 attacks", "2021-09-11", D},
    {"2010-04-02", "Families will gather on the anniversary of the April 20, 2009 explosion.",
     "the anniversary of the April 20, 2009", "2010-04-20", D},
    {NULL, "The letters came on the 78th anniversary of Korea's liberation.",
     "the 78th anniversary of Korea's liberation", "2023-08-15", D},
    /* national days: nearest occurrence by tense; an ambiguous name by its cue words */
    {"2023-06-14", "Putin gave a speech on Russia Day.", "Russia Day", "2023-06-12", D},
    {"2023-08-20", "Kim sent greetings on Liberation Day, Korean media said.", "Liberation Day", "2023-08-15", D},
    {"2023-04-28", "Italians celebrated Liberation Day with marches in Rome.", "Liberation Day", "2023-04-25", D},
    {"2023-07-28", "Pyongyang held a military parade on Victory Day.", "Victory Day", "2023-07-27", D},
    {"2023-05-10", "Putin watched the Victory Day parade in Moscow.", "Victory Day", "2023-05-09", D},
    {"2023-07-05", "Americans celebrated Independence Day with fireworks.", "Independence Day", "2023-07-04", D},
    {"2023-07-01", "France will celebrate Bastille Day with a parade.", "Bastille Day", "2023-07-14", D},
    {"2024-05-10", "Veterans gathered in London on VE Day.", "VE Day", "2024-05-08", D},
    {"2023-08-17", "South Koreans marked Gwangbokjeol with rallies.", "Gwangbokjeol", "2023-08-15", D},
    /* not anniversary dates */
    {"2023-06-14", "Anniversary celebrations were held across the country.", NULL, NULL, 0},
    {"2023-06-14", "The party marked the 75th anniversary of its founding.", NULL, NULL, 0},
    {"2023-06-14", "The couple celebrated their 50th wedding anniversary.", NULL, NULL, 0},
    {"2023-06-14", "Liberation Day was a turning point.", NULL, NULL, 0},
    {"2023-06-14", "The anniversary of the 2009 election passed quietly.", "2009", "2009-01-01", Y},
    {"2023-06-14", "He spoke about the liberation of Korea in 1945.", "1945", "1945-01-01", Y},
    /* not dates */
    {"2011-01-11", "He found the singer had stopped breathing shortly after 1100 .", NULL, NULL, 0},
    {"2011-01-11", "The flight lands in 1800 GMT slots.", NULL, NULL, 0},
    {"2024-10-08", "The virus may accelerate its spread.", NULL, NULL, 0},
    {"2024-10-08", "May God bless the victims.", NULL, NULL, 0},
    {"2024-10-08", "Thousands joined the march on the capital.", NULL, NULL, 0},
    {"2024-10-08", "The March on Washington drew crowds.", NULL, NULL, 0},
    {"2024-10-08", "He read the Sun on the train.", NULL, NULL, 0},
    {"2024-10-08", "Prices rose through the 1990s.", NULL, NULL, 0},
    {"2024-10-08", "More than 2,000 people attended.", NULL, NULL, 0},
    {"2024-10-08", "The figures are at 2009 prices.", NULL, NULL, 0},
    {"2024-10-08", "Sales slumped in 2000 homes.", NULL, NULL, 0},
    {"2024-10-08", "The meeting began at 10:30 local time.", NULL, NULL, 0},

    {"2024-10-08", "She told the Sunday Times about it.", NULL, NULL, 0},
    {"2009-05-03", "Besser told `` Fox News Sunday . ''", NULL, NULL, 0},
    {"2010-09-08", "Edward Stourton presents a special edition of the Sunday Programme live.", NULL, NULL, 0},
    {"2010-01-19", "Speaking ahead of the Golden Globes on Sunday, Clooney said stars had signed up.", "Sunday", "2010-01-17", D},
    {"2024-10-08", "He told the BBC's Today programme that it was serious.", NULL, NULL, 0},
    {"2024-10-08", "USA Today reported the story.", NULL, NULL, 0},
    {"2024-10-08", "June Carter sang at the festival.", NULL, NULL, 0},
    {"2024-10-08", "Over the last year the economy grew.", NULL, NULL, 0},
    /* no publication date: only absolute expressions */
    {NULL, "The deal was signed on June 12, 2023.", "June 12, 2023", "2023-06-12", D},
    {NULL, "He arrived yesterday.", NULL, NULL, 0},
    {NULL, "He arrived on Monday, June 12.", NULL, NULL, 0},
};

static int32_t day_of(const char *s) {
    int32_t d, t;
    if (!s) return SL_NO_DATE;
    assert_int_equal(sl_parse_date(s, strlen(s), &d, &t), 0);
    return d;
}

static void test_table(void **state) {
    (void)state;
    int failures = 0;
    for (size_t r = 0; r < sizeof table / sizeof table[0]; r++) {
        const row *x = &table[r];
        sl_timex out[16];
        size_t n = sl_timex_find(x->text, strlen(x->text), day_of(x->pub), out, 16);
        assert_true(n <= 16);
        char got[512];
        size_t gl = 0;
        got[0] = '\0';
        int found = 0;
        for (size_t i = 0; i < n; i++) {
            char day[11];
            sl_format_date(out[i].day, day);
            gl += (size_t)snprintf(got + gl, sizeof got - gl, " [%.*s → %s g%d r%d]", (int)out[i].len,
                                   x->text + out[i].start, day, out[i].granularity, out[i].relative);
            if (gl >= sizeof got) gl = sizeof got - 1;
            if (x->expr && out[i].len == strlen(x->expr) &&
                memcmp(x->text + out[i].start, x->expr, out[i].len) == 0 &&
                out[i].day == day_of(x->day) && out[i].granularity == x->gran)
                found = 1;
        }
        int ok = x->expr ? found : n == 0;
        if (!ok) {
            failures++;
            fprintf(stderr, "FAIL row %zu (pub %s): \"%s\"\n  want %s → %s g%d; got%s\n", r,
                    x->pub ? x->pub : "none", x->text, x->expr ? x->expr : "(nothing)",
                    x->day ? x->day : "", x->gran, n ? got : " nothing");
        }
    }
    fprintf(stderr, "%zu rows, %d failures\n", sizeof table / sizeof table[0], failures);
    assert_int_equal(failures, 0);
}

/* Relative flags, text order, no overlaps, on a paragraph. */
static void test_paragraph(void **state) {
    (void)state;
    const char *t = "On Monday, officials said the outbreak began in March 2009. "
                    "Yesterday the WHO raised its alert; a vaccine is expected next month.";
    sl_timex out[8];
    size_t n = sl_timex_find(t, strlen(t), day_of("2009-04-28"), out, 8);
    assert_int_equal(n, 4);
    for (size_t i = 1; i < n; i++) assert_true(out[i].start >= out[i - 1].start + out[i - 1].len);
    assert_int_equal(out[0].day, day_of("2009-04-27"));
    assert_int_equal(out[0].relative, 1);
    assert_int_equal(out[1].day, day_of("2009-03-01"));
    assert_int_equal(out[1].relative, 0);
    assert_int_equal(out[1].granularity, SL_GRAN_MONTH);
    assert_int_equal(out[2].day, day_of("2009-04-27"));
    assert_int_equal(out[3].day, day_of("2009-05-01"));
    assert_int_equal(out[3].granularity, SL_GRAN_MONTH);
}

/* The count is the total even when cap is smaller; nothing beyond cap is written. */
static void test_cap(void **state) {
    (void)state;
    const char *t = "In 2001, 2002 and 2003 it rained; on June 5, 2004 it snowed.";
    sl_timex out[3];
    memset(out, 0xAB, sizeof out);
    size_t total = sl_timex_find(t, strlen(t), SL_NO_DATE, NULL, 0);
    assert_int_equal(total, 4);
    size_t n = sl_timex_find(t, strlen(t), SL_NO_DATE, out, 2);
    assert_int_equal(n, 4);
    assert_int_equal(out[1].day, day_of("2002-01-01"));
    assert_int_equal(out[2].start, 0xABABABABu);
    assert_int_equal(sl_timex_find("", 0, day_of("2020-01-01"), out, 3), 0);
}

/* Texts longer than a chunk: every date found, offsets right. */
static void test_long_text(void **state) {
    (void)state;
    size_t cap = 200000, len = 0;
    char *t = malloc(cap);
    assert_non_null(t);
    int k = 0;
    while (len + 200 < cap) {
        if (k % 7 == 0)
            len += (size_t)snprintf(t + len, cap - len, "The report was published on %d March 2011.", k % 28 + 1);
        else
            len += (size_t)snprintf(t + len, cap - len, "Nothing of note happened here at all%s",
                                    k % 13 == 0 ? "\n" : " ");
        k++;
    }
    size_t want = (size_t)(k + 6) / 7;
    sl_timex *out = calloc(want + 1, sizeof *out);
    assert_non_null(out);
    size_t n = sl_timex_find(t, len, day_of("2011-04-01"), out, want + 1);
    assert_int_equal(n, want);
    for (size_t i = 0; i < n; i++) {
        int y, m, d;
        sl_civil_from_days(out[i].day, &y, &m, &d);
        assert_int_equal(y, 2011);
        assert_int_equal(m, 3);
        char buf[32];
        int bl = snprintf(buf, sizeof buf, "%d March 2011", d);
        assert_int_equal(out[i].len, bl);
        assert_memory_equal(t + out[i].start, buf, (size_t)bl);
    }
    free(out);
    free(t);
}

/* Anaphoric expressions and list continuations need a recent date precise enough. */
static void test_anaphora(void **state) {
    (void)state;
    static const struct { const char *text; size_t count; } cases[] = {
        {"The rig exploded last week. Two days later it sank.", 1},
        {"Results come on Tuesday 2 November, a week later than indicated.", 1},
        {"It exploded on April 20 and sank two days later.", 2},
        {"On June 12 and 13 people were hurt.", 1},
        {"Hearings were held on June 12 and 13.", 2},
        {"Today , 12 of the firm 's 15 vessels are in the Gulf .", 1},
        {"On Monday, 12 were killed in the capital.", 1},
    };
    sl_timex out[8];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n = sl_timex_find(cases[i].text, strlen(cases[i].text), day_of("2010-06-01"), out, 8);
        if (n != cases[i].count) fprintf(stderr, "anaphora case %zu: %zu expressions\n", i, n);
        assert_int_equal(n, cases[i].count);
    }
}

/* Thread safety: concurrent calls give the single-threaded results. */
enum { THREADS = 4, ROUNDS = 30 };
typedef struct thread_arg {
    sl_timex want[sizeof table / sizeof table[0]][16];
    size_t want_n[sizeof table / sizeof table[0]];
    int mismatches;
} thread_arg;

static void *thread_run(void *p) {
    thread_arg *a = p;
    int bad = 0;
    for (int r = 0; r < ROUNDS; r++)
        for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
            sl_timex out[16];
            size_t n = sl_timex_find(table[i].text, strlen(table[i].text), day_of(table[i].pub), out, 16);
            if (n != a->want_n[i] || memcmp(out, a->want[i], SL_MIN_(n, 16) * sizeof *out) != 0) bad++;
        }
    __atomic_add_fetch(&a->mismatches, bad, __ATOMIC_RELAXED);
    return NULL;
}

static void test_threads(void **state) {
    (void)state;
    thread_arg *a = calloc(1, sizeof *a);
    assert_non_null(a);
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        a->want_n[i] = sl_timex_find(table[i].text, strlen(table[i].text), day_of(table[i].pub), a->want[i], 16);
    pthread_t t[THREADS];
    for (int k = 0; k < THREADS; k++) assert_int_equal(pthread_create(&t[k], NULL, thread_run, a), 0);
    for (int k = 0; k < THREADS; k++) pthread_join(t[k], NULL);
    assert_int_equal(a->mismatches, 0);
    free(a);
}

/* Random sentences made of date words, numbers and punctuation: no crash,
 * results inside the text, in order, not overlapping, with sane days. */
static void test_random(void **state) {
    (void)state;
    static const char *const words[] = {
        "June", "May", "march", "12", "12th", "2009", "1,000", "the", "of", "on", "in", "last",
        "next", "this", "week", "weeks", "ago", "two", "a", "day", "days", "later", "earlier",
        "Monday", "Friday", "yesterday", "today", "tomorrow", "will", "was", ",", ".", "-",
        "'s", "and", "to", "mid-June", "early", "end", "2023-06-12", "25/04/2009", "\n",
        "Christmas", "Good", "New", "Year", "Eve", "-LRB-", "since", "until", "hours", "couple",
        "31", "February", "29", "Sept.", "Jan", "decades", "the", "year", "month", "weekend",
    };
    uint64_t seed = 88172645463325252ull;
    char text[4096];
    sl_timex out[256];
    for (int round = 0; round < 3000; round++) {
        size_t len = 0;
        int nwords = 1 + (int)(seed % 60);
        for (int w = 0; w < nwords; w++) {
            seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
            const char *word = words[seed % (sizeof words / sizeof words[0])];
            len += (size_t)snprintf(text + len, sizeof text - len, "%s%s", w ? " " : "", word);
        }
        int32_t pub = (round % 5 == 0) ? SL_NO_DATE : day_of("2010-03-01") + (int32_t)(seed % 4000) - 2000;
        size_t n = sl_timex_find(text, len, pub, out, 256);
        assert_true(n <= 256);
        for (size_t i = 0; i < n; i++) {
            assert_true(out[i].len > 0 && out[i].start + out[i].len <= len);
            if (i) assert_true(out[i].start >= out[i - 1].start + out[i - 1].len);
            assert_true(out[i].granularity <= SL_GRAN_WEEK);
            if (!(out[i].day > day_of("0900-01-01") && out[i].day < day_of("2300-01-01"))) fprintf(stderr, "BAD day %d in [%.*s] of: %s\n", out[i].day, (int)out[i].len, text + out[i].start, text);
            assert_true(out[i].day > day_of("0900-01-01") && out[i].day < day_of("2300-01-01"));
            if (pub == SL_NO_DATE) assert_int_equal(out[i].relative, 0);
        }
    }
}

static void test_lexicon(void **state) {
    (void)state;
    assert_true(sl_timex_lexicon_check());
}

/* On real Timeline17 articles (when ../shared is present): results are in
 * order, inside the text, and most articles have some date. */
/* ---- the scanner on tokens given by the caller ------------------------------ */

/* sl_timex_find through tl_timex_scan_tokens: tokenised and classified
 * here, with a class cache by folded form shared across calls. */
typedef struct given_ctx {
    sl_vocab *vocab;
    tl_word_entry *cache;
    size_t cap_cache;
} given_ctx;

static size_t scan_given(given_ctx *g, const char *text, size_t len, int32_t pub, sl_timex *out,
                         size_t cap) {
    size_t nt = sl_tokenize(text, len, NULL, 0);
    sl_token *tok = malloc((nt + 1) * sizeof *tok);
    int32_t *ids = malloc((nt + 1) * sizeof *ids);
    tl_tinfo *info = malloc((nt + 1) * sizeof *info);
    assert_true(tok && ids && info);
    assert_int_equal(sl_tokenize(text, len, tok, nt), nt);
    for (size_t k = 0; k < nt; k++) {
        ids[k] = tok[k].kind == SL_TOK_PUNCT || k % 5 == 4 ? -1 : sl_vocab_intern_token(g->vocab, text, &tok[k]);
        while (ids[k] >= 0 && (size_t)ids[k] >= g->cap_cache) {
            size_t old = g->cap_cache;
            g->cap_cache = g->cap_cache ? 2 * g->cap_cache : 256;
            g->cache = realloc(g->cache, g->cap_cache * sizeof *g->cache);
            assert_non_null(g->cache);
            for (size_t i = old; i < g->cap_cache; i++) g->cache[i].tinfo.cls = TL_TINFO_UNKNOWN;
        }
    }
    tl_word_entry **ent = malloc((nt + 1) * sizeof *ent);
    assert_non_null(ent);
    for (size_t k = 0; k < nt; k++) ent[k] = ids[k] >= 0 ? &g->cache[ids[k]] : NULL;
    tl_timex_classify_tokens(text, len, tok, nt, ent, info);
    free(ent);
    size_t n = tl_timex_scan_tokens(text, len, pub, tok, info, nt, out, cap);
    free(tok);
    free(ids);
    free(info);
    return n;
}

static void expect_same(given_ctx *g, const char *text, size_t len, int32_t pub) {
    enum { CAP = 4096 };
    static sl_timex a[CAP], b[CAP];
    size_t na = sl_timex_find(text, len, pub, a, CAP);
    size_t nb = scan_given(g, text, len, pub, b, CAP);
    if (na != nb || memcmp(a, b, SL_MIN_(na, (size_t)CAP) * sizeof *a) != 0)
        fprintf(stderr, "tokens given: different results (%zu vs %zu) on: %.*s\n", na, nb,
                (int)SL_MIN_(len, (size_t)300), text);
    assert_int_equal(na, nb);
    assert_memory_equal(a, b, SL_MIN_(na, (size_t)CAP) * sizeof *a);
}

/* The same expressions whether the scanner tokenises or is given tokens
 * and cached classes: the table, random texts with case and Unicode
 * variants of one folded form ("MAY", "May", fullwidth "Ｍａｙ", "Korea’s"),
 * and a text of many chunks. */
static void test_given_tokens(void **state) {
    (void)state;
    given_ctx g = {sl_vocab_new(), NULL, 0};
    assert_non_null(g.vocab);
    for (size_t r = 0; r < sizeof table / sizeof table[0]; r++)
        expect_same(&g, table[r].text, strlen(table[r].text), day_of(table[r].pub));
    static const char *const words[] = {
        "June", "JUNE", "june", "\xEF\xBC\xAA\xEF\xBD\x95\xEF\xBD\x8E\xEF\xBD\x85", "May", "MAY",
        "may", "\xEF\xBC\xAD\xEF\xBD\x81\xEF\xBD\x99", "12", "12th", "2009", "the", "The", "of",
        "on", "in", "last", "Last", "next", "week", "ago", "two", "days", "later", "Monday",
        "MONDAY", "monday", "yesterday", "Yesterday", "will", "was", "Was", ",", ".", "\n",
        "Christmas", "CHRISTMAS", "Day", "Korea\xE2\x80\x99s", "Korea's", "Liberation", "anniversary",
        "78th", "of", "visited", "Visited", "expected", "Expected", "mid-June", "Mid-June", "said",
        "Said", "2023-06-12", "\xC2\xA0", "Easter", "Sunday", "this", "This",
    };
    uint64_t seed = 1234567ull;
    char text[4096];
    for (int round = 0; round < 3000; round++) {
        size_t len = 0;
        int nwords = 1 + (int)(seed % 60);
        for (int w = 0; w < nwords; w++) {
            seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
            const char *word = words[seed % (sizeof words / sizeof words[0])];
            len += (size_t)snprintf(text + len, sizeof text - len, "%s%s", w ? " " : "", word);
        }
        int32_t pub = (round % 5 == 0) ? SL_NO_DATE : day_of("2010-03-01") + (int32_t)(seed % 4000) - 2000;
        expect_same(&g, text, len, pub);
    }
    /* many chunks, some cut inside a long run without spaces */
    size_t cap = 60000, len = 0;
    char *t = malloc(cap);
    assert_non_null(t);
    for (int k = 0; len + 300 < cap; k++) {
        if (k % 11 == 10) {
            for (int i = 0; i < 2500 && len + 300 < cap; i++) t[len++] = (char)('a' + i % 26);
            t[len++] = ' ';
        }
        len += (size_t)snprintf(t + len, cap - len, "%s met on %d March %s last week.%s",
                                k % 3 ? "They" : "THEY", k % 28 + 1, k % 2 ? "2011" : "", k % 9 ? " " : "\n");
    }
    expect_same(&g, t, len, day_of("2011-04-01"));
    free(t);
    free(g.cache);
    sl_vocab_free(g.vocab);
}

static void test_t17(void **state) {
    (void)state;
    REQUIRE_SHARED(dir);
    char path[4096];
    snprintf(path, sizeof path, "%s/data/t17/H1N1_bbc/articles.jsonl", dir);
    sl_corpus *c = sl_corpus_new();
    sl_read_options opt = {0};
    assert_int_equal(sl_corpus_read_path(c, path, &opt), 0);
    size_t with_dates = 0, total = 0;
    sl_timex out[512];
    for (size_t i = 0; i < sl_corpus_size(c); i++) {
        const sl_article *a = sl_corpus_article(c, i);
        size_t n = sl_timex_find(a->text.ptr, a->text.len, a->date, out, 512);
        if (n > 512) n = 512;
        for (size_t j = 0; j < n; j++) {
            assert_true(out[j].start + out[j].len <= a->text.len);
            if (j) assert_true(out[j].start >= out[j - 1].start + out[j - 1].len);
        }
        total += n;
        with_dates += n > 0;
    }
    assert_true(with_dates * 10 >= sl_corpus_size(c) * 8);
    assert_true(total > 0);
    sl_corpus_free(c);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table),   cmocka_unit_test(test_paragraph),
        cmocka_unit_test(test_cap),     cmocka_unit_test(test_long_text),
        cmocka_unit_test(test_lexicon), cmocka_unit_test(test_t17),
        cmocka_unit_test(test_anaphora), cmocka_unit_test(test_threads),
        cmocka_unit_test(test_random), cmocka_unit_test(test_given_tokens),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
