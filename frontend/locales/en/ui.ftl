# The web UI's messages. Variables: $count and $number are numbers (plural forms),
# $language is a language's name, $reporter and $author are people's names.
locale-name = English
# Dates: $year, $month (1–12) and $day are numbers, $time is hours:minutes (UTC).
date-time = { $month ->
        [1] Jan
        [2] Feb
        [3] Mar
        [4] Apr
        [5] May
        [6] Jun
        [7] Jul
        [8] Aug
        [9] Sep
        [10] Oct
        [11] Nov
       *[12] Dec
    } { $day }, { $year }, { $time }

lang-ar = Arabic
lang-ca = Catalan
lang-de = German
lang-en = English
lang-es = Spanish
lang-fr = French
lang-it = Italian
lang-ja = Japanese
lang-ko = Korean
lang-pt = Portuguese
lang-uk = Ukrainian
lang-zh = Chinese

nav-skip = Skip to content
nav-label = Main
nav-spaces = My spaces
nav-profile = Profile
nav-admin = Administration
nav-logout = Log out
nav-login = Log in
nav-signup = Sign up
nav-search = Search
footer-language = Language
footer-apply = Change
footer-tagline = Pontis — a forum where every student reads and writes in their own language.
more-items = More
back-to-thread = Back to the thread

error-page-title = Something is not right
error-page-home = Go to the start page

landing-title = Talk with schools everywhere, each in your own language
landing-lead = Pontis translates every post into the reader's language, with the original one click away.

login-title = Log in
login-submit = Log in
login-no-account = New here?
signup-title = Create your account
signup-submit = Sign up

field-handle = Username
field-handle-help = 3 to 32 characters: lowercase letters, digits and underscores.
field-display-name = Name shown to others
field-password = Password
field-first-language = Your first language
field-other-language = Another language you read
field-none = None
field-title = Title
field-body = Message
field-body-help = You can use Markdown: **bold**, *italic*, [links](https://example.org), lists.
field-post-language = Language of your message
field-language-detect = Detect automatically
field-reason = Reason
field-space-name = Name of the space
field-space-address = Space address
field-space-address-help = 3 to 48 characters: lowercase letters, digits and hyphens.
field-description = Description
field-visibility = Who can read it
field-invite-code = Invitation code
field-ui-language = Language of the interface
field-languages-read = Languages I read
field-languages-read-help = Your first language first. Posts in these languages are shown as written; others are translated into your first language.
field-language-slot = { $number ->
        [1] First language
        [2] Second language
       *[other] Language { $number }
    }

visibility-members-only = Members only (with the invitation code)
visibility-public = Everyone who is signed in

home-title = My spaces
home-empty = You have not joined a space yet. Ask your teacher for the space address and invitation code.
member-count = { $count ->
        [one] { $count } member
       *[other] { $count } members
    }
join-title = Join a space
join-submit = Join
space-new-title = Create a space
space-new-submit = Create the space

space-nav-label = Space sections
space-threads = Threads
space-invite-code = Invitation code for new members:
space-empty = No threads yet. Start the first one!
thread-unread = New posts
thread-pinned = Pinned
thread-locked = Locked
thread-hidden = Hidden
post-count = { $count ->
        [one] { $count } post
       *[other] { $count } posts
    }

thread-new-title = New thread
thread-new-submit = Start the thread
thread-posts = Posts
thread-pin = Pin
thread-unpin = Unpin
thread-lock = Lock
thread-unlock = Unlock
thread-locked-note = This thread is locked: only teachers can reply.
reply-title = Your reply
reply-submit = Send reply

translated-from = Translated from { $language }
show-original = Show original
show-all-originals = Show all originals
hide-all-originals = Hide all originals
translation-pending = Translating into { $language }…
translation-stale = This translation is of an earlier version; the new one is on its way.
translation-unavailable = No translation into { $language } is available yet.
original-in = Original ({ $language })
translation-in = Translation ({ $language })
you-read-this-language = You read this language.

post-edited = edited
post-deleted = This post was deleted.
post-hidden-mark = Hidden by a teacher
post-quote = Quote
post-edit = Edit
post-hide = Hide
post-unhide = Show again
post-report = Report
post-report-submit = Send report
compose-language-confirm = We could not tell for sure which language you wrote in. Check the language below and send again.
post-language = Written in { $language }
post-language-fix = This post is written in
post-language-submit = Change
post-wrong-language = Not written in { $language }?
post-wrong-language-reason = This post is not written in { $language }.
post-edit-title = Edit your post
post-edit-submit = Save changes
history-title = Edit history
history-revision = Version { $number }

profile-title = Profile
profile-submit = Save
profile-saved = Your profile is saved.

reports-title = Reports
reports-empty = No open reports.
report-by = { $reporter } reported a post by { $author }
report-open-thread = Open in the thread
report-resolve = Mark as handled
hidden-title = Hidden posts
hidden-empty = No hidden posts.
bans-title = Bans
bans-empty = Nobody is banned.
bans-until = Until
bans-by = Banned by
bans-forever = For good
bans-unban = Lift the ban
bans-new = Ban someone
bans-days = Days
bans-days-help = Leave empty to ban for good.
bans-submit = Ban
modlog-title = Moderation log
modlog-empty = Nothing has been moderated yet.
modlog-when = When
modlog-moderator = Moderator
modlog-action = Action
modlog-target = About
modlog-action-name = { $action ->
        [lock_thread] Locked a thread
        [unlock_thread] Unlocked a thread
        [pin_thread] Pinned a thread
        [unpin_thread] Unpinned a thread
        [hide_thread] Hid a thread
        [unhide_thread] Showed a thread again
        [hide_post] Hid a post
        [unhide_post] Showed a post again
        [edit_post] Edited a post
        [delete_post] Deleted a post
        [resolve_report] Handled a report
        [ban] Banned
        [unban] Lifted a ban
        [remove_member] Removed a member
        [rotate_invite] Made a new invitation code
        [update_space] Changed who can read the space
       *[change_role] Changed a role
    }
members-title = Members
members-person = Person
members-languages = Reads
members-role = Role
members-save = Save
role-student = Student
role-teacher = Teacher
role-owner = Owner

admin-translation-title = Translation queue
admin-models-title = Installed models
admin-workers = Remote workers
admin-workers-in-process = No remote workers; the server translates by itself.
admin-worker-name = Name
admin-created = Created
admin-last-seen = Last seen
admin-jobs = Latest jobs
admin-jobs-empty = The queue is empty.
admin-job-source = Text
admin-job-languages = Languages
admin-job-state = State
admin-job-attempts = Attempts
admin-job-retry = Retry
admin-job-updated = Updated
admin-guards = Quality guards
admin-guards-help = A translation that loops, comes out empty or is far out of proportion to its source is not stored: the text is translated again on the next route, and fails visibly if that fails too.
admin-guards-none = No translation has been rejected.
admin-guard-model = Model
admin-guard = Guard
admin-guard-hits = Rejected
admin-guard-last = Last
guard-empty = Empty output
guard-looping = Looping
guard-out_of_proportion = Out of proportion
admin-model-engine = Engine
admin-model-name = Model
admin-models-empty = No translation model is installed.
admin-models-problems = Models that failed to load
admin-models-routes = Routes between the languages your members read
admin-models-routes-help = Each cell says through how many engines a post in the row’s language reaches a reader of the column’s: 1 directly, 2 or 3 through other languages; — where nothing reaches yet.
admin-models-gaps = Not reachable yet
admin-models-gap = { $language }, from { $sources }
admin-models-suggest = To see the packages that would close these gaps, run:

search-title = Search
search-label = Search posts in every language
search-submit = Search
search-count = { $count ->
        [one] One post found
       *[other] { $count } posts found
    }
search-none = No post matches “{ $query }”.
search-matched-body = found in the { $language } text
search-matched-title = found in the { $language } title
search-more = More results
bans-hide-posts = Also hide everything they wrote in this space
invite-title = Invitation
invite-expires = The code works until { $when }.
invite-no-expiry = The code does not expire.
invite-uses-of = Used { $used } of { $max } times.
invite-uses = Used { $used } times.
invite-days = Days the new code works (empty: no limit)
invite-max-uses = How many may join with it (empty: no limit)
invite-rotate = Make a new code (the old one stops working)
members-remove = Remove
members-remove-person = Remove { $name } from the space
reports-resolve-page = Mark every report on this page as handled
reports-more = Older reports
security-link = Password and signed-in browsers
security-title = Password and sessions
password-title = Change your password
field-current-password = Current password
field-new-password = New password
password-help = At least 8 characters. Changing it signs you out everywhere else.
password-submit = Change password
password-changed = Your password is changed. Every other browser has been signed out.
sessions-title = Where you are signed in
session-current = This browser
session-started = Signed in
session-last-seen = last used
session-unknown-browser = Unknown browser
session-end = Sign out there
sessions-end-all = Log out everywhere (here too)

# Notifications
nav-notifications = Notifications
nav-notifications-unread = { $count ->
        [0] Notifications, none unread
        [one] Notifications, { $count } unread
       *[other] Notifications, { $count } unread
    }
notifications-title = Notifications
notifications-empty = Nothing yet. Replies in your threads, mentions of you and moderators' actions on your posts appear here.
notifications-mark-all = Mark all as read
notifications-older = Older
notification-someone = Someone
notification-reply = { $actor } replied in “{ $thread }”
notification-mention = { $actor } mentioned you in “{ $thread }”
notification-quote = { $actor } quoted you in “{ $thread }”
notification-post-hidden = { $actor } hid your post in “{ $thread }”
notification-post-unhidden = { $actor } made your post visible again in “{ $thread }”
notification-report = { $actor } reported a post in “{ $thread }”
notification-member-joined = { $actor } joined { $space }
notification-reason = Reason: { $reason }
notification-original = Not translated yet: original in { $language }
notification-hidden-since = Hidden since
notification-deleted-since = Deleted since
watch-label = Notify me of
watch-watching = every reply
watch-normal = mentions and quotes only
watch-muted = nothing (muted)
watch-save = Save
mention-suggestions = People in this space

## Glossary and corrections (issue 14)
glossary-title = Glossary
glossary-intro = Names and terms that translation must respect in this space. A term with no translation is never translated: use it for names. A term with a translation always becomes that text for readers of that language. A term written in lower case matches in any case; a term with a capital letter matches only as written.
glossary-term = Term
glossary-written-in = Written in
glossary-any-language = Any language
glossary-translate-to = Translation into
glossary-never = Never translate
glossary-translation = Translation
glossary-save = Save the glossary
glossary-saved = Glossary saved. Posts that use a changed term are being translated again.
corrections-title = Corrections
corrections-intro = Sentences readers flagged as badly translated. A correction you approve replaces the machine translation of that sentence everywhere in this space.
corrections-flags = Flagged sentences
corrections-none-flagged = No sentence is flagged.
corrections-original = Original
corrections-machine = Machine translation
corrections-suggestion = Suggestion
corrections-flagged-by = Flagged by @{ $handle }
corrections-your-translation = Correct translation
corrections-approve = Approve the correction
corrections-dismiss = Dismiss
corrections-approved = Corrections in use
corrections-none = No corrections yet.
corrections-revoke = Revoke
corrections-approved-by = approved by @{ $handle }
translation-corrected = Corrected by a teacher
translation-flag = Wrong translation?
sentences-title = The translation, sentence by sentence
sentences-intro = Flag a sentence that is translated wrongly. Your teachers see it beside the original and can correct it for everyone.
sentences-flag = This sentence is wrong
sentences-flag-submit = Send to the teachers
sentences-flagged = Thank you. Your teachers will look at it.
sentences-none = This post has no translation into { $language } yet.
