# Le email di notifica e le loro pagine.

## I messaggi

email-greeting = Ciao { $name },
email-digest-intro = { $count ->
    [one] Ecco cosa è successo su Pontis dal tuo ultimo riepilogo:
   *[other] Ecco { $count } cose successe su Pontis dal tuo ultimo riepilogo:
}
email-digest-subject = { $count ->
    [one] Il tuo riepilogo di Pontis: 1 notifica
   *[other] Il tuo riepilogo di Pontis: { $count } notifiche
}
email-headline-reply = { $actor } ha risposto in «{ $thread }»
email-headline-mention = { $actor } ti ha menzionato in «{ $thread }»
email-headline-quote = { $actor } ha citato il tuo messaggio in «{ $thread }»
email-headline-post-hidden = Un moderatore ha nascosto il tuo messaggio in «{ $thread }»
email-headline-post-unhidden = Un moderatore ha reso di nuovo visibile il tuo messaggio in «{ $thread }»
email-headline-report = { $actor } ha segnalato un messaggio in «{ $thread }»
email-headline-member-joined = { $actor } si è unito a { $space }
email-someone = Qualcuno
email-reason = Motivo: { $reason }
email-original-in = Originale, in { $language }.
email-translation-late = La traduzione non era ancora pronta.
email-translated = Tradotto automaticamente.
email-open = Aprilo su Pontis
email-why = Ricevi questa email per le tue impostazioni di notifica su Pontis.
email-settings = Cambia le impostazioni email
email-unsubscribe = Annulla l’iscrizione a tutte le email di Pontis
email-confirm-subject = Conferma il tuo indirizzo email per Pontis
email-confirm-intro = Qualcuno, probabilmente tu, ha chiesto a Pontis di inviare le notifiche di @{ $handle } a { $address }.
email-confirm-action = Per confermare, apri questo link e premi il pulsante (vale 7 giorni):
email-confirm-ignore = Se non l’hai chiesto tu, ignora questa email: Pontis non scriverà più a questo indirizzo.

## Le impostazioni email del profilo

email-settings-title = Notifiche via email
email-not-available = L’email non è configurata su questo server: le notifiche si vedono solo in Pontis.
email-address-label = Indirizzo email
email-address-help = Pontis invia prima un link a questo indirizzo; non vi arriva nient’altro finché non lo apri. Lascialo vuoto per non ricevere email.
email-address-pending = In attesa che tu apra il link inviato a { $address }.
email-mode-label = Invia email
email-mode-off = Mai
email-mode-immediate = Subito, per ogni notifica
email-mode-digest = Una volta al giorno, come riepilogo
email-kinds-legend = Scrivimi per
email-kind-reply = Risposte nelle discussioni che seguo
email-kind-mention = Menzioni di me
email-kind-quote = Citazioni dei miei messaggi
email-kind-post-hidden = Un moderatore che nasconde il mio messaggio
email-kind-post-unhidden = Un moderatore che rende di nuovo visibile il mio messaggio
email-kind-report = Nuove segnalazioni (docenti e proprietari)
email-kind-member-joined = Nuovi membri (proprietari)
email-settings-submit = Salva le impostazioni email
email-settings-saved = Impostazioni email salvate.

## Annullare l’iscrizione e confermare, da un link in una email

unsubscribe-title = Annulla l’iscrizione alle email
unsubscribe-question = Smettere di inviare email di Pontis a @{ $handle }?
unsubscribe-submit = Annulla l’iscrizione
unsubscribe-done = Fatto: Pontis non invia più email a @{ $handle }. Puoi riattivarle nel tuo profilo.
unsubscribe-unknown = Questo link di disiscrizione non è valido. Forse viene da una email a un indirizzo cambiato nel frattempo.
confirm-email-title = Conferma il tuo indirizzo email
confirm-email-question = Inviare le notifiche di @{ $handle } a { $address }?
confirm-email-submit = Conferma
confirm-email-done = Confermato: le notifiche di @{ $handle } ora vanno a { $address }.
confirm-email-unknown = Questo link di conferma non è più valido. I link valgono 7 giorni, e solo il più recente.
