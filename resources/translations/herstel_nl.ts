<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en_US">
<context>
    <name></name>
    <message>
        <source>A session is already running; it was brought to the front.</source>
        <translation>Er loopt al een sessie; die staat nu vooraan.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="145"/>
        <source>--pattern &apos;{pattern}&apos;: the second breath in must be {low}–{high} seconds in {step} s steps (got {value})</source>
        <translation>--pattern &apos;{pattern}&apos;: de tweede inademing moet {low}–{high} seconden zijn, in stappen van {step} s (ingevoerd: {value})</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="1"/>
        <source>-o {path} is one of Herstel&apos;s own files; choose another file name</source>
        <translation>-o {path} is een van de eigen bestanden van Herstel; kies een andere bestandsnaam</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="1"/>
        <source>{path} is not a regular file (a pipe, device or socket); save it first</source>
        <translation>{path} is geen gewoon bestand (maar een pipe, apparaat of socket); sla het eerst op als bestand</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="1"/>
        <source>{path} is too large to be a Herstel export ({size} MB; an import reads up to {cap} MB)</source>
        <translation>{path} is te groot voor een export van Herstel ({size} MB; importeren leest tot {cap} MB)</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="1"/>
        <source>the database {path} is in use by another program; nothing was changed (waited {seconds} s; try again when it is done)</source>
        <translation>de database {path} is in gebruik door een ander programma; er is niets veranderd ({seconds} s gewacht; probeer het opnieuw als dat klaar is)</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="1"/>
        <source>cannot write the database {path}: {reason}; nothing was changed</source>
        <translation>kan de database {path} niet bijwerken: {reason}; er is niets veranderd</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="1"/>
        <source>cannot write {path}: {reason}; nothing was changed</source>
        <translation>kan {path} niet schrijven: {reason}; er is niets veranderd</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="1"/>
        <source>it is a file, not a folder</source>
        <translation>het is een bestand, geen map</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="1"/>
        <source>no display to open a window on (DISPLAY and WAYLAND_DISPLAY are not set)</source>
        <translation>geen beeldscherm om een venster op te openen (DISPLAY en WAYLAND_DISPLAY zijn niet ingesteld)</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="103"/>
        <source>{option} must be a number of seconds (got &apos;{value}&apos;)</source>
        <translation>{option} moet een aantal seconden zijn (ingevoerd: &apos;{value}&apos;)</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="112"/>
        <source>{option} must be {low}–{high} seconds in {step} s steps (got {value})</source>
        <translation>{option} moet {low}–{high} seconden zijn, in stappen van {step} s (ingevoerd: {value})</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="131"/>
        <source>{option} must be a whole number from {low} to {high} (got {value})</source>
        <translation>{option} moet een heel getal van {low} tot en met {high} zijn (ingevoerd: {value})</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="160"/>
        <source>--pattern &apos;{pattern}&apos;: {phase} must be {low}–{high} seconds in {step} s steps (got {value})</source>
        <translation>--pattern &apos;{pattern}&apos;: {phase} moet {low}–{high} seconden zijn, in stappen van {step} s (ingevoerd: {value})</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="173"/>
        <source>--pattern must be a preset (4-6, 5-5, 6-6, gentle, box, 4-7-8, sigh) or seconds like 4-6, 4-4-4-4 or 3+1-6 (got &apos;{value}&apos;)</source>
        <translation>--pattern moet een vast ritme zijn (4-6, 5-5, 6-6, gentle, box, 4-7-8, sigh) of seconden zoals 4-6, 4-4-4-4 of 3+1-6 (ingevoerd: &apos;{value}&apos;)</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="190"/>
        <source>keep data and settings in DIR instead of the usual place</source>
        <translation>bewaar gegevens en instellingen in DIR in plaats van op de gewone plek</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="193"/>
        <source>Guided slow-breathing breaks that help you recover, not just rest.</source>
        <translation>Begeleide ademmomenten in een rustig ritme: niet alleen even pauze, maar echt herstel.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="199"/>
        <source>start in the tray without opening a window</source>
        <translation>start in het systeemvak, zonder een venster te openen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="205"/>
        <source>start a breathing session now</source>
        <translation>begin nu een ademsessie</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="206"/>
        <source>Start a breathing session now.</source>
        <translation>Begin nu een ademsessie.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="212"/>
        <source>4-6, 5-5, 6-6, gentle, box, 4-7-8, sigh or seconds like 4-6 (default: saved)</source>
        <translation>4-6, 5-5, 6-6, gentle, box, 4-7-8, sigh of seconden zoals 4-6 (standaard: je opgeslagen ritme)</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="219"/>
        <source>override one phase of the pattern, in seconds</source>
        <translation>pas één fase van het ritme aan, in seconden</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="221"/>
        <source>length in minutes (1–20)</source>
        <translation>lengte in minuten (1–20)</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="222"/>
        <source>length in breaths (1–120)</source>
        <translation>lengte in ademhalingen (1–120)</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="226"/>
        <source>end on a short summary instead of the recovery check</source>
        <translation>sluit af met een korte samenvatting in plaats van de herstelcheck</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="231"/>
        <source>this session in eyes-closed mode: full screen, dark, guided by sound</source>
        <translation>deze sessie met de ogen dicht: volledig scherm, donker, begeleid door geluid</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="236"/>
        <source>open the history of your sessions</source>
        <translation>open de geschiedenis van je sessies</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="241"/>
        <source>remind me to take a break in MINUTES (1–720)</source>
        <translation>herinner me over MINUTES minuten aan een ademmoment (1–720)</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="244"/>
        <source>minutes from now (1–720)</source>
        <translation>aantal minuten vanaf nu (1–720)</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="248"/>
        <source>write all your sessions, answers and reminders as CSV or JSON</source>
        <translation>schrijf al je sessies, antwoorden en herinneringen weg als CSV of JSON</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="249"/>
        <source>Write all your data as JSON, or one table as CSV (stdout without -o).</source>
        <translation>Schrijf al je gegevens weg als JSON, of één tabel als CSV (naar stdout zonder -o).</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="257"/>
        <source>CSV only: which table to write (default: sessions)</source>
        <translation>alleen voor CSV: welke tabel je wegschrijft (standaard: sessions)</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="259"/>
        <source>write to FILE</source>
        <translation>schrijf naar FILE</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="263"/>
        <source>add the sessions from a JSON export; ones you already have are skipped</source>
        <translation>voeg de sessies uit een JSON-export toe; sessies die je al hebt, worden overgeslagen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="266"/>
        <source>a JSON file written by herstel export</source>
        <translation>een JSON-bestand gemaakt met herstel export</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="270"/>
        <source>show version, licence and where your data is kept</source>
        <translation>toon versie, licentie en waar je gegevens staan</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="275"/>
        <source>add Herstel to the application menu, or take it out</source>
        <translation>zet Herstel in het programmamenu, of haal het eruit</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="289"/>
        <source>--minutes and --breaths cannot be used together</source>
        <translation>--minutes en --breaths kun je niet samen gebruiken</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="312"/>
        <source>--data-dir must not be empty</source>
        <translation>--data-dir mag niet leeg zijn</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="321"/>
        <source>Version</source>
        <translation>Versie</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="322"/>
        <source>Licence</source>
        <translation>Licentie</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="324"/>
        <source>Uses</source>
        <translation>Gebruikt</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="325"/>
        <source>Qt {qt} and PySide6 {pyside} (LGPL-3.0)</source>
        <translation>Qt {qt} en PySide6 {pyside} (LGPL-3.0)</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="329"/>
        <source>Data</source>
        <translation>Gegevens</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="330"/>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="331"/>
        <source>Logs</source>
        <translation>Logbestanden</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="334"/>
        <source>Herstel — guided slow-breathing breaks</source>
        <translation>Herstel — begeleide ademmomenten in een rustig ritme</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="341"/>
        <source>--table only applies to --format csv</source>
        <translation>--table werkt alleen samen met --format csv</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="356"/>
        <source>-o {path} is a folder, not a file</source>
        <translation>-o {path} is een map, geen bestand</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="371"/>
        <source>{path}: no such file</source>
        <translation>{path}: dit bestand bestaat niet</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="373"/>
        <source>{path} is a folder, not a file</source>
        <translation>{path} is een map, geen bestand</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="379"/>
        <source>Imported {added} sessions ({skipped} already there).</source>
        <translation>{added} sessies geïmporteerd ({skipped} had je al).</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="405"/>
        <source>the database {path} is damaged; it was moved to {moved}</source>
        <translation>de database {path} is beschadigd; hij is verplaatst naar {moved}</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="415"/>
        <source>the database {path} was written by a newer Herstel; update Herstel to use it (the file was left unchanged)</source>
        <translation>de database {path} komt van een nieuwere versie van Herstel; werk Herstel bij om hem te gebruiken (het bestand is niet veranderd)</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="436"/>
        <source>nothing to do here; see docs/packaging.md</source>
        <translation>hier valt niets te doen; zie docs/packaging.md</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="443"/>
        <source>cannot find the herstel program to put in the menu</source>
        <translation>kan het programma herstel niet vinden om in het menu te zetten</translation>
    </message>
    <message>
        <location filename="../../src/herstel/cli.py" line="468"/>
        <source>--tray cannot be combined with a command</source>
        <translation>--tray kun je niet combineren met een opdracht</translation>
    </message>
    <message>
        <source>say what the running Herstel is doing (exit 3 when it is not running)</source>
        <translation>laat zien wat Herstel nu doet (exitcode 3 als Herstel niet draait)</translation>
    </message>
    <message>
        <source>one JSON object per line</source>
        <translation>één JSON-object per regel</translation>
    </message>
    <message>
        <source>print a new line on every change</source>
        <translation>schrijf bij elke verandering een nieuwe regel</translation>
    </message>
    <message>
        <source>Waiting: you are in a call</source>
        <translation>Wacht: je zit in een gesprek</translation>
    </message>
    <message>
        <source>Waiting: something is full screen</source>
        <translation>Wacht: er staat iets schermvullend open</translation>
    </message>
    <message>
        <source>Waiting: Do Not Disturb is on</source>
        <translation>Wacht: Niet storen staat aan</translation>
    </message>
    <message>
        <source>Waiting: you are away</source>
        <translation>Wacht: je bent even weg</translation>
    </message>
    <message>
        <source>Reminders paused until {time}</source>
        <translation>Herinneringen gepauzeerd tot {time}</translation>
    </message>
    <message>
        <source>Reminders paused until tomorrow at {time}</source>
        <translation>Herinneringen gepauzeerd tot morgen om {time}</translation>
    </message>
    <message>
        <source>Reminders paused until {date} at {time}</source>
        <translation>Herinneringen gepauzeerd tot {date} om {time}</translation>
    </message>
    <message>
        <source>Next break at {time}</source>
        <translation>Volgende pauze om {time}</translation>
    </message>
    <message>
        <source>Next break tomorrow at {time}</source>
        <translation>Volgende pauze morgen om {time}</translation>
    </message>
    <message>
        <source>Next break on {date} at {time}</source>
        <translation>Volgende pauze op {date} om {time}</translation>
    </message>
    <message>
        <source>Breathing now</source>
        <translation>Je ademt nu</translation>
    </message>
    <message>
        <source>No break planned</source>
        <translation>Geen pauze gepland</translation>
    </message>
    <message>
        <source>Herstel is not running</source>
        <translation>Herstel draait niet</translation>
    </message>
    <message>
        <source>{minutes} min of slow breathing today</source>
        <translation>Vandaag {minutes} min rustig geademd</translation>
    </message>
    <message>
        <source>the running Herstel is too old for status; quit it and start it again</source>
        <translation>de Herstel die nu draait is te oud voor status; sluit hem af en start hem opnieuw</translation>
    </message>
    <message>
        <source>Herstel is running but gave no status ({reason})</source>
        <translation>Herstel draait, maar gaf geen status ({reason})</translation>
    </message>
</context>
<context>
    <name>AdherenceChart</name>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="860"/>
        <source>Reminders per week</source>
        <translation>Herinneringen per week</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="879"/>
        <source>taken</source>
        <translation>opgevolgd</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="879"/>
        <source>snoozed</source>
        <translation>uitgesteld</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="879"/>
        <source>skipped</source>
        <translation>overgeslagen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="879"/>
        <source>missed</source>
        <translation>gemist</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="928"/>
        <source>waited {count}×</source>
        <translation>{count}× gewacht</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="963"/>
        <source>No reminders yet.</source>
        <translation>Nog geen herinneringen.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="971"/>
        <source>Week of {day}: {count} reminders</source>
        <translation>Week van {day}: {count}× herinnerd</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="988"/>
        <source>waited for a better moment {waited}×, natural breaks {breaks}</source>
        <translation>{waited}× gewacht op een beter moment, natuurlijke pauzes {breaks}</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="995"/>
        <source>No data.</source>
        <translation>Geen gegevens.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="999"/>
        <source>Reminders per week, last {count} weeks: no reminders yet.</source>
        <translation>Herinneringen per week, afgelopen {count} weken: nog geen herinneringen.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="1010"/>
        <source>Reminders per week, last {count} weeks: {total} reminders; {parts}.</source>
        <translation>Herinneringen per week, afgelopen {count} weken: {total} in totaal; {parts}.</translation>
    </message>
</context>
<context>
    <name>AppearanceSettingsPage</name>
    <message>
        <location filename="../../src/herstel/ui/settings/pages.py" line="274"/>
        <source>Appearance</source>
        <translation>Weergave</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/pages.py" line="290"/>
        <source>Darker text and clear edges, light or dark as your desktop is.</source>
        <translation>Donkerdere tekst en duidelijke randen, licht of donker zoals je bureaublad.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/pages.py" line="293"/>
        <source>Light or dark, as your desktop is.</source>
        <translation>Licht of donker, zoals je bureaublad.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/pages.py" line="299"/>
        <source>&amp;Theme</source>
        <translation>&amp;Thema</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/pages.py" line="302"/>
        <source>Follow the system</source>
        <translation>Volgens het systeem</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/pages.py" line="303"/>
        <source>Light</source>
        <translation>Licht</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/pages.py" line="304"/>
        <source>Dark</source>
        <translation>Donker</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/pages.py" line="305"/>
        <source>High contrast</source>
        <translation>Hoog contrast</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/pages.py" line="309"/>
        <source>Reduce &amp;motion (a filling bar instead of a growing circle)</source>
        <translation>Minder &amp;beweging (een balk die volloopt in plaats van een groeiende cirkel)</translation>
    </message>
</context>
<context>
    <name>BreathingView</name>
    <message>
        <location filename="../../src/herstel/ui/session/breathing_view.py" line="155"/>
        <source>Breathing guide</source>
        <translation>Adembegeleiding</translation>
    </message>
</context>
<context>
    <name>CalendarStrip</name>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="1044"/>
        <source>Breathing days</source>
        <translation>Dagen met een ademmoment</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="1151"/>
        <source>less</source>
        <translation>minder</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="1151"/>
        <source>more</source>
        <translation>meer</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="1195"/>
        <source>{day}: no breathing</source>
        <translation>{day}: geen ademmoment</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="1197"/>
        <source>{day}: {minutes} min in 1 session</source>
        <translation>{day}: {minutes} min in 1 sessie</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="1199"/>
        <source>{day}: {minutes} min in {sessions} sessions</source>
        <translation>{day}: {minutes} min in {sessions} sessies</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="1210"/>
        <source>No data.</source>
        <translation>Geen gegevens.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="1212"/>
        <source>current streak: 1 day</source>
        <translation>nu 1 dag op rij</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="1214"/>
        <source>current streak: {days} days</source>
        <translation>nu {days} dagen op rij</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="1217"/>
        <source>Breathing days, last {weeks} weeks: {breathing} of {total} days; {streak}.</source>
        <translation>Dagen met een ademmoment, afgelopen {weeks} weken: {breathing} van de {total} dagen; {streak}.</translation>
    </message>
</context>
<context>
    <name>CheckSettingsPage</name>
    <message>
        <location filename="../../src/herstel/ui/settings/pages.py" line="226"/>
        <source>Check</source>
        <translation>Herstelcheck</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/pages.py" line="240"/>
        <source>A few short questions on how your breathing, body and head feel. Your answers show in your history.</source>
        <translation>Een paar korte vragen over hoe je ademhaling, je lijf en je hoofd voelen. Je antwoorden zie je terug in je geschiedenis.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/pages.py" line="244"/>
        <source>&amp;Ask how I feel after a session</source>
        <translation>&amp;Vraag na een sessie hoe ik me voel</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/pages.py" line="245"/>
        <source>Also ask &amp;before a session, to see what changed</source>
        <translation>Vraag het &amp;ook vóór een sessie, om te zien wat er veranderd is</translation>
    </message>
</context>
<context>
    <name>CheckinPage</name>
    <message>
        <location filename="../../src/herstel/ui/checkin/page.py" line="730"/>
        <source>Breathe normally</source>
        <translation>Adem weer gewoon</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/page.py" line="732"/>
        <source>Before you start</source>
        <translation>Voordat je begint</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/page.py" line="733"/>
        <source>How do you feel right now?</source>
        <translation>Hoe voel je je nu?</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/page.py" line="735"/>
        <source>Press a number to answer, or click one. Enter saves, Esc skips.</source>
        <translation>Druk op een cijfer of klik erop. Enter slaat op, Esc slaat over.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/page.py" line="738"/>
        <source>Last night</source>
        <translation>Afgelopen nacht</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/page.py" line="740"/>
        <source>Right now</source>
        <translation>Op dit moment</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/page.py" line="741"/>
        <location filename="../../src/herstel/ui/checkin/page.py" line="742"/>
        <source>Skip</source>
        <translation>Overslaan</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/page.py" line="743"/>
        <source>End the check now; your answers so far are kept (Esc)</source>
        <translation>Stop nu met de check; je antwoorden tot nu toe blijven bewaard (Esc)</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/page.py" line="744"/>
        <location filename="../../src/herstel/ui/checkin/page.py" line="745"/>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/page.py" line="746"/>
        <source>Save your answers (Enter)</source>
        <translation>Je antwoorden opslaan (Enter)</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/page.py" line="747"/>
        <source>Recovery check</source>
        <translation>Herstelcheck</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/page.py" line="789"/>
        <source>{answered} of {total} answered</source>
        <translation>{answered} van {total} beantwoord</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/page.py" line="798"/>
        <source>One question is still open: {question}</source>
        <translation>Eén vraag staat nog open: {question}</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/page.py" line="803"/>
        <source>{count} questions are still open. The first one is selected.</source>
        <translation>{count} vragen staan nog open. De eerste is geselecteerd.</translation>
    </message>
</context>
<context>
    <name>CloseGuard</name>
    <message>
        <location filename="../../src/herstel/ui/shell/close_guard.py" line="55"/>
        <source>Keep Herstel running?</source>
        <translation>Herstel laten doorlopen?</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/shell/close_guard.py" line="56"/>
        <source>There is no tray icon on this desktop.</source>
        <translation>Op dit bureaublad kan Herstel geen pictogram in het systeemvak tonen.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/shell/close_guard.py" line="59"/>
        <source>Herstel can keep running in the background so your reminders still come, or quit now.</source>
        <translation>Herstel kan op de achtergrond blijven draaien, zodat je herinneringen gewoon doorgaan. Of je sluit Herstel nu af.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/shell/close_guard.py" line="63"/>
        <source>Keep running</source>
        <translation>Laten doorlopen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/shell/close_guard.py" line="64"/>
        <source>Quit</source>
        <translation>Afsluiten</translation>
    </message>
</context>
<context>
    <name>DataSettingsPage</name>
    <message>
        <location filename="../../src/herstel/ui/settings/data_page.py" line="138"/>
        <source>Data</source>
        <translation>Gegevens</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/data_page.py" line="150"/>
        <source>The folder could not be opened here. You find it at the path above.</source>
        <translation>De map kon hier niet worden geopend. Je vindt hem op het pad hierboven.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/data_page.py" line="179"/>
        <source>Exporting…</source>
        <translation>Bezig met exporteren…</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/data_page.py" line="189"/>
        <source>There is nothing to export yet.</source>
        <translation>Er is nog niets om te exporteren.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/data_page.py" line="192"/>
        <source>Could not export: {reason}</source>
        <translation>Exporteren is niet gelukt: {reason}</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/data_page.py" line="194"/>
        <source>Saved to {path}</source>
        <translation>Opgeslagen in {path}</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/data_page.py" line="208"/>
        <source>Delete all your data?</source>
        <translation>Al je gegevens verwijderen?</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/data_page.py" line="209"/>
        <source>Delete all your data from this computer?</source>
        <translation>Al je gegevens van deze computer verwijderen?</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/data_page.py" line="212"/>
        <source>This deletes every session you breathed, your answers to the checks, your sleep answers and the history of your reminders, and the copies Herstel kept of them (a backup from before an update, damaged files set aside). Your settings stay.

This cannot be undone. If you want to keep your history, export it first.</source>
        <translation>Dit verwijdert al je ademsessies, je antwoorden op de checks, je antwoorden over je slaap en de geschiedenis van je herinneringen, en de kopieën die Herstel ervan bewaarde (een back-up van vóór een update, beschadigde bestanden die apart zijn gezet). Je instellingen blijven staan.

Dit kun je niet ongedaan maken. Wil je je geschiedenis bewaren, exporteer hem dan eerst.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/data_page.py" line="220"/>
        <source>Delete everything</source>
        <translation>Alles verwijderen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/data_page.py" line="222"/>
        <source>Keep my data</source>
        <translation>Mijn gegevens houden</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/data_page.py" line="246"/>
        <source>Nothing was deleted: {reason}</source>
        <translation>Er is niets verwijderd: {reason}</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/data_page.py" line="255"/>
        <source>Your history is deleted, but {path} could not be removed: {reason}</source>
        <translation>Je geschiedenis is verwijderd, maar {path} kon niet worden weggehaald: {reason}</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/data_page.py" line="263"/>
        <source>All your data is deleted. Herstel carries on with an empty history.</source>
        <translation>Al je gegevens zijn verwijderd. Herstel gaat verder met een lege geschiedenis.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/data_page.py" line="280"/>
        <source>Everything Herstel remembers stays on this computer, in one folder. Nothing is sent anywhere.</source>
        <translation>Alles wat Herstel onthoudt, blijft op deze computer, in één map. Er wordt niets verstuurd.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/data_page.py" line="284"/>
        <source>&amp;Folder</source>
        <translation>&amp;Map</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/data_page.py" line="287"/>
        <source>Your settings are kept in {folder}</source>
        <translation>Je instellingen staan in {folder}</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/data_page.py" line="291"/>
        <source>&amp;Open the folder</source>
        <translation>Map &amp;openen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/data_page.py" line="292"/>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/data_page.py" line="293"/>
        <source>Export &amp;JSON…</source>
        <translation>&amp;JSON exporteren…</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/data_page.py" line="294"/>
        <source>Export &amp;CSV…</source>
        <translation>&amp;CSV exporteren…</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/data_page.py" line="295"/>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/data_page.py" line="296"/>
        <source>&amp;Delete all my data…</source>
        <translation>Al mijn gegevens &amp;verwijderen…</translation>
    </message>
</context>
<context>
    <name>DizzyPage</name>
    <message>
        <location filename="../../src/herstel/ui/rhythm/pages.py" line="409"/>
        <source>Breathe normally and sit for a moment. Stand up slowly when you feel steady.</source>
        <translation>Adem gewoon door en blijf even zitten. Sta rustig op als je je weer stevig voelt.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/rhythm/pages.py" line="413"/>
        <source>The rhythm finder stops here. Another day, breathe a little lighter: slower, not bigger.</source>
        <translation>De ritmezoeker stopt hier. Adem een andere keer wat lichter: langzamer, niet groter.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/rhythm/pages.py" line="417"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>EndPage</name>
    <message>
        <location filename="../../src/herstel/ui/session/end_page.py" line="81"/>
        <source>Breathe normally and sit for a moment. Stand up slowly when you feel steady.</source>
        <translation>Adem gewoon door en blijf even zitten. Sta rustig op als je je weer stevig voelt.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/end_page.py" line="86"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/end_page.py" line="88"/>
        <source>Breathe normally now.</source>
        <translation>Adem nu weer gewoon.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/end_page.py" line="90"/>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/end_page.py" line="97"/>
        <source>Come back to it whenever you like.</source>
        <translation>Kom gerust terug wanneer je wilt.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/end_page.py" line="101"/>
        <source>You breathed for {duration}.</source>
        <translation>Je hebt {duration} geademd.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/end_page.py" line="103"/>
        <source>You breathed for {duration} — 1 breath.</source>
        <translation>Je hebt {duration} geademd — 1 ademhaling.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/end_page.py" line="105"/>
        <source>You breathed for {duration} — {breaths} breaths.</source>
        <translation>Je hebt {duration} geademd — {breaths} ademhalingen.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/end_page.py" line="113"/>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} min {seconds} s</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/end_page.py" line="115"/>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/end_page.py" line="116"/>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../src/herstel/ui/common/export_dialog.py" line="30"/>
        <source>Export sessions as CSV</source>
        <translation>Sessies exporteren als CSV</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/common/export_dialog.py" line="31"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-bestanden (*.csv)</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/common/export_dialog.py" line="33"/>
        <source>Export as JSON</source>
        <translation>Exporteren als JSON</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/common/export_dialog.py" line="34"/>
        <source>JSON files (*.json)</source>
        <translation>JSON-bestanden (*.json)</translation>
    </message>
</context>
<context>
    <name>Herstel</name>
    <message>
        <location filename="../../src/herstel/ui/shell/shell.py" line="316"/>
        <source>Your history file is busy or cannot be written just now (another program may be using it, or the disk is full). Nothing is lost: your session is kept safely beside it and Herstel adds it as soon as it can. If this message stays, close other programs that use the file or free some disk space.</source>
        <translation>Je geschiedenisbestand is even bezet of kan nu niet worden bijgewerkt (misschien gebruikt een ander programma het, of is de schijf vol). Er gaat niets verloren: je sessie staat veilig ernaast en Herstel zet hem erin zodra dat kan. Blijft deze melding staan? Sluit dan andere programma's die het bestand gebruiken of maak wat ruimte vrij op de schijf.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/shell/shell.py" line="248"/>
        <source>This desktop shows no tray icon, so Herstel stays in this window. Closing it asks whether to keep your reminders running.</source>
        <translation>Dit bureaublad toont geen pictogram in het systeemvak, dus Herstel blijft in dit venster. Sluit je het, dan vraagt Herstel of je herinneringen moeten doorlopen.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/shell/shell.py" line="280"/>
        <source>Herstel keeps running in the tray to remind you of your breaks. Quit it from the tray menu.</source>
        <translation>Herstel blijft in het systeemvak draaien om je aan je ademmomenten te herinneren. Afsluiten doe je via het menu in het systeemvak.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/shell/shell.py" line="296"/>
        <source>Your history file was damaged and could not be read. It was kept as %1 and a new one was started.</source>
        <translation>Je geschiedenisbestand was beschadigd en kon niet worden gelezen. Het is bewaard als %1 en er is een nieuw bestand begonnen.</translation>
    </message>
</context>
<context>
    <name>HistoryInsights</name>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="219"/>
        <source>Your breathing felt calmer</source>
        <translation>Je ademhaling voelde rustiger</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="220"/>
        <source>Your body felt lighter</source>
        <translation>Je lichaam voelde lichter</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="221"/>
        <source>Your head felt clearer</source>
        <translation>Je hoofd voelde helderder</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="222"/>
        <source>You had more energy</source>
        <translation>Je had meer energie</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="223"/>
        <source>Your muscles felt more relaxed</source>
        <translation>Je spieren voelden meer ontspannen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="224"/>
        <source>Your mood was steadier</source>
        <translation>Je stemming was evenwichtiger</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="225"/>
        <source>You slept better</source>
        <translation>Je sliep beter</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="228"/>
        <source>Your breathing did not feel calm</source>
        <translation>Je ademhaling voelde niet rustig</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="231"/>
        <source>Your body did not feel light</source>
        <translation>Je lichaam voelde niet licht</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="232"/>
        <source>Your head did not feel clear</source>
        <translation>Je hoofd voelde niet helder</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="233"/>
        <source>Your energy was low</source>
        <translation>Je energie was laag</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="234"/>
        <source>Your muscles did not feel relaxed</source>
        <translation>Je spieren voelden niet ontspannen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="237"/>
        <source>Your mood did not feel steady</source>
        <translation>Je stemming voelde niet evenwichtig</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="238"/>
        <source>You did not sleep well</source>
        <translation>Je sliep niet goed</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="241"/>
        <source>a few minutes of this breathing rhythm</source>
        <translation>een paar minuten dit ademritme</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="244"/>
        <source>going to bed and getting up at fixed times</source>
        <translation>op vaste tijden naar bed gaan en opstaan</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="247"/>
        <source>regular, nourishing meals</source>
        <translation>regelmatige, voedzame maaltijden</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="248"/>
        <source>gentle movement at rest pace</source>
        <translation>zacht bewegen in rusttempo</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="251"/>
        <source>a moment of mental quiet</source>
        <translation>een moment van rust in je hoofd</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="252"/>
        <source>time with people who are easy to be with</source>
        <translation>tijd met mensen bij wie je jezelf kunt zijn</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="255"/>
        <source>an offline evening, with the breathing rhythm before bed</source>
        <translation>een avond offline, met het ademritme voor het slapengaan</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="258"/>
        <source>a walk outside</source>
        <translation>een wandeling buiten</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="270"/>
        <source> and </source>
        <translation> en </translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="274"/>
        <source>{signal} in {absent} of your last {checks} checks. What may help: {help}.</source>
        <translation>{signal} bij {absent} van je laatste {checks} checks. Wat kan helpen: {help}.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="286"/>
        <source>present in {a} of {n} checks, against {b} of {m}</source>
        <translation>aanwezig bij {a} van {n} checks, tegenover {b} van {m}</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="295"/>
        <source>{better} after {first} sessions than after {second} sessions ({counts}).</source>
        <translation>{better} na sessies met {first} dan na sessies met {second} ({counts}).</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="308"/>
        <source>{better} after {pattern} sessions of 5 minutes or more than after shorter ones ({counts}).</source>
        <translation>{better} na sessies met {pattern} van 5 minuten of langer dan na kortere ({counts}).</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="314"/>
        <source>{better} after shorter {pattern} sessions than after ones of 5 minutes or more ({counts}).</source>
        <translation>{better} na kortere sessies met {pattern} dan na sessies van 5 minuten of langer ({counts}).</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="320"/>
        <source>{better} after sessions of 5 minutes or more than after shorter ones ({counts}).</source>
        <translation>{better} na sessies van 5 minuten of langer dan na kortere ({counts}).</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="325"/>
        <source>{better} after shorter sessions than after ones of 5 minutes or more ({counts}).</source>
        <translation>{better} na kortere sessies dan na sessies van 5 minuten of langer ({counts}).</translation>
    </message>
</context>
<context>
    <name>HistoryText</name>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="113"/>
        <source>present</source>
        <translation>aanwezig</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="114"/>
        <source>partly</source>
        <translation>deels</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="115"/>
        <source>absent</source>
        <translation>afwezig</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="116"/>
        <source>not answered</source>
        <translation>niet beantwoord</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="119"/>
        <source>Completed</source>
        <translation>Afgerond</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="120"/>
        <source>Stopped</source>
        <translation>Gestopt</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="121"/>
        <source>Felt dizzy</source>
        <translation>Duizelig geworden</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="124"/>
        <source>Start button</source>
        <translation>Startknop</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="125"/>
        <source>Reminder</source>
        <translation>Herinnering</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="126"/>
        <source>Command line</source>
        <translation>Opdrachtregel</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="129"/>
        <source>Much worse</source>
        <translation>Veel slechter</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="130"/>
        <source>A bit worse</source>
        <translation>Iets slechter</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="131"/>
        <source>The same</source>
        <translation>Hetzelfde</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="132"/>
        <source>A bit better</source>
        <translation>Iets beter</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="133"/>
        <source>Much better</source>
        <translation>Veel beter</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="182"/>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} min {seconds} s</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="185"/>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="186"/>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="440"/>
        <source>History — {app}</source>
        <translation>Geschiedenis — {app}</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="564"/>
        <location filename="../../src/herstel/ui/history/window.py" line="1489"/>
        <source>Herstel could not read your history: {reason}</source>
        <translation>Herstel kon je geschiedenis niet lezen: {reason}</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="608"/>
        <source>Exporting…</source>
        <translation>Bezig met exporteren…</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="619"/>
        <source>Could not export: {reason}</source>
        <translation>Exporteren is niet gelukt: {reason}</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="623"/>
        <source>Saved to {path}</source>
        <translation>Opgeslagen in {path}</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="639"/>
        <source>History</source>
        <translation>Geschiedenis</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="657"/>
        <source>Export CSV…</source>
        <translation>CSV exporteren…</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="659"/>
        <source>Save your sessions as a spreadsheet (CSV)</source>
        <translation>Sla je sessies op als spreadsheet (CSV)</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="661"/>
        <source>Export JSON…</source>
        <translation>JSON exporteren…</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="664"/>
        <source>Save everything — sessions, nights and reminders — as JSON</source>
        <translation>Sla alles op — sessies, nachten en herinneringen — als JSON</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="681"/>
        <location filename="../../src/herstel/ui/history/window.py" line="778"/>
        <source>Sessions</source>
        <translation>Sessies</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="682"/>
        <location filename="../../src/herstel/ui/history/window.py" line="940"/>
        <source>Overview</source>
        <translation>Overzicht</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="537"/>
        <source>No sessions yet.</source>
        <translation>Nog geen sessies.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="539"/>
        <source>Your breathing breaks will appear here, with how you felt afterwards.</source>
        <translation>Hier komen je ademmomenten te staan, met hoe je je daarna voelde.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="543"/>
        <source>Your history cannot be read right now.</source>
        <translation>Je geschiedenis kan nu even niet worden gelezen.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="718"/>
        <location filename="../../src/herstel/ui/history/window.py" line="721"/>
        <source>Start breathing</source>
        <translation>Begin met ademen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="1068"/>
        <source>Your breathing breaks and how they felt.</source>
        <translation>Je ademmomenten en hoe ze voelden.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="1074"/>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} u {minutes} min</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="1077"/>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="1079"/>
        <source>1 session, {time} of breathing</source>
        <translation>1 sessie, {time} geademd</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/window.py" line="1081"/>
        <source>{count} sessions, {time} of breathing</source>
        <translation>{count} sessies, {time} geademd</translation>
    </message>
</context>
<context>
    <name>HomeWindow</name>
    <message>
        <location filename="../../src/herstel/ui/home/window.py" line="247"/>
        <source>A few minutes of slow, gentle breathing.</source>
        <translation>Een paar minuten rustig en zacht ademen.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/home/window.py" line="249"/>
        <source>Breathe through your nose and follow the circle. Nothing to get right.</source>
        <translation>Adem door je neus en volg de cirkel. Je kunt het niet fout doen.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/home/window.py" line="251"/>
        <location filename="../../src/herstel/ui/home/window.py" line="252"/>
        <source>Start breathing</source>
        <translation>Begin met ademen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/home/window.py" line="253"/>
        <source>Start a breathing session now</source>
        <translation>Begin nu een ademsessie</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/home/window.py" line="254"/>
        <source>Change rhythm or length</source>
        <translation>Ritme of lengte aanpassen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/home/window.py" line="255"/>
        <location filename="../../src/herstel/ui/home/window.py" line="256"/>
        <source>History</source>
        <translation>Geschiedenis</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/home/window.py" line="257"/>
        <location filename="../../src/herstel/ui/home/window.py" line="258"/>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/home/window.py" line="261"/>
        <source>Herstel is a relaxation aid, not a treatment. If you feel dizzy or short of breath, stop and breathe normally.</source>
        <translation>Herstel helpt je ontspannen en is geen behandeling. Word je duizelig of kortademig, stop dan en adem gewoon door.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/home/window.py" line="278"/>
        <source>gentle start</source>
        <translation>zachte start</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/home/window.py" line="281"/>
        <source>Rhythm and length: {summary}. Change</source>
        <translation>Ritme en lengte: {summary}. Aanpassen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/home/window.py" line="285"/>
        <source>Choose a rhythm and a length</source>
        <translation>Kies een ritme en een lengte</translation>
    </message>
</context>
<context>
    <name>IntroPage</name>
    <message>
        <location filename="../../src/herstel/ui/rhythm/pages.py" line="125"/>
        <source>Find your rhythm</source>
        <translation>Vind je eigen ritme</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/rhythm/pages.py" line="128"/>
        <source>You breathe at five slow paces, two minutes each, from about 6.5 down to about 4.5 breaths a minute, and after each one you say how it felt. Breathe gently through your nose, never bigger than is comfortable, and stop whenever you like.</source>
        <translation>Je ademt in vijf rustige tempo’s van elk twee minuten, van ongeveer 6,5 naar ongeveer 4,5 ademhalingen per minuut, en na elk tempo geef je aan hoe het ging. Adem zacht door je neus, nooit groter dan prettig voelt, en stop wanneer je wilt.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/rhythm/pages.py" line="134"/>
        <source>About {minutes} minutes in all.</source>
        <translation>Ongeveer {minutes} minuten in totaal.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/rhythm/pages.py" line="135"/>
        <source>Begin</source>
        <translation>Beginnen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/rhythm/pages.py" line="137"/>
        <source>Not now</source>
        <translation>Nu niet</translation>
    </message>
</context>
<context>
    <name>MinutesChart</name>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="423"/>
        <source>Minutes breathed</source>
        <translation>Minuten geademd</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="496"/>
        <source>No breathing here yet.</source>
        <translation>Hier is nog niet geademd.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="508"/>
        <source>Week of {day}: {minutes} min in 1 session</source>
        <translation>Week van {day}: {minutes} min in 1 sessie</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="510"/>
        <source>Week of {day}: {minutes} min in {sessions} sessions</source>
        <translation>Week van {day}: {minutes} min in {sessions} sessies</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="514"/>
        <source>{day}: {minutes} min in 1 session</source>
        <translation>{day}: {minutes} min in 1 sessie</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="516"/>
        <source>{day}: {minutes} min in {sessions} sessions</source>
        <translation>{day}: {minutes} min in {sessions} sessies</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="526"/>
        <source>No data.</source>
        <translation>Geen gegevens.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="529"/>
        <source>Minutes breathed per week, last {count} weeks</source>
        <translation>Minuten geademd per week, afgelopen {count} weken</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="531"/>
        <source>Minutes breathed per day, last {count} days</source>
        <translation>Minuten geademd per dag, afgelopen {count} dagen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="533"/>
        <source>{head}: none yet.</source>
        <translation>{head}: nog geen.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="537"/>
        <source>most in the week of {day} ({minutes})</source>
        <translation>de meeste in de week van {day} ({minutes})</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="543"/>
        <source>most on {day} ({minutes})</source>
        <translation>de meeste op {day} ({minutes})</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="548"/>
        <source>{head}: total {total}, {most}.</source>
        <translation>{head}: totaal {total}, {most}.</translation>
    </message>
</context>
<context>
    <name>PatternChooser</name>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_chooser.py" line="382"/>
        <source>Save &amp;as…</source>
        <translation>&amp;Opslaan als…</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_chooser.py" line="383"/>
        <source>&amp;Rename…</source>
        <translation>Naam &amp;wijzigen…</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_chooser.py" line="384"/>
        <source>Dele&amp;te</source>
        <translation>Verwij&amp;deren</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_chooser.py" line="385"/>
        <source>&amp;Find my rhythm…</source>
        <translation>Mijn &amp;ritme zoeken…</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_chooser.py" line="386"/>
        <source>Save this rhythm under a name of your own</source>
        <translation>Bewaar dit ritme onder een eigen naam</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_chooser.py" line="387"/>
        <source>Try five slow paces and keep the one that feels best</source>
        <translation>Probeer vijf rustige tempo’s en houd het tempo dat het prettigst voelt</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_chooser.py" line="414"/>
        <source>E&amp;xtra in</source>
        <translation>E&amp;xtra in</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_chooser.py" line="426"/>
        <source>A short extra breath in on top, seconds</source>
        <translation>Korte extra inademing erbovenop, seconden</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_chooser.py" line="511"/>
        <source>You already have a rhythm with that name.</source>
        <translation>Je hebt al een ritme met die naam.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_chooser.py" line="513"/>
        <source>You have 20 saved rhythms; delete one first.</source>
        <translation>Je hebt 20 bewaarde ritmes; verwijder er eerst een.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_chooser.py" line="514"/>
        <source>Give your rhythm a short name.</source>
        <translation>Geef je ritme een korte naam.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_chooser.py" line="518"/>
        <source>Name:</source>
        <translation>Naam:</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_chooser.py" line="524"/>
        <source>Save rhythm as</source>
        <translation>Ritme bewaren als</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_chooser.py" line="524"/>
        <source>My rhythm</source>
        <translation>Mijn ritme</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_chooser.py" line="533"/>
        <source>Rename rhythm</source>
        <translation>Naam van het ritme wijzigen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_chooser.py" line="230"/>
        <source>Breathing rhythm</source>
        <translation>Ademritme</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_chooser.py" line="359"/>
        <source>Choose your rhythm</source>
        <translation>Kies je ritme</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_chooser.py" line="366"/>
        <source>Rhythms</source>
        <translation>Ritmes</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_chooser.py" line="413"/>
        <source>&amp;In</source>
        <translation>&amp;In</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_chooser.py" line="415"/>
        <source>&amp;Hold</source>
        <translation>&amp;Vasthouden</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_chooser.py" line="416"/>
        <source>&amp;Out</source>
        <translation>&amp;Uit</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_chooser.py" line="417"/>
        <source>Hol&amp;d</source>
        <translation>Vast&amp;houden</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_chooser.py" line="425"/>
        <source>Breathe in, seconds</source>
        <translation>Inademen, seconden</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_chooser.py" line="427"/>
        <source>Hold after breathing in, seconds</source>
        <translation>Vasthouden na het inademen, seconden</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_chooser.py" line="428"/>
        <source>Breathe out, seconds</source>
        <translation>Uitademen, seconden</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_chooser.py" line="429"/>
        <source>Hold after breathing out, seconds</source>
        <translation>Vasthouden na het uitademen, seconden</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_chooser.py" line="444"/>
        <source>&amp;Length</source>
        <translation>&amp;Lengte</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_chooser.py" line="446"/>
        <source>Length</source>
        <translation>Lengte</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_chooser.py" line="451"/>
        <source>&amp;minutes</source>
        <translation>&amp;minuten</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_chooser.py" line="452"/>
        <source>&amp;breaths</source>
        <translation>&amp;ademhalingen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_chooser.py" line="465"/>
        <source>Start &amp;gently: ease into the rhythm over the first minute</source>
        <translation>&amp;Zacht beginnen: bouw het ritme in de eerste minuut rustig op</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_chooser.py" line="471"/>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_chooser.py" line="475"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_chooser.py" line="561"/>
        <source> s</source>
        <translation> s</translation>
    </message>
</context>
<context>
    <name>PatternNames</name>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_texts.py" line="97"/>
        <source>Finding your rhythm</source>
        <translation>Je eigen ritme zoeken</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_texts.py" line="90"/>
        <source>Rhythm finder</source>
        <translation>Ritmezoeker</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_texts.py" line="32"/>
        <source>Cyclic sighing</source>
        <translation>Zuchtend ademen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_texts.py" line="57"/>
        <source>In for 3, a short extra breath in for 1, out for 6.</source>
        <translation>3 in, nog 1 kort erbij in, 6 uit.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_texts.py" line="26"/>
        <source>Rest rhythm</source>
        <translation>Rustritme</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_texts.py" line="27"/>
        <source>Coherent</source>
        <translation>Coherent</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_texts.py" line="28"/>
        <source>Even</source>
        <translation>Gelijkmatig</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_texts.py" line="29"/>
        <source>Gentle</source>
        <translation>Zacht</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_texts.py" line="30"/>
        <source>Box</source>
        <translation>Box</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_texts.py" line="33"/>
        <source>Your own rhythm</source>
        <translation>Je eigen ritme</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_texts.py" line="41"/>
        <source>In for 4, out for 6. Six slow breaths a minute.</source>
        <translation>4 in, 6 uit. Zes rustige ademhalingen per minuut.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_texts.py" line="44"/>
        <source>In for 5, out for 5. Six even breaths a minute.</source>
        <translation>5 in, 5 uit. Zes gelijkmatige ademhalingen per minuut.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_texts.py" line="47"/>
        <source>In for 6, out for 6. Five breaths a minute.</source>
        <translation>6 in, 6 uit. Vijf ademhalingen per minuut.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_texts.py" line="50"/>
        <source>In for 3.5, out for 5. Lighter, if 4-6 feels long.</source>
        <translation>3,5 in, 5 uit. Lichter, voor als 4-6 lang aanvoelt.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_texts.py" line="53"/>
        <source>In 4, hold 4, out 4, hold 4.</source>
        <translation>4 in, 4 vasthouden, 4 uit, 4 vasthouden.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_texts.py" line="54"/>
        <source>In 4, hold 7, out 8. A short session of 4 breaths.</source>
        <translation>4 in, 7 vasthouden, 8 uit. Kort: 4 ademhalingen.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_texts.py" line="60"/>
        <source>Set each part of the breath yourself.</source>
        <translation>Stel elk deel van de ademhaling zelf in.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_texts.py" line="132"/>
        <source>1 breath</source>
        <translation>1 ademhaling</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_texts.py" line="133"/>
        <source>{n} breaths</source>
        <translation>{n} ademhalingen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_texts.py" line="136"/>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_texts.py" line="143"/>
        <source>{n} breaths a minute</source>
        <translation>{n} ademhalingen per minuut</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/pattern_texts.py" line="152"/>
        <source>This is {n} breaths a minute — outside the calm 3–10 range.</source>
        <translation>Dit zijn {n} ademhalingen per minuut — buiten het rustige bereik van 3–10.</translation>
    </message>
</context>
<context>
    <name>QuestionsPage</name>
    <message>
        <location filename="../../src/herstel/ui/rhythm/pages.py" line="210"/>
        <source>How was that?</source>
        <translation>Hoe ging dat?</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/rhythm/pages.py" line="214"/>
        <source>See the result</source>
        <translation>Naar de uitkomst</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/rhythm/pages.py" line="214"/>
        <source>Next pace</source>
        <translation>Volgend tempo</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/rhythm/pages.py" line="216"/>
        <source>I feel dizzy</source>
        <translation>Ik word duizelig</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/rhythm/pages.py" line="218"/>
        <source>End now and breathe normally (D)</source>
        <translation>Nu stoppen en gewoon doorademen (D)</translation>
    </message>
</context>
<context>
    <name>ReminderPanel</name>
    <message>
        <location filename="../../src/herstel/ui/reminders/panel.py" line="55"/>
        <source>Your reminder: %1</source>
        <translation>Je herinnering: %1</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/reminders/panel.py" line="59"/>
        <source>Reminders paused until %1</source>
        <translation>Herinneringen gepauzeerd tot %1</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/reminders/panel.py" line="63"/>
        <source>Next break: %1</source>
        <translation>Volgend ademmoment: %1</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/reminders/panel.py" line="67"/>
        <source>No reminder planned</source>
        <translation>Geen herinnering gepland</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/herstel/ui/reminders/panel.py" line="74"/>
        <source>%n minutes</source>
        <translation>
            <numerusform>1 minuut</numerusform>
            <numerusform>%n minuten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/reminders/panel.py" line="77"/>
        <source>Other time…</source>
        <translation>Andere tijd…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/herstel/ui/reminders/panel.py" line="81"/>
        <source>Cancel reminder (in %n min)</source>
        <translation>
            <numerusform>Herinnering annuleren (over 1 min)</numerusform>
            <numerusform>Herinnering annuleren (over %n min)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/reminders/panel.py" line="93"/>
        <source>Remind me in …</source>
        <translation>Herinner me over …</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/reminders/panel.py" line="94"/>
        <source>Remind me in</source>
        <translation>Herinner me over</translation>
    </message>
</context>
<context>
    <name>ReminderPresenter</name>
    <message>
        <location filename="../../src/herstel/ui/reminders/presenter.py" line="83"/>
        <source>Time for a breathing break</source>
        <translation>Tijd voor een ademmoment</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/reminders/presenter.py" line="84"/>
        <source>Click here to start a few minutes of slow, gentle breathing.</source>
        <translation>Klik hier om een paar minuten rustig en zacht te ademen.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/reminders/presenter.py" line="115"/>
        <source>Your reminder: a breathing break</source>
        <translation>Je herinnering: een ademmoment</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/reminders/presenter.py" line="121"/>
        <source>A few minutes of slow, gentle breathing: in through your nose, out a little longer.</source>
        <translation>Een paar minuten rustig en zacht ademen: in door je neus, en iets langer uit.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/reminders/presenter.py" line="6"/>
        <source>Start now</source>
        <translation>Nu beginnen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/herstel/ui/reminders/presenter.py" line="127"/>
        <source>In %n min</source>
        <translation>
            <numerusform>Over 1 min</numerusform>
            <numerusform>Over %n min</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/reminders/presenter.py" line="6"/>
        <source>Skip</source>
        <translation>Overslaan</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/reminders/presenter.py" line="115"/>
        <source>A one-minute reset after your call?</source>
        <translation>Even één minuut bijkomen na je gesprek?</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/reminders/presenter.py" line="116"/>
        <source>One minute of slow, gentle breathing before you carry on.</source>
        <translation>Eén minuut rustig en zacht ademen voordat je verdergaat.</translation>
    </message>
</context>
<context>
    <name>ReminderPrompt</name>
    <message>
        <location filename="../../src/herstel/ui/reminders/prompt.py" line="108"/>
        <location filename="../../src/herstel/ui/reminders/prompt.py" line="114"/>
        <source>Time for a breathing break</source>
        <translation>Tijd voor een ademmoment</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/reminders/prompt.py" line="110"/>
        <source>A one-minute reset after your call?</source>
        <translation>Even één minuut bijkomen na je gesprek?</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/reminders/prompt.py" line="112"/>
        <source>Your reminder: a breathing break</source>
        <translation>Je herinnering: een ademmoment</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/reminders/prompt.py" line="116"/>
        <source>One minute of slow, gentle breathing before you carry on.</source>
        <translation>Eén minuut rustig en zacht ademen voordat je verdergaat.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/reminders/prompt.py" line="120"/>
        <source>A few minutes of slow, gentle breathing: in through your nose, out a little longer.</source>
        <translation>Een paar minuten rustig en zacht ademen: in door je neus, en iets langer uit.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/reminders/prompt.py" line="124"/>
        <source>Start now</source>
        <translation>Nu beginnen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/herstel/ui/reminders/prompt.py" line="125"/>
        <source>In %n min</source>
        <translation>
            <numerusform>Over 1 min</numerusform>
            <numerusform>Over %n min</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/reminders/prompt.py" line="126"/>
        <source>Skip</source>
        <translation>Overslaan</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/reminders/prompt.py" line="127"/>
        <source>Start a breathing break now</source>
        <translation>Nu een ademmoment beginnen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/herstel/ui/reminders/prompt.py" line="129"/>
        <source>Remind me again in %n min</source>
        <translation>
            <numerusform>Herinner me over 1 min nog eens</numerusform>
            <numerusform>Herinner me over %n min nog eens</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/reminders/prompt.py" line="131"/>
        <source>Skip this break</source>
        <translation>Dit ademmoment overslaan</translation>
    </message>
</context>
<context>
    <name>ReminderSettingsPage</name>
    <message>
        <location filename="../../src/herstel/ui/settings/reminders_page.py" line="155"/>
        <source>Reminders</source>
        <translation>Herinneringen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/reminders_page.py" line="193"/>
        <source>Choose at least one day, or switch reminders off.</source>
        <translation>Kies minstens één dag, of zet de herinneringen uit.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/reminders_page.py" line="196"/>
        <source>The end of your working hours must come after the start.</source>
        <translation>Het einde van je werktijd moet na het begin liggen.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/reminders_page.py" line="221"/>
        <source>Remind me to take breathing breaks</source>
        <translation>Herinner me aan mijn ademmomenten</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/reminders_page.py" line="222"/>
        <source>&amp;Every</source>
        <translation>&amp;Steeds</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/reminders_page.py" line="223"/>
        <source> min after my last break</source>
        <translation> min na mijn laatste ademmoment</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/reminders_page.py" line="224"/>
        <source>On</source>
        <translation>Op</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/reminders_page.py" line="229"/>
        <source>&amp;From</source>
        <translation>&amp;Van</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/reminders_page.py" line="230"/>
        <source>&amp;Until</source>
        <translation>&amp;Tot</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/reminders_page.py" line="231"/>
        <source>&amp;Snooze</source>
        <translation>&amp;Uitstellen met</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/reminders_page.py" line="232"/>
        <location filename="../../src/herstel/ui/settings/reminders_page.py" line="241"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/reminders_page.py" line="233"/>
        <source>Show &amp;reminders as</source>
        <translation>&amp;Herinneren via</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/reminders_page.py" line="234"/>
        <source>Wait for a better moment</source>
        <translation>Wacht op een beter moment</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/reminders_page.py" line="235"/>
        <source>While I am in a call (a microphone or camera is in use)</source>
        <translation>Als ik in een gesprek zit (een microfoon of camera is in gebruik)</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/reminders_page.py" line="237"/>
        <source>While something is full screen, such as a video or a presentation</source>
        <translation>Als er iets schermvullend openstaat, zoals een video of een presentatie</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/reminders_page.py" line="239"/>
        <source>While Do Not Disturb is on</source>
        <translation>Als Niet storen aanstaat</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/reminders_page.py" line="240"/>
        <source>Count time away from the computer as a break after</source>
        <translation>Tijd weg van de computer telt als pauze na</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/reminders_page.py" line="242"/>
        <source>Minutes away that count as a break</source>
        <translation>Minuten weg die als pauze tellen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/reminders_page.py" line="244"/>
        <source>After a call of 15 minutes or more, offer a one-minute reset</source>
        <translation>Bied na een gesprek van 15 minuten of langer één minuut bijkomen aan</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/reminders_page.py" line="248"/>
        <source>Herstel only asks whether a microphone or camera is in use; it never listens or looks.</source>
        <translation>Herstel vraagt alleen óf een microfoon of camera in gebruik is; het luistert en kijkt nooit mee.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/reminders_page.py" line="255"/>
        <source>A small window (works everywhere)</source>
        <translation>Een klein venster (werkt overal)</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/reminders_page.py" line="258"/>
        <source>A desktop notification</source>
        <translation>Een bureaubladmelding</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/reminders_page.py" line="198"/>
        <source>Reminders come as a desktop notification: on Wayland a window cannot keep from taking the keyboard, and a notification never does.</source>
        <translation>Herinneringen komen als bureaubladmelding: op Wayland kan een venster niet voorkomen dat het je toetsenbord overneemt, en een melding doet dat nooit.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/reminders_page.py" line="205"/>
        <source>Reminders come as a small window: on this desktop it appears without taking the keyboard, and it needs no notification service.</source>
        <translation>Herinneringen komen als klein venster: op dit bureaublad verschijnt het zonder je toetsenbord over te nemen, en het heeft geen meldingendienst nodig.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/reminders_page.py" line="289"/>
        <source>Automatic: a desktop notification</source>
        <translation>Automatisch: een bureaubladmelding</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/reminders_page.py" line="291"/>
        <source>Automatic: a small window</source>
        <translation>Automatisch: een klein venster</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <location filename="../../src/herstel/ui/rhythm/pages.py" line="326"/>
        <source>Your rhythm: {rate}</source>
        <translation>Jouw ritme: {rate}</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/rhythm/pages.py" line="329"/>
        <source>In {inhale} seconds, out {exhale} seconds ({label})</source>
        <translation>{inhale} seconden in, {exhale} seconden uit ({label})</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/rhythm/pages.py" line="337"/>
        <source>This was the slowest pace that still felt easy and calm to you. A pace you can keep without effort is the one to rest with; slower is not better in itself.</source>
        <translation>Dit was het langzaamste tempo dat voor jou nog makkelijk en rustig voelde. Een tempo dat je zonder moeite volhoudt, is het tempo om mee te ontspannen; langzamer is op zich niet beter.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/rhythm/pages.py" line="343"/>
        <source>Keep your current rhythm</source>
        <translation>Houd je huidige ritme</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/rhythm/pages.py" line="344"/>
        <source>For now: {label}</source>
        <translation>Voor nu: {label}</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/rhythm/pages.py" line="347"/>
        <source>No pace felt both easy and calm enough this time to suggest a change. That is fine: stay with what you know, and try again another day if you like.</source>
        <translation>Geen enkel tempo voelde deze keer makkelijk én rustig genoeg om iets anders voor te stellen. Dat is prima: houd wat je kent, en probeer het een andere dag nog eens als je wilt.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/rhythm/pages.py" line="352"/>
        <source>&amp;Name</source>
        <translation>&amp;Naam</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/rhythm/pages.py" line="354"/>
        <source>My rhythm</source>
        <translation>Mijn ritme</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/rhythm/pages.py" line="355"/>
        <source>Name of the rhythm</source>
        <translation>Naam van het ritme</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/rhythm/pages.py" line="356"/>
        <source>&amp;Make it my default rhythm</source>
        <translation>&amp;Gebruik dit als mijn vaste ritme</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/rhythm/pages.py" line="357"/>
        <source>Save as my rhythm</source>
        <translation>Bewaren als mijn ritme</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/rhythm/pages.py" line="359"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/rhythm/pages.py" line="368"/>
        <source>Saved as “{name}” and used from your next session.</source>
        <translation>Bewaard als ‘{name}’ en gebruikt vanaf je volgende sessie.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/rhythm/pages.py" line="370"/>
        <source>Saved as “{name}”. You find it in the rhythm chooser.</source>
        <translation>Bewaard als ‘{name}’. Je vindt het bij de ritmes.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/result_page.py" line="305"/>
        <location filename="../../src/herstel/ui/checkin/result_page.py" line="350"/>
        <source>What you noticed</source>
        <translation>Wat je merkte</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/result_page.py" line="306"/>
        <source>Signals of recovery after this break, as you felt them.</source>
        <translation>Herstelsignalen na dit ademmoment, zoals jij ze voelde.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/result_page.py" line="323"/>
        <source>Something that may help</source>
        <translation>Iets wat kan helpen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/result_page.py" line="336"/>
        <source>Lately</source>
        <translation>De laatste tijd</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/result_page.py" line="341"/>
        <source>No answers this time. That is fine.</source>
        <translation>Deze keer geen antwoorden. Dat is prima.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/result_page.py" line="344"/>
        <source>Notice what helps you, and come back to the rhythm whenever you like.</source>
        <translation>Merk op wat jou helpt, en kom terug naar het ritme wanneer je wilt.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/result_page.py" line="348"/>
        <location filename="../../src/herstel/ui/checkin/result_page.py" line="349"/>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
</context>
<context>
    <name>RhythmFinder</name>
    <message>
        <location filename="../../src/herstel/ui/rhythm/pages.py" line="41"/>
        <source>about {rate} breaths a minute</source>
        <translation>ongeveer {rate} ademhalingen per minuut</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/rhythm/pages.py" line="49"/>
        <source>Step {n} of {total} · {rate} · {label}</source>
        <translation>Stap {n} van {total} · {rate} · {label}</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/rhythm/pages.py" line="146"/>
        <source>Breathing at this pace felt easy.</source>
        <translation>Ademen in dit tempo ging makkelijk.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/rhythm/pages.py" line="148"/>
        <source>I feel calm now.</source>
        <translation>Ik voel me nu rustig.</translation>
    </message>
</context>
<context>
    <name>RhythmFinderWindow</name>
    <message>
        <location filename="../../src/herstel/ui/rhythm/finder_window.py" line="220"/>
        <source>You have 20 saved rhythms; delete one first.</source>
        <translation>Je hebt 20 bewaarde ritmes; verwijder er eerst een.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/rhythm/finder_window.py" line="222"/>
        <source>Give your rhythm a short name.</source>
        <translation>Geef je ritme een korte naam.</translation>
    </message>
</context>
<context>
    <name>ScaleItem</name>
    <message>
        <location filename="../../src/herstel/ui/checkin/page.py" line="439"/>
        <source>{word} (key {key})</source>
        <translation>{word} (toets {key})</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/page.py" line="441"/>
        <source>keys 1 to 5</source>
        <translation>toetsen 1 tot en met 5</translation>
    </message>
</context>
<context>
    <name>ScreenSaverInhibitor</name>
    <message>
        <location filename="../../src/herstel/platform/screensaver.py" line="61"/>
        <source>A breathing session is running</source>
        <translation>Er loopt een ademsessie</translation>
    </message>
</context>
<context>
    <name>SessionFlow</name>
    <message>
        <location filename="../../src/herstel/ui/session/flow.py" line="148"/>
        <source>Before you start</source>
        <translation>Voordat je begint</translation>
    </message>
</context>
<context>
    <name>SessionSettingsPage</name>
    <message>
        <location filename="../../src/herstel/ui/settings/pages.py" line="109"/>
        <source>Session</source>
        <translation>Sessie</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/pages.py" line="184"/>
        <source>&amp;Rhythm</source>
        <translation>&amp;Ritme</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/pages.py" line="185"/>
        <source>Your &amp;own…</source>
        <translation>&amp;Eigen ritme…</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/pages.py" line="186"/>
        <source>Set each part of the breath yourself</source>
        <translation>Stel elk deel van de ademhaling zelf in</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/pages.py" line="187"/>
        <source>&amp;Length</source>
        <translation>&amp;Lengte</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/pages.py" line="190"/>
        <source>minutes</source>
        <translation>minuten</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/pages.py" line="191"/>
        <source>breaths</source>
        <translation>ademhalingen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/pages.py" line="192"/>
        <source>Length in</source>
        <translation>Lengte in</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/pages.py" line="196"/>
        <source>Start &amp;gently: ease into the rhythm over the first minute</source>
        <translation>&amp;Zacht beginnen: bouw het ritme in de eerste minuut rustig op</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/pages.py" line="198"/>
        <source>&amp;Count the seconds of each phase</source>
        <translation>&amp;Tel de seconden van elke fase</translation>
    </message>
</context>
<context>
    <name>SessionTableModel</name>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="373"/>
        <source>After: {answers}</source>
        <translation>Na: {answers}</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="376"/>
        <source>Before: {answers}</source>
        <translation>Voor: {answers}</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="379"/>
        <source>Check skipped</source>
        <translation>Check overgeslagen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="382"/>
        <source>No check</source>
        <translation>Geen check</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="390"/>
        <source>Planned {planned} ({planned_breaths} breaths), breathed {done} ({done_breaths} breaths)</source>
        <translation>Gepland {planned} ({planned_breaths} ademhalingen), geademd {done} ({done_breaths} ademhalingen)</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="403"/>
        <source>Rhythm {pattern}</source>
        <translation>Ritme {pattern}</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="406"/>
        <source>Started from: {trigger}</source>
        <translation>Gestart via: {trigger}</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="408"/>
        <source>Change: {change}</source>
        <translation>Verschil: {change}</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="410"/>
        <source>Change not answered</source>
        <translation>Verschil niet ingevuld</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="470"/>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="471"/>
        <source>Rhythm</source>
        <translation>Ritme</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="472"/>
        <source>Planned / done</source>
        <translation>Gepland / gedaan</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="473"/>
        <source>Ended</source>
        <translation>Einde</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="474"/>
        <source>Started from</source>
        <translation>Gestart via</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="475"/>
        <source>Signals after</source>
        <translation>Signalen na</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="476"/>
        <source>Change</source>
        <translation>Verschil</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="481"/>
        <source>When the session started</source>
        <translation>Wanneer de sessie begon</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="482"/>
        <source>The breathing rhythm: seconds in, (hold,) out</source>
        <translation>Het ademritme: seconden in, (vasthouden,) uit</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="483"/>
        <source>The length you chose and the time you actually breathed</source>
        <translation>De lengte die je koos en hoe lang je echt hebt geademd</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="484"/>
        <source>How the session ended</source>
        <translation>Hoe de sessie eindigde</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="485"/>
        <source>What started the session</source>
        <translation>Hoe de sessie is gestart</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="487"/>
        <source>Your answers after the session, 0–6: breathing, body, head, energy, muscles, mood</source>
        <translation>Je antwoorden na de sessie, 0–6: ademhaling, lichaam, hoofd, energie, spieren, stemming</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/model.py" line="489"/>
        <source>Compared with before the break</source>
        <translation>Vergeleken met vóór het ademmoment</translation>
    </message>
</context>
<context>
    <name>SessionWindow</name>
    <message>
        <source>Eyes-closed mode needs sound, and no sound can play here, so follow the shape on the screen.</source>
        <translation>Met je ogen dicht ademen gaat op geluid, en hier kan geen geluid spelen. Volg daarom de vorm op het scherm.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/window.py" line="342"/>
        <source>And in</source>
        <translation>En nog even in</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/window.py" line="341"/>
        <source>Breathe in</source>
        <translation>Adem in</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/window.py" line="343"/>
        <location filename="../../src/herstel/ui/session/window.py" line="345"/>
        <source>Hold</source>
        <translation>Vasthouden</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/window.py" line="344"/>
        <source>Breathe out</source>
        <translation>Adem uit</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/window.py" line="347"/>
        <source>Get ready</source>
        <translation>We beginnen zo</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/window.py" line="348"/>
        <source>Paused</source>
        <translation>Gepauzeerd</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/window.py" line="349"/>
        <source>{time} left</source>
        <translation>Nog {time}</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/window.py" line="352"/>
        <source>Herstel is a relaxation aid, not a treatment. If you feel dizzy or short of breath, stop and breathe normally.</source>
        <translation>Herstel helpt je ontspannen en is geen behandeling. Word je duizelig of kortademig, stop dan en adem gewoon door.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/window.py" line="356"/>
        <source>Esc stops</source>
        <translation>Esc stopt</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/window.py" line="357"/>
        <location filename="../../src/herstel/ui/session/window.py" line="358"/>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/window.py" line="359"/>
        <source>Stop the session (Esc)</source>
        <translation>De sessie stoppen (Esc)</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/window.py" line="360"/>
        <location filename="../../src/herstel/ui/session/window.py" line="361"/>
        <source>I feel dizzy</source>
        <translation>Ik word duizelig</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/window.py" line="362"/>
        <source>End now and breathe normally (D)</source>
        <translation>Nu stoppen en gewoon doorademen (D)</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/window.py" line="363"/>
        <location filename="../../src/herstel/ui/session/window.py" line="364"/>
        <source>Full screen</source>
        <translation>Volledig scherm</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/window.py" line="365"/>
        <source>Full screen on or off (F)</source>
        <translation>Volledig scherm aan of uit (F)</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/window.py" line="368"/>
        <source>Breathing phase</source>
        <translation>Ademfase</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/window.py" line="369"/>
        <source>Seconds</source>
        <translation>Seconden</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/window.py" line="370"/>
        <source>Time left</source>
        <translation>Resterende tijd</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/window.py" line="371"/>
        <source>Breathing guide</source>
        <translation>Adembegeleiding</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/window.py" line="380"/>
        <source>Resume</source>
        <translation>Verder</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/window.py" line="380"/>
        <source>Pause</source>
        <translation>Pauze</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/session/window.py" line="383"/>
        <source>Pause or resume (Space)</source>
        <translation>Pauzeren of verdergaan (spatie)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../src/herstel/ui/settings/dialog.py" line="191"/>
        <source>Herstel settings</source>
        <translation>Instellingen van Herstel</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/dialog.py" line="192"/>
        <source>Settings pages</source>
        <translation>Onderdelen van de instellingen</translation>
    </message>
</context>
<context>
    <name>SignalDots</name>
    <message>
        <location filename="../../src/herstel/ui/home/today_glance.py" line="137"/>
        <source>Signals at the last check</source>
        <translation>Signalen bij de laatste check</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/home/today_glance.py" line="140"/>
        <source>At your last check:</source>
        <translation>Bij je laatste check:</translation>
    </message>
</context>
<context>
    <name>SignalTrendChart</name>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="571"/>
        <source>Your signals over time</source>
        <translation>Je signalen door de tijd</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="660"/>
        <source>No answers yet</source>
        <translation>Nog geen antwoorden</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="709"/>
        <source>after the session</source>
        <translation>na de sessie</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="710"/>
        <source>before (when asked)</source>
        <translation>vooraf (als het gevraagd is)</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="728"/>
        <source>present (4 or more)</source>
        <translation>aanwezig (4 of hoger)</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="733"/>
        <source>Weekly average, 0–6
{first} – {last}</source>
        <translation>Weekgemiddelde, 0–6
{first} – {last}</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="779"/>
        <source>{signal}, week of {day}</source>
        <translation>{signal}, week van {day}</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="785"/>
        <source>no answers</source>
        <translation>geen antwoorden</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="788"/>
        <source>after: {mean} ({count} checks)</source>
        <translation>na: {mean} ({count} checks)</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="794"/>
        <source>before: {mean} ({count} checks)</source>
        <translation>vooraf: {mean} ({count} checks)</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="803"/>
        <source>No data.</source>
        <translation>Geen gegevens.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="807"/>
        <source>Weekly average of your answers from 0 to 6, last {count} weeks.</source>
        <translation>Weekgemiddelde van je antwoorden van 0 tot 6, afgelopen {count} weken.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="815"/>
        <source>{signal}: no answers.</source>
        <translation>{signal}: geen antwoorden.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="818"/>
        <source>{signal}: from {first} to {last} ({checks} answers)</source>
        <translation>{signal}: van {first} naar {last} ({checks} antwoorden)</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/charts.py" line="831"/>
        <source>, {change} on average compared with before ({paired} sessions)</source>
        <translation>, gemiddeld {change} ten opzichte van ervoor ({paired} sessies)</translation>
    </message>
</context>
<context>
    <name>SoundSettingsPage</name>
    <message>
        <location filename="../../src/herstel/ui/settings/sound_page.py" line="128"/>
        <source>Sound</source>
        <translation>Geluid</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/sound_page.py" line="164"/>
        <source>{percent} %</source>
        <translation>{percent} %</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/sound_page.py" line="195"/>
        <source>Sound needs the optional Herstel sound package (pip install herstel[sound]).</source>
        <translation>Voor geluid is het extra geluidspakket van Herstel nodig (pip install herstel[sound]).</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/sound_page.py" line="198"/>
        <source>Sound is off: Qt&apos;s audio support does not load on this computer.</source>
        <translation>Geluid staat uit: de geluidsondersteuning van Qt laadt niet op deze computer.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/sound_page.py" line="200"/>
        <source>Sound is off: this computer has no audio output.</source>
        <translation>Geluid staat uit: deze computer heeft geen geluidsuitgang.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/sound_page.py" line="202"/>
        <source>Sound is off: the sound files are missing from this installation.</source>
        <translation>Geluid staat uit: de geluidsbestanden ontbreken in deze installatie.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/sound_page.py" line="206"/>
        <source>Play soft &amp;sound cues: in, out, and a bell at the end</source>
        <translation>Zachte &amp;geluidjes bij in en uit, en een belletje aan het eind</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/sound_page.py" line="208"/>
        <source>&amp;Volume</source>
        <translation>&amp;Volume</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/sound_page.py" line="209"/>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/sound_page.py" line="210"/>
        <source>Volume of the sound cues</source>
        <translation>Volume van de geluidjes</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/sound_page.py" line="211"/>
        <source>&amp;Preview</source>
        <translation>&amp;Beluisteren</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/sound_page.py" line="212"/>
        <source>Preview the sound cues</source>
        <translation>De geluidjes beluisteren</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/sound_page.py" line="213"/>
        <source>Play in, out and the bell once</source>
        <translation>Speelt in, uit en het belletje één keer af</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/sound_page.py" line="214"/>
        <source>Breathe with your &amp;eyes closed</source>
        <translation>Ademen met je &amp;ogen dicht</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/sound_page.py" line="217"/>
        <source>The cues guide you and the session fills the screen, nearly black, with only a faint word for each phase. Esc stops, D if you feel dizzy.</source>
        <translation>De geluidjes leiden je. De sessie vult het scherm, bijna zwart, met alleen een zacht woord bij elke fase. Esc stopt, D als je duizelig wordt.</translation>
    </message>
</context>
<context>
    <name>StartupSettingsPage</name>
    <message>
        <location filename="../../src/herstel/ui/settings/pages.py" line="333"/>
        <source>Start-up</source>
        <translation>Opstarten</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/pages.py" line="339"/>
        <source>&amp;Start Herstel in the tray when I log in</source>
        <translation>&amp;Start Herstel in het systeemvak als ik inlog</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/pages.py" line="342"/>
        <source>Then your reminders come without you having to open Herstel first. No window opens at login.</source>
        <translation>Dan komen je herinneringen zonder dat je Herstel eerst hoeft te openen. Bij het inloggen gaat er geen venster open.</translation>
    </message>
</context>
<context>
    <name>TodayGlance</name>
    <message>
        <location filename="../../src/herstel/ui/home/today_glance.py" line="208"/>
        <source>Today at a glance</source>
        <translation>Vandaag in het kort</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/home/today_glance.py" line="209"/>
        <source>Last check</source>
        <translation>Laatste check</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/home/today_glance.py" line="211"/>
        <source>No breathing break yet today.</source>
        <translation>Vandaag nog geen ademmoment.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/home/today_glance.py" line="216"/>
        <source>Today: {minutes} breathed in {sessions}</source>
        <translation>Vandaag: {minutes} geademd in {sessions}</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/home/today_glance.py" line="228"/>
        <source>{today}. Last check: {signals}.</source>
        <translation>{today}. Laatste check: {signals}.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/home/today_glance.py" line="249"/>
        <source>under a minute</source>
        <translation>minder dan een minuut</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/home/today_glance.py" line="250"/>
        <source>{count} min</source>
        <translation>{count} min</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/home/today_glance.py" line="254"/>
        <source>1 session</source>
        <translation>1 sessie</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/home/today_glance.py" line="255"/>
        <source>{count} sessions</source>
        <translation>{count} sessies</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../src/herstel/ui/shell/tray.py" line="53"/>
        <source>tomorrow %1</source>
        <translation>morgen %1</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/shell/tray.py" line="103"/>
        <source>Reminders paused until %1</source>
        <translation>Herinneringen gepauzeerd tot %1</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/shell/tray.py" line="107"/>
        <location filename="../../src/herstel/ui/shell/tray.py" line="163"/>
        <source>Next break: %1</source>
        <translation>Volgend ademmoment: %1</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/shell/tray.py" line="111"/>
        <source>No reminder planned</source>
        <translation>Geen herinnering gepland</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/shell/tray.py" line="123"/>
        <source>Back to your session</source>
        <translation>Terug naar je sessie</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/shell/tray.py" line="123"/>
        <source>Start a break</source>
        <translation>Ademmoment beginnen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/shell/tray.py" line="128"/>
        <source>Remind me in</source>
        <translation>Herinner me over</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/herstel/ui/shell/tray.py" line="130"/>
        <source>%n minutes</source>
        <translation>
            <numerusform>1 minuut</numerusform>
            <numerusform>%n minuten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/shell/tray.py" line="133"/>
        <source>Other time…</source>
        <translation>Andere tijd…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/herstel/ui/shell/tray.py" line="137"/>
        <source>Cancel reminder (in %n min, at %1)</source>
        <translation>
            <numerusform>Herinnering annuleren (%1, over 1 min)</numerusform>
            <numerusform>Herinnering annuleren (%1, over %n min)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/shell/tray.py" line="145"/>
        <source>Resume reminders (paused until %1)</source>
        <translation>Herinneringen hervatten (gepauzeerd tot %1)</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/shell/tray.py" line="151"/>
        <source>Pause reminders</source>
        <translation>Herinneringen pauzeren</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/shell/tray.py" line="152"/>
        <source>For 30 minutes</source>
        <translation>30 minuten</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/shell/tray.py" line="155"/>
        <source>For 1 hour</source>
        <translation>1 uur</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/shell/tray.py" line="158"/>
        <source>Until tomorrow</source>
        <translation>Tot morgen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/shell/tray.py" line="169"/>
        <source>Open Herstel</source>
        <translation>Herstel openen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/shell/tray.py" line="170"/>
        <source>History</source>
        <translation>Geschiedenis</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/shell/tray.py" line="171"/>
        <source>Settings…</source>
        <translation>Instellingen…</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/shell/tray.py" line="173"/>
        <source>Quit Herstel</source>
        <translation>Herstel afsluiten</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/shell/tray.py" line="188"/>
        <source>Remind me</source>
        <translation>Herinner me</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/shell/tray.py" line="190"/>
        <source>Remind me in how many minutes? (1–720)</source>
        <translation>Over hoeveel minuten wil je een herinnering? (1–720)</translation>
    </message>
</context>
<context>
    <name>Waiting</name>
    <message>
        <location filename="../../src/herstel/ui/reminders/waiting.py" line="13"/>
        <source>Waiting: you are in a call</source>
        <translation>Herinnering wacht: je zit in een gesprek</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/reminders/waiting.py" line="15"/>
        <source>Waiting: something is full screen</source>
        <translation>Herinnering wacht: er staat iets schermvullend open</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/reminders/waiting.py" line="17"/>
        <source>Waiting: Do Not Disturb is on</source>
        <translation>Herinnering wacht: Niet storen staat aan</translation>
    </message>
</context>
<context>
    <name>_PageFrame</name>
    <message>
        <location filename="../../src/herstel/ui/settings/dialog.py" line="90"/>
        <source>Restore &amp;defaults</source>
        <translation>Stan&amp;daard terugzetten</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/settings/dialog.py" line="92"/>
        <source>Restore the defaults of {page}</source>
        <translation>Zet de standaard van {page} terug</translation>
    </message>
</context>
<context>
    <name>checkin</name>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="46"/>
        <source>My breathing is calm and unhurried.</source>
        <translation>Mijn ademhaling is rustig en kalm.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="49"/>
        <source>My body feels light.</source>
        <translation>Mijn lichaam voelt licht.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="50"/>
        <source>My head feels clear.</source>
        <translation>Mijn hoofd voelt helder.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="51"/>
        <source>I have energy.</source>
        <translation>Ik heb energie.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="52"/>
        <source>My muscles feel relaxed.</source>
        <translation>Mijn spieren voelen ontspannen.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="53"/>
        <source>My mood is steady.</source>
        <translation>Mijn stemming is evenwichtig.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="54"/>
        <source>Compared with before the break I feel …</source>
        <translation>Vergeleken met vóór het ademmoment voel ik me …</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="57"/>
        <source>Last night I slept deeply.</source>
        <translation>Vannacht heb ik diep geslapen.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="58"/>
        <source>I woke up rested.</source>
        <translation>Ik werd uitgerust wakker.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="68"/>
        <source>not at all</source>
        <translation>helemaal niet</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="73"/>
        <source>completely</source>
        <translation>helemaal</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="80"/>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="107"/>
        <source>{low} = {low_word}, {high} = {high_word}</source>
        <translation>{low} = {low_word}, {high} = {high_word}</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="91"/>
        <source>much worse</source>
        <translation>veel slechter</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="92"/>
        <source>a bit worse</source>
        <translation>iets slechter</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="93"/>
        <source>the same</source>
        <translation>hetzelfde</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="94"/>
        <source>a bit better</source>
        <translation>iets beter</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="95"/>
        <source>much better</source>
        <translation>veel beter</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="130"/>
        <source>{scale}. Not answered yet.</source>
        <translation>{scale}. Nog niet beantwoord.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="133"/>
        <source>{scale}. Your answer: {answer}.</source>
        <translation>{scale}. Jouw antwoord: {answer}.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="148"/>
        <source>Energy</source>
        <translation>Energie</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="149"/>
        <source>Muscles relaxed</source>
        <translation>Spieren ontspannen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="150"/>
        <source>Mood steady</source>
        <translation>Stemming evenwichtig</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="151"/>
        <source>Sleep</source>
        <translation>Slaap</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="159"/>
        <source>present</source>
        <translation>aanwezig</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="160"/>
        <source>partly</source>
        <translation>deels</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="161"/>
        <source>absent</source>
        <translation>afwezig</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="162"/>
        <source>not asked</source>
        <translation>niet gevraagd</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="170"/>
        <source>{signal}: {level}</source>
        <translation>{signal}: {level}</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="179"/>
        <source>{points} higher than before</source>
        <translation>{points} hoger dan ervoor</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="181"/>
        <source>{points} lower than before</source>
        <translation>{points} lager dan ervoor</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="183"/>
        <source>the same as before</source>
        <translation>hetzelfde als ervoor</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="193"/>
        <source>Take a few minutes for the rest rhythm: 4 counts in, 6 counts out, through your nose. Slow and gentle.</source>
        <translation>Neem een paar minuten voor het rustritme: 4 tellen in, 6 tellen uit, door je neus. Rustig en zacht.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="198"/>
        <source>Keep the same bedtime and wake-up time every day, weekends too.</source>
        <translation>Ga elke dag op dezelfde tijd naar bed en sta op dezelfde tijd op, ook in het weekend.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="201"/>
        <source>Choose food that nourishes rather than fills: protein, minerals, healthy fats.</source>
        <translation>Kies eten dat voedt in plaats van alleen vult: eiwitten, mineralen, gezonde vetten.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="205"/>
        <source>Move at rest pace: a walk, gentle yoga, easy mobility.</source>
        <translation>Beweeg in rusttempo: een wandeling, zachte yoga, lichte mobiliteitsoefeningen.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="208"/>
        <source>A short walk outside, without your phone.</source>
        <translation>Een korte wandeling buiten, zonder telefoon.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="211"/>
        <source>Give your head some quiet: one thing at a time, something creative, nature, offline moments.</source>
        <translation>Gun je hoofd wat rust: één ding tegelijk, iets creatiefs, de natuur in, momenten offline.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="216"/>
        <source>Allow yourself social rest: no conversations where you have to perform. Being alone is fine.</source>
        <translation>Gun jezelf sociale rust: even geen gesprekken waarin je moet presteren. Alleen zijn mag ook.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="221"/>
        <source>An offline evening, with the breathing rhythm before bed.</source>
        <translation>Een avond offline, met het ademritme voor het slapengaan.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="236"/>
        <source>For calmer breathing</source>
        <translation>Voor een rustigere ademhaling</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="237"/>
        <source>For a lighter body</source>
        <translation>Voor een lichter lichaam</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="238"/>
        <source>For a clearer head</source>
        <translation>Voor een helderder hoofd</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="239"/>
        <source>For more energy</source>
        <translation>Voor meer energie</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="240"/>
        <source>For relaxed muscles</source>
        <translation>Voor ontspannen spieren</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="241"/>
        <source>For a steadier mood</source>
        <translation>Voor een evenwichtigere stemming</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="242"/>
        <source>For better sleep</source>
        <translation>Voor beter slapen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="250"/>
        <source>Your breathing has often not felt calm after breaks lately.</source>
        <translation>Je ademhaling voelde de laatste tijd na je ademmomenten vaak niet rustig.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="253"/>
        <source>Your body has often not felt light after breaks lately.</source>
        <translation>Je lichaam voelde de laatste tijd na je ademmomenten vaak niet licht.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="256"/>
        <source>Your head has often not felt clear after breaks lately.</source>
        <translation>Je hoofd voelde de laatste tijd na je ademmomenten vaak niet helder.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="259"/>
        <source>Your energy has often been low after breaks lately.</source>
        <translation>Je energie was de laatste tijd na je ademmomenten vaak laag.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="262"/>
        <source>Your muscles have often not felt relaxed after breaks lately.</source>
        <translation>Je spieren voelden de laatste tijd na je ademmomenten vaak niet ontspannen.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="265"/>
        <source>Your mood has often not felt steady after breaks lately.</source>
        <translation>Je stemming voelde de laatste tijd na je ademmomenten vaak niet evenwichtig.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="268"/>
        <source>Your sleep has often not felt restful lately.</source>
        <translation>Je slaap voelde de laatste tijd vaak niet verkwikkend.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="283"/>
        <source>The suggestions above fit here too.</source>
        <translation>De tips hierboven passen hier ook bij.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="286"/>
        <source>Something to try: {suggestion}</source>
        <translation>Iets om te proberen: {suggestion}</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="294"/>
        <source>Several signals of recovery have stayed away for two weeks. It may help to talk this over with your GP or an occupational physician.</source>
        <translation>Een aantal herstelsignalen blijft al twee weken weg. Het kan helpen om dit te bespreken met je huisarts of bedrijfsarts.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="139"/>
        <source>Breathing calm</source>
        <translation>Ademhaling rustig</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="140"/>
        <source>Body light</source>
        <translation>Lichaam licht</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/checkin/texts.py" line="141"/>
        <source>Head clear</source>
        <translation>Hoofd helder</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <location filename="../../src/herstel/ui/history/overview_tab.py" line="106"/>
        <source>Reading your history…</source>
        <translation>Je geschiedenis wordt geladen…</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/overview_tab.py" line="117"/>
        <source>Herstel could not read your history: {reason}</source>
        <translation>Herstel kon je geschiedenis niet lezen: {reason}</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/overview_tab.py" line="137"/>
        <source>Overview</source>
        <translation>Overzicht</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/overview_tab.py" line="151"/>
        <location filename="../../src/herstel/ui/history/overview_tab.py" line="242"/>
        <source>What stands out</source>
        <translation>Wat opvalt</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/overview_tab.py" line="165"/>
        <source>Breathing days</source>
        <translation>Dagen met een ademmoment</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/overview_tab.py" line="174"/>
        <source>Minutes breathed</source>
        <translation>Minuten geademd</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/overview_tab.py" line="175"/>
        <source>Per day</source>
        <translation>Per dag</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/overview_tab.py" line="176"/>
        <source>Per week</source>
        <translation>Per week</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/overview_tab.py" line="190"/>
        <source>Reminders</source>
        <translation>Herinneringen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/overview_tab.py" line="195"/>
        <source>How you felt after breathing</source>
        <translation>Hoe je je voelde na het ademen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/overview_tab.py" line="206"/>
        <source>No streak right now</source>
        <translation>Nu geen dagen op rij</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/overview_tab.py" line="208"/>
        <source>Current streak: 1 day</source>
        <translation>Nu 1 dag op rij</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/overview_tab.py" line="209"/>
        <source>Current streak: {days} days</source>
        <translation>Nu {days} dagen op rij</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/overview_tab.py" line="215"/>
        <source>Insights appear after about {count} checks.</source>
        <translation>Na ongeveer {count} checks zie je hier wat opvalt.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/overview_tab.py" line="217"/>
        <source>So far: 1 answered check.</source>
        <translation>Tot nu toe: 1 ingevulde check.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/overview_tab.py" line="219"/>
        <source>So far: {count} answered checks.</source>
        <translation>Tot nu toe: {count} ingevulde checks.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/overview_tab.py" line="225"/>
        <source>Nothing stands out yet: no difference between your sessions is large enough to mention.</source>
        <translation>Er valt nog niets op: de verschillen tussen je sessies zijn te klein om te noemen.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/overview_tab.py" line="231"/>
        <source>Based on your {count} answered checks. A signal counts as present when you answered 4 or more.</source>
        <translation>Op basis van je {count} ingevulde checks. Een signaal telt als aanwezig als je 4 of hoger hebt gekozen.</translation>
    </message>
</context>
<context>
    <name>SessionDetail</name>
    <message>
        <location filename="../../src/herstel/ui/history/session_detail.py" line="87"/>
        <source>Delete, after asking you first ({key})</source>
        <translation>Verwijderen, na eerst even te vragen ({key})</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/session_detail.py" line="95"/>
        <source>No session chosen</source>
        <translation>Geen sessie gekozen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/session_detail.py" line="96"/>
        <source>Choose a session to see all its answers.</source>
        <translation>Kies een sessie om alle antwoorden te zien.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/session_detail.py" line="98"/>
        <source>Delete…</source>
        <translation>Verwijderen…</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/session_detail.py" line="104"/>
        <source>{count} sessions chosen</source>
        <translation>{count} sessies gekozen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/session_detail.py" line="106"/>
        <source>Delete them together, or choose one to see it.</source>
        <translation>Verwijder ze samen, of kies er één om te bekijken.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/session_detail.py" line="109"/>
        <source>Delete {count} sessions…</source>
        <translation>{count} sessies verwijderen…</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/session_detail.py" line="112"/>
        <source>Delete this session…</source>
        <translation>Deze sessie verwijderen…</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/session_detail.py" line="128"/>
        <source>Planned {planned}, breathed {done} ({breaths} breaths)</source>
        <translation>Gepland {planned}, geademd {done} ({breaths} ademhalingen)</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/session_detail.py" line="133"/>
        <source>Ended: {how}</source>
        <translation>Einde: {how}</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/session_detail.py" line="134"/>
        <source>Started from: {trigger}</source>
        <translation>Gestart via: {trigger}</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/session_detail.py" line="140"/>
        <source>The check was skipped.</source>
        <translation>De check is overgeslagen.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/session_detail.py" line="142"/>
        <source>No check after this session.</source>
        <translation>Geen check na deze sessie.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/session_detail.py" line="149"/>
        <source>Compared with before the break: {change}</source>
        <translation>Vergeleken met vóór het ademmoment: {change}</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/session_detail.py" line="154"/>
        <source>The check was left part-way.</source>
        <translation>De check is halverwege gestopt.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/session_detail.py" line="162"/>
        <source>slept deeply {value}</source>
        <translation>diep geslapen {value}</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/session_detail.py" line="164"/>
        <source>woke rested {value}</source>
        <translation>uitgerust wakker {value}</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/session_detail.py" line="166"/>
        <source>The night before: {answers} (of 6)</source>
        <translation>De nacht ervoor: {answers} (van de 6)</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/session_detail.py" line="187"/>
        <source>Your answers, 0–6 (before → after)</source>
        <translation>Je antwoorden, 0–6 (voor → na)</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/session_detail.py" line="189"/>
        <source>Your answers after, 0–6</source>
        <translation>Je antwoorden achteraf, 0–6</translation>
    </message>
</context>
<context>
    <name>SessionsTab</name>
    <message>
        <location filename="../../src/herstel/ui/history/sessions_tab.py" line="213"/>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/sessions_tab.py" line="215"/>
        <source>to</source>
        <translation>tot</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/sessions_tab.py" line="217"/>
        <source>From date</source>
        <translation>Vanaf datum</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/sessions_tab.py" line="218"/>
        <source>To date</source>
        <translation>Tot datum</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/sessions_tab.py" line="227"/>
        <source>Rhythm</source>
        <translation>Ritme</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/sessions_tab.py" line="232"/>
        <source>Started from</source>
        <translation>Gestart via</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/sessions_tab.py" line="233"/>
        <source>Started any way</source>
        <translation>Op elke manier gestart</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/sessions_tab.py" line="239"/>
        <location filename="../../src/herstel/ui/history/sessions_tab.py" line="289"/>
        <source>Clear filters</source>
        <translation>Filters wissen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/sessions_tab.py" line="253"/>
        <source>Sessions</source>
        <translation>Sessies</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/sessions_tab.py" line="285"/>
        <source>No sessions match these filters.</source>
        <translation>Geen sessies bij deze filters.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/sessions_tab.py" line="313"/>
        <source>Undo</source>
        <translation>Ongedaan maken</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/sessions_tab.py" line="318"/>
        <source>Bring the deleted sessions back ({key})</source>
        <translation>Haal de verwijderde sessies terug ({key})</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/sessions_tab.py" line="323"/>
        <location filename="../../src/herstel/ui/history/sessions_tab.py" line="324"/>
        <source>Dismiss</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/sessions_tab.py" line="375"/>
        <source>All rhythms</source>
        <translation>Alle ritmes</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/sessions_tab.py" line="487"/>
        <source>Delete sessions</source>
        <translation>Sessies verwijderen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/sessions_tab.py" line="489"/>
        <source>Delete this session?</source>
        <translation>Deze sessie verwijderen?</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/sessions_tab.py" line="491"/>
        <source>Its answers are deleted with it. You can undo this right after.</source>
        <translation>De antwoorden worden ook verwijderd. Direct daarna kun je dit nog ongedaan maken.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/sessions_tab.py" line="495"/>
        <source>Delete {count} sessions?</source>
        <translation>{count} sessies verwijderen?</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/sessions_tab.py" line="498"/>
        <source>Their answers are deleted with them. You can undo this right after.</source>
        <translation>De antwoorden worden ook verwijderd. Direct daarna kun je dit nog ongedaan maken.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/sessions_tab.py" line="500"/>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/sessions_tab.py" line="538"/>
        <source>Deleted 1 session.</source>
        <translation>1 sessie verwijderd.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/sessions_tab.py" line="540"/>
        <source>Deleted {count} sessions.</source>
        <translation>{count} sessies verwijderd.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/sessions_tab.py" line="565"/>
        <source>1 session is back.</source>
        <translation>1 sessie is terug.</translation>
    </message>
    <message>
        <location filename="../../src/herstel/ui/history/sessions_tab.py" line="567"/>
        <source>{count} sessions are back.</source>
        <translation>{count} sessies zijn terug.</translation>
    </message>
</context>
</TS>
