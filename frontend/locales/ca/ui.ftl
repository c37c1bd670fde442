locale-name = Català
date-time = { $day } { $month ->
        [1] de gen.
        [2] de febr.
        [3] de març
        [4] d’abr.
        [5] de maig
        [6] de juny
        [7] de jul.
        [8] d’ag.
        [9] de set.
        [10] d’oct.
        [11] de nov.
       *[12] de des.
    } de { $year }, { $time }

lang-ar = àrab
lang-ca = català
lang-de = alemany
lang-en = anglès
lang-es = castellà
lang-fr = francès
lang-it = italià
lang-ja = japonès
lang-ko = coreà
lang-pt = portuguès
lang-uk = ucraïnès
lang-zh = xinès

nav-skip = Salta al contingut
nav-label = Principal
nav-spaces = Els meus espais
nav-profile = Perfil
nav-admin = Administració
nav-logout = Tanca la sessió
nav-login = Inicia la sessió
nav-signup = Registra’t
nav-search = Cerca
footer-language = Llengua
footer-apply = Canvia
footer-tagline = Pontis: un fòrum on cada alumne llegeix i escriu en la seva llengua.
more-items = Més
back-to-thread = Torna al fil

error-page-title = Alguna cosa no ha anat bé
error-page-home = Ves a la pàgina d’inici

landing-title = Parla amb escoles de tot el món, cadascú en la seva llengua
landing-lead = Pontis tradueix cada missatge a la llengua de qui el llegeix, amb l’original a un clic.

login-title = Inicia la sessió
login-submit = Entra
login-no-account = Ets nou?
signup-title = Crea el teu compte
signup-submit = Registra’t

field-handle = Nom d’usuari
field-handle-help = De 3 a 32 caràcters: lletres minúscules, xifres i guions baixos.
field-display-name = Nom visible per als altres
field-password = Contrasenya
field-first-language = La teva primera llengua
field-other-language = Una altra llengua que llegeixes
field-none = Cap
field-title = Títol
field-body = Missatge
field-body-help = Pots fer servir Markdown: **negreta**, *cursiva*, [enllaços](https://example.org), llistes.
field-post-language = Llengua del teu missatge
field-language-detect = Detecta-la automàticament
field-reason = Motiu
field-space-name = Nom de l’espai
field-space-address = Adreça de l’espai
field-space-address-help = De 3 a 48 caràcters: lletres minúscules, xifres i guions.
field-description = Descripció
field-visibility = Qui el pot llegir
field-invite-code = Codi d’invitació
field-ui-language = Llengua de la interfície
field-languages-read = Llengües que llegeixo
field-languages-read-help = Primer la teva llengua materna. Els missatges en aquestes llengües es mostren tal com es van escriure; els altres es tradueixen a la teva primera llengua.
field-language-slot = { $number ->
        [1] Primera llengua
        [2] Segona llengua
       *[other] Llengua { $number }
    }

visibility-members-only = Només membres (amb el codi d’invitació)
visibility-public = Totes les persones que han iniciat la sessió

home-title = Els meus espais
home-empty = Encara no t’has unit a cap espai. Demana al teu docent l’adreça de l’espai i el codi d’invitació.
member-count = { $count ->
        [one] { $count } membre
       *[other] { $count } membres
    }
join-title = Uneix-te a un espai
join-submit = Uneix-t’hi
space-new-title = Crea un espai
space-new-submit = Crea l’espai

space-nav-label = Seccions de l’espai
space-threads = Fils
space-invite-code = Codi d’invitació per als membres nous:
space-empty = Encara no hi ha cap fil. Comença el primer!
thread-unread = Missatges nous
thread-pinned = Fixat
thread-locked = Tancat
thread-hidden = Amagat
post-count = { $count ->
        [one] { $count } missatge
       *[other] { $count } missatges
    }

thread-new-title = Fil nou
thread-new-submit = Publica el fil
thread-posts = Missatges
thread-pin = Fixa
thread-unpin = Deixa de fixar
thread-lock = Tanca
thread-unlock = Reobre
thread-locked-note = Aquest fil està tancat: només el professorat hi pot respondre.
reply-title = La teva resposta
reply-submit = Envia la resposta

translated-from = Traduït (original en { $language })
show-original = Mostra l’original
show-all-originals = Mostra tots els originals
hide-all-originals = Amaga els originals
translation-pending = Traducció en curs ({ $language })…
translation-stale = Aquesta traducció correspon a una versió anterior; la nova és en camí.
translation-unavailable = Encara no hi ha cap traducció disponible ({ $language }).
original-in = Original ({ $language })
translation-in = Traducció ({ $language })
you-read-this-language = Llegeixes aquesta llengua.

post-edited = editat
post-deleted = Aquest missatge s’ha suprimit.
post-hidden-mark = Amagat per un docent
post-quote = Cita
post-edit = Edita
post-hide = Amaga
post-unhide = Torna a mostrar
post-report = Denuncia
post-report-submit = Envia la denúncia
compose-language-confirm = No hem pogut saber amb seguretat en quina llengua has escrit. Comprova la llengua a sota i torna a enviar.
post-language = Escrit en { $language }
post-language-fix = Aquesta publicació està escrita en
post-language-submit = Canvia
post-wrong-language = No està escrit en { $language }?
post-wrong-language-reason = Aquesta publicació no està escrita en { $language }.
post-edit-title = Edita el teu missatge
post-edit-submit = Desa els canvis
history-title = Historial de canvis
history-revision = Versió { $number }

profile-title = Perfil
profile-submit = Desa
profile-saved = S’ha desat el teu perfil.

reports-title = Denúncies
reports-empty = No hi ha cap denúncia oberta.
report-by = { $reporter } ha denunciat un missatge de { $author }
report-open-thread = Obre al fil
report-resolve = Marca com a resolta
hidden-title = Missatges amagats
hidden-empty = No hi ha cap missatge amagat.
bans-title = Expulsions
bans-empty = No hi ha ningú expulsat.
bans-until = Fins al
bans-by = Expulsat per
bans-forever = Per sempre
bans-unban = Aixeca l’expulsió
bans-new = Expulsa algú
bans-days = Dies
bans-days-help = Deixa-ho buit per a una expulsió definitiva.
bans-submit = Expulsa
modlog-title = Registre de moderació
modlog-empty = Encara no s’ha moderat res.
modlog-when = Quan
modlog-moderator = Moderador
modlog-action = Acció
modlog-target = Sobre
modlog-action-name = { $action ->
        [lock_thread] Ha tancat un fil
        [unlock_thread] Ha reobert un fil
        [pin_thread] Ha fixat un fil
        [unpin_thread] Ha deixat de fixar un fil
        [hide_thread] Ha amagat un fil
        [unhide_thread] Ha tornat a mostrar un fil
        [hide_post] Ha amagat un missatge
        [unhide_post] Ha tornat a mostrar un missatge
        [edit_post] Ha editat un missatge
        [delete_post] Ha suprimit un missatge
        [resolve_report] Ha resolt una denúncia
        [ban] Ha expulsat
        [unban] Ha aixecat una expulsió
        [remove_member] Ha tret un membre
        [rotate_invite] Ha creat un codi d’invitació nou
        [update_space] Ha canviat qui pot llegir l’espai
       *[change_role] Ha canviat un rol
    }
members-title = Membres
members-person = Persona
members-languages = Llegeix
members-role = Rol
members-save = Desa
role-student = Alumne
role-teacher = Docent
role-owner = Propietari

admin-translation-title = Cua de traducció
admin-models-title = Models instal·lats
admin-workers = Treballadors remots
admin-workers-in-process = No hi ha treballadors remots; el servidor tradueix pel seu compte.
admin-worker-name = Nom
admin-created = Creat
admin-last-seen = Darrera activitat
admin-jobs = Darreres tasques
admin-jobs-empty = La cua és buida.
admin-job-source = Text
admin-job-languages = Llengües
admin-job-state = Estat
admin-job-attempts = Intents
admin-job-retry = Torna-ho a provar
admin-job-updated = Actualitzat
admin-guards = Controls de qualitat
admin-guards-help = Una traducció que es repeteix, surt buida o és desproporcionada respecte a l’original no es desa: el text es torna a traduir per la ruta següent i, si també falla, l’error queda visible.
admin-guards-none = No s’ha rebutjat cap traducció.
admin-guard-model = Model
admin-guard = Control
admin-guard-hits = Rebutjades
admin-guard-last = Última
guard-empty = Sortida buida
guard-looping = Repetició
guard-out_of_proportion = Desproporció
admin-model-engine = Motor
admin-model-name = Model
admin-models-empty = No hi ha cap model de traducció instal·lat.
admin-models-problems = Models que no s’han pogut carregar
admin-models-routes = Rutes entre les llengües que llegeixen els teus membres
admin-models-routes-help = Cada cel·la indica per quants motors passa una publicació en la llengua de la fila fins a un lector de la de la columna: 1 directament, 2 o 3 a través d’altres llengües; — on encara no hi arriba res.
admin-models-gaps = Encara sense ruta
admin-models-gap = { $language }, des de { $sources }
admin-models-suggest = Per veure els paquets que tancarien aquests buits, executa:

search-title = Cerca
search-label = Cerca missatges en totes les llengües
search-submit = Cerca
search-count = { $count ->
        [one] S'ha trobat un missatge
       *[other] S'han trobat { $count } missatges
    }
search-none = Cap missatge no coincideix amb «{ $query }».
search-matched-body = trobat en el text en { $language }
search-matched-title = trobat en el títol en { $language }
search-more = Més resultats
bans-hide-posts = Amaga també tot el que ha escrit en aquest espai
invite-title = Invitació
invite-expires = El codi val fins al { $when }.
invite-no-expiry = El codi no caduca.
invite-uses-of = Fet servir { $used } de { $max } vegades.
invite-uses = Fet servir { $used } vegades.
invite-days = Dies que val el codi nou (buit: sense límit)
invite-max-uses = Quantes persones s’hi poden unir (buit: sense límit)
invite-rotate = Crea un codi nou (l’anterior deixa de valer)
members-remove = Treu
members-remove-person = Treu { $name } de l’espai
reports-resolve-page = Marca com a ateses totes les denúncies d’aquesta pàgina
reports-more = Denúncies anteriors
security-link = Contrasenya i navegadors amb la sessió iniciada
security-title = Contrasenya i sessions
password-title = Canvia la contrasenya
field-current-password = Contrasenya actual
field-new-password = Contrasenya nova
password-help = Com a mínim 8 caràcters. En canviar-la es tanquen les altres sessions.
password-submit = Canvia la contrasenya
password-changed = La contrasenya ha canviat. S’han tancat les sessions dels altres navegadors.
sessions-title = On tens la sessió iniciada
session-current = Aquest navegador
session-started = Sessió iniciada
session-last-seen = últim ús
session-unknown-browser = Navegador desconegut
session-end = Tanca aquella sessió
sessions-end-all = Tanca la sessió a tot arreu (també aquí)

# Notifications
nav-notifications = Notificacions
nav-notifications-unread = { $count ->
        [0] Notificacions, cap per llegir
        [one] Notificacions, { $count } per llegir
       *[other] Notificacions, { $count } per llegir
    }
notifications-title = Notificacions
notifications-empty = Encara res. Aquí apareixen les respostes als teus fils, les mencions i el que facin els moderadors amb els teus missatges.
notifications-mark-all = Marca-ho tot com a llegit
notifications-older = Anteriors
notification-someone = Algú
notification-reply = { $actor } ha respost a «{ $thread }»
notification-mention = { $actor } t’ha esmentat a «{ $thread }»
notification-quote = { $actor } t’ha citat a «{ $thread }»
notification-post-hidden = { $actor } ha amagat el teu missatge a «{ $thread }»
notification-post-unhidden = { $actor } ha tornat a mostrar el teu missatge a «{ $thread }»
notification-report = { $actor } ha denunciat un missatge a «{ $thread }»
notification-member-joined = { $actor } s’ha unit a { $space }
notification-reason = Motiu: { $reason }
notification-original = Encara sense traduir: original en { $language }
notification-hidden-since = Amagat des d’aleshores
notification-deleted-since = Suprimit des d’aleshores
watch-label = Avisa’m de
watch-watching = cada resposta
watch-normal = només mencions i cites
watch-muted = res (silenciat)
watch-save = Desa
mention-suggestions = Persones d’aquest espai

## Glossary and corrections (issue 14)
glossary-title = Glossari
glossary-intro = Noms i termes que la traducció ha de respectar en aquest espai. Un terme sense traducció no es tradueix mai: fes-lo servir per als noms. Un terme amb traducció sempre es converteix en aquest text per a qui llegeix en aquella llengua. Un terme escrit en minúscules coincideix sense tenir en compte les majúscules; un terme amb majúscula només coincideix tal com està escrit.
glossary-term = Terme
glossary-written-in = Llengua del terme
glossary-any-language = Qualsevol llengua
glossary-translate-to = Llengua de destinació
glossary-never = No traduir mai
glossary-translation = Traducció
glossary-save = Desa el glossari
glossary-saved = S’ha desat el glossari. Els missatges que fan servir un terme modificat s’estan tornant a traduir.
corrections-title = Correccions
corrections-intro = Frases que els lectors han marcat com a mal traduïdes. Una correcció que aprovis substitueix la traducció automàtica d’aquesta frase arreu d’aquest espai.
corrections-flags = Frases marcades
corrections-none-flagged = No hi ha cap frase marcada.
corrections-original = Original
corrections-machine = Traducció automàtica
corrections-suggestion = Suggeriment
corrections-flagged-by = Marcada per @{ $handle }
corrections-your-translation = Traducció correcta
corrections-approve = Aprova la correcció
corrections-dismiss = Descarta
corrections-approved = Correccions en ús
corrections-none = Encara no hi ha cap correcció.
corrections-revoke = Revoca
corrections-approved-by = aprovada per @{ $handle }
translation-corrected = Corregida per un docent
translation-flag = Traducció incorrecta?
sentences-title = La traducció, frase per frase
sentences-intro = Marca una frase que estigui mal traduïda. Els teus docents la veuen al costat de l’original i la poden corregir per a tothom.
sentences-flag = Aquesta frase està mal traduïda
sentences-flag-submit = Envia-ho al professorat
sentences-flagged = Gràcies. Els teus docents s’ho miraran.
sentences-none = Aquesta publicació encara no té cap traducció ({ $language }).
