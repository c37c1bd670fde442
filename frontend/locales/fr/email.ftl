# Les e-mails de notification et leurs pages.

## Les messages

email-greeting = Bonjour { $name },
email-digest-intro = { $count ->
    [one] Voici ce qui s’est passé sur Pontis depuis votre dernier résumé :
   *[other] Voici { $count } choses qui se sont passées sur Pontis depuis votre dernier résumé :
}
email-digest-subject = { $count ->
    [one] Votre résumé Pontis : 1 notification
   *[other] Votre résumé Pontis : { $count } notifications
}
email-headline-reply = { $actor } a répondu dans « { $thread } »
email-headline-mention = { $actor } vous a mentionné dans « { $thread } »
email-headline-quote = { $actor } a cité votre message dans « { $thread } »
email-headline-post-hidden = Un modérateur a masqué votre message dans « { $thread } »
email-headline-post-unhidden = Un modérateur a de nouveau affiché votre message dans « { $thread } »
email-headline-report = { $actor } a signalé un message dans « { $thread } »
email-headline-member-joined = { $actor } a rejoint { $space }
email-someone = Quelqu’un
email-reason = Motif : { $reason }
email-original-in = Original, en { $language }.
email-translation-late = La traduction n’était pas encore prête.
email-translated = Traduit automatiquement.
email-open = L’ouvrir sur Pontis
email-why = Vous recevez cet e-mail en raison de vos réglages de notification sur Pontis.
email-settings = Modifier vos réglages d’e-mail
email-unsubscribe = Se désabonner de tous les e-mails de Pontis
email-confirm-subject = Confirmez votre adresse e-mail pour Pontis
email-confirm-intro = Quelqu’un, sans doute vous, a demandé à Pontis d’envoyer les notifications de @{ $handle } à { $address }.
email-confirm-action = Pour confirmer, ouvrez ce lien et appuyez sur le bouton (il reste valable 7 jours) :
email-confirm-ignore = Si vous n’avez rien demandé, ignorez cet e-mail : Pontis n’écrira plus à cette adresse.

## Les réglages d’e-mail du profil

email-settings-title = Notifications par e-mail
email-not-available = L’e-mail n’est pas configuré sur ce serveur : les notifications ne s’affichent que dans Pontis.
email-address-label = Adresse e-mail
email-address-help = Pontis envoie d’abord un lien à cette adresse ; rien d’autre n’y part tant que vous ne l’avez pas ouvert. Laissez vide pour ne recevoir aucun e-mail.
email-address-pending = En attente de l’ouverture du lien envoyé à { $address }.
email-mode-label = Envoyer un e-mail
email-mode-off = Jamais
email-mode-immediate = Tout de suite, pour chaque notification
email-mode-digest = Une fois par jour, sous forme de résumé
email-kinds-legend = M’écrire au sujet de
email-kind-reply = Réponses dans les fils que je suis
email-kind-mention = Mentions de moi
email-kind-quote = Citations de mes messages
email-kind-post-hidden = Un modérateur qui masque mon message
email-kind-post-unhidden = Un modérateur qui affiche de nouveau mon message
email-kind-report = Nouveaux signalements (enseignants et propriétaires)
email-kind-member-joined = Nouveaux membres (propriétaires)
email-settings-submit = Enregistrer les réglages d’e-mail
email-settings-saved = Réglages d’e-mail enregistrés.

## Se désabonner et confirmer, depuis un lien dans un e-mail

unsubscribe-title = Se désabonner des e-mails
unsubscribe-question = Ne plus envoyer aucun e-mail de Pontis à @{ $handle } ?
unsubscribe-submit = Se désabonner
unsubscribe-done = C’est fait : Pontis n’envoie plus d’e-mail à @{ $handle }. Vous pouvez les réactiver dans votre profil.
unsubscribe-unknown = Ce lien de désabonnement n’est pas valable. Il vient peut-être d’un e-mail envoyé à une adresse qui a changé depuis.
confirm-email-title = Confirmez votre adresse e-mail
confirm-email-question = Envoyer les notifications de @{ $handle } à { $address } ?
confirm-email-submit = Confirmer
confirm-email-done = Confirmé : les notifications de @{ $handle } partent désormais à { $address }.
confirm-email-unknown = Ce lien de confirmation n’est plus valable. Les liens restent valables 7 jours, et seul le plus récent compte.
