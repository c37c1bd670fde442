# Benachrichtigungs-E-Mails und ihre Seiten.

## Die Nachrichten

email-greeting = Hallo { $name },
email-digest-intro = { $count ->
    [one] Das ist seit deiner letzten Zusammenfassung auf Pontis passiert:
   *[other] { $count } Dinge sind seit deiner letzten Zusammenfassung auf Pontis passiert:
}
email-digest-subject = { $count ->
    [one] Deine Pontis-Zusammenfassung: 1 Benachrichtigung
   *[other] Deine Pontis-Zusammenfassung: { $count } Benachrichtigungen
}
email-headline-reply = { $actor } hat in „{ $thread }“ geantwortet
email-headline-mention = { $actor } hat dich in „{ $thread }“ erwähnt
email-headline-quote = { $actor } hat deinen Beitrag in „{ $thread }“ zitiert
email-headline-post-hidden = Die Moderation hat deinen Beitrag in „{ $thread }“ ausgeblendet
email-headline-post-unhidden = Die Moderation hat deinen Beitrag in „{ $thread }“ wieder eingeblendet
email-headline-report = { $actor } hat einen Beitrag in „{ $thread }“ gemeldet
email-headline-member-joined = { $actor } ist { $space } beigetreten
email-someone = Jemand
email-reason = Grund: { $reason }
email-original-in = Original, auf { $language }.
email-translation-late = Die Übersetzung war noch nicht fertig.
email-translated = Automatisch übersetzt.
email-open = Auf Pontis öffnen
email-why = Du bekommst diese E-Mail wegen deiner Benachrichtigungseinstellungen auf Pontis.
email-settings = E-Mail-Einstellungen ändern
email-unsubscribe = Alle E-Mails von Pontis abbestellen
email-confirm-subject = Bestätige deine E-Mail-Adresse für Pontis
email-confirm-intro = Jemand, wahrscheinlich du, hat Pontis gebeten, die Benachrichtigungen von @{ $handle } an { $address } zu schicken.
email-confirm-action = Öffne zum Bestätigen diesen Link und drücke die Schaltfläche (er gilt 7 Tage):
email-confirm-ignore = Wenn du das nicht warst, ignoriere diese E-Mail: Pontis schreibt nicht wieder an diese Adresse.

## Die E-Mail-Einstellungen im Profil

email-settings-title = Benachrichtigungen per E-Mail
email-not-available = E-Mail ist auf diesem Server nicht eingerichtet: Benachrichtigungen erscheinen nur in Pontis.
email-address-label = E-Mail-Adresse
email-address-help = Pontis schickt zuerst einen Link an diese Adresse; sonst geht nichts dorthin, bis du ihn öffnest. Leer lassen für gar keine E-Mails.
email-address-pending = Wartet darauf, dass du den Link öffnest, der an { $address } ging.
email-mode-label = E-Mails schicken
email-mode-off = Nie
email-mode-immediate = Sofort, für jede Benachrichtigung
email-mode-digest = Einmal am Tag, als Zusammenfassung
email-kinds-legend = Schreib mir bei
email-kind-reply = Antworten in Themen, denen ich folge
email-kind-mention = Erwähnungen von mir
email-kind-quote = Zitaten meiner Beiträge
email-kind-post-hidden = Ausblenden meines Beitrags durch die Moderation
email-kind-post-unhidden = Wieder-Einblenden meines Beitrags durch die Moderation
email-kind-report = neuen Meldungen (Lehrkräfte und Eigentümer)
email-kind-member-joined = neuen Mitgliedern (Eigentümer)
email-settings-submit = E-Mail-Einstellungen speichern
email-settings-saved = E-Mail-Einstellungen gespeichert.

## Abbestellen und bestätigen, über einen Link in einer E-Mail

unsubscribe-title = E-Mails abbestellen
unsubscribe-question = Keine E-Mails von Pontis mehr an @{ $handle } schicken?
unsubscribe-submit = Abbestellen
unsubscribe-done = Erledigt: Pontis schickt @{ $handle } keine E-Mails mehr. In deinem Profil kannst du sie wieder einschalten.
unsubscribe-unknown = Dieser Abbestell-Link ist ungültig. Vielleicht stammt er aus einer E-Mail an eine inzwischen geänderte Adresse.
confirm-email-title = Bestätige deine E-Mail-Adresse
confirm-email-question = Die Benachrichtigungen von @{ $handle } an { $address } schicken?
confirm-email-submit = Bestätigen
confirm-email-done = Bestätigt: Die Benachrichtigungen von @{ $handle } gehen jetzt an { $address }.
confirm-email-unknown = Dieser Bestätigungslink gilt nicht mehr. Links gelten 7 Tage, und nur der neueste.
