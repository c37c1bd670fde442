locale-name = Українська
date-time = { $day } { $month ->
        [1] січ.
        [2] лют.
        [3] бер.
        [4] квіт.
        [5] трав.
        [6] черв.
        [7] лип.
        [8] серп.
        [9] вер.
        [10] жовт.
        [11] лист.
       *[12] груд.
    } { $year }, { $time }

lang-ar = арабська
lang-ca = каталонська
lang-de = німецька
lang-en = англійська
lang-es = іспанська
lang-fr = французька
lang-it = італійська
lang-ja = японська
lang-ko = корейська
lang-pt = португальська
lang-uk = українська
lang-zh = китайська

nav-skip = Перейти до вмісту
nav-label = Головне меню
nav-spaces = Мої простори
nav-profile = Профіль
nav-admin = Адміністрування
nav-logout = Вийти
nav-login = Увійти
nav-signup = Зареєструватися
nav-search = Пошук
footer-language = Мова
footer-apply = Змінити
footer-tagline = Pontis — форум, де кожен учень читає і пише своєю мовою.
more-items = Більше
back-to-thread = Назад до теми

error-page-title = Щось пішло не так
error-page-home = На головну сторінку

landing-title = Спілкуйтеся зі школами всього світу, кожен своєю мовою
landing-lead = Pontis перекладає кожен допис мовою читача, а оригінал — за один клік.

login-title = Вхід
login-submit = Увійти
login-no-account = Ви тут уперше?
signup-title = Створіть обліковий запис
signup-submit = Зареєструватися

field-handle = Ім’я користувача
field-handle-help = Від 3 до 32 символів: малі латинські літери, цифри та підкреслення.
field-display-name = Ім’я, яке бачать інші
field-password = Пароль
field-first-language = Ваша перша мова
field-other-language = Ще одна мова, якою ви читаєте
field-none = Немає
field-title = Заголовок
field-body = Повідомлення
field-body-help = Можна використовувати Markdown: **жирний**, *курсив*, [посилання](https://example.org), списки.
field-post-language = Мова вашого повідомлення
field-language-detect = Визначити автоматично
field-reason = Причина
field-space-name = Назва простору
field-space-address = Адреса простору
field-space-address-help = Від 3 до 48 символів: малі латинські літери, цифри та дефіси.
field-description = Опис
field-visibility = Хто може читати
field-invite-code = Код запрошення
field-ui-language = Мова інтерфейсу
field-languages-read = Мови, якими я читаю
field-languages-read-help = Спочатку ваша перша мова. Дописи цими мовами показуються так, як їх написали; решту перекладено вашою першою мовою.
field-language-slot = { $number ->
        [1] Перша мова
        [2] Друга мова
       *[other] Мова { $number }
    }

visibility-members-only = Лише учасники (з кодом запрошення)
visibility-public = Усі, хто увійшов

home-title = Мої простори
home-empty = Ви ще не приєдналися до жодного простору. Попросіть у вчителя адресу простору та код запрошення.
member-count = { $count ->
        [one] { $count } учасник
        [few] { $count } учасники
        [many] { $count } учасників
       *[other] { $count } учасника
    }
join-title = Приєднатися до простору
join-submit = Приєднатися
space-new-title = Створити простір
space-new-submit = Створити простір

space-nav-label = Розділи простору
space-threads = Теми
space-invite-code = Код запрошення для нових учасників:
space-empty = Тем ще немає. Почніть першу!
thread-unread = Нові дописи
thread-pinned = Закріплено
thread-locked = Закрито
thread-hidden = Приховано
post-count = { $count ->
        [one] { $count } допис
        [few] { $count } дописи
        [many] { $count } дописів
       *[other] { $count } допису
    }

thread-new-title = Нова тема
thread-new-submit = Почати тему
thread-posts = Дописи
thread-pin = Закріпити
thread-unpin = Відкріпити
thread-lock = Закрити
thread-unlock = Відкрити
thread-locked-note = Ця тема закрита: відповідати можуть лише вчителі.
reply-title = Ваша відповідь
reply-submit = Надіслати відповідь

translated-from = Перекладено (мова оригіналу: { $language })
show-original = Показати оригінал
show-all-originals = Показати всі оригінали
hide-all-originals = Сховати оригінали
translation-pending = Перекладаємо ({ $language })…
translation-stale = Цей переклад зроблено з попередньої версії; новий уже готується.
translation-unavailable = Перекладу ({ $language }) поки немає.
original-in = Оригінал ({ $language })
translation-in = Переклад ({ $language })
you-read-this-language = Ви читаєте цією мовою.

post-edited = змінено
post-deleted = Цей допис видалено.
post-hidden-mark = Приховано вчителем
post-quote = Цитувати
post-edit = Редагувати
post-hide = Приховати
post-unhide = Показати знову
post-report = Поскаржитися
post-report-submit = Надіслати скаргу
compose-language-confirm = Ми не змогли напевно визначити, якою мовою ти написав. Перевір мову нижче й надішли ще раз.
post-language = Написано мовою: { $language }
post-language-fix = Цей допис написано мовою
post-language-submit = Змінити
post-wrong-language = Написано не мовою { $language }?
post-wrong-language-reason = Цей допис написано не мовою { $language }.
post-edit-title = Редагування допису
post-edit-submit = Зберегти зміни
history-title = Історія змін
history-revision = Версія { $number }

profile-title = Профіль
profile-submit = Зберегти
profile-saved = Ваш профіль збережено.

reports-title = Скарги
reports-empty = Відкритих скарг немає.
report-by = { $reporter } поскаржився на допис від { $author }
report-open-thread = Відкрити в темі
report-resolve = Позначити як розглянуту
hidden-title = Приховані дописи
hidden-empty = Прихованих дописів немає.
bans-title = Блокування
bans-empty = Ніхто не заблокований.
bans-until = До
bans-by = Заблокував
bans-forever = Назавжди
bans-unban = Зняти блокування
bans-new = Заблокувати когось
bans-days = Днів
bans-days-help = Залиште порожнім, щоб заблокувати назавжди.
bans-submit = Заблокувати
modlog-title = Журнал модерації
modlog-empty = Ще нічого не модерували.
modlog-when = Коли
modlog-moderator = Модератор
modlog-action = Дія
modlog-target = Стосується
modlog-action-name = { $action ->
        [lock_thread] Закрив тему
        [unlock_thread] Відкрив тему
        [pin_thread] Закріпив тему
        [unpin_thread] Відкріпив тему
        [hide_thread] Приховав тему
        [unhide_thread] Знову показав тему
        [hide_post] Приховав допис
        [unhide_post] Знову показав допис
        [edit_post] Відредагував допис
        [delete_post] Видалив допис
        [resolve_report] Розглянув скаргу
        [ban] Заблокував
        [unban] Зняв блокування
        [remove_member] Вилучив учасника
        [rotate_invite] Створив новий код запрошення
        [update_space] Змінив, хто може читати простір
       *[change_role] Змінив роль
    }
members-title = Учасники
members-person = Особа
members-languages = Читає
members-role = Роль
members-save = Зберегти
role-student = Учень
role-teacher = Учитель
role-owner = Власник

admin-translation-title = Черга перекладу
admin-models-title = Встановлені моделі
admin-workers = Віддалені обробники
admin-workers-in-process = Віддалених обробників немає; сервер перекладає сам.
admin-worker-name = Назва
admin-created = Створено
admin-last-seen = Остання активність
admin-jobs = Останні завдання
admin-jobs-empty = Черга порожня.
admin-job-source = Текст
admin-job-languages = Мови
admin-job-state = Стан
admin-job-attempts = Спроби
admin-job-retry = Повторити
admin-job-updated = Оновлено
admin-guards = Перевірки якості
admin-guards-help = Переклад, що зациклюється, виходить порожнім або непропорційний оригіналу, не зберігається: текст перекладається знову наступним маршрутом, а якщо й він не вдається, помилку видно.
admin-guards-none = Жоден переклад не було відхилено.
admin-guard-model = Модель
admin-guard = Перевірка
admin-guard-hits = Відхилено
admin-guard-last = Востаннє
guard-empty = Порожній результат
guard-looping = Зациклення
guard-out_of_proportion = Непропорційність
admin-model-engine = Рушій
admin-model-name = Модель
admin-models-empty = Жодної моделі перекладу не встановлено.
admin-models-problems = Моделі, які не вдалося завантажити
admin-models-routes = Маршрути між мовами, якими читають ваші учасники
admin-models-routes-help = Кожна клітинка показує, через скільки рушіїв допис мовою рядка доходить до читача мови стовпця: 1 — напряму, 2 або 3 — через інші мови; — там, куди ще нічого не доходить.
admin-models-gaps = Поки що недосяжні
admin-models-gap = { $language }, з { $sources }
admin-models-suggest = Щоб побачити пакети, які закриють ці прогалини, виконайте:

search-title = Пошук
search-label = Шукати дописи всіма мовами
search-submit = Шукати
search-count = { $count ->
        [one] Знайдено { $count } допис
        [few] Знайдено { $count } дописи
       *[other] Знайдено { $count } дописів
    }
search-none = Жоден допис не відповідає «{ $query }».
search-matched-body = знайдено в тексті мовою: { $language }
search-matched-title = знайдено в заголовку мовою: { $language }
search-more = Більше результатів
bans-hide-posts = Також приховати все, що ця людина написала в цьому просторі
invite-title = Запрошення
invite-expires = Код діє до { $when }.
invite-no-expiry = Код не має терміну дії.
invite-uses-of = Використано { $used } з { $max } разів.
invite-uses = Використано { $used } разів.
invite-days = Скільки днів діє новий код (порожньо: без обмеження)
invite-max-uses = Скільки людей можуть приєднатися з ним (порожньо: без обмеження)
invite-rotate = Створити новий код (старий перестане діяти)
members-remove = Вилучити
members-remove-person = Вилучити { $name } з простору
reports-resolve-page = Позначити всі скарги на цій сторінці як розглянуті
reports-more = Давніші скарги
security-link = Пароль і браузери, де ти увійшов
security-title = Пароль і сеанси
password-title = Змінити пароль
field-current-password = Поточний пароль
field-new-password = Новий пароль
password-help = Щонайменше 8 символів. Після зміни всі інші сеанси завершаться.
password-submit = Змінити пароль
password-changed = Пароль змінено. Усі інші браузери вийшли з облікового запису.
sessions-title = Де ти увійшов
session-current = Цей браузер
session-started = Вхід
session-last-seen = востаннє
session-unknown-browser = Невідомий браузер
session-end = Вийти там
sessions-end-all = Вийти всюди (і тут)

# Notifications
nav-notifications = Сповіщення
nav-notifications-unread = { $count ->
        [0] Сповіщення, непрочитаних немає
        [one] Сповіщення, { $count } непрочитане
        [few] Сповіщення, { $count } непрочитані
        [many] Сповіщення, { $count } непрочитаних
       *[other] Сповіщення, { $count } непрочитаного
    }
notifications-title = Сповіщення
notifications-empty = Поки нічого. Тут з’являться відповіді у ваших темах, згадки про вас і дії модераторів з вашими дописами.
notifications-mark-all = Позначити все як прочитане
notifications-older = Давніші
notification-someone = Хтось
notification-reply = { $actor } відповідає в «{ $thread }»
notification-mention = { $actor } згадує вас у «{ $thread }»
notification-quote = { $actor } цитує вас у «{ $thread }»
notification-post-hidden = { $actor } приховує ваш допис у «{ $thread }»
notification-post-unhidden = { $actor } знову показує ваш допис у «{ $thread }»
notification-report = { $actor } скаржиться на допис у «{ $thread }»
notification-member-joined = { $actor } приєднується до { $space }
notification-reason = Причина: { $reason }
notification-original = Ще не перекладено: оригінал мовою «{ $language }»
notification-hidden-since = Відтоді приховано
notification-deleted-since = Відтоді видалено
watch-label = Сповіщати мене про
watch-watching = кожну відповідь
watch-normal = лише згадки й цитати
watch-muted = нічого (вимкнено)
watch-save = Зберегти
mention-suggestions = Люди в цьому просторі

## Glossary and corrections (issue 14)
glossary-title = Глосарій
glossary-intro = Імена та терміни, яких має дотримуватися переклад у цьому просторі. Термін без перекладу ніколи не перекладається: використовуйте це для імен. Термін із перекладом для читачів цією мовою завжди стає саме цим текстом. Термін, записаний малими літерами, збігається незалежно від регістру; термін із великою літерою збігається лише так, як його записано.
glossary-term = Термін
glossary-written-in = Мова терміна
glossary-any-language = Будь-яка мова
glossary-translate-to = Мова перекладу
glossary-never = Ніколи не перекладати
glossary-translation = Переклад
glossary-save = Зберегти глосарій
glossary-saved = Глосарій збережено. Дописи, у яких є змінений термін, перекладаються заново.
corrections-title = Виправлення
corrections-intro = Речення, які читачі позначили як погано перекладені. Схвалене вами виправлення замінює машинний переклад цього речення всюди в цьому просторі.
corrections-flags = Позначені речення
corrections-none-flagged = Жодного речення не позначено.
corrections-original = Оригінал
corrections-machine = Машинний переклад
corrections-suggestion = Пропозиція
corrections-flagged-by = Позначено: @{ $handle }
corrections-your-translation = Правильний переклад
corrections-approve = Схвалити виправлення
corrections-dismiss = Відхилити
corrections-approved = Чинні виправлення
corrections-none = Виправлень ще немає.
corrections-revoke = Скасувати
corrections-approved-by = схвалено: @{ $handle }
translation-corrected = Виправлено вчителем
translation-flag = Неправильний переклад?
sentences-title = Переклад речення за реченням
sentences-intro = Позначте речення, яке перекладено неправильно. Ваші вчителі побачать його поруч з оригіналом і зможуть виправити для всіх.
sentences-flag = Це речення перекладено неправильно
sentences-flag-submit = Надіслати вчителям
sentences-flagged = Дякуємо! Ваші вчителі це перевірять.
sentences-none = Перекладу цього допису ({ $language }) поки немає.
