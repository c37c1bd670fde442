# Correo de notificaciones y sus páginas.

## Los mensajes

email-greeting = Hola, { $name }:
email-digest-intro = { $count ->
    [one] Esto es lo que ha pasado en Pontis desde tu último resumen:
   *[other] Estas son { $count } cosas que han pasado en Pontis desde tu último resumen:
}
email-digest-subject = { $count ->
    [one] Tu resumen de Pontis: 1 notificación
   *[other] Tu resumen de Pontis: { $count } notificaciones
}
email-headline-reply = { $actor } respondió en «{ $thread }»
email-headline-mention = { $actor } te mencionó en «{ $thread }»
email-headline-quote = { $actor } citó tu mensaje en «{ $thread }»
email-headline-post-hidden = Un moderador ocultó tu mensaje en «{ $thread }»
email-headline-post-unhidden = Un moderador volvió a mostrar tu mensaje en «{ $thread }»
email-headline-report = { $actor } denunció un mensaje en «{ $thread }»
email-headline-member-joined = { $actor } se unió a { $space }
email-someone = Alguien
email-reason = Motivo: { $reason }
email-original-in = Original, en { $language }.
email-translation-late = La traducción aún no estaba lista.
email-translated = Traducido automáticamente.
email-open = Abrirlo en Pontis
email-why = Recibes este correo por tu configuración de notificaciones en Pontis.
email-settings = Cambiar la configuración del correo
email-unsubscribe = Darse de baja de todo el correo de Pontis
email-confirm-subject = Confirma tu dirección de correo para Pontis
email-confirm-intro = Alguien, probablemente tú, pidió a Pontis que enviara las notificaciones de @{ $handle } a { $address }.
email-confirm-action = Para confirmarlo, abre este enlace y pulsa el botón (funciona durante 7 días):
email-confirm-ignore = Si no lo pediste, ignora este correo: Pontis no volverá a escribir a esta dirección.

## La configuración del correo en el perfil

email-settings-title = Notificaciones por correo
email-not-available = El correo no está configurado en este servidor: las notificaciones solo se ven en Pontis.
email-address-label = Dirección de correo
email-address-help = Pontis envía primero un enlace a esta dirección; no manda nada más hasta que lo abras. Déjala vacía para no recibir ningún correo.
email-address-pending = Esperando a que abras el enlace enviado a { $address }.
email-mode-label = Enviar correo
email-mode-off = Nunca
email-mode-immediate = En el momento, por cada notificación
email-mode-digest = Una vez al día, como resumen
email-kinds-legend = Avisarme por correo de
email-kind-reply = Respuestas en los hilos que sigo
email-kind-mention = Menciones de mí
email-kind-quote = Citas de mis mensajes
email-kind-post-hidden = Que un moderador oculte mi mensaje
email-kind-post-unhidden = Que un moderador vuelva a mostrar mi mensaje
email-kind-report = Denuncias nuevas (docentes y propietarios)
email-kind-member-joined = Miembros nuevos (propietarios)
email-settings-submit = Guardar la configuración del correo
email-settings-saved = Configuración del correo guardada.

## Darse de baja y confirmar, desde un enlace de un correo

unsubscribe-title = Darse de baja del correo
unsubscribe-question = ¿Dejar de enviar todo el correo de Pontis a @{ $handle }?
unsubscribe-submit = Darse de baja
unsubscribe-done = Hecho: Pontis ya no envía correo a @{ $handle }. Puedes volver a activarlo en tu perfil.
unsubscribe-unknown = Este enlace de baja no es válido. Puede venir de un correo a una dirección que ha cambiado desde entonces.
confirm-email-title = Confirma tu dirección de correo
confirm-email-question = ¿Enviar las notificaciones de @{ $handle } a { $address }?
confirm-email-submit = Confirmar
confirm-email-done = Confirmado: las notificaciones de @{ $handle } van ahora a { $address }.
confirm-email-unknown = Este enlace de confirmación ya no es válido. Los enlaces funcionan durante 7 días, y solo el más reciente.
