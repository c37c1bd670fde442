# رسائل الإشعارات بالبريد الإلكتروني وصفحاتها.

## الرسائل

email-greeting = مرحبًا { $name }،
email-digest-intro = { $count ->
    [one] هذا ما حدث في Pontis منذ ملخصك الأخير:
   *[other] هذه { $count } أمور حدثت في Pontis منذ ملخصك الأخير:
}
email-digest-subject = { $count ->
    [one] ملخصك من Pontis: إشعار واحد
   *[other] ملخصك من Pontis: { $count } إشعارات
}
email-headline-reply = ردّ { $actor } في «{ $thread }»
email-headline-mention = ذكرك { $actor } في «{ $thread }»
email-headline-quote = اقتبس { $actor } مشاركتك في «{ $thread }»
email-headline-post-hidden = أخفى أحد المشرفين مشاركتك في «{ $thread }»
email-headline-post-unhidden = أعاد أحد المشرفين إظهار مشاركتك في «{ $thread }»
email-headline-report = أبلغ { $actor } عن مشاركة في «{ $thread }»
email-headline-member-joined = انضم { $actor } إلى { $space }
email-someone = شخص ما
email-reason = السبب: { $reason }
email-original-in = النص الأصلي، باللغة { $language }.
email-translation-late = لم تكن الترجمة جاهزة بعد.
email-translated = مترجم آليًا.
email-open = افتحه في Pontis
email-why = تصلك هذه الرسالة بسبب إعدادات الإشعارات في حسابك على Pontis.
email-settings = غيّر إعدادات البريد الإلكتروني
email-unsubscribe = ألغِ الاشتراك في كل رسائل Pontis
email-confirm-subject = أكّد عنوان بريدك الإلكتروني لدى Pontis
email-confirm-intro = طلب شخص ما، وغالبًا أنت، من Pontis إرسال إشعارات @{ $handle } إلى { $address }.
email-confirm-action = للتأكيد، افتح هذا الرابط واضغط الزر (يبقى صالحًا 7 أيام):
email-confirm-ignore = إن لم تطلب ذلك فتجاهل هذه الرسالة: لن يراسل Pontis هذا العنوان مرة أخرى.

## إعدادات البريد الإلكتروني في الملف الشخصي

email-settings-title = الإشعارات بالبريد الإلكتروني
email-not-available = البريد الإلكتروني غير مُعدّ على هذا الخادم: تظهر الإشعارات داخل Pontis فقط.
email-address-label = عنوان البريد الإلكتروني
email-address-help = يرسل Pontis أولًا رابطًا إلى هذا العنوان، ولا يرسل إليه شيئًا آخر حتى تفتحه. اتركه فارغًا إن لم ترد أي بريد.
email-address-pending = بانتظار أن تفتح الرابط المرسل إلى { $address }.
email-mode-label = إرسال البريد
email-mode-off = أبدًا
email-mode-immediate = فورًا، لكل إشعار
email-mode-digest = مرة في اليوم، في ملخص
email-kinds-legend = راسلني بشأن
email-kind-reply = الردود في المواضيع التي أتابعها
email-kind-mention = ذكر اسمي
email-kind-quote = اقتباس مشاركاتي
email-kind-post-hidden = إخفاء مشرف لمشاركتي
email-kind-post-unhidden = إعادة مشرف إظهار مشاركتي
email-kind-report = البلاغات الجديدة (المعلمون والمالكون)
email-kind-member-joined = الأعضاء الجدد (المالكون)
email-settings-submit = احفظ إعدادات البريد
email-settings-saved = حُفظت إعدادات البريد.

## إلغاء الاشتراك والتأكيد من رابط في رسالة

unsubscribe-title = إلغاء الاشتراك في البريد
unsubscribe-question = هل تريد إيقاف كل رسائل Pontis إلى @{ $handle }؟
unsubscribe-submit = ألغِ الاشتراك
unsubscribe-done = تم: لن يرسل Pontis بعد الآن رسائل إلى @{ $handle }. يمكنك تفعيلها من جديد في ملفك الشخصي.
unsubscribe-unknown = رابط إلغاء الاشتراك هذا غير صالح. ربما جاء من رسالة إلى عنوان تغيّر منذ ذلك الحين.
confirm-email-title = أكّد عنوان بريدك الإلكتروني
confirm-email-question = هل تُرسل إشعارات @{ $handle } إلى { $address }؟
confirm-email-submit = أكّد
confirm-email-done = تم التأكيد: تصل إشعارات @{ $handle } الآن إلى { $address }.
confirm-email-unknown = رابط التأكيد هذا لم يعد صالحًا. تبقى الروابط صالحة 7 أيام، والأحدث منها فقط.
