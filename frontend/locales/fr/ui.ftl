locale-name = Français
date-time = { $day } { $month ->
        [1] janv.
        [2] févr.
        [3] mars
        [4] avr.
        [5] mai
        [6] juin
        [7] juil.
        [8] août
        [9] sept.
        [10] oct.
        [11] nov.
       *[12] déc.
    } { $year } à { $time }

lang-ar = arabe
lang-ca = catalan
lang-de = allemand
lang-en = anglais
lang-es = espagnol
lang-fr = français
lang-it = italien
lang-ja = japonais
lang-ko = coréen
lang-pt = portugais
lang-uk = ukrainien
lang-zh = chinois

nav-skip = Aller au contenu
nav-label = Principal
nav-spaces = Mes espaces
nav-profile = Profil
nav-admin = Administration
nav-logout = Se déconnecter
nav-login = Se connecter
nav-signup = S’inscrire
nav-search = Rechercher
footer-language = Langue
footer-apply = Changer
footer-tagline = Pontis, un forum où chaque élève lit et écrit dans sa propre langue.
more-items = Plus
back-to-thread = Retour à la discussion

error-page-title = Quelque chose ne va pas
error-page-home = Aller à la page d’accueil

landing-title = Échangez avec des écoles du monde entier, chacun dans sa langue
landing-lead = Pontis traduit chaque message dans la langue de la personne qui le lit, avec l’original à portée de clic.

login-title = Connexion
login-submit = Se connecter
login-no-account = Nouveau ici ?
signup-title = Créer votre compte
signup-submit = S’inscrire

field-handle = Nom d’utilisateur
field-handle-help = De 3 à 32 caractères : lettres minuscules, chiffres et tirets bas.
field-display-name = Nom affiché
field-password = Mot de passe
field-first-language = Votre langue maternelle
field-other-language = Une autre langue que vous lisez
field-none = Aucune
field-title = Titre
field-body = Message
field-body-help = Vous pouvez utiliser Markdown : **gras**, *italique*, [liens](https://example.org), listes.
field-post-language = Langue de votre message
field-language-detect = Détecter automatiquement
field-reason = Motif
field-space-name = Nom de l’espace
field-space-address = Adresse de l’espace
field-space-address-help = De 3 à 48 caractères : lettres minuscules, chiffres et traits d’union.
field-description = Description
field-visibility = Qui peut le lire
field-invite-code = Code d’invitation
field-ui-language = Langue de l’interface
field-languages-read = Langues que je lis
field-languages-read-help = Votre langue maternelle d’abord. Les messages dans ces langues s’affichent tels quels ; les autres sont traduits dans votre première langue.
field-language-slot = { $number ->
        [1] Première langue
        [2] Deuxième langue
       *[other] Langue { $number }
    }

visibility-members-only = Membres seulement (avec le code d’invitation)
visibility-public = Toutes les personnes connectées

home-title = Mes espaces
home-empty = Vous n’avez encore rejoint aucun espace. Demandez à votre enseignant l’adresse de l’espace et le code d’invitation.
member-count = { $count ->
        [one] { $count } membre
       *[other] { $count } membres
    }
join-title = Rejoindre un espace
join-submit = Rejoindre
space-new-title = Créer un espace
space-new-submit = Créer l’espace

space-nav-label = Sections de l’espace
space-threads = Discussions
space-invite-code = Code d’invitation pour les nouveaux membres :
space-empty = Pas encore de discussion. Lancez la première !
thread-unread = Nouveaux messages
thread-pinned = Épinglée
thread-locked = Verrouillée
thread-hidden = Masquée
post-count = { $count ->
        [one] { $count } message
       *[other] { $count } messages
    }

thread-new-title = Nouvelle discussion
thread-new-submit = Lancer la discussion
thread-posts = Messages
thread-pin = Épingler
thread-unpin = Désépingler
thread-lock = Verrouiller
thread-unlock = Déverrouiller
thread-locked-note = Cette discussion est verrouillée : seuls les enseignants peuvent répondre.
reply-title = Votre réponse
reply-submit = Envoyer la réponse

translated-from = Traduit (original en { $language })
show-original = Voir l’original
show-all-originals = Voir tous les originaux
hide-all-originals = Masquer les originaux
translation-pending = Traduction en cours ({ $language })…
translation-stale = Cette traduction porte sur une version précédente ; la nouvelle arrive.
translation-unavailable = Aucune traduction vers la langue « { $language } » pour l’instant.
original-in = Original ({ $language })
translation-in = Traduction ({ $language })
you-read-this-language = Vous lisez cette langue.

post-edited = modifié
post-deleted = Ce message a été supprimé.
post-hidden-mark = Masqué par un enseignant
post-quote = Citer
post-edit = Modifier
post-hide = Masquer
post-unhide = Afficher à nouveau
post-report = Signaler
post-report-submit = Envoyer le signalement
compose-language-confirm = Nous n’avons pas pu déterminer avec certitude la langue de ton message. Vérifie la langue ci-dessous et envoie à nouveau.
post-language = Écrit en { $language }
post-language-fix = Ce message est écrit en
post-language-submit = Changer
post-wrong-language = Pas écrit en { $language } ?
post-wrong-language-reason = Ce message n’est pas écrit en { $language }.
post-edit-title = Modifier votre message
post-edit-submit = Enregistrer les modifications
history-title = Historique des modifications
history-revision = Version { $number }

profile-title = Profil
profile-submit = Enregistrer
profile-saved = Votre profil est enregistré.

reports-title = Signalements
reports-empty = Aucun signalement en attente.
report-by = { $reporter } a signalé un message de { $author }
report-open-thread = Ouvrir dans la discussion
report-resolve = Marquer comme traité
hidden-title = Messages masqués
hidden-empty = Aucun message masqué.
bans-title = Exclusions
bans-empty = Personne n’est exclu.
bans-until = Jusqu’au
bans-by = Exclu par
bans-forever = Définitivement
bans-unban = Lever l’exclusion
bans-new = Exclure quelqu’un
bans-days = Jours
bans-days-help = Laissez vide pour une exclusion définitive.
bans-submit = Exclure
modlog-title = Journal de modération
modlog-empty = Rien n’a encore été modéré.
modlog-when = Quand
modlog-moderator = Modérateur
modlog-action = Action
modlog-target = Concerne
modlog-action-name = { $action ->
        [lock_thread] A verrouillé une discussion
        [unlock_thread] A déverrouillé une discussion
        [pin_thread] A épinglé une discussion
        [unpin_thread] A désépinglé une discussion
        [hide_thread] A masqué une discussion
        [unhide_thread] A réaffiché une discussion
        [hide_post] A masqué un message
        [unhide_post] A réaffiché un message
        [edit_post] A modifié un message
        [delete_post] A supprimé un message
        [resolve_report] A traité un signalement
        [ban] A exclu
        [unban] A levé une exclusion
        [remove_member] A retiré un membre
        [rotate_invite] A créé un nouveau code d’invitation
        [update_space] A changé qui peut lire l’espace
       *[change_role] A changé un rôle
    }
members-title = Membres
members-person = Personne
members-languages = Lit
members-role = Rôle
members-save = Enregistrer
role-student = Élève
role-teacher = Enseignant
role-owner = Propriétaire

admin-translation-title = File de traduction
admin-models-title = Modèles installés
admin-workers = Workers distants
admin-workers-in-process = Aucun worker distant ; le serveur traduit lui-même.
admin-worker-name = Nom
admin-created = Créé
admin-last-seen = Dernière activité
admin-jobs = Dernières tâches
admin-jobs-empty = La file est vide.
admin-job-source = Texte
admin-job-languages = Langues
admin-job-state = État
admin-job-attempts = Tentatives
admin-job-retry = Réessayer
admin-job-updated = Mis à jour
admin-guards = Contrôles de qualité
admin-guards-help = Une traduction qui boucle, sort vide ou est sans proportion avec son original n’est pas enregistrée : le texte est retraduit par la route suivante, et l’échec reste visible si elle échoue aussi.
admin-guards-none = Aucune traduction n’a été rejetée.
admin-guard-model = Modèle
admin-guard = Contrôle
admin-guard-hits = Rejetées
admin-guard-last = Dernière
guard-empty = Sortie vide
guard-looping = Boucle
guard-out_of_proportion = Disproportion
admin-model-engine = Moteur
admin-model-name = Modèle
admin-models-empty = Aucun modèle de traduction n’est installé.
admin-models-problems = Modèles qui n’ont pas pu être chargés
admin-models-routes = Routes entre les langues que lisent vos membres
admin-models-routes-help = Chaque case indique par combien de moteurs passe un message dans la langue de la ligne pour atteindre un lecteur de celle de la colonne : 1 directement, 2 ou 3 par d’autres langues ; — là où rien n’arrive encore.
admin-models-gaps = Pas encore atteintes
admin-models-gap = { $language }, depuis { $sources }
admin-models-suggest = Pour voir les paquets qui combleraient ces manques, lancez :

search-title = Recherche
search-label = Rechercher des messages dans toutes les langues
search-submit = Rechercher
search-count = { $count ->
        [one] Un message trouvé
       *[other] { $count } messages trouvés
    }
search-none = Aucun message ne correspond à « { $query } ».
search-matched-body = trouvé dans le texte en { $language }
search-matched-title = trouvé dans le titre en { $language }
search-more = Plus de résultats
bans-hide-posts = Masquer aussi tout ce que cette personne a écrit dans cet espace
invite-title = Invitation
invite-expires = Le code est valable jusqu’au { $when }.
invite-no-expiry = Le code n’expire pas.
invite-uses-of = Utilisé { $used } fois sur { $max }.
invite-uses = Utilisé { $used } fois.
invite-days = Jours de validité du nouveau code (vide : sans limite)
invite-max-uses = Nombre de personnes pouvant rejoindre avec (vide : sans limite)
invite-rotate = Créer un nouveau code (l’ancien cesse de fonctionner)
members-remove = Retirer
members-remove-person = Retirer { $name } de l’espace
reports-resolve-page = Marquer tous les signalements de cette page comme traités
reports-more = Signalements plus anciens
security-link = Mot de passe et navigateurs connectés
security-title = Mot de passe et sessions
password-title = Changer de mot de passe
field-current-password = Mot de passe actuel
field-new-password = Nouveau mot de passe
password-help = Au moins 8 caractères. Le changer te déconnecte partout ailleurs.
password-submit = Changer le mot de passe
password-changed = Ton mot de passe est changé. Tous les autres navigateurs ont été déconnectés.
sessions-title = Où tu es connecté
session-current = Ce navigateur
session-started = Connecté le
session-last-seen = dernière utilisation
session-unknown-browser = Navigateur inconnu
session-end = Déconnecter
sessions-end-all = Se déconnecter partout (ici aussi)

# Notifications
nav-notifications = Notifications
nav-notifications-unread = { $count ->
        [0] Notifications, aucune non lue
        [one] Notifications, { $count } non lue
       *[other] Notifications, { $count } non lues
    }
notifications-title = Notifications
notifications-empty = Rien pour l’instant. Les réponses dans vos fils, les mentions et les actions des modérateurs sur vos messages apparaissent ici.
notifications-mark-all = Tout marquer comme lu
notifications-older = Plus anciennes
notification-someone = Quelqu’un
notification-reply = { $actor } a répondu dans « { $thread } »
notification-mention = { $actor } vous a mentionné dans « { $thread } »
notification-quote = { $actor } vous a cité dans « { $thread } »
notification-post-hidden = { $actor } a masqué votre message dans « { $thread } »
notification-post-unhidden = { $actor } a de nouveau affiché votre message dans « { $thread } »
notification-report = { $actor } a signalé un message dans « { $thread } »
notification-member-joined = { $actor } a rejoint { $space }
notification-reason = Motif : { $reason }
notification-original = Pas encore traduit : original en { $language }
notification-hidden-since = Masqué depuis
notification-deleted-since = Supprimé depuis
watch-label = Me prévenir de
watch-watching = chaque réponse
watch-normal = mentions et citations seulement
watch-muted = rien (en sourdine)
watch-save = Enregistrer
mention-suggestions = Personnes de cet espace

## Glossary and corrections (issue 14)
glossary-title = Glossaire
glossary-intro = Les noms et les termes que la traduction doit respecter dans cet espace. Un terme sans traduction n’est jamais traduit : utilisez-le pour les noms. Un terme avec une traduction devient toujours ce texte pour les lecteurs de cette langue. Un terme écrit en minuscules est reconnu quelle que soit la casse ; un terme avec une majuscule n’est reconnu que tel qu’il est écrit.
glossary-term = Terme
glossary-written-in = Langue du terme
glossary-any-language = N’importe quelle langue
glossary-translate-to = Langue cible
glossary-never = Ne jamais traduire
glossary-translation = Traduction
glossary-save = Enregistrer le glossaire
glossary-saved = Glossaire enregistré. Les messages qui utilisent un terme modifié sont en cours de retraduction.
corrections-title = Corrections
corrections-intro = Les phrases que des lecteurs ont signalées comme mal traduites. Une correction que vous approuvez remplace la traduction automatique de cette phrase partout dans cet espace.
corrections-flags = Phrases signalées
corrections-none-flagged = Aucune phrase n’est signalée.
corrections-original = Original
corrections-machine = Traduction automatique
corrections-suggestion = Suggestion
corrections-flagged-by = Signalée par @{ $handle }
corrections-your-translation = Traduction correcte
corrections-approve = Approuver la correction
corrections-dismiss = Ignorer
corrections-approved = Corrections en vigueur
corrections-none = Aucune correction pour l’instant.
corrections-revoke = Révoquer
corrections-approved-by = approuvée par @{ $handle }
translation-corrected = Corrigée par un enseignant
translation-flag = Traduction erronée ?
sentences-title = La traduction, phrase par phrase
sentences-intro = Signalez une phrase mal traduite. Vos enseignants la voient à côté de l’original et peuvent la corriger pour tout le monde.
sentences-flag = Cette phrase est mal traduite
sentences-flag-submit = Envoyer aux enseignants
sentences-flagged = Merci. Vos enseignants vont l’examiner.
sentences-none = Ce message n’a pas encore de traduction vers la langue « { $language } ».
