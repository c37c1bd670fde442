# Notification email and its pages: the messages themselves, the profile's email
# settings, the unsubscribe and address confirmation pages.

## The messages

email-greeting = Hello { $name },
email-digest-intro = { $count ->
    [one] Here is what happened on Pontis since your last digest:
   *[other] Here are { $count } things that happened on Pontis since your last digest:
}
email-digest-subject = { $count ->
    [one] Your Pontis digest: 1 notification
   *[other] Your Pontis digest: { $count } notifications
}
email-headline-reply = { $actor } replied in “{ $thread }”
email-headline-mention = { $actor } mentioned you in “{ $thread }”
email-headline-quote = { $actor } quoted your post in “{ $thread }”
email-headline-post-hidden = A moderator hid your post in “{ $thread }”
email-headline-post-unhidden = A moderator made your post in “{ $thread }” visible again
email-headline-report = { $actor } reported a post in “{ $thread }”
email-headline-member-joined = { $actor } joined { $space }
email-someone = Someone
email-reason = Reason: { $reason }
email-original-in = Original, in { $language }.
email-translation-late = The translation was not ready yet.
email-translated = Translated automatically.
email-open = Open it on Pontis
email-why = You get this email because of your notification settings on Pontis.
email-settings = Change your email settings
email-unsubscribe = Unsubscribe from all Pontis email
email-confirm-subject = Confirm your email address for Pontis
email-confirm-intro = Someone, probably you, asked Pontis to send the notifications of @{ $handle } to { $address }.
email-confirm-action = To confirm, open this link and press the button (it works for 7 days):
email-confirm-ignore = If you did not ask for this, ignore this email: Pontis will not write to this address again.

## The profile's email settings

email-settings-title = Email notifications
email-not-available = Email is not set up on this server: notifications show only in Pontis.
email-address-label = Email address
email-address-help = Pontis sends a link to this address first; nothing else goes there until you open it. Leave it empty for no email at all.
email-address-pending = Waiting for you to open the link sent to { $address }.
email-mode-label = Send email
email-mode-off = Never
email-mode-immediate = At once, for each notification
email-mode-digest = Once a day, as a digest
email-kinds-legend = Email me about
email-kind-reply = Replies in threads I follow
email-kind-mention = Mentions of me
email-kind-quote = Quotes of my posts
email-kind-post-hidden = A moderator hiding my post
email-kind-post-unhidden = A moderator showing my post again
email-kind-report = New reports (teachers and owners)
email-kind-member-joined = New members (owners)
email-settings-submit = Save email settings
email-settings-saved = Email settings saved.

## Unsubscribing and confirming, from a link in an email

unsubscribe-title = Unsubscribe from email
unsubscribe-question = Stop all email from Pontis to @{ $handle }?
unsubscribe-submit = Unsubscribe
unsubscribe-done = Done: Pontis sends no more email to @{ $handle }. You can turn it on again in your profile.
unsubscribe-unknown = This unsubscribe link is not valid. It may be from an email to an address that has changed since.
confirm-email-title = Confirm your email address
confirm-email-question = Send the notifications of @{ $handle } to { $address }?
confirm-email-submit = Confirm
confirm-email-done = Confirmed: the notifications of @{ $handle } now go to { $address }.
confirm-email-unknown = This confirmation link is not valid any more. Links work for 7 days, and only the newest one.
