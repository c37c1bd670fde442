locale-name = العربية
date-time = { $day } { $month ->
        [1] يناير
        [2] فبراير
        [3] مارس
        [4] أبريل
        [5] مايو
        [6] يونيو
        [7] يوليو
        [8] أغسطس
        [9] سبتمبر
        [10] أكتوبر
        [11] نوفمبر
       *[12] ديسمبر
    } { $year }، { $time }

lang-ar = العربية
lang-ca = الكتالونية
lang-de = الألمانية
lang-en = الإنجليزية
lang-es = الإسبانية
lang-fr = الفرنسية
lang-it = الإيطالية
lang-ja = اليابانية
lang-ko = الكورية
lang-pt = البرتغالية
lang-uk = الأوكرانية
lang-zh = الصينية

nav-skip = انتقل إلى المحتوى
nav-label = القائمة الرئيسية
nav-spaces = مساحاتي
nav-profile = الملف الشخصي
nav-admin = الإدارة
nav-logout = تسجيل الخروج
nav-login = تسجيل الدخول
nav-signup = إنشاء حساب
nav-search = بحث
footer-language = اللغة
footer-apply = تغيير
footer-tagline = بونتيس: منتدى يقرأ فيه كل طالب ويكتب بلغته.
more-items = المزيد
back-to-thread = العودة إلى الموضوع

error-page-title = حدث خطأ ما
error-page-home = الذهاب إلى الصفحة الرئيسية

landing-title = تحدّث مع مدارس من كل مكان، كلٌّ بلغته
landing-lead = يترجم بونتيس كل مشاركة إلى لغة القارئ، والنص الأصلي على بُعد نقرة واحدة.

login-title = تسجيل الدخول
login-submit = دخول
login-no-account = جديد هنا؟
signup-title = أنشئ حسابك
signup-submit = إنشاء الحساب

field-handle = اسم المستخدم
field-handle-help = من 3 إلى 32 حرفًا: حروف لاتينية صغيرة وأرقام وشرطات سفلية.
field-display-name = الاسم الظاهر للآخرين
field-password = كلمة المرور
field-first-language = لغتك الأولى
field-other-language = لغة أخرى تقرؤها
field-none = لا شيء
field-title = العنوان
field-body = الرسالة
field-body-help = يمكنك استخدام Markdown: **عريض**، *مائل*، [روابط](https://example.org)، قوائم.
field-post-language = لغة رسالتك
field-language-detect = اكتشاف تلقائي
field-reason = السبب
field-space-name = اسم المساحة
field-space-address = عنوان المساحة
field-space-address-help = من 3 إلى 48 حرفًا: حروف لاتينية صغيرة وأرقام وشرطات.
field-description = الوصف
field-visibility = من يستطيع القراءة
field-invite-code = رمز الدعوة
field-ui-language = لغة الواجهة
field-languages-read = اللغات التي أقرؤها
field-languages-read-help = لغتك الأولى أولًا. تظهر المشاركات المكتوبة بهذه اللغات كما كُتبت، وتُترجم غيرها إلى لغتك الأولى.
field-language-slot = { $number ->
        [1] اللغة الأولى
        [2] اللغة الثانية
       *[other] اللغة رقم { $number }
    }

visibility-members-only = للأعضاء فقط (برمز الدعوة)
visibility-public = كل من سجّل الدخول

home-title = مساحاتي
home-empty = لم تنضم إلى أي مساحة بعد. اطلب من معلمك عنوان المساحة ورمز الدعوة.
member-count = { $count ->
        [zero] لا أعضاء
        [one] عضو واحد
        [two] عضوان
        [few] { $count } أعضاء
        [many] { $count } عضوًا
       *[other] { $count } عضو
    }
join-title = الانضمام إلى مساحة
join-submit = انضمام
space-new-title = إنشاء مساحة
space-new-submit = إنشاء المساحة

space-nav-label = أقسام المساحة
space-threads = المواضيع
space-invite-code = رمز الدعوة للأعضاء الجدد:
space-empty = لا توجد مواضيع بعد. ابدأ أول موضوع!
thread-unread = مشاركات جديدة
thread-pinned = مثبّت
thread-locked = مقفل
thread-hidden = مخفي
post-count = { $count ->
        [zero] لا مشاركات
        [one] مشاركة واحدة
        [two] مشاركتان
        [few] { $count } مشاركات
        [many] { $count } مشاركة
       *[other] { $count } مشاركة
    }

thread-new-title = موضوع جديد
thread-new-submit = نشر الموضوع
thread-posts = المشاركات
thread-pin = تثبيت
thread-unpin = إلغاء التثبيت
thread-lock = قفل
thread-unlock = فتح
thread-locked-note = هذا الموضوع مقفل: يمكن للمعلمين فقط الرد.
reply-title = ردّك
reply-submit = إرسال الرد

translated-from = مترجم من { $language }
show-original = عرض الأصل
show-all-originals = عرض كل النصوص الأصلية
hide-all-originals = إخفاء النصوص الأصلية
translation-pending = جارٍ الترجمة إلى { $language }…
translation-stale = هذه الترجمة لنسخة سابقة، والترجمة الجديدة في الطريق.
translation-unavailable = لا تتوفر ترجمة إلى { $language } بعد.
original-in = الأصل ({ $language })
translation-in = الترجمة ({ $language })
you-read-this-language = أنت تقرأ هذه اللغة.

post-edited = معدّلة
post-deleted = حُذفت هذه المشاركة.
post-hidden-mark = أخفاها أحد المعلمين
post-quote = اقتباس
post-edit = تعديل
post-hide = إخفاء
post-unhide = إظهار مجددًا
post-report = إبلاغ
post-report-submit = إرسال البلاغ
compose-language-confirm = لم نتمكن من معرفة اللغة التي كتبت بها بشكل مؤكد. تحقق من اللغة أدناه وأرسل مرة أخرى.
post-language = مكتوب بـ{ $language }
post-language-fix = هذه المشاركة مكتوبة بـ
post-language-submit = تغيير
post-wrong-language = ليست مكتوبة بـ{ $language }؟
post-wrong-language-reason = هذه المشاركة ليست مكتوبة بـ{ $language }.
post-edit-title = تعديل مشاركتك
post-edit-submit = حفظ التغييرات
history-title = سجل التعديلات
history-revision = النسخة { $number }

profile-title = الملف الشخصي
profile-submit = حفظ
profile-saved = حُفظ ملفك الشخصي.

reports-title = البلاغات
reports-empty = لا توجد بلاغات مفتوحة.
report-by = أبلغ { $reporter } عن مشاركة كتبها { $author }
report-open-thread = فتح في الموضوع
report-resolve = وضع علامة «تمت المعالجة»
hidden-title = المشاركات المخفية
hidden-empty = لا توجد مشاركات مخفية.
bans-title = الحظر
bans-empty = لا أحد محظور.
bans-until = حتى
bans-by = حظره
bans-forever = نهائيًا
bans-unban = رفع الحظر
bans-new = حظر شخص
bans-days = الأيام
bans-days-help = اتركه فارغًا للحظر النهائي.
bans-submit = حظر
modlog-title = سجل الإشراف
modlog-empty = لم يُتخذ أي إجراء إشرافي بعد.
modlog-when = الوقت
modlog-moderator = المشرف
modlog-action = الإجراء
modlog-target = بخصوص
modlog-action-name = { $action ->
        [lock_thread] قفل موضوعًا
        [unlock_thread] فتح موضوعًا
        [pin_thread] ثبّت موضوعًا
        [unpin_thread] ألغى تثبيت موضوع
        [hide_thread] أخفى موضوعًا
        [unhide_thread] أظهر موضوعًا مجددًا
        [hide_post] أخفى مشاركة
        [unhide_post] أظهر مشاركة مجددًا
        [edit_post] عدّل مشاركة
        [delete_post] حذف مشاركة
        [resolve_report] عالج بلاغًا
        [ban] حظر
        [unban] رفع حظرًا
        [remove_member] أزال عضوًا
        [rotate_invite] أنشأ رمز دعوة جديدًا
        [update_space] غيّر من يمكنه قراءة المساحة
       *[change_role] غيّر دورًا
    }
members-title = الأعضاء
members-person = الشخص
members-languages = يقرأ
members-role = الدور
members-save = حفظ
role-student = طالب
role-teacher = معلم
role-owner = مالك

admin-translation-title = قائمة انتظار الترجمة
admin-models-title = النماذج المثبتة
admin-workers = العمّال البعيدون
admin-workers-in-process = لا يوجد عمّال بعيدون؛ الخادم يترجم بنفسه.
admin-worker-name = الاسم
admin-created = أُنشئ
admin-last-seen = آخر نشاط
admin-jobs = أحدث المهام
admin-jobs-empty = قائمة الانتظار فارغة.
admin-job-source = النص
admin-job-languages = اللغات
admin-job-state = الحالة
admin-job-attempts = المحاولات
admin-job-retry = أعد المحاولة
admin-job-updated = آخر تحديث
admin-guards = فحوص الجودة
admin-guards-help = لا تُحفظ الترجمة التي تتكرر أو تخرج فارغة أو لا تتناسب مع أصلها: يُترجم النص من جديد عبر المسار التالي، ويظهر الفشل إذا فشل هذا أيضًا.
admin-guards-none = لم تُرفض أي ترجمة.
admin-guard-model = النموذج
admin-guard = الفحص
admin-guard-hits = المرفوضة
admin-guard-last = آخر مرة
guard-empty = ناتج فارغ
guard-looping = تكرار
guard-out_of_proportion = عدم تناسب
admin-model-engine = المحرك
admin-model-name = النموذج
admin-models-empty = لا يوجد نموذج ترجمة مثبت.
admin-models-problems = نماذج تعذّر تحميلها
admin-models-routes = المسارات بين اللغات التي يقرأ بها أعضاؤك
admin-models-routes-help = تبيّن كل خانة عدد المحركات التي يمرّ بها منشور بلغة الصف ليصل إلى قارئ لغة العمود: 1 مباشرة، 2 أو 3 عبر لغات أخرى؛ — حيث لا يصل شيء بعد.
admin-models-gaps = لا مسار بعد
admin-models-gap = { $language }، من { $sources }
admin-models-suggest = لمعرفة الحزم التي تسدّ هذه الثغرات، شغّل:

search-title = بحث
search-label = ابحث في المنشورات بكل اللغات
search-submit = بحث
search-count = { $count ->
        [zero] لم يُعثر على أي منشور
        [one] عُثر على منشور واحد
        [two] عُثر على منشورين
        [few] عُثر على { $count } منشورات
       *[other] عُثر على { $count } منشورًا
    }
search-none = لا يوجد منشور يطابق «{ $query }».
search-matched-body = وُجد في النص باللغة { $language }
search-matched-title = وُجد في العنوان باللغة { $language }
search-more = مزيد من النتائج
bans-hide-posts = إخفاء كل ما كتبه في هذه المساحة أيضًا
invite-title = الدعوة
invite-expires = يعمل الرمز حتى { $when }.
invite-no-expiry = لا تنتهي صلاحية الرمز.
invite-uses-of = استُخدم { $used } من { $max } مرات.
invite-uses = استُخدم { $used } مرات.
invite-days = عدد أيام صلاحية الرمز الجديد (فارغ: بلا حد)
invite-max-uses = عدد من يمكنهم الانضمام به (فارغ: بلا حد)
invite-rotate = إنشاء رمز جديد (يتوقف القديم عن العمل)
members-remove = إزالة
members-remove-person = إزالة { $name } من المساحة
reports-resolve-page = وضع علامة «تمت المعالجة» على كل البلاغات في هذه الصفحة
reports-more = بلاغات أقدم
security-link = كلمة المرور والمتصفحات المسجَّل دخولك فيها
security-title = كلمة المرور والجلسات
password-title = تغيير كلمة المرور
field-current-password = كلمة المرور الحالية
field-new-password = كلمة المرور الجديدة
password-help = 8 أحرف على الأقل. تغييرها يسجّل خروجك من كل مكان آخر.
password-submit = تغيير كلمة المرور
password-changed = تم تغيير كلمة المرور. سُجّل الخروج من كل المتصفحات الأخرى.
sessions-title = أين سجّلت دخولك
session-current = هذا المتصفح
session-started = تسجيل الدخول
session-last-seen = آخر استخدام
session-unknown-browser = متصفح غير معروف
session-end = تسجيل الخروج هناك
sessions-end-all = تسجيل الخروج من كل مكان (وهنا أيضًا)

# Notifications
nav-notifications = الإشعارات
nav-notifications-unread = { $count ->
        [0] الإشعارات، لا شيء غير مقروء
        [zero] الإشعارات، لا شيء غير مقروء
        [one] الإشعارات، إشعار واحد غير مقروء
        [two] الإشعارات، إشعاران غير مقروءين
        [few] الإشعارات، { $count } إشعارات غير مقروءة
        [many] الإشعارات، { $count } إشعارًا غير مقروء
       *[other] الإشعارات، { $count } إشعار غير مقروء
    }
notifications-title = الإشعارات
notifications-empty = لا شيء بعد. تظهر هنا الردود في مواضيعك والإشارات إليك وإجراءات المشرفين على مشاركاتك.
notifications-mark-all = تعليم الكل كمقروء
notifications-older = الأقدم
notification-someone = شخص ما
notification-reply = ردّ { $actor } في «{ $thread }»
notification-mention = أشار إليك { $actor } في «{ $thread }»
notification-quote = اقتبس { $actor } منك في «{ $thread }»
notification-post-hidden = أخفى { $actor } مشاركتك في «{ $thread }»
notification-post-unhidden = أعاد { $actor } إظهار مشاركتك في «{ $thread }»
notification-report = أبلغ { $actor } عن مشاركة في «{ $thread }»
notification-member-joined = انضم { $actor } إلى { $space }
notification-reason = السبب: { $reason }
notification-original = لم تُترجم بعد: الأصل بـ{ $language }
notification-hidden-since = أُخفيت منذ ذلك الحين
notification-deleted-since = حُذفت منذ ذلك الحين
watch-label = نبّهني إلى
watch-watching = كل ردّ
watch-normal = الإشارات والاقتباسات فقط
watch-muted = لا شيء (مكتوم)
watch-save = حفظ
mention-suggestions = أشخاص في هذه المساحة

## Glossary and corrections (issue 14)
glossary-title = المسرد
glossary-intro = أسماء ومصطلحات يجب أن تلتزم بها الترجمة في هذه المساحة. المصطلح الذي ليست له ترجمة لا يُترجم أبدًا: استخدمه للأسماء. والمصطلح الذي له ترجمة يصبح دائمًا ذلك النص لقرّاء تلك اللغة. المصطلح المكتوب بأحرف صغيرة يُطابَق أيًّا كانت حالة الأحرف؛ أما المصطلح الذي فيه حرف كبير فلا يُطابَق إلا كما كُتب.
glossary-term = المصطلح
glossary-written-in = لغة المصطلح
glossary-any-language = أي لغة
glossary-translate-to = لغة الترجمة
glossary-never = لا يُترجم أبدًا
glossary-translation = الترجمة
glossary-save = حفظ المسرد
glossary-saved = حُفظ المسرد. تجري الآن إعادة ترجمة المشاركات التي تستخدم مصطلحًا تغيّر.
corrections-title = التصحيحات
corrections-intro = جمل أشار القرّاء إلى أن ترجمتها رديئة. التصحيح الذي توافق عليه يحلّ محلّ الترجمة الآلية لتلك الجملة في كل أنحاء هذه المساحة.
corrections-flags = الجمل المُبلَّغ عنها
corrections-none-flagged = لا توجد جمل مُبلَّغ عنها.
corrections-original = الأصل
corrections-machine = الترجمة الآلية
corrections-suggestion = الاقتراح
corrections-flagged-by = أبلغ عنها @{ $handle }
corrections-your-translation = الترجمة الصحيحة
corrections-approve = اعتماد التصحيح
corrections-dismiss = تجاهل
corrections-approved = التصحيحات المعتمدة
corrections-none = لا توجد تصحيحات بعد.
corrections-revoke = إلغاء
corrections-approved-by = اعتمدها @{ $handle }
translation-corrected = صحّحها أحد المعلمين
translation-flag = ترجمة خاطئة؟
sentences-title = الترجمة جملةً جملة
sentences-intro = أشِر إلى أي جملة تُرجمت ترجمة خاطئة. يراها معلموك بجانب الأصل ويمكنهم تصحيحها للجميع.
sentences-flag = ترجمة هذه الجملة خاطئة
sentences-flag-submit = إرسال إلى المعلمين
sentences-flagged = شكرًا لك. سيطّلع عليها معلموك.
sentences-none = لا تتوفر ترجمة لهذه المشاركة إلى { $language } بعد.
