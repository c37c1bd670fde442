locale-name = Português (Brasil)
date-time = { $day } de { $month ->
        [1] jan.
        [2] fev.
        [3] mar.
        [4] abr.
        [5] mai.
        [6] jun.
        [7] jul.
        [8] ago.
        [9] set.
        [10] out.
        [11] nov.
       *[12] dez.
    } de { $year }, { $time }

lang-ar = árabe
lang-ca = catalão
lang-de = alemão
lang-en = inglês
lang-es = espanhol
lang-fr = francês
lang-it = italiano
lang-ja = japonês
lang-ko = coreano
lang-pt = português
lang-uk = ucraniano
lang-zh = chinês

nav-skip = Pular para o conteúdo
nav-label = Principal
nav-spaces = Meus espaços
nav-profile = Perfil
nav-admin = Administração
nav-logout = Sair
nav-login = Entrar
nav-signup = Cadastrar-se
nav-search = Pesquisar
footer-language = Idioma
footer-apply = Mudar
footer-tagline = Pontis: um fórum onde cada estudante lê e escreve no próprio idioma.
more-items = Mais
back-to-thread = Voltar ao tópico

error-page-title = Algo deu errado
error-page-home = Ir para a página inicial

landing-title = Converse com escolas do mundo todo, cada um no seu idioma
landing-lead = O Pontis traduz cada mensagem para o idioma de quem lê, com o original a um clique.

login-title = Entrar
login-submit = Entrar
login-no-account = É novo por aqui?
signup-title = Crie sua conta
signup-submit = Cadastrar-se

field-handle = Nome de usuário
field-handle-help = De 3 a 32 caracteres: letras minúsculas, números e sublinhados.
field-display-name = Nome exibido aos outros
field-password = Senha
field-first-language = Seu primeiro idioma
field-other-language = Outro idioma que você lê
field-none = Nenhum
field-title = Título
field-body = Mensagem
field-body-help = Você pode usar Markdown: **negrito**, *itálico*, [links](https://example.org), listas.
field-post-language = Idioma da sua mensagem
field-language-detect = Detectar automaticamente
field-reason = Motivo
field-space-name = Nome do espaço
field-space-address = Endereço do espaço
field-space-address-help = De 3 a 48 caracteres: letras minúsculas, números e hifens.
field-description = Descrição
field-visibility = Quem pode ler
field-invite-code = Código de convite
field-ui-language = Idioma da interface
field-languages-read = Idiomas que leio
field-languages-read-help = Seu primeiro idioma primeiro. Mensagens nesses idiomas aparecem como foram escritas; as demais são traduzidas para o seu primeiro idioma.
field-language-slot = { $number ->
        [1] Primeiro idioma
        [2] Segundo idioma
       *[other] Idioma { $number }
    }

visibility-members-only = Somente membros (com o código de convite)
visibility-public = Todas as pessoas conectadas

home-title = Meus espaços
home-empty = Você ainda não entrou em nenhum espaço. Peça ao seu professor o endereço do espaço e o código de convite.
member-count = { $count ->
        [one] { $count } membro
       *[other] { $count } membros
    }
join-title = Entrar em um espaço
join-submit = Entrar
space-new-title = Criar um espaço
space-new-submit = Criar o espaço

space-nav-label = Seções do espaço
space-threads = Tópicos
space-invite-code = Código de convite para novos membros:
space-empty = Ainda não há tópicos. Comece o primeiro!
thread-unread = Mensagens novas
thread-pinned = Fixado
thread-locked = Trancado
thread-hidden = Oculto
post-count = { $count ->
        [one] { $count } mensagem
       *[other] { $count } mensagens
    }

thread-new-title = Novo tópico
thread-new-submit = Publicar o tópico
thread-posts = Mensagens
thread-pin = Fixar
thread-unpin = Desafixar
thread-lock = Trancar
thread-unlock = Destrancar
thread-locked-note = Este tópico está trancado: só professores podem responder.
reply-title = Sua resposta
reply-submit = Enviar resposta

translated-from = Traduzido do { $language }
show-original = Ver original
show-all-originals = Ver todos os originais
hide-all-originals = Ocultar os originais
translation-pending = Traduzindo para o { $language }…
translation-stale = Esta tradução é de uma versão anterior; a nova está a caminho.
translation-unavailable = Ainda não há tradução para o { $language }.
original-in = Original ({ $language })
translation-in = Tradução ({ $language })
you-read-this-language = Você lê este idioma.

post-edited = editado
post-deleted = Esta mensagem foi excluída.
post-hidden-mark = Ocultado por um professor
post-quote = Citar
post-edit = Editar
post-hide = Ocultar
post-unhide = Mostrar de novo
post-report = Denunciar
post-report-submit = Enviar denúncia
compose-language-confirm = Não conseguimos saber com certeza em que idioma você escreveu. Confira o idioma abaixo e envie de novo.
post-language = Escrito em { $language }
post-language-fix = Esta publicação está escrita em
post-language-submit = Alterar
post-wrong-language = Não está escrito em { $language }?
post-wrong-language-reason = Esta publicação não está escrita em { $language }.
post-edit-title = Editar sua mensagem
post-edit-submit = Salvar alterações
history-title = Histórico de edições
history-revision = Versão { $number }

profile-title = Perfil
profile-submit = Salvar
profile-saved = Seu perfil foi salvo.

reports-title = Denúncias
reports-empty = Nenhuma denúncia em aberto.
report-by = { $reporter } denunciou uma mensagem de { $author }
report-open-thread = Abrir no tópico
report-resolve = Marcar como resolvida
hidden-title = Mensagens ocultas
hidden-empty = Nenhuma mensagem oculta.
bans-title = Banimentos
bans-empty = Ninguém está banido.
bans-until = Até
bans-by = Banido por
bans-forever = Para sempre
bans-unban = Remover banimento
bans-new = Banir alguém
bans-days = Dias
bans-days-help = Deixe em branco para banir para sempre.
bans-submit = Banir
modlog-title = Registro de moderação
modlog-empty = Nada foi moderado ainda.
modlog-when = Quando
modlog-moderator = Moderador
modlog-action = Ação
modlog-target = Sobre
modlog-action-name = { $action ->
        [lock_thread] Trancou um tópico
        [unlock_thread] Destrancou um tópico
        [pin_thread] Fixou um tópico
        [unpin_thread] Desafixou um tópico
        [hide_thread] Ocultou um tópico
        [unhide_thread] Mostrou um tópico de novo
        [hide_post] Ocultou uma mensagem
        [unhide_post] Mostrou uma mensagem de novo
        [edit_post] Editou uma mensagem
        [delete_post] Excluiu uma mensagem
        [resolve_report] Resolveu uma denúncia
        [ban] Baniu
        [unban] Removeu um banimento
        [remove_member] Removeu um membro
        [rotate_invite] Criou um novo código de convite
        [update_space] Mudou quem pode ler o espaço
       *[change_role] Mudou uma função
    }
members-title = Membros
members-person = Pessoa
members-languages = Lê
members-role = Função
members-save = Salvar
role-student = Estudante
role-teacher = Professor
role-owner = Proprietário

admin-translation-title = Fila de tradução
admin-models-title = Modelos instalados
admin-workers = Workers remotos
admin-workers-in-process = Nenhum worker remoto; o servidor traduz sozinho.
admin-worker-name = Nome
admin-created = Criado
admin-last-seen = Última atividade
admin-jobs = Últimas tarefas
admin-jobs-empty = A fila está vazia.
admin-job-source = Texto
admin-job-languages = Idiomas
admin-job-state = Estado
admin-job-attempts = Tentativas
admin-job-retry = Tentar de novo
admin-job-updated = Atualizado
admin-guards = Verificações de qualidade
admin-guards-help = Uma tradução que se repete, sai vazia ou é desproporcional ao original não é salva: o texto é traduzido de novo pela próxima rota e, se ela também falhar, a falha fica visível.
admin-guards-none = Nenhuma tradução foi rejeitada.
admin-guard-model = Modelo
admin-guard = Verificação
admin-guard-hits = Rejeitadas
admin-guard-last = Última
guard-empty = Saída vazia
guard-looping = Repetição
guard-out_of_proportion = Desproporção
admin-model-engine = Mecanismo
admin-model-name = Modelo
admin-models-empty = Nenhum modelo de tradução instalado.
admin-models-problems = Modelos que não puderam ser carregados
admin-models-routes = Rotas entre os idiomas que seus membros leem
admin-models-routes-help = Cada célula diz por quantos motores uma postagem no idioma da linha chega a quem lê o da coluna: 1 diretamente, 2 ou 3 por outros idiomas; — onde nada chega ainda.
admin-models-gaps = Ainda sem rota
admin-models-gap = { $language }, a partir de { $sources }
admin-models-suggest = Para ver os pacotes que fechariam essas lacunas, execute:

search-title = Busca
search-label = Buscar publicações em todos os idiomas
search-submit = Buscar
search-count = { $count ->
        [one] Uma publicação encontrada
       *[other] { $count } publicações encontradas
    }
search-none = Nenhuma publicação corresponde a “{ $query }”.
search-matched-body = encontrado no texto em { $language }
search-matched-title = encontrado no título em { $language }
search-more = Mais resultados
bans-hide-posts = Ocultar também tudo o que a pessoa escreveu neste espaço
invite-title = Convite
invite-expires = O código vale até { $when }.
invite-no-expiry = O código não expira.
invite-uses-of = Usado { $used } de { $max } vezes.
invite-uses = Usado { $used } vezes.
invite-days = Dias de validade do novo código (vazio: sem limite)
invite-max-uses = Quantas pessoas podem entrar com ele (vazio: sem limite)
invite-rotate = Criar um novo código (o antigo deixa de valer)
members-remove = Remover
members-remove-person = Remover { $name } do espaço
reports-resolve-page = Marcar todas as denúncias desta página como tratadas
reports-more = Denúncias anteriores
security-link = Senha e navegadores conectados
security-title = Senha e sessões
password-title = Mudar a senha
field-current-password = Senha atual
field-new-password = Nova senha
password-help = Pelo menos 8 caracteres. Ao mudá-la, você sai de todos os outros lugares.
password-submit = Mudar a senha
password-changed = Sua senha foi alterada. Todos os outros navegadores foram desconectados.
sessions-title = Onde você está conectado
session-current = Este navegador
session-started = Entrou em
session-last-seen = último uso
session-unknown-browser = Navegador desconhecido
session-end = Sair de lá
sessions-end-all = Sair de todos os lugares (daqui também)

# Notifications
nav-notifications = Notificações
nav-notifications-unread = { $count ->
        [0] Notificações, nenhuma não lida
        [one] Notificações, { $count } não lida
       *[other] Notificações, { $count } não lidas
    }
notifications-title = Notificações
notifications-empty = Nada ainda. Aqui aparecem as respostas nos seus tópicos, as menções a você e as ações dos moderadores nas suas mensagens.
notifications-mark-all = Marcar tudo como lido
notifications-older = Anteriores
notification-someone = Alguém
notification-reply = { $actor } respondeu em “{ $thread }”
notification-mention = { $actor } mencionou você em “{ $thread }”
notification-quote = { $actor } citou você em “{ $thread }”
notification-post-hidden = { $actor } ocultou sua mensagem em “{ $thread }”
notification-post-unhidden = { $actor } voltou a mostrar sua mensagem em “{ $thread }”
notification-report = { $actor } denunciou uma mensagem em “{ $thread }”
notification-member-joined = { $actor } entrou em { $space }
notification-reason = Motivo: { $reason }
notification-original = Ainda não traduzido: original em { $language }
notification-hidden-since = Oculta desde então
notification-deleted-since = Excluída desde então
watch-label = Avisar-me de
watch-watching = cada resposta
watch-normal = só menções e citações
watch-muted = nada (silenciado)
watch-save = Salvar
mention-suggestions = Pessoas deste espaço

## Glossary and corrections (issue 14)
glossary-title = Glossário
glossary-intro = Nomes e termos que a tradução deve respeitar neste espaço. Um termo sem tradução nunca é traduzido: use isso para nomes. Um termo com tradução sempre vira esse texto para quem lê nesse idioma. Um termo escrito em minúsculas corresponde independentemente de maiúsculas e minúsculas; um termo com letra maiúscula só corresponde exatamente como está escrito.
glossary-term = Termo
glossary-written-in = Idioma do termo
glossary-any-language = Qualquer idioma
glossary-translate-to = Idioma de destino
glossary-never = Nunca traduzir
glossary-translation = Tradução
glossary-save = Salvar o glossário
glossary-saved = Glossário salvo. As mensagens que usam um termo alterado estão sendo traduzidas de novo.
corrections-title = Correções
corrections-intro = Frases que os leitores marcaram como mal traduzidas. Uma correção que você aprovar substitui a tradução automática dessa frase em todo este espaço.
corrections-flags = Frases marcadas
corrections-none-flagged = Nenhuma frase marcada.
corrections-original = Original
corrections-machine = Tradução automática
corrections-suggestion = Sugestão
corrections-flagged-by = Marcada por @{ $handle }
corrections-your-translation = Tradução correta
corrections-approve = Aprovar a correção
corrections-dismiss = Descartar
corrections-approved = Correções em uso
corrections-none = Nenhuma correção ainda.
corrections-revoke = Revogar
corrections-approved-by = aprovada por @{ $handle }
translation-corrected = Corrigida por um professor
translation-flag = Tradução errada?
sentences-title = A tradução, frase por frase
sentences-intro = Marque uma frase que esteja mal traduzida. Seus professores a veem ao lado do original e podem corrigi-la para todos.
sentences-flag = Esta frase está mal traduzida
sentences-flag-submit = Enviar aos professores
sentences-flagged = Obrigado! Seus professores vão dar uma olhada.
sentences-none = Esta publicação ainda não tem tradução para o { $language }.
