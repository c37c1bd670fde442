locale-name = Deutsch
date-time = { $day }. { $month ->
        [1] Januar
        [2] Februar
        [3] März
        [4] April
        [5] Mai
        [6] Juni
        [7] Juli
        [8] August
        [9] September
        [10] Oktober
        [11] November
       *[12] Dezember
    } { $year }, { $time }

lang-ar = Arabisch
lang-ca = Katalanisch
lang-de = Deutsch
lang-en = Englisch
lang-es = Spanisch
lang-fr = Französisch
lang-it = Italienisch
lang-ja = Japanisch
lang-ko = Koreanisch
lang-pt = Portugiesisch
lang-uk = Ukrainisch
lang-zh = Chinesisch

nav-skip = Zum Inhalt springen
nav-label = Hauptmenü
nav-spaces = Meine Räume
nav-profile = Profil
nav-admin = Verwaltung
nav-logout = Abmelden
nav-login = Anmelden
nav-signup = Registrieren
nav-search = Suchen
footer-language = Sprache
footer-apply = Wechseln
footer-tagline = Pontis – ein Forum, in dem alle Schülerinnen und Schüler in ihrer eigenen Sprache lesen und schreiben.
more-items = Mehr
back-to-thread = Zurück zum Thema

error-page-title = Da stimmt etwas nicht
error-page-home = Zur Startseite

landing-title = Sprich mit Schulen überall auf der Welt – jede in ihrer eigenen Sprache
landing-lead = Pontis übersetzt jeden Beitrag in die Sprache der Lesenden; das Original ist nur einen Klick entfernt.

login-title = Anmelden
login-submit = Anmelden
login-no-account = Neu hier?
signup-title = Konto erstellen
signup-submit = Registrieren

field-handle = Benutzername
field-handle-help = 3 bis 32 Zeichen: Kleinbuchstaben, Ziffern und Unterstriche.
field-display-name = Angezeigter Name
field-password = Passwort
field-first-language = Deine Erstsprache
field-other-language = Eine weitere Sprache, die du liest
field-none = Keine
field-title = Titel
field-body = Nachricht
field-body-help = Du kannst Markdown verwenden: **fett**, *kursiv*, [Links](https://example.org), Listen.
field-post-language = Sprache deiner Nachricht
field-language-detect = Automatisch erkennen
field-reason = Grund
field-space-name = Name des Raums
field-space-address = Adresse des Raums
field-space-address-help = 3 bis 48 Zeichen: Kleinbuchstaben, Ziffern und Bindestriche.
field-description = Beschreibung
field-visibility = Wer es lesen kann
field-invite-code = Einladungscode
field-ui-language = Sprache der Oberfläche
field-languages-read = Sprachen, die ich lese
field-languages-read-help = Deine Erstsprache zuerst. Beiträge in diesen Sprachen erscheinen so, wie sie geschrieben wurden; alle anderen werden in deine Erstsprache übersetzt.
field-language-slot = { $number ->
        [1] Erstsprache
        [2] Zweitsprache
       *[other] Sprache { $number }
    }

visibility-members-only = Nur Mitglieder (mit Einladungscode)
visibility-public = Alle angemeldeten Personen

home-title = Meine Räume
home-empty = Du bist noch keinem Raum beigetreten. Frag deine Lehrkraft nach der Adresse des Raums und dem Einladungscode.
member-count = { $count ->
        [one] { $count } Mitglied
       *[other] { $count } Mitglieder
    }
join-title = Einem Raum beitreten
join-submit = Beitreten
space-new-title = Raum erstellen
space-new-submit = Raum erstellen

space-nav-label = Bereiche des Raums
space-threads = Themen
space-invite-code = Einladungscode für neue Mitglieder:
space-empty = Noch keine Themen. Starte das erste!
thread-unread = Neue Beiträge
thread-pinned = Angeheftet
thread-locked = Gesperrt
thread-hidden = Ausgeblendet
post-count = { $count ->
        [one] { $count } Beitrag
       *[other] { $count } Beiträge
    }

thread-new-title = Neues Thema
thread-new-submit = Thema starten
thread-posts = Beiträge
thread-pin = Anheften
thread-unpin = Lösen
thread-lock = Sperren
thread-unlock = Entsperren
thread-locked-note = Dieses Thema ist gesperrt: Nur Lehrkräfte können antworten.
reply-title = Deine Antwort
reply-submit = Antwort senden

translated-from = Übersetzt aus dem { $language }en
show-original = Original anzeigen
show-all-originals = Alle Originale anzeigen
hide-all-originals = Originale ausblenden
translation-pending = Wird ins { $language }e übersetzt …
translation-stale = Diese Übersetzung gehört zu einer früheren Fassung; die neue ist unterwegs.
translation-unavailable = Noch keine Übersetzung ins { $language }e verfügbar.
original-in = Original ({ $language })
translation-in = Übersetzung ({ $language })
you-read-this-language = Du liest diese Sprache.

post-edited = bearbeitet
post-deleted = Dieser Beitrag wurde gelöscht.
post-hidden-mark = Von einer Lehrkraft ausgeblendet
post-quote = Zitieren
post-edit = Bearbeiten
post-hide = Ausblenden
post-unhide = Wieder anzeigen
post-report = Melden
post-report-submit = Meldung senden
compose-language-confirm = Wir konnten nicht sicher erkennen, in welcher Sprache du geschrieben hast. Prüfe die Sprache unten und sende erneut.
post-language = Geschrieben auf { $language }
post-language-fix = Dieser Beitrag ist geschrieben auf
post-language-submit = Ändern
post-wrong-language = Nicht auf { $language } geschrieben?
post-wrong-language-reason = Dieser Beitrag ist nicht auf { $language } geschrieben.
post-edit-title = Beitrag bearbeiten
post-edit-submit = Änderungen speichern
history-title = Bearbeitungsverlauf
history-revision = Fassung { $number }

profile-title = Profil
profile-submit = Speichern
profile-saved = Dein Profil ist gespeichert.

reports-title = Meldungen
reports-empty = Keine offenen Meldungen.
report-by = { $reporter } hat einen Beitrag von { $author } gemeldet
report-open-thread = Im Thema öffnen
report-resolve = Als erledigt markieren
hidden-title = Ausgeblendete Beiträge
hidden-empty = Keine ausgeblendeten Beiträge.
bans-title = Sperren
bans-empty = Niemand ist gesperrt.
bans-until = Bis
bans-by = Gesperrt von
bans-forever = Dauerhaft
bans-unban = Sperre aufheben
bans-new = Jemanden sperren
bans-days = Tage
bans-days-help = Leer lassen, um dauerhaft zu sperren.
bans-submit = Sperren
modlog-title = Moderationsprotokoll
modlog-empty = Bisher wurde nichts moderiert.
modlog-when = Wann
modlog-moderator = Moderation
modlog-action = Aktion
modlog-target = Betrifft
modlog-action-name = { $action ->
        [lock_thread] Thema gesperrt
        [unlock_thread] Thema entsperrt
        [pin_thread] Thema angeheftet
        [unpin_thread] Thema gelöst
        [hide_thread] Thema ausgeblendet
        [unhide_thread] Thema wieder angezeigt
        [hide_post] Beitrag ausgeblendet
        [unhide_post] Beitrag wieder angezeigt
        [edit_post] Beitrag bearbeitet
        [delete_post] Beitrag gelöscht
        [resolve_report] Meldung erledigt
        [ban] Gesperrt
        [unban] Sperre aufgehoben
        [remove_member] Mitglied entfernt
        [rotate_invite] Neuen Einladungscode erstellt
        [update_space] Geändert, wer den Raum lesen kann
       *[change_role] Rolle geändert
    }
members-title = Mitglieder
members-person = Person
members-languages = Liest
members-role = Rolle
members-save = Speichern
role-student = Schüler/in
role-teacher = Lehrkraft
role-owner = Inhaber/in

admin-translation-title = Übersetzungswarteschlange
admin-models-title = Installierte Modelle
admin-workers = Externe Worker
admin-workers-in-process = Keine externen Worker; der Server übersetzt selbst.
admin-worker-name = Name
admin-created = Erstellt
admin-last-seen = Zuletzt aktiv
admin-jobs = Neueste Aufträge
admin-jobs-empty = Die Warteschlange ist leer.
admin-job-source = Text
admin-job-languages = Sprachen
admin-job-state = Status
admin-job-attempts = Versuche
admin-job-retry = Erneut versuchen
admin-job-updated = Aktualisiert
admin-guards = Qualitätsprüfungen
admin-guards-help = Eine Übersetzung, die sich wiederholt, leer bleibt oder in keinem Verhältnis zum Original steht, wird nicht gespeichert: Der Text wird über die nächste Route neu übersetzt und scheitert sichtbar, wenn auch das fehlschlägt.
admin-guards-none = Keine Übersetzung wurde abgelehnt.
admin-guard-model = Modell
admin-guard = Prüfung
admin-guard-hits = Abgelehnt
admin-guard-last = Zuletzt
guard-empty = Leere Ausgabe
guard-looping = Schleife
guard-out_of_proportion = Unverhältnismäßig
admin-model-engine = Engine
admin-model-name = Modell
admin-models-empty = Kein Übersetzungsmodell installiert.
admin-models-problems = Modelle, die nicht geladen werden konnten
admin-models-routes = Wege zwischen den Sprachen, die eure Mitglieder lesen
admin-models-routes-help = Jede Zelle sagt, durch wie viele Engines ein Beitrag in der Sprache der Zeile zu Lesenden der Spalte gelangt: 1 direkt, 2 oder 3 über andere Sprachen; — wo noch nichts ankommt.
admin-models-gaps = Noch nicht erreichbar
admin-models-gap = { $language }, aus { $sources }
admin-models-suggest = Welche Pakete diese Lücken schließen würden, zeigt:

search-title = Suche
search-label = Beiträge in allen Sprachen durchsuchen
search-submit = Suchen
search-count = { $count ->
        [one] Ein Beitrag gefunden
       *[other] { $count } Beiträge gefunden
    }
search-none = Kein Beitrag passt zu „{ $query }“.
search-matched-body = gefunden im Text auf { $language }
search-matched-title = gefunden im Titel auf { $language }
search-more = Weitere Ergebnisse
bans-hide-posts = Auch alles ausblenden, was die Person in diesem Raum geschrieben hat
invite-title = Einladung
invite-expires = Der Code gilt bis { $when }.
invite-no-expiry = Der Code läuft nicht ab.
invite-uses-of = { $used } von { $max } Mal benutzt.
invite-uses = { $used } Mal benutzt.
invite-days = Tage, die der neue Code gilt (leer: unbegrenzt)
invite-max-uses = Wie viele damit beitreten dürfen (leer: unbegrenzt)
invite-rotate = Neuen Code erstellen (der alte gilt nicht mehr)
members-remove = Entfernen
members-remove-person = { $name } aus dem Raum entfernen
reports-resolve-page = Alle Meldungen auf dieser Seite als erledigt markieren
reports-more = Ältere Meldungen
security-link = Passwort und angemeldete Browser
security-title = Passwort und Sitzungen
password-title = Passwort ändern
field-current-password = Aktuelles Passwort
field-new-password = Neues Passwort
password-help = Mindestens 8 Zeichen. Beim Ändern wirst du überall sonst abgemeldet.
password-submit = Passwort ändern
password-changed = Dein Passwort ist geändert. Alle anderen Browser wurden abgemeldet.
sessions-title = Wo du angemeldet bist
session-current = Dieser Browser
session-started = Angemeldet
session-last-seen = zuletzt benutzt
session-unknown-browser = Unbekannter Browser
session-end = Dort abmelden
sessions-end-all = Überall abmelden (auch hier)

# Notifications
nav-notifications = Benachrichtigungen
nav-notifications-unread = { $count ->
        [0] Benachrichtigungen, keine ungelesen
        [one] Benachrichtigungen, { $count } ungelesen
       *[other] Benachrichtigungen, { $count } ungelesen
    }
notifications-title = Benachrichtigungen
notifications-empty = Noch nichts. Hier erscheinen Antworten in deinen Themen, Erwähnungen und was Moderatoren mit deinen Beiträgen tun.
notifications-mark-all = Alle als gelesen markieren
notifications-older = Ältere
notification-someone = Jemand
notification-reply = { $actor } hat in „{ $thread }“ geantwortet
notification-mention = { $actor } hat dich in „{ $thread }“ erwähnt
notification-quote = { $actor } hat dich in „{ $thread }“ zitiert
notification-post-hidden = { $actor } hat deinen Beitrag in „{ $thread }“ ausgeblendet
notification-post-unhidden = { $actor } hat deinen Beitrag in „{ $thread }“ wieder sichtbar gemacht
notification-report = { $actor } hat einen Beitrag in „{ $thread }“ gemeldet
notification-member-joined = { $actor } ist { $space } beigetreten
notification-reason = Grund: { $reason }
notification-original = Noch nicht übersetzt: Original auf { $language }
notification-hidden-since = Inzwischen ausgeblendet
notification-deleted-since = Inzwischen gelöscht
watch-label = Benachrichtige mich bei
watch-watching = jeder Antwort
watch-normal = nur Erwähnungen und Zitaten
watch-muted = nichts (stumm)
watch-save = Speichern
mention-suggestions = Personen in diesem Bereich

## Glossary and corrections (issue 14)
glossary-title = Glossar
glossary-intro = Namen und Begriffe, die die Übersetzung in diesem Raum beachten muss. Ein Begriff ohne Übersetzung wird nie übersetzt: Verwende das für Namen. Ein Begriff mit Übersetzung wird für Lesende dieser Sprache immer genau zu diesem Text. Ein kleingeschriebener Begriff passt unabhängig von Groß- und Kleinschreibung; ein Begriff mit Großbuchstaben passt nur genau so, wie er geschrieben ist.
glossary-term = Begriff
glossary-written-in = Sprache des Begriffs
glossary-any-language = Jede Sprache
glossary-translate-to = Zielsprache
glossary-never = Nie übersetzen
glossary-translation = Übersetzung
glossary-save = Glossar speichern
glossary-saved = Glossar gespeichert. Beiträge, die einen geänderten Begriff verwenden, werden neu übersetzt.
corrections-title = Korrekturen
corrections-intro = Sätze, die Lesende als schlecht übersetzt markiert haben. Eine Korrektur, die du freigibst, ersetzt die maschinelle Übersetzung dieses Satzes überall in diesem Raum.
corrections-flags = Markierte Sätze
corrections-none-flagged = Kein Satz ist markiert.
corrections-original = Original
corrections-machine = Maschinelle Übersetzung
corrections-suggestion = Vorschlag
corrections-flagged-by = Markiert von @{ $handle }
corrections-your-translation = Richtige Übersetzung
corrections-approve = Korrektur freigeben
corrections-dismiss = Verwerfen
corrections-approved = Aktive Korrekturen
corrections-none = Noch keine Korrekturen.
corrections-revoke = Zurücknehmen
corrections-approved-by = freigegeben von @{ $handle }
translation-corrected = Von einer Lehrkraft korrigiert
translation-flag = Falsch übersetzt?
sentences-title = Die Übersetzung, Satz für Satz
sentences-intro = Markiere einen Satz, der falsch übersetzt ist. Deine Lehrkräfte sehen ihn neben dem Original und können ihn für alle korrigieren.
sentences-flag = Dieser Satz ist falsch übersetzt
sentences-flag-submit = An die Lehrkräfte senden
sentences-flagged = Danke! Deine Lehrkräfte sehen sich das an.
sentences-none = Dieser Beitrag hat noch keine Übersetzung ins { $language }e.
