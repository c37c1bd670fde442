# Os e-mails de notificação e suas páginas.

## As mensagens

email-greeting = Olá, { $name },
email-digest-intro = { $count ->
    [one] Veja o que aconteceu no Pontis desde o seu último resumo:
   *[other] Veja as { $count } coisas que aconteceram no Pontis desde o seu último resumo:
}
email-digest-subject = { $count ->
    [one] Seu resumo do Pontis: 1 notificação
   *[other] Seu resumo do Pontis: { $count } notificações
}
email-headline-reply = { $actor } respondeu em “{ $thread }”
email-headline-mention = { $actor } mencionou você em “{ $thread }”
email-headline-quote = { $actor } citou sua mensagem em “{ $thread }”
email-headline-post-hidden = Um moderador ocultou sua mensagem em “{ $thread }”
email-headline-post-unhidden = Um moderador voltou a mostrar sua mensagem em “{ $thread }”
email-headline-report = { $actor } denunciou uma mensagem em “{ $thread }”
email-headline-member-joined = { $actor } entrou em { $space }
email-someone = Alguém
email-reason = Motivo: { $reason }
email-original-in = Original, em { $language }.
email-translation-late = A tradução ainda não estava pronta.
email-translated = Traduzido automaticamente.
email-open = Abrir no Pontis
email-why = Você recebe este e-mail por causa das suas configurações de notificação no Pontis.
email-settings = Alterar as configurações de e-mail
email-unsubscribe = Cancelar todos os e-mails do Pontis
email-confirm-subject = Confirme seu endereço de e-mail para o Pontis
email-confirm-intro = Alguém, provavelmente você, pediu ao Pontis que enviasse as notificações de @{ $handle } para { $address }.
email-confirm-action = Para confirmar, abra este link e aperte o botão (ele vale por 7 dias):
email-confirm-ignore = Se você não pediu isso, ignore este e-mail: o Pontis não escreverá de novo para este endereço.

## As configurações de e-mail do perfil

email-settings-title = Notificações por e-mail
email-not-available = O e-mail não está configurado neste servidor: as notificações aparecem só no Pontis.
email-address-label = Endereço de e-mail
email-address-help = O Pontis envia primeiro um link para este endereço; nada mais vai para lá até você abri-lo. Deixe vazio para não receber nenhum e-mail.
email-address-pending = Esperando você abrir o link enviado para { $address }.
email-mode-label = Enviar e-mail
email-mode-off = Nunca
email-mode-immediate = Na hora, para cada notificação
email-mode-digest = Uma vez por dia, como resumo
email-kinds-legend = Avisar-me por e-mail sobre
email-kind-reply = Respostas nos tópicos que sigo
email-kind-mention = Menções a mim
email-kind-quote = Citações das minhas mensagens
email-kind-post-hidden = Um moderador ocultar minha mensagem
email-kind-post-unhidden = Um moderador voltar a mostrar minha mensagem
email-kind-report = Novas denúncias (professores e proprietários)
email-kind-member-joined = Novos membros (proprietários)
email-settings-submit = Salvar as configurações de e-mail
email-settings-saved = Configurações de e-mail salvas.

## Cancelar e confirmar, a partir de um link em um e-mail

unsubscribe-title = Cancelar os e-mails
unsubscribe-question = Parar de enviar todos os e-mails do Pontis para @{ $handle }?
unsubscribe-submit = Cancelar os e-mails
unsubscribe-done = Pronto: o Pontis não envia mais e-mails para @{ $handle }. Você pode reativá-los no seu perfil.
unsubscribe-unknown = Este link de cancelamento não é válido. Talvez venha de um e-mail para um endereço que mudou depois.
confirm-email-title = Confirme seu endereço de e-mail
confirm-email-question = Enviar as notificações de @{ $handle } para { $address }?
confirm-email-submit = Confirmar
confirm-email-done = Confirmado: as notificações de @{ $handle } agora vão para { $address }.
confirm-email-unknown = Este link de confirmação não é mais válido. Os links valem por 7 dias, e só o mais recente.
