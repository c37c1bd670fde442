locale-name = Italiano
date-time = { $day } { $month ->
        [1] gen
        [2] feb
        [3] mar
        [4] apr
        [5] mag
        [6] giu
        [7] lug
        [8] ago
        [9] set
        [10] ott
        [11] nov
       *[12] dic
    } { $year }, { $time }

lang-ar = arabo
lang-ca = catalano
lang-de = tedesco
lang-en = inglese
lang-es = spagnolo
lang-fr = francese
lang-it = italiano
lang-ja = giapponese
lang-ko = coreano
lang-pt = portoghese
lang-uk = ucraino
lang-zh = cinese

nav-skip = Vai al contenuto
nav-label = Principale
nav-spaces = I miei spazi
nav-profile = Profilo
nav-admin = Amministrazione
nav-logout = Esci
nav-login = Accedi
nav-signup = Registrati
nav-search = Cerca
footer-language = Lingua
footer-apply = Cambia
footer-tagline = Pontis: un forum dove ogni studente legge e scrive nella propria lingua.
more-items = Altro
back-to-thread = Torna alla discussione

error-page-title = Qualcosa non va
error-page-home = Vai alla pagina iniziale

landing-title = Parla con scuole di tutto il mondo, ognuno nella propria lingua
landing-lead = Pontis traduce ogni messaggio nella lingua di chi legge, con l’originale a portata di clic.

login-title = Accedi
login-submit = Accedi
login-no-account = Sei nuovo?
signup-title = Crea il tuo account
signup-submit = Registrati

field-handle = Nome utente
field-handle-help = Da 3 a 32 caratteri: lettere minuscole, cifre e trattini bassi.
field-display-name = Nome visibile agli altri
field-password = Password
field-first-language = La tua prima lingua
field-other-language = Un’altra lingua che leggi
field-none = Nessuna
field-title = Titolo
field-body = Messaggio
field-body-help = Puoi usare Markdown: **grassetto**, *corsivo*, [link](https://example.org), elenchi.
field-post-language = Lingua del tuo messaggio
field-language-detect = Rileva automaticamente
field-reason = Motivo
field-space-name = Nome dello spazio
field-space-address = Indirizzo dello spazio
field-space-address-help = Da 3 a 48 caratteri: lettere minuscole, cifre e trattini.
field-description = Descrizione
field-visibility = Chi può leggerlo
field-invite-code = Codice di invito
field-ui-language = Lingua dell’interfaccia
field-languages-read = Lingue che leggo
field-languages-read-help = Prima la tua lingua madre. I messaggi in queste lingue appaiono come sono stati scritti; gli altri vengono tradotti nella tua prima lingua.
field-language-slot = { $number ->
        [1] Prima lingua
        [2] Seconda lingua
       *[other] Lingua { $number }
    }

visibility-members-only = Solo membri (con il codice di invito)
visibility-public = Tutte le persone che hanno effettuato l’accesso

home-title = I miei spazi
home-empty = Non sei ancora entrato in nessuno spazio. Chiedi all’insegnante l’indirizzo dello spazio e il codice di invito.
member-count = { $count ->
        [one] { $count } membro
       *[other] { $count } membri
    }
join-title = Entra in uno spazio
join-submit = Entra
space-new-title = Crea uno spazio
space-new-submit = Crea lo spazio

space-nav-label = Sezioni dello spazio
space-threads = Discussioni
space-invite-code = Codice di invito per i nuovi membri:
space-empty = Ancora nessuna discussione. Inizia la prima!
thread-unread = Nuovi messaggi
thread-pinned = In evidenza
thread-locked = Chiusa
thread-hidden = Nascosta
post-count = { $count ->
        [one] { $count } messaggio
       *[other] { $count } messaggi
    }

thread-new-title = Nuova discussione
thread-new-submit = Avvia la discussione
thread-posts = Messaggi
thread-pin = Metti in evidenza
thread-unpin = Togli dall’evidenza
thread-lock = Chiudi
thread-unlock = Riapri
thread-locked-note = Questa discussione è chiusa: solo gli insegnanti possono rispondere.
reply-title = La tua risposta
reply-submit = Invia risposta

translated-from = Tradotto (originale in { $language })
show-original = Mostra l’originale
show-all-originals = Mostra tutti gli originali
hide-all-originals = Nascondi gli originali
translation-pending = Traduzione in { $language } in corso…
translation-stale = Questa traduzione si riferisce a una versione precedente; quella nuova è in arrivo.
translation-unavailable = Non è ancora disponibile una traduzione in { $language }.
original-in = Originale ({ $language })
translation-in = Traduzione ({ $language })
you-read-this-language = Leggi questa lingua.

post-edited = modificato
post-deleted = Questo messaggio è stato eliminato.
post-hidden-mark = Nascosto da un insegnante
post-quote = Cita
post-edit = Modifica
post-hide = Nascondi
post-unhide = Mostra di nuovo
post-report = Segnala
post-report-submit = Invia segnalazione
compose-language-confirm = Non siamo riusciti a capire con certezza in che lingua hai scritto. Controlla la lingua qui sotto e invia di nuovo.
post-language = Scritto in { $language }
post-language-fix = Questo messaggio è scritto in
post-language-submit = Cambia
post-wrong-language = Non è scritto in { $language }?
post-wrong-language-reason = Questo messaggio non è scritto in { $language }.
post-edit-title = Modifica il tuo messaggio
post-edit-submit = Salva le modifiche
history-title = Cronologia delle modifiche
history-revision = Versione { $number }

profile-title = Profilo
profile-submit = Salva
profile-saved = Il tuo profilo è stato salvato.

reports-title = Segnalazioni
reports-empty = Nessuna segnalazione aperta.
report-by = { $reporter } ha segnalato un messaggio di { $author }
report-open-thread = Apri nella discussione
report-resolve = Segna come gestita
hidden-title = Messaggi nascosti
hidden-empty = Nessun messaggio nascosto.
bans-title = Espulsioni
bans-empty = Nessuno è espulso.
bans-until = Fino al
bans-by = Espulso da
bans-forever = Per sempre
bans-unban = Revoca l’espulsione
bans-new = Espelli qualcuno
bans-days = Giorni
bans-days-help = Lascia vuoto per un’espulsione permanente.
bans-submit = Espelli
modlog-title = Registro di moderazione
modlog-empty = Finora non è stato moderato nulla.
modlog-when = Quando
modlog-moderator = Moderatore
modlog-action = Azione
modlog-target = Riguarda
modlog-action-name = { $action ->
        [lock_thread] Ha chiuso una discussione
        [unlock_thread] Ha riaperto una discussione
        [pin_thread] Ha messo in evidenza una discussione
        [unpin_thread] Ha tolto dall’evidenza una discussione
        [hide_thread] Ha nascosto una discussione
        [unhide_thread] Ha mostrato di nuovo una discussione
        [hide_post] Ha nascosto un messaggio
        [unhide_post] Ha mostrato di nuovo un messaggio
        [edit_post] Ha modificato un messaggio
        [delete_post] Ha eliminato un messaggio
        [resolve_report] Ha gestito una segnalazione
        [ban] Ha espulso
        [unban] Ha revocato un’espulsione
        [remove_member] Ha rimosso un membro
        [rotate_invite] Ha creato un nuovo codice d’invito
        [update_space] Ha cambiato chi può leggere lo spazio
       *[change_role] Ha cambiato un ruolo
    }
members-title = Membri
members-person = Persona
members-languages = Legge
members-role = Ruolo
members-save = Salva
role-student = Studente
role-teacher = Insegnante
role-owner = Proprietario

admin-translation-title = Coda di traduzione
admin-models-title = Modelli installati
admin-workers = Worker remoti
admin-workers-in-process = Nessun worker remoto; il server traduce da solo.
admin-worker-name = Nome
admin-created = Creato
admin-last-seen = Ultima attività
admin-jobs = Ultimi lavori
admin-jobs-empty = La coda è vuota.
admin-job-source = Testo
admin-job-languages = Lingue
admin-job-state = Stato
admin-job-attempts = Tentativi
admin-job-retry = Riprova
admin-job-updated = Aggiornato
admin-guards = Controlli di qualità
admin-guards-help = Una traduzione che si ripete, esce vuota o è sproporzionata rispetto all’originale non viene salvata: il testo viene ritradotto sul percorso successivo e, se fallisce anche quello, l’errore resta visibile.
admin-guards-none = Nessuna traduzione è stata rifiutata.
admin-guard-model = Modello
admin-guard = Controllo
admin-guard-hits = Rifiutate
admin-guard-last = Ultima
guard-empty = Output vuoto
guard-looping = Ripetizione
guard-out_of_proportion = Sproporzione
admin-model-engine = Motore
admin-model-name = Modello
admin-models-empty = Nessun modello di traduzione installato.
admin-models-problems = Modelli che non è stato possibile caricare
admin-models-routes = Percorsi tra le lingue che leggono i tuoi membri
admin-models-routes-help = Ogni cella dice attraverso quanti motori un post nella lingua della riga raggiunge chi legge quella della colonna: 1 direttamente, 2 o 3 attraverso altre lingue; — dove ancora non arriva nulla.
admin-models-gaps = Non ancora raggiungibili
admin-models-gap = { $language }, da { $sources }
admin-models-suggest = Per vedere i pacchetti che colmerebbero queste lacune, esegui:

search-title = Cerca
search-label = Cerca i messaggi in tutte le lingue
search-submit = Cerca
search-count = { $count ->
        [one] Un messaggio trovato
       *[other] { $count } messaggi trovati
    }
search-none = Nessun messaggio corrisponde a «{ $query }».
search-matched-body = trovato nel testo in { $language }
search-matched-title = trovato nel titolo in { $language }
search-more = Altri risultati
bans-hide-posts = Nascondi anche tutto ciò che ha scritto in questo spazio
invite-title = Invito
invite-expires = Il codice vale fino al { $when }.
invite-no-expiry = Il codice non scade.
invite-uses-of = Usato { $used } volte su { $max }.
invite-uses = Usato { $used } volte.
invite-days = Giorni di validità del nuovo codice (vuoto: nessun limite)
invite-max-uses = Quante persone possono entrare con esso (vuoto: nessun limite)
invite-rotate = Crea un nuovo codice (il vecchio smette di funzionare)
members-remove = Rimuovi
members-remove-person = Rimuovi { $name } dallo spazio
reports-resolve-page = Segna come gestite tutte le segnalazioni di questa pagina
reports-more = Segnalazioni precedenti
security-link = Password e browser collegati
security-title = Password e sessioni
password-title = Cambia la password
field-current-password = Password attuale
field-new-password = Nuova password
password-help = Almeno 8 caratteri. Cambiandola esci da tutti gli altri dispositivi.
password-submit = Cambia la password
password-changed = La password è cambiata. Tutti gli altri browser sono stati scollegati.
sessions-title = Dove hai effettuato l’accesso
session-current = Questo browser
session-started = Accesso il
session-last-seen = ultimo uso
session-unknown-browser = Browser sconosciuto
session-end = Esci da lì
sessions-end-all = Esci ovunque (anche qui)

# Notifications
nav-notifications = Notifiche
nav-notifications-unread = { $count ->
        [0] Notifiche, nessuna da leggere
        [one] Notifiche, { $count } da leggere
       *[other] Notifiche, { $count } da leggere
    }
notifications-title = Notifiche
notifications-empty = Ancora niente. Qui compaiono le risposte nelle tue discussioni, le menzioni e le azioni dei moderatori sui tuoi messaggi.
notifications-mark-all = Segna tutto come letto
notifications-older = Precedenti
notification-someone = Qualcuno
notification-reply = { $actor } ha risposto in «{ $thread }»
notification-mention = { $actor } ti ha menzionato in «{ $thread }»
notification-quote = { $actor } ti ha citato in «{ $thread }»
notification-post-hidden = { $actor } ha nascosto il tuo messaggio in «{ $thread }»
notification-post-unhidden = { $actor } ha reso di nuovo visibile il tuo messaggio in «{ $thread }»
notification-report = { $actor } ha segnalato un messaggio in «{ $thread }»
notification-member-joined = { $actor } si è unito a { $space }
notification-reason = Motivo: { $reason }
notification-original = Non ancora tradotto: originale in { $language }
notification-hidden-since = Nascosto nel frattempo
notification-deleted-since = Eliminato nel frattempo
watch-label = Avvisami di
watch-watching = ogni risposta
watch-normal = solo menzioni e citazioni
watch-muted = niente (silenziato)
watch-save = Salva
mention-suggestions = Persone in questo spazio

## Glossary and corrections (issue 14)
glossary-title = Glossario
glossary-intro = Nomi e termini che la traduzione deve rispettare in questo spazio. Un termine senza traduzione non viene mai tradotto: usalo per i nomi. Un termine con una traduzione diventa sempre quel testo per chi legge in quella lingua. Un termine scritto in minuscolo corrisponde a prescindere da maiuscole e minuscole; un termine con una maiuscola corrisponde solo se scritto esattamente così.
glossary-term = Termine
glossary-written-in = Lingua del termine
glossary-any-language = Qualsiasi lingua
glossary-translate-to = Lingua di destinazione
glossary-never = Non tradurre mai
glossary-translation = Traduzione
glossary-save = Salva il glossario
glossary-saved = Glossario salvato. I messaggi che usano un termine modificato vengono tradotti di nuovo.
corrections-title = Correzioni
corrections-intro = Frasi che i lettori hanno segnalato come tradotte male. Una correzione che approvi sostituisce la traduzione automatica di quella frase ovunque in questo spazio.
corrections-flags = Frasi segnalate
corrections-none-flagged = Nessuna frase segnalata.
corrections-original = Originale
corrections-machine = Traduzione automatica
corrections-suggestion = Suggerimento
corrections-flagged-by = Segnalata da @{ $handle }
corrections-your-translation = Traduzione corretta
corrections-approve = Approva la correzione
corrections-dismiss = Ignora
corrections-approved = Correzioni in uso
corrections-none = Ancora nessuna correzione.
corrections-revoke = Revoca
corrections-approved-by = approvata da @{ $handle }
translation-corrected = Corretta da un insegnante
translation-flag = Traduzione sbagliata?
sentences-title = La traduzione, frase per frase
sentences-intro = Segnala una frase tradotta male. I tuoi insegnanti la vedono accanto all’originale e possono correggerla per tutti.
sentences-flag = Questa frase è tradotta male
sentences-flag-submit = Invia agli insegnanti
sentences-flagged = Grazie. I tuoi insegnanti la controlleranno.
sentences-none = Questo messaggio non ha ancora una traduzione in { $language }.
