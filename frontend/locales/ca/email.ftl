# Els correus de notificació i les seves pàgines.

## Els missatges

email-greeting = Hola, { $name }:
email-digest-intro = { $count ->
    [one] Això és el que ha passat a Pontis des del teu darrer resum:
   *[other] Aquestes són { $count } coses que han passat a Pontis des del teu darrer resum:
}
email-digest-subject = { $count ->
    [one] El teu resum de Pontis: 1 notificació
   *[other] El teu resum de Pontis: { $count } notificacions
}
email-headline-reply = { $actor } ha respost a «{ $thread }»
email-headline-mention = { $actor } t’ha esmentat a «{ $thread }»
email-headline-quote = { $actor } ha citat el teu missatge a «{ $thread }»
email-headline-post-hidden = Un moderador ha amagat el teu missatge a «{ $thread }»
email-headline-post-unhidden = Un moderador ha tornat a mostrar el teu missatge a «{ $thread }»
email-headline-report = { $actor } ha denunciat un missatge a «{ $thread }»
email-headline-member-joined = { $actor } s’ha unit a { $space }
email-someone = Algú
email-reason = Motiu: { $reason }
email-original-in = Original, en { $language }.
email-translation-late = La traducció encara no estava a punt.
email-translated = Traduït automàticament.
email-open = Obre-ho a Pontis
email-why = Reps aquest correu per la teva configuració de notificacions a Pontis.
email-settings = Canvia la configuració del correu
email-unsubscribe = Dona’t de baixa de tot el correu de Pontis
email-confirm-subject = Confirma la teva adreça electrònica per a Pontis
email-confirm-intro = Algú, probablement tu, ha demanat a Pontis que enviï les notificacions de @{ $handle } a { $address }.
email-confirm-action = Per confirmar-ho, obre aquest enllaç i prem el botó (funciona durant 7 dies):
email-confirm-ignore = Si no ho has demanat, ignora aquest correu: Pontis no tornarà a escriure a aquesta adreça.

## La configuració del correu al perfil

email-settings-title = Notificacions per correu
email-not-available = El correu no està configurat en aquest servidor: les notificacions només es veuen a Pontis.
email-address-label = Adreça electrònica
email-address-help = Pontis envia primer un enllaç a aquesta adreça; no hi envia res més fins que l’obris. Deixa-la buida per no rebre cap correu.
email-address-pending = Esperant que obris l’enllaç enviat a { $address }.
email-mode-label = Envia correu
email-mode-off = Mai
email-mode-immediate = De seguida, per cada notificació
email-mode-digest = Un cop al dia, com a resum
email-kinds-legend = Avisa’m per correu de
email-kind-reply = Respostes als fils que segueixo
email-kind-mention = Mencions meves
email-kind-quote = Cites dels meus missatges
email-kind-post-hidden = Que un moderador amagui el meu missatge
email-kind-post-unhidden = Que un moderador torni a mostrar el meu missatge
email-kind-report = Denúncies noves (docents i propietaris)
email-kind-member-joined = Membres nous (propietaris)
email-settings-submit = Desa la configuració del correu
email-settings-saved = S’ha desat la configuració del correu.

## Donar-se de baixa i confirmar, des d’un enllaç d’un correu

unsubscribe-title = Dona’t de baixa del correu
unsubscribe-question = Vols deixar d’enviar tot el correu de Pontis a @{ $handle }?
unsubscribe-submit = Dona’t de baixa
unsubscribe-done = Fet: Pontis ja no envia correu a @{ $handle }. Pots tornar-lo a activar al teu perfil.
unsubscribe-unknown = Aquest enllaç de baixa no és vàlid. Potser ve d’un correu a una adreça que ha canviat des d’aleshores.
confirm-email-title = Confirma la teva adreça electrònica
confirm-email-question = Vols enviar les notificacions de @{ $handle } a { $address }?
confirm-email-submit = Confirma
confirm-email-done = Confirmat: les notificacions de @{ $handle } ara van a { $address }.
confirm-email-unknown = Aquest enllaç de confirmació ja no és vàlid. Els enllaços funcionen durant 7 dies, i només el més recent.
