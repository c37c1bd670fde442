locale-name = Español
date-time = { $day } { $month ->
        [1] ene
        [2] feb
        [3] mar
        [4] abr
        [5] may
        [6] jun
        [7] jul
        [8] ago
        [9] sept
        [10] oct
        [11] nov
       *[12] dic
    } { $year }, { $time }

lang-ar = árabe
lang-ca = catalán
lang-de = alemán
lang-en = inglés
lang-es = español
lang-fr = francés
lang-it = italiano
lang-ja = japonés
lang-ko = coreano
lang-pt = portugués
lang-uk = ucraniano
lang-zh = chino

nav-skip = Saltar al contenido
nav-label = Principal
nav-spaces = Mis espacios
nav-profile = Perfil
nav-admin = Administración
nav-logout = Cerrar sesión
nav-login = Iniciar sesión
nav-signup = Registrarse
nav-search = Buscar
footer-language = Idioma
footer-apply = Cambiar
footer-tagline = Pontis: un foro donde cada estudiante lee y escribe en su propio idioma.
more-items = Más
back-to-thread = Volver al hilo

error-page-title = Algo no ha ido bien
error-page-home = Ir a la página de inicio

landing-title = Habla con escuelas de todo el mundo, cada cual en su idioma
landing-lead = Pontis traduce cada mensaje al idioma de quien lo lee, con el original a un clic.

login-title = Iniciar sesión
login-submit = Entrar
login-no-account = ¿Eres nuevo?
signup-title = Crea tu cuenta
signup-submit = Registrarse

field-handle = Nombre de usuario
field-handle-help = De 3 a 32 caracteres: letras minúsculas, cifras y guiones bajos.
field-display-name = Nombre visible para los demás
field-password = Contraseña
field-first-language = Tu primera lengua
field-other-language = Otro idioma que lees
field-none = Ninguno
field-title = Título
field-body = Mensaje
field-body-help = Puedes usar Markdown: **negrita**, *cursiva*, [enlaces](https://example.org), listas.
field-post-language = Idioma de tu mensaje
field-language-detect = Detectar automáticamente
field-reason = Motivo
field-space-name = Nombre del espacio
field-space-address = Dirección del espacio
field-space-address-help = De 3 a 48 caracteres: letras minúsculas, cifras y guiones.
field-description = Descripción
field-visibility = Quién puede leerlo
field-invite-code = Código de invitación
field-ui-language = Idioma de la interfaz
field-languages-read = Idiomas que leo
field-languages-read-help = Primero tu lengua materna. Los mensajes en estos idiomas se muestran tal como se escribieron; los demás se traducen a tu primera lengua.
field-language-slot = { $number ->
        [1] Primera lengua
        [2] Segunda lengua
       *[other] Idioma { $number }
    }

visibility-members-only = Solo miembros (con el código de invitación)
visibility-public = Todas las personas con sesión iniciada

home-title = Mis espacios
home-empty = Todavía no te has unido a ningún espacio. Pide a tu docente la dirección del espacio y el código de invitación.
member-count = { $count ->
        [one] { $count } miembro
       *[other] { $count } miembros
    }
join-title = Unirse a un espacio
join-submit = Unirse
space-new-title = Crear un espacio
space-new-submit = Crear el espacio

space-nav-label = Secciones del espacio
space-threads = Hilos
space-invite-code = Código de invitación para nuevos miembros:
space-empty = Aún no hay hilos. ¡Empieza el primero!
thread-unread = Mensajes nuevos
thread-pinned = Fijado
thread-locked = Cerrado
thread-hidden = Oculto
post-count = { $count ->
        [one] { $count } mensaje
       *[other] { $count } mensajes
    }

thread-new-title = Nuevo hilo
thread-new-submit = Publicar el hilo
thread-posts = Mensajes
thread-pin = Fijar
thread-unpin = Dejar de fijar
thread-lock = Cerrar
thread-unlock = Reabrir
thread-locked-note = Este hilo está cerrado: solo el profesorado puede responder.
reply-title = Tu respuesta
reply-submit = Enviar respuesta

translated-from = Traducido del { $language }
show-original = Ver original
show-all-originals = Ver todos los originales
hide-all-originals = Ocultar los originales
translation-pending = Traduciendo al { $language }…
translation-stale = Esta traducción corresponde a una versión anterior; la nueva está en camino.
translation-unavailable = Todavía no hay traducción al { $language }.
original-in = Original ({ $language })
translation-in = Traducción ({ $language })
you-read-this-language = Lees este idioma.

post-edited = editado
post-deleted = Este mensaje se ha eliminado.
post-hidden-mark = Ocultado por un docente
post-quote = Citar
post-edit = Editar
post-hide = Ocultar
post-unhide = Volver a mostrar
post-report = Denunciar
post-report-submit = Enviar denuncia
compose-language-confirm = No hemos podido saber con seguridad en qué idioma escribiste. Comprueba el idioma abajo y vuelve a enviar.
post-language = Escrito en { $language }
post-language-fix = Esta publicación está escrita en
post-language-submit = Cambiar
post-wrong-language = ¿No está escrito en { $language }?
post-wrong-language-reason = Esta publicación no está escrita en { $language }.
post-edit-title = Editar tu mensaje
post-edit-submit = Guardar cambios
history-title = Historial de cambios
history-revision = Versión { $number }

profile-title = Perfil
profile-submit = Guardar
profile-saved = Tu perfil se ha guardado.

reports-title = Denuncias
reports-empty = No hay denuncias abiertas.
report-by = { $reporter } ha denunciado un mensaje de { $author }
report-open-thread = Abrir en el hilo
report-resolve = Marcar como resuelta
hidden-title = Mensajes ocultos
hidden-empty = No hay mensajes ocultos.
bans-title = Expulsiones
bans-empty = No hay nadie expulsado.
bans-until = Hasta
bans-by = Expulsado por
bans-forever = Para siempre
bans-unban = Levantar la expulsión
bans-new = Expulsar a alguien
bans-days = Días
bans-days-help = Déjalo vacío para una expulsión definitiva.
bans-submit = Expulsar
modlog-title = Registro de moderación
modlog-empty = Todavía no se ha moderado nada.
modlog-when = Cuándo
modlog-moderator = Moderador
modlog-action = Acción
modlog-target = Sobre
modlog-action-name = { $action ->
        [lock_thread] Cerró un hilo
        [unlock_thread] Reabrió un hilo
        [pin_thread] Fijó un hilo
        [unpin_thread] Dejó de fijar un hilo
        [hide_thread] Ocultó un hilo
        [unhide_thread] Volvió a mostrar un hilo
        [hide_post] Ocultó un mensaje
        [unhide_post] Volvió a mostrar un mensaje
        [edit_post] Editó un mensaje
        [delete_post] Eliminó un mensaje
        [resolve_report] Resolvió una denuncia
        [ban] Expulsó
        [unban] Levantó una expulsión
        [remove_member] Quitó a un miembro
        [rotate_invite] Creó un código de invitación nuevo
        [update_space] Cambió quién puede leer el espacio
       *[change_role] Cambió un rol
    }
members-title = Miembros
members-person = Persona
members-languages = Lee
members-role = Rol
members-save = Guardar
role-student = Estudiante
role-teacher = Docente
role-owner = Propietario

admin-translation-title = Cola de traducción
admin-models-title = Modelos instalados
admin-workers = Trabajadores remotos
admin-workers-in-process = No hay trabajadores remotos; el servidor traduce por sí mismo.
admin-worker-name = Nombre
admin-created = Creado
admin-last-seen = Última actividad
admin-jobs = Últimas tareas
admin-jobs-empty = La cola está vacía.
admin-job-source = Texto
admin-job-languages = Idiomas
admin-job-state = Estado
admin-job-attempts = Intentos
admin-job-retry = Reintentar
admin-job-updated = Actualizado
admin-guards = Controles de calidad
admin-guards-help = Una traducción que se repite, sale vacía o es desproporcionada respecto a su original no se guarda: el texto se traduce de nuevo por la siguiente ruta y, si también falla, el fallo queda visible.
admin-guards-none = No se ha rechazado ninguna traducción.
admin-guard-model = Modelo
admin-guard = Control
admin-guard-hits = Rechazadas
admin-guard-last = Última
guard-empty = Salida vacía
guard-looping = Repetición
guard-out_of_proportion = Desproporción
admin-model-engine = Motor
admin-model-name = Modelo
admin-models-empty = No hay ningún modelo de traducción instalado.
admin-models-problems = Modelos que no se pudieron cargar
admin-models-routes = Rutas entre los idiomas que leen tus miembros
admin-models-routes-help = Cada celda indica por cuántos motores pasa una publicación en el idioma de la fila hasta un lector del de la columna: 1 directamente, 2 o 3 a través de otros idiomas; — donde aún no llega nada.
admin-models-gaps = Aún sin ruta
admin-models-gap = { $language }, desde { $sources }
admin-models-suggest = Para ver los paquetes que cerrarían estos huecos, ejecuta:

search-title = Buscar
search-label = Buscar publicaciones en todos los idiomas
search-submit = Buscar
search-count = { $count ->
        [one] Se encontró una publicación
       *[other] Se encontraron { $count } publicaciones
    }
search-none = Ninguna publicación coincide con «{ $query }».
search-matched-body = encontrado en el texto en { $language }
search-matched-title = encontrado en el título en { $language }
search-more = Más resultados
bans-hide-posts = Ocultar también todo lo que ha escrito en este espacio
invite-title = Invitación
invite-expires = El código vale hasta { $when }.
invite-no-expiry = El código no caduca.
invite-uses-of = Usado { $used } de { $max } veces.
invite-uses = Usado { $used } veces.
invite-days = Días que vale el código nuevo (vacío: sin límite)
invite-max-uses = Cuántas personas pueden unirse con él (vacío: sin límite)
invite-rotate = Crear un código nuevo (el anterior deja de valer)
members-remove = Quitar
members-remove-person = Quitar a { $name } del espacio
reports-resolve-page = Marcar como atendidas todas las denuncias de esta página
reports-more = Denuncias anteriores
security-link = Contraseña y navegadores con sesión iniciada
security-title = Contraseña y sesiones
password-title = Cambiar la contraseña
field-current-password = Contraseña actual
field-new-password = Contraseña nueva
password-help = Al menos 8 caracteres. Al cambiarla se cierran tus otras sesiones.
password-submit = Cambiar la contraseña
password-changed = Tu contraseña ha cambiado. Se han cerrado las sesiones de los demás navegadores.
sessions-title = Dónde tienes la sesión iniciada
session-current = Este navegador
session-started = Sesión iniciada
session-last-seen = último uso
session-unknown-browser = Navegador desconocido
session-end = Cerrar esa sesión
sessions-end-all = Cerrar sesión en todas partes (también aquí)

# Notifications
nav-notifications = Notificaciones
nav-notifications-unread = { $count ->
        [0] Notificaciones, ninguna sin leer
        [one] Notificaciones, { $count } sin leer
       *[other] Notificaciones, { $count } sin leer
    }
notifications-title = Notificaciones
notifications-empty = Todavía nada. Aquí aparecen las respuestas en tus hilos, las menciones y lo que los moderadores hagan con tus mensajes.
notifications-mark-all = Marcar todo como leído
notifications-older = Anteriores
notification-someone = Alguien
notification-reply = { $actor } respondió en «{ $thread }»
notification-mention = { $actor } te mencionó en «{ $thread }»
notification-quote = { $actor } te citó en «{ $thread }»
notification-post-hidden = { $actor } ocultó tu mensaje en «{ $thread }»
notification-post-unhidden = { $actor } volvió a mostrar tu mensaje en «{ $thread }»
notification-report = { $actor } denunció un mensaje en «{ $thread }»
notification-member-joined = { $actor } se unió a { $space }
notification-reason = Motivo: { $reason }
notification-original = Aún sin traducir: original en { $language }
notification-hidden-since = Oculto desde entonces
notification-deleted-since = Eliminado desde entonces
watch-label = Avisarme de
watch-watching = cada respuesta
watch-normal = solo menciones y citas
watch-muted = nada (silenciado)
watch-save = Guardar
mention-suggestions = Personas de este espacio

## Glossary and corrections (issue 14)
glossary-title = Glosario
glossary-intro = Nombres y términos que la traducción debe respetar en este espacio. Un término sin traducción nunca se traduce: úsalo para los nombres. Un término con traducción siempre se convierte en ese texto para quienes leen en ese idioma. Un término escrito en minúsculas coincide sin importar las mayúsculas; un término con mayúscula solo coincide tal como está escrito.
glossary-term = Término
glossary-written-in = Idioma del término
glossary-any-language = Cualquier idioma
glossary-translate-to = Idioma de destino
glossary-never = No traducir nunca
glossary-translation = Traducción
glossary-save = Guardar el glosario
glossary-saved = Glosario guardado. Los mensajes que usan un término modificado se están volviendo a traducir.
corrections-title = Correcciones
corrections-intro = Frases que los lectores han marcado como mal traducidas. Una corrección que apruebes sustituye la traducción automática de esa frase en todo este espacio.
corrections-flags = Frases marcadas
corrections-none-flagged = No hay ninguna frase marcada.
corrections-original = Original
corrections-machine = Traducción automática
corrections-suggestion = Sugerencia
corrections-flagged-by = Marcada por @{ $handle }
corrections-your-translation = Traducción correcta
corrections-approve = Aprobar la corrección
corrections-dismiss = Descartar
corrections-approved = Correcciones en uso
corrections-none = Todavía no hay correcciones.
corrections-revoke = Revocar
corrections-approved-by = aprobada por @{ $handle }
translation-corrected = Corregida por un docente
translation-flag = ¿Traducción incorrecta?
sentences-title = La traducción, frase por frase
sentences-intro = Marca una frase que esté mal traducida. Tus docentes la ven junto al original y pueden corregirla para todos.
sentences-flag = Esta frase está mal traducida
sentences-flag-submit = Enviar al profesorado
sentences-flagged = Gracias. Tus docentes la revisarán.
sentences-none = Esta publicación todavía no tiene traducción al { $language }.
